package benchmarks

// Walks: 10,000 public keys, 100 per page, 2 ms of latency per page.

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/google/go-github/v75/github"
)

const (
	walkItems   = 10000
	walkPerPage = 100
	walkDelay   = 2 * time.Millisecond
)

// pagedKeys serves total keys, perPage per page, sleeping delay per page,
// with GitHub's Link header (next, last, first, prev). It answers by the
// page query parameter whatever the path (go-github's closest method lists
// /user/keys). It is used both as an http.Handler (httptest server) and as
// an in-memory RoundTripper.
type pagedKeys struct {
	pager          *keyPager
	base           string // URL of the list, without query
	total, perPage int
	delay          time.Duration
	pages          atomic.Int64
	// answers by page (from 1) when precompute was called; otherwise each
	// page is built when asked for (BenchmarkWalkPeakHeap: the pages of
	// 100,000 keys would weigh on the heap being measured).
	headers []http.Header
	bodies  [][]byte
}

// precompute builds every page once, so that serving a page costs the
// server almost nothing but its sleep.
func (p *pagedKeys) precompute() {
	last := p.last()
	p.headers, p.bodies = make([]http.Header, last+1), make([][]byte, last+1)
	for page := 1; page <= last; page++ {
		p.headers[page], p.bodies[page] = p.build(page, last)
	}
}

func (p *pagedKeys) last() int { return (p.total + p.perPage - 1) / p.perPage }

func (p *pagedKeys) answer(q url.Values) (http.Header, []byte, int) {
	page, _ := strconv.Atoi(q.Get("page"))
	if page < 1 {
		page = 1
	}
	if page > p.last() || q.Get("per_page") != strconv.Itoa(p.perPage) {
		return http.Header{}, nil, http.StatusNotFound
	}
	p.pages.Add(1)
	if p.delay > 0 {
		time.Sleep(p.delay)
	}
	if p.bodies == nil {
		h, body := p.build(page, p.last())
		return h, body, http.StatusOK
	}
	return p.headers[page], p.bodies[page], http.StatusOK
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
	return &http.Response{
		Status: strconv.Itoa(status) + " " + http.StatusText(status), StatusCode: status,
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: h, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)),
		Request: req,
	}, nil
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

func (o *orderCheck) add(tb testing.TB, id int64) {
	o.n++
	if id != o.n {
		tb.Fatalf("item %d has id %d: out of order", o.n, id)
	}
}

// walkEnv is one server (loopback or in memory) and the four walks over it.
type walkEnv struct {
	srv   *pagedKeys
	walks []walkImpl
}

// walkImpl is one way of walking the list; it returns how many keys it saw
// (each checked in order).
type walkImpl struct {
	name string
	walk func(tb testing.TB) int64
}

// walkNames are the implementations in the order of walkEnv.walks.
var walkNames = []string{"nethttp", "gogithub", "sdk", "sdk-prefetch8"}

// newWalkEnv serves total keys over transport ("loopback": an httptest
// server on 127.0.0.1, whose work then shares the CPU with the client's;
// "memory": an in-memory RoundTripper, only client work and the sleep). On
// loopback all the walks share one transport that keeps up to 32 idle
// connections (the default keeps 2, which would close and reopen the
// prefetching connections).
func newWalkEnv(tb testing.TB, transport string, total int, delay time.Duration) *walkEnv {
	tb.Helper()
	srv := &pagedKeys{pager: newKeyPager(tb), total: total, perPage: walkPerPage, delay: delay}
	var rt http.RoundTripper = srv
	origin := benchBaseURL
	if transport == "loopback" {
		ts := httptest.NewServer(srv)
		tb.Cleanup(ts.Close)
		tr := &http.Transport{MaxIdleConnsPerHost: 32}
		tb.Cleanup(tr.CloseIdleConnections)
		rt, origin = tr, ts.URL
	}
	srv.base = origin + "/api/v3/admin/keys"
	srv.precompute()
	ctx := context.Background()

	bl := newBaseline(rt)
	gc := newGoGitHub(tb, origin, rt)
	sdk := newSDK(tb, origin, rt)
	sdk8 := newSDK(tb, origin, rt, ghesadmin.WithPagePrefetch(8))
	sdkWalk := func(c *ghesadmin.Client) func(tb testing.TB) int64 {
		return func(tb testing.TB) int64 {
			var oc orderCheck
			opts := &ghesadmin.ListPublicKeysOptions{ListOptions: ghesadmin.ListOptions{PerPage: walkPerPage}}
			for k, err := range c.Users.ListPublicKeysIter(ctx, opts) {
				if err != nil {
					tb.Fatal(err)
				}
				oc.add(tb, k.ID)
			}
			return oc.n
		}
	}
	return &walkEnv{srv: srv, walks: []walkImpl{
		{"nethttp", func(tb testing.TB) int64 {
			// The hand-written loop: follow rel="next" until there is none.
			var oc orderCheck
			for u := srv.base + "?per_page=100"; u != ""; {
				var page []*ghesadmin.PublicKey
				h, err := bl.do(ctx, http.MethodGet, u, mediaTypeV3, bl.tokenAuth, "", nil, &page)
				if err != nil {
					tb.Fatal(err)
				}
				for _, k := range page {
					oc.add(tb, k.ID)
				}
				u = nextLink(h.Get("Link"))
			}
			return oc.n
		}},
		{"gogithub", func(tb testing.TB) int64 {
			// go-github's documented loop. It has no method for
			// /admin/keys; Users.ListKeys lists /user/keys, the same shape.
			var oc orderCheck
			opts := &github.ListOptions{PerPage: walkPerPage}
			for {
				keys, resp, err := gc.Users.ListKeys(ctx, "", opts)
				if err != nil {
					tb.Fatal(err)
				}
				for _, k := range keys {
					oc.add(tb, k.GetID())
				}
				if resp.NextPage == 0 {
					break
				}
				opts.Page = resp.NextPage
			}
			return oc.n
		}},
		{"sdk", sdkWalk(sdk)},
		{"sdk-prefetch8", sdkWalk(sdk8)},
	}}
}

