package ghesadmin

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestParseLinkHeader(t *testing.T) {
	tests := []struct {
		in   string
		want links
	}{
		{"", links{}},
		{`<https://ghe/api/v3/admin/hooks?page=2>; rel="next"`, links{next: "https://ghe/api/v3/admin/hooks?page=2"}},
		{`<https://a?page=2>; rel="next", <https://a?page=5>; rel="last"`, links{next: "https://a?page=2", last: "https://a?page=5"}},
		{`<https://a?page=1>; rel="first", <https://a?page=1>; rel="prev"`, links{first: "https://a?page=1", prev: "https://a?page=1"}},
		{`<https://a?page=2>;rel=next`, links{next: "https://a?page=2"}},
		{`<https://a?page=2> ; REL="NEXT"`, links{next: "https://a?page=2"}},
		{`<https://a?page=2>; rel="next last"`, links{next: "https://a?page=2", last: "https://a?page=2"}},
		{`<https://a?x=1,2&page=3>; rel="next"`, links{next: "https://a?x=1,2&page=3"}},
		{`<https://a?page=3>; title="a, b"; rel="next"`, links{next: "https://a?page=3"}},
		{`<https://a?page=3>; rel="nope"`, links{}},
		{`garbage, <https://a?page=4>; rel="next"`, links{next: "https://a?page=4"}},
		{`<https://a?page=4; rel="next"`, links{}},
		{`<https://a?page=2>; rel="previous"`, links{prev: "https://a?page=2"}},
	}
	for _, tt := range tests {
		if got := parseLinkHeader(tt.in); got != tt.want {
			t.Errorf("parseLinkHeader(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestPageOf(t *testing.T) {
	for in, want := range map[string]int{
		"": 0, "https://a?page=7": 7, "https://a?per_page=2&page=12": 12,
		"https://a?page=0": 0, "https://a?page=-3": 0, "https://a?page=x": 0, "%zz": 0, "https://a?after=abc": 0,
	} {
		if got := pageOf(in); got != want {
			t.Errorf("pageOf(%q) = %d, want %d", in, got, want)
		}
	}
}

// FuzzParseLinkHeader checks that the parser never panics and that what it
// returns comes from the input. Its seed corpus runs with go test.
func FuzzParseLinkHeader(f *testing.F) {
	for _, s := range []string{
		`<https://ghe/api/v3/admin/hooks?page=2&per_page=100>; rel="next", <https://ghe/api/v3/admin/hooks?page=50&per_page=100>; rel="last"`,
		`<a>; rel=next`, `<<>>;;rel="",`, `"<,>"; rel="next"`, `<x>; rel="next`, "<\x00>; rel=\"first\"", `, , ,`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		l := parseLinkHeader(h)
		for _, target := range []string{l.next, l.prev, l.first, l.last} {
			if target != "" && !containsString(h, target) {
				t.Fatalf("link %q is not in the header %q", target, h)
			}
			_ = pageOf(target)
		}
		var r Response
		r.applyLinks(l)
		if r.NextPage < 0 || r.LastPage < 0 {
			t.Fatalf("negative page")
		}
	})
}

func containsString(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// listServer serves /items with total items, paginated as GHES does, and
// counts requests. Item i is the integer i.
func listServer(t *testing.T, env *testEnv, total int, delay time.Duration) *atomic.Int32 {
	var n atomic.Int32
	env.API.HandleFunc("GET /items", func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		if delay > 0 {
			time.Sleep(delay)
		}
		q := r.URL.Query()
		page, _ := strconv.Atoi(q.Get("page"))
		if page == 0 {
			page = 1
		}
		per, _ := strconv.Atoi(q.Get("per_page"))
		if per == 0 {
			per = 30
		}
		last := (total + per - 1) / per
		link := func(p int) string {
			return fmt.Sprintf("<%s/api/v3/items?page=%d&per_page=%d>", env.APIServer.URL, p, per)
		}
		var hdr string
		if page < last {
			hdr = link(page+1) + `; rel="next", ` + link(last) + `; rel="last"`
		}
		if page > 1 {
			if hdr != "" {
				hdr += ", "
			}
			hdr += link(1) + `; rel="first", ` + link(page-1) + `; rel="prev"`
		}
		if hdr != "" {
			w.Header().Set("Link", hdr)
		}
		items := "["
		for i := (page-1)*per + 1; i <= min(page*per, total); i++ {
			if i > (page-1)*per+1 {
				items += ","
			}
			items += strconv.Itoa(i)
		}
		writeJSON(w, 200, items+"]")
	})
	return &n
}

// testItems is what a service's List/ListIter pair looks like.
func testList(c *Client) func(ctx context.Context, opts *ListOptions) ([]*int, *Response, error) {
	return func(ctx context.Context, opts *ListOptions) ([]*int, *Response, error) {
		var items []*int
		resp, err := c.api.call(ctx, &request{method: "GET", path: "items", query: opts}, &items)
		return items, resp, err
	}
}

func testListIter(c *Client, ctx context.Context, opts *ListOptions) iter.Seq2[*int, error] {
	return paginate(ctx, c.api, opts, linked(testList(c)))
}

func collect(t *testing.T, seq iter.Seq2[*int, error]) ([]int, error) {
	t.Helper()
	var out []int
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, *v)
	}
	return out, nil
}

