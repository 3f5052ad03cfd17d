package ghesadmin

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin/internal/ops"
)

// terminalReply answers a request with a body that every method accepts:
// the pollers' status reads get a finished state, GET /meta a version (which
// Meta.AdminAPI needs), and everything else 204.
func terminalReply(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case strings.HasSuffix(p, "/setup/api/configcheck"):
		writeJSON(w, 200, `{"status":"success","progress":[{"status":"DONE","key":"Appliance core components"}]}`)
	case strings.HasSuffix(p, "/downloads/latest"):
		writeJSON(w, 200, `{"state":"success","downloaded_at":"2026-01-01T00:00:00Z","message":null}`)
	case strings.HasSuffix(p, "/api/v3/meta"):
		writeJSON(w, 200, `{"installed_version":"3.14.0","verifiable_password_authentication":true}`)
	case r.Method == http.MethodGet && strings.HasSuffix(p, "/setup/api/maintenance"):
		writeJSON(w, 200, `{"status":"on","scheduled_time":null,"connection_services":[]}`)
	case r.Method == http.MethodGet && strings.HasSuffix(p, "/manage/v1/maintenance"):
		writeJSON(w, 200, `[{"hostname":"ghe-1","uuid":"u1","status":"on","connection_services":[]}]`)
	case r.Method == http.MethodGet && strings.HasSuffix(p, "/manage/v1/config/apply"):
		writeJSON(w, 200, `{"running":false,"successful":true,"nodes":[{"run_id":"r1","hostname":"ghe-1","running":false,"successful":true}]}`)
	default:
		w.WriteHeader(http.StatusNoContent)
	}
}

// faultReply fails the first n requests with fault, then answers as
// terminalReply.
func faultReply(t *testing.T, fault string, n int) (http.HandlerFunc, *atomic.Int32) {
	var count atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		if int(count.Add(1)) > n {
			terminalReply(w, r)
			return
		}
		switch fault {
		case "drop":
			dropConnection(t, w)
		case "502":
			writeJSON(w, 502, `{"message":"bad gateway"}`)
		case "503":
			writeJSON(w, 503, `{"message":"unavailable"}`)
		case "504":
			w.WriteHeader(504)
		}
	}, &count
}

// probe returns the HTTP method and Content-Type of the first request m
// sends.
func probe(t *testing.T, m svcMethod) (method, contentType string) {
	h := newHarness(t, serverError)
	_, reqs := h.call(t, svcMethod{Service: m.Service, Name: m.Name, fn: methodOf(h.Client, m)}, nil)
	if len(reqs) == 0 {
		t.Fatalf("%s sent nothing", m)
	}
	return reqs[0].Method, reqs[0].Header.Get("Content-Type")
}

// TestFaultsEveryMethod drives every service method through a burst of two
// 502, 503 or 504 replies, or two dropped connections. Idempotent methods
// (GET, PUT, DELETE) are retried and succeed with exactly three requests;
// POST and PATCH, and streamed (multipart) uploads, send exactly one
// request and return an error, so nothing is created twice.
func TestFaultsEveryMethod(t *testing.T) {
	c, _ := NewClient("https://probe.invalid", WithToken(testToken))
	methods := allMethods(c)
	stats := map[string]int{}
	for _, m := range methods {
		verb, ctype := probe(t, m)
		streamed := strings.HasPrefix(ctype, "multipart/")
		for _, fault := range []string{"502", "503", "504", "drop"} {
			reply, count := faultReply(t, fault, 2)
			h := newHarness(t, reply, fastRetry)
			bound := svcMethod{Service: m.Service, Name: m.Name, fn: methodOf(h.Client, m)}
			res, reqs := h.call(t, bound, nil)
			switch {
			case isIdempotent(verb) && !streamed:
				stats["retried"]++
				if res.Err != nil {
					t.Errorf("%s (%s) after two %s faults: %v", m, verb, fault, res.Err)
				}
				if len(reqs) < 3 {
					t.Errorf("%s (%s) after two %s faults: %d requests, want the faulty two and a successful one", m, verb, fault, len(reqs))
				}
			default:
				stats["sent once"]++
				if res.Err == nil {
					t.Errorf("%s (%s) returned no error for a %s fault", m, verb, fault)
				}
				if n := count.Load(); n != 1 || len(reqs) != 1 {
					t.Errorf("%s (%s) with a %s fault: %d requests, want exactly 1", m, verb, fault, n)
				}
				if fault != "drop" {
					var er *ErrorResponse
					if !errors.As(res.Err, &er) || fmt.Sprint(er.StatusCode()) != fault {
						t.Errorf("%s (%s): %v is not an *ErrorResponse with status %s", m, verb, res.Err, fault)
					}
				}
			}
		}
	}
	t.Logf("%d methods, %d fault runs retried to success, %d sent exactly once", len(methods), stats["retried"], stats["sent once"])
	if stats["retried"] == 0 || stats["sent once"] == 0 {
		t.Fatal("one class of methods was never exercised")
	}
}

