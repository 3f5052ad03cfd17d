package ghestest

import (
	"net"
	"net/http"
	"strings"
	"testing"
)

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

func TestNewServerErrors(t *testing.T) {
	for name, opt := range map[string]Option{
		"version":    WithVersion("three"),
		"token":      WithAdminToken(" "),
		"password":   WithConsolePassword(""),
		"dup user":   WithUsers(User{Login: DefaultAdminLogin}),
		"bad login":  WithUsers(User{Login: "a_b"}),
		"team org":   WithTeams(Team{Org: "ghost", Name: "x"}),
		"runner grp": WithRunners(Runner{Name: "r", Group: "ghost"}),
		"reads":      WithStatusReads(0),
		"admin":      WithAdminLogin("-admin"),
		"no admin":   WithAdminLogin(""),
	} {
		if s, err := NewServer(opt); err == nil {
			s.Close()
			t.Errorf("%s: no error", name)
		}
	}
	s, err := NewServer(WithAdminToken("fixed-token"), WithConsolePassword("pw"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Token() != "fixed-token" || s.ConsolePassword() != "pw" {
		t.Error("fixed secrets not used")
	}
	s.Close()
	s.Close() // twice is fine
}

func TestWithAdminLogin(t *testing.T) {
	s := New(t, WithAdminLogin("site-boss"))
	if s.AdminLogin() != "site-boss" {
		t.Fatalf("AdminLogin() = %q", s.AdminLogin())
	}
	// The admin token belongs to that user, a site administrator, and the
	// default login is not seeded.
	r := api(t, s, "GET", "/users/site-boss", "")
	wantStatus(t, r, http.StatusOK)
	if u := r.obj(t); u["login"] != "site-boss" || u["site_admin"] != true {
		t.Errorf("admin user = %s", r.body)
	}
	wantStatus(t, api(t, s, "GET", "/users/"+DefaultAdminLogin, ""), http.StatusNotFound)
	wantStatus(t, api(t, s, "DELETE", "/admin/users/site-boss", ""), http.StatusForbidden)
}
