// Command policy-audit reads an enterprise's policies and prints a report,
// one aligned table of settings: the announcement banner, the GitHub
// Actions policy (organizations, allowed actions, workflow token, artifact
// and log retention, fork pull requests, self-hosted runners), the Actions
// cache, and the enterprise's open code scanning, Dependabot and secret
// scanning alerts by severity (walking every cursor page). A setting the
// server's release lacks reads "not on this release".
//
//	go run ./examples/policy-audit                     # on a fake GHES
//	GHES_URL=https://ghe.example.com GHES_TOKEN=... go run ./examples/policy-audit -enterprise my-enterprise
//
// With GHES_URL and GHES_TOKEN (a site administrator's token) set, it reads
// that instance; it changes nothing. Without them it starts ghestest, the
// SDK's in-memory fake, and first sets a sample policy on it.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/examples/internal/exampleenv"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

func main() { exampleenv.Main("policy-audit", run) }

func run(ctx context.Context, out io.Writer, args []string) error {
	fs := exampleenv.Flags("policy-audit", out)
	enterprise := fs.String("enterprise", "", "the enterprise's slug (required on a real GHES)")
	return exampleenv.Run(fs, args, exampleenv.Options{Fake: func() (*ghestest.Server, error) { return startFake(ctx) }}, func(ghes *exampleenv.Target) error {
		ent, err := ghes.Required("enterprise", *enterprise, ghestest.DefaultEnterprise)
		if err != nil {
			return err
		}
		if ghes.Fake != nil {
			fmt.Fprintln(out)
		}
		return report(ctx, out, ghes.Client, ent)
	})
}

// startFake starts a fake GHES with organizations, repositories and alerts,
// and sets a sample policy on it.
func startFake(ctx context.Context) (*ghestest.Server, error) {
	srv, err := ghestest.NewServer(ghestest.WithVersion("3.19.0"),
		ghestest.WithOrgs(ghestest.Org{Login: "platform"}, ghestest.Org{Login: "payments"}, ghestest.Org{Login: "sandbox"}),
		ghestest.WithRepos(ghestest.Repo{Owner: "platform", Name: "api"}, ghestest.Repo{Owner: "payments", Name: "ledger"}),
		ghestest.WithCodeScanningAlerts(
			ghestest.CodeScanningAlert{Repo: "platform/api", Severity: "critical"},
			ghestest.CodeScanningAlert{Repo: "payments/ledger", Severity: "high"},
			ghestest.CodeScanningAlert{Repo: "payments/ledger", Severity: "critical", State: "dismissed"}),
		ghestest.WithDependabotAlerts(
			ghestest.DependabotAlert{Repo: "platform/api", Severity: "critical", Package: "lodash"},
			ghestest.DependabotAlert{Repo: "payments/ledger", Severity: "high", Ecosystem: "go", Package: "golang.org/x/net"},
			ghestest.DependabotAlert{Repo: "payments/ledger", Severity: "medium", State: "fixed"}),
		ghestest.WithSecretScanningAlerts(
			ghestest.SecretScanningAlert{Repo: "payments/ledger"},
			ghestest.SecretScanningAlert{Repo: "platform/api", State: "resolved", Resolution: "revoked"}))
	if err != nil {
		return nil, err
	}
	client, err := srv.Client()
	if err == nil {
		err = samplePolicy(ctx, client, srv)
	}
	if err != nil {
		srv.Close()
		return nil, err
	}
	return srv, nil
}

