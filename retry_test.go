package ghesadmin

import (
	"context"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// fastRetry retries quickly so that tests stay fast.
var fastRetry = WithRetry(RetryPolicy{MaxAttempts: 3, MinBackoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond, MaxWait: 2 * time.Second})

// dropConnection closes the connection without an answer.
func dropConnection(t *testing.T, w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		t.Error("cannot hijack")
		return
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		t.Error(err)
		return
	}
	conn.Close()
}

func TestRetriesIdempotentMethods(t *testing.T) {
	faults := map[string]func(t *testing.T, w http.ResponseWriter){
		"503":  func(t *testing.T, w http.ResponseWriter) { writeJSON(w, 503, `{"message":"unavailable"}`) },
		"502":  func(t *testing.T, w http.ResponseWriter) { w.WriteHeader(502) },
		"504":  func(t *testing.T, w http.ResponseWriter) { w.WriteHeader(504) },
		"drop": dropConnection,
	}
	for _, method := range []string{"GET", "HEAD", "PUT", "DELETE"} {
		for name, fault := range faults {
			t.Run(method+" "+name, func(t *testing.T) {
				env, n := countedAPI(t, method+" /x", func(w http.ResponseWriter, r *http.Request, nth int32) {
					want := call{Method: method, Path: "/x"}
					if method == "PUT" {
						want.JSON = `{"a":1}` // the body is sent whole on every attempt
					}
					want.verify(t, r)
					if nth < 3 {
						fault(t, w)
						return
					}
					w.WriteHeader(204)
				}, fastRetry)
				req := &request{method: method, path: "x"}
				if method == "PUT" {
					req.json = map[string]int{"a": 1}
				}
				resp, err := env.Client.api.call(context.Background(), req, nil)
				if err != nil {
					t.Fatalf("after two %s faults: %v", name, err)
				}
				if resp.StatusCode != 204 || n.Load() != 3 {
					t.Errorf("status %d after %d requests, want 204 after 3", resp.StatusCode, n.Load())
				}
			})
		}
	}
}

func TestRetriesGiveUpAfterMaxAttempts(t *testing.T) {
	env, n := countedAPI(t, "GET /x", func(w http.ResponseWriter, r *http.Request, nth int32) {
		writeJSON(w, 503, `{"message":"still down"}`)
	}, fastRetry)
	resp, err := env.Client.api.call(context.Background(), &request{method: "GET", path: "x"}, nil)
	if err == nil || resp == nil || resp.StatusCode != 503 || !strings.Contains(err.Error(), "still down") {
		t.Fatalf("resp = %v, err = %v", resp, err)
	}
	if n.Load() != 3 {
		t.Errorf("%d requests, want 3", n.Load())
	}
}

func TestNoRetryForPostAndPatch(t *testing.T) {
	for _, method := range []string{"POST", "PATCH"} {
		for _, fault := range []string{"503", "502", "504", "drop"} {
			t.Run(method+" "+fault, func(t *testing.T) {
				env, n := countedAPI(t, method+" /x", func(w http.ResponseWriter, r *http.Request, nth int32) {
					switch fault {
					case "drop":
						dropConnection(t, w)
					default:
						w.WriteHeader(map[string]int{"503": 503, "502": 502, "504": 504}[fault])
					}
				}, fastRetry)
				_, err := env.Client.api.call(context.Background(), &request{method: method, path: "x", json: map[string]string{"login": "a"}}, nil)
				if err == nil {
					t.Fatal("no error")
				}
				if n.Load() != 1 {
					t.Errorf("%s sent %d times, want exactly once", method, n.Load())
				}
			})
		}
	}
}

