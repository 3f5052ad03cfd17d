package main

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin/examples/internal/exampletest"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

func TestRunOnTheFake(t *testing.T) {
	exampletest.NoGHES(t)
	for _, tc := range []struct{ version, api string }{
		{"2.22.6", "Using the Management Console API"},
		{"3.10.0", "Using the Management Console API"},
		{"3.12.0", "Using the Manage GHES API"},
		{"3.14.0", "Using the Manage GHES API"},
		{"3.22.0", "Using the Manage GHES API"},
	} {
		t.Run(tc.version, func(t *testing.T) {
			out := exampletest.RunOnFake(t, tc.version, run, "-version", tc.version, "-poll", "1ms")
			exampletest.Contains(t, out, tc.api, "waiting until it is on", "maintenance on", "Set private_mode=true", "succeeded", "Maintenance off")
		})
	}
}

// steppingClock advances by step at every reading, so a scheduled window
// starts after a few polls without the test sleeping.
func steppingClock(start time.Time, step time.Duration) func() time.Time {
	var mu sync.Mutex
	now := start
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(step)
		return now
	}
}

// TestScheduledWindowState checks the server's state: the window waits for
// the scheduled start, the setting is applied, and maintenance ends.
func TestScheduledWindowState(t *testing.T) {
	start := time.Date(2026, 1, 22, 12, 0, 0, 0, time.UTC)
	for _, version := range []string{"2.22.6", "3.14.0"} {
		t.Run(version, func(t *testing.T) {
			srv := ghestest.New(t, ghestest.WithVersion(version), ghestest.WithClock(steppingClock(start, time.Minute)))
			client, err := srv.Client()
			if err != nil {
				t.Fatal(err)
			}
			ctx := exampletest.Ctx(t)
			var out strings.Builder
			w := window{At: start.Add(10 * time.Minute), PrivateMode: true, Message: "m", Poll: time.Millisecond}
			if err := maintain(ctx, &out, client, w); err != nil {
				t.Fatalf("maintain: %v\n%s", err, out.String())
			}
			if !strings.Contains(out.String(), "2026-01-22T12:10:00Z") {
				t.Errorf("output:\n%s", out.String())
			}
			var private *bool
			if version == "2.22.6" {
				s, _, err := client.ManagementConsole.Settings(ctx)
				if err != nil {
					t.Fatal(err)
				}
				private = s.Enterprise.PrivateMode
				st, _, err := client.ManagementConsole.MaintenanceStatus(ctx)
				if err != nil || st.Status != "off" {
					t.Errorf("maintenance after the window: %+v %v", st, err)
				}
			} else {
				s, _, err := client.Manage.Settings(ctx)
				if err != nil {
					t.Fatal(err)
				}
				private = s.PrivateMode
				nodes, _, err := client.Manage.MaintenanceStatus(ctx, nil)
				if err != nil || len(nodes) == 0 || nodes[0].Status != "off" {
					t.Errorf("maintenance after the window: %+v %v", nodes, err)
				}
			}
			if private == nil || !*private {
				t.Errorf("private_mode = %v", private)
			}
			// The status was read more than once: it waited for the start.
			path := "/setup/api/maintenance"
			if version != "2.22.6" {
				path = "/manage/v1/maintenance"
			}
			if n := srv.RequestCount("GET", path); n < 2 {
				t.Errorf("GET %s read %d times; the window did not wait for its start", path, n)
			}
		})
	}
}

func TestRealGHESNeedsTheConsolePassword(t *testing.T) {
	srv := ghestest.New(t)
	exampletest.AsReal(t, srv, false)
	if err := run(exampletest.Ctx(t), &strings.Builder{}, nil); err == nil || !strings.Contains(err.Error(), "GHES_CONSOLE_PASSWORD") {
		t.Errorf("err = %v", err)
	}
	// With GHES_CONSOLE_URL and the password, it runs against "a real one".
	exampletest.AsReal(t, srv, true)
	out := exampletest.MustRun(t, run, "-poll", "1ms", "-private-mode=false")
	if strings.Contains(out, "Using a fake") || !strings.Contains(out, "Set private_mode=false") {
		t.Errorf("output:\n%s", out)
	}
	if _, err := exampletest.Run(t, run, "-at", "tomorrow"); err == nil {
		t.Error("a non-RFC 3339 -at was accepted")
	}
}

// TestNoRawRequests: the example uses the SDK's methods only.
func TestNoRawRequests(t *testing.T) { exampletest.NoRawRequests(t) }
