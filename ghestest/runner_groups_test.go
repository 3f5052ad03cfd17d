package ghestest

import (
	"fmt"
	"net/http"
	"testing"
)

func TestRunnerGroupsAndRunners(t *testing.T) {
	s := New(t,
		WithOrgs(Org{Login: "octo"}, Org{Login: "acme"}),
		WithRunnerGroups(RunnerGroup{Name: "gpu", Visibility: "selected", Orgs: []string{"octo"}}),
		WithRunners(Runner{Name: "linux-1", Labels: []string{"gpu"}, Group: "gpu"}, Runner{Name: "mac-1", OS: "macos", Status: "offline", Busy: true}))
	base := "/enterprises/" + s.Enterprise() + "/actions"
	wantStatus(t, api(t, s, "GET", "/enterprises/other/actions/runner-groups", ""), http.StatusNotFound)

	r := api(t, s, "GET", base+"/runner-groups", "")
	var groups struct {
		TotalCount   int              `json:"total_count"`
		RunnerGroups []map[string]any `json:"runner_groups"`
	}
	r.decode(t, &groups)
	if groups.TotalCount != 2 || groups.RunnerGroups[0]["default"] != true || groups.RunnerGroups[1]["selected_organizations_url"] == nil {
		t.Fatalf("groups %s", r.body)
	}
	if n := len(api(t, s, "GET", base+"/runner-groups?visible_to_organization=acme", "").obj(t)["runner_groups"].([]any)); n != 1 {
		t.Errorf("visible to acme: %d groups", n)
	}

	// Create with orgs and runners; the runner moves.
	mac := s.RunnerID("mac-1")
	r = api(t, s, "POST", base+"/runner-groups", fmt.Sprintf(`{"name":"expensive","visibility":"selected","selected_organization_ids":[%d],"runners":[%d]}`, s.OrgID("acme"), mac))
	wantStatus(t, r, http.StatusCreated)
	gid := r.obj(t)["id"]
	want422(t, api(t, s, "POST", base+"/runner-groups", `{"name":"gpu"}`), "Name has already been taken")
	rs := api(t, s, "GET", fmt.Sprintf("%s/runner-groups/%v/runners", base, gid), "").obj(t)
	if rs["total_count"] != 1.0 {
		t.Errorf("group runners %v", rs)
	}
	orgs := api(t, s, "GET", fmt.Sprintf("%s/runner-groups/%v/organizations", base, gid), "").obj(t)
	if orgs["total_count"] != 1.0 || orgs["organizations"].([]any)[0].(map[string]any)["login"] != "acme" {
		t.Errorf("group orgs %v", orgs)
	}
	g := fmt.Sprintf("%s/runner-groups/%v", base, gid)
	wantStatus(t, api(t, s, "PUT", fmt.Sprintf("%s/organizations/%d", g, s.OrgID("octo")), ""), http.StatusNoContent)
	wantStatus(t, api(t, s, "DELETE", fmt.Sprintf("%s/organizations/%d", g, s.OrgID("acme")), ""), http.StatusNoContent)
	wantStatus(t, api(t, s, "PUT", g+"/organizations", fmt.Sprintf(`{"selected_organization_ids":[%d,%d]}`, s.OrgID("octo"), s.OrgID("acme"))), http.StatusNoContent)
	if n := api(t, s, "GET", g+"/organizations", "").obj(t)["total_count"]; n != 2.0 {
		t.Errorf("after set: %v orgs", n)
	}
	wantStatus(t, api(t, s, "PUT", fmt.Sprintf("%s/organizations/%d", g, 999999), ""), http.StatusNotFound)
	// Runners: remove moves back to default, set replaces.
	wantStatus(t, api(t, s, "DELETE", fmt.Sprintf("%s/runners/%d", g, mac), ""), http.StatusNoContent)
	def := fmt.Sprintf("%s/runner-groups/%d/runners", base, s.RunnerGroupID("Default"))
	if n := api(t, s, "GET", def, "").obj(t)["total_count"]; n != 1.0 {
		t.Errorf("default group has %v runners", n)
	}
	wantStatus(t, api(t, s, "PUT", g+"/runners", fmt.Sprintf(`{"runners":[%d,%d]}`, mac, s.RunnerID("linux-1"))), http.StatusNoContent)
	if n := api(t, s, "GET", g+"/runners", "").obj(t)["total_count"]; n != 2.0 {
		t.Errorf("after set: %v runners", n)
	}
	wantStatus(t, api(t, s, "PUT", fmt.Sprintf("%s/runners/%d", g, 424242), ""), http.StatusNotFound)
	// Update, delete (runners go back to the default group).
	r = api(t, s, "PATCH", g, `{"name":"renamed","visibility":"all"}`)
	if m := r.obj(t); m["name"] != "renamed" || m["visibility"] != "all" || m["selected_organizations_url"] != nil {
		t.Errorf("patched %s", r.body)
	}
	wantStatus(t, api(t, s, "DELETE", g, ""), http.StatusNoContent)
	if n := api(t, s, "GET", def, "").obj(t)["total_count"]; n != 2.0 {
		t.Errorf("default group has %v runners after delete", n)
	}
	wantStatus(t, api(t, s, "DELETE", fmt.Sprintf("%s/runner-groups/%d", base, s.RunnerGroupID("Default")), ""), http.StatusUnprocessableEntity)

	// Runners.
	r = api(t, s, "GET", base+"/runners?name=mac-1", "")
	if m := r.obj(t); m["total_count"] != 1.0 {
		t.Errorf("runners by name %s", r.body)
	}
	r = api(t, s, "GET", fmt.Sprintf("%s/runners/%d", base, s.RunnerID("linux-1")), "")
	run := r.obj(t)
	if run["os"] != "linux" || run["status"] != "online" || len(run["labels"].([]any)) != 4 || run["labels"].([]any)[3].(map[string]any)["name"] != "gpu" {
		t.Errorf("runner %s", r.body)
	}
	wantStatus(t, api(t, s, "DELETE", fmt.Sprintf("%s/runners/%d", base, mac), ""), http.StatusUnprocessableEntity) // busy
	wantStatus(t, api(t, s, "DELETE", fmt.Sprintf("%s/runners/%d", base, s.RunnerID("linux-1")), ""), http.StatusNoContent)
	if l := api(t, s, "GET", base+"/runners/downloads", "").list(t); len(l) == 0 || l[0]["download_url"] == nil {
		t.Errorf("downloads %v", l)
	}
}
