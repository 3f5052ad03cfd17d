package e2e_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

// consoleVersions are the releases that serve the Management Console API:
// the last 2.x and the last release that still has it.
var consoleVersions = []string{"2.22.6", "3.14.0"}

func TestAdminConsoleMaintenance(t *testing.T) {
	onFakes(t, consoleVersions, nil, func(t *testing.T, ctx context.Context, srv *ghestest.Server, c *ghesadmin.Client) {
		mc := c.ManagementConsole

		st, _, err := mc.MaintenanceStatus(ctx)
		if err != nil {
			t.Fatalf("MaintenanceStatus: %v", err)
		}
		if st.Status != "off" || st.ScheduledTime != "" {
			t.Fatalf("initial maintenance = %q at %q, want off and no time", st.Status, st.ScheduledTime)
		}
		if len(st.ConnectionServices) == 0 || st.ConnectionServices[0].Name != "git operations" {
			t.Errorf("connection services = %+v, want git operations first", st.ConnectionServices)
		}

		// On now.
		st, _, err = mc.SetMaintenance(ctx, ghesadmin.MaintenanceRequest{Enabled: true, When: ghesadmin.Ptr("now")})
		if err != nil {
			t.Fatalf("SetMaintenance on: %v", err)
		}
		if st.Status != "on" || st.ScheduledTime == "" {
			t.Errorf("SetMaintenance on returned %q at %q, want on with a time", st.Status, st.ScheduledTime)
		}
		if got, _ := srv.Maintenance(); got != "on" {
			t.Errorf("server maintenance = %q, want on", got)
		}
		if st, _, err = mc.MaintenanceStatus(ctx); err != nil || st.Status != "on" {
			t.Fatalf("MaintenanceStatus after on = %+v, %v; want on", st, err)
		}

		// Off: When is ignored.
		st, _, err = mc.SetMaintenance(ctx, ghesadmin.MaintenanceRequest{Enabled: false, When: ghesadmin.Ptr("now")})
		if err != nil {
			t.Fatalf("SetMaintenance off: %v", err)
		}
		if st.Status != "off" {
			t.Errorf("SetMaintenance off returned %q, want off", st.Status)
		}
		if got, _ := srv.Maintenance(); got != "off" {
			t.Errorf("server maintenance = %q, want off", got)
		}

		// Scheduled for a date two days ahead.
		at := time.Now().UTC().Add(48 * time.Hour).Truncate(time.Minute)
		st, _, err = mc.SetMaintenance(ctx, ghesadmin.MaintenanceRequest{Enabled: true, When: ghesadmin.Ptr(at.Format("2006-01-02 15:04"))})
		if err != nil {
			t.Fatalf("SetMaintenance scheduled: %v", err)
		}
		want := at.Format("Monday, January 2 at 15:04 -0700")
		if st.Status != "scheduled" || st.ScheduledTime != want {
			t.Errorf("SetMaintenance scheduled returned %q at %q, want scheduled at %q", st.Status, st.ScheduledTime, want)
		}
		status, when := srv.Maintenance()
		if status != "scheduled" || !when.Equal(at) {
			t.Errorf("server maintenance = %q at %v, want scheduled at %v", status, when, at)
		}
		if st, _, err = mc.MaintenanceStatus(ctx); err != nil || st.Status != "scheduled" || st.ScheduledTime != want {
			t.Errorf("MaintenanceStatus = %+v, %v; want scheduled at %q", st, err, want)
		}

		// An unparsable date is a validation error, and changes nothing.
		_, _, err = mc.SetMaintenance(ctx, ghesadmin.MaintenanceRequest{Enabled: true, When: ghesadmin.Ptr("the day after never")})
		var ve *ghesadmin.ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("SetMaintenance with a bad date: err = %v, want a *ValidationError", err)
		}
		if got, _ := srv.Maintenance(); got != "scheduled" {
			t.Errorf("server maintenance after a refused change = %q, want scheduled", got)
		}
	})
}

