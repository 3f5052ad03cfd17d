package ghestest

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

func securityServer(t *testing.T, opts ...Option) *Server {
	t.Helper()
	base := []Option{WithVersion("3.19.0"),
		WithOrgs(Org{Login: "acme", Admin: DefaultAdminLogin}),
		WithRepos(Repo{Owner: "acme", Name: "api"}, Repo{Owner: "acme", Name: "web"}, Repo{Owner: "acme", Name: "docs"}),
	}
	return New(t, append(base, opts...)...)
}

// nextLink returns the path and query of the Link header's next relation,
// or "".
func nextLink(t *testing.T, r reply) string {
	t.Helper()
	for _, part := range strings.Split(r.header.Get("Link"), ",") {
		if strings.Contains(part, `rel="next"`) {
			raw := strings.TrimSpace(part[strings.Index(part, "<")+1 : strings.Index(part, ">")])
			u, err := url.Parse(raw)
			if err != nil {
				t.Fatal(err)
			}
			return strings.TrimPrefix(u.Path, "/api/v3") + "?" + u.RawQuery
		}
	}
	return ""
}

// TestCodeSecurityConfigurationChoiceBody pins how attach and defaults read
// their one-member body: a member of another type is a 422 naming it, a null
// or missing one is not among the allowed values, and a body that is not
// JSON is a 400.
func TestCodeSecurityConfigurationChoiceBody(t *testing.T) {
	s := securityServer(t)
	base := "/enterprises/" + s.Enterprise() + "/code-security/configurations"
	r := api(t, s, "POST", base, `{"name":"baseline","description":"the baseline"}`)
	wantStatus(t, r, http.StatusCreated)
	cfgPath := base + "/" + itoa64(int64(r.obj(t)["id"].(float64)))
	want422(t, api(t, s, "POST", cfgPath+"/attach", `{"scope":5}`), "Invalid request. scope has the wrong type.")
	want422(t, api(t, s, "POST", cfgPath+"/attach", `{"scope":null}`), "scope must be all or all_without_configurations")
	want422(t, api(t, s, "PUT", cfgPath+"/defaults", `{"other":1}`), "default_for_new_repos must be all, none, private_and_internal or public")
	wantStatus(t, api(t, s, "POST", cfgPath+"/attach", `{"scope":`), http.StatusBadRequest)
	wantStatus(t, api(t, s, "POST", base+"/999999/attach", `{"scope":"all"}`), http.StatusNotFound)
}