func TestStreamedBodyIsNotRetried(t *testing.T) {
	env, n := countedAPI(t, "PUT /upload", func(w http.ResponseWriter, r *http.Request, nth int32) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.WriteHeader(503)
	}, fastRetry)
	_, err := env.Client.api.call(context.Background(), &request{method: "PUT", path: "upload", multipart: func(mw *multipart.Writer) error {
		fw, err := mw.CreateFormFile("license", "enterprise.ghl")
		if err != nil {
			return err
		}
		_, err = io.WriteString(fw, "LICENSE DATA")
		return err
	}}, nil)
	if err == nil {
		t.Fatal("no error")
	}
	if n.Load() != 1 {
		t.Errorf("a streamed body was sent %d times", n.Load())
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	var first time.Time
	var gap time.Duration
	env, _ := countedAPI(t, "GET /x", func(w http.ResponseWriter, r *http.Request, nth int32) {
		if nth == 1 {
			first = time.Now()
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(503)
			return
		}
		gap = time.Since(first)
		w.WriteHeader(204)
	}, fastRetry)
	if _, err := env.Client.api.call(context.Background(), &request{method: "GET", path: "x"}, nil); err != nil {
		t.Fatal(err)
	}
	if gap < 900*time.Millisecond {
		t.Errorf("retried after %v, before the 1s Retry-After", gap)
	}
}

func TestSecondaryRateLimitWaits(t *testing.T) {
	t.Run("short Retry-After is waited out", func(t *testing.T) {
		env, n := countedAPI(t, "GET /x", func(w http.ResponseWriter, r *http.Request, nth int32) {
			if nth == 1 {
				w.Header().Set("Retry-After", "0")
				writeJSON(w, 403, `{"message":"You have exceeded a secondary rate limit."}`)
				return
			}
			w.WriteHeader(204)
		}, fastRetry)
		if _, err := env.Client.api.call(context.Background(), &request{method: "GET", path: "x"}, nil); err != nil {
			t.Fatal(err)
		}
		if n.Load() != 2 {
			t.Errorf("%d requests, want 2", n.Load())
		}
	})
	t.Run("long Retry-After is returned at once", func(t *testing.T) {
		env, n := countedAPI(t, "GET /x", func(w http.ResponseWriter, r *http.Request, nth int32) {
			w.Header().Set("Retry-After", "3600")
			writeJSON(w, 429, `{"message":"slow down"}`)
		}, fastRetry) // MaxWait 2s
		start := time.Now()
		_, err := env.Client.api.call(context.Background(), &request{method: "GET", path: "x"}, nil)
		var s *SecondaryRateLimitError
		if !errors.As(err, &s) || s.RetryAfter != time.Hour {
			t.Fatalf("err = %v", err)
		}
		if n.Load() != 1 || time.Since(start) > time.Second {
			t.Errorf("%d requests in %v, want 1 at once", n.Load(), time.Since(start))
		}
	})
	t.Run("primary limit with a far reset is returned at once", func(t *testing.T) {
		env, n := countedAPI(t, "GET /x", func(w http.ResponseWriter, r *http.Request, nth int32) {
			w.Header().Set("X-RateLimit-Remaining", "0")
			w.Header().Set("X-RateLimit-Reset", "4102444800")
			writeJSON(w, 403, `{"message":"API rate limit exceeded"}`)
		}, fastRetry)
		_, err := env.Client.api.call(context.Background(), &request{method: "GET", path: "x"}, nil)
		var rl *RateLimitError
		if !errors.As(err, &rl) || n.Load() != 1 {
			t.Fatalf("err = %v after %d requests", err, n.Load())
		}
	})
	t.Run("POST is not retried after a rate limit", func(t *testing.T) {
		env, n := countedAPI(t, "POST /x", func(w http.ResponseWriter, r *http.Request, nth int32) {
			w.Header().Set("Retry-After", "0")
			writeJSON(w, 403, `{"message":"You have exceeded a secondary rate limit."}`)
		}, fastRetry)
		_, err := env.Client.api.call(context.Background(), &request{method: "POST", path: "x"}, nil)
		if !errors.Is(err, ErrRateLimited) || n.Load() != 1 {
			t.Fatalf("err = %v after %d requests", err, n.Load())
		}
	})
}

