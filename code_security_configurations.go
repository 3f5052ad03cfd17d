package ghesadmin

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"time"
)

// ConfigurationSetting is the state of one feature in a code security
// configuration.
type ConfigurationSetting string

// The states of a feature in a code security configuration.
const (
	ConfigurationEnabled  ConfigurationSetting = "enabled"
	ConfigurationDisabled ConfigurationSetting = "disabled"
	ConfigurationNotSet   ConfigurationSetting = "not_set"
)

func (v ConfigurationSetting) check(method, field string) error {
	return checkEnum(method, field, v, true, ConfigurationEnabled, ConfigurationDisabled, ConfigurationNotSet)
}

// AdvancedSecuritySetting is the GitHub Advanced Security state of a code
// security configuration.
type AdvancedSecuritySetting string

// The Advanced Security states.
const (
	AdvancedSecurityEnabled          AdvancedSecuritySetting = "enabled"
	AdvancedSecurityDisabled         AdvancedSecuritySetting = "disabled"
	AdvancedSecurityCodeSecurity     AdvancedSecuritySetting = "code_security"
	AdvancedSecuritySecretProtection AdvancedSecuritySetting = "secret_protection"
)

// ConfigurationTargetType is the owner kind of a code security
// configuration.
type ConfigurationTargetType string

// The owner kinds of code security configurations.
const (
	ConfigurationTargetGlobal       ConfigurationTargetType = "global"
	ConfigurationTargetEnterprise   ConfigurationTargetType = "enterprise"
	ConfigurationTargetOrganization ConfigurationTargetType = "organization"
)

// ConfigurationEnforcement tells whether repositories may change the
// configuration's settings.
type ConfigurationEnforcement string

// The enforcement states.
const (
	ConfigurationEnforced   ConfigurationEnforcement = "enforced"
	ConfigurationUnenforced ConfigurationEnforcement = "unenforced"
)

// CodeScanningRunnerType is the kind of runner code scanning default setup
// uses.
type CodeScanningRunnerType string

// The runner kinds of code scanning default setup.
const (
	CodeScanningRunnerStandard CodeScanningRunnerType = "standard"
	CodeScanningRunnerLabeled  CodeScanningRunnerType = "labeled"
	CodeScanningRunnerNotSet   CodeScanningRunnerType = "not_set"
)

// CodeScanningDefaultSetupOptions are the runner options of code scanning
// default setup.
type CodeScanningDefaultSetupOptions struct {
	// RunnerType is the kind of runner.
	RunnerType CodeScanningRunnerType `json:"runner_type,omitempty"`
	// RunnerLabel is the label of the runners, for RunnerType labeled.
	RunnerLabel *string `json:"runner_label,omitempty"`
}

// CodeScanningOptions are the code scanning options of a configuration.
type CodeScanningOptions struct {
	// AllowAdvanced lets repositories use advanced setup.
	AllowAdvanced *bool `json:"allow_advanced,omitempty"`
}

// DelegatedBypassReviewer is a team or role that reviews push protection
// bypass requests.
type DelegatedBypassReviewer struct {
	ReviewerID int64 `json:"reviewer_id"`
	// ReviewerType is "TEAM" or "ROLE".
	ReviewerType            string `json:"reviewer_type"`
	SecurityConfigurationID int64  `json:"security_configuration_id,omitempty"`
}

// DelegatedBypassOptions are the reviewers of push protection bypass
// requests.
type DelegatedBypassOptions struct {
	Reviewers []*DelegatedBypassReviewer `json:"reviewers,omitempty"`
}

