package ghestest

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/ghesadmin/ghesadmin/internal/ops"
)

// The examples of issue 15: the fake serves exactly its release's
// operations, on the administration port and on the REST API (JIT
// configurations arrived in 3.10, where an empty body is then a 422; runner
// labels in 3.x); a release that lacks one answers GHES's JSON 404 naming
// the release.
func TestReleaseServesItsOperations(t *testing.T) {
	const runners = "/enterprises/" + DefaultEnterprise + "/actions/runners/"
	cases := []struct {
		version, method, path string
		want                  int
	}{
		{"3.11.0", "GET", "/manage/v1/config/settings", http.StatusNotFound},
		{"3.11.0", "GET", "/manage/v1/version", http.StatusOK},
		{"3.8.0", "GET", "/manage/v1/version", http.StatusNotFound},
		{"3.9.0", "GET", "/manage/v1/maintenance", http.StatusNotFound},
		{"3.10.0", "GET", "/manage/v1/maintenance", http.StatusOK},
		{"3.14.0", "GET", "/setup/api/maintenance", http.StatusOK},
		{"3.15.0", "GET", "/setup/api/maintenance", http.StatusNotFound},
		{"3.19.0", "GET", "/manage/v1/upgrade/status", http.StatusNotFound},
		{"3.22.0", "GET", "/manage/v1/upgrade/status", http.StatusOK},
		{"2.22.0", "POST", runners + "generate-jitconfig", http.StatusNotFound},
		{"3.9.0", "POST", runners + "generate-jitconfig", http.StatusNotFound},
		{"3.10.0", "POST", runners + "generate-jitconfig", http.StatusUnprocessableEntity},
		{"2.22.0", "GET", runners + "1/labels", http.StatusNotFound},
	}
	for _, tc := range cases {
		t.Run(tc.version+" "+tc.method+" "+tc.path, func(t *testing.T) {
			s := New(t, WithVersion(tc.version))
			var r reply
			if strings.HasPrefix(tc.path, "/enterprises/") {
				r = api(t, s, tc.method, tc.path, "{}")
			} else {
				r = console(t, s, tc.method, tc.path, "", "")
			}
			wantStatus(t, r, tc.want)
			if tc.want == http.StatusNotFound {
				rel, _ := ops.ParseRelease(tc.version)
				want := `{"message":"Not Found","documentation_url":"https://docs.github.com/enterprise-server@` + rel.String() + `/rest"}`
				if got := strings.TrimSpace(string(r.body)); got != want {
					t.Fatalf("404 body = %s, want %s", got, want)
				}
				if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
					t.Fatalf("404 Content-Type = %q", ct)
				}
			}
		})
	}
}

// releasesUnderTest are the releases every route is checked on.
var releasesUnderTest = []string{"2.22.0", "3.9.0", "3.10.0", "3.11.0", "3.12.0", "3.14.0", "3.15.0", "3.19.0", "3.22.0"}

// Every route answers 404 exactly when its release lacks its operation.
// The requests carry no credentials: a route the release has answers 401
// (or, for a public route, its reply), never the release's 404.
func TestEveryRouteFollowsTheTable(t *testing.T) {
	for _, v := range releasesUnderTest {
		rel, _ := ops.ParseRelease(v)
		// The lookups are public: seed what they look up, so that a
		// route the release has answers 200, not the 404 of a missing
		// organization or team.
		s := New(t, WithVersion(v),
			WithOrgs(Org{Login: "acme", Admin: DefaultAdminLogin}),
			WithTeams(Team{Org: "acme", Name: "ops"}))
		if len(s.routes) < 80 {
			t.Fatalf("only %d routes recorded", len(s.routes))
		}
		for _, rt := range s.routes {
			method, path, _ := strings.Cut(rt.pattern, " ")
			concrete := concretePath(s, path)
			base := s.ConsoleURL()
			if !strings.HasPrefix(path, "/setup/") && !strings.HasPrefix(path, "/manage/") {
				base = strings.TrimSuffix(s.APIURL(), "/")
			}
			if strings.HasPrefix(path, "/stafftools/") {
				base = s.WebURL() // the web origin, outside /api/v3
			}
			r := do(t, req{method: method, url: base + concrete})
			lacks := rt.listed && !rt.op.Has(rel)
			if lacks != (r.status == http.StatusNotFound) {
				t.Errorf("%s: %s %s = %d %s; operation %+v, lacks = %v", v, method, concrete, r.status, r.body, rt.op, lacks)
			}
		}
	}
}

// concretePath fills a pattern's wildcards with a plausible value.
func concretePath(s *Server, pattern string) string {
	segs := strings.Split(pattern, "/")
	for i, seg := range segs {
		switch {
		case seg == "{username}":
			segs[i] = s.AdminLogin()
		case seg == "{enterprise}":
			segs[i] = s.Enterprise()
		case seg == "{org}":
			segs[i] = "acme"
		case seg == "{team_slug}":
			segs[i] = "ops"
		case strings.HasPrefix(seg, "{"):
			segs[i] = "1"
		}
	}
	return strings.Join(segs, "/")
}

// The routes that name no operation of the table, served on every release.
// Add one here only on purpose: a route for a documented operation must be
// in the table (internal/ops) so that releases which lack it answer 404.
func TestUnlistedRoutes(t *testing.T) {
	var want []string // every route serves an operation of the table
	s := New(t)
	var got []string
	for _, rt := range s.routes {
		if !rt.listed {
			got = append(got, rt.pattern)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Fatalf("unlisted routes = %q, want %q", got, want)
	}
}

// Every operation of the table has a route in the fake.
func TestEveryOperationHasARoute(t *testing.T) {
	s := New(t)
	served := map[string]bool{}
	for _, rt := range s.routes {
		if rt.listed {
			served[rt.op.Method+" "+rt.op.Path] = true
		}
	}
	for _, o := range ops.Implemented() {
		if !served[o.Method+" "+o.Path] {
			t.Errorf("no route for %s %s", o.Method, o.Path)
		}
	}
}
