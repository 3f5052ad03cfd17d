package e2e_test

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

func securityServer(t *testing.T, version string, opts ...ghestest.Option) (*ghestest.Server, *ghesadmin.Client) {
	return start(t, version, append([]ghestest.Option{
		ghestest.WithUsers(ghestest.User{Login: "hubot", Email: "hubot@example.com"}),
		ghestest.WithOrgs(ghestest.Org{Login: "octo-org", Admin: "hubot"}),
		ghestest.WithRepos(ghestest.Repo{Owner: "octo-org", Name: "api"}, ghestest.Repo{Owner: "octo-org", Name: "web"},
			ghestest.Repo{Owner: "octo-org", Name: "docs"}),
	}, opts...)...)
}

// An administrator rolls a code security configuration out: creates it,
// makes it the default for new repositories, attaches it to every
// repository, checks the repositories it applies to and the Advanced
// Security committers it brings, then retires it.
func TestCodeSecurityConfigurationRollout(t *testing.T) {
	srv, client := securityServer(t, "3.19.0")
	c, ent, cs := ctx(t), srv.Enterprise(), client.CodeSecurity

	_, err := cs.UpdateSettings(c, ent, ghesadmin.UpdateCodeSecurityAndAnalysisRequest{
		SecretScanningEnabledForNewRepositories: ghesadmin.Ptr(true),
		SecretScanningPushProtectionCustomLink:  ghesadmin.Ptr("https://wiki.example.com/secrets"),
	})
	must(t, "UpdateSettings", err)
	settings, _, err := cs.GetSettings(c, ent)
	must(t, "GetSettings", err)
	if !settings.SecretScanningEnabledForNewRepositories || settings.DependabotAlertsEnabledForNewRepositories ||
		settings.SecretScanningPushProtectionCustomLink == nil || *settings.SecretScanningPushProtectionCustomLink != "https://wiki.example.com/secrets" {
		t.Errorf("GetSettings: %+v", settings)
	}
	_, err = cs.SetFeature(c, ent, ghesadmin.SecurityProductDependabotAlerts, ghesadmin.SecurityEnableAll)
	must(t, "SetFeature", err)

	_, _, err = cs.CreateConfiguration(c, ent, ghesadmin.CodeSecurityConfigurationRequest{Name: "baseline"})
	if !errors.Is(err, ghesadmin.ErrInvalidArgument) {
		t.Fatalf("CreateConfiguration without a description: %v, want ErrInvalidArgument", err)
	}
	cfg, resp, err := cs.CreateConfiguration(c, ent, ghesadmin.CodeSecurityConfigurationRequest{
		Name: "baseline", Description: "Advanced Security everywhere",
		AdvancedSecurity: ghesadmin.AdvancedSecurityEnabled, SecretScanning: ghesadmin.ConfigurationEnabled,
		SecretScanningPushProtection: ghesadmin.ConfigurationEnabled, Enforcement: ghesadmin.ConfigurationEnforced,
	})
	must(t, "CreateConfiguration", err)
	wantStatus(t, "CreateConfiguration", resp, http.StatusCreated)
	if cfg.ID == 0 || cfg.Name != "baseline" || cfg.Description != "Advanced Security everywhere" || cfg.TargetType != ghesadmin.ConfigurationTargetEnterprise ||
		cfg.AdvancedSecurity != ghesadmin.AdvancedSecurityEnabled || cfg.SecretScanningPushProtection != ghesadmin.ConfigurationEnabled ||
		cfg.DependencyGraph != ghesadmin.ConfigurationEnabled || cfg.CreatedAt.IsZero() {
		t.Errorf("CreateConfiguration: %+v", cfg)
	}
	_, _, err = cs.CreateConfiguration(c, ent, ghesadmin.CodeSecurityConfigurationRequest{Name: "Baseline", Description: "dup"})
	wantValidation(t, "CreateConfiguration twice", err, "CodeSecurityConfiguration", "name", "already_exists", "taken")

	def, _, err := cs.SetDefaultConfiguration(c, ent, cfg.ID, ghesadmin.SetDefaultConfigurationRequest{DefaultForNewRepos: ghesadmin.DefaultForPrivateAndInternal})
	must(t, "SetDefaultConfiguration", err)
	if def.DefaultForNewRepos != ghesadmin.DefaultForPrivateAndInternal || def.Configuration == nil || def.Configuration.ID != cfg.ID {
		t.Errorf("SetDefaultConfiguration: %+v", def)
	}
	defs, _, err := cs.ListDefaultConfigurations(c, ent)
	must(t, "ListDefaultConfigurations", err)
	if len(defs) != 1 || defs[0].Configuration.Name != "baseline" {
		t.Errorf("ListDefaultConfigurations: %+v", defs)
	}

	resp, err = cs.AttachConfiguration(c, ent, cfg.ID, ghesadmin.AttachConfigurationRequest{Scope: ghesadmin.AttachAll})
	must(t, "AttachConfiguration", err)
	wantStatus(t, "AttachConfiguration", resp, http.StatusAccepted)
	var names []string
	for r, err := range cs.ListConfigurationRepositoriesIter(c, ent, cfg.ID, &ghesadmin.ListConfigurationRepositoriesOptions{
		ListCursorOptions: ghesadmin.ListCursorOptions{PerPage: 2}}) {
		must(t, "ListConfigurationRepositoriesIter", err)
		if r.Status != ghesadmin.ConfigurationRepoAttached || r.Repository == nil || r.Repository.Owner == nil || r.Repository.Owner.Login != "octo-org" {
			t.Errorf("repository: %+v", r)
			continue
		}
		names = append(names, r.Repository.FullName)
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"octo-org/api", "octo-org/docs", "octo-org/web"}) {
		t.Errorf("the configuration applies to %v", names)
	}

	committers, _, err := client.License.ListAdvancedSecurityCommitters(c, ent, nil)
	must(t, "ListAdvancedSecurityCommitters", err)
	if committers.TotalCount != 3 || committers.TotalAdvancedSecurityCommitters != 1 || len(committers.Repositories) != 3 ||
		committers.Repositories[0].AdvancedSecurityCommittersBreakdown[0].UserLogin != "octo-org" {
		t.Errorf("ListAdvancedSecurityCommitters: %+v", committers)
	}

	up, _, err := cs.UpdateConfiguration(c, ent, cfg.ID, ghesadmin.CodeSecurityConfigurationRequest{DependabotAlerts: ghesadmin.ConfigurationEnabled})
	must(t, "UpdateConfiguration", err)
	if up.DependabotAlerts != ghesadmin.ConfigurationEnabled || up.SecretScanning != ghesadmin.ConfigurationEnabled {
		t.Errorf("UpdateConfiguration: %+v", up)
	}
	_, _, err = cs.UpdateConfiguration(c, ent, cfg.ID, ghesadmin.CodeSecurityConfigurationRequest{Enforcement: "sometimes"})
	if !errors.Is(err, ghesadmin.ErrInvalidArgument) {
		t.Errorf("UpdateConfiguration with an unknown enforcement: %v, want ErrInvalidArgument", err)
	}
	all, _, err := cs.ListConfigurations(c, ent, nil)
	must(t, "ListConfigurations", err)
	if len(all) != 1 {
		t.Errorf("ListConfigurations: %d", len(all))
	}
	_, err = cs.DeleteConfiguration(c, ent, cfg.ID)
	must(t, "DeleteConfiguration", err)
	_, _, err = cs.GetConfiguration(c, ent, cfg.ID)
	wantIs(t, "GetConfiguration after delete", err, ghesadmin.ErrNotFound, http.StatusNotFound)
}

