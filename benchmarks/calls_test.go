package benchmarks

// Single calls: each SDK call, its hand-written net/http twin and, where
// go-github has the endpoint, its go-github counterpart, all on the same
// canned response from an in-memory RoundTripper (only client work is
// measured).

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/google/go-github/v75/github"
)

// callCase is one SDK call and its counterparts.
type callCase struct {
	name   string
	rt     *cannedRT
	sdk    func(ctx context.Context, c *ghesadmin.Client) (any, error)
	manual func(ctx context.Context, bl *baseline) (any, error)
	check  func(tb testing.TB, got any) // on the SDK's and the baseline's result
	// gogithub is go-github's closest method, nil when go-github has none.
	gogithub func(ctx context.Context, c *github.Client) (any, error)
	ggCheck  func(tb testing.TB, got any)
	// ggPath is the path go-github sends when its closest method uses
	// another endpoint of the same shape; "" means the SDK's path.
	ggPath string
}

func callCases(tb testing.TB) []callCase {
	pager := newKeyPager(tb)
	listBody := pager.page(0, 100)
	listLink := `<` + benchAPIBase + `admin/keys?page=2&per_page=100>; rel="next", <` + benchAPIBase + `admin/keys?page=100&per_page=100>; rel="last"`

	hookReq := ghesadmin.CreateGlobalHookRequest{
		Name: "web",
		Config: ghesadmin.GlobalHookConfigRequest{
			URL:         "https://example.com/webhook",
			ContentType: ghesadmin.Ptr(ghesadmin.HookContentTypeJSON),
			Secret:      ghesadmin.Ptr("secret"),
			InsecureSSL: ghesadmin.Ptr(ghesadmin.HookVerifySSL),
		},
		Events: []string{"organization", "user"},
		Active: ghesadmin.Ptr(true),
	}
	maint := ghesadmin.MaintenanceRequest{Enabled: true, When: ghesadmin.Ptr("now")}
	userReq := ghesadmin.CreateUserRequest{Login: "octocat", Email: ghesadmin.Ptr("octocat@github.com")}

	return []callCase{
		{
			name: "StatsAll",
			rt:   &cannedRT{status: 200, header: cannedHeader(), body: benchFixture(tb, "stats/all.json")},
			sdk: func(ctx context.Context, c *ghesadmin.Client) (any, error) {
				st, _, err := c.Stats.All(ctx)
				return st, err
			},
			manual: func(ctx context.Context, bl *baseline) (any, error) {
				st := new(ghesadmin.EnterpriseStats)
				_, err := bl.do(ctx, http.MethodGet, benchAPIBase+"enterprise/stats/all", mediaTypeV3, bl.tokenAuth, "", nil, st)
				return st, err
			},
			check: func(tb testing.TB, got any) {
				if st := got.(*ghesadmin.EnterpriseStats); st.Repos.TotalRepos != 212 {
					tb.Fatalf("Repos.TotalRepos = %d, want 212", st.Repos.TotalRepos)
				}
			},
			gogithub: func(ctx context.Context, c *github.Client) (any, error) {
				st, _, err := c.Admin.GetAdminStats(ctx)
				return st, err
			},
			ggCheck: func(tb testing.TB, got any) {
				if st := got.(*github.AdminStats); st.GetRepos().GetTotalRepos() != 212 {
					tb.Fatalf("go-github: Repos.TotalRepos = %d, want 212", st.GetRepos().GetTotalRepos())
				}
			},
		},
		{
			name: "ListPublicKeys100",
			rt:   &cannedRT{status: 200, header: cannedHeader("Link", listLink), body: listBody},
			sdk: func(ctx context.Context, c *ghesadmin.Client) (any, error) {
				keys, _, err := c.Users.ListPublicKeys(ctx, &ghesadmin.ListPublicKeysOptions{ListOptions: ghesadmin.ListOptions{PerPage: 100}})
				return keys, err
			},
			manual: func(ctx context.Context, bl *baseline) (any, error) {
				var keys []*ghesadmin.PublicKey
				_, err := bl.do(ctx, http.MethodGet, benchAPIBase+"admin/keys?per_page=100", mediaTypeV3, bl.tokenAuth, "", nil, &keys)
				return keys, err
			},
			check: func(tb testing.TB, got any) {
				keys := got.([]*ghesadmin.PublicKey)
				if len(keys) != 100 || keys[0].ID != 1 || keys[99].ID != 100 {
					tb.Fatalf("got %d keys", len(keys))
				}
			},
			// go-github has no method for GET /admin/keys; its closest is
			// Users.ListKeys (GET /user/keys): the same list of keys, the
			// same query and pagination.
			gogithub: func(ctx context.Context, c *github.Client) (any, error) {
				keys, _, err := c.Users.ListKeys(ctx, "", &github.ListOptions{PerPage: 100})
				return keys, err
			},
			ggCheck: func(tb testing.TB, got any) {
				keys := got.([]*github.Key)
				if len(keys) != 100 || keys[0].GetID() != 1 || keys[99].GetID() != 100 {
					tb.Fatalf("go-github: got %d keys", len(keys))
				}
			},
			ggPath: "/api/v3/user/keys",
		},
		{
			name: "UsersCreate",
			rt:   &cannedRT{status: 201, header: cannedHeader(), body: benchFixture(tb, "users/create.json")},
			sdk: func(ctx context.Context, c *ghesadmin.Client) (any, error) {
				u, _, err := c.Users.Create(ctx, userReq)
				return u, err
			},
			manual: func(ctx context.Context, bl *baseline) (any, error) {
				buf, err := json.Marshal(userReq)
				if err != nil {
					return nil, err
				}
				u := new(ghesadmin.User)
				_, err = bl.do(ctx, http.MethodPost, benchAPIBase+"admin/users", mediaTypeV3, bl.tokenAuth, "application/json", bytes.NewReader(buf), u)
				return u, err
			},
			check: func(tb testing.TB, got any) {
				if u := got.(*ghesadmin.User); u.Login != "octocat" || u.ID != 1 {
					tb.Fatalf("user = %+v", u)
				}
			},
			gogithub: func(ctx context.Context, c *github.Client) (any, error) {
				u, _, err := c.Admin.CreateUser(ctx, github.CreateUserRequest{Login: userReq.Login, Email: userReq.Email})
				return u, err
			},
			ggCheck: func(tb testing.TB, got any) {
				if u := got.(*github.User); u.GetLogin() != "octocat" || u.GetID() != 1 {
					tb.Fatalf("go-github: user = %+v", u)
				}
			},
		},
		{
			// go-github has no global webhooks (/admin/hooks).
			name: "AdminHooksCreate",
			rt:   &cannedRT{status: 201, header: cannedHeader(), body: benchFixture(tb, "admin_hooks/create.json")},
			sdk: func(ctx context.Context, c *ghesadmin.Client) (any, error) {
				h, _, err := c.AdminHooks.Create(ctx, hookReq)
				return h, err
			},
			manual: func(ctx context.Context, bl *baseline) (any, error) {
				buf, err := json.Marshal(hookReq)
				if err != nil {
					return nil, err
				}
				h := new(ghesadmin.GlobalHook)
				_, err = bl.do(ctx, http.MethodPost, benchAPIBase+"admin/hooks",
					mediaTypeV3+", "+mediaTypeSuperpro, bl.tokenAuth, "application/json", bytes.NewReader(buf), h)
				return h, err
			},
			check: func(tb testing.TB, got any) {
				if h := got.(*ghesadmin.GlobalHook); h.ID != 1 || h.Config.InsecureSSL != ghesadmin.HookVerifySSL {
					tb.Fatalf("hook = %+v", h)
				}
			},
		},
		{
			// go-github has no Management Console (/setup/api) methods.
			name: "ConsoleSetMaintenance",
			rt:   &cannedRT{status: 202, header: cannedHeader(), body: benchFixture(tb, "management_console/set_maintenance.json")},
			sdk: func(ctx context.Context, c *ghesadmin.Client) (any, error) {
				st, _, err := c.ManagementConsole.SetMaintenance(ctx, maint)
				return st, err
			},
			manual: func(ctx context.Context, bl *baseline) (any, error) {
				doc, err := json.Marshal(maint)
				if err != nil {
					return nil, err
				}
				form := url.Values{"maintenance": {string(doc)}}.Encode()
				st := new(ghesadmin.MaintenanceStatus)
				_, err = bl.do(ctx, http.MethodPost, benchConsole+"setup/api/maintenance",
					mediaTypeV3, bl.consoleAuth, "application/x-www-form-urlencoded", strings.NewReader(form), st)
				return st, err
			},
			check: func(tb testing.TB, got any) {
				if st := got.(*ghesadmin.MaintenanceStatus); st.Status != "scheduled" || len(st.ConnectionServices) != 3 {
					tb.Fatalf("status = %+v", st)
				}
			},
		},
	}
}

