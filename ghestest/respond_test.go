package ghestest

import (
	"net/http"
	"strings"
	"testing"
)

func TestUnknownRoutesAnswerJSON404(t *testing.T) {
	s := New(t)
	for _, u := range []string{s.APIURL() + "no/such/route", s.URL() + "/nothing", s.ConsoleURL() + "/nothing", s.APIURL() + "admin/keys/1/extra"} {
		r := do(t, req{method: "GET", url: u, token: s.Token()})
		wantStatus(t, r, http.StatusNotFound)
		if !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") || r.obj(t)["message"] != "Not Found" || r.obj(t)["documentation_url"] == nil {
			t.Errorf("%s: %s %s", u, r.header.Get("Content-Type"), r.body)
		}
	}
}

func TestPublicEndpointsRefuseAWrongToken(t *testing.T) {
	s := New(t)
	r := do(t, req{method: "GET", url: s.APIURL() + "meta", token: "wrong"})
	wantStatus(t, r, http.StatusUnauthorized)
	if r.obj(t)["message"] != "Bad credentials" {
		t.Errorf("body = %s", r.body)
	}
	wantStatus(t, do(t, req{method: "GET", url: s.APIURL() + "meta"}), http.StatusOK)
	wantStatus(t, do(t, req{method: "GET", url: s.APIURL() + "meta", token: s.Token()}), http.StatusOK)
	wantStatus(t, do(t, req{method: "GET", url: s.APIURL() + "users/ghe-admin", token: "wrong"}), http.StatusUnauthorized)
}
