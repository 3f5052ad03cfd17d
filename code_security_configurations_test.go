package ghesadmin

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// schemaTime is the time of the schema fixtures.
var schemaTime = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

// schemaConfiguration is the configuration of code_security/configuration.json.
func schemaConfiguration() CodeSecurityConfiguration {
	on := ConfigurationEnabled
	return CodeSecurityConfiguration{
		ID:                                7,
		Name:                              "value-of-name",
		TargetType:                        ConfigurationTargetGlobal,
		AdvancedSecurity:                  AdvancedSecurityEnabled,
		DependencyGraph:                   on,
		DependabotAlerts:                  on,
		DependabotSecurityUpdates:         on,
		DependabotDelegatedAlertDismissal: &on,
		CodeScanningDefaultSetup:          on,
		CodeScanningDefaultSetupOptions: &CodeScanningDefaultSetupOptions{
			RunnerType:  CodeScanningRunnerStandard,
			RunnerLabel: Ptr("value-of-runner_label"),
		},
		CodeScanningOptions:                 &CodeScanningOptions{AllowAdvanced: Ptr(true)},
		CodeScanningDelegatedAlertDismissal: on,
		SecretScanning:                      on,
		SecretScanningPushProtection:        on,
		SecretScanningDelegatedBypass:       on,
		SecretScanningDelegatedBypassOptions: &DelegatedBypassOptions{Reviewers: []*DelegatedBypassReviewer{
			{ReviewerID: 7, ReviewerType: "TEAM", SecurityConfigurationID: 7},
		}},
		SecretScanningValidityChecks:          on,
		SecretScanningNonProviderPatterns:     on,
		SecretScanningDelegatedAlertDismissal: on,
		Enforcement:                           ConfigurationEnforced,
		URL:                                   "https://ghe.example.com/url",
		HTMLURL:                               "https://ghe.example.com/html_url",
		CreatedAt:                             schemaTime,
		UpdatedAt:                             schemaTime,
	}
}

// walkKeys walks seq and returns the key of each item.
func walkKeys[T any](t *testing.T, seq iter.Seq2[T, error], key func(T) int64) []int64 {
	t.Helper()
	var got []int64
	for v, err := range seq {
		require.NoError(t, err)
		got = append(got, key(v))
	}
	return got
}

func TestCodeSecurityListConfigurations(t *testing.T) {
	path := "/enterprises/" + acmeCorpEscaped + "/code-security/configurations"
	cases := []queryCase[ListCursorOptions]{
		{"no options", nil, nil},
		{"after", &ListCursorOptions{After: "Y3Vyc29yOjE=", PerPage: 30}, url.Values{"after": {"Y3Vyc29yOjE="}, "per_page": {"30"}}},
		{"before", &ListCursorOptions{Before: "Y3Vyc29yOjI="}, url.Values{"before": {"Y3Vyc29yOjI="}}},
	}
	testListQueries(t, path, "code_security/configurations.json", cases, func(ctx context.Context, c *Client, opts *ListCursorOptions) ([]*CodeSecurityConfiguration, *Response, error) {
		return c.CodeSecurity.ListConfigurations(ctx, acmeCorp, opts)
	}, func(t *testing.T, got *CodeSecurityConfiguration) {
		assertFields(t, "configuration", *got, schemaConfiguration())
	})
}