func TestAdminConsoleConfigurationRun(t *testing.T) {
	onFakes(t, consoleVersions, []ghestest.Option{ghestest.WithStatusReads(4)}, func(t *testing.T, ctx context.Context, srv *ghestest.Server, c *ghesadmin.Client) {
		mc := c.ManagementConsole

		resp, err := mc.StartConfiguration(ctx)
		if err != nil {
			t.Fatalf("StartConfiguration: %v", err)
		}
		if resp.StatusCode != 202 {
			t.Errorf("StartConfiguration status = %d, want 202", resp.StatusCode)
		}

		// First read: the first step is configuring, the rest pending.
		st, _, err := mc.ConfigurationStatus(ctx)
		if err != nil {
			t.Fatalf("ConfigurationStatus: %v", err)
		}
		if got := adminSteps(st); got != "CONFIGURING PENDING PENDING PENDING PENDING" || st.Status != "running" {
			t.Errorf("first status = %s %q", got, st.Status)
		}
		// Second read: one step done.
		if st, _, err = mc.ConfigurationStatus(ctx); err != nil {
			t.Fatalf("ConfigurationStatus: %v", err)
		}
		if got := adminSteps(st); got != "DONE CONFIGURING PENDING PENDING PENDING" {
			t.Errorf("second status = %s", got)
		}
		if st.Progress[0].Key != "Appliance core components" {
			t.Errorf("first step key = %q", st.Progress[0].Key)
		}

		st, _, err = mc.WaitForConfiguration(ctx, fastWait)
		if err != nil {
			t.Fatalf("WaitForConfiguration: %v", err)
		}
		if got := adminSteps(st); got != "DONE DONE DONE DONE DONE" || st.Status != "success" {
			t.Errorf("final status = %s %q, want every step DONE and success", got, st.Status)
		}
		if n := srv.RequestCount("GET", "/setup/api/configcheck"); n != 4 {
			t.Errorf("configcheck reads = %d, want 4 (2 by hand, 2 by WaitForConfiguration)", n)
		}
		// The run counts in the settings.
		s, _, err := mc.Settings(ctx)
		if err != nil {
			t.Fatalf("Settings: %v", err)
		}
		if n := s.Enterprise.ConfigurationRunCount; n == nil || *n != 1 {
			t.Errorf("configuration_run_count = %v, want 1", n)
		}
	})
}

// adminSteps lists the step states of a configuration status.
func adminSteps(st *ghesadmin.ConfigurationStatus) string {
	var s []string
	for _, p := range st.Progress {
		s = append(s, string(p.Status))
	}
	return strings.Join(s, " ")
}

func TestAdminConsoleAuthorizedKeys(t *testing.T) {
	onFakes(t, consoleVersions, nil, func(t *testing.T, ctx context.Context, _ *ghestest.Server, c *ghesadmin.Client) {
		mc := c.ManagementConsole

		keys, _, err := mc.AuthorizedKeys(ctx)
		if err != nil || len(keys) != 0 {
			t.Fatalf("AuthorizedKeys = %v, %v; want none", keys, err)
		}
		keys, resp, err := mc.AddAuthorizedKey(ctx, adminKeyA)
		if err != nil {
			t.Fatalf("AddAuthorizedKey: %v", err)
		}
		if resp.StatusCode != 201 || len(keys) != 1 || keys[0].Key != adminKeyA {
			t.Fatalf("AddAuthorizedKey = %d %+v", resp.StatusCode, keys)
		}
		if !strings.HasPrefix(keys[0].PrettyPrint, "ssh-ed25519 ") || strings.Count(keys[0].PrettyPrint, ":") != 15 {
			t.Errorf("pretty-print = %q, want the type and a colon-separated fingerprint", keys[0].PrettyPrint)
		}
		if keys, _, err = mc.AddAuthorizedKey(ctx, adminKeyB); err != nil || len(keys) != 2 {
			t.Fatalf("AddAuthorizedKey B = %v, %v", keys, err)
		}
		// The same key twice is refused.
		_, _, err = mc.AddAuthorizedKey(ctx, adminKeyA)
		var ve *ghesadmin.ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("adding a key twice: err = %v, want a *ValidationError", err)
		}

		if keys, _, err = mc.RemoveAuthorizedKey(ctx, adminKeyA); err != nil {
			t.Fatalf("RemoveAuthorizedKey: %v", err)
		}
		if len(keys) != 1 || keys[0].Key != adminKeyB || !strings.HasPrefix(keys[0].PrettyPrint, "ssh-rsa ") {
			t.Errorf("keys after removing A = %+v, want B only", keys)
		}
		if _, _, err = mc.RemoveAuthorizedKey(ctx, adminKeyA); !errors.Is(err, ghesadmin.ErrNotFound) {
			t.Errorf("removing a key twice: err = %v, want ErrNotFound", err)
		}
		if keys, _, err = mc.AuthorizedKeys(ctx); err != nil || len(keys) != 1 || keys[0].Key != adminKeyB {
			t.Errorf("AuthorizedKeys = %+v, %v; want B", keys, err)
		}
	})
}

