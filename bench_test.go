package ghesadmin

// Benchmarks of the request path against plain net/http + encoding/json.
//
// Every BenchmarkCall pair runs the same work twice: impl=nethttp builds the
// request by hand (same URL, same Accept, Authorization, User-Agent and
// Content-Type headers, same body), sends it through an http.Client with the
// same in-memory RoundTripper, decodes the canned body into the SDK's own
// types and closes it; impl=sdk calls the SDK method. The RoundTripper
// answers from memory, so only client work is measured.
//
// BenchmarkWalk walks 10,000 public keys, 100 per page, from an httptest
// server on 127.0.0.1 that sleeps 2 ms per page. BenchmarkWalkPeakHeap walks
// 10,000 and 100,000 items with WithPagePrefetch(8) through an in-memory
// RoundTripper (same 2 ms sleep) and reports the peak heap in use.
//
// scripts/bench.sh runs them and prints the ratios; see BENCHMARKS.md.
// Nothing here fails because of a timing: the only checks are on results.

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const (
	benchBaseURL  = "https://ghe.example.com"
	benchAPIBase  = "https://ghe.example.com/api/v3/"
	benchConsole  = "https://ghe.example.com:8443/"
	benchToken    = "ghp_benchmarktoken0123456789abcdefABCDEF"
	benchPassword = "console-benchmark-password"
)

func benchFixture(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", filepath.FromSlash(name)))
	if err != nil {
		tb.Fatalf("fixture: %v", err)
	}
	return b
}

// cannedRT answers every request with the same status, headers and body,
// from memory. It reads and closes the request body, as a transport would.
type cannedRT struct {
	status int
	header http.Header // shared, read-only
	body   []byte
}

func (rt *cannedRT) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
		_ = req.Body.Close()
	}
	return &http.Response{
		Status:        strconv.Itoa(rt.status) + " " + http.StatusText(rt.status),
		StatusCode:    rt.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        rt.header,
		Body:          io.NopCloser(bytes.NewReader(rt.body)),
		ContentLength: int64(len(rt.body)),
		Request:       req,
	}, nil
}

// cannedHeader is what GHES sends with a JSON response (rate limiting on).
func cannedHeader(extra ...string) http.Header {
	h := http.Header{
		"Content-Type":                {"application/json; charset=utf-8"},
		"X-Github-Request-Id":         {"C0DE:1234:5678AB:9ABCDE:65A1B2C3"},
		"X-Github-Enterprise-Version": {"3.14.2"},
		"X-Ratelimit-Limit":           {"5000"},
		"X-Ratelimit-Remaining":       {"4987"},
		"X-Ratelimit-Used":            {"13"},
		"X-Ratelimit-Reset":           {"1700000000"},
		"X-Ratelimit-Resource":        {"core"},
	}
	for i := 0; i+1 < len(extra); i += 2 {
		h.Set(extra[i], extra[i+1])
	}
	return h
}

// keyPage builds a JSON array of n public keys with ids from+1..from+n out
// of the first key of the fixture.
type keyPager struct {
	prefix, suffix []byte // the fixture's first key around its id value
}

func newKeyPager(tb testing.TB) *keyPager {
	tb.Helper()
	var items []json.RawMessage
	if err := json.Unmarshal(benchFixture(tb, "users/list_public_keys.json"), &items); err != nil || len(items) == 0 {
		tb.Fatalf("list_public_keys.json: %v", err)
	}
	item := items[0]
	const idField = `"id": 2,`
	i := bytes.Index(item, []byte(idField))
	if i < 0 {
		tb.Fatalf("list_public_keys.json: no %s in the first item", idField)
	}
	return &keyPager{
		prefix: append([]byte(nil), item[:i+len(`"id": `)]...),
		suffix: append([]byte(nil), item[i+len(`"id": 2`):]...),
	}
}

func (p *keyPager) page(from, n int) []byte {
	b := make([]byte, 0, n*(len(p.prefix)+len(p.suffix)+12)+2)
	b = append(b, '[')
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, p.prefix...)
		b = strconv.AppendInt(b, int64(from+i+1), 10)
		b = append(b, p.suffix...)
	}
	return append(b, ']')
}