// CodeSecurityConfiguration is a named set of security settings that can be
// attached to repositories (GHES 3.16 and later).
type CodeSecurityConfiguration struct {
	ID          int64                   `json:"id"`
	Name        string                  `json:"name"`
	Description string                  `json:"description,omitempty"`
	TargetType  ConfigurationTargetType `json:"target_type,omitempty"`

	AdvancedSecurity                      AdvancedSecuritySetting          `json:"advanced_security,omitempty"`
	CodeSecurity                          ConfigurationSetting             `json:"code_security,omitempty"`
	SecretProtection                      ConfigurationSetting             `json:"secret_protection,omitempty"`
	DependencyGraph                       ConfigurationSetting             `json:"dependency_graph,omitempty"`
	DependabotAlerts                      ConfigurationSetting             `json:"dependabot_alerts,omitempty"`
	DependabotSecurityUpdates             ConfigurationSetting             `json:"dependabot_security_updates,omitempty"`
	DependabotDelegatedAlertDismissal     *ConfigurationSetting            `json:"dependabot_delegated_alert_dismissal,omitempty"`
	CodeScanningDefaultSetup              ConfigurationSetting             `json:"code_scanning_default_setup,omitempty"`
	CodeScanningDefaultSetupOptions       *CodeScanningDefaultSetupOptions `json:"code_scanning_default_setup_options,omitempty"`
	CodeScanningOptions                   *CodeScanningOptions             `json:"code_scanning_options,omitempty"`
	CodeScanningDelegatedAlertDismissal   ConfigurationSetting             `json:"code_scanning_delegated_alert_dismissal,omitempty"`
	SecretScanning                        ConfigurationSetting             `json:"secret_scanning,omitempty"`
	SecretScanningPushProtection          ConfigurationSetting             `json:"secret_scanning_push_protection,omitempty"`
	SecretScanningDelegatedBypass         ConfigurationSetting             `json:"secret_scanning_delegated_bypass,omitempty"`
	SecretScanningDelegatedBypassOptions  *DelegatedBypassOptions          `json:"secret_scanning_delegated_bypass_options,omitempty"`
	SecretScanningValidityChecks          ConfigurationSetting             `json:"secret_scanning_validity_checks,omitempty"`
	SecretScanningNonProviderPatterns     ConfigurationSetting             `json:"secret_scanning_non_provider_patterns,omitempty"`
	SecretScanningDelegatedAlertDismissal ConfigurationSetting             `json:"secret_scanning_delegated_alert_dismissal,omitempty"`
	PrivateVulnerabilityReporting         ConfigurationSetting             `json:"private_vulnerability_reporting,omitempty"`
	Enforcement                           ConfigurationEnforcement         `json:"enforcement,omitempty"`

	URL       string    `json:"url,omitempty"`
	HTMLURL   string    `json:"html_url,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// UnmarshalJSON reads the object, or the object wrapped as
// {"value": {…}, "x-ref": "…"} as some examples show it (aliases.go).
func (v *CodeSecurityConfiguration) UnmarshalJSON(b []byte) error {
	type plain CodeSecurityConfiguration
	return toleranceReferenceWrapper.decode(b, (*plain)(v))
}

// CodeSecurityConfigurationRequest is the body of CreateConfiguration
// (Name and Description required) and UpdateConfiguration (every field
// optional). Empty settings are left to the server's defaults.
type CodeSecurityConfigurationRequest struct {
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`

	AdvancedSecurity                      AdvancedSecuritySetting          `json:"advanced_security,omitempty"`
	CodeSecurity                          ConfigurationSetting             `json:"code_security,omitempty"`
	SecretProtection                      ConfigurationSetting             `json:"secret_protection,omitempty"`
	DependencyGraph                       ConfigurationSetting             `json:"dependency_graph,omitempty"`
	DependabotAlerts                      ConfigurationSetting             `json:"dependabot_alerts,omitempty"`
	DependabotSecurityUpdates             ConfigurationSetting             `json:"dependabot_security_updates,omitempty"`
	CodeScanningDefaultSetup              ConfigurationSetting             `json:"code_scanning_default_setup,omitempty"`
	CodeScanningDefaultSetupOptions       *CodeScanningDefaultSetupOptions `json:"code_scanning_default_setup_options,omitempty"`
	CodeScanningOptions                   *CodeScanningOptions             `json:"code_scanning_options,omitempty"`
	CodeScanningDelegatedAlertDismissal   ConfigurationSetting             `json:"code_scanning_delegated_alert_dismissal,omitempty"`
	SecretScanning                        ConfigurationSetting             `json:"secret_scanning,omitempty"`
	SecretScanningPushProtection          ConfigurationSetting             `json:"secret_scanning_push_protection,omitempty"`
	SecretScanningValidityChecks          ConfigurationSetting             `json:"secret_scanning_validity_checks,omitempty"`
	SecretScanningNonProviderPatterns     ConfigurationSetting             `json:"secret_scanning_non_provider_patterns,omitempty"`
	SecretScanningDelegatedAlertDismissal ConfigurationSetting             `json:"secret_scanning_delegated_alert_dismissal,omitempty"`
	PrivateVulnerabilityReporting         ConfigurationSetting             `json:"private_vulnerability_reporting,omitempty"`
	Enforcement                           ConfigurationEnforcement         `json:"enforcement,omitempty"`
}