// recordingRT records the last request a cannedRT answered.
type recordingRT struct {
	*cannedRT
	method string
	url    *url.URL
	header http.Header
	body   []byte
}

func (r *recordingRT) RoundTrip(req *http.Request) (*http.Response, error) {
	r.method, r.url, r.header = req.Method, req.URL, req.Header.Clone()
	r.body = nil
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		r.body = b
		req.Body = io.NopCloser(bytes.NewReader(b))
	}
	return r.cannedRT.RoundTrip(req)
}

// credential is the Authorization header without its scheme ("token",
// "Bearer" and "Basic" carry the same credential).
func credential(h http.Header) string {
	_, cred, _ := strings.Cut(h.Get("Authorization"), " ")
	return cred
}

// leaves flattens v's JSON encoding into path → value.
func leaves(tb testing.TB, v any) map[string]any {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		tb.Fatal(err)
	}
	out := map[string]any{}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				walk(path+"/"+k, e)
			}
		case []any:
			for i, e := range v {
				walk(path+"/"+strconv.Itoa(i), e)
			}
		default:
			out[path] = v
		}
	}
	walk("", doc)
	return out
}

func jsonEqual(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return bytes.Equal(a, b)
	}
	return reflect.DeepEqual(x, y)
}

// TestCallsAreEquivalent is the correctness check of the call benchmarks:
// each SDK call and its baseline send the same request (method, URL,
// Accept, Authorization, User-Agent, Content-Type, number of headers, body)
// and decode the same result; go-github's counterpart sends the same method,
// path (or the documented other path), query, credential and body (as
// JSON), and every value it decodes is the SDK's value at the same place.
func TestCallsAreEquivalent(t *testing.T) {
	ctx := context.Background()
	for _, tc := range callCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			sdkRT, manRT := &recordingRT{cannedRT: tc.rt}, &recordingRT{cannedRT: tc.rt}
			got, err := tc.sdk(ctx, newSDK(t, benchBaseURL, sdkRT))
			if err != nil {
				t.Fatalf("sdk: %v", err)
			}
			tc.check(t, got)
			want, err := tc.manual(ctx, newBaseline(manRT))
			if err != nil {
				t.Fatalf("baseline: %v", err)
			}
			tc.check(t, want)
			gotJSON, _ := json.Marshal(got)
			wantJSON, _ := json.Marshal(want)
			if !bytes.Equal(gotJSON, wantJSON) {
				t.Errorf("decoded results differ:\nsdk:      %s\nbaseline: %s", gotJSON, wantJSON)
			}
			if sdkRT.method != manRT.method || sdkRT.url.String() != manRT.url.String() || !bytes.Equal(sdkRT.body, manRT.body) {
				t.Errorf("requests differ:\nsdk:      %s %s %q\nbaseline: %s %s %q",
					sdkRT.method, sdkRT.url, sdkRT.body, manRT.method, manRT.url, manRT.body)
			}
			for _, k := range []string{"Accept", "Authorization", "User-Agent", "Content-Type"} {
				if g, w := sdkRT.header.Values(k), manRT.header.Values(k); strings.Join(g, "\n") != strings.Join(w, "\n") {
					t.Errorf("%s: sdk %q, baseline %q", k, g, w)
				}
			}
			if len(sdkRT.header) != len(manRT.header) {
				t.Errorf("headers differ: sdk %v, baseline %v", headerKeys(sdkRT.header), headerKeys(manRT.header))
			}

			if tc.gogithub == nil {
				return
			}
			ggRT := &recordingRT{cannedRT: tc.rt}
			gg, err := tc.gogithub(ctx, newGoGitHub(t, benchBaseURL, ggRT))
			if err != nil {
				t.Fatalf("go-github: %v", err)
			}
			tc.ggCheck(t, gg)
			wantPath := sdkRT.url.Path
			if tc.ggPath != "" {
				wantPath = tc.ggPath
			}
			if ggRT.method != sdkRT.method || ggRT.url.Host != sdkRT.url.Host || ggRT.url.Path != wantPath ||
				!reflect.DeepEqual(ggRT.url.Query(), sdkRT.url.Query()) {
				t.Errorf("go-github sends %s %s, sdk %s %s (go-github's path should be %s)", ggRT.method, ggRT.url, sdkRT.method, sdkRT.url, wantPath)
			}
			if !jsonEqual(ggRT.body, sdkRT.body) {
				t.Errorf("bodies differ:\ngo-github: %s\nsdk:       %s", ggRT.body, sdkRT.body)
			}
			if c := credential(ggRT.header); c != benchToken || c != credential(sdkRT.header) {
				t.Errorf("credentials differ")
			}
			sdkLeaves, ggLeaves := leaves(t, got), leaves(t, gg)
			if len(ggLeaves) < 5 {
				t.Fatalf("go-github decoded only %d values", len(ggLeaves))
			}
			var diffs []string
			for p, v := range ggLeaves {
				if s, ok := sdkLeaves[p]; !ok || !reflect.DeepEqual(s, v) {
					diffs = append(diffs, fmt.Sprintf("%s: go-github %v, sdk %v", p, v, s))
				}
			}
			sort.Strings(diffs)
			if len(diffs) > 0 {
				t.Errorf("go-github decodes %d values differently from the SDK:\n%s", len(diffs), strings.Join(diffs, "\n"))
			}
		})
	}
}

