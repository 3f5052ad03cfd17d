package ghesadmin

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLicenseListAdvancedSecurityCommitters(t *testing.T) {
	path := "/enterprises/" + acmeCorpEscaped + "/settings/billing/advanced-security"
	for _, tc := range []queryCase[ListAdvancedSecurityCommittersOptions]{
		{"no options", nil, nil},
		{"code security", &ListAdvancedSecurityCommittersOptions{Product: AdvancedSecurityProductCodeSecurity, ListOptions: ListOptions{Page: 2, PerPage: 50}},
			url.Values{"advanced_security_product": {"code_security"}, "page": {"2"}, "per_page": {"50"}}},
		{"secret protection", &ListAdvancedSecurityCommittersOptions{Product: AdvancedSecurityProductSecretProtection},
			url.Values{"advanced_security_product": {"secret_protection"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := mock(t)
			env.expect(t, call{Method: http.MethodGet, Path: path, Query: tc.query, Reply: "advanced_security/committers.json"})
			got, resp, err := env.Client.License.ListAdvancedSecurityCommitters(context.Background(), acmeCorp, tc.opts)
			requireStatus(t, resp, err, http.StatusOK)
			assertFields(t, "committers", *got, AdvancedSecurityCommitters{
				TotalAdvancedSecurityCommitters:     7,
				TotalCount:                          7,
				MaximumAdvancedSecurityCommitters:   7,
				PurchasedAdvancedSecurityCommitters: 7,
				Repositories: []*AdvancedSecurityRepository{{
					Name:                       "value-of-name",
					AdvancedSecurityCommitters: 7,
					AdvancedSecurityCommittersBreakdown: []*AdvancedSecurityCommitter{{
						UserLogin:       "value-of-user_login",
						LastPushedDate:  "value-of-last_pushed_date",
						LastPushedEmail: "value-of-last_pushed_email",
					}},
				}},
			})
		})
	}
	assertCoversFixture(t, "advanced_security/committers.json", AdvancedSecurityCommitters{})
}

func TestLicenseListAdvancedSecurityCommittersIter(t *testing.T) {
	env := mock(t)
	path := "/enterprises/" + acmeCorpEscaped + "/settings/billing/advanced-security"
	page := func(names ...string) string {
		s := `{"total_advanced_security_committers":3,"total_count":3,"repositories":[`
		for i, n := range names {
			if i > 0 {
				s += ","
			}
			s += `{"name":"` + n + `","advanced_security_committers":1}`
		}
		return s + "]}"
	}
	expectWalk(t, env, path, []walkPage{
		{url.Values{"advanced_security_product": {"secret_protection"}, "per_page": {"1"}}, page("octo-org/a"), "advanced_security_product=secret_protection&page=2&per_page=1"},
		{url.Values{"advanced_security_product": {"secret_protection"}, "per_page": {"1"}, "page": {"2"}}, page("octo-org/b"), "advanced_security_product=secret_protection&page=3&per_page=1"},
		{url.Values{"advanced_security_product": {"secret_protection"}, "per_page": {"1"}, "page": {"3"}}, page("octo-org/c"), ""},
	})
	opts := &ListAdvancedSecurityCommittersOptions{Product: AdvancedSecurityProductSecretProtection, ListOptions: ListOptions{PerPage: 1}}
	var names []string
	for r, err := range env.Client.License.ListAdvancedSecurityCommittersIter(context.Background(), acmeCorp, opts) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, r.Name)
	}
	assert.Equal(t, []string{"octo-org/a", "octo-org/b", "octo-org/c"}, names)
	assert.Equal(t, ListAdvancedSecurityCommittersOptions{Product: AdvancedSecurityProductSecretProtection, ListOptions: ListOptions{PerPage: 1}}, *opts, "the caller's options")
}

func TestLicenseAdvancedSecurityArgumentsRefused(t *testing.T) {
	list := func(o ListAdvancedSecurityCommittersOptions) func(ctx context.Context, c *Client) error {
		return func(ctx context.Context, c *Client) error {
			_, _, err := c.License.ListAdvancedSecurityCommitters(ctx, "e", &o)
			return err
		}
	}
	env := mock(t) // no expectations: a request sent fails the test
	ctx, c := context.Background(), env.Client
	checkRefusals(t, []refusal{
		{"License.ListAdvancedSecurityCommitters: Product", list(ListAdvancedSecurityCommittersOptions{Product: "all"})(ctx, c), "License.ListAdvancedSecurityCommitters", "Product"},
		{"License.ListAdvancedSecurityCommitters: PerPage", list(ListAdvancedSecurityCommittersOptions{ListOptions: ListOptions{PerPage: 101}})(ctx, c), "License.ListAdvancedSecurityCommitters", "PerPage"},
		{"License.ListAdvancedSecurityCommitters: Page", list(ListAdvancedSecurityCommittersOptions{ListOptions: ListOptions{Page: -1}})(ctx, c), "License.ListAdvancedSecurityCommitters", "Page"},
		{"License.ListAdvancedSecurityCommitters: enterprise", func() error {
			return firstErr(c.License.ListAdvancedSecurityCommittersIter(ctx, "", nil))
		}(), "License.ListAdvancedSecurityCommitters", "enterprise"},
	})
}