// Configurations arrived in 3.16: the SDK refuses them on 3.15 before
// sending.
func TestCodeSecurityConfigurationsRefusedBefore316(t *testing.T) {
	srv, client := securityServer(t, "3.15.0")
	_, _, err := client.CodeSecurity.GetSettings(ctx(t), srv.Enterprise()) // 3.7 and later; the client learns the release
	must(t, "GetSettings", err)
	_, _, err = client.CodeSecurity.ListConfigurations(ctx(t), srv.Enterprise(), nil)
	wantUnsupported(t, srv, "ListConfigurations", err, "GET", "/enterprises/"+srv.Enterprise()+"/code-security/configurations")
}

// An administrator defines a required custom property every repository
// must have, bulk-defines more, promotes an organization's property, and
// meets GHES's validation.
func TestCustomPropertyRequired(t *testing.T) {
	srv, client := securityServer(t, "3.19.0", ghestest.WithOrgCustomProperties(ghestest.OrgCustomProperty{Org: "octo-org", Name: "cost_center"}))
	c, ent, cp := ctx(t), srv.Enterprise(), client.CustomProperties

	_, _, err := cp.CreateOrUpdate(c, ent, "environment", ghesadmin.CustomPropertyRequest{ValueType: ghesadmin.PropertySingleSelect,
		Required: ghesadmin.Ptr(true), AllowedValues: []string{"dev", "prod"}})
	if !errors.Is(err, ghesadmin.ErrInvalidArgument) {
		t.Fatalf("a required property without a default: %v, want ErrInvalidArgument", err)
	}
	prop, _, err := cp.CreateOrUpdate(c, ent, "environment", ghesadmin.CustomPropertyRequest{ValueType: ghesadmin.PropertySingleSelect,
		Required: ghesadmin.Ptr(true), DefaultValue: ghesadmin.StringValue("dev"), AllowedValues: []string{"dev", "staging", "prod"},
		ValuesEditableBy: ghesadmin.Ptr(ghesadmin.PropertyEditableByOrgActors)})
	must(t, "CreateOrUpdate", err)
	if prop.PropertyName != "environment" || !prop.Required || prop.DefaultValue == nil || prop.DefaultValue.Single != "dev" ||
		!slices.Equal(prop.AllowedValues, []string{"dev", "staging", "prod"}) || prop.SourceType != ghesadmin.PropertySourceEnterprise ||
		prop.ValuesEditableBy == nil || *prop.ValuesEditableBy != ghesadmin.PropertyEditableByOrgActors {
		t.Errorf("CreateOrUpdate: %+v", prop)
	}
	// The SDK cannot express every server-side rule; GHES's 422 arrives typed.
	_, _, err = cp.CreateOrUpdate(c, ent, "tier", ghesadmin.CustomPropertyRequest{ValueType: ghesadmin.PropertySingleSelect,
		DefaultValue: ghesadmin.StringValue("gold"), AllowedValues: []string{"silver"}})
	wantValidation(t, "CreateOrUpdate with a default not allowed", err, "CustomProperty", "default_value", "invalid", "allowed values")

	many, _, err := cp.CreateOrUpdateMany(c, ent, ghesadmin.CustomPropertiesRequest{Properties: []ghesadmin.CustomPropertyDefinition{
		{PropertyName: "teams", CustomPropertyRequest: ghesadmin.CustomPropertyRequest{ValueType: ghesadmin.PropertyMultiSelect,
			AllowedValues: []string{"web", "api"}, DefaultValue: ghesadmin.MultiValue("web", "api")}},
		{PropertyName: "archived_ok", CustomPropertyRequest: ghesadmin.CustomPropertyRequest{ValueType: ghesadmin.PropertyTrueFalse,
			DefaultValue: ghesadmin.StringValue("false")}},
	}})
	must(t, "CreateOrUpdateMany", err)
	if len(many) != 2 || !many[0].DefaultValue.IsMulti || !slices.Equal(many[0].DefaultValue.Multi, []string{"web", "api"}) {
		t.Errorf("CreateOrUpdateMany: %+v", many)
	}
	promoted, _, err := cp.Promote(c, ent, "octo-org", "cost_center")
	must(t, "Promote", err)
	if promoted.SourceType != ghesadmin.PropertySourceEnterprise || promoted.ValueType != ghesadmin.PropertyString {
		t.Errorf("Promote: %+v", promoted)
	}
	list, _, err := cp.List(c, ent)
	must(t, "List", err)
	var got []string
	for _, p := range list {
		got = append(got, p.PropertyName)
	}
	slices.Sort(got)
	if !slices.Equal(got, []string{"archived_ok", "cost_center", "environment", "teams"}) {
		t.Errorf("List: %v", got)
	}
	_, err = cp.Delete(c, ent, "teams")
	must(t, "Delete", err)
	_, _, err = cp.Get(c, ent, "teams")
	wantIs(t, "Get after Delete", err, ghesadmin.ErrNotFound, http.StatusNotFound)
}