// samplePolicy sets, on the fake, the policy of an enterprise that limits
// Actions to two organizations and a few actions.
func samplePolicy(ctx context.Context, c *ghesadmin.Client, srv *ghestest.Server) error {
	ent := srv.Enterprise()
	end := time.Now().Add(6 * time.Hour).Truncate(time.Minute)
	if _, _, err := c.Announcement.Set(ctx, ghesadmin.SetAnnouncementRequest{Announcement: "Maintenance tonight at 22:00 UTC", ExpiresAt: &end}); err != nil {
		return err
	}
	if _, err := c.ActionsPermissions.Set(ctx, ent, ghesadmin.SetActionsPermissionsRequest{
		EnabledOrganizations: ghesadmin.EnabledOrganizationsSelected, AllowedActions: ghesadmin.Ptr(ghesadmin.AllowedActionsSelected)}); err != nil {
		return err
	}
	if _, err := c.ActionsPermissions.SetSelectedOrganizations(ctx, ent, []int64{srv.OrgID("platform"), srv.OrgID("payments")}); err != nil {
		return err
	}
	if _, err := c.ActionsPermissions.SetSelectedActions(ctx, ent, ghesadmin.SetSelectedActionsRequest{
		GitHubOwnedAllowed: ghesadmin.Ptr(true), PatternsAllowed: []string{"docker/*", "hashicorp/setup-terraform@*"}}); err != nil {
		return err
	}
	if _, err := c.ActionsPermissions.SetArtifactAndLogRetention(ctx, ent, ghesadmin.SetArtifactAndLogRetentionRequest{Days: 30}); err != nil {
		return err
	}
	if err := srv.SetActionsCacheUsage(42, 7<<30); err != nil {
		return err
	}
	return nil
}

