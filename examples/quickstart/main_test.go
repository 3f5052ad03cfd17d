package main

import (
	"strings"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin/examples/internal/exampletest"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

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
			out := exampletest.RunOnFake(t, tc.version, run, tc.args...)
			exampletest.Contains(t, out, append([]string{
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
			exampletest.AsReal(t, srv, true)
			out := exampletest.MustRun(t, run)
			exampletest.Contains(t, out,
				"GHES "+tc.version+" at "+srv.APIURL(),
				" seats used of 50, expires ",
				"Stats: 1 users (1 admins, 0 suspended)",
				"Global webhooks:\n  none\n",
				"Pre-receive environments:\n  #",
				" Default (0 hooks)",
				tc.maintenance,
			)
			if strings.Contains(out, "Using a fake") {
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
		exampletest.AsReal(t, srv, false)
		out := exampletest.MustRun(t, run)
		exampletest.Contains(t, out, "Set GHES_CONSOLE_PASSWORD to read the maintenance status too.")
	})
}

func TestHalfConfigured(t *testing.T) {
	exampletest.NoGHES(t)
	t.Setenv("GHES_URL", "https://ghe.example.com")
	_, err := exampletest.Run(t, run)
	if err == nil || !strings.Contains(err.Error(), "set both GHES_URL and GHES_TOKEN") {
		t.Errorf("run with GHES_URL only: err = %v", err)
	}
}

func TestBadVersion(t *testing.T) {
	exampletest.NoGHES(t)
	if _, err := exampletest.Run(t, run, "-version", "latest"); err == nil {
		t.Error("run -version latest succeeded, want an error")
	}
}