func TestCodeSecurityConfigurationsAttachAndDefaults(t *testing.T) {
	s := securityServer(t)
	base := "/enterprises/" + s.Enterprise() + "/code-security/configurations"
	want422(t, api(t, s, "POST", base, `{"name":"baseline"}`), "name and description are required")
	want422(t, api(t, s, "POST", base, `{"name":"baseline","description":"d","secret_scanning":"on"}`), "secret_scanning must be one of enabled, disabled, not_set")
	r := api(t, s, "POST", base, `{"name":"baseline","description":"the baseline","secret_scanning":"enabled"}`)
	wantStatus(t, r, http.StatusCreated)
	cf := r.obj(t)
	if cf["secret_scanning"] != "enabled" || cf["dependency_graph"] != "enabled" || cf["target_type"] != "enterprise" {
		t.Fatalf("created configuration = %v", cf)
	}
	want422(t, api(t, s, "POST", base, `{"name":"Baseline","description":"again"}`), "Name has already been taken")
	id := int64(cf["id"].(float64))
	cfgPath := base + "/" + itoa64(id)

	// Attached to nothing yet; attach to all, then the repositories list it.
	wantStatus(t, api(t, s, "GET", cfgPath+"/repositories", ""), http.StatusOK)
	if l := api(t, s, "GET", cfgPath+"/repositories", "").list(t); len(l) != 0 {
		t.Fatalf("repositories before attach = %v", l)
	}
	want422(t, api(t, s, "POST", cfgPath+"/attach", `{"scope":"some"}`), "scope must be all or all_without_configurations")
	wantStatus(t, api(t, s, "POST", cfgPath+"/attach", `{"scope":"all"}`), http.StatusAccepted)
	repos := api(t, s, "GET", cfgPath+"/repositories", "").list(t)
	if len(repos) != 3 || repos[0]["status"] != "attached" {
		t.Fatalf("repositories after attach = %v", repos)
	}
	// A second configuration attached only where none is: nothing.
	id2 := int64(api(t, s, "POST", base, `{"name":"strict","description":"strict"}`).obj(t)["id"].(float64))
	wantStatus(t, api(t, s, "POST", base+"/"+itoa64(id2)+"/attach", `{"scope":"all_without_configurations"}`), http.StatusAccepted)
	if l := api(t, s, "GET", base+"/"+itoa64(id2)+"/repositories", "").list(t); len(l) != 0 {
		t.Fatalf("all_without_configurations attached %d repositories", len(l))
	}
	// Cursor pagination of the repositories.
	page := api(t, s, "GET", cfgPath+"/repositories?per_page=2", "")
	if len(page.list(t)) != 2 || nextLink(t, page) == "" {
		t.Fatalf("page 1: %d items, Link %q", len(page.list(t)), page.header.Get("Link"))
	}
	page2 := api(t, s, "GET", nextLink(t, page), "")
	if l := page2.list(t); len(l) != 1 || nextLink(t, page2) != "" {
		t.Fatalf("page 2: %v, Link %q", l, page2.header.Get("Link"))
	}
	want422(t, api(t, s, "GET", cfgPath+"/repositories?after=bogus", ""), "the cursor is not valid")

	// Defaults: one configuration per kind of repository.
	want422(t, api(t, s, "PUT", cfgPath+"/defaults", `{"default_for_new_repos":"some"}`), "default_for_new_repos must be all, none, private_and_internal or public")
	wantStatus(t, api(t, s, "PUT", cfgPath+"/defaults", `{"default_for_new_repos":"public"}`), http.StatusOK)
	wantStatus(t, api(t, s, "PUT", base+"/"+itoa64(id2)+"/defaults", `{"default_for_new_repos":"public"}`), http.StatusOK)
	defs := api(t, s, "GET", base+"/defaults", "").list(t)
	if len(defs) != 1 || defs[0]["configuration"].(map[string]any)["name"] != "strict" {
		t.Fatalf("defaults = %v", defs)
	}

	// Update keeps what it does not name; a bad update changes nothing.
	want422(t, api(t, s, "PATCH", cfgPath, `{"name":"renamed","enforcement":"maybe"}`), "enforcement must be one of enforced, unenforced")
	up := api(t, s, "PATCH", cfgPath, `{"dependabot_alerts":"enabled"}`).obj(t)
	if up["name"] != "baseline" || up["dependabot_alerts"] != "enabled" || up["secret_scanning"] != "enabled" {
		t.Fatalf("updated = %v", up)
	}
	// Delete detaches it.
	wantStatus(t, api(t, s, "DELETE", cfgPath, ""), http.StatusNoContent)
	wantStatus(t, api(t, s, "GET", cfgPath, ""), http.StatusNotFound)
	wantStatus(t, api(t, s, "GET", cfgPath+"/repositories", ""), http.StatusNotFound)
}

func TestCodeSecurityConfigurationsAbsentBefore316(t *testing.T) {
	s := New(t, WithVersion("3.15.0"))
	wantStatus(t, api(t, s, "GET", "/enterprises/"+s.Enterprise()+"/code-security/configurations", ""), http.StatusNotFound)
	wantStatus(t, api(t, s, "GET", "/enterprises/"+s.Enterprise()+"/code_security_and_analysis", ""), http.StatusOK)
}

func TestCodeSecurityAndAnalysisSettings(t *testing.T) {
	s := securityServer(t)
	p := "/enterprises/" + s.Enterprise() + "/code_security_and_analysis"
	want422(t, api(t, s, "PATCH", p, `{"secret_scanning_enabled_for_new_repositories":"yes"}`), "secret_scanning_enabled_for_new_repositories must be a boolean")
	wantStatus(t, api(t, s, "PATCH", p, `{"secret_scanning_enabled_for_new_repositories":true,"secret_scanning_push_protection_custom_link":"https://example.com/help"}`), http.StatusNoContent)
	got := api(t, s, "GET", p, "").obj(t)
	if got["secret_scanning_enabled_for_new_repositories"] != true || got["secret_scanning_push_protection_custom_link"] != "https://example.com/help" || got["dependabot_alerts_enabled_for_new_repositories"] != false {
		t.Fatalf("settings = %v", got)
	}
	wantStatus(t, api(t, s, "POST", "/enterprises/"+s.Enterprise()+"/secret_scanning/enable_all", ""), http.StatusNoContent)
	wantStatus(t, api(t, s, "POST", "/enterprises/"+s.Enterprise()+"/secret_scanning/turn_on", ""), http.StatusNotFound)
	// Products that arrived later are unknown on older releases.
	old := New(t, WithVersion("3.12.0"))
	wantStatus(t, api(t, old, "POST", "/enterprises/"+old.Enterprise()+"/advanced_security_user_namespace/enable_all", ""), http.StatusNotFound)
}

