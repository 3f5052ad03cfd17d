package ghestest

import (
	"errors"
	"fmt"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

// A Fault changes the answer to matching requests. A request matches when
// its method equals Method ("" matches any) and its escaped path matches
// Path, a path.Match pattern ("" matches any; "*" matches one segment). For
// the REST API the path is taken without the "/api/v3" prefix
// ("/admin/hooks/*"); for the administration port as sent
// ("/setup/api/*").
//
// Of the matching faults the first added that has uses left applies. It
// first waits Delay (the wait ends early if the client goes away); then, if
// Drop is set, it closes the connection without an answer; else, if Status
// is set, it answers Status with Header and Body; else the request is
// served normally after the delay.
type Fault struct {
	Method string
	Path   string
	// Times limits the fault to the first Times matching requests; 0 means
	// every matching request.
	Times  int
	Status int
	Header http.Header
	Body   string
	Delay  time.Duration
	Drop   bool
}

type faultRec struct {
	Fault
	used int
}

func (f Fault) validate() error {
	if f.Times < 0 {
		return errors.New("ghestest: Fault.Times is negative")
	}
	if f.Status != 0 && (f.Status < 100 || f.Status > 999) {
		return fmt.Errorf("ghestest: Fault.Status %d is not an HTTP status", f.Status)
	}
	if f.Delay < 0 {
		return errors.New("ghestest: Fault.Delay is negative")
	}
	if f.Path != "" {
		if _, err := path.Match(f.Path, "/"); err != nil {
			return fmt.Errorf("ghestest: Fault.Path: %w", err)
		}
	}
	return nil
}

// StatusFault answers matching requests with status and a JSON body
// {"message": message}.
func StatusFault(method, pathPattern string, status int, message string) Fault {
	return Fault{Method: method, Path: pathPattern, Status: status,
		Header: http.Header{"Content-Type": {"application/json; charset=utf-8"}},
		Body:   fmt.Sprintf(`{"message":%s}`, strconv.Quote(message))}
}

// DelayFault delays matching requests by d, then serves them normally.
func DelayFault(method, pathPattern string, d time.Duration) Fault {
	return Fault{Method: method, Path: pathPattern, Delay: d}
}

// DropFault closes the connection of matching requests without answering.
func DropFault(method, pathPattern string) Fault {
	return Fault{Method: method, Path: pathPattern, Drop: true}
}

// PrimaryRateLimitFault answers matching requests 403 with
// X-RateLimit-Remaining: 0 and X-RateLimit-Reset at reset, as GHES does
// when the primary rate limit is used up.
func PrimaryRateLimitFault(method, pathPattern string, reset time.Time) Fault {
	return Fault{Method: method, Path: pathPattern, Status: http.StatusForbidden,
		Header: http.Header{
			"Content-Type":          {"application/json; charset=utf-8"},
			"X-Ratelimit-Limit":     {"5000"},
			"X-Ratelimit-Remaining": {"0"},
			"X-Ratelimit-Used":      {"5000"},
			"X-Ratelimit-Reset":     {strconv.FormatInt(reset.Unix(), 10)},
			"X-Ratelimit-Resource":  {"core"},
		},
		Body: `{"message":"API rate limit exceeded for user ID 1.","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}`}
}

// SecondaryRateLimitFault answers matching requests with status (403 or
// 429) and Retry-After: retryAfter (whole seconds), as a secondary rate
// limit does.
func SecondaryRateLimitFault(method, pathPattern string, status int, retryAfter time.Duration) Fault {
	secs := int64((retryAfter + time.Second - 1) / time.Second)
	return Fault{Method: method, Path: pathPattern, Status: status,
		Header: http.Header{
			"Content-Type": {"application/json; charset=utf-8"},
			"Retry-After":  {strconv.FormatInt(secs, 10)},
		},
		Body: `{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#secondary-rate-limits"}`}
}

// Once returns a copy of f limited to the first matching request.
func (f Fault) Once() Fault { f.Times = 1; return f }

// N returns a copy of f limited to the first n matching requests.
func (f Fault) N(n int) Fault { f.Times = n; return f }

// AddFault installs a fault at run time (see Fault). It returns an error
// for an invalid fault.
func (s *Server) AddFault(f Fault) error {
	if err := f.validate(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &faultRec{Fault: f})
	return nil
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// matchFault finds the fault for a request and uses it up; s.mu is held.
func (s *Server) matchFault(method, p string) *Fault {
	for _, f := range s.faults {
		if f.Method != "" && !strings.EqualFold(f.Method, method) {
			continue
		}
		if f.Path != "" {
			if ok, _ := path.Match(f.Path, p); !ok {
				continue
			}
		}
		if f.Times > 0 && f.used >= f.Times {
			continue
		}
		f.used++
		cp := f.Fault
		return &cp
	}
	return nil
}

// applyFault reports whether it answered the request.
func (s *Server) applyFault(w http.ResponseWriter, r *http.Request, f *Fault) bool {
	if f.Delay > 0 {
		t := time.NewTimer(f.Delay)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return true
		}
	}
	if f.Drop {
		hj, ok := w.(http.Hijacker)
		if !ok {
			panicFreeAbort(w)
			return true
		}
		conn, _, err := hj.Hijack()
		if err == nil {
			_ = conn.Close()
		}
		return true
	}
	if f.Status == 0 {
		return false
	}
	for k, vs := range f.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	w.WriteHeader(f.Status)
	_, _ = w.Write([]byte(f.Body))
	return true
}

// panicFreeAbort is used when hijacking is impossible: it answers 502 so
// the client still sees a failure.
func panicFreeAbort(w http.ResponseWriter) {
	w.WriteHeader(http.StatusBadGateway)
}