func TestIteratorWalksAllPages(t *testing.T) {
	env := setup(t)
	n := listServer(t, env, 25, 0)
	opts := &ListOptions{PerPage: 10}
	got, err := collect(t, testListIter(env.Client, context.Background(), opts))
	require.NoError(t, err)
	if len(got) != 25 || got[0] != 1 || got[24] != 25 {
		t.Fatalf("got %v", got)
	}
	for i, v := range got {
		if v != i+1 {
			t.Fatalf("item %d is %d", i, v)
		}
	}
	if n.Load() != 3 {
		t.Errorf("%d requests for 3 pages", n.Load())
	}
	if *opts != (ListOptions{PerPage: 10}) {
		t.Errorf("the caller's options were changed: %+v", *opts)
	}
}

func TestIteratorStartsAtCallersPage(t *testing.T) {
	env := setup(t)
	listServer(t, env, 25, 0)
	got, err := collect(t, testListIter(env.Client, context.Background(), &ListOptions{Page: 2, PerPage: 10}))
	if err != nil || len(got) != 15 || got[0] != 11 {
		t.Fatalf("got %v, %v", got, err)
	}
}

func TestIteratorIsLazyAndStopsOnBreak(t *testing.T) {
	env := setup(t)
	n := listServer(t, env, 100, 0)
	seq := testListIter(env.Client, context.Background(), &ListOptions{PerPage: 10})
	if n.Load() != 0 {
		t.Fatal("creating the iterator sent a request")
	}
	count := 0
	for v, err := range seq {
		require.NoError(t, err)
		count++
		if *v == 15 {
			break
		}
	}
	if count != 15 || n.Load() != 2 {
		t.Errorf("read %d items with %d requests, want 15 with 2", count, n.Load())
	}
}

func TestIteratorRepeatedNext(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("GET /items", func(w http.ResponseWriter, r *http.Request) {
		page := r.URL.Query().Get("page")
		next := "2"
		if page == "2" {
			next = "1" // the server loops back
		}
		w.Header().Set("Link", fmt.Sprintf(`<%s/api/v3/items?page=%s>; rel="next"`, env.APIServer.URL, next))
		writeJSON(w, 200, `[1]`)
	})
	got, err := collect(t, testListIter(env.Client, context.Background(), nil))
	require.ErrorIs(t, err, ErrPaginationLoop)
	if len(got) != 2 {
		t.Errorf("got %v before the loop was seen", got)
	}
}

func TestIteratorCursorNextIsAnError(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("GET /items", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", fmt.Sprintf(`<%s/api/v3/items?after=abc>; rel="next"`, env.APIServer.URL))
		writeJSON(w, 200, `[1]`)
	})
	_, err := collect(t, testListIter(env.Client, context.Background(), nil))
	if err == nil {
		t.Fatal("a next link without a page number was ignored")
	}
}