func newBenchClient(tb testing.TB, rt http.RoundTripper, opts ...Option) *Client {
	tb.Helper()
	all := append([]Option{
		WithHTTPClient(&http.Client{Transport: rt}),
		WithToken(benchToken),
		WithManagementConsole("", benchPassword),
	}, opts...)
	c, err := NewClient(benchBaseURL, all...)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// baseline is the hand-written net/http client the SDK is compared with.
type baseline struct {
	hc          *http.Client
	tokenAuth   string // "token …", built once
	consoleAuth string // "Basic …", built once
}

func newBaseline(rt http.RoundTripper) *baseline {
	return &baseline{
		hc:          &http.Client{Transport: rt},
		tokenAuth:   "token " + benchToken,
		consoleAuth: "Basic " + base64.StdEncoding.EncodeToString([]byte("api_key:"+benchPassword)),
	}
}

// do sends one request the way a careful hand-written client would, checks
// the status, decodes the body into out and closes it.
func (bl *baseline) do(ctx context.Context, method, u, accept, auth, contentType string, body io.Reader, out any) (http.Header, error) {
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", accept)
	req.Header.Set("Authorization", auth)
	req.Header.Set("User-Agent", defaultUserAgent)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := bl.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.Header, fmt.Errorf("%s %s: %s", method, u, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return resp.Header, err
	}
	return resp.Header, nil
}

// callCase is one SDK call and its hand-written twin.
type callCase struct {
	name   string
	rt     *cannedRT
	sdk    func(ctx context.Context, c *Client) (any, error)
	manual func(ctx context.Context, bl *baseline) (any, error)
	check  func(tb testing.TB, got any)
}

func benchCallCases(tb testing.TB) []callCase {
	pager := newKeyPager(tb)
	listBody := pager.page(0, 100)
	listLink := `<` + benchAPIBase + `admin/keys?page=2&per_page=100>; rel="next", <` + benchAPIBase + `admin/keys?page=100&per_page=100>; rel="last"`

	hookReq := CreateGlobalHookRequest{
		Name: "web",
		Config: GlobalHookConfigRequest{
			URL:         "https://example.com/webhook",
			ContentType: Ptr(HookContentTypeJSON),
			Secret:      Ptr("secret"),
			InsecureSSL: Ptr(HookVerifySSL),
		},
		Events: []string{"organization", "user"},
		Active: Ptr(true),
	}
	maint := MaintenanceRequest{Enabled: true, When: Ptr("now")}

	return []callCase{
		{
			name: "StatsAll",
			rt:   &cannedRT{status: 200, header: cannedHeader(), body: benchFixture(tb, "stats/all.json")},
			sdk: func(ctx context.Context, c *Client) (any, error) {
				st, _, err := c.Stats.All(ctx)
				return st, err
			},
			manual: func(ctx context.Context, bl *baseline) (any, error) {
				st := new(EnterpriseStats)
				_, err := bl.do(ctx, http.MethodGet, benchAPIBase+"enterprise/stats/all", mediaTypeV3, bl.tokenAuth, "", nil, st)
				return st, err
			},
			check: func(tb testing.TB, got any) {
				if st := got.(*EnterpriseStats); st.Repos.TotalRepos != 212 {
					tb.Fatalf("Repos.TotalRepos = %d, want 212", st.Repos.TotalRepos)
				}
			},
		},
		{
			name: "ListPublicKeys100",
			rt:   &cannedRT{status: 200, header: cannedHeader("Link", listLink), body: listBody},
			sdk: func(ctx context.Context, c *Client) (any, error) {
				keys, _, err := c.Users.ListPublicKeys(ctx, &ListPublicKeysOptions{ListOptions: ListOptions{PerPage: 100}})
				return keys, err
			},
			manual: func(ctx context.Context, bl *baseline) (any, error) {
				var keys []*PublicKey
				u := benchAPIBase + "admin/keys?per_page=" + strconv.Itoa(100)
				_, err := bl.do(ctx, http.MethodGet, u, mediaTypeV3, bl.tokenAuth, "", nil, &keys)
				return keys, err
			},
			check: func(tb testing.TB, got any) {
				keys := got.([]*PublicKey)
				if len(keys) != 100 || keys[0].ID != 1 || keys[99].ID != 100 {
					tb.Fatalf("got %d keys", len(keys))
				}
			},
		},
		{
			name: "AdminHooksCreate",
			rt:   &cannedRT{status: 201, header: cannedHeader(), body: benchFixture(tb, "admin_hooks/create.json")},
			sdk: func(ctx context.Context, c *Client) (any, error) {
				h, _, err := c.AdminHooks.Create(ctx, hookReq)
				return h, err
			},
			manual: func(ctx context.Context, bl *baseline) (any, error) {
				buf, err := json.Marshal(hookReq)
				if err != nil {
					return nil, err
				}
				h := new(GlobalHook)
				_, err = bl.do(ctx, http.MethodPost, benchAPIBase+"admin/hooks",
					mediaTypeV3+", "+mediaTypeSuperproPreview, bl.tokenAuth, "application/json", bytes.NewReader(buf), h)
				return h, err
			},
			check: func(tb testing.TB, got any) {
				if h := got.(*GlobalHook); h.ID != 1 || h.Config.InsecureSSL != HookVerifySSL {
					tb.Fatalf("hook = %+v", h)
				}
			},
		},
		{
			name: "ConsoleSetMaintenance",
			rt:   &cannedRT{status: 202, header: cannedHeader(), body: benchFixture(tb, "management_console/set_maintenance.json")},
			sdk: func(ctx context.Context, c *Client) (any, error) {
				st, _, err := c.ManagementConsole.SetMaintenance(ctx, maint)
				return st, err
			},
			manual: func(ctx context.Context, bl *baseline) (any, error) {
				doc, err := json.Marshal(maint)
				if err != nil {
					return nil, err
				}
				form := url.Values{"maintenance": {string(doc)}}.Encode()
				st := new(MaintenanceStatus)
				_, err = bl.do(ctx, http.MethodPost, benchConsole+"setup/api/maintenance",
					mediaTypeV3, bl.consoleAuth, "application/x-www-form-urlencoded", strings.NewReader(form), st)
				return st, err
			},
			check: func(tb testing.TB, got any) {
				if st := got.(*MaintenanceStatus); st.Status != "scheduled" || len(st.ConnectionServices) != 3 {
					tb.Fatalf("status = %+v", st)
				}
			},
		},
	}
}

// recordingRT records the last request a cannedRT answered.
type recordingRT struct {
	*cannedRT
	method, url string
	header      http.Header
	body        string
}

func (r *recordingRT) RoundTrip(req *http.Request) (*http.Response, error) {
	r.method, r.url, r.header = req.Method, req.URL.String(), req.Header.Clone()
	if req.Body != nil {
		b, _ := io.ReadAll(req.Body)
		r.body = string(b)
		req.Body = io.NopCloser(bytes.NewReader(b))
	}
	return r.cannedRT.RoundTrip(req)
}

// TestBenchmarkPairsAreEquivalent is the correctness check of the
// benchmarks: each SDK call and its baseline send the same request and
// decode the same result.
func TestBenchmarkPairsAreEquivalent(t *testing.T) {
	ctx := context.Background()
	for _, tc := range benchCallCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			sdkRT, manRT := &recordingRT{cannedRT: tc.rt}, &recordingRT{cannedRT: tc.rt}
			got, err := tc.sdk(ctx, newBenchClient(t, sdkRT))
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
			if sdkRT.method != manRT.method || sdkRT.url != manRT.url || sdkRT.body != manRT.body {
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
		})
	}
}

