// Command dormant-users suspends the users who have been dormant for more
// than N days: it reads the site-admin dormant_users report, double-checks
// each candidate against the enterprise audit log (any event by the user
// since the cut-off keeps them), skips site administrators and users already
// suspended, and suspends the rest — only with -apply; the default is a dry
// run that prints the plan.
//
//	go run ./examples/dormant-users                     # on a fake GHES
//	GHES_URL=https://ghe.example.com GHES_LOGIN=boss GHES_TOKEN=... \
//	    go run ./examples/dormant-users -enterprise acme -days 180 [-apply]
//
// With GHES_URL, GHES_LOGIN and GHES_TOKEN (a site administrator's login
// and a token with the site_admin and admin:enterprise scopes) set, it works
// on that instance. Without them it starts ghestest, the SDK's fake.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/examples/internal/exampleenv"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

func main() { exampleenv.Main("dormant-users", run) }

func run(ctx context.Context, out io.Writer, args []string) error {
	fs := exampleenv.Flags("dormant-users", out)
	days := fs.Int("days", 90, "suspend users dormant for more than this many days")
	enterprise := fs.String("enterprise", "", "enterprise slug (on the fake: "+ghestest.DefaultEnterprise+")")
	apply := fs.Bool("apply", false, "suspend the users (the default only prints the plan)")
	check := func() error {
		if *days < 1 {
			return errors.New("-days must be at least 1")
		}
		return nil
	}
	opts := exampleenv.Options{Fake: startFake, Check: check, SiteAdminReason: "the dormant_users report is read as a site administrator"}
	return exampleenv.Run(fs, args, opts, func(ghes *exampleenv.Target) error {
		ent, err := ghes.Required("enterprise", *enterprise, ghestest.DefaultEnterprise)
		if err != nil {
			return err
		}
		return suspendDormant(ctx, out, ghes.Client, ent, time.Duration(*days)*24*time.Hour, *apply)
	})
}

// startFake starts a fake GHES whose report lists a few dormant users,
// one of whom the audit log shows back.
func startFake() (*ghestest.Server, error) {
	now := time.Now()
	return ghestest.NewServer(ghestest.WithVersion("3.19.0"),
		ghestest.WithUsers(
			ghestest.User{Login: "busy", Email: "busy@example.com"},
			ghestest.User{Login: "sleepy", Email: "sleepy@example.com"},
			ghestest.User{Login: "back-from-leave", Email: "back@example.com"},
			ghestest.User{Login: "old-admin", SiteAdmin: true},
			ghestest.User{Login: "gone", Suspended: true},
		),
		ghestest.WithLastActive(map[string]time.Time{
			"sleepy":          now.AddDate(0, 0, -200),
			"back-from-leave": now.AddDate(0, 0, -150),
			"old-admin":       now.AddDate(0, -10, 0),
			"gone":            now.AddDate(-1, 0, 0),
		}),
		// The report lags: the audit log already shows this user back.
		ghestest.WithAuditEvents(ghestest.AuditEvent{Action: "user.login", Actor: "back-from-leave", User: "back-from-leave", At: now.Add(-24 * time.Hour)}),
	)
}

// reportWait is how the report is polled while GHES generates it.
var reportWait = ghesadmin.WaitBackoff(time.Second, 30*time.Second)

func suspendDormant(ctx context.Context, out io.Writer, c *ghesadmin.Client, enterprise string, dormantFor time.Duration, apply bool) error {
	cutoff := time.Now().Add(-dormantFor)
	var candidates []*ghesadmin.UserReportRow
	for row, err := range c.Reports.DormantUsers(ctx, reportWait) {
		if err != nil {
			return fmt.Errorf("reading the dormant_users report: %w", err)
		}
		last := row.LastActive
		if last.IsZero() {
			last = row.CreatedAt
		}
		switch {
		case row.Suspended:
		case row.Role == "admin":
			fmt.Fprintf(out, "  skip %s: a site administrator\n", row.Login)
		case last.After(cutoff):
		default:
			candidates = append(candidates, row)
		}
	}
	mode := "would suspend"
	if apply {
		mode = "suspended"
	}
	n := 0
	for _, row := range candidates {
		// Any audit event by the user since the cut-off keeps them.
		opts := &ghesadmin.AuditLogOptions{
			Phrase:      "actor:" + row.Login + " created:>=" + cutoff.UTC().Format(time.RFC3339),
			ListOptions: ghesadmin.ListOptions{PerPage: 1},
		}
		events, _, err := c.AuditLog.List(ctx, enterprise, opts)
		if err != nil {
			return fmt.Errorf("reading the audit log of %s: %w", row.Login, err)
		}
		if len(events) > 0 {
			fmt.Fprintf(out, "  keep %s: %s on %s\n", row.Login, events[0].Action, events[0].CreatedTime().Format(time.DateOnly))
			continue
		}
		if apply {
			reason := fmt.Sprintf("Dormant for more than %d days", int(dormantFor.Hours()/24))
			if _, err := c.Users.Suspend(ctx, row.Login, reason); err != nil {
				return fmt.Errorf("suspending %s: %w", row.Login, err)
			}
		}
		n++
		fmt.Fprintf(out, "  %s %s (last active %s)\n", mode, row.Login, row.LastActive.Format(time.DateOnly))
	}
	fmt.Fprintf(out, "%d users %s", n, mode)
	if !apply {
		fmt.Fprint(out, " (dry run: add -apply to suspend them)")
	}
	fmt.Fprintln(out)
	return nil
}