// TestWalksAreEquivalent is the correctness check of the walk benchmarks:
// each of the four walks sees every key once, in order, and asks for every
// page once, over both transports.
func TestWalksAreEquivalent(t *testing.T) {
	const total = 1050 // 11 pages, the last one short
	for _, transport := range []string{"loopback", "memory"} {
		env := newWalkEnv(t, transport, total, 0)
		for i, w := range env.walks {
			if w.name != walkNames[i] {
				t.Fatalf("walk %d is %s, want %s", i, w.name, walkNames[i])
			}
			t.Run(transport+"/"+w.name, func(t *testing.T) {
				before := env.srv.pages.Load()
				if n := w.walk(t); n != total {
					t.Errorf("walked %d keys, want %d", n, total)
				}
				if pages := env.srv.pages.Load() - before; pages != int64(env.srv.last()) {
					t.Errorf("fetched %d pages, want %d", pages, env.srv.last())
				}
			})
		}
	}
}

// BenchmarkWalk walks the 10,000 keys with each implementation as its own
// benchmark (with -benchmem: allocations per walk). impl=nethttp is the
// hand-written loop, impl=gogithub go-github's documented loop, impl=sdk the
// sequential ListPublicKeysIter, impl=sdk-prefetch8 the same with
// WithPagePrefetch(8).
func BenchmarkWalk(b *testing.B) {
	for _, transport := range []string{"loopback", "memory"} {
		env := newWalkEnv(b, transport, walkItems, walkDelay)
		for _, w := range env.walks {
			b.Run("transport="+transport+"/impl="+w.name, func(b *testing.B) {
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					if n := w.walk(b); n != walkItems {
						b.Fatalf("walked %d keys", n)
					}
				}
			})
		}
	}
}

// BenchmarkWalkPaired walks the 10,000 keys four times per iteration
// (hand-written loop, go-github's loop, sequential SDK iterator, SDK
// iterator with WithPagePrefetch(8), in an order rotated every iteration)
// and reports the four times per walk (…-ms/op) and the ratios sdk/nethttp,
// sdk/gogithub (sequential walks) and gogithub/sdk-prefetch8 (the speed-up
// of the prefetching SDK walk over go-github's loop).
func BenchmarkWalkPaired(b *testing.B) {
	for _, transport := range []string{"loopback", "memory"} {
		env := newWalkEnv(b, transport, walkItems, walkDelay)
		b.Run("transport="+transport, func(b *testing.B) {
			total := make([]time.Duration, len(env.walks))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for j := range env.walks {
					w := (i + j) % len(env.walks)
					start := time.Now()
					n := env.walks[w].walk(b)
					total[w] += time.Since(start)
					if n != walkItems {
						b.Fatalf("%s walked %d keys", env.walks[w].name, n)
					}
				}
			}
			b.StopTimer()
			for i, w := range env.walks {
				b.ReportMetric(float64(total[i].Nanoseconds())/float64(b.N)/1e6, w.name+"-ms/op")
			}
			nethttp, gogithub, sdk, sdk8 := total[0], total[1], total[2], total[3]
			b.ReportMetric(float64(sdk)/float64(nethttp), "sdk/nethttp")
			b.ReportMetric(float64(sdk)/float64(gogithub), "sdk/gogithub")
			b.ReportMetric(float64(gogithub)/float64(sdk8), "gogithub/sdk-prefetch8")
			b.ReportMetric(float64(sdk)/float64(sdk8), "sdk/sdk-prefetch8")
		})
	}
}

// walkPeakHeap walks total keys with WithPagePrefetch(8) through an
// in-memory RoundTripper that sleeps 2 ms per page, sampling the heap in
// use every 500 items.
func walkPeakHeap(tb testing.TB, total int) *heapPeak {
	srv := &pagedKeys{pager: newKeyPager(tb), base: benchAPIBase + "admin/keys", total: total, perPage: walkPerPage, delay: walkDelay}
	c := newSDK(tb, benchBaseURL, srv, ghesadmin.WithPagePrefetch(8))
	h := newHeapPeak()
	var oc orderCheck
	for k, err := range c.Users.ListPublicKeysIter(context.Background(), &ghesadmin.ListPublicKeysOptions{ListOptions: ghesadmin.ListOptions{PerPage: walkPerPage}}) {
		if err != nil {
			tb.Fatal(err)
		}
		oc.add(tb, k.ID)
		h.sample(oc.n)
	}
	if oc.n != int64(total) {
		tb.Fatalf("walked %d keys, want %d", oc.n, total)
	}
	return h
}

// BenchmarkWalkPeakHeap reports the peak heap in use (MiB) while walking
// 10,000 and 100,000 keys with WithPagePrefetch(8): the window, not the
// list, bounds the memory, so both peaks should be about the same.
func BenchmarkWalkPeakHeap(b *testing.B) {
	benchPeakHeap(b, "items", []int{10000, 100000}, walkPeakHeap)
}
