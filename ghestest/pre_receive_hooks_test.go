package ghestest

import (
	"fmt"
	"net/http"
	"testing"
)

func TestPreReceiveSort(t *testing.T) {
	s := New(t)
	for _, n := range []string{"b", "c", "a"} {
		wantStatus(t, api(t, s, "POST", "/admin/pre-receive-environments", `{"name":"`+n+`","image_url":"https://x.test/`+n+`"}`), http.StatusCreated)
	}
	names := func(q string) string {
		var out []string
		for _, e := range api(t, s, "GET", "/admin/pre-receive-environments"+q, "").list(t) {
			out = append(out, e["name"].(string))
		}
		return fmt.Sprint(out)
	}
	if got := names("?sort=name&direction=asc"); got != "[a b c Default]" {
		t.Errorf("by name asc: %s", got)
	}
	if got := names(""); got != "[a c b Default]" {
		t.Errorf("default (created desc): %s", got)
	}
	if got := names("?direction=asc"); got != "[Default b c a]" {
		t.Errorf("created asc: %s", got)
	}
	wantStatus(t, api(t, s, "GET", "/admin/pre-receive-environments?sort=size", ""), http.StatusUnprocessableEntity)
	wantStatus(t, api(t, s, "GET", "/admin/pre-receive-hooks?direction=sideways", ""), http.StatusUnprocessableEntity)
}

func TestPreReceiveEnforcementInheritance(t *testing.T) {
	s := New(t,
		WithUsers(User{Login: "mona"}),
		WithOrgs(Org{Login: "octo", Admin: "mona"}),
		WithRepos(Repo{Owner: "octo", Name: "hooks"}, Repo{Owner: "octo", Name: "app"}))
	r := api(t, s, "POST", "/admin/pre-receive-hooks", fmt.Sprintf(`{"name":"Check","script":"c.sh","script_repository":{"full_name":"octo/hooks"},"environment":{"id":%d},"enforcement":"disabled","allow_downstream_configuration":false}`, s.DefaultEnvironmentID()))
	wantStatus(t, r, http.StatusCreated)
	h := r.obj(t)
	if h["enforcement"] != "disabled" || h["allow_downstream_configuration"] != false || h["script_repository"].(map[string]any)["full_name"] != "octo/hooks" || h["environment"].(map[string]any)["default_environment"] != true {
		t.Fatalf("hook %s", r.body)
	}
	id := h["id"]
	org := fmt.Sprintf("/orgs/octo/pre-receive-hooks/%v", id)
	repo := fmt.Sprintf("/repos/octo/app/pre-receive-hooks/%v", id)
	admin := fmt.Sprintf("%s/api/v3/admin/pre-receive-hooks/%v", s.URL(), id)
	msg := "The configuration of this pre-receive hook cannot be changed at this level: allow_downstream_configuration is false"

	// Downstream not allowed: the org cannot override.
	want422(t, api(t, s, "PATCH", org, `{"enforcement":"enabled"}`), msg)
	want422(t, api(t, s, "PATCH", repo, `{"enforcement":"enabled"}`), msg)

	wantStatus(t, api(t, s, "PATCH", fmt.Sprintf("/admin/pre-receive-hooks/%v", id), `{"allow_downstream_configuration":true,"enforcement":"testing"}`), http.StatusOK)
	o := api(t, s, "GET", org, "").obj(t)
	if o["enforcement"] != "testing" || o["configuration_url"] != admin || o["allow_downstream_configuration"] != true {
		t.Fatalf("org before override %v", o)
	}
	// The org overrides and forbids repositories to.
	r = api(t, s, "PATCH", org, `{"enforcement":"enabled","allow_downstream_configuration":false}`)
	wantStatus(t, r, http.StatusOK)
	o = r.obj(t)
	if o["enforcement"] != "enabled" || o["allow_downstream_configuration"] != false || o["configuration_url"] != s.URL()+"/api/v3"+org {
		t.Fatalf("org override %v", o)
	}
	rp := api(t, s, "GET", repo, "").obj(t)
	if rp["enforcement"] != "enabled" || rp["configuration_url"] != s.URL()+"/api/v3"+org {
		t.Fatalf("repo inherits org: %v", rp)
	}
	want422(t, api(t, s, "PATCH", repo, `{"enforcement":"disabled"}`), msg)
	// The org allows repositories again; the repo overrides.
	wantStatus(t, api(t, s, "PATCH", org, `{"allow_downstream_configuration":true}`), http.StatusOK)
	rp = api(t, s, "PATCH", repo, `{"enforcement":"disabled"}`).obj(t)
	if rp["enforcement"] != "disabled" || rp["configuration_url"] != s.URL()+"/api/v3"+repo {
		t.Fatalf("repo override %v", rp)
	}
	if l := api(t, s, "GET", "/repos/octo/app/pre-receive-hooks", "").list(t); len(l) != 1 || l[0]["enforcement"] != "disabled" {
		t.Errorf("repo list %v", l)
	}
	// Other repositories still inherit from the org.
	if e := api(t, s, "GET", fmt.Sprintf("/repos/octo/hooks/pre-receive-hooks/%v", id), "").obj(t)["enforcement"]; e != "enabled" {
		t.Errorf("sibling repo %v", e)
	}
	// Remove the repo override: the org's value comes back.
	r = api(t, s, "DELETE", repo, "")
	wantStatus(t, r, http.StatusOK)
	if e := r.obj(t)["enforcement"]; e != "enabled" {
		t.Errorf("after repo removal %v", e)
	}
	// Remove the org override: the enterprise's value comes back.
	r = api(t, s, "DELETE", org, "")
	wantStatus(t, r, http.StatusOK)
	if o := r.obj(t); o["enforcement"] != "testing" || o["configuration_url"] != admin {
		t.Errorf("after org removal %v", o)
	}
	if e := api(t, s, "GET", repo, "").obj(t)["enforcement"]; e != "testing" {
		t.Errorf("repo after both removals %v", e)
	}
	// Validation.
	want422(t, api(t, s, "PATCH", repo, `{"enforcement":"maybe"}`), "enforcement must be one of: enabled, disabled, testing")
	wantStatus(t, api(t, s, "GET", "/orgs/ghost/pre-receive-hooks", ""), http.StatusNotFound)
	wantStatus(t, api(t, s, "GET", "/repos/octo/ghost/pre-receive-hooks", ""), http.StatusNotFound)
	want422(t, api(t, s, "POST", "/admin/pre-receive-hooks", `{"name":"x","script":"s","script_repository":{"full_name":"no/repo"},"environment":{"id":1}}`), "script_repository does not exist")
}