func TestCodeSecurityConfigurationWalks(t *testing.T) {
	base := "/enterprises/" + acmeCorpEscaped + "/code-security/configurations"
	for _, tc := range []struct {
		name  string
		path  string
		pages []walkPage
		want  []int64
		walk  func(c *Client) []int64
	}{
		{"ListConfigurationsIter", base, []walkPage{
			{url.Values{"per_page": {"2"}}, `[{"id":1},{"id":2}]`, "after=Y3Vyc29yOjI%3D&per_page=2"},
			{url.Values{"per_page": {"2"}, "after": {"Y3Vyc29yOjI="}}, `[{"id":3},{"id":4}]`, "after=Y3Vyc29yOjQ%3D&per_page=2"},
			{url.Values{"per_page": {"2"}, "after": {"Y3Vyc29yOjQ="}}, `[{"id":5}]`, ""},
		}, []int64{1, 2, 3, 4, 5}, func(c *Client) []int64 {
			return walkKeys(t, c.CodeSecurity.ListConfigurationsIter(context.Background(), acmeCorp, &ListCursorOptions{PerPage: 2}),
				func(v *CodeSecurityConfiguration) int64 { return v.ID })
		}},
		{"ListConfigurationRepositoriesIter", base + "/42/repositories", []walkPage{
			{url.Values{"status": {"attached,failed"}}, `[{"status":"attached","repository":{"id":1}}]`, "before=YmVmb3Jl&status=attached%2Cfailed"},
			{url.Values{"status": {"attached,failed"}, "before": {"YmVmb3Jl"}}, `[{"status":"failed","repository":{"id":2}}]`, ""},
		}, []int64{1, 2}, func(c *Client) []int64 {
			opts := &ListConfigurationRepositoriesOptions{Status: "attached,failed"}
			got := walkKeys(t, c.CodeSecurity.ListConfigurationRepositoriesIter(context.Background(), acmeCorp, 42, opts),
				func(v *ConfigurationRepository) int64 { return v.Repository.ID })
			assert.Equal(t, ListConfigurationRepositoriesOptions{Status: "attached,failed"}, *opts, "the caller's options")
			return got
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := mock(t)
			expectWalk(t, env, tc.path, tc.pages)
			assert.Equal(t, tc.want, tc.walk(env.Client))
		})
	}
}

func TestCodeSecurityCreateConfiguration(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/enterprises/" + acmeCorpEscaped + "/code-security/configurations",
		JSON: `{"name":"High risk","description":"For internet-facing repositories",
			"advanced_security":"code_security","code_security":"enabled","secret_protection":"enabled",
			"dependency_graph":"enabled","dependabot_alerts":"enabled","dependabot_security_updates":"not_set",
			"code_scanning_default_setup":"enabled",
			"code_scanning_default_setup_options":{"runner_type":"labeled","runner_label":"code-scanning"},
			"code_scanning_options":{"allow_advanced":false},
			"code_scanning_delegated_alert_dismissal":"disabled","secret_scanning":"enabled",
			"secret_scanning_push_protection":"enabled","secret_scanning_validity_checks":"disabled",
			"secret_scanning_non_provider_patterns":"not_set","secret_scanning_delegated_alert_dismissal":"disabled",
			"private_vulnerability_reporting":"enabled","enforcement":"unenforced"}`,
		Status: http.StatusCreated, Reply: "code_security/configuration.json"})
	got, resp, err := env.Client.CodeSecurity.CreateConfiguration(context.Background(), acmeCorp, CodeSecurityConfigurationRequest{
		Name:                                  "High risk",
		Description:                           "For internet-facing repositories",
		AdvancedSecurity:                      AdvancedSecurityCodeSecurity,
		CodeSecurity:                          ConfigurationEnabled,
		SecretProtection:                      ConfigurationEnabled,
		DependencyGraph:                       ConfigurationEnabled,
		DependabotAlerts:                      ConfigurationEnabled,
		DependabotSecurityUpdates:             ConfigurationNotSet,
		CodeScanningDefaultSetup:              ConfigurationEnabled,
		CodeScanningDefaultSetupOptions:       &CodeScanningDefaultSetupOptions{RunnerType: CodeScanningRunnerLabeled, RunnerLabel: Ptr("code-scanning")},
		CodeScanningOptions:                   &CodeScanningOptions{AllowAdvanced: Ptr(false)},
		CodeScanningDelegatedAlertDismissal:   ConfigurationDisabled,
		SecretScanning:                        ConfigurationEnabled,
		SecretScanningPushProtection:          ConfigurationEnabled,
		SecretScanningValidityChecks:          ConfigurationDisabled,
		SecretScanningNonProviderPatterns:     ConfigurationNotSet,
		SecretScanningDelegatedAlertDismissal: ConfigurationDisabled,
		PrivateVulnerabilityReporting:         ConfigurationEnabled,
		Enforcement:                           ConfigurationUnenforced,
	})
	requireStatus(t, resp, err, http.StatusCreated)
	assertFields(t, "configuration", *got, schemaConfiguration())
	assertCoversFixture(t, "code_security/configuration.json", CodeSecurityConfiguration{})
}

