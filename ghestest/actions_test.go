package ghestest

import (
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"
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

func TestRunnerLabels(t *testing.T) {
	s := New(t, WithRunners(Runner{Name: "r", OS: "macos"}))
	p := fmt.Sprintf("/enterprises/%s/actions/runners/%d/labels", s.Enterprise(), s.RunnerID("r"))
	names := func(r reply) string {
		var out []string
		for _, l := range r.obj(t)["labels"].([]any) {
			out = append(out, l.(map[string]any)["name"].(string)+":"+l.(map[string]any)["type"].(string))
		}
		return fmt.Sprint(out)
	}
	if got := names(api(t, s, "GET", p, "")); got != "[self-hosted:read-only X64:read-only macOS:read-only]" {
		t.Errorf("initial %s", got)
	}
	if got := names(api(t, s, "POST", p, `{"labels":["gpu","accelerated","gpu"]}`)); got != "[self-hosted:read-only X64:read-only macOS:read-only gpu:custom accelerated:custom]" {
		t.Errorf("added %s", got)
	}
	wantStatus(t, api(t, s, "POST", p, `{"labels":[]}`), http.StatusUnprocessableEntity)
	if got := names(api(t, s, "PUT", p, `{"labels":["fast"]}`)); got != "[self-hosted:read-only X64:read-only macOS:read-only fast:custom]" {
		t.Errorf("set %s", got)
	}
	wantStatus(t, api(t, s, "DELETE", p+"/macOS", ""), http.StatusUnprocessableEntity)
	wantStatus(t, api(t, s, "DELETE", p+"/nope", ""), http.StatusNotFound)
	if got := names(api(t, s, "DELETE", p+"/fast", "")); got != "[self-hosted:read-only X64:read-only macOS:read-only]" {
		t.Errorf("removed %s", got)
	}
	api(t, s, "POST", p, `{"labels":["a","b"]}`)
	if got := names(api(t, s, "DELETE", p, "")); got != "[self-hosted:read-only X64:read-only macOS:read-only]" {
		t.Errorf("cleared %s", got)
	}
}

func TestRunnerTokensAndJIT(t *testing.T) {
	var mu sync.Mutex
	now := testNow
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	s := New(t, WithClock(clock))
	base := "/enterprises/" + s.Enterprise() + "/actions/runners"
	r := api(t, s, "POST", base+"/registration-token", "")
	wantStatus(t, r, http.StatusCreated)
	reg := r.obj(t)
	if reg["expires_at"] != testNow.Add(time.Hour).Format("2006-01-02T15:04:05.000Z07:00") {
		t.Errorf("expires_at %v", reg["expires_at"])
	}
	id, err := s.RegisterRunner(reg["token"].(string), "new-runner", "gpu")
	if err != nil {
		t.Fatal(err)
	}
	if got := api(t, s, "GET", fmt.Sprintf("%s/%d", base, id), "").obj(t)["name"]; got != "new-runner" {
		t.Errorf("registered runner %v", got)
	}
	rm := api(t, s, "POST", base+"/remove-token", "").obj(t)
	if _, err := s.RegisterRunner(rm["token"].(string), "x"); err == nil {
		t.Error("a remove token registered a runner")
	}
	mu.Lock()
	now = now.Add(time.Hour)
	mu.Unlock()
	if _, err := s.RegisterRunner(reg["token"].(string), "late"); err == nil {
		t.Error("an expired token registered a runner")
	}
	if err := s.UnregisterRunner(rm["token"].(string), id); err == nil {
		t.Error("an expired remove token worked")
	}

	// JIT config.
	body := fmt.Sprintf(`{"name":"jit","runner_group_id":%d,"labels":["self-hosted","gpu"]}`, s.RunnerGroupID("Default"))
	r = api(t, s, "POST", base+"/generate-jitconfig", body)
	wantStatus(t, r, http.StatusCreated)
	j := r.obj(t)
	if j["encoded_jit_config"] == "" || j["runner"].(map[string]any)["name"] != "jit" || j["runner"].(map[string]any)["status"] != "offline" {
		t.Errorf("jit %s", r.body)
	}
	wantStatus(t, api(t, s, "POST", base+"/generate-jitconfig", body), http.StatusConflict)
	wantStatus(t, api(t, s, "POST", base+"/generate-jitconfig", `{"name":"j2","runner_group_id":999999,"labels":["a"]}`), http.StatusNotFound)
	wantStatus(t, api(t, s, "POST", base+"/generate-jitconfig", `{"name":"j3","runner_group_id":1,"labels":[]}`), http.StatusUnprocessableEntity)
}
