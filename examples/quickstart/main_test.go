package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin/ghestest"
)

// runQuickstart runs the program with args and returns what it printed.
func runQuickstart(t *testing.T, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var out strings.Builder
	err := run(ctx, &out, args)
	return out.String(), err
}

// noGHES makes run use the fake whatever the developer's environment says.
func noGHES(t *testing.T) {
	for _, k := range []string{"GHES_URL", "GHES_TOKEN", "GHES_CONSOLE_URL", "GHES_CONSOLE_PASSWORD"} {
		t.Setenv(k, "")
	}
}

func assertLines(t *testing.T, out string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("the output lacks %q:\n%s", w, out)
		}
	}
}

func TestWorkflowOnTheFake(t *testing.T) {
	for _, tc := range []struct {
		args        []string
		version     string
		maintenance []string
	}{
		{nil, "3.14.0", []string{
			"GHES 3.14.0 serves the ManagementConsole+Manage+ManageMaintenance+ManageConfig administration API",
			"Maintenance (Manage API, /manage/v1)",
			`ghestest-primary: on ("Back in ten minutes.")`,
			"ghestest-primary: off",
		}},
		{[]string{"-version", "3.22.0"}, "3.22.0", []string{
			"GHES 3.22.0 serves the Manage+ManageMaintenance+ManageConfig+ManageUpgrade administration API",
			"Maintenance (Manage API, /manage/v1)",
		}},
		{[]string{"-version", "2.22.6"}, "2.22.6", []string{
			"GHES 2.22.6 serves the ManagementConsole administration API",
			"Maintenance (Management Console, /setup/api)",
			"  maintenance on since ",
			"  maintenance off",
		}},
	} {
		t.Run(tc.version, func(t *testing.T) {
			noGHES(t)
			out, err := runQuickstart(t, tc.args...)
			if err != nil {
				t.Fatalf("run: %v\n%s", err, out)
			}
			assertLines(t, out, append([]string{
				"Started a fake GHES " + tc.version + " at http://127.0.0.1:",
				"  promoted hubot-ci to site administrator",
				`  suspended octo-contractor: "Contract ended"`,
				"  #10  alice-laptop-1 ",
				"  #17  octo-contractor-laptop-8 ",
				"  8 keys on 3 pages",
				`downloaded: success`,
				`hook "reject-large-files" (id `,
				`): enabled everywhere`,
				`  hook "reject-large-files": testing in organization acme`,
				`  runner group "linux-builders" (id `,
				`) visible to: platform`,
			}, tc.maintenance...)...)
			if n := strings.Count(out, "\n"); n > 60 {
				t.Errorf("the workflow printed %d lines, want a few dozen", n)
			}
		})
	}
}

func TestTourOfAnInstance(t *testing.T) {
	for _, tc := range []struct{ version, maintenance string }{
		{"3.22.0", "Maintenance on ghestest-primary: off"},
		{"2.22.6", "Maintenance: off"},
	} {
		t.Run(tc.version, func(t *testing.T) {
			// The fake stands in for a real instance, reached through the
			// environment like one.
			srv := ghestest.New(t, ghestest.WithVersion(tc.version), ghestest.WithLicense(50, time.Now().AddDate(0, 6, 0)))
			t.Setenv("GHES_URL", srv.URL())
			t.Setenv("GHES_TOKEN", srv.Token())
			t.Setenv("GHES_CONSOLE_URL", srv.ConsoleURL())
			t.Setenv("GHES_CONSOLE_PASSWORD", srv.ConsolePassword())

			out, err := runQuickstart(t)
			if err != nil {
				t.Fatalf("run: %v\n%s", err, out)
			}
			assertLines(t, out,
				"GHES "+tc.version+" at "+srv.APIURL(),
				" seats used of 50, expires ",
				"Stats: 1 users (1 admins, 0 suspended)",
				"Global webhooks:\n  none\n",
				"Pre-receive environments:\n  #",
				" Default (0 hooks)",
				tc.maintenance,
			)
			if strings.Contains(out, "Started a fake") {
				t.Error("the tour started a fake although GHES_URL was set")
			}
			// Read-only: nothing but GETs.
			if srv.RequestCount("POST", "/manage/v1/maintenance") != 0 || srv.RequestCount("POST", "/setup/api/maintenance") != 0 {
				t.Error("the tour changed maintenance mode")
			}
		})
	}

	t.Run("without a console password", func(t *testing.T) {
		srv := ghestest.New(t)
		noGHES(t)
		t.Setenv("GHES_URL", srv.URL())
		t.Setenv("GHES_TOKEN", srv.Token())
		out, err := runQuickstart(t)
		if err != nil {
			t.Fatalf("run: %v\n%s", err, out)
		}
		assertLines(t, out, "Set GHES_CONSOLE_PASSWORD to read the maintenance status too.")
	})
}

func TestHalfConfigured(t *testing.T) {
	noGHES(t)
	t.Setenv("GHES_URL", "https://ghe.example.com")
	_, err := runQuickstart(t)
	if err == nil || !strings.Contains(err.Error(), "set both GHES_URL and GHES_TOKEN") {
		t.Errorf("run with GHES_URL only: err = %v", err)
	}
}

func TestBadVersion(t *testing.T) {
	noGHES(t)
	if _, err := runQuickstart(t, "-version", "latest"); err == nil {
		t.Error("run -version latest succeeded, want an error")
	}
}