func TestAdminConsoleLicense(t *testing.T) {
	onFakes(t, consoleVersions, []ghestest.Option{ghestest.WithLicense(100, time.Now().AddDate(1, 0, 0))}, func(t *testing.T, ctx context.Context, _ *ghestest.Server, c *ghesadmin.Client) {
		mc := c.ManagementConsole

		expire := time.Now().UTC().AddDate(2, 0, 0).Truncate(time.Second)
		lic := `{"seats":250,"expire_at":"` + expire.Format(time.RFC3339) + `"}`
		resp, err := mc.UploadLicense(ctx, strings.NewReader(lic), ghesadmin.SetupRequest{
			Settings: &ghesadmin.ConsoleSettings{Enterprise: &ghesadmin.EnterpriseSettings{SignupEnabled: ghesadmin.Ptr(true)}},
		})
		if err != nil {
			t.Fatalf("UploadLicense: %v", err)
		}
		if resp.StatusCode != 202 {
			t.Errorf("UploadLicense status = %d, want 202", resp.StatusCode)
		}
		info, _, err := c.License.Get(ctx)
		if err != nil {
			t.Fatalf("License.Get: %v", err)
		}
		if info.Seats.Count != 250 || info.Seats.Unlimited {
			t.Errorf("seats after UploadLicense = %v, want 250", info.Seats)
		}
		if !info.ExpireAt.Time.Equal(expire) {
			t.Errorf("expire_at = %v, want %v", info.ExpireAt.Time, expire)
		}
		s, _, err := mc.Settings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if p := s.Enterprise.SignupEnabled; p == nil || !*p {
			t.Errorf("signup_enabled after UploadLicense with settings = %v, want true", p)
		}

		// UpgradeLicense installs a license and starts a configuration run.
		if resp, err = mc.UpgradeLicense(ctx, strings.NewReader(`{"seats":300}`)); err != nil {
			t.Fatalf("UpgradeLicense: %v", err)
		}
		if resp.StatusCode != 202 {
			t.Errorf("UpgradeLicense status = %d, want 202", resp.StatusCode)
		}
		if info, _, err = c.License.Get(ctx); err != nil || info.Seats.Count != 300 {
			t.Errorf("seats after UpgradeLicense = %v, %v; want 300", info, err)
		}
		if _, _, err := mc.WaitForConfiguration(ctx, fastWait); err != nil {
			t.Errorf("WaitForConfiguration after UpgradeLicense: %v", err)
		}
	})
}

// On 3.15 the Management Console is gone: the fake answers its paths with
// 404, and a client that knows the release (here from its first reply)
// refuses every console call before sending.
func TestAdminConsoleRemovedIn315(t *testing.T) {
	srv, c, ctx := startCtx(t, "3.15.0")
	mc := c.ManagementConsole

	// The release is unknown until a reply names it: the first call goes
	// out and gets GHES's 404.
	wantLearntThenRefused(t, srv, c, "MaintenanceStatus", map[string]refusedCall{
		"MaintenanceStatus": {"GET", "/setup/api/maintenance", func() error { _, _, err := mc.MaintenanceStatus(ctx); return err }},
		"SetMaintenance": {"POST", "/setup/api/maintenance", func() error {
			_, _, err := mc.SetMaintenance(ctx, ghesadmin.MaintenanceRequest{Enabled: true})
			return err
		}},
		"Settings":            {"GET", "/setup/api/settings", func() error { _, _, err := mc.Settings(ctx); return err }},
		"ConfigurationStatus": {"GET", "/setup/api/configcheck", func() error { _, _, err := mc.ConfigurationStatus(ctx); return err }},
		"StartConfiguration":  {"POST", "/setup/api/configure", func() error { _, err := mc.StartConfiguration(ctx); return err }},
		"AuthorizedKeys":      {"GET", "/setup/api/settings/authorized-keys", func() error { _, _, err := mc.AuthorizedKeys(ctx); return err }},
		"UpgradeLicense":      {"POST", "/setup/api/upgrade", func() error { _, err := mc.UpgradeLicense(ctx, strings.NewReader("x")); return err }},
	})
}