func TestIteratorErrorsAndContext(t *testing.T) {
	env := setup(t)
	listServer(t, env, 100, 0)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	count := 0
	var last error
	for _, err := range testListIter(env.Client, ctx, &ListOptions{PerPage: 10}) {
		if err != nil {
			last = err
			break
		}
		count++
		if count == 10 {
			cancel()
		}
	}
	if !errors.Is(last, context.Canceled) || count != 10 {
		t.Errorf("after cancel: %d items, err %v", count, last)
	}

	_, err := collect(t, testListIter(env.Client, context.Background(), &ListOptions{PerPage: 101}))
	if !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("PerPage 101: err = %v", err)
	}
	_, err = collect(t, testListIter(env.Client, context.Background(), &ListOptions{PerPage: -1}))
	if !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("PerPage -1: err = %v", err)
	}
}

func TestPrefetchYieldsSameItemsInOrder(t *testing.T) {
	env := setup(t, WithPagePrefetch(4))
	n := listServer(t, env, 1000, 2*time.Millisecond)
	got, err := collect(t, testListIter(env.Client, context.Background(), &ListOptions{PerPage: 10}))
	require.NoError(t, err)
	seqEnv := setup(t)
	listServer(t, seqEnv, 1000, 0)
	want, err := collect(t, testListIter(seqEnv.Client, context.Background(), &ListOptions{PerPage: 10}))
	require.NoError(t, err)
	if len(got) != len(want) || len(got) != 1000 {
		t.Fatalf("prefetch gave %d items, sequential %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("item %d: prefetch %d, sequential %d", i, got[i], want[i])
		}
	}
	if n.Load() != 100 {
		t.Errorf("%d requests for 100 pages", n.Load())
	}
}

func TestPrefetchIsConcurrentAndBounded(t *testing.T) {
	env := setup(t, WithPagePrefetch(3))
	var inFlight, peak atomic.Int32
	env.API.HandleFunc("GET /items", func(w http.ResponseWriter, r *http.Request) {
		cur := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			p := peak.Load()
			if cur <= p || peak.CompareAndSwap(p, cur) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if page == 0 {
			page = 1
		}
		if page < 10 {
			w.Header().Set("Link", fmt.Sprintf(`<%[1]s/api/v3/items?page=%[2]d>; rel="next", <%[1]s/api/v3/items?page=10>; rel="last"`, env.APIServer.URL, page+1))
		}
		writeJSON(w, 200, fmt.Sprintf("[%d]", page))
	})
	got, err := collect(t, testListIter(env.Client, context.Background(), nil))
	if err != nil || len(got) != 10 {
		t.Fatalf("got %v, %v", got, err)
	}
	for i, v := range got {
		if v != i+1 {
			t.Fatalf("order: %v", got)
		}
	}
	if p := peak.Load(); p < 2 || p > 3 {
		t.Errorf("peak concurrency %d, want 2..3", p)
	}
}

func TestPrefetchStopsCleanly(t *testing.T) {
	env := setup(t, WithPagePrefetch(8))
	listServer(t, env, 2000, time.Millisecond)
	for i := 0; i < 5; i++ {
		count := 0
		for _, err := range testListIter(env.Client, context.Background(), &ListOptions{PerPage: 10}) {
			require.NoError(t, err)
			count++
			if count == 35 {
				break
			}
		}
	}
	// Cancelled mid-way too.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	count := 0
	for _, err := range testListIter(env.Client, ctx, &ListOptions{PerPage: 10}) {
		if err != nil {
			break
		}
		count++
		if count == 25 {
			cancel()
		}
	}
	// The iterator waits for its fetchers before returning: no goroutine
	// of this package may be left, whatever the HTTP transport keeps.
	if leaked := leakedGoroutines(2 * time.Second); len(leaked) > 0 {
		t.Errorf("%d goroutines left after abandoning iterators:\n%s", len(leaked), strings.Join(leaked, "\n\n"))
	}
}

