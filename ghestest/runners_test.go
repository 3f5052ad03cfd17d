package ghestest

import (
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"
)

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