func TestCancelEndsBackoffAtOnce(t *testing.T) {
	env, n := countedAPI(t, "GET /x", func(w http.ResponseWriter, r *http.Request, nth int32) {
		w.WriteHeader(503)
	}, WithRetry(RetryPolicy{MaxAttempts: 3, MinBackoff: time.Hour, MaxBackoff: time.Hour}))
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	_, err := env.Client.api.call(ctx, &request{method: "GET", path: "x"}, nil)
	requireCanceledWait(t, err, start, 2*time.Second, n)
}

// countedAPI is setup(t, opts...) with handle serving pattern on the API;
// handle is told which request it serves (1 for the first), and the
// returned counter counts them.
func countedAPI(t *testing.T, pattern string, handle func(w http.ResponseWriter, r *http.Request, nth int32), opts ...Option) (*testEnv, *atomic.Int32) {
	env := setup(t, opts...)
	n := new(atomic.Int32)
	env.API.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) { handle(w, r, n.Add(1)) })
	return env, n
}

// requireCanceledWait requires a wait that a cancel ended to have returned
// context.Canceled within limit of start, after one request (n counts
// them).
func requireCanceledWait(t *testing.T, err error, start time.Time, limit time.Duration, n *atomic.Int32) {
	t.Helper()
	require.ErrorIs(t, err, context.Canceled)
	if d := time.Since(start); d > limit {
		t.Errorf("the wait went on for %v after cancel", d)
	}
	require.Equal(t, int32(1), n.Load(), "requests")
}

func TestCancelEndsSlowRequest(t *testing.T) {
	env := setup(t, fastRetry)
	release := make(chan struct{})
	defer close(release)
	env.API.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := env.Client.api.call(ctx, &request{method: "GET", path: "slow"}, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Errorf("took %v", time.Since(start))
	}
}

func TestPerCallRetryOverride(t *testing.T) {
	env, n := countedAPI(t, "GET /x", func(w http.ResponseWriter, r *http.Request, nth int32) {
		w.WriteHeader(503)
	}, fastRetry)
	ctx, err := ContextWithRetryPolicy(context.Background(), RetryPolicy{MaxAttempts: 1})
	require.NoError(t, err)
	if _, err := env.Client.api.call(ctx, &request{method: "GET", path: "x"}, nil); err == nil {
		t.Fatal("no error")
	}
	if n.Load() != 1 {
		t.Errorf("%d requests with MaxAttempts 1", n.Load())
	}
	if _, err := ContextWithRetryPolicy(context.Background(), RetryPolicy{MaxAttempts: 99}); err == nil {
		t.Error("an invalid per-call policy was accepted")
	}
}

func TestBackoffBounds(t *testing.T) {
	p := RetryPolicy{MaxAttempts: 5, MinBackoff: 100 * time.Millisecond, MaxBackoff: 400 * time.Millisecond}.withDefaults()
	for attempt, max := range map[int]time.Duration{1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 3: 400 * time.Millisecond, 7: 400 * time.Millisecond} {
		for i := 0; i < 50; i++ {
			d := p.backoff(attempt)
			if d < max/2 || d > max {
				t.Fatalf("backoff(%d) = %v, want within [%v, %v]", attempt, d, max/2, max)
			}
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"0", 0, true},
		{"30", 30 * time.Second, true},
		{" 5 ", 5 * time.Second, true},
		{"-1", 0, false},
		{"", 0, false},
		{"soon", 0, false},
		{"Thu, 01 Jan 2026 00:01:00 GMT", time.Minute, true},
		{"Wed, 31 Dec 2025 23:00:00 GMT", 0, true},
		{"99999999999", 24 * time.Hour, true},
	}
	for _, tt := range tests {
		got, ok := parseRetryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
