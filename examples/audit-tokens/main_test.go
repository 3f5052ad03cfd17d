package main

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ghesadmin/ghesadmin/examples/internal/exampletest"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

// table returns the rows of the printed table, header first.
func table(t *testing.T, out string) []string {
	t.Helper()
	i := strings.Index(out, "USER ")
	if i < 0 {
		t.Fatalf("no table in:\n%s", out)
	}
	rows := strings.Split(out[i:], "\n\n")[0]
	return strings.Split(rows, "\n")
}

// assertAligned checks that header's column starts at the same character in
// every row.
func assertAligned(t *testing.T, rows []string, header string) {
	t.Helper()
	at := utf8.RuneCountInString(rows[0][:strings.Index(rows[0], header)])
	for _, r := range rows[1:] {
		runes := []rune(r)
		if len(runes) <= at || runes[at] == ' ' || runes[at-1] != ' ' {
			t.Errorf("column %s does not start at %d in %q", header, at, r)
		}
	}
}

func TestAuditOnTheFake(t *testing.T) {
	out := exampletest.RunOnFake(t, ghestest.DefaultVersion, run)
	rows := table(t, out)
	if len(rows) != 5 {
		t.Fatalf("table rows = %d, want a header and 4 tokens:\n%s", len(rows), out)
	}
	for i, want := range []struct{ user, note, scopes string }{
		{"alice", "maintenance script", "site_admin"},
		{"carol", "team sync", "admin:org"},
		{"ghe-admin", "ghestest admin token", "site_admin,admin:enterprise"},
		{"release-bot", "release pipeline", "admin:enterprise"},
	} {
		f := strings.Fields(rows[i+1])
		if f[0] != want.user || !strings.Contains(rows[i+1], "  "+want.note+"  ") || !strings.Contains(rows[i+1], "  "+want.scopes+"  ") {
			t.Errorf("row %d = %q, want %s %q %s", i+1, rows[i+1], want.user, want.note, want.scopes)
		}
		if !strings.HasSuffix(rows[i+1], "never") {
			t.Errorf("row %d = %q, want it to end with never", i+1, rows[i+1])
		}
	}
	for _, h := range []string{"ID", "TOKEN", "NOTE", "ADMIN SCOPES", "CREATED", "EXPIRES"} {
		assertAligned(t, rows, h)
	}
	if strings.Contains(out, "bob") || strings.Contains(out, "gists") {
		t.Errorf("tokens without admin scopes are listed:\n%s", out)
	}
	if !strings.Contains(out, "…00000001") {
		t.Errorf("the token's last eight characters are missing:\n%s", out)
	}
	if strings.Contains(out, "ghp_alice") {
		t.Errorf("a token value is printed:\n%s", out)
	}
	if !strings.Contains(out, "\n4 of 6 personal access tokens hold site_admin, admin:enterprise, admin:org\n") {
		t.Errorf("no summary line:\n%s", out)
	}
}

func TestAuditScopesFlag(t *testing.T) {
	out := exampletest.RunOnFake(t, ghestest.DefaultVersion, run, "-scopes", "admin:org, read:org")
	rows := table(t, out)
	if len(rows) != 3 || !strings.HasPrefix(rows[1], "bob ") || !strings.HasPrefix(rows[2], "carol ") {
		t.Errorf("rows = %q, want bob (read:org) and carol (admin:org)", rows)
	}
	if !strings.Contains(out, "2 of 6 personal access tokens hold admin:org, read:org") {
		t.Errorf("summary:\n%s", out)
	}
	if _, err := exampletest.Run(t, run, "-scopes", " , "); err == nil {
		t.Error("-scopes with no scope succeeded")
	}
}

func TestAuditOfAnInstance(t *testing.T) {
	// The fake stands in for a real instance, reached through the
	// environment like one.
	srv := ghestest.New(t, ghestest.WithUsers(ghestest.User{Login: "dave"}),
		ghestest.WithTokens(ghestest.Token{User: "dave", Value: "ghp_daveEnterpriseAdmin00000000000001", Note: "audit", Scopes: []string{"admin:enterprise"}}))
	exampletest.AsReal(t, srv, false)
	out := exampletest.MustRun(t, run)
	if strings.Contains(out, "Using a fake") {
		t.Error("a fake was started although GHES_URL was set")
	}
	rows := table(t, out)
	if len(rows) != 3 || !strings.HasPrefix(rows[1], "dave ") || !strings.HasPrefix(rows[2], "ghe-admin ") {
		t.Errorf("rows = %q, want dave and ghe-admin", rows)
	}
}