// newConfiguration is the body of CreateConfiguration, whose Name and
// Description are required.
type newConfiguration struct {
	CodeSecurityConfigurationRequest
}

func (r newConfiguration) check(method string) error {
	if r.Name == "" {
		return fmt.Errorf("%w: %s: Name is empty", ErrInvalidArgument, method)
	}
	if r.Description == "" {
		return fmt.Errorf("%w: %s: Description is empty", ErrInvalidArgument, method)
	}
	return r.CodeSecurityConfigurationRequest.check(method)
}

func (r CodeSecurityConfigurationRequest) check(method string) error {
	if len(r.Description) > 255 {
		return fmt.Errorf("%w: %s: Description has %d bytes; at most 255", ErrInvalidArgument, method, len(r.Description))
	}
	if err := checkEnum(method, "AdvancedSecurity", r.AdvancedSecurity, true, AdvancedSecurityEnabled, AdvancedSecurityDisabled, AdvancedSecurityCodeSecurity, AdvancedSecuritySecretProtection); err != nil {
		return err
	}
	if err := checkEnum(method, "Enforcement", r.Enforcement, true, ConfigurationEnforced, ConfigurationUnenforced); err != nil {
		return err
	}
	if o := r.CodeScanningDefaultSetupOptions; o != nil {
		if err := checkEnum(method, "CodeScanningDefaultSetupOptions.RunnerType", o.RunnerType, true, CodeScanningRunnerStandard, CodeScanningRunnerLabeled, CodeScanningRunnerNotSet); err != nil {
			return err
		}
	}
	for _, f := range []struct {
		name string
		v    ConfigurationSetting
	}{
		{"CodeSecurity", r.CodeSecurity}, {"SecretProtection", r.SecretProtection},
		{"DependencyGraph", r.DependencyGraph}, {"DependabotAlerts", r.DependabotAlerts},
		{"DependabotSecurityUpdates", r.DependabotSecurityUpdates}, {"CodeScanningDefaultSetup", r.CodeScanningDefaultSetup},
		{"CodeScanningDelegatedAlertDismissal", r.CodeScanningDelegatedAlertDismissal}, {"SecretScanning", r.SecretScanning},
		{"SecretScanningPushProtection", r.SecretScanningPushProtection}, {"SecretScanningValidityChecks", r.SecretScanningValidityChecks},
		{"SecretScanningNonProviderPatterns", r.SecretScanningNonProviderPatterns},
		{"SecretScanningDelegatedAlertDismissal", r.SecretScanningDelegatedAlertDismissal},
		{"PrivateVulnerabilityReporting", r.PrivateVulnerabilityReporting},
	} {
		if err := f.v.check(method, f.name); err != nil {
			return err
		}
	}
	return nil
}

// DefaultForNewRepos is the kind of new repositories a configuration is
// applied to by default.
type DefaultForNewRepos string

// The kinds of new repositories.
const (
	DefaultForAll                DefaultForNewRepos = "all"
	DefaultForNone               DefaultForNewRepos = "none"
	DefaultForPrivateAndInternal DefaultForNewRepos = "private_and_internal"
	DefaultForPublic             DefaultForNewRepos = "public"
)

// DefaultCodeSecurityConfiguration is a configuration applied by default to
// new repositories.
type DefaultCodeSecurityConfiguration struct {
	DefaultForNewRepos DefaultForNewRepos         `json:"default_for_new_repos,omitempty"`
	Configuration      *CodeSecurityConfiguration `json:"configuration,omitempty"`
}