func headerKeys(h http.Header) []string {
	var ks []string
	for k := range h {
		ks = append(ks, k)
	}
	return ks
}

// BenchmarkCall runs each SDK call and its net/http baseline on the same
// canned response. Compare with: benchstat -col /impl.
func BenchmarkCall(b *testing.B) {
	ctx := context.Background()
	for _, tc := range benchCallCases(b) {
		b.Run("op="+tc.name+"/impl=nethttp", func(b *testing.B) {
			bl := newBaseline(tc.rt)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := tc.manual(ctx, bl); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("op="+tc.name+"/impl=sdk", func(b *testing.B) {
			c := newBenchClient(b, tc.rt)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := tc.sdk(ctx, c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// pagedKeys serves total keys, perPage per page, sleeping delay per page,
// with GitHub's Link header (next and last). It is used both as an
// http.Handler (httptest server) and as an in-memory RoundTripper.
type pagedKeys struct {
	pager          *keyPager
	base           string // URL of the list, without query
	total, perPage int
	delay          time.Duration
	pages          atomic.Int64
	// cached answers by page (from 1), when precompute was called.
	headers []http.Header
	bodies  [][]byte
}

// precompute builds every page once, so that serving a page costs the
// server almost nothing but its sleep.
func (p *pagedKeys) precompute() {
	last := (p.total + p.perPage - 1) / p.perPage
	p.headers, p.bodies = make([]http.Header, last+1), make([][]byte, last+1)
	for page := 1; page <= last; page++ {
		p.headers[page], p.bodies[page] = p.build(page, last)
	}
}

func (p *pagedKeys) answer(q url.Values) (http.Header, []byte, int) {
	page, _ := strconv.Atoi(q.Get("page"))
	if page < 1 {
		page = 1
	}
	last := (p.total + p.perPage - 1) / p.perPage
	if page > last {
		return nil, nil, http.StatusNotFound
	}
	p.pages.Add(1)
	if p.delay > 0 {
		time.Sleep(p.delay)
	}
	if p.bodies != nil {
		return p.headers[page], p.bodies[page], http.StatusOK
	}
	h, body := p.build(page, last)
	return h, body, http.StatusOK
}

func (p *pagedKeys) build(page, last int) (http.Header, []byte) {
	n := min(p.perPage, p.total-(page-1)*p.perPage)
	h := cannedHeader()
	link := func(n int) string {
		return p.base + "?page=" + strconv.Itoa(n) + "&per_page=" + strconv.Itoa(p.perPage)
	}
	var l []string
	if page < last {
		l = append(l, `<`+link(page+1)+`>; rel="next"`, `<`+link(last)+`>; rel="last"`)
	}
	if page > 1 {
		l = append(l, `<`+link(1)+`>; rel="first"`, `<`+link(page-1)+`>; rel="prev"`)
	}
	if len(l) > 0 {
		h.Set("Link", strings.Join(l, ", "))
	}
	return h, p.pager.page((page-1)*p.perPage, n)
}

func (p *pagedKeys) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h, body, status := p.answer(r.URL.Query())
	for k, v := range h {
		w.Header()[k] = v
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func (p *pagedKeys) RoundTrip(req *http.Request) (*http.Response, error) {
	h, body, status := p.answer(req.URL.Query())
	if h == nil {
		h = http.Header{}
	}
	return &http.Response{
		Status: strconv.Itoa(status) + " " + http.StatusText(status), StatusCode: status,
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: h, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)),
		Request: req,
	}, nil
}

// walkBaseline is the hand-written pagination loop: it follows the next
// link of the Link header until there is none.
func walkBaseline(ctx context.Context, bl *baseline, first string, each func(*PublicKey) bool) error {
	for u := first; u != ""; {
		var page []*PublicKey
		h, err := bl.do(ctx, http.MethodGet, u, mediaTypeV3, bl.tokenAuth, "", nil, &page)
		if err != nil {
			return err
		}
		for _, k := range page {
			if !each(k) {
				return nil
			}
		}
		u = nextLink(h.Get("Link"))
	}
	return nil
}

// nextLink returns the target of rel="next" in a Link header, or "".
func nextLink(h string) string {
	for _, part := range strings.Split(h, ",") {
		target, params, ok := strings.Cut(part, ";")
		if ok && strings.Contains(params, `rel="next"`) {
			return strings.Trim(strings.TrimSpace(target), "<>")
		}
	}
	return ""
}

// orderCheck counts the keys and checks that their ids are 1, 2, 3, …
type orderCheck struct{ n int64 }

func (o *orderCheck) add(tb testing.TB, k *PublicKey) {
	o.n++
	if k.ID != o.n {
		tb.Fatalf("item %d has id %d: out of order", o.n, k.ID)
	}
}

const (
	walkItems   = 10000
	walkPerPage = 100
	walkDelay   = 2 * time.Millisecond
)

// BenchmarkWalk walks 10,000 keys, 100 per page, with a 2 ms sleep per page,
// over two transports: transport=loopback is an httptest server on
// 127.0.0.1 (the server's work then shares the CPU with the client's),
// transport=memory is an in-memory RoundTripper (only client work and the
// sleep). impl=nethttp is the hand-written loop, impl=sdk the sequential
// ListPublicKeysIter, impl=sdk-prefetch8 the same with WithPagePrefetch(8).
// On loopback all three share one transport that keeps up to 32 idle
// connections (the default keeps 2, which would close and reopen the
// prefetching connections).
func BenchmarkWalk(b *testing.B) {
	pager := newKeyPager(b)
	ctx := context.Background()
	for _, transport := range []string{"loopback", "memory"} {
		srv := &pagedKeys{pager: pager, total: walkItems, perPage: walkPerPage, delay: walkDelay}
		var rt http.RoundTripper = srv
		var origin string
		if transport == "loopback" {
			ts := httptest.NewServer(srv)
			defer ts.Close()
			tr := &http.Transport{MaxIdleConnsPerHost: 32}
			defer tr.CloseIdleConnections()
			rt, origin = tr, ts.URL
		} else {
			origin = benchBaseURL
		}
		srv.base = origin + "/api/v3/admin/keys"
		srv.precompute()

		b.Run("transport="+transport+"/impl=nethttp", func(b *testing.B) {
			bl := newBaseline(rt)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				var oc orderCheck
				err := walkBaseline(ctx, bl, srv.base+"?per_page=100", func(k *PublicKey) bool { oc.add(b, k); return true })
				if err != nil || oc.n != walkItems {
					b.Fatalf("walked %d keys: %v", oc.n, err)
				}
			}
		})
		for _, pf := range []int{0, 8} {
			name := "impl=sdk"
			if pf > 0 {
				name += "-prefetch" + strconv.Itoa(pf)
			}
			b.Run("transport="+transport+"/"+name, func(b *testing.B) {
				c, err := NewClient(origin, WithHTTPClient(&http.Client{Transport: rt}), WithToken(benchToken), WithPagePrefetch(pf))
				if err != nil {
					b.Fatal(err)
				}
				opts := &ListPublicKeysOptions{ListOptions: ListOptions{PerPage: walkPerPage}}
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					var oc orderCheck
					for k, err := range c.Users.ListPublicKeysIter(ctx, opts) {
						if err != nil {
							b.Fatal(err)
						}
						oc.add(b, k)
					}
					if oc.n != walkItems {
						b.Fatalf("walked %d keys", oc.n)
					}
				}
			})
		}
	}
}

// walkPeakHeap walks total keys with WithPagePrefetch(8) through an
// in-memory RoundTripper that sleeps 2 ms per page, sampling HeapInuse every
// 500 items, and returns the peak and the heap in use before the walk.
func walkPeakHeap(tb testing.TB, total int) (peak, before uint64) {
	srv := &pagedKeys{pager: newKeyPager(tb), base: benchAPIBase + "admin/keys", total: total, perPage: walkPerPage, delay: walkDelay}
	c := newBenchClient(tb, srv, WithPagePrefetch(8))
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before = ms.HeapInuse
	peak = before
	var oc orderCheck
	for k, err := range c.Users.ListPublicKeysIter(context.Background(), &ListPublicKeysOptions{ListOptions: ListOptions{PerPage: walkPerPage}}) {
		if err != nil {
			tb.Fatal(err)
		}
		oc.add(tb, k)
		if oc.n%500 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	if oc.n != int64(total) {
		tb.Fatalf("walked %d keys, want %d", oc.n, total)
	}
	return peak, before
}

// BenchmarkWalkPeakHeap reports the peak heap in use (MiB) while walking
// 10,000 and 100,000 keys with WithPagePrefetch(8): the window, not the
// list, bounds the memory, so both peaks should be about the same.
func BenchmarkWalkPeakHeap(b *testing.B) {
	for _, total := range []int{10000, 100000} {
		b.Run("items="+strconv.Itoa(total), func(b *testing.B) {
			var peak, growth uint64
			for i := 0; i < b.N; i++ {
				p, before := walkPeakHeap(b, total)
				peak = max(peak, p)
				growth = max(growth, p-before)
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			b.ReportMetric(float64(growth)/(1<<20), "heap-growth-MiB")
		})
	}
}

// On a shared machine the load changes from one second to the next, so two
// benchmarks run one after the other can see different machines. The
// …Paired benchmarks time the SDK and the baseline in alternating blocks
// within each run and report both times and their ratio as metrics, so that
// both sides see the same load.

// BenchmarkCallPaired alternates blocks of 16 baseline calls and 16 SDK
// calls (the order swapped every block) and reports nethttp-ns/op,
// sdk-ns/op and sdk/nethttp; b.N counts pairs of calls.
func BenchmarkCallPaired(b *testing.B) {
	ctx := context.Background()
	for _, tc := range benchCallCases(b) {
		b.Run("op="+tc.name, func(b *testing.B) {
			c, bl := newBenchClient(b, tc.rt), newBaseline(tc.rt)
			runSDK := func(n int) time.Duration {
				start := time.Now()
				for i := 0; i < n; i++ {
					if _, err := tc.sdk(ctx, c); err != nil {
						b.Fatal(err)
					}
				}
				return time.Since(start)
			}
			runBase := func(n int) time.Duration {
				start := time.Now()
				for i := 0; i < n; i++ {
					if _, err := tc.manual(ctx, bl); err != nil {
						b.Fatal(err)
					}
				}
				return time.Since(start)
			}
			const block = 16
			var tSDK, tBase time.Duration
			b.ResetTimer()
			for done, k := 0, 0; done < b.N; done, k = done+block, k+1 {
				n := min(block, b.N-done)
				if k%2 == 0 {
					tBase += runBase(n)
					tSDK += runSDK(n)
				} else {
					tSDK += runSDK(n)
					tBase += runBase(n)
				}
			}
			reportPaired(b, "nethttp", tBase, "sdk", tSDK, b.N, 1)
		})
	}
}

func reportPaired(b *testing.B, baseName string, base time.Duration, name string, d time.Duration, n int, unit float64) {
	b.ReportMetric(float64(base.Nanoseconds())/float64(n)/unit, baseName+"-"+unitName(unit)+"/op")
	b.ReportMetric(float64(d.Nanoseconds())/float64(n)/unit, name+"-"+unitName(unit)+"/op")
	b.ReportMetric(float64(d)/float64(base), name+"/"+baseName)
}

func unitName(unit float64) string {
	if unit == 1e6 {
		return "ms"
	}
	return "ns"
}

// BenchmarkWalkPaired walks the 10,000 keys of BenchmarkWalk three times per
// iteration (hand-written loop, sequential SDK iterator, SDK iterator with
// WithPagePrefetch(8), in a rotating order) and reports the three times per
// walk and the ratios sdk/nethttp and sdk/sdk-prefetch8 (the speed-up).
func BenchmarkWalkPaired(b *testing.B) {
	pager := newKeyPager(b)
	ctx := context.Background()
	for _, transport := range []string{"loopback", "memory"} {
		srv := &pagedKeys{pager: pager, total: walkItems, perPage: walkPerPage, delay: walkDelay}
		var rt http.RoundTripper = srv
		origin := benchBaseURL
		if transport == "loopback" {
			ts := httptest.NewServer(srv)
			defer ts.Close()
			tr := &http.Transport{MaxIdleConnsPerHost: 32}
			defer tr.CloseIdleConnections()
			rt, origin = tr, ts.URL
		}
		srv.base = origin + "/api/v3/admin/keys"
		srv.precompute()
		b.Run("transport="+transport, func(b *testing.B) {
			bl := newBaseline(rt)
			clients := make([]*Client, 2)
			for i, pf := range []int{0, 8} {
				c, err := NewClient(origin, WithHTTPClient(&http.Client{Transport: rt}), WithToken(benchToken), WithPagePrefetch(pf))
				if err != nil {
					b.Fatal(err)
				}
				clients[i] = c
			}
			opts := &ListPublicKeysOptions{ListOptions: ListOptions{PerPage: walkPerPage}}
			walks := []func(){
				func() {
					var oc orderCheck
					err := walkBaseline(ctx, bl, srv.base+"?per_page=100", func(k *PublicKey) bool { oc.add(b, k); return true })
					if err != nil || oc.n != walkItems {
						b.Fatalf("walked %d keys: %v", oc.n, err)
					}
				},
			}
			for _, c := range clients {
				walks = append(walks, func() {
					var oc orderCheck
					for k, err := range c.Users.ListPublicKeysIter(ctx, opts) {
						if err != nil {
							b.Fatal(err)
						}
						oc.add(b, k)
					}
					if oc.n != walkItems {
						b.Fatalf("walked %d keys", oc.n)
					}
				})
			}
			var total [3]time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for j := range walks {
					w := (i + j) % len(walks)
					start := time.Now()
					walks[w]()
					total[w] += time.Since(start)
				}
			}
			reportPaired(b, "nethttp", total[0], "sdk", total[1], b.N, 1e6)
			b.ReportMetric(float64(total[2].Nanoseconds())/float64(b.N)/1e6, "sdk-prefetch8-ms/op")
			b.ReportMetric(float64(total[1])/float64(total[2]), "sdk/sdk-prefetch8")
		})
	}
}
