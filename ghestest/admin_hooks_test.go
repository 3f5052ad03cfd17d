package ghestest

import (
	"fmt"
	"net/http"
	"testing"
)

func TestGlobalHooks(t *testing.T) {
	s := New(t)
	r := api(t, s, "POST", "/admin/hooks", `{"name":"web","events":["organization","user"],"config":{"url":"https://example.com/webhook","content_type":"json","secret":"secret"}}`)
	wantStatus(t, r, http.StatusCreated)
	h := r.obj(t)
	cfg := h["config"].(map[string]any)
	if h["type"] != "Global" || h["active"] != true || cfg["secret"] != "********" || cfg["content_type"] != "json" || cfg["insecure_ssl"] != "0" {
		t.Fatalf("created %s", r.body)
	}
	p := fmt.Sprintf("/admin/hooks/%v", h["id"])
	if h["ping_url"] != s.URL()+"/api/v3"+p+"/pings" {
		t.Errorf("ping_url %v", h["ping_url"])
	}
	// PATCH replaces the config: content_type goes back to form, the secret away.
	r = api(t, s, "PATCH", p, `{"events":["organization"],"config":{"url":"https://example.com"}}`)
	wantStatus(t, r, http.StatusOK)
	h = r.obj(t)
	cfg = h["config"].(map[string]any)
	if cfg["content_type"] != "form" || cfg["secret"] != nil || fmt.Sprint(h["events"]) != "[organization]" {
		t.Errorf("patched %s", r.body)
	}
	// Events and active left out go back to their defaults.
	wantStatus(t, api(t, s, "PATCH", p, `{"active":false,"config":{"url":"https://example.com"}}`), http.StatusOK)
	h = api(t, s, "PATCH", p, `{"config":{"url":"https://example.com"}}`).obj(t)
	if h["active"] != true || fmt.Sprint(h["events"]) != "[user organization]" {
		t.Errorf("patched without events and active: %v", h)
	}
	want422(t, api(t, s, "PATCH", p, `{"config":{}}`), "url is required")
	want422(t, api(t, s, "POST", "/admin/hooks", `{"name":"email","config":{"url":"https://x.test"}}`), `name must be "web"`)
	wantStatus(t, api(t, s, "POST", p+"/pings", ""), http.StatusNoContent)
	if st := api(t, s, "GET", "/enterprise/stats/hooks", "").obj(t); st["total_hooks"] != 1.0 || st["active_hooks"] != 1.0 {
		t.Errorf("hook stats %v", st)
	}
	wantStatus(t, api(t, s, "DELETE", p, ""), http.StatusNoContent)
	wantStatus(t, api(t, s, "GET", p, ""), http.StatusNotFound)
	wantStatus(t, api(t, s, "GET", "/admin/hooks/abc", ""), http.StatusNotFound)
}
