package e2e_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

func fastRetryClient(t *testing.T, srv *ghestest.Server) *ghesadmin.Client {
	t.Helper()
	client, err := srv.Client(ghesadmin.WithRetry(ghesadmin.RetryPolicy{MinBackoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond, MaxWait: 2 * time.Second}))
	if err != nil {
		t.Fatalf("srv.Client: %v", err)
	}
	return client
}

func TestFaultsSecondaryRateLimit(t *testing.T) {
	onFakes(t, versions, nil, func(t *testing.T, c context.Context, srv *ghestest.Server, _ *ghesadmin.Client) {
		client := fastRetryClient(t, srv)
		const path = "/enterprise/settings/license"

		// A short Retry-After is waited out and the request sent again.
		must(t, "AddFault", srv.AddFault(ghestest.SecondaryRateLimitFault("GET", path, http.StatusForbidden, time.Second).Once()))
		begin := time.Now()
		lic, _, err := client.License.Get(c)
		must(t, "License.Get after a short secondary rate limit", err)
		if lic.Seats.Count != 100 {
			t.Errorf("License.Get: %+v", lic)
		}
		if n := srv.RequestCount("GET", path); n != 2 {
			t.Errorf("%d requests, want 2", n)
		}
		if waited := time.Since(begin); waited < 900*time.Millisecond {
			t.Errorf("the client waited %v, less than the 1s Retry-After", waited)
		}

		// A long one is returned at once, typed.
		srv.ResetRequestCounts()
		must(t, "AddFault", srv.AddFault(ghestest.SecondaryRateLimitFault("GET", path, http.StatusTooManyRequests, time.Minute).Once()))
		begin = time.Now()
		_, resp, err := client.License.Get(c)
		var sre *ghesadmin.SecondaryRateLimitError
		if !errors.As(err, &sre) {
			t.Fatalf("License.Get under a long secondary rate limit: %v (%T), want *SecondaryRateLimitError", err, err)
		}
		if sre.RetryAfter != time.Minute || !errors.Is(err, ghesadmin.ErrRateLimited) || sre.StatusCode() != http.StatusTooManyRequests {
			t.Errorf("SecondaryRateLimitError: RetryAfter %v, status %d", sre.RetryAfter, sre.StatusCode())
		}
		if resp == nil || resp.StatusCode != http.StatusTooManyRequests {
			t.Errorf("the response is not returned with the error: %v", resp)
		}
		if n := srv.RequestCount("GET", path); n != 1 {
			t.Errorf("%d requests, want 1", n)
		}
		if waited := time.Since(begin); waited > 500*time.Millisecond {
			t.Errorf("the client waited %v before returning", waited)
		}
		// The fault was used once: the next call succeeds.
		_, _, err = client.License.Get(c)
		must(t, "License.Get after the fault", err)
	})
}

func TestFaultsPostNotRetried(t *testing.T) {
	onFakes(t, versions, nil, func(t *testing.T, c context.Context, srv *ghestest.Server, _ *ghesadmin.Client) {
		client := fastRetryClient(t, srv)

		must(t, "AddFault", srv.AddFault(ghestest.StatusFault("POST", "/admin/users", http.StatusServiceUnavailable, "Service Unavailable").N(3)))
		_, resp, err := client.Users.Create(c, ghesadmin.CreateUserRequest{Login: "octocat", Email: ghesadmin.Ptr("octocat@example.com")})
		var er *ghesadmin.ErrorResponse
		if !errors.As(err, &er) || er.StatusCode() != http.StatusServiceUnavailable || er.Message != "Service Unavailable" {
			t.Fatalf("Create under a 503 burst: %v (%T), want an *ErrorResponse 503", err, err)
		}
		if resp == nil || resp.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("the response is not returned with the error")
		}
		if n := srv.RequestCount("POST", "/admin/users"); n != 1 {
			t.Fatalf("POST sent %d times, want once", n)
		}
		if _, ok := srv.User("octocat"); ok {
			t.Fatal("the refused POST created the user")
		}

		// A GET in the same burst is retried through it.
		srv.ClearFaults()
		must(t, "AddFault", srv.AddFault(ghestest.StatusFault("GET", "/enterprise/stats/users", http.StatusServiceUnavailable, "Service Unavailable").N(2)))
		st, _, err := client.Stats.Users(c)
		must(t, "Stats.Users through two 503s", err)
		if st.TotalUsers != 1 || srv.RequestCount("GET", "/enterprise/stats/users") != 3 {
			t.Errorf("Stats.Users: %+v after %d requests, want 1 user after 3", st, srv.RequestCount("GET", "/enterprise/stats/users"))
		}

		// Once the burst is over, the same Create succeeds: the first
		// one really did nothing.
		u, _, err := client.Users.Create(c, ghesadmin.CreateUserRequest{Login: "octocat", Email: ghesadmin.Ptr("octocat@example.com")})
		must(t, "Create after the burst", err)
		if u.Login != "octocat" {
			t.Errorf("Create: %+v", u)
		}
	})
}

func TestFaultsDroppedConnection(t *testing.T) {
	onFakes(t, versions, nil, func(t *testing.T, c context.Context, srv *ghestest.Server, _ *ghesadmin.Client) {
		client := fastRetryClient(t, srv)
		_, _, err := client.AdminHooks.Create(c, ghesadmin.CreateGlobalHookRequest{Config: ghesadmin.GlobalHookConfigRequest{URL: "https://hooks.example.com/a"}})
		must(t, "Create", err)

		must(t, "AddFault", srv.AddFault(ghestest.DropFault("GET", "/admin/hooks").Once()))
		srv.ResetRequestCounts()
		hooks, _, err := client.AdminHooks.List(c, nil)
		must(t, "List after a dropped connection", err)
		if len(hooks) != 1 || hooks[0].Config.URL != "https://hooks.example.com/a" {
			t.Errorf("List: %+v", hooks)
		}
		if n := srv.RequestCount("GET", "/admin/hooks"); n != 2 {
			t.Errorf("%d requests, want 2 (dropped, then retried)", n)
		}

		// A dropped POST is not sent again.
		must(t, "AddFault", srv.AddFault(ghestest.DropFault("POST", "/admin/hooks").Once()))
		_, _, err = client.AdminHooks.Create(c, ghesadmin.CreateGlobalHookRequest{Config: ghesadmin.GlobalHookConfigRequest{URL: "https://hooks.example.com/b"}})
		if err == nil {
			t.Fatal("Create over a dropped connection succeeded")
		}
		if n := srv.RequestCount("POST", "/admin/hooks"); n != 1 {
			t.Errorf("dropped POST sent %d times, want once", n)
		}
	})
}
