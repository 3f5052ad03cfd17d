package main

import (
	"strings"
	"testing"

	"github.com/ghesadmin/ghesadmin/examples/internal/exampletest"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

func TestReportOnTheFake(t *testing.T) {
	out := exampletest.RunOnFake(t, "3.19.0", run)
	exampletest.Contains(t, out,
		"AREA           SETTING                     VALUE",
		`Announcement   banner                      "Maintenance tonight at 22:00 UTC" (expires `,
		"Actions        enabled organizations       selected",
		"Actions        selected organizations      platform, payments",
		"Actions        allowed actions             selected",
		"Actions        GitHub-owned actions        allowed",
		"Actions        allowed patterns            docker/*, hashicorp/setup-terraform@*",
		"Actions        workflow token              read (may approve pull requests: false)",
		"Actions        artifact and log retention  30 days (at most 400)",
		"Actions        self-hosted runners         allowed",
		"Actions cache  usage                       42 caches, 7.0 GB",
		"Actions cache  size policy                 10 GB per repository (at most 25 GB)",
		"Alerts         open code scanning          2 (critical 1, high 1)",
		"Alerts         open Dependabot             2 (critical 1, high 1)",
		"Alerts         open secret scanning        1",
	)
}

func TestOneVariableIsRefused(t *testing.T) {
	exampletest.NoGHES(t)
	t.Setenv("GHES_URL", "https://ghe.example.com")
	if _, err := exampletest.Run(t, run); err == nil || !strings.Contains(err.Error(), "set both") {
		t.Errorf("run: %v", err)
	}
	t.Setenv("GHES_TOKEN", "ghp_x")
	if _, err := exampletest.Run(t, run); err == nil || !strings.Contains(err.Error(), "-enterprise") {
		t.Errorf("run without -enterprise: %v", err)
	}
}

func TestReportOnAnOlderRelease(t *testing.T) {
	srv, client := exampletest.Fake(t, func() (*ghestest.Server, error) { return ghestest.NewServer(ghestest.WithVersion("3.14.0")) })
	var out strings.Builder
	if err := report(exampletest.Ctx(t), &out, client, srv.Enterprise()); err != nil {
		t.Fatalf("report: %v\n%s", err, out.String())
	}
	exampletest.Contains(t, out.String(),
		"Announcement   banner                      none",
		"Actions        enabled organizations       all",
		"Actions        artifact and log retention  not on this release",
		"Actions        self-hosted runners         not on this release",
		"Actions cache  size policy                 10 GB per repository (at most 25 GB)",
	)
}