// An administrator turns push protection on for one provider pattern,
// sending back the version read; a stale version is refused.
func TestPushProtectionPatterns(t *testing.T) {
	srv, client := securityServer(t, "3.19.0")
	c, ent, ss := ctx(t), srv.Enterprise(), client.SecretScanning
	cfgs, _, err := ss.ListPatternConfigurations(c, ent)
	must(t, "ListPatternConfigurations", err)
	if cfgs.PatternConfigVersion == nil || len(cfgs.ProviderPatternOverrides) == 0 {
		t.Fatalf("ListPatternConfigurations: %+v", cfgs)
	}
	ver, _, err := ss.UpdatePatternConfigurations(c, ent, ghesadmin.UpdateSecretPatternConfigurationsRequest{
		PatternConfigVersion: cfgs.PatternConfigVersion,
		ProviderPatternSettings: []*ghesadmin.ProviderPatternSetting{
			{TokenType: "slack_api_token", PushProtectionSetting: ghesadmin.PushProtectionEnabled}},
	})
	must(t, "UpdatePatternConfigurations", err)
	if ver.PatternConfigVersion == "" || ver.PatternConfigVersion == *cfgs.PatternConfigVersion {
		t.Errorf("new version %q after %q", ver.PatternConfigVersion, *cfgs.PatternConfigVersion)
	}
	_, resp, err := ss.UpdatePatternConfigurations(c, ent, ghesadmin.UpdateSecretPatternConfigurationsRequest{PatternConfigVersion: cfgs.PatternConfigVersion})
	if err == nil || resp == nil || resp.StatusCode != http.StatusConflict {
		t.Errorf("a stale version: %v, want 409", err)
	}
	_, _, err = ss.UpdatePatternConfigurations(c, ent, ghesadmin.UpdateSecretPatternConfigurationsRequest{
		ProviderPatternSettings: []*ghesadmin.ProviderPatternSetting{{TokenType: "slack_api_token", PushProtectionSetting: "on"}}})
	if !errors.Is(err, ghesadmin.ErrInvalidArgument) {
		t.Errorf("an unknown setting: %v, want ErrInvalidArgument", err)
	}
	after, _, err := ss.ListPatternConfigurations(c, ent)
	must(t, "ListPatternConfigurations", err)
	for _, o := range after.ProviderPatternOverrides {
		if o.TokenType == "slack_api_token" && (o.Setting != ghesadmin.PushProtectionEnabled || o.EnterpriseSetting == nil) {
			t.Errorf("slack_api_token: %+v", o)
		}
	}
}