func TestCodeSecurityGetAndUpdateConfiguration(t *testing.T) {
	path := "/enterprises/" + acmeCorpEscaped + "/code-security/configurations/42"
	testReplyCases(t, "code_security/configuration.json", schemaConfiguration(), []replyCase[CodeSecurityConfiguration]{
		{"GetConfiguration", call{Method: http.MethodGet, Path: path}, func(c *Client) (*CodeSecurityConfiguration, *Response, error) {
			return c.CodeSecurity.GetConfiguration(context.Background(), acmeCorp, 42)
		}},
		{"UpdateConfiguration", call{Method: http.MethodPatch, Path: path,
			JSON: `{"description":"Only the secret scanning","secret_scanning":"enabled","code_scanning_default_setup_options":{"runner_type":"standard"}}`},
			func(c *Client) (*CodeSecurityConfiguration, *Response, error) {
				return c.CodeSecurity.UpdateConfiguration(context.Background(), acmeCorp, 42, CodeSecurityConfigurationRequest{
					Description:                     "Only the secret scanning",
					SecretScanning:                  ConfigurationEnabled,
					CodeScanningDefaultSetupOptions: &CodeScanningDefaultSetupOptions{RunnerType: CodeScanningRunnerStandard},
				})
			}},
	})
}

func TestCodeSecurityListDefaultConfigurations(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprises/" + acmeCorpEscaped + "/code-security/configurations/defaults", Reply: "code_security/defaults.json"})
	got, resp, err := env.Client.CodeSecurity.ListDefaultConfigurations(context.Background(), acmeCorp)
	requireStatus(t, resp, err, http.StatusOK)
	cfg := schemaConfiguration()
	assertFields(t, "defaults", got, []*DefaultCodeSecurityConfiguration{{DefaultForNewRepos: DefaultForPublic, Configuration: &cfg}})
	assertCoversFixture(t, "code_security/defaults.json", []*DefaultCodeSecurityConfiguration{})
}

func TestCodeSecuritySetDefaultConfiguration(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPut, Path: "/enterprises/" + acmeCorpEscaped + "/code-security/configurations/42/defaults",
		JSON: `{"default_for_new_repos":"private_and_internal"}`, Reply: "code_security/set_default.json"})
	got, resp, err := env.Client.CodeSecurity.SetDefaultConfiguration(context.Background(), acmeCorp, 42, SetDefaultConfigurationRequest{DefaultForNewRepos: DefaultForPrivateAndInternal})
	requireStatus(t, resp, err, http.StatusOK)
	cfg := schemaConfiguration()
	assertFields(t, "default", *got, DefaultCodeSecurityConfiguration{DefaultForNewRepos: DefaultForAll, Configuration: &cfg})
	assertCoversFixture(t, "code_security/set_default.json", DefaultCodeSecurityConfiguration{})
}

func TestCodeSecurityDeleteAndAttachConfiguration(t *testing.T) {
	path := "/enterprises/" + acmeCorpEscaped + "/code-security/configurations/42"
	attach := func(scope AttachScope) endpointFunc {
		return func(ctx context.Context, c *Client) (any, *Response, error) {
			return noResult(c.CodeSecurity.AttachConfiguration(ctx, acmeCorp, 42, AttachConfigurationRequest{Scope: scope}))
		}
	}
	runEndpointCases(t, []endpointCase{
		{"DeleteConfiguration", call{Method: http.MethodDelete, Path: path, Status: http.StatusNoContent}, func(ctx context.Context, c *Client) (any, *Response, error) {
			return noResult(c.CodeSecurity.DeleteConfiguration(ctx, acmeCorp, 42))
		}, nil},
		{"AttachConfiguration all", call{Method: http.MethodPost, Path: path + "/attach", JSON: `{"scope":"all"}`, Status: http.StatusAccepted, ReplyJSON: `{}`}, attach(AttachAll), nil},
		{"AttachConfiguration without configurations", call{Method: http.MethodPost, Path: path + "/attach", JSON: `{"scope":"all_without_configurations"}`, Status: http.StatusAccepted, ReplyJSON: `{}`},
			attach(AttachAllWithoutConfigurations), nil},
	})
}