// AttachScope selects the repositories a configuration is attached to.
type AttachScope string

// The attach scopes.
const (
	// AttachAll attaches the configuration to every repository.
	AttachAll AttachScope = "all"
	// AttachAllWithoutConfigurations attaches it to the repositories that
	// have no configuration.
	AttachAllWithoutConfigurations AttachScope = "all_without_configurations"
)

// AttachConfigurationRequest is the body of
// CodeSecurityService.AttachConfiguration.
type AttachConfigurationRequest struct {
	// Scope selects the repositories (required).
	Scope AttachScope `json:"scope"`
}

func (r AttachConfigurationRequest) check(method string) error {
	return checkEnum(method, "Scope", r.Scope, false, AttachAll, AttachAllWithoutConfigurations)
}

// SetDefaultConfigurationRequest is the body of
// CodeSecurityService.SetDefaultConfiguration.
type SetDefaultConfigurationRequest struct {
	// DefaultForNewRepos is the kind of new repositories the
	// configuration applies to (DefaultForNone removes it as a default).
	DefaultForNewRepos DefaultForNewRepos `json:"default_for_new_repos"`
}

func (r SetDefaultConfigurationRequest) check(method string) error {
	return checkEnum(method, "DefaultForNewRepos", r.DefaultForNewRepos, false, DefaultForAll, DefaultForNone, DefaultForPrivateAndInternal, DefaultForPublic)
}

// ConfigurationRepositoryStatus is the state of a configuration on one
// repository.
type ConfigurationRepositoryStatus string

// The states of a configuration on a repository.
const (
	ConfigurationRepoAttached            ConfigurationRepositoryStatus = "attached"
	ConfigurationRepoAttaching           ConfigurationRepositoryStatus = "attaching"
	ConfigurationRepoDetached            ConfigurationRepositoryStatus = "detached"
	ConfigurationRepoRemoved             ConfigurationRepositoryStatus = "removed"
	ConfigurationRepoEnforced            ConfigurationRepositoryStatus = "enforced"
	ConfigurationRepoFailed              ConfigurationRepositoryStatus = "failed"
	ConfigurationRepoUpdating            ConfigurationRepositoryStatus = "updating"
	ConfigurationRepoRemovedByEnterprise ConfigurationRepositoryStatus = "removed_by_enterprise"
)

// ConfigurationRepository is a repository a configuration applies to.
type ConfigurationRepository struct {
	Status     ConfigurationRepositoryStatus `json:"status"`
	Repository *SimpleRepository             `json:"repository"`
}

// ListConfigurationRepositoriesOptions selects a page of the repositories
// of a configuration.
type ListConfigurationRepositoriesOptions struct {
	// Status keeps the repositories in these states, comma-separated
	// ("attached,failed"), or "all" (the default).
	Status string `url:"status,omitempty"`
	ListCursorOptions
}

// checkConfigurationID refuses a configuration ID that is not positive.
func checkConfigurationID(method string, id int64) error {
	if id <= 0 {
		return fmt.Errorf("%w: %s: configurationID is %d; it must be positive", ErrInvalidArgument, method, id)
	}
	return nil
}

// ListConfigurations returns one page of the enterprise's code security
// configurations.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/code-security/configurations#get-code-security-configurations-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/code-security/configurations (GHES 3.16 and later).
//
//meta:operation GET /enterprises/{enterprise}/code-security/configurations
func (s *CodeSecurityService) ListConfigurations(ctx context.Context, enterprise string, opts *ListCursorOptions) ([]*CodeSecurityConfiguration, *Response, error) {
	return fetchSlice[*CodeSecurityConfiguration](ctx, s.backend, &request{op: "CodeSecurity.ListConfigurations", method: http.MethodGet, path: "enterprises/{enterprise}/code-security/configurations", args: []any{enterprise}, query: opts})
}

// ListConfigurationsIter walks every code security configuration of the
// enterprise, following the replies' next links.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/code-security/configurations#get-code-security-configurations-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/code-security/configurations (GHES 3.16 and later).
//
//meta:operation GET /enterprises/{enterprise}/code-security/configurations
func (s *CodeSecurityService) ListConfigurationsIter(ctx context.Context, enterprise string, opts *ListCursorOptions) iter.Seq2[*CodeSecurityConfiguration, error] {
	return paginate(ctx, s.backend, opts, linked(bind(s.ListConfigurations, enterprise)))
}

