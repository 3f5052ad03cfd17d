package ops

import (
	"strings"
	"testing"
)

func TestParseRelease(t *testing.T) {
	good := map[string]Release{
		"3.14":                       {3, 14},
		"3.14.2":                     {3, 14},
		"v3.9.0":                     {3, 9},
		"enterprise-server@2.22":     {2, 22},
		"enterprise-server@3.12.0":   {3, 12},
		"3.15.0.rc1":                 {3, 15},
		" 3.40.1 ":                   {3, 40},
		"GitHub Enterprise@3.19.3-x": {3, 19},
	}
	for in, want := range good {
		got, ok := ParseRelease(in)
		if !ok || got != want {
			t.Errorf("ParseRelease(%q) = %v, %v; want %v, true", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "3", "x.y", "3.", ".3", "3.-1", "enterprise-server@", "github.com"} {
		if got, ok := ParseRelease(in); ok {
			t.Errorf("ParseRelease(%q) = %v, true; want false", in, got)
		}
	}
}

func TestHas(t *testing.T) {
	rel := func(s string) Release {
		r, ok := ParseRelease(s)
		if !ok {
			t.Fatalf("bad release %q", s)
		}
		return r
	}
	cases := []struct {
		op      Operation
		release string
		want    bool
	}{
		{Operation{Since: "3.12"}, "3.11", false},
		{Operation{Since: "3.12"}, "3.12", true},
		{Operation{Since: "3.12"}, "3.40", true},
		{Operation{Since: "3.9"}, "2.22", false},
		// First described in 3.4: 3.0 to 3.3 have no description, so
		// they are not refused; 2.22 is.
		{Operation{Since: "3.4"}, "3.2", true},
		{Operation{Since: "3.4"}, "2.22", false},
		{Operation{Until: "3.14"}, "3.14", true},
		{Operation{Until: "3.14"}, "3.15", false},
		{Operation{Until: "3.14"}, "3.40", false},
		{Operation{Until: "3.14"}, "2.10", true},
		// Last described in 3.19: 3.20 and 3.21 have no description.
		{Operation{Until: "3.19"}, "3.20", true},
		{Operation{Until: "3.19"}, "3.22", false},
		{Operation{}, "1.0", true},
		// GitHub Enterprise 11.10 came before 2.0.
		{Operation{Until: "3.14"}, "11.10", true},
		{Operation{Since: "3.9"}, "11.10", false},
		{Operation{}, "9.9", true},
		{Operation{Since: "3.22"}, "3.21", true},
		{Operation{Since: "3.22"}, "3.19", false},
	}
	for _, c := range cases {
		if got := c.op.Has(rel(c.release)); got != c.want {
			t.Errorf("%+v.Has(%s) = %v, want %v", c.op, c.release, got, c.want)
		}
	}
}

func TestReleases(t *testing.T) {
	for op, want := range map[Operation]string{
		{}:                            "GHES 2.22 and later",
		{Since: "3.12"}:               "GHES 3.12 and later",
		{Until: "3.14"}:               "GHES 2.22 to 3.14",
		{Since: "3.9", Until: "3.19"}: "GHES 3.9 to 3.19",
	} {
		if got := op.Releases(); got != want {
			t.Errorf("%+v.Releases() = %q, want %q", op, got, want)
		}
	}
}

func TestMatch(t *testing.T) {
	cases := []struct {
		method, path string
		want         string // the template, or "" for no match
	}{
		{"GET", "/admin/hooks/12", "/admin/hooks/{hook_id}"},
		{"GET", "/enterprises/acme/actions/runners/downloads", "/enterprises/{enterprise}/actions/runners/downloads"},
		{"GET", "/enterprises/acme/actions/runners/7", "/enterprises/{enterprise}/actions/runners/{runner_id}"},
		{"PUT", "/users/a%2Fb/suspended", "/users/{username}/suspended"},
		{"GET", "/manage/v1/config/settings", "/manage/v1/config/settings"},
		{"GET", "/setup/api/settings/", "/setup/api/settings"},
		{"POST", "/admin/hooks/12", ""},
		{"GET", "/users//suspended", ""},
		{"GET", "/no/such/thing", ""},
	}
	for _, c := range cases {
		// The same path without its leading "/" (as the service methods
		// hold it) matches the same template.
		for _, p := range []string{c.path, c.path[1:]} {
			got, ok := Match(c.method, p)
			if ok != (c.want != "") || got.Path != c.want {
				t.Errorf("Match(%s %s) = %q, %v; want %q", c.method, p, got.Path, ok, c.want)
			}
		}
	}
	// Match runs before every request once the release is known: it
	// allocates nothing.
	if n := testing.AllocsPerRun(20, func() {
		if _, ok := Match("GET", "enterprises/acme/actions/runners/7"); !ok {
			t.Fatal("no match")
		}
	}); n != 0 {
		t.Errorf("Match allocates %.0f times per call, want 0", n)
	}
}

func TestTable(t *testing.T) {
	seen := map[string]bool{}
	for _, o := range Operations() {
		k := o.Method + " " + o.Path
		if seen[k] {
			t.Errorf("%s is in the table twice", k)
		}
		seen[k] = true
		if got, ok := Find(o.Method, o.Path); !ok || got != o {
			t.Errorf("Find(%s) = %+v, %v", k, got, ok)
		}
		if got, ok := Match(o.Method, o.Path); !ok || got != o {
			t.Errorf("Match of its own template %s = %+v, %v", k, got, ok)
		}
		for _, r := range []string{o.Since, o.Until} {
			if _, ok := ParseRelease(r); r != "" && !ok {
				t.Errorf("%s: bad release %q", k, r)
			}
		}
	}
	// The staged arrival of the Manage API and the removal of the
	// Management Console, as GitHub's descriptions give them.
	for k, want := range map[string]string{
		"GET /manage/v1/version":         "GHES 3.9 and later",
		"POST /manage/v1/maintenance":    "GHES 3.10 and later",
		"GET /manage/v1/config/settings": "GHES 3.12 and later",
		"GET /manage/v1/upgrade/status":  "GHES 3.22 and later",
		"GET /setup/api/settings":        "GHES 2.22 to 3.14",
		"GET /enterprise/stats/all":      "GHES 2.22 and later",
	} {
		m, p, _ := strings.Cut(k, " ")
		o, ok := Find(m, p)
		if !ok || o.Releases() != want {
			t.Errorf("%s: %q, %v; want %q", k, o.Releases(), ok, want)
		}
	}
}
