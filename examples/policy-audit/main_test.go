package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin/ghestest"
)

func runReport(t *testing.T, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var out strings.Builder
	err := run(ctx, &out, args)
	return out.String(), err
}

func TestReportOnTheFake(t *testing.T) {
	t.Setenv("GHES_URL", "")
	t.Setenv("GHES_TOKEN", "")
	out, err := runReport(t)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	for _, want := range []string{
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
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestOneVariableIsRefused(t *testing.T) {
	t.Setenv("GHES_URL", "https://ghe.example.com")
	t.Setenv("GHES_TOKEN", "")
	if _, err := runReport(t); err == nil || !strings.Contains(err.Error(), "set both") {
		t.Errorf("run: %v", err)
	}
	t.Setenv("GHES_TOKEN", "ghp_x")
	if _, err := runReport(t); err == nil || !strings.Contains(err.Error(), "-enterprise") {
		t.Errorf("run without -enterprise: %v", err)
	}
}

func TestReportOnAnOlderRelease(t *testing.T) {
	srv := ghestest.New(t, ghestest.WithVersion("3.14.0"))
	client, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var out strings.Builder
	if err := report(ctx, &out, client, srv.Enterprise()); err != nil {
		t.Fatalf("report: %v\n%s", err, out.String())
	}
	for _, want := range []string{
		"Announcement   banner                      none",
		"Actions        enabled organizations       all",
		"Actions        artifact and log retention  not on this release",
		"Actions        self-hosted runners         not on this release",
		"Actions cache  size policy                 10 GB per repository (at most 25 GB)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}
