package ghestest

import (
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"
)

func TestFaults(t *testing.T) {
	s := New(t, WithFaults(StatusFault("GET", "/admin/hooks", http.StatusBadGateway, "upstream down").Once()))
	r := api(t, s, "GET", "/admin/hooks", "")
	wantStatus(t, r, http.StatusBadGateway)
	if r.obj(t)["message"] != "upstream down" || r.header.Get("X-GitHub-Enterprise-Version") == "" {
		t.Errorf("fault reply %s %v", r.body, r.header)
	}
	wantStatus(t, api(t, s, "GET", "/admin/hooks", ""), http.StatusOK)
	if n := s.RequestCount("GET", "/admin/hooks"); n != 2 {
		t.Errorf("RequestCount = %d", n)
	}
	if n := s.RequestCount("GET", "/api/v3/admin/hooks"); n != 2 {
		t.Errorf("RequestCount with prefix = %d", n)
	}

	// Path patterns and N.
	if err := s.AddFault(StatusFault("", "/admin/hooks/*", http.StatusServiceUnavailable, "busy").N(2)); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, api(t, s, "GET", "/admin/hooks/1", ""), http.StatusServiceUnavailable)
	wantStatus(t, api(t, s, "DELETE", "/admin/hooks/1", ""), http.StatusServiceUnavailable)
	wantStatus(t, api(t, s, "GET", "/admin/hooks/1", ""), http.StatusNotFound)

	// Primary rate limit.
	reset := time.Unix(2000000000, 0)
	_ = s.AddFault(PrimaryRateLimitFault("GET", "/enterprise/stats/*", reset).Once())
	r = api(t, s, "GET", "/enterprise/stats/all", "")
	wantStatus(t, r, http.StatusForbidden)
	if r.header.Get("X-RateLimit-Remaining") != "0" || r.header.Get("X-RateLimit-Reset") != "2000000000" {
		t.Errorf("primary headers %v", r.header)
	}
	// Secondary rate limit.
	_ = s.AddFault(SecondaryRateLimitFault("POST", "/admin/users", http.StatusTooManyRequests, 1500*time.Millisecond).Once())
	r = api(t, s, "POST", "/admin/users", `{"login":"x"}`)
	wantStatus(t, r, http.StatusTooManyRequests)
	if r.header.Get("Retry-After") != "2" {
		t.Errorf("Retry-After %q", r.header.Get("Retry-After"))
	}
	if n := s.RequestCount("POST", "/admin/users"); n != 1 {
		t.Errorf("POST count %d", n)
	}
	// The console too.
	_ = s.AddFault(StatusFault("GET", "/setup/api/*", http.StatusInternalServerError, "boom").Once())
	wantStatus(t, console(t, s, "GET", "/setup/api/maintenance", "", ""), http.StatusInternalServerError)
	if n := s.RequestCount("GET", "/setup/api/maintenance"); n != 1 {
		t.Errorf("console count %d", n)
	}
	s.ClearFaults()
	s.ResetRequestCounts()
	wantStatus(t, console(t, s, "GET", "/setup/api/maintenance", "", ""), http.StatusOK)
	if n := s.RequestCount("GET", "/setup/api/maintenance"); n != 1 {
		t.Errorf("count after reset %d", n)
	}
	if err := s.AddFault(Fault{Times: -1}); err == nil {
		t.Error("a negative Times was accepted")
	}
	if err := s.AddFault(Fault{Path: "["}); err == nil {
		t.Error("a bad pattern was accepted")
	}
}

func TestDropAndDelayFaults(t *testing.T) {
	s := New(t)
	_ = s.AddFault(DropFault("GET", "/meta").Once())
	resp, err := http.Get(s.APIURL() + "meta")
	if err == nil {
		resp.Body.Close()
		t.Fatal("a dropped connection gave a reply")
	}
	wantStatus(t, api(t, s, "GET", "/meta", ""), http.StatusOK)

	_ = s.AddFault(DelayFault("GET", "/meta", 60*time.Millisecond).Once())
	start := time.Now()
	wantStatus(t, api(t, s, "GET", "/meta", ""), http.StatusOK)
	if d := time.Since(start); d < 60*time.Millisecond {
		t.Errorf("delay fault took %v", d)
	}
	if n := s.RequestCount("GET", "/meta"); n != 3 {
		t.Errorf("count %d", n)
	}
}

func TestConcurrentRequests(t *testing.T) {
	s := New(t)
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r := do(t, req{method: "POST", url: s.APIURL() + "admin/users", token: s.Token(), body: `{"login":"u` + strconv.Itoa(i) + `"}`})
			if r.status != http.StatusCreated {
				t.Errorf("status %d", r.status)
			}
			_ = s.RequestCount("POST", "/admin/users")
		}(i)
	}
	wg.Wait()
	if n := s.RequestCount("POST", "/admin/users"); n != 20 {
		t.Errorf("count %d", n)
	}
	if u := api(t, s, "GET", "/enterprise/stats/users", "").obj(t)["total_users"]; u != 21.0 {
		t.Errorf("total_users %v", u)
	}
}
