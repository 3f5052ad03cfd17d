package ghesadmin

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"math/bits"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A body of unknown length (chunked, or compressed and decompressed by the
// transport: Content-Length -1) is read into a buffer that doubles as it
// fills, a few allocations from 512 bytes to the body's size; append alone
// grows a byte slice by about a quarter at a time past 256 bytes (about
// twenty allocations and copies for 64 KiB, five times the body allocated).
func TestBodyOfUnknownLengthGrowsByDoubling(t *testing.T) {
	body := listBody(600) // about 95 KiB; a page of 100 keys of the walk benchmarks weighs about 33 KiB
	require.Greater(t, len(body), 64<<10)
	// 512 bytes, then one allocation per doubling up to the body's size.
	want := float64(bits.Len(uint(len(body)/512)) + 1)
	read := map[string]func(br *bodyReader) ([]byte, error){
		"readList":  func(br *bodyReader) ([]byte, error) { return readList(br, -1, 1000) },
		"readValue": func(br *bodyReader) ([]byte, error) { return readValue(br, -1) },
	}
	rd := bytes.NewReader(body)
	br := &bodyReader{}
	for name, read := range read {
		var got []byte
		allocs := fewestAllocs(20, func() {
			rd.Reset(body)
			*br = bodyReader{r: rd, n: maxSuccessBody + 1}
			var err error
			if got, err = read(br); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		})
		assert.Equal(t, body, got, name)
		assert.LessOrEqual(t, allocs, want, "%s: allocations reading %d bytes of unknown length", name, len(body))
	}
}

// hookReply is a canned 201 reply of POST /admin/hooks with the headers
// GHES sends.
type hookReply struct{ body []byte }

func (h hookReply) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
		_ = req.Body.Close()
	}
	return &http.Response{
		StatusCode: http.StatusCreated, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{
			"Content-Type":                {"application/json; charset=utf-8"},
			"X-Github-Request-Id":         {"C0DE:1234"},
			"X-Github-Enterprise-Version": {"3.14.2"},
			"X-Ratelimit-Limit":           {"5000"},
			"X-Ratelimit-Remaining":       {"4987"},
		},
		Body: io.NopCloser(bytes.NewReader(h.body)), ContentLength: int64(len(h.body)), Request: req,
	}, nil
}

// A small POST through the SDK, with the server's release known (so the
// operation is checked against it before sending), costs the allocations
// of the same call written by hand with net/http and encoding/json plus
// three. The SDK's own are four: the *Response, the URL joined from the
// base and the path, the Accept header joined with the preview, and the
// lenientTarget that decodes the reply; decoding one buffer with
// json.Unmarshal costs one less than a json.Decoder. Checking the operation
// and reading the rate limit headers (missing ones too) allocate nothing.
func TestCallAllocatesAsPlainNetHTTP(t *testing.T) {
	rt := hookReply{body: fixture(t, "admin_hooks/create.json")}
	hook := CreateGlobalHookRequest{
		Name:   "web",
		Config: GlobalHookConfigRequest{URL: "https://example.com/webhook", ContentType: Ptr(HookContentTypeJSON)},
		Events: []string{"organization", "user"},
	}
	c, err := NewClient("https://ghe.example.com", WithToken("t0ken"), WithHTTPClient(&http.Client{Transport: rt}), WithServerVersion("3.14.2"))
	require.NoError(t, err)
	ctx := context.Background()
	hc := &http.Client{Transport: rt}
	plain := fewestAllocs(20, func() {
		buf, err := json.Marshal(hook)
		if err != nil {
			t.Fatal(err)
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://ghe.example.com/api/v3/admin/hooks", bytes.NewReader(buf))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Accept", mediaTypeV3+", "+mediaTypeSuperproPreview)
		req.Header.Set("Authorization", "token t0ken")
		req.Header.Set("User-Agent", defaultUserAgent)
		req.Header.Set("Content-Type", "application/json")
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		h := new(GlobalHook)
		err = json.NewDecoder(resp.Body).Decode(h)
		resp.Body.Close()
		if err != nil || h.ID != 1 {
			t.Fatalf("plain call: %v", err)
		}
	})
	sdk := fewestAllocs(20, func() {
		h, _, err := c.AdminHooks.Create(ctx, hook)
		if err != nil || h.ID != 1 {
			t.Fatalf("AdminHooks.Create: %v", err)
		}
	})
	t.Logf("allocations: net/http %.0f, SDK %.0f", plain, sdk)
	assert.LessOrEqual(t, sdk, plain+3, "allocations of AdminHooks.Create")
}

// fewestAllocs returns the fewest allocations of one call of f in n calls:
// the call's own count. Anything else only adds to a call's count: a
// goroutine that allocates meanwhile, or, under -race, a sync.Pool (that of
// encoding/json's encoder) that drops what it is given at random.
func fewestAllocs(n int, f func()) float64 {
	fewest := testing.AllocsPerRun(1, f)
	for i := 1; i < n; i++ {
		fewest = min(fewest, testing.AllocsPerRun(1, f))
	}
	return fewest
}

// The clock is read for a request's debug log only: a request sent while the
// logger was off, and logged because it was switched on meanwhile, logs a
// duration of 0, not the time since the zero time.
func TestDurationIsLoggedOnlyWhenMeasured(t *testing.T) {
	var level slog.LevelVar
	level.Set(slog.LevelInfo)
	var logs strings.Builder
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: &level}))
	rt := hookReply{body: fixture(t, "admin_hooks/create.json")}
	switchOn := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		level.Set(slog.LevelDebug)
		return rt.RoundTrip(r)
	})
	c, err := NewClient("https://ghe.example.com", WithToken("t0ken"), WithLogger(logger), WithHTTPClient(&http.Client{Transport: switchOn}))
	require.NoError(t, err)
	_, _, err = c.AdminHooks.Get(context.Background(), 1)
	require.NoError(t, err)
	assert.Contains(t, logs.String(), " duration=0s ", "the request was sent while the logger was off")
}
