// Command maintenance-window runs a maintenance window with a settings
// change: it puts the appliance in maintenance mode (now or at a given
// time), waits until maintenance is on, changes a setting (private mode),
// applies the configuration and waits for the run, then ends maintenance.
// It uses the Manage GHES API on GHES 3.12 and later (where it has the
// settings and configuration runs) and the Management Console before, as
// GET /meta's version says.
//
//	go run ./examples/maintenance-window [-version 3.10.0]     # on a fake GHES
//	GHES_URL=https://ghe.example.com GHES_TOKEN=... GHES_CONSOLE_PASSWORD=... \
//	    go run ./examples/maintenance-window -private-mode=true -at 2026-01-22T22:00:00-08:00
//
// GHES_CONSOLE_URL sets the administration port's URL when it is not the
// default (https://HOST:8443, or http://HOST:8080 for an http GHES_URL).
// Without GHES_URL and GHES_TOKEN it starts ghestest, the SDK's in-memory
// fake.
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

func main() { exampleenv.Main("maintenance-window", run) }

// window is what the maintenance window does.
type window struct {
	At          time.Time // zero: now
	Message     string
	PrivateMode bool
	Poll        time.Duration
}

func run(ctx context.Context, out io.Writer, args []string) error {
	fs := exampleenv.Flags("maintenance-window", out)
	version := fs.String("version", ghestest.DefaultVersion, "GHES version of the fake server (used when GHES_URL is not set)")
	at := fs.String("at", "", "start of the window, RFC 3339 (default: now)")
	w := window{}
	fs.StringVar(&w.Message, "message", "Scheduled maintenance: back in 30 minutes.", "message shown to users (Manage GHES API)")
	fs.BoolVar(&w.PrivateMode, "private-mode", true, "the private mode setting to apply")
	fs.DurationVar(&w.Poll, "poll", 5*time.Second, "how often to poll while waiting")
	return exampleenv.Run(fs, args, exampleenv.Options{
		Fake:          func() (*ghestest.Server, error) { return ghestest.NewServer(ghestest.WithVersion(*version)) },
		ConsoleReason: "maintenance and settings are on the administration port",
		Check: func() error {
			if *at == "" {
				return nil
			}
			t, err := time.Parse(time.RFC3339, *at)
			if err != nil {
				return fmt.Errorf("-at: %w", err)
			}
			w.At = t
			return nil
		},
	}, func(ghes *exampleenv.Target) error { return maintain(ctx, out, ghes.Client, w) })
}

// maintain runs the window on whichever administration API the server has.
func maintain(ctx context.Context, out io.Writer, client *ghesadmin.Client, w window) error {
	api, _, err := client.Meta.AdminAPI(ctx)
	if err != nil {
		return fmt.Errorf("read the version: %w", err)
	}
	// The whole window (maintenance, settings, configuration run) needs
	// the Manage API's configuration endpoints (GHES 3.12 and later);
	// before that, the Management Console has all of it.
	if api.Has(ghesadmin.AdminAPIManageConfig) {
		fmt.Fprintln(out, "Using the Manage GHES API")
		return maintainManage(ctx, out, client, w)
	}
	if api.HasManagementConsole() {
		fmt.Fprintln(out, "Using the Management Console API")
		return maintainConsole(ctx, out, client, w)
	}
	return errors.New("the server has no administration API")
}

