package ghestest

import (
	"net/http"
	"testing"
)

func TestManageLicenseAndUpgrade(t *testing.T) {
	s := New(t, WithVersion("3.22.1"), WithStatusReads(2))
	if v := console(t, s, "GET", "/manage/v1/version", "", "").list(t)[0]["version"].(map[string]any)["version"]; v != "3.22.1" {
		t.Fatalf("version %v", v)
	}
	body, ct := multipartBody(t, map[string]string{"license": `{"seats":500}`})
	wantStatus(t, console(t, s, "PUT", "/manage/v1/config/license?apply=false", body, ct), http.StatusCreated)
	if seats := console(t, s, "GET", "/manage/v1/config/license", "", "").obj(t)["seats"]; seats != 500.0 {
		t.Errorf("seats %v", seats)
	}
	if seats := api(t, s, "GET", "/enterprise/settings/license", "").obj(t)["seats"]; seats != 500.0 {
		t.Errorf("REST seats %v", seats)
	}
	if st := console(t, s, "GET", "/manage/v1/config/license/check", "", "").obj(t)["status"]; st != "valid" {
		t.Errorf("check %v", st)
	}

	// Before any upgrade: the installed release, completed, not running,
	// no steps (never "idle" or "").
	if st := console(t, s, "GET", "/manage/v1/upgrade/status", "", "").list(t)[0]; st["status"] != "completed" ||
		st["pre_upgrade_status"] != "completed" || st["is_running"] != false || st["release_version"] != "3.22.1" || len(st["steps"].([]any)) != 0 {
		t.Fatalf("upgrade status before any upgrade %v", st)
	}

	// Download, then apply the upgrade; the version changes at the end.
	wantStatus(t, console(t, s, "POST", "/manage/v1/upgrade/apply", `{"version":"3.22.2"}`, "application/json"), http.StatusNotFound)
	// A plain download fans out: 200 with one result per node.
	r := console(t, s, "POST", "/manage/v1/upgrade/download", `{"version":"3.22.2"}`, "application/json")
	wantStatus(t, r, http.StatusOK)
	if n := r.list(t); len(n) != 1 || n[0]["hostname"] != nodeHostname || n[0]["uuid"] != nodeUUID || n[0]["message"] != "download started" || n[0]["error"] != "" {
		t.Fatalf("plain download %s", r.body)
	}
	wantStatus(t, console(t, s, "POST", "/manage/v1/upgrade/download", `{"version":"3.22.2"}`, "application/json"), http.StatusConflict)
	// An orchestrated one (any of max_parallel, node_timeout, max_attempts)
	// answers 202 with the orchestration.
	r = console(t, s, "POST", "/manage/v1/upgrade/download", `{"version":"3.22.2","force":true,"max_parallel":1}`, "application/json")
	wantStatus(t, r, http.StatusAccepted)
	if o := r.obj(t); o["download_id"] == "" || o["max_parallel"] != 1.0 || o["total_nodes"] != 1.0 {
		t.Fatalf("orchestrated download %s", r.body)
	}
	if st := console(t, s, "GET", "/manage/v1/upgrade/download/status", "", "").obj(t)["status"]; st != "downloading" {
		t.Fatalf("download read 1 %v", st)
	}
	if st := console(t, s, "GET", "/manage/v1/upgrade/download/status", "", "").obj(t)["status"]; st != "completed" {
		t.Fatalf("download read 2 %v", st)
	}
	wantStatus(t, console(t, s, "POST", "/manage/v1/upgrade/apply", `{"version":"3.22.2"}`, "application/json"), http.StatusOK)
	st := console(t, s, "GET", "/manage/v1/upgrade/status", "", "").list(t)[0]
	if st["status"] != "in_progress" {
		t.Fatalf("upgrade read 1 %v", st)
	}
	// A step still running has no ended_at (never "").
	steps := st["steps"].([]any)
	if last := steps[len(steps)-1].(map[string]any); last["status"] != "in_progress" || last["ended_at"] != nil {
		t.Fatalf("running step %v", last)
	}
	if st := console(t, s, "GET", "/manage/v1/upgrade/status", "", "").list(t)[0]["status"]; st != "completed" {
		t.Fatalf("upgrade read 2 %v", st)
	}
	if v := s.Version(); v != "3.22.2" {
		t.Errorf("Version() after upgrade = %s", v)
	}
	if n := console(t, s, "GET", "/manage/v1/config/nodes", "", "").obj(t)["nodes"].([]any); len(n) != 1 {
		t.Errorf("nodes %v", n)
	}
	if n := console(t, s, "GET", "/manage/v1/config/nodes?uuid=other", "", "").obj(t)["nodes"].([]any); len(n) != 0 {
		t.Errorf("filtered nodes %v", n)
	}
	for _, p := range []string{"/manage/v1/cluster/status", "/manage/v1/replication/status", "/manage/v1/checks/system-requirements"} {
		if st := console(t, s, "GET", p, "", "").obj(t)["status"]; st != "OK" {
			t.Errorf("%s status %v", p, st)
		}
	}
}
