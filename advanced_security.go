package ghesadmin

import (
	"context"
	"fmt"
	"iter"
	"net/http"
)

// AdvancedSecurityCommitter is a user who pushed to a repository with
// GitHub Advanced Security enabled.
type AdvancedSecurityCommitter struct {
	UserLogin string `json:"user_login"`
	// LastPushedDate is the date of the user's last push (YYYY-MM-DD).
	LastPushedDate  string `json:"last_pushed_date"`
	LastPushedEmail string `json:"last_pushed_email,omitempty"`
}

// AdvancedSecurityRepository is a repository's active committers.
type AdvancedSecurityRepository struct {
	Name                                string                       `json:"name"`
	AdvancedSecurityCommitters          int                          `json:"advanced_security_committers"`
	AdvancedSecurityCommittersBreakdown []*AdvancedSecurityCommitter `json:"advanced_security_committers_breakdown"`
}

// AdvancedSecurityCommitters is one page of the enterprise's repositories
// with GitHub Advanced Security's active committers.
type AdvancedSecurityCommitters struct {
	TotalAdvancedSecurityCommitters     int                           `json:"total_advanced_security_committers"`
	TotalCount                          int                           `json:"total_count"`
	MaximumAdvancedSecurityCommitters   int                           `json:"maximum_advanced_security_committers"`
	PurchasedAdvancedSecurityCommitters int                           `json:"purchased_advanced_security_committers"`
	Repositories                        []*AdvancedSecurityRepository `json:"repositories"`
}

// AdvancedSecurityProduct selects the committers of one Advanced Security
// product.
type AdvancedSecurityProduct string

// The Advanced Security products.
const (
	AdvancedSecurityProductCodeSecurity     AdvancedSecurityProduct = "code_security"
	AdvancedSecurityProductSecretProtection AdvancedSecurityProduct = "secret_protection"
)

// ListAdvancedSecurityCommittersOptions selects a page of the active
// committers.
type ListAdvancedSecurityCommittersOptions struct {
	// Product keeps the committers of one product (GHES 3.17 and later).
	Product AdvancedSecurityProduct `url:"advanced_security_product,omitempty"`
	ListOptions
}

func (o ListAdvancedSecurityCommittersOptions) validate() error {
	if err := checkEnum("License.ListAdvancedSecurityCommitters", "Product", o.Product, true, AdvancedSecurityProductCodeSecurity, AdvancedSecurityProductSecretProtection); err != nil {
		return err
	}
	if err := o.ListOptions.validate(); err != nil {
		return fmt.Errorf("License.ListAdvancedSecurityCommitters: %w", err)
	}
	return nil
}

// ListAdvancedSecurityCommitters returns one page of the repositories with
// GitHub Advanced Security's active committers, with the enterprise's
// totals.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/licensing#get-github-advanced-security-active-committers-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/settings/billing/advanced-security (GHES 3.4 and later).
//
//meta:operation GET /enterprises/{enterprise}/settings/billing/advanced-security
func (s *LicenseService) ListAdvancedSecurityCommitters(ctx context.Context, enterprise string, opts *ListAdvancedSecurityCommittersOptions) (*AdvancedSecurityCommitters, *Response, error) {
	return fetch[AdvancedSecurityCommitters](ctx, s.backend, &request{op: "License.ListAdvancedSecurityCommitters", method: http.MethodGet, path: "enterprises/{enterprise}/settings/billing/advanced-security", args: []any{enterprise}, query: opts})
}

// ListAdvancedSecurityCommittersIter walks the repositories of every page.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/licensing#get-github-advanced-security-active-committers-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/settings/billing/advanced-security (GHES 3.4 and later).
//
//meta:operation GET /enterprises/{enterprise}/settings/billing/advanced-security
func (s *LicenseService) ListAdvancedSecurityCommittersIter(ctx context.Context, enterprise string, opts *ListAdvancedSecurityCommittersOptions) iter.Seq2[*AdvancedSecurityRepository, error] {
	return paginate(ctx, s.backend, opts, linkedItems(bind(s.ListAdvancedSecurityCommitters, enterprise), func(w *AdvancedSecurityCommitters) []*AdvancedSecurityRepository { return w.Repositories }))
}