func TestPreviewsByVersion(t *testing.T) {
	old := New(t, WithVersion("2.22.5"), WithUsers(User{Login: "mona"}), WithOrgs(Org{Login: "octo"}), WithTeams(Team{Org: "octo", Name: "ops"}))
	if v := old.Version(); v != "2.22.5" {
		t.Fatalf("Version() = %q", v)
	}
	cases := []struct{ method, path, body, preview string }{
		{"GET", "/admin/hooks", "", "application/vnd.github.superpro-preview+json"},
		{"GET", "/admin/pre-receive-environments", "", "application/vnd.github.eye-scream-preview"},
		{"GET", "/admin/pre-receive-hooks", "", "application/vnd.github.eye-scream-preview+json"},
		{"GET", "/orgs/octo/pre-receive-hooks", "", "application/vnd.github.eye-scream-preview"},
		{"PATCH", fmt.Sprintf("/admin/ldap/teams/%d/mapping", old.TeamID("octo", "ops")), `{"ldap_dn":"cn=x"}`, "application/vnd.github.hellcat-preview+json"},
	}
	for _, c := range cases {
		r := do(t, req{method: c.method, url: old.APIURL() + c.path[1:], body: c.body, token: old.Token(), accept: "application/vnd.github.v3+json"})
		wantStatus(t, r, http.StatusUnsupportedMediaType)
		if r.header.Get("X-GitHub-Enterprise-Version") != "enterprise-server@2.22.5" {
			t.Errorf("version header %q", r.header.Get("X-GitHub-Enterprise-Version"))
		}
		r = do(t, req{method: c.method, url: old.APIURL() + c.path[1:], body: c.body, token: old.Token(), accept: "application/vnd.github.v3+json, " + c.preview})
		wantStatus(t, r, http.StatusOK)
	}
	// 3.x features are not there on 2.22.
	wantStatus(t, api(t, old, "GET", "/enterprise/stats/security-products", ""), http.StatusNotFound)
	wantStatus(t, api(t, old, "GET", "/enterprises/enterprise/actions/runners/1/labels", ""), http.StatusNotFound)
	// 3.x ignores previews.
	s := New(t, WithVersion("3.9.0"))
	r := do(t, req{method: "GET", url: s.APIURL() + "admin/hooks", token: s.Token(), accept: "application/vnd.github+json"})
	wantStatus(t, r, http.StatusOK)
	if r.header.Get("X-GitHub-Enterprise-Version") != "enterprise-server@3.9.0" {
		t.Errorf("version header %q", r.header.Get("X-GitHub-Enterprise-Version"))
	}
	if v := api(t, s, "GET", "/meta", "").obj(t)["installed_version"]; v != "3.9.0" {
		t.Errorf("installed_version %v", v)
	}
}