func TestCodeSecurityListConfigurationRepositories(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprises/" + acmeCorpEscaped + "/code-security/configurations/42/repositories",
		Query: url.Values{"status": {"all"}, "after": {"YWZ0ZXI="}, "per_page": {"100"}}, Reply: "code_security/repositories.json"})
	got, resp, err := env.Client.CodeSecurity.ListConfigurationRepositories(context.Background(), acmeCorp, 42, &ListConfigurationRepositoriesOptions{
		Status: "all", ListCursorOptions: ListCursorOptions{After: "YWZ0ZXI=", PerPage: 100},
	})
	requireStatus(t, resp, err, http.StatusOK)
	repo := schemaRepository()
	assertFields(t, "repositories", got, []*ConfigurationRepository{{Status: ConfigurationRepoAttached, Repository: &repo}})
	assertCoversFixture(t, "code_security/repositories.json", []*ConfigurationRepository{})
}

func TestCodeSecurityConfigurationErrorReplies(t *testing.T) {
	base := "/enterprises/" + acmeCorpEscaped + "/code-security/configurations"
	testErrorReplies(t, []errorReply{
		{"ListConfigurations", call{Method: http.MethodGet, Path: base}, []int{403, 404}, func(ctx context.Context, c *Client) (*Response, error) {
			_, r, err := c.CodeSecurity.ListConfigurations(ctx, acmeCorp, nil)
			return r, err
		}},
		{"CreateConfiguration", call{Method: http.MethodPost, Path: base, JSON: `{"name":"n","description":"d"}`}, []int{400, 403, 404}, func(ctx context.Context, c *Client) (*Response, error) {
			_, r, err := c.CodeSecurity.CreateConfiguration(ctx, acmeCorp, CodeSecurityConfigurationRequest{Name: "n", Description: "d"})
			return r, err
		}},
		{"GetConfiguration", call{Method: http.MethodGet, Path: base + "/42"}, []int{403, 404}, func(ctx context.Context, c *Client) (*Response, error) {
			_, r, err := c.CodeSecurity.GetConfiguration(ctx, acmeCorp, 42)
			return r, err
		}},
		{"UpdateConfiguration", call{Method: http.MethodPatch, Path: base + "/42", JSON: `{"name":"n"}`}, []int{403, 404, 409}, func(ctx context.Context, c *Client) (*Response, error) {
			_, r, err := c.CodeSecurity.UpdateConfiguration(ctx, acmeCorp, 42, CodeSecurityConfigurationRequest{Name: "n"})
			return r, err
		}},
		{"DeleteConfiguration", call{Method: http.MethodDelete, Path: base + "/42"}, []int{400, 403, 404, 409}, func(ctx context.Context, c *Client) (*Response, error) {
			return c.CodeSecurity.DeleteConfiguration(ctx, acmeCorp, 42)
		}},
		{"AttachConfiguration", call{Method: http.MethodPost, Path: base + "/42/attach", JSON: `{"scope":"all"}`}, []int{403, 404, 409}, func(ctx context.Context, c *Client) (*Response, error) {
			return c.CodeSecurity.AttachConfiguration(ctx, acmeCorp, 42, AttachConfigurationRequest{Scope: AttachAll})
		}},
		{"SetDefaultConfiguration", call{Method: http.MethodPut, Path: base + "/42/defaults", JSON: `{"default_for_new_repos":"none"}`}, []int{403, 404}, func(ctx context.Context, c *Client) (*Response, error) {
			_, r, err := c.CodeSecurity.SetDefaultConfiguration(ctx, acmeCorp, 42, SetDefaultConfigurationRequest{DefaultForNewRepos: DefaultForNone})
			return r, err
		}},
		{"ListConfigurationRepositories", call{Method: http.MethodGet, Path: base + "/42/repositories"}, []int{403, 404}, func(ctx context.Context, c *Client) (*Response, error) {
			_, r, err := c.CodeSecurity.ListConfigurationRepositories(ctx, acmeCorp, 42, nil)
			return r, err
		}},
	})
}