// report prints one row per setting.
func report(ctx context.Context, out io.Writer, c *ghesadmin.Client, ent string) error {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "AREA\tSETTING\tVALUE")
	row := func(area, setting, value string) { fmt.Fprintf(tw, "%s\t%s\t%s\n", area, setting, value) }
	// read runs one read; an operation the release lacks is a row, not a
	// failure.
	read := func(area, setting string, f func() error) error {
		err := f()
		if errors.Is(err, ghesadmin.ErrUnsupportedVersion) {
			row(area, setting, "not on this release")
			return nil
		}
		return err
	}
	ap, ac := c.ActionsPermissions, c.ActionsCache

	steps := []struct {
		area, setting string
		f             func() error
	}{
		{"Announcement", "banner", func() error {
			a, _, err := c.Announcement.Get(ctx)
			if err != nil {
				return err
			}
			if a.Announcement == "" {
				row("Announcement", "banner", "none")
				return nil
			}
			exp := "never"
			if !a.ExpiresAt.IsZero() {
				exp = a.ExpiresAt.UTC().Format(time.RFC3339)
			}
			row("Announcement", "banner", fmt.Sprintf("%q (expires %s, dismissible %t)", a.Announcement, exp, a.UserDismissible))
			return nil
		}},
		{"Actions", "policy", func() error {
			p, _, err := ap.Get(ctx, ent)
			if err != nil {
				return err
			}
			row("Actions", "enabled organizations", string(p.EnabledOrganizations))
			if p.EnabledOrganizations == ghesadmin.EnabledOrganizationsSelected {
				var logins []string
				for o, err := range ap.ListSelectedOrganizationsIter(ctx, ent, nil) {
					if err != nil {
						return err
					}
					logins = append(logins, o.Login)
				}
				row("Actions", "selected organizations", orNone(strings.Join(logins, ", ")))
			}
			row("Actions", "allowed actions", string(p.AllowedActions))
			if p.AllowedActions == ghesadmin.AllowedActionsSelected {
				sa, _, err := ap.GetSelectedActions(ctx, ent)
				if err != nil {
					return err
				}
				row("Actions", "GitHub-owned actions", allowed(sa.GitHubOwnedAllowed))
				row("Actions", "verified creators", allowed(sa.VerifiedAllowed))
				row("Actions", "allowed patterns", orNone(strings.Join(sa.PatternsAllowed, ", ")))
			}
			return nil
		}},
		{"Actions", "workflow token", func() error {
			w, _, err := ap.GetWorkflowPermissions(ctx, ent)
			if err == nil {
				row("Actions", "workflow token", fmt.Sprintf("%s (may approve pull requests: %t)", w.DefaultWorkflowPermissions, w.CanApprovePullRequestReviews))
			}
			return err
		}},
		{"Actions", "artifact and log retention", func() error {
			r, _, err := ap.GetArtifactAndLogRetention(ctx, ent)
			if err == nil {
				row("Actions", "artifact and log retention", fmt.Sprintf("%d days (at most %d)", r.Days, r.MaximumAllowedDays))
			}
			return err
		}},
		{"Actions", "fork PR approval", func() error {
			f, _, err := ap.GetForkPRContributorApproval(ctx, ent)
			if err == nil {
				row("Actions", "fork PR approval", string(f.ApprovalPolicy))
			}
			return err
		}},
		{"Actions", "fork PRs in private repos", func() error {
			f, _, err := ap.GetForkPRWorkflowsPrivateRepos(ctx, ent)
			if err == nil {
				row("Actions", "fork PRs in private repos", fmt.Sprintf("run %t, write token %t, secrets %t, approval %t",
					f.RunWorkflowsFromForkPullRequests, f.SendWriteTokensToWorkflows, f.SendSecretsAndVariables, f.RequireApprovalForForkPRWorkflows))
			}
			return err
		}},
		{"Actions", "self-hosted runners", func() error {
			s, _, err := ap.GetSelfHostedRunners(ctx, ent)
			if err == nil {
				row("Actions", "self-hosted runners", allowed(!s.DisableSelfHostedRunnersForAllOrgs))
			}
			return err
		}},
		{"Actions cache", "usage", func() error {
			u, _, err := ac.GetUsage(ctx, ent)
			if err == nil {
				row("Actions cache", "usage", fmt.Sprintf("%d caches, %.1f GB", u.TotalActiveCachesCount, float64(u.TotalActiveCachesSizeInBytes)/(1<<30)))
			}
			return err
		}},
		{"Actions cache", "size policy", func() error {
			p, _, err := ac.GetUsagePolicy(ctx, ent)
			if err == nil {
				row("Actions cache", "size policy", fmt.Sprintf("%d GB per repository (at most %d GB)", p.RepoCacheSizeLimitInGB, p.MaxRepoCacheSizeLimitInGB))
			}
			return err
		}},
		{"Alerts", "open code scanning", func() error {
			bySeverity := map[string]int{}
			for a, err := range c.CodeScanning.ListAlertsIter(ctx, ent, &ghesadmin.ListCodeScanningAlertsOptions{State: ghesadmin.CodeScanningAlertOpen}) {
				if err != nil {
					return err
				}
				sev := "unknown"
				if a.Rule != nil && a.Rule.SecuritySeverityLevel != nil {
					sev = *a.Rule.SecuritySeverityLevel
				}
				bySeverity[sev]++
			}
			row("Alerts", "open code scanning", severities(bySeverity))
			return nil
		}},
		{"Alerts", "open Dependabot", func() error {
			bySeverity := map[string]int{}
			for a, err := range c.Dependabot.ListAlertsIter(ctx, ent, &ghesadmin.ListDependabotAlertsOptions{State: "open"}) {
				if err != nil {
					return err
				}
				sev := "unknown"
				if a.SecurityAdvisory != nil {
					sev = string(a.SecurityAdvisory.Severity)
				}
				bySeverity[sev]++
			}
			row("Alerts", "open Dependabot", severities(bySeverity))
			return nil
		}},
		{"Alerts", "open secret scanning", func() error {
			n := 0
			for _, err := range c.SecretScanning.ListAlertsIter(ctx, ent, &ghesadmin.ListSecretScanningAlertsOptions{State: ghesadmin.SecretScanningAlertOpen}) {
				if err != nil {
					return err
				}
				n++
			}
			row("Alerts", "open secret scanning", strconv.Itoa(n))
			return nil
		}},
	}
	for _, s := range steps {
		if err := read(s.area, s.setting, s.f); err != nil {
			return fmt.Errorf("%s %s: %w", s.area, s.setting, err)
		}
	}
	return tw.Flush()
}

// severities formats alert counts as "3 (critical 1, high 2)", most severe
// first.
func severities(bySeverity map[string]int) string {
	total := 0
	var parts []string
	for _, sev := range []string{"critical", "high", "medium", "low", "unknown"} {
		if n := bySeverity[sev]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", sev, n))
			total += n
		}
	}
	if total == 0 {
		return "0"
	}
	return fmt.Sprintf("%d (%s)", total, strings.Join(parts, ", "))
}

func allowed(b bool) string {
	if b {
		return "allowed"
	}
	return "not allowed"
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
