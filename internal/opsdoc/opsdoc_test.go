package opsdoc

import (
	"strings"
	"testing"

	"github.com/ghesadmin/ghesadmin/internal/ops"
)

func find(method, path string) (ops.Operation, bool) {
	switch method + " " + path {
	case "GET /users/{username}":
		return ops.Operation{Method: method, Path: path}, true
	case "GET /manage/v1/config/settings":
		return ops.Operation{Method: method, Path: path, Since: "3.12"}, true
	case "GET /setup/api/settings":
		return ops.Operation{Method: method, Path: path, Until: "3.14"}, true
	}
	return ops.Operation{}, false
}

func TestRewriteDocs(t *testing.T) {
	// Each method's doc: the lines above its GHES API line, that line as
	// written (old) and as rewritten (new), and the meta line and func.
	cases := []struct{ head, old, new, tail string }{
		{"// Bare completes a bare line.\n//\n", "// GHES API: GET /users/{username}\n//\n", "// GHES API: GET /users/{username} (GHES 2.22 and later).\n//\n", "//meta:operation GET /users/{username}\nfunc (s *S) Bare() {}\n"},
		{"// Stale replaces a wrong range.\n//\n// GitHub API docs: https://example.com\n//\n", "// GHES API: GET /manage/v1/config/settings (GHES 3.8 and later).\n//\n", "// GHES API: GET /manage/v1/config/settings (GHES 3.12 and later).\n//\n", "//meta:operation GET /manage/v1/config/settings\nfunc (s *S) Stale() {}\n"},
		{"// Missing gets the line inserted.\n//\n", "", "// GHES API: GET /setup/api/settings (GHES 2.22 to 3.14).\n//\n", "//meta:operation GET /setup/api/settings\nfunc (s *S) Missing() {}\n"},
		{"// Tight has no blank line above its meta line.\n", "", "//\n// GHES API: GET /users/{username} (GHES 2.22 and later).\n//\n", "//meta:operation GET /users/{username}\nfunc (s *S) Tight() {}\n"},
		{"", "", "// GHES API: GET /users/{username} (GHES 2.22 and later).\n//\n", "//meta:operation GET /users/{username}\nfunc (s *S) Alone() {}\n"},
		{"// Unknown is not in the table.\n//\n", "", "", "//meta:operation GET /nowhere\nfunc (s *S) Unknown() {}\n"},
	}
	src, want := "package x\n\n", "package x\n\n"
	for i, c := range cases {
		if i > 0 {
			src, want = src+"\n", want+"\n"
		}
		src += c.head + c.old + c.tail
		want += c.head + c.new + c.tail
	}
	got, missing, err := RewriteDocs([]byte(src), find)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if len(missing) != 1 || missing[0] != "GET /nowhere" {
		t.Errorf("missing = %q", missing)
	}
	again, _, _ := RewriteDocs(got, find)
	if string(again) != string(got) {
		t.Errorf("not idempotent:\n%s", again)
	}
}

func TestReleasesTableAndSection(t *testing.T) {
	methods := []Method{
		{Service: "Users", Name: "Get", Method: "GET", Path: "/users/{username}"},
		{Service: "Manage", Name: "Settings", Method: "GET", Path: "/manage/v1/config/settings"},
		{Service: "ManagementConsole", Name: "Settings", Method: "GET", Path: "/setup/api/settings"},
		{Service: "ManagementConsole", Name: "SettingsAgain", Method: "GET", Path: "/setup/api/settings"},
	}
	var covered []ops.Release
	for _, v := range []string{"2.21", "2.22", "3.11", "3.12", "3.14", "3.15", "3.22"} {
		r, _ := ops.ParseRelease(v)
		covered = append(covered, r)
	}
	table, err := ReleasesTable(methods, find, covered)
	if err != nil {
		t.Fatal(err)
	}
	want := "| Service (`client.X`) | 2.22–3.11 | 3.12–3.14 | 3.15 and later |\n" +
		"|---|---|---|---|\n" +
		"| `Manage` | — | ✓ | ✓ |\n" +
		"| `ManagementConsole` | ✓ | ✓ | — |\n" +
		"| `Users` | ✓ | ✓ | ✓ |\n"
	if table != want {
		t.Errorf("got:\n%s\nwant:\n%s", table, want)
	}
	if _, err := ReleasesTable(append(methods, Method{Service: "X", Method: "GET", Path: "/nowhere"}), find, covered); err == nil {
		t.Error("an operation outside the table gave no error")
	}

	doc := "# T\n\n" + BeginMarker + "\nold\n" + EndMarker + "\nafter\n"
	out, err := ReplaceSection(doc, table)
	if err != nil {
		t.Fatal(err)
	}
	if sec, err := Section(out); err != nil || sec != table {
		t.Errorf("Section = %q, %v", sec, err)
	}
	if !strings.HasSuffix(out, EndMarker+"\nafter\n") || !strings.HasPrefix(out, "# T\n\n") {
		t.Errorf("ReplaceSection lost the rest:\n%s", out)
	}
	if _, err := Section("no markers"); err == nil {
		t.Error("Section without markers gave no error")
	}
}