func TestCodeSecurityConfigurationArgumentsRefused(t *testing.T) {
	env := mock(t) // no expectations: a request sent fails the test
	ctx, s := context.Background(), env.Client.CodeSecurity
	const cc = "CodeSecurity.CreateConfiguration"
	create := func(r CodeSecurityConfigurationRequest) error { return second3(s.CreateConfiguration(ctx, "e", r)) }
	checkRefusals(t, []refusal{
		{cc + ": Name", create(CodeSecurityConfigurationRequest{Description: "d"}), cc, "Name"},
		{cc + ": Description", create(CodeSecurityConfigurationRequest{Name: "x"}), cc, "Description"},
		{cc + ": Description has", create(CodeSecurityConfigurationRequest{Name: "x", Description: strings.Repeat("d", 256)}), cc, "Description has"},
		{cc + ": SecretScanning", create(CodeSecurityConfigurationRequest{Name: "x", Description: "d", SecretScanning: "on"}), cc, "SecretScanning"},
		{cc + ": AdvancedSecurity", create(CodeSecurityConfigurationRequest{Name: "x", Description: "d", AdvancedSecurity: "maybe"}), cc, "AdvancedSecurity"},
		{cc + ": Enforcement", create(CodeSecurityConfigurationRequest{Name: "x", Description: "d", Enforcement: "partial"}), cc, "Enforcement"},
		{cc + ": enterprise", second3(s.CreateConfiguration(ctx, "", CodeSecurityConfigurationRequest{Name: "x", Description: "d"})), cc, "enterprise"},
		{"CodeSecurity.UpdateConfiguration: CodeScanningDefaultSetupOptions.RunnerType", second3(s.UpdateConfiguration(ctx, "e", 1, CodeSecurityConfigurationRequest{
			CodeScanningDefaultSetupOptions: &CodeScanningDefaultSetupOptions{RunnerType: "gpu"}})), "CodeSecurity.UpdateConfiguration", "CodeScanningDefaultSetupOptions.RunnerType"},
		{"CodeSecurity.UpdateConfiguration: configurationID", second3(s.UpdateConfiguration(ctx, "e", 0, CodeSecurityConfigurationRequest{})), "CodeSecurity.UpdateConfiguration", "configurationID"},
		{"CodeSecurity.GetConfiguration: configurationID", second3(s.GetConfiguration(ctx, "e", 0)), "CodeSecurity.GetConfiguration", "configurationID"},
		{"CodeSecurity.DeleteConfiguration: configurationID", second2(s.DeleteConfiguration(ctx, "e", -1)), "CodeSecurity.DeleteConfiguration", "configurationID"},
		{"CodeSecurity.AttachConfiguration: Scope", second2(s.AttachConfiguration(ctx, "e", 1, AttachConfigurationRequest{})), "CodeSecurity.AttachConfiguration", "Scope"},
		{"CodeSecurity.SetDefaultConfiguration: DefaultForNewRepos", second3(s.SetDefaultConfiguration(ctx, "e", 1, SetDefaultConfigurationRequest{DefaultForNewRepos: "private"})),
			"CodeSecurity.SetDefaultConfiguration", "DefaultForNewRepos"},
		{"CodeSecurity.ListDefaultConfigurations: enterprise", second3(s.ListDefaultConfigurations(ctx, "")), "CodeSecurity.ListDefaultConfigurations", "enterprise"},
		{"CodeSecurity.ListConfigurations: PerPage", second3(s.ListConfigurations(ctx, "e", &ListCursorOptions{PerPage: 101})), "CodeSecurity.ListConfigurations", "PerPage"},
		{"CodeSecurity.ListConfigurations: Before and After", firstErr(s.ListConfigurationsIter(ctx, "e", &ListCursorOptions{Before: "a", After: "b"})),
			"CodeSecurity.ListConfigurations", "Before and After"},
		{"CodeSecurity.ListConfigurationRepositories: configurationID", second3(s.ListConfigurationRepositories(ctx, "e", 0, nil)), "CodeSecurity.ListConfigurationRepositories", "configurationID"},
		{"CodeSecurity.ListConfigurationRepositories: PerPage", firstErr(s.ListConfigurationRepositoriesIter(ctx, "e", 1, &ListConfigurationRepositoriesOptions{ListCursorOptions: ListCursorOptions{PerPage: -1}})),
			"CodeSecurity.ListConfigurationRepositories", "PerPage"},
	})
}
