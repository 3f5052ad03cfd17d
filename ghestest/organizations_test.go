package ghestest

import (
	"net/http"
	"strings"
	"testing"
)

func TestLookupsServeState(t *testing.T) {
	for _, v := range []string{"2.22.6", "3.14.0"} {
		t.Run(v, func(t *testing.T) {
			s := New(t, WithVersion(v),
				WithUsers(User{Login: "mona", Email: "mona@x.test"}, User{Login: "hubot", Email: "hubot@x.test", Suspended: true}),
				WithOrgs(Org{Login: "acme", ProfileName: "Acme Inc."}),
				WithTeams(Team{Org: "acme", Name: "Site Reliability", Members: []string{"mona"}}))
			u := api(t, s, "GET", "/users/mona", "")
			wantStatus(t, u, http.StatusOK)
			obj := u.obj(t)
			if obj["login"] != "mona" || obj["id"] != float64(s.UserID("mona")) || obj["email"] != "mona@x.test" || obj["created_at"] == nil {
				t.Errorf("user = %s", u.body)
			}
			h := api(t, s, "GET", "/users/hubot", "").obj(t)
			if _, has := h["suspended_at"]; has != strings.HasPrefix(v, "3.") {
				t.Errorf("%s: suspended_at present = %v", v, has)
			}
			o := api(t, s, "GET", "/orgs/acme", "")
			wantStatus(t, o, http.StatusOK)
			if oo := o.obj(t); oo["id"] != float64(s.OrgID("acme")) || oo["name"] != "Acme Inc." || oo["type"] != "Organization" {
				t.Errorf("org = %s", o.body)
			}
			tm := api(t, s, "GET", "/orgs/acme/teams/site-reliability", "")
			wantStatus(t, tm, http.StatusOK)
			if to := tm.obj(t); to["id"] != float64(s.TeamID("acme", "site-reliability")) || to["members_count"] != float64(1) || to["organization"].(map[string]any)["login"] != "acme" {
				t.Errorf("team = %s", tm.body)
			}
			for _, p := range []string{"/orgs/nope", "/orgs/acme/teams/nope", "/orgs/mona", "/users/acme", "/users/nope"} {
				r := api(t, s, "GET", p, "")
				wantStatus(t, r, http.StatusNotFound)
				if r.obj(t)["message"] != "Not Found" {
					t.Errorf("%s: %s", p, r.body)
				}
			}
		})
	}
}

func TestCreateAndRenameOrganization(t *testing.T) {
	s := adminAreasServer(t)
	r := api(t, s, "POST", "/admin/organizations", `{"login":"github","admin":"mona","profile_name":"GitHub, Inc."}`)
	wantStatus(t, r, http.StatusCreated)
	if o := r.obj(t); o["login"] != "github" || o["description"] != "GitHub, Inc." {
		t.Errorf("org %s", r.body)
	}
	want422(t, api(t, s, "POST", "/admin/organizations", `{"login":"mona","admin":"mona"}`), "login is already taken")
	want422(t, api(t, s, "POST", "/admin/organizations", `{"login":"x","admin":"ghost"}`), "admin is not a user")
	r = api(t, s, "PATCH", "/admin/organizations/github", `{"login":"the-new-octocats"}`)
	wantStatus(t, r, http.StatusAccepted)
	if r.obj(t)["message"] != "Job queued to rename organization. It may take a few minutes to complete." {
		t.Errorf("rename %s", r.body)
	}
	wantStatus(t, api(t, s, "PATCH", "/admin/organizations/github", `{"login":"y"}`), http.StatusNotFound)
}