func maintainManage(ctx context.Context, out io.Writer, client *ghesadmin.Client, w window) (err error) {
	req := ghesadmin.ManageMaintenanceRequest{Enabled: true, MaintenanceModeMessage: &w.Message}
	if !w.At.IsZero() {
		req.When = &w.At
	}
	if _, _, err := client.Manage.SetMaintenance(ctx, req); err != nil {
		return fmt.Errorf("schedule maintenance: %w", err)
	}
	fmt.Fprintf(out, "Maintenance scheduled for %s; waiting until it is on\n", when(w.At))
	// Whatever happens next, end the window.
	defer func() {
		if _, _, offErr := client.Manage.SetMaintenance(context.WithoutCancel(ctx), ghesadmin.ManageMaintenanceRequest{Enabled: false}); offErr != nil && err == nil {
			err = fmt.Errorf("end maintenance: %w", offErr)
		}
		if err == nil {
			fmt.Fprintln(out, "Maintenance off")
		}
	}()
	nodes, _, err := client.Manage.WaitForMaintenance(ctx, nil, ghesadmin.WaitInterval(w.Poll))
	if err != nil {
		return fmt.Errorf("wait for maintenance: %w", err)
	}
	for _, n := range nodes {
		fmt.Fprintf(out, "  %s: maintenance %s\n", n.Hostname, n.Status)
	}

	// A partial update: only private_mode is sent.
	if _, err := client.Manage.UpdateSettings(ctx, ghesadmin.EnterpriseSettings{PrivateMode: &w.PrivateMode}); err != nil {
		return fmt.Errorf("update the settings: %w", err)
	}
	fmt.Fprintf(out, "Set private_mode=%t; applying the configuration\n", w.PrivateMode)
	run, _, err := client.Manage.ConfigApply(ctx, ghesadmin.ConfigApplyRequest{})
	if err != nil {
		return fmt.Errorf("start config apply: %w", err)
	}
	if _, _, err := client.Manage.WaitForConfigApply(ctx, run.RunID, ghesadmin.WaitInterval(w.Poll)); err != nil {
		return fmt.Errorf("config apply: %w", err)
	}
	fmt.Fprintf(out, "Config apply run %s succeeded\n", run.RunID)
	return nil
}

func maintainConsole(ctx context.Context, out io.Writer, client *ghesadmin.Client, w window) (err error) {
	req := ghesadmin.MaintenanceRequest{Enabled: true, When: ghesadmin.Ptr("now")}
	if !w.At.IsZero() {
		req.When = ghesadmin.MaintenanceAt(w.At) // ISO 8601 with its offset: no time-zone guesswork
	}
	st, _, err := client.ManagementConsole.SetMaintenance(ctx, req)
	if err != nil {
		return fmt.Errorf("schedule maintenance: %w", err)
	}
	fmt.Fprintf(out, "Maintenance %s for %s; waiting until it is on\n", st.Status, when(w.At))
	defer func() {
		if _, _, offErr := client.ManagementConsole.SetMaintenance(context.WithoutCancel(ctx), ghesadmin.MaintenanceRequest{Enabled: false}); offErr != nil && err == nil {
			err = fmt.Errorf("end maintenance: %w", offErr)
		}
		if err == nil {
			fmt.Fprintln(out, "Maintenance off")
		}
	}()
	if st, _, err = client.ManagementConsole.WaitForMaintenance(ctx, ghesadmin.WaitInterval(w.Poll)); err != nil {
		return fmt.Errorf("wait for maintenance: %w", err)
	}
	fmt.Fprintf(out, "  maintenance %s\n", st.Status)

	settings := ghesadmin.ConsoleSettings{Enterprise: &ghesadmin.EnterpriseSettings{PrivateMode: &w.PrivateMode}}
	if _, err := client.ManagementConsole.UpdateSettings(ctx, settings); err != nil {
		return fmt.Errorf("update the settings: %w", err)
	}
	fmt.Fprintf(out, "Set private_mode=%t; applying the configuration\n", w.PrivateMode)
	if _, err := client.ManagementConsole.StartConfiguration(ctx); err != nil {
		return fmt.Errorf("start the configuration: %w", err)
	}
	if _, _, err := client.ManagementConsole.WaitForConfiguration(ctx, ghesadmin.WaitInterval(w.Poll)); err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	fmt.Fprintln(out, "Configuration run succeeded")
	return nil
}

func when(t time.Time) string {
	if t.IsZero() {
		return "now"
	}
	return t.Format(time.RFC3339)
}