// A security lead walks every open critical alert of the enterprise, one
// small page at a time, following the cursors.
func TestWalkOpenCriticalAlerts(t *testing.T) {
	srv, client := securityServer(t, "3.19.0",
		ghestest.WithDependabotAlerts(
			ghestest.DependabotAlert{Repo: "octo-org/api", Severity: "critical", Package: "lodash", CVEID: "CVE-2021-23337", Patched: "4.17.21"},
			ghestest.DependabotAlert{Repo: "octo-org/web", Severity: "critical", Ecosystem: "pip", Package: "django"},
			ghestest.DependabotAlert{Repo: "octo-org/web", Severity: "high"},
			ghestest.DependabotAlert{Repo: "octo-org/docs", Severity: "critical", State: "dismissed"},
			ghestest.DependabotAlert{Repo: "octo-org/docs", Severity: "critical", Ecosystem: "go", Package: "golang.org/x/net"},
		),
		ghestest.WithCodeScanningAlerts(
			ghestest.CodeScanningAlert{Repo: "octo-org/api", Severity: "critical", RuleID: "go/sql-injection"},
			ghestest.CodeScanningAlert{Repo: "octo-org/web", Severity: "high"},
			ghestest.CodeScanningAlert{Repo: "octo-org/web", Severity: "critical", State: "fixed"},
			ghestest.CodeScanningAlert{Repo: "octo-org/docs", Severity: "critical", Assignee: "hubot"},
		),
		ghestest.WithSecretScanningAlerts(
			ghestest.SecretScanningAlert{Repo: "octo-org/api", Secret: "ghp_leaked0000", Validity: "active"},
			ghestest.SecretScanningAlert{Repo: "octo-org/web", State: "resolved", Resolution: "revoked"},
		),
	)
	c, ent := ctx(t), srv.Enterprise()

	var dep []string
	for a, err := range client.Dependabot.ListAlertsIter(c, ent, &ghesadmin.ListDependabotAlertsOptions{
		State: "open", Severity: "critical", ListCursorOptions: ghesadmin.ListCursorOptions{PerPage: 1}}) {
		must(t, "Dependabot.ListAlertsIter", err)
		if a.State != ghesadmin.DependabotAlertOpen || a.SecurityAdvisory == nil || a.SecurityAdvisory.Severity != ghesadmin.SeverityCritical ||
			a.Repository == nil || a.Dependency == nil || a.Dependency.Package == nil {
			t.Errorf("alert %+v", a)
			continue
		}
		dep = append(dep, a.Repository.FullName+":"+a.Dependency.Package.Name)
	}
	if !slices.Equal(dep, []string{"octo-org/docs:golang.org/x/net", "octo-org/web:django", "octo-org/api:lodash"}) {
		t.Errorf("open critical Dependabot alerts, newest first: %v", dep)
	}
	_, _, err := client.Dependabot.ListAlerts(c, ent, &ghesadmin.ListDependabotAlertsOptions{Severity: "critical,urgent"})
	if !errors.Is(err, ghesadmin.ErrInvalidArgument) {
		t.Errorf("an unknown severity: %v, want ErrInvalidArgument", err)
	}

	var code []int64
	for a, err := range client.CodeScanning.ListAlertsIter(c, ent, &ghesadmin.ListCodeScanningAlertsOptions{
		State: ghesadmin.CodeScanningAlertOpen, Direction: ghesadmin.DirectionAsc, ListCursorOptions: ghesadmin.ListCursorOptions{PerPage: 1}}) {
		must(t, "CodeScanning.ListAlertsIter", err)
		if a.Rule == nil || a.Rule.SecuritySeverityLevel == nil || *a.Rule.SecuritySeverityLevel != "critical" {
			continue // the walk filters what the API cannot
		}
		code = append(code, a.Number)
	}
	if !slices.Equal(code, []int64{1, 4}) {
		t.Errorf("open critical code scanning alerts, oldest first: %v", code)
	}

	secrets := walk(t, "SecretScanning.ListAlertsIter", client.SecretScanning.ListAlertsIter(c, ent, &ghesadmin.ListSecretScanningAlertsOptions{State: ghesadmin.SecretScanningAlertOpen}))
	if len(secrets) != 1 || secrets[0].Secret != "ghp_leaked0000" || secrets[0].Validity != "active" {
		t.Fatalf("open secret scanning alerts: %v", secrets)
	}
	if s := secrets[0].String(); s == "" || strings.Contains(s, "ghp_leaked0000") {
		t.Errorf("String shows the secret: %s", s)
	}
}
