package ghesadmin

import (
	"context"
	"fmt"
	"net/http"
)

// CodeSecurityService manages the enterprise's code security: the
// defaults for new repositories, turning a security feature on or off for
// every repository (GitHub docs: enterprise-admin/code-security-and-analysis),
// and code security configurations (code-security/configurations).
type CodeSecurityService service

// CodeSecurityAndAnalysis are the security features enabled by default for
// new repositories of an enterprise.
type CodeSecurityAndAnalysis struct {
	// AdvancedSecurityEnabledForNewRepositories enables GitHub Advanced
	// Security on new repositories.
	AdvancedSecurityEnabledForNewRepositories bool `json:"advanced_security_enabled_for_new_repositories"`
	// AdvancedSecurityEnabledForNewUserNamespaceRepositories enables GitHub
	// Advanced Security on new user namespace repositories.
	AdvancedSecurityEnabledForNewUserNamespaceRepositories bool `json:"advanced_security_enabled_for_new_user_namespace_repositories"`
	// DependabotAlertsEnabledForNewRepositories enables Dependabot alerts.
	DependabotAlertsEnabledForNewRepositories bool `json:"dependabot_alerts_enabled_for_new_repositories"`
	// SecretScanningEnabledForNewRepositories enables secret scanning.
	SecretScanningEnabledForNewRepositories bool `json:"secret_scanning_enabled_for_new_repositories"`
	// SecretScanningPushProtectionEnabledForNewRepositories enables push
	// protection.
	SecretScanningPushProtectionEnabledForNewRepositories bool `json:"secret_scanning_push_protection_enabled_for_new_repositories"`
	// SecretScanningPushProtectionCustomLink is the link shown when push
	// protection blocks a push, or nil.
	SecretScanningPushProtectionCustomLink *string `json:"secret_scanning_push_protection_custom_link"`
	// SecretScanningNonProviderPatternsEnabledForNewRepositories enables
	// scanning for non-provider patterns.
	SecretScanningNonProviderPatternsEnabledForNewRepositories bool `json:"secret_scanning_non_provider_patterns_enabled_for_new_repositories"`
}

// UpdateCodeSecurityAndAnalysisRequest is the body of
// CodeSecurityService.UpdateSettings. Nil fields are left unchanged.
type UpdateCodeSecurityAndAnalysisRequest struct {
	AdvancedSecurityEnabledForNewRepositories *bool `json:"advanced_security_enabled_for_new_repositories,omitempty"`
	// AdvancedSecurityEnabledNewUserNamespaceRepos enables GitHub Advanced
	// Security on new user namespace repositories (the request's key is
	// shorter than the reply's).
	AdvancedSecurityEnabledNewUserNamespaceRepos          *bool `json:"advanced_security_enabled_new_user_namespace_repos,omitempty"`
	DependabotAlertsEnabledForNewRepositories             *bool `json:"dependabot_alerts_enabled_for_new_repositories,omitempty"`
	SecretScanningEnabledForNewRepositories               *bool `json:"secret_scanning_enabled_for_new_repositories,omitempty"`
	SecretScanningPushProtectionEnabledForNewRepositories *bool `json:"secret_scanning_push_protection_enabled_for_new_repositories,omitempty"`
	// SecretScanningPushProtectionCustomLink sets the link shown when push
	// protection blocks a push; a pointer to "" removes it.
	SecretScanningPushProtectionCustomLink                     *string `json:"secret_scanning_push_protection_custom_link,omitempty"`
	SecretScanningNonProviderPatternsEnabledForNewRepositories *bool   `json:"secret_scanning_non_provider_patterns_enabled_for_new_repositories,omitempty"`
}

// SecurityProduct is a security feature that CodeSecurityService.SetFeature
// turns on or off for every repository.
type SecurityProduct string