func TestCustomPropertiesValidation(t *testing.T) {
	s := securityServer(t, WithOrgCustomProperties(OrgCustomProperty{Org: "acme", Name: "cost_center"}))
	base := "/enterprises/" + s.Enterprise() + "/properties/schema"
	want422(t, api(t, s, "PUT", base+"/env", `{}`), "value_type is required")
	want422(t, api(t, s, "PUT", base+"/env", `{"value_type":"single_select"}`), "Allowed values are required for select properties")
	want422(t, api(t, s, "PUT", base+"/env", `{"value_type":"string","allowed_values":["a"]}`), "Allowed values are only allowed for select properties")
	want422(t, api(t, s, "PUT", base+"/env", `{"value_type":"single_select","allowed_values":["dev","prod"],"required":true}`), "Default value is required for required properties")
	want422(t, api(t, s, "PUT", base+"/env", `{"value_type":"single_select","allowed_values":["dev","prod"],"default_value":"qa"}`), "Default value must be one of the allowed values")
	want422(t, api(t, s, "PUT", base+"/env", `{"value_type":"true_false","default_value":"yes"}`), "Default value must be true or false")
	r := api(t, s, "PUT", base+"/env", `{"value_type":"single_select","allowed_values":["dev","prod"],"required":true,"default_value":"dev"}`)
	wantStatus(t, r, http.StatusOK)
	if p := r.obj(t); p["required"] != true || p["default_value"] != "dev" || p["source_type"] != "enterprise" {
		t.Fatalf("property = %v", p)
	}
	// PATCH writes all or nothing.
	want422(t, api(t, s, "PATCH", base, `{"properties":[{"property_name":"a","value_type":"string"},{"property_name":"b","value_type":"color"}]}`), "value_type must be one of string, single_select, multi_select, true_false")
	wantStatus(t, api(t, s, "GET", base+"/a", ""), http.StatusNotFound)
	wantStatus(t, api(t, s, "PATCH", base, `{"properties":[{"property_name":"a","value_type":"multi_select","allowed_values":["x","y"],"default_value":["x"]}]}`), http.StatusOK)
	if l := api(t, s, "GET", base, "").list(t); len(l) != 2 {
		t.Fatalf("properties = %v", l)
	}
	// Promote moves an organization's property to the enterprise, once.
	wantStatus(t, api(t, s, "PUT", base+"/organizations/acme/nope/promote", ""), http.StatusNotFound)
	pr := api(t, s, "PUT", base+"/organizations/acme/cost_center/promote", "")
	wantStatus(t, pr, http.StatusOK)
	if pr.obj(t)["source_type"] != "enterprise" {
		t.Fatalf("promoted = %s", pr.body)
	}
	wantStatus(t, api(t, s, "PUT", base+"/organizations/acme/cost_center/promote", ""), http.StatusNotFound)
	wantStatus(t, api(t, s, "DELETE", base+"/env", ""), http.StatusNoContent)
	wantStatus(t, api(t, s, "GET", base+"/env", ""), http.StatusNotFound)
}

func TestSecretScanningPatternConfigurations(t *testing.T) {
	s := securityServer(t)
	p := "/enterprises/" + s.Enterprise() + "/secret-scanning/pattern-configurations"
	got := api(t, s, "GET", p, "").obj(t)
	ver := got["pattern_config_version"].(string)
	want422(t, api(t, s, "PATCH", p, `{"provider_pattern_settings":[{"token_type":"nope","push_protection_setting":"enabled"}]}`), "Unknown token type nope")
	r := api(t, s, "PATCH", p, `{"pattern_config_version":"`+ver+`","provider_pattern_settings":[{"token_type":"aws_access_key_id","push_protection_setting":"enabled"}]}`)
	wantStatus(t, r, http.StatusOK)
	if r.obj(t)["pattern_config_version"] == ver {
		t.Fatal("the version did not change")
	}
	// The old version is stale now.
	wantStatus(t, api(t, s, "PATCH", p, `{"pattern_config_version":"`+ver+`","provider_pattern_settings":[]}`), http.StatusConflict)
	for _, o := range api(t, s, "GET", p, "").obj(t)["provider_pattern_overrides"].([]any) {
		m := o.(map[string]any)
		if m["token_type"] == "aws_access_key_id" && (m["setting"] != "enabled" || m["enterprise_setting"] != "enabled") {
			t.Fatalf("override = %v", m)
		}
	}
}