// leakedGoroutines waits up to d for every goroutine running code of this
// package (other than tests) to end, and returns the stacks of those left.
func leakedGoroutines(d time.Duration) []string {
	deadline := time.Now().Add(d)
	for {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		var leaked []string
		for _, g := range strings.Split(string(buf), "\n\n") {
			if strings.Contains(g, "ghesadmin.prefetchPages") || strings.Contains(g, "ghesadmin.paginate") ||
				strings.Contains(g, "ghesadmin.(*backend).call") {
				leaked = append(leaked, g)
			}
		}
		if len(leaked) == 0 || time.Now().After(deadline) {
			return leaked
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestPrefetchError(t *testing.T) {
	env := setup(t, WithPagePrefetch(4))
	env.API.HandleFunc("GET /items", func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if page == 0 {
			page = 1
		}
		if page == 3 {
			writeJSON(w, 500, `{"message":"boom"}`)
			return
		}
		w.Header().Set("Link", fmt.Sprintf(`<%[1]s/api/v3/items?page=%[2]d>; rel="next", <%[1]s/api/v3/items?page=6>; rel="last"`, env.APIServer.URL, page+1))
		writeJSON(w, 200, fmt.Sprintf("[%d]", page))
	})
	got, err := collect(t, testListIter(env.Client, context.Background(), nil))
	var er *ErrorResponse
	if !errors.As(err, &er) || er.StatusCode() != 500 {
		t.Fatalf("err = %v", err)
	}
	if len(got) != 2 || got[0] != 1 || got[1] != 2 {
		t.Errorf("items before the failing page: %v", got)
	}
}

func TestListOptionsQuery(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/items", Query: url.Values{"page": {"2"}, "per_page": {"50"}}, Status: 200, ReplyJSON: `[]`})
	if _, _, err := testList(env.Client)(context.Background(), &ListOptions{Page: 2, PerPage: 50}); err != nil {
		t.Fatal(err)
	}
	env2 := setup(t)
	env2.API.HandleFunc("GET /items", func(w http.ResponseWriter, r *http.Request) {
		call{Method: http.MethodGet, Path: "/items"}.verify(t, r)
		writeJSON(w, 200, `[]`)
	})
	if _, _, err := testList(env2.Client)(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
}

// scimUsersServer serves /scim/v2/enterprises/e/Users from n users, count
// at a time, announcing total (n when 0), and records each startIndex.
func scimUsersServer(t *testing.T, env *testEnv, n, total int, starts *[]string) {
	if total == 0 {
		total = n
	}
	env.API.HandleFunc("GET /scim/v2/enterprises/e/Users", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		*starts = append(*starts, q.Get("startIndex"))
		start, _ := strconv.Atoi(q.Get("startIndex"))
		count, _ := strconv.Atoi(q.Get("count"))
		var res []string
		for i := max(start, 1); i <= n && len(res) < count; i++ {
			res = append(res, fmt.Sprintf(`{"schemas":[],"id":"u%d"}`, i))
		}
		w.Header().Set("Content-Type", mediaTypeSCIM)
		fmt.Fprintf(w, `{"schemas":[],"totalResults":%d,"startIndex":%d,"itemsPerPage":%d,"Resources":[%s]}`, total, start, len(res), strings.Join(res, ","))
	})
}

// SCIM lists walk startIndex by the resources received until
// totalResults, naming the window on every request; a server that
// announces more than it sends stops at the empty page.
func TestSCIMIterWalksStartIndex(t *testing.T) {
	env := setup(t)
	var starts []string
	scimUsersServer(t, env, 5, 0, &starts)
	opts := &SCIMListUsersOptions{Count: 2}
	var got []string
	for u, err := range env.Client.SCIM.ListUsersIter(context.Background(), "e", opts) {
		require.NoError(t, err)
		got = append(got, u.ID)
	}
	require.Equal(t, []string{"u1", "u2", "u3", "u4", "u5"}, got)
	require.Equal(t, []string{"1", "3", "5"}, starts)
	require.Equal(t, SCIMListUsersOptions{Count: 2}, *opts, "the caller's options were modified")

	env = setup(t)
	starts = nil
	scimUsersServer(t, env, 3, 100, &starts)
	n := 0
	for _, err := range env.Client.SCIM.ListUsersIter(context.Background(), "e", &SCIMListUsersOptions{StartIndex: 2, Count: 1}) {
		require.NoError(t, err)
		n++
	}
	require.Equal(t, 2, n)
	require.Equal(t, []string{"2", "3", "4"}, starts, "2, 3, then the empty page at 4")
}

// Live migrations walk the next_cursor of each reply's body; a cursor
// already read ends the walk with ErrPaginationLoop.
func TestLiveMigrationsIterFollowsNextCursor(t *testing.T) {
	for _, tc := range []struct {
		name  string
		pages map[string]string // after → the page's migrations and next_cursor
		items int
		err   error
	}{
		{"cursor", map[string]string{"": `"migrations":[{"migration_id":"1"},{"migration_id":"2"}],"next_cursor":"c1"`, "c1": `"migrations":[{"migration_id":"3"}]`}, 3, nil},
		{"loop", map[string]string{"": `"migrations":[{}],"next_cursor":"a"`, "a": `"migrations":[{}],"next_cursor":"b"`, "b": `"migrations":[{}],"next_cursor":"a"`}, 3, ErrPaginationLoop},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := setup(t)
			var calls []string
			env.API.HandleFunc("GET /enterprise/live-migrations", func(w http.ResponseWriter, r *http.Request) {
				after := r.URL.Query().Get("after")
				calls = append(calls, after)
				writeJSON(w, 200, "{"+tc.pages[after]+"}")
			})
			n := 0
			var last error
			for _, err := range env.Client.LiveMigrations.ListIter(context.Background(), nil) {
				if err != nil {
					last = err
					break
				}
				n++
			}
			require.Equal(t, tc.items, n)
			if tc.err == nil {
				require.NoError(t, last)
			} else {
				require.ErrorIs(t, last, tc.err)
			}
			require.Len(t, calls, len(tc.pages), "one request per cursor: %q", calls)
		})
	}
}

