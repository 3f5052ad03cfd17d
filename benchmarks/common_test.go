package benchmarks

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/ghesadmin/ghesadmin"
	"github.com/google/go-github/v75/github"
)

const (
	benchBaseURL  = "https://ghe.example.com"
	benchAPIBase  = "https://ghe.example.com/api/v3/"
	benchConsole  = "https://ghe.example.com:8443/"
	benchToken    = "ghp_benchmarktoken0123456789abcdefABCDEF"
	benchPassword = "console-benchmark-password"

	// mediaTypeV3 and userAgent are what the SDK sends (its constants are
	// unexported; TestCallsAreEquivalent fails if they drift).
	mediaTypeV3       = "application/vnd.github+json"
	mediaTypeSuperpro = "application/vnd.github.superpro-preview+json"
)

var userAgent = "ghesadmin-go/" + ghesadmin.Version

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

// keyPager builds JSON arrays of public keys with ids from+1..from+n out of
// the first key of the fixture.
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

// newSDK returns an SDK client on rt with the benchmark's credentials.
func newSDK(tb testing.TB, origin string, rt http.RoundTripper, opts ...ghesadmin.Option) *ghesadmin.Client {
	tb.Helper()
	all := append([]ghesadmin.Option{
		ghesadmin.WithHTTPClient(&http.Client{Transport: rt}),
		ghesadmin.WithToken(benchToken),
		ghesadmin.WithManagementConsole("", benchPassword),
	}, opts...)
	c, err := ghesadmin.NewClient(origin, all...)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// newGoGitHub returns a go-github client for the GHES at origin, set up the
// way its README says for GitHub Enterprise Server.
func newGoGitHub(tb testing.TB, origin string, rt http.RoundTripper) *github.Client {
	tb.Helper()
	c, err := github.NewClient(&http.Client{Transport: rt}).WithAuthToken(benchToken).WithEnterpriseURLs(origin, origin)
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
	req.Header.Set("User-Agent", userAgent)
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

// heapPeak samples the heap in use during a walk: HeapInuse after a
// collection at the start, and the most seen since.
type heapPeak struct {
	ms           runtime.MemStats
	before, peak uint64
}

func newHeapPeak() *heapPeak {
	h := &heapPeak{}
	runtime.GC()
	runtime.ReadMemStats(&h.ms)
	h.before, h.peak = h.ms.HeapInuse, h.ms.HeapInuse
	return h
}

// sample records the heap in use every 500 items (n is the items walked).
func (h *heapPeak) sample(n int64) {
	if n%500 == 0 {
		runtime.ReadMemStats(&h.ms)
		h.peak = max(h.peak, h.ms.HeapInuse)
	}
}

// benchPeakHeap runs walk once per iteration for each size (a sub-benchmark
// named unit=size) and reports the peak heap in use and its growth during
// the walk, in MiB: the most over the iterations.
func benchPeakHeap(b *testing.B, unit string, sizes []int, walk func(tb testing.TB, size int) *heapPeak) {
	for _, size := range sizes {
		b.Run(unit+"="+strconv.Itoa(size), func(b *testing.B) {
			var peak, growth uint64
			for i := 0; i < b.N; i++ {
				h := walk(b, size)
				peak = max(peak, h.peak)
				growth = max(growth, h.peak-h.before)
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			b.ReportMetric(float64(growth)/(1<<20), "heap-growth-MiB")
		})
	}
}