func TestAlertsFilteredAndCursorPaged(t *testing.T) {
	s := securityServer(t,
		WithDependabotAlerts(
			DependabotAlert{Repo: "acme/api", Severity: "critical", Ecosystem: "npm"},
			DependabotAlert{Repo: "acme/web", Severity: "critical", Ecosystem: "pip"},
			DependabotAlert{Repo: "acme/web", Severity: "low", Ecosystem: "npm"},
			DependabotAlert{Repo: "acme/docs", Severity: "critical", State: "fixed"},
			DependabotAlert{Repo: "acme/docs", Severity: "high", Scope: "development"},
		),
		WithCodeScanningAlerts(
			CodeScanningAlert{Repo: "acme/api", Severity: "critical"},
			CodeScanningAlert{Repo: "acme/api", State: "dismissed"},
			CodeScanningAlert{Repo: "acme/web", ToolName: "Semgrep"},
		),
		WithSecretScanningAlerts(
			SecretScanningAlert{Repo: "acme/api", Secret: "ghp_x"},
			SecretScanningAlert{Repo: "acme/web", State: "resolved", Resolution: "revoked"},
		),
	)
	e := "/enterprises/" + s.Enterprise()
	count := func(path string) int {
		t.Helper()
		r := api(t, s, "GET", path, "")
		wantStatus(t, r, 200)
		return len(r.list(t))
	}
	for path, want := range map[string]int{
		e + "/dependabot/alerts":                                         5,
		e + "/dependabot/alerts?state=open&severity=critical":            2,
		e + "/dependabot/alerts?severity=critical,high":                  4,
		e + "/dependabot/alerts?ecosystem=pip":                           1,
		e + "/dependabot/alerts?scope=development":                       1,
		e + "/code-scanning/alerts?state=open":                           2,
		e + "/code-scanning/alerts?tool_name=Semgrep":                    1,
		e + "/secret-scanning/alerts?state=resolved":                     1,
		e + "/secret-scanning/alerts?state=resolved&resolution=wont_fix": 0,
	} {
		if got := count(path); got != want {
			t.Errorf("%s: %d alerts, want %d", path, got, want)
		}
	}
	want422(t, api(t, s, "GET", e+"/dependabot/alerts?severity=urgent", ""), "severity must be one of low, medium, high, critical")
	want422(t, api(t, s, "GET", e+"/code-scanning/alerts?state=new", ""), "state must be open, closed, dismissed or fixed")

	// Walk the Dependabot alerts two at a time by the next links: every
	// alert once, newest first.
	var numbers []float64
	path := e + "/dependabot/alerts?per_page=2"
	for pages := 0; path != ""; pages++ {
		if pages > 5 {
			t.Fatal("the next links never end")
		}
		r := api(t, s, "GET", path, "")
		wantStatus(t, r, 200)
		for _, a := range r.list(t) {
			numbers = append(numbers, a["number"].(float64))
		}
		path = nextLink(t, r)
		if path != "" && !strings.Contains(path, "after=") {
			t.Fatalf("next link %s has no after cursor", path)
		}
	}
	if len(numbers) != 5 || numbers[0] != 5 || numbers[4] != 1 {
		t.Fatalf("walked %v", numbers)
	}
	// Ascending order and page numbers on code scanning.
	r := api(t, s, "GET", e+"/code-scanning/alerts?direction=asc&page=1&per_page=2", "")
	if l := r.list(t); len(l) != 2 || l[0]["number"].(float64) != 1 || !strings.Contains(r.header.Get("Link"), "page=2") {
		t.Fatalf("page 1 asc: %s, Link %q", r.body, r.header.Get("Link"))
	}
	// hide_secret leaves the secret out.
	if a := api(t, s, "GET", e+"/secret-scanning/alerts?hide_secret=true", "").list(t); a[0]["secret"] != nil {
		t.Fatalf("hide_secret sent %v", a[0]["secret"])
	}
}

func TestAdvancedSecurityCommittersFollowConfigurations(t *testing.T) {
	s := securityServer(t)
	e := "/enterprises/" + s.Enterprise()
	p := e + "/settings/billing/advanced-security"
	if got := api(t, s, "GET", p, "").obj(t); got["total_count"].(float64) != 0 {
		t.Fatalf("committers before = %v", got)
	}
	id := api(t, s, "POST", e+"/code-security/configurations", `{"name":"ghas","description":"d","advanced_security":"enabled"}`).obj(t)["id"].(float64)
	wantStatus(t, api(t, s, "POST", e+"/code-security/configurations/"+itoa64(int64(id))+"/attach", `{"scope":"all"}`), http.StatusAccepted)
	got := api(t, s, "GET", p, "").obj(t)
	if got["total_count"].(float64) != 3 || got["total_advanced_security_committers"].(float64) != 1 {
		t.Fatalf("committers after = %v", got)
	}
	want422(t, api(t, s, "GET", p+"?advanced_security_product=all", ""), "advanced_security_product must be code_security or secret_protection")
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
