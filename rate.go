package ghesadmin

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// This file reads what a reply's headers say about waiting: the rate limit
// and Retry-After. It is beneath both errors.go (which classifies a reply)
// and retry.go (which acts on the classification), and imports neither.

// Rate is the rate limit status of the token.
type Rate struct {
	Limit     int       `json:"limit"`
	Remaining int       `json:"remaining"`
	Used      int       `json:"used"`
	Reset     time.Time `json:"reset"`
	Resource  string    `json:"resource,omitempty"`
}

// parseRate reads the X-RateLimit-* headers; a missing or malformed value
// stays zero. Header names are written in their canonical form
// (http.CanonicalHeaderKey), which h.Get then uses as it is.
func parseRate(h http.Header) Rate {
	var r Rate
	r.Limit = headerInt(h, "X-Ratelimit-Limit")
	r.Remaining = headerInt(h, "X-Ratelimit-Remaining")
	r.Used = headerInt(h, "X-Ratelimit-Used")
	if v := h.Get("X-Ratelimit-Reset"); v != "" {
		if sec, err := strconv.ParseInt(v, 10, 64); err == nil {
			r.Reset = time.Unix(sec, 0)
		}
	}
	r.Resource = h.Get("X-Ratelimit-Resource")
	return r
}

// headerInt reads an integer header, 0 when it is missing or malformed. A
// missing one is not parsed: GHES with rate limiting off sends none of the
// X-RateLimit-* headers, and strconv's error for "" is an allocation.
func headerInt(h http.Header, key string) int {
	v := h.Get(key)
	if v == "" {
		return 0
	}
	n, _ := strconv.Atoi(v)
	return n
}

// parseRetryAfter reads a Retry-After header: seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if sec, err := strconv.ParseInt(v, 10, 64); err == nil {
		if sec < 0 {
			return 0, false
		}
		if sec > int64(24*time.Hour/time.Second) {
			sec = int64(24 * time.Hour / time.Second)
		}
		return time.Duration(sec) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		d := t.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

// retryAdvice is what an error reply says about another attempt; errors.go
// sets it on every *ErrorResponse and retry.go decides on it alone.
type retryAdvice struct {
	kind retryKind
	// wait is the server's wait (retryAfterWait), or the Retry-After of a
	// transient reply when it sent one (retryTransient, hasWait).
	wait    time.Duration
	hasWait bool
}

type retryKind uint8

const (
	retryNever     retryKind = iota // the reply is final
	retryTransient                  // a 502/503/504: back off, or wait out its Retry-After
	retryAfterWait                  // a rate limit: wait exactly wait
)
