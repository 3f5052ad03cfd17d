package ghestest

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"testing"
	"time"
)

const testKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHx5c2VjcmV0a2V5Zm9ydGVzdGluZ3B1cnBvc2VzMDE= admin@test"

func TestConfigurationRun(t *testing.T) {
	s := New(t, WithStatusReads(3))
	check := func() (string, []string) {
		var cc struct {
			Status   string `json:"status"`
			Progress []struct {
				Status string `json:"status"`
			} `json:"progress"`
		}
		console(t, s, "GET", "/setup/api/configcheck", "", "").decode(t, &cc)
		var st []string
		for _, p := range cc.Progress {
			st = append(st, p.Status)
		}
		return cc.Status, st
	}
	wantStatus(t, console(t, s, "POST", "/setup/api/configure", "", ""), http.StatusAccepted)
	status, p := check()
	if status != "running" || p[0] != "CONFIGURING" || p[4] != "PENDING" {
		t.Fatalf("read 1: %s %v", status, p)
	}
	status, p = check()
	if status != "running" || p[0] != "DONE" || p[1] != "CONFIGURING" {
		t.Fatalf("read 2: %s %v", status, p)
	}
	status, p = check()
	if status != "success" || p[4] != "DONE" {
		t.Fatalf("read 3: %s %v", status, p)
	}
	if n, _ := s.Setting("configuration_run_count"); n != 1.0 {
		t.Errorf("configuration_run_count %v", n)
	}

	// The /manage/v1 equivalent.
	r := console(t, s, "POST", "/manage/v1/config/apply", `{"run_id":"d34db33f"}`, "application/json")
	wantStatus(t, r, http.StatusOK)
	if r.obj(t)["run_id"] != "d34db33f" {
		t.Fatalf("apply %s", r.body)
	}
	for i, want := range []bool{true, true, false} {
		m := console(t, s, "GET", "/manage/v1/config/apply?run_id=d34db33f", "", "").obj(t)
		if m["running"] != want || m["successful"] != !want || m["run_id"] != "d34db33f" {
			t.Fatalf("read %d: %v", i+1, m)
		}
	}
	wantStatus(t, console(t, s, "GET", "/manage/v1/config/apply?run_id=nope", "", ""), http.StatusBadRequest)
	if ev := console(t, s, "GET", "/manage/v1/config/apply/events", "", "").obj(t); len(ev["nodes"].([]any)) != 1 {
		t.Errorf("events %v", ev)
	}
}

func TestMaintenanceShared(t *testing.T) {
	s := New(t, WithClock(func() time.Time { return testNow }))
	r := console(t, s, "POST", "/setup/api/maintenance", form("maintenance", `{"enabled":true,"when":"now"}`), formCT)
	wantStatus(t, r, http.StatusOK)
	if r.obj(t)["status"] != "on" {
		t.Fatalf("console %s", r.body)
	}
	m := console(t, s, "GET", "/manage/v1/maintenance", "", "").list(t)
	if len(m) != 1 || m[0]["status"] != "on" {
		t.Fatalf("manage sees %v", m)
	}
	// Off through /manage/v1, seen by the console.
	wantStatus(t, console(t, s, "POST", "/manage/v1/maintenance", `{"enabled":false}`, "application/json"), http.StatusOK)
	if st := console(t, s, "GET", "/setup/api/maintenance", "", "").obj(t)["status"]; st != "off" {
		t.Fatalf("console sees %v", st)
	}
	// Scheduled.
	when := testNow.Add(2 * time.Hour).Format(time.RFC3339)
	r = console(t, s, "POST", "/manage/v1/maintenance", `{"enabled":true,"when":"`+when+`","ip_exception_list":["1.1.1.1"]}`, "application/json")
	if l := r.list(t); l[0]["message"] != "maintenance mode scheduled with exception list [1.1.1.1]" {
		t.Errorf("manage set %s", r.body)
	}
	c := console(t, s, "GET", "/setup/api/maintenance", "", "").obj(t)
	if c["status"] != "scheduled" || c["scheduled_time"] != testNow.Add(2*time.Hour).Format("Monday, January 2 at 15:04 -0700") {
		t.Errorf("console scheduled %v", c)
	}
	if st, at := s.Maintenance(); st != "scheduled" || !at.Equal(testNow.Add(2*time.Hour)) {
		t.Errorf("Maintenance() = %s %v", st, at)
	}
	wantStatus(t, console(t, s, "POST", "/setup/api/maintenance", form("maintenance", `{"enabled":true,"when":"someday"}`), formCT), http.StatusUnprocessableEntity)
	wantStatus(t, console(t, s, "POST", "/setup/api/maintenance", form("other", "x"), formCT), http.StatusUnprocessableEntity)
}