// CreateConfiguration creates a code security configuration; Name and
// Description are required.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/code-security/configurations#create-a-code-security-configuration-for-an-enterprise
//
// GHES API: POST /enterprises/{enterprise}/code-security/configurations (GHES 3.16 and later).
//
//meta:operation POST /enterprises/{enterprise}/code-security/configurations
func (s *CodeSecurityService) CreateConfiguration(ctx context.Context, enterprise string, body CodeSecurityConfigurationRequest) (*CodeSecurityConfiguration, *Response, error) {
	return fetch[CodeSecurityConfiguration](ctx, s.backend, &request{op: "CodeSecurity.CreateConfiguration", method: http.MethodPost, path: "enterprises/{enterprise}/code-security/configurations", args: []any{enterprise}, json: newConfiguration{body}})
}

// ListDefaultConfigurations returns the configurations applied by default
// to new repositories.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/code-security/configurations#get-default-code-security-configurations-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/code-security/configurations/defaults (GHES 3.16 and later).
//
//meta:operation GET /enterprises/{enterprise}/code-security/configurations/defaults
func (s *CodeSecurityService) ListDefaultConfigurations(ctx context.Context, enterprise string) ([]*DefaultCodeSecurityConfiguration, *Response, error) {
	return fetchSlice[*DefaultCodeSecurityConfiguration](ctx, s.backend, &request{op: "CodeSecurity.ListDefaultConfigurations", method: http.MethodGet, path: "enterprises/{enterprise}/code-security/configurations/defaults", args: []any{enterprise}})
}

// GetConfiguration returns one code security configuration.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/code-security/configurations#retrieve-a-code-security-configuration-of-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/code-security/configurations/{configuration_id} (GHES 3.16 and later).
//
//meta:operation GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}
func (s *CodeSecurityService) GetConfiguration(ctx context.Context, enterprise string, configurationID int64) (*CodeSecurityConfiguration, *Response, error) {
	if err := checkConfigurationID("CodeSecurity.GetConfiguration", configurationID); err != nil {
		return nil, nil, err
	}
	return fetch[CodeSecurityConfiguration](ctx, s.backend, &request{op: "CodeSecurity.GetConfiguration", method: http.MethodGet, path: "enterprises/{enterprise}/code-security/configurations/{configuration_id}", args: []any{enterprise, configurationID}})
}

// UpdateConfiguration changes a code security configuration; empty fields
// are left unchanged.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/code-security/configurations#update-a-custom-code-security-configuration-for-an-enterprise
//
// GHES API: PATCH /enterprises/{enterprise}/code-security/configurations/{configuration_id} (GHES 3.16 and later).
//
//meta:operation PATCH /enterprises/{enterprise}/code-security/configurations/{configuration_id}
func (s *CodeSecurityService) UpdateConfiguration(ctx context.Context, enterprise string, configurationID int64, body CodeSecurityConfigurationRequest) (*CodeSecurityConfiguration, *Response, error) {
	if err := checkConfigurationID("CodeSecurity.UpdateConfiguration", configurationID); err != nil {
		return nil, nil, err
	}
	return fetch[CodeSecurityConfiguration](ctx, s.backend, &request{op: "CodeSecurity.UpdateConfiguration", method: http.MethodPatch, path: "enterprises/{enterprise}/code-security/configurations/{configuration_id}", args: []any{enterprise, configurationID}, json: body})
}

// DeleteConfiguration deletes a code security configuration; the
// repositories it was attached to keep their settings.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/code-security/configurations#delete-a-code-security-configuration-for-an-enterprise
//
// GHES API: DELETE /enterprises/{enterprise}/code-security/configurations/{configuration_id} (GHES 3.16 and later).
//
//meta:operation DELETE /enterprises/{enterprise}/code-security/configurations/{configuration_id}
func (s *CodeSecurityService) DeleteConfiguration(ctx context.Context, enterprise string, configurationID int64) (*Response, error) {
	if err := checkConfigurationID("CodeSecurity.DeleteConfiguration", configurationID); err != nil {
		return nil, err
	}
	return s.backend.call(ctx, &request{op: "CodeSecurity.DeleteConfiguration", method: http.MethodDelete, path: "enterprises/{enterprise}/code-security/configurations/{configuration_id}", args: []any{enterprise, configurationID}}, nil)
}

