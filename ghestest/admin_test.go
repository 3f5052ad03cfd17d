package ghestest

import (
	"net/http"
	"testing"
	"time"
)

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