// The security products.
const (
	SecurityProductAdvancedSecurity              SecurityProduct = "advanced_security"
	SecurityProductAdvancedSecurityUserNamespace SecurityProduct = "advanced_security_user_namespace" // GHES 3.13 and later
	SecurityProductDependabotAlerts              SecurityProduct = "dependabot_alerts"
	SecurityProductSecretScanning                SecurityProduct = "secret_scanning"
	SecurityProductSecretScanningPushProtection  SecurityProduct = "secret_scanning_push_protection"
	SecurityProductSecretScanningNonProvider     SecurityProduct = "secret_scanning_non_provider_patterns" // GHES 3.15 and later
)

// SecurityEnablement turns a security product on or off for every
// repository.
type SecurityEnablement string

// The enablements.
const (
	SecurityEnableAll  SecurityEnablement = "enable_all"
	SecurityDisableAll SecurityEnablement = "disable_all"
)

// checkEnum refuses a value that is not one of allowed (and not empty
// unless allowEmpty), naming the method (when not "") and the field.
func checkEnum[T ~string](method, field string, v T, allowEmpty bool, allowed ...T) error {
	if v == "" && allowEmpty {
		return nil
	}
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	if method != "" {
		field = method + ": " + field
	}
	return fmt.Errorf("%w: %s is %q; want one of %q", ErrInvalidArgument, field, string(v), allowed)
}

// GetSettings returns the security features enabled by default for new
// repositories of an enterprise.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/code-security-and-analysis#get-code-security-and-analysis-features-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/code_security_and_analysis (GHES 3.7 and later).
//
//meta:operation GET /enterprises/{enterprise}/code_security_and_analysis
func (s *CodeSecurityService) GetSettings(ctx context.Context, enterprise string) (*CodeSecurityAndAnalysis, *Response, error) {
	return fetch[CodeSecurityAndAnalysis](ctx, s.backend, &request{op: "CodeSecurity.GetSettings", method: http.MethodGet, path: "enterprises/{enterprise}/code_security_and_analysis", args: []any{enterprise}})
}

// UpdateSettings changes the security features enabled by default for new
// repositories of an enterprise.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/code-security-and-analysis#update-code-security-and-analysis-features-for-an-enterprise
//
// GHES API: PATCH /enterprises/{enterprise}/code_security_and_analysis (GHES 3.7 and later).
//
//meta:operation PATCH /enterprises/{enterprise}/code_security_and_analysis
func (s *CodeSecurityService) UpdateSettings(ctx context.Context, enterprise string, body UpdateCodeSecurityAndAnalysisRequest) (*Response, error) {
	return s.backend.call(ctx, &request{op: "CodeSecurity.UpdateSettings", method: http.MethodPatch, path: "enterprises/{enterprise}/code_security_and_analysis", args: []any{enterprise}, json: body}, nil)
}

// SetFeature enables or disables a security feature for every repository
// of an enterprise.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/code-security-and-analysis#enable-or-disable-a-security-feature
//
// GHES API: POST /enterprises/{enterprise}/{security_product}/{enablement} (GHES 3.7 and later).
//
//meta:operation POST /enterprises/{enterprise}/{security_product}/{enablement}
func (s *CodeSecurityService) SetFeature(ctx context.Context, enterprise string, product SecurityProduct, enablement SecurityEnablement) (*Response, error) {
	const m = "CodeSecurity.SetFeature"
	if err := checkEnum(m, "product", product, false, SecurityProductAdvancedSecurity, SecurityProductAdvancedSecurityUserNamespace, SecurityProductDependabotAlerts, SecurityProductSecretScanning, SecurityProductSecretScanningPushProtection, SecurityProductSecretScanningNonProvider); err != nil {
		return nil, err
	}
	if err := checkEnum(m, "enablement", enablement, false, SecurityEnableAll, SecurityDisableAll); err != nil {
		return nil, err
	}
	return s.backend.call(ctx, &request{op: m, method: http.MethodPost, path: "enterprises/{enterprise}/{security_product}/{enablement}", args: []any{enterprise, string(product), string(enablement)}}, nil)
}