// Every iterator, whatever its pagination, fails a cancelled walk with an
// error that names the request and wraps ctx's error, before sending.
func TestEveryIterNamesTheRequestWhenCancelled(t *testing.T) {
	env := setup(t) // no handlers: a request sent fails the test
	c := env.Client
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for path, first := range map[string]func() error{
		"/enterprises/e/audit-log":            func() error { return firstErr(c.AuditLog.ListIter(ctx, "e", nil)) },
		"/enterprises/e/dependabot/alerts":    func() error { return firstErr(c.Dependabot.ListAlertsIter(ctx, "e", nil)) },
		"/enterprise/live-migrations":         func() error { return firstErr(c.LiveMigrations.ListIter(ctx, nil)) },
		"/scim/v2/enterprises/e/Groups":       func() error { return firstErr(c.SCIM.ListGroupsIter(ctx, "e", nil)) },
		"/users":                              func() error { return firstErr(c.Users.ListIter(ctx, nil)) },
		"/manage/v1/config/apply/events":      func() error { return firstErr(c.Manage.ConfigApplyEventsIter(ctx, nil)) },
		"/enterprises/e/code-scanning/alerts": func() error { return firstErr(c.CodeScanning.ListAlertsIter(ctx, "e", nil)) },
	} {
		err := first()
		require.ErrorIs(t, err, context.Canceled, path)
		require.Contains(t, err.Error(), "ghesadmin: GET ", path)
		require.Contains(t, err.Error(), path, path)
	}
}

// firstErr returns the first error a walk yields.
func firstErr[T any](seq iter.Seq2[T, error]) error {
	for _, err := range seq {
		if err != nil {
			return err
		}
	}
	return nil
}

// The position the caller's options name counts as read: a next link (or
// body cursor) back to it is ErrPaginationLoop after one request, for
// every kind of position.
func TestStartPositionCountsAsRead(t *testing.T) {
	for _, tc := range []struct {
		route, link, body string
		walk              func(c *Client) error
	}{
		{"GET /users", "/api/v3/users?since=4", `[{"id":5}]`,
			func(c *Client) error {
				return firstErr(c.Users.ListIter(context.Background(), &ListSinceOptions{Since: 4}))
			}},
		{"GET /enterprises/e/secret-scanning/alerts", "/api/v3/enterprises/e/secret-scanning/alerts?after=x", `[{"number":1}]`,
			func(c *Client) error {
				return firstErr(c.SecretScanning.ListAlertsIter(context.Background(), "e", &ListSecretScanningAlertsOptions{ListCursorOptions: ListCursorOptions{After: "x"}}))
			}},
		{"GET /enterprises/e/code-scanning/alerts", "/api/v3/enterprises/e/code-scanning/alerts?page=1", `[{"number":1}]`,
			func(c *Client) error { return firstErr(c.CodeScanning.ListAlertsIter(context.Background(), "e", nil)) }},
		{"GET /admin/hooks", "/api/v3/admin/hooks?page=3", `[{"id":1}]`,
			func(c *Client) error {
				return firstErr(c.AdminHooks.ListIter(context.Background(), &ListOptions{Page: 3}))
			}},
		{"GET /enterprise/live-migrations", "", `{"migrations":[{}],"next_cursor":"m"}`,
			func(c *Client) error {
				return firstErr(c.LiveMigrations.ListIter(context.Background(), &ListLiveMigrationsOptions{After: "m"}))
			}},
	} {
		env := setup(t)
		var n atomic.Int32
		env.API.HandleFunc(tc.route, func(w http.ResponseWriter, r *http.Request) {
			n.Add(1)
			if tc.link != "" {
				w.Header().Set("Link", "<"+env.APIServer.URL+tc.link+`>; rel="next"`)
			}
			writeJSON(w, 200, tc.body)
		})
		require.ErrorIs(t, tc.walk(env.Client), ErrPaginationLoop, tc.route)
		require.EqualValues(t, 1, n.Load(), "%s: requests", tc.route)
	}
}