func headerKeys(h http.Header) []string {
	var ks []string
	for k := range h {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// callImpl is one implementation of a call case, ready to run.
type callImpl struct {
	name string
	run  func(ctx context.Context) (any, error)
}

func (tc callCase) impls(tb testing.TB) []callImpl {
	c, bl := newSDK(tb, benchBaseURL, tc.rt), newBaseline(tc.rt)
	out := []callImpl{
		{"nethttp", func(ctx context.Context) (any, error) { return tc.manual(ctx, bl) }},
		{"sdk", func(ctx context.Context) (any, error) { return tc.sdk(ctx, c) }},
	}
	if tc.gogithub != nil {
		gc := newGoGitHub(tb, benchBaseURL, tc.rt)
		out = append(out, callImpl{"gogithub", func(ctx context.Context) (any, error) { return tc.gogithub(ctx, gc) }})
	}
	return out
}

// BenchmarkCall runs each implementation of each call as its own
// benchmark on the same canned response (with -benchmem: allocations).
// Compare with: benchstat -col /impl.
func BenchmarkCall(b *testing.B) {
	ctx := context.Background()
	for _, tc := range callCases(b) {
		for _, im := range tc.impls(b) {
			b.Run("op="+tc.name+"/impl="+im.name, func(b *testing.B) {
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if _, err := im.run(ctx); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// memPerOp runs fn n times and returns the allocations and bytes allocated
// per run. Allocation counts do not depend on the machine's load, so they
// are measured once, outside the timed blocks.
func memPerOp(tb testing.TB, n int, fn func(context.Context) (any, error)) (allocs, bytes float64) {
	ctx := context.Background()
	if _, err := fn(ctx); err != nil { // warm up (pools, caches)
		tb.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < n; i++ {
		if _, err := fn(ctx); err != nil {
			tb.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	return float64(after.Mallocs-before.Mallocs) / float64(n), float64(after.TotalAlloc-before.TotalAlloc) / float64(n)
}

// On a shared machine the load changes from one second to the next, so two
// benchmarks run one after the other can see different machines. The
// …Paired benchmarks time the implementations in alternating blocks within
// each run and report their times and ratios as metrics, so that all of
// them see the same load.

// BenchmarkCallPaired alternates blocks of 16 calls of each implementation
// (the order rotated every block; b.N counts rounds of one call of each) and
// reports nethttp-ns/op, sdk-ns/op, gogithub-ns/op, the ratios sdk/nethttp
// and sdk/gogithub, and the allocations and bytes per call of each
// implementation with their ratio sdk/gogithub-allocs.
func BenchmarkCallPaired(b *testing.B) {
	ctx := context.Background()
	for _, tc := range callCases(b) {
		b.Run("op="+tc.name, func(b *testing.B) {
			impls := tc.impls(b)
			allocs := make([]float64, len(impls))
			bytesPer := make([]float64, len(impls))
			for i, im := range impls {
				allocs[i], bytesPer[i] = memPerOp(b, 200, im.run)
			}
			const block = 16
			total := make([]time.Duration, len(impls))
			b.ResetTimer()
			for done, k := 0, 0; done < b.N; done, k = done+block, k+1 {
				n := min(block, b.N-done)
				for j := range impls {
					w := (k + j) % len(impls)
					run := impls[w].run
					start := time.Now()
					for i := 0; i < n; i++ {
						if _, err := run(ctx); err != nil {
							b.Fatal(err)
						}
					}
					total[w] += time.Since(start)
				}
			}
			b.StopTimer()
			for i, im := range impls {
				b.ReportMetric(float64(total[i].Nanoseconds())/float64(b.N), im.name+"-ns/op")
				b.ReportMetric(allocs[i], im.name+"-allocs/op")
				b.ReportMetric(bytesPer[i], im.name+"-B/op")
			}
			b.ReportMetric(float64(total[1])/float64(total[0]), "sdk/nethttp")
			if len(impls) == 3 {
				b.ReportMetric(float64(total[1])/float64(total[2]), "sdk/gogithub")
				b.ReportMetric(allocs[1]/allocs[2], "sdk/gogithub-allocs")
			}
		})
	}
}
