package ghestest

import (
	"fmt"
	"net"
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

func TestListUsersSinceCursor(t *testing.T) {
	var users []User
	for i := 0; i < 5; i++ {
		users = append(users, User{Login: fmt.Sprintf("u%d", i), Email: fmt.Sprintf("u%d@x.test", i)})
	}
	s := New(t, WithUsers(users...), WithOrgs(Org{Login: "org-a"}))
	var logins []string
	next := s.APIURL() + "users?per_page=2"
	for pages := 0; next != ""; pages++ {
		if pages > 5 {
			t.Fatal("too many pages")
		}
		r := do(t, req{method: "GET", url: next, token: s.Token()})
		wantStatus(t, r, http.StatusOK)
		for _, u := range r.list(t) {
			logins = append(logins, u["login"].(string))
			if u["type"] != "User" {
				t.Errorf("type = %v", u["type"])
			}
		}
		link := r.header.Get("Link")
		if !strings.Contains(link, `{?since}>; rel="first"`) {
			t.Errorf("Link = %q", link)
		}
		next = ""
		for _, part := range strings.Split(link, ",") {
			if strings.Contains(part, `rel="next"`) {
				next = strings.Trim(strings.TrimSpace(strings.Split(part, ";")[0]), "<>")
				if !strings.Contains(next, "since=") {
					t.Errorf("next = %q", next)
				}
			}
		}
	}
	// The admin first (lowest id), then the seeded users; no organization.
	if got := strings.Join(logins, " "); got != "ghe-admin u0 u1 u2 u3 u4" {
		t.Errorf("logins = %q", got)
	}
	orgs := api(t, s, "GET", "/organizations?since=0", "")
	wantStatus(t, orgs, http.StatusOK)
	if l := orgs.list(t); len(l) != 1 || l[0]["login"] != "org-a" {
		t.Errorf("orgs = %s", orgs.body)
	}
	if r := api(t, s, "GET", fmt.Sprintf("/organizations?since=%d", s.OrgID("org-a")), ""); len(r.list(t)) != 0 {
		t.Errorf("after the last org: %s", r.body)
	}
}

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

func TestSuspensionReasonRecorded(t *testing.T) {
	s := New(t, WithUsers(User{Login: "mona", Email: "m@x.test"}, User{Login: "old", Email: "o@x.test", Suspended: true, SuspendReason: "Left in 2020"}))
	wantStatus(t, api(t, s, "PUT", "/users/mona/suspended", `{"reason":"Dormant for 90 days"}`), http.StatusNoContent)
	if u, _ := s.User("mona"); !u.Suspended || u.SuspendReason != "Dormant for 90 days" {
		t.Errorf("mona = %+v", u)
	}
	if u, _ := s.User("old"); u.SuspendReason != "Left in 2020" {
		t.Errorf("old = %+v", u)
	}
	wantStatus(t, api(t, s, "DELETE", "/users/mona/suspended", ""), http.StatusNoContent)
	if u, _ := s.User("mona"); u.Suspended || u.SuspendReason != "" {
		t.Errorf("after unsuspend mona = %+v", u)
	}
	wantStatus(t, api(t, s, "PUT", "/users/mona/suspended", ""), http.StatusNoContent)
	if u, _ := s.User("mona"); u.SuspendReason != "Suspended via API by ghe-admin" {
		t.Errorf("default reason = %q", u.SuspendReason)
	}
}

// TestCloseClosesPendingConnections: a connection opened ahead and never
// used (as a client's prefetch leaves behind) is closed by Close, which
// then returns; the old Shutdown-based Close waited it out.
func TestCloseClosesPendingConnections(t *testing.T) {
	s, err := NewServer()
	if err != nil {
		t.Fatal(err)
	}
	conn, err := net.Dial("tcp", strings.TrimPrefix(s.URL(), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Make sure the server has accepted it.
	wantStatus(t, do(t, req{method: "GET", url: s.APIURL() + "meta"}), http.StatusOK)
	closed := make(chan struct{})
	go func() { s.Close(); close(closed) }()
	// The server side of the pending connection is closed by Close itself:
	// the read returns EOF, and Close has returned or returns without
	// further waiting.
	buf := make([]byte, 1)
	if _, err := conn.Read(buf); err == nil {
		t.Fatal("read data from a closed server")
	}
	<-closed
}