// methodOf returns m bound to client c.
func methodOf(c *Client, m svcMethod) reflect.Value {
	for _, mm := range allMethods(c) {
		if mm.Service == m.Service && mm.Name == m.Name {
			return mm.fn
		}
	}
	panic("no method " + m.String())
}

// TestSlowServerAbandonedOnCancel: every method returns promptly with the
// context's error when the context ends while the server is still thinking,
// and every idempotent method returns promptly when the context ends during
// a backoff wait.
func TestSlowServerAbandonedOnCancel(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	slow := func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}
	h := newHarness(t, slow)
	for _, m := range allMethods(h.Client) {
		if err := invokeUntilDeadline(t, m, 30*time.Millisecond, "after its context ended"); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s: err = %v, want context.DeadlineExceeded", m, err)
		}
	}

	h2 := newHarness(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) },
		WithRetry(RetryPolicy{MaxAttempts: 5, MinBackoff: time.Hour, MaxBackoff: time.Hour}))
	waited := 0
	for _, m := range allMethods(h2.Client) {
		if errors.Is(invokeUntilDeadline(t, m, 50*time.Millisecond, "in a backoff wait after its context ended"), context.DeadlineExceeded) {
			waited++
		}
	}
	if waited < 30 {
		t.Errorf("only %d methods were caught in a backoff wait", waited)
	}
	t.Logf("%d methods abandoned during a backoff wait", waited)
}

// invokeUntilDeadline calls m with a context that ends after timeout,
// fails the test when the call takes more than 2s (while says where it
// waited), and returns the call's error.
func invokeUntilDeadline(t *testing.T, m svcMethod, timeout time.Duration, while string) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	start := time.Now()
	res := invoke(m, callArgs(t, m, ctx, nil))
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("%s took %v %s", m, d, while)
	}
	return res.Err
}

// heapDuring returns the bytes allocated while f runs.
func heapDuring(f func()) uint64 {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHugeBodiesBoundedMemory: a 10 MiB error body and 10 MiB garbage 200
// bodies end in a clear error without the client reading them whole.
func TestHugeBodiesBoundedMemory(t *testing.T) {
	const size = 10 << 20
	write := func(w http.ResponseWriter, status int, prefix string, fill byte) {
		w.WriteHeader(status)
		_, _ = io.WriteString(w, prefix)
		chunk := []byte(strings.Repeat(string(fill), 64<<10))
		for n := 0; n < size; n += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}
	cases := []struct {
		name  string
		reply http.HandlerFunc
		check func(error) bool
		limit uint64
	}{
		{"10 MiB error body", func(w http.ResponseWriter, r *http.Request) { write(w, 500, `{"message":"`, 'x') },
			func(err error) bool { var er *ErrorResponse; return errors.As(err, &er) && er.StatusCode() == 500 }, 8 << 20},
		{"10 MiB garbage 200 body", func(w http.ResponseWriter, r *http.Request) { write(w, 200, "\x00\xff", 0xfe) },
			func(err error) bool { var de *DecodeError; return errors.As(err, &de) }, 1 << 20},
		{"10 MiB unterminated JSON string", func(w http.ResponseWriter, r *http.Request) { write(w, 200, `{"total_repos":"`, 'a') },
			func(err error) bool { var de *DecodeError; return errors.As(err, &de) }, 48 << 20},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, tc.reply)
			var err error
			alloc := heapDuring(func() { _, _, err = h.Client.Stats.Repos(context.Background()) })
			if !tc.check(err) {
				t.Fatalf("err = %v", err)
			}
			if len(err.Error()) > 500 {
				t.Errorf("error message of %d bytes", len(err.Error()))
			}
			if alloc > tc.limit {
				t.Errorf("allocated %d bytes, more than %d", alloc, tc.limit)
			}
			t.Logf("%s: allocated %.2f MiB; error: %.120s", tc.name, float64(alloc)/(1<<20), err)
		})
	}
}

// TestConcurrentUseAllServices shares one client between 64 goroutines that
// call every service method; run with -race. The server says it is GHES
// 3.14.0 (GET /meta), which the client learns while the others call: the
// only error allowed is the refusal of an operation 3.14 does not have.
func TestConcurrentUseAllServices(t *testing.T) {
	h := newHarness(t, terminalReply)
	methods := allMethods(h.Client)
	opOf := methodOps(t)
	r314, _ := ops.ParseRelease("3.14")
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := 0; g < 64; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := range methods {
				m := methods[(i+g)%len(methods)]
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				res := invoke(m, callArgs(t, m, ctx, nil))
				cancel()
				if errors.Is(res.Err, ErrUnsupportedVersion) && !opOf[m.String()].Has(r314) {
					continue
				}
				if res.Err != nil {
					select {
					case errs <- fmt.Errorf("%s: %w", m, res.Err):
					default:
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	t.Logf("64 goroutines × %d methods", len(methods))
}