func TestSettingsShared(t *testing.T) {
	s := New(t)
	wantStatus(t, console(t, s, "PUT", "/setup/api/settings", form("settings", `{"enterprise":{"public_pages":true,"smtp":{"address":"mail.test"}}}`), formCT), http.StatusNoContent)
	var got struct {
		Enterprise map[string]any `json:"enterprise"`
		RunList    []string       `json:"run_list"`
	}
	console(t, s, "GET", "/setup/api/settings", "", "").decode(t, &got)
	smtp := got.Enterprise["smtp"].(map[string]any)
	if got.Enterprise["public_pages"] != true || smtp["address"] != "mail.test" || smtp["port"] != "25" || got.Enterprise["subdomain_isolation"] != true {
		t.Errorf("merged settings %v", got.Enterprise)
	}
	m := console(t, s, "GET", "/manage/v1/config/settings", "", "").obj(t)
	if m["public_pages"] != true {
		t.Errorf("manage sees %v", m["public_pages"])
	}
	wantStatus(t, console(t, s, "PUT", "/manage/v1/config/settings", `{"signup_enabled":true}`, "application/json"), http.StatusNoContent)
	if v, _ := s.Setting("signup_enabled"); v != true {
		t.Errorf("signup_enabled %v", v)
	}
	// Unwrapped console settings and wrapped manage settings are refused.
	wantStatus(t, console(t, s, "PUT", "/setup/api/settings", form("settings", `{"public_pages":false}`), formCT), http.StatusUnprocessableEntity)
	wantStatus(t, console(t, s, "PUT", "/manage/v1/config/settings", `{"enterprise":{}}`, "application/json"), http.StatusBadRequest)
	wantStatus(t, console(t, s, "PUT", "/setup/api/settings", `{"enterprise":{}}`, "application/json"), http.StatusUnsupportedMediaType)
}

func TestSSHKeysShared(t *testing.T) {
	s := New(t)
	r := console(t, s, "POST", "/setup/api/settings/authorized-keys", form("authorized_key", testKey), formCT)
	wantStatus(t, r, http.StatusCreated)
	l := r.list(t)
	if len(l) != 1 || l[0]["key"] != testKey || len(l[0]["pretty-print"].(string)) != len("ssh-ed25519 ")+47 {
		t.Fatalf("added %s", r.body)
	}
	want422(t, console(t, s, "POST", "/setup/api/settings/authorized-keys", form("authorized_key", testKey), formCT), "Key already exists")
	want422(t, console(t, s, "POST", "/setup/api/settings/authorized-keys", form("authorized_key", "not a key"), formCT), "Key is invalid. You must supply a key in OpenSSH public key format")
	m := console(t, s, "GET", "/manage/v1/access/ssh", "", "").list(t)
	if len(m) != 1 || m[0]["fingerprint"] == "" {
		t.Fatalf("manage keys %v", m)
	}
	r = console(t, s, "POST", "/manage/v1/access/ssh", `{"key":"`+testKey+`"}`, "application/json")
	if l := r.list(t); l[0]["modified"] != false {
		t.Errorf("duplicate add %s", r.body)
	}
	r = console(t, s, "DELETE", "/manage/v1/access/ssh", `{"key":"`+testKey+`"}`, "application/json")
	if l := r.list(t); l[0]["message"] != "SSH key removed successfully" {
		t.Errorf("remove %s", r.body)
	}
	if l := console(t, s, "GET", "/setup/api/settings/authorized-keys", "", "").list(t); len(l) != 0 {
		t.Errorf("console still has %v", l)
	}
	wantStatus(t, console(t, s, "DELETE", "/setup/api/settings/authorized-keys", form("authorized_key", testKey), formCT), http.StatusNotFound)
}

func TestConsoleVersions(t *testing.T) {
	removed := New(t, WithVersion("3.15.0"))
	wantStatus(t, console(t, removed, "GET", "/setup/api/settings", "", ""), http.StatusNotFound)
	wantStatus(t, console(t, removed, "GET", "/manage/v1/version", "", ""), http.StatusOK)
	old := New(t, WithVersion("3.7.2"))
	wantStatus(t, console(t, old, "GET", "/manage/v1/version", "", ""), http.StatusNotFound)
	wantStatus(t, console(t, old, "GET", "/setup/api/settings", "", ""), http.StatusOK)
}

func multipartBody(t *testing.T, fields map[string]string) (string, string) {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for k, v := range fields {
		fw, err := w.CreateFormFile(k, k+".txt")
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write([]byte(v))
	}
	_ = w.Close()
	return b.String(), w.FormDataContentType()
}

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