// A page without items ends the walk, whatever it announces, with or
// without prefetch; the next link's per_page is followed when the SDK
// could send it.
func TestWalkEndsAtEmptyPageAndFollowsPerPage(t *testing.T) {
	for _, prefetch := range []int{0, 3} {
		env := setup(t, WithPagePrefetch(prefetch))
		var queries []string
		var mu sync.Mutex
		env.API.HandleFunc("GET /items", func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			queries = append(queries, r.URL.RawQuery)
			mu.Unlock()
			page, _ := strconv.Atoi(r.URL.Query().Get("page"))
			per := "7"
			if page == 2 {
				per = "1000" // not a page size the SDK sends: the caller's stays
			}
			if page < 9 {
				w.Header().Set("Link", fmt.Sprintf(`<%[1]s/api/v3/items?page=%[2]d&per_page=%[3]s>; rel="next", <%[1]s/api/v3/items?page=9>; rel="last"`, env.APIServer.URL, max(page, 1)+1, per))
			}
			if page == 3 {
				writeJSON(w, 200, `[]`)
				return
			}
			writeJSON(w, 200, fmt.Sprintf("[%d]", max(page, 1)))
		})
		got, err := collect(t, testListIter(env.Client, context.Background(), &ListOptions{PerPage: 5}))
		require.NoError(t, err)
		require.Equal(t, []int{1, 2}, got, "prefetch %d", prefetch)
		mu.Lock()
		require.Subset(t, queries, []string{"per_page=5", "page=2&per_page=7", "page=3&per_page=7"}, "prefetch %d", prefetch)
		if prefetch == 0 {
			require.Len(t, queries, 3, "no request after the empty page")
		}
		mu.Unlock()
	}
}

// Prefetch serves every page-numbered list, not only those of
// ListOptions: page 3 of the audit log is requested while page 2 is still
// being answered.
func TestPrefetchServesEveryPageNumberedList(t *testing.T) {
	env := setup(t, WithPagePrefetch(2))
	page3 := make(chan struct{})
	var once sync.Once
	env.API.HandleFunc("GET /enterprises/e/audit-log", func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		switch page {
		case 2:
			select {
			case <-page3:
			case <-r.Context().Done():
				return
			}
		case 3:
			once.Do(func() { close(page3) })
		}
		if page < 3 {
			w.Header().Set("Link", fmt.Sprintf(`<%[1]s/api/v3/enterprises/e/audit-log?page=%[2]d>; rel="next", <%[1]s/api/v3/enterprises/e/audit-log?page=3>; rel="last"`, env.APIServer.URL, max(page, 1)+1))
		}
		writeJSON(w, 200, fmt.Sprintf(`[{"action":"p%d"}]`, max(page, 1)))
	})
	// The deadline only bounds a failure: without prefetch, page 2 waits
	// for a request that never comes.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var got []string
	for e, err := range env.Client.AuditLog.ListIter(ctx, "e", nil) {
		require.NoError(t, err)
		got = append(got, e.Action)
	}
	require.Equal(t, []string{"p1", "p2", "p3"}, got)
}
