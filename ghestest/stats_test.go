package ghestest

import (
	"net/http"
	"testing"
)

func TestStatsCountState(t *testing.T) {
	s := adminAreasServer(t)
	// The seeded organization and one created through the API.
	wantStatus(t, api(t, s, "POST", "/admin/organizations", `{"login":"github","admin":"mona","profile_name":"GitHub, Inc."}`), http.StatusCreated)
	r := api(t, s, "GET", "/enterprise/stats/all", "")
	var all struct {
		Repos map[string]int `json:"repos"`
		Users map[string]int `json:"users"`
		Orgs  map[string]int `json:"orgs"`
		Pages map[string]int `json:"pages"`
	}
	r.decode(t, &all)
	if all.Users["total_users"] != 4 || all.Users["admin_users"] != 2 || all.Users["suspended_users"] != 1 {
		t.Errorf("users %v", all.Users)
	}
	if all.Repos["total_repos"] != 2 || all.Repos["fork_repos"] != 1 || all.Repos["org_repos"] != 1 || all.Repos["total_pushes"] != 3 || all.Repos["total_wikis"] != 1 {
		t.Errorf("repos %v", all.Repos)
	}
	if all.Orgs["total_orgs"] != 2 || all.Orgs["total_teams"] != 1 || all.Orgs["total_team_members"] != 2 || all.Pages["total_pages"] != 1 {
		t.Errorf("orgs %v pages %v", all.Orgs, all.Pages)
	}
	r = api(t, s, "GET", "/enterprise/stats/users", "")
	if u := r.obj(t); u["total_users"] != 4.0 {
		t.Errorf("stats/users %s", r.body)
	}
	wantStatus(t, api(t, s, "GET", "/enterprise/stats/security-products", ""), http.StatusOK)
}