// AttachConfiguration attaches a configuration to the enterprise's
// repositories in scope. GHES attaches in the background (202 Accepted).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/code-security/configurations#attach-an-enterprise-configuration-to-repositories
//
// GHES API: POST /enterprises/{enterprise}/code-security/configurations/{configuration_id}/attach (GHES 3.16 and later).
//
//meta:operation POST /enterprises/{enterprise}/code-security/configurations/{configuration_id}/attach
func (s *CodeSecurityService) AttachConfiguration(ctx context.Context, enterprise string, configurationID int64, body AttachConfigurationRequest) (*Response, error) {
	if err := checkConfigurationID("CodeSecurity.AttachConfiguration", configurationID); err != nil {
		return nil, err
	}
	return s.backend.call(ctx, &request{op: "CodeSecurity.AttachConfiguration", method: http.MethodPost, path: "enterprises/{enterprise}/code-security/configurations/{configuration_id}/attach", args: []any{enterprise, configurationID}, json: body}, nil)
}

// SetDefaultConfiguration makes a configuration the default for the kind
// of new repositories the body names.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/code-security/configurations#set-a-code-security-configuration-as-a-default-for-an-enterprise
//
// GHES API: PUT /enterprises/{enterprise}/code-security/configurations/{configuration_id}/defaults (GHES 3.16 and later).
//
//meta:operation PUT /enterprises/{enterprise}/code-security/configurations/{configuration_id}/defaults
func (s *CodeSecurityService) SetDefaultConfiguration(ctx context.Context, enterprise string, configurationID int64, body SetDefaultConfigurationRequest) (*DefaultCodeSecurityConfiguration, *Response, error) {
	if err := checkConfigurationID("CodeSecurity.SetDefaultConfiguration", configurationID); err != nil {
		return nil, nil, err
	}
	return fetch[DefaultCodeSecurityConfiguration](ctx, s.backend, &request{op: "CodeSecurity.SetDefaultConfiguration", method: http.MethodPut, path: "enterprises/{enterprise}/code-security/configurations/{configuration_id}/defaults", args: []any{enterprise, configurationID}, json: body})
}

// ListConfigurationRepositories returns one page of the repositories a
// configuration applies to.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/code-security/configurations#get-repositories-associated-with-an-enterprise-code-security-configuration
//
// GHES API: GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}/repositories (GHES 3.16 and later).
//
//meta:operation GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}/repositories
func (s *CodeSecurityService) ListConfigurationRepositories(ctx context.Context, enterprise string, configurationID int64, opts *ListConfigurationRepositoriesOptions) ([]*ConfigurationRepository, *Response, error) {
	if err := checkConfigurationID("CodeSecurity.ListConfigurationRepositories", configurationID); err != nil {
		return nil, nil, err
	}
	return fetchSlice[*ConfigurationRepository](ctx, s.backend, &request{op: "CodeSecurity.ListConfigurationRepositories", method: http.MethodGet, path: "enterprises/{enterprise}/code-security/configurations/{configuration_id}/repositories", args: []any{enterprise, configurationID}, query: opts})
}

// ListConfigurationRepositoriesIter walks every repository a
// configuration applies to, following the replies' next links.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/code-security/configurations#get-repositories-associated-with-an-enterprise-code-security-configuration
//
// GHES API: GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}/repositories (GHES 3.16 and later).
//
//meta:operation GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}/repositories
func (s *CodeSecurityService) ListConfigurationRepositoriesIter(ctx context.Context, enterprise string, configurationID int64, opts *ListConfigurationRepositoriesOptions) iter.Seq2[*ConfigurationRepository, error] {
	return paginate(ctx, s.backend, opts, linked(bind2(s.ListConfigurationRepositories, enterprise, configurationID)))
}
