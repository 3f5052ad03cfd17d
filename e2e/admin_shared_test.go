package e2e_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

// GHES 3.8 to 3.14 serve both administration APIs over one state: what one
// changes, the other sees.

func TestAdminSharedMaintenance(t *testing.T) {
	srv, c, ctx := startCtx(t, "3.14.0")

	// On through the console, seen through Manage.
	if _, _, err := c.ManagementConsole.SetMaintenance(ctx, ghesadmin.MaintenanceRequest{Enabled: true, When: ghesadmin.Ptr("now")}); err != nil {
		t.Fatalf("console SetMaintenance: %v", err)
	}
	st, _, err := c.Manage.MaintenanceStatus(ctx, nil)
	if err != nil || len(st) != 1 || st[0].Status != "on" || st[0].ScheduledTime.IsZero() {
		t.Fatalf("Manage sees %+v, %v; want on since a time", st, err)
	}

	// Scheduled through Manage, seen through the console in its own words.
	at := time.Now().UTC().Add(72 * time.Hour).Truncate(time.Minute)
	if _, _, err := c.Manage.SetMaintenance(ctx, ghesadmin.ManageMaintenanceRequest{Enabled: true, When: &at}); err != nil {
		t.Fatalf("Manage SetMaintenance: %v", err)
	}
	cst, _, err := c.ManagementConsole.MaintenanceStatus(ctx)
	if err != nil {
		t.Fatalf("console MaintenanceStatus: %v", err)
	}
	if want := at.Format("Monday, January 2 at 15:04 -0700"); cst.Status != "scheduled" || cst.ScheduledTime != want {
		t.Errorf("console sees %q at %q, want scheduled at %q", cst.Status, cst.ScheduledTime, want)
	}

	// Scheduled through the console, seen through Manage as a time.
	at2 := at.Add(time.Hour)
	if _, _, err := c.ManagementConsole.SetMaintenance(ctx, ghesadmin.MaintenanceRequest{Enabled: true, When: ghesadmin.Ptr(at2.Format("2006-01-02 15:04"))}); err != nil {
		t.Fatalf("console SetMaintenance scheduled: %v", err)
	}
	if st, _, err = c.Manage.MaintenanceStatus(ctx, nil); err != nil || st[0].Status != "scheduled" || !st[0].ScheduledTime.Time.Equal(at2) {
		t.Errorf("Manage sees %+v, %v; want scheduled at %v", st, err, at2)
	}

	// Off through Manage, seen through the console.
	if _, _, err := c.Manage.SetMaintenance(ctx, ghesadmin.ManageMaintenanceRequest{Enabled: false}); err != nil {
		t.Fatalf("Manage SetMaintenance off: %v", err)
	}
	if cst, _, err = c.ManagementConsole.MaintenanceStatus(ctx); err != nil || cst.Status != "off" {
		t.Errorf("console sees %+v, %v; want off", cst, err)
	}
	if got, _ := srv.Maintenance(); got != "off" {
		t.Errorf("server maintenance = %q, want off", got)
	}
}

func TestAdminSharedSettings(t *testing.T) {
	srv, c, ctx := startCtx(t, "3.14.0")

	// Through the console (read, change, write), then read through Manage.
	cs, _, err := c.ManagementConsole.Settings(ctx)
	if err != nil {
		t.Fatalf("console Settings: %v", err)
	}
	cs.Enterprise.PrivateMode = ghesadmin.Ptr(true)
	cs.Enterprise.Extra = map[string]json.RawMessage{"x_console_only": json.RawMessage(`"kept"`)}
	if _, err := c.ManagementConsole.UpdateSettings(ctx, *cs); err != nil {
		t.Fatalf("console UpdateSettings: %v", err)
	}
	ms, _, err := c.Manage.Settings(ctx)
	if err != nil {
		t.Fatalf("Manage Settings: %v", err)
	}
	if ms.PrivateMode == nil || !*ms.PrivateMode || string(ms.Extra["x_console_only"]) != `"kept"` {
		t.Errorf("Manage sees private_mode %v, x_console_only %s; want true and \"kept\"", ms.PrivateMode, ms.Extra["x_console_only"])
	}
	// The two documents are the same tree: the console's "enterprise"
	// object is the Manage document.
	a, _ := json.Marshal(cs.Enterprise)
	b, _ := json.Marshal(ms)
	if string(a) != string(b) {
		t.Errorf("console enterprise settings and Manage settings differ:\nconsole %s\n manage %s", a, b)
	}

	// Through Manage, then read through the console.
	ms.NTP.PrimaryServer = ghesadmin.Ptr("time.example.com")
	if _, err := c.Manage.UpdateSettings(ctx, *ms); err != nil {
		t.Fatalf("Manage UpdateSettings: %v", err)
	}
	if cs, _, err = c.ManagementConsole.Settings(ctx); err != nil {
		t.Fatalf("console Settings: %v", err)
	}
	if p := cs.Enterprise.NTP.PrimaryServer; p == nil || *p != "time.example.com" {
		t.Errorf("console sees ntp.primary_server %v, want time.example.com", p)
	}
	if p := cs.Enterprise.NTP.SecondaryServer; p == nil || *p != "1.pool.ntp.org" {
		t.Errorf("console sees ntp.secondary_server %v, want it kept", p)
	}
	if v, _ := srv.Setting("x_console_only"); v != "kept" {
		t.Errorf("server x_console_only = %v, want kept", v)
	}
}

func TestAdminSharedKeys(t *testing.T) {
	_, c, ctx := startCtx(t, "3.14.0")

	if _, _, err := c.ManagementConsole.AddAuthorizedKey(ctx, adminKeyA); err != nil {
		t.Fatalf("AddAuthorizedKey: %v", err)
	}
	if _, _, err := c.Manage.AddSSHKey(ctx, adminKeyB); err != nil {
		t.Fatalf("AddSSHKey: %v", err)
	}
	mk, _, err := c.Manage.SSHKeys(ctx)
	if err != nil || len(mk) != 2 || mk[0].Key != adminKeyA || mk[1].Key != adminKeyB {
		t.Fatalf("Manage SSHKeys = %+v, %v; want A and B", mk, err)
	}
	ck, _, err := c.ManagementConsole.AuthorizedKeys(ctx)
	if err != nil || len(ck) != 2 {
		t.Fatalf("console AuthorizedKeys = %+v, %v; want A and B", ck, err)
	}
	// Both name the same fingerprint.
	if !strings.HasSuffix(ck[1].PrettyPrint, " "+mk[1].Fingerprint) {
		t.Errorf("console pretty-print %q does not end with the Manage fingerprint %q", ck[1].PrettyPrint, mk[1].Fingerprint)
	}
	// Removed through Manage, gone from the console, and the other way.
	if _, _, err := c.Manage.RemoveSSHKey(ctx, adminKeyA); err != nil {
		t.Fatalf("RemoveSSHKey: %v", err)
	}
	if ck, _, err = c.ManagementConsole.AuthorizedKeys(ctx); err != nil || len(ck) != 1 || ck[0].Key != adminKeyB {
		t.Errorf("console AuthorizedKeys = %+v, %v; want B", ck, err)
	}
	if _, _, err := c.ManagementConsole.RemoveAuthorizedKey(ctx, adminKeyB); err != nil {
		t.Fatalf("RemoveAuthorizedKey: %v", err)
	}
	if mk, _, err = c.Manage.SSHKeys(ctx); err != nil || len(mk) != 0 {
		t.Errorf("Manage SSHKeys = %+v, %v; want none", mk, err)
	}
}

func TestAdminSharedConfigurationRun(t *testing.T) {
	_, c, ctx := startCtx(t, "3.14.0")

	// Started through the console, followed through Manage.
	if _, err := c.ManagementConsole.StartConfiguration(ctx); err != nil {
		t.Fatalf("StartConfiguration: %v", err)
	}
	st, _, err := c.Manage.WaitForConfigApply(ctx, "", fastWait)
	if err != nil || !st.Successful || len(st.Nodes) != 1 {
		t.Fatalf("WaitForConfigApply = %+v, %v", st, err)
	}
	cst, _, err := c.ManagementConsole.ConfigurationStatus(ctx)
	if err != nil || cst.Status != "success" {
		t.Errorf("console ConfigurationStatus = %+v, %v; want success", cst, err)
	}

	// Started through Manage, followed through the console.
	if _, _, err := c.Manage.ConfigApply(ctx, ghesadmin.ConfigApplyRequest{}); err != nil {
		t.Fatalf("ConfigApply: %v", err)
	}
	if cst, _, err = c.ManagementConsole.WaitForConfiguration(ctx, fastWait); err != nil || cst.Status != "success" {
		t.Errorf("WaitForConfiguration = %+v, %v", cst, err)
	}
	if st, _, err = c.Manage.ConfigApplyStatus(ctx, ""); err != nil || !st.Successful {
		t.Errorf("ConfigApplyStatus = %+v, %v; want successful", st, err)
	}
}

func TestAdminSharedLicense(t *testing.T) {
	_, c, ctx := startCtx(t, "3.14.0", ghestest.WithLicense(100, time.Now().AddDate(1, 0, 0)))

	if _, err := c.ManagementConsole.UpgradeLicense(ctx, strings.NewReader(`{"seats":150}`)); err != nil {
		t.Fatalf("UpgradeLicense: %v", err)
	}
	l, _, err := c.Manage.License(ctx)
	if err != nil || l.Seats != 150 {
		t.Errorf("Manage License = %+v, %v; want 150 seats", l, err)
	}
	if _, _, err := c.Manage.UploadLicense(ctx, strings.NewReader(`{"seats":175}`), nil); err != nil {
		t.Fatalf("UploadLicense: %v", err)
	}
	info, _, err := c.License.Get(ctx)
	if err != nil || info.Seats.Count != 175 {
		t.Errorf("REST License = %+v, %v; want 175 seats", info, err)
	}
	// A license the fake cannot read is accepted and changes nothing.
	if _, _, err := c.Manage.UploadLicense(ctx, strings.NewReader("-----BEGIN LICENSE-----opaque"), nil); err != nil {
		t.Fatalf("UploadLicense (opaque): %v", err)
	}
	if info, _, err = c.License.Get(ctx); err != nil || info.Seats.Count != 175 {
		t.Errorf("REST License after an opaque upload = %+v, %v; want 175 seats", info, err)
	}
}

func TestAdminMetaChoosesTheAdminAPI(t *testing.T) {
	for _, tc := range []struct {
		version         string
		console, manage bool
		name            string
	}{
		{"2.22.6", true, false, "ManagementConsole"},
		{"3.14.0", true, true, "ManagementConsole+Manage+ManageMaintenance+ManageConfig"},
		{"3.22.0", false, true, "Manage+ManageMaintenance+ManageConfig+ManageUpgrade"},
	} {
		t.Run(tc.version, func(t *testing.T) {
			srv, c, ctx := startCtx(t, tc.version)

			meta, resp, err := c.Meta.Get(ctx)
			if err != nil {
				t.Fatalf("Meta.Get: %v", err)
			}
			if meta.InstalledVersion != tc.version {
				t.Errorf("installed_version = %q, want %q", meta.InstalledVersion, tc.version)
			}
			if resp.EnterpriseVersion != "enterprise-server@"+tc.version {
				t.Errorf("EnterpriseVersion = %q", resp.EnterpriseVersion)
			}

			fromVersion, err := ghesadmin.AdminAPIForVersion(meta.InstalledVersion)
			if err != nil {
				t.Fatalf("AdminAPIForVersion: %v", err)
			}
			api, _, err := c.Meta.AdminAPI(ctx)
			if err != nil {
				t.Fatalf("Meta.AdminAPI: %v", err)
			}
			if api != fromVersion || api.String() != tc.name || api.HasManagementConsole() != tc.console || api.HasManage() != tc.manage {
				t.Errorf("AdminAPI = %v (from version %v), want %s", api, fromVersion, tc.name)
			}

			// What AdminAPI says is served answers; what it says is not
			// is refused before sending (Meta.Get told the client the
			// release), and the fake would answer 404.
			_, _, err = c.ManagementConsole.MaintenanceStatus(ctx)
			if tc.console && err != nil {
				t.Errorf("console on %s: %v", tc.version, err)
			}
			if !tc.console {
				wantUnsupported(t, srv, "console on "+tc.version, err, "GET", "/setup/api/maintenance")
			}
			_, _, err = c.Manage.MaintenanceStatus(ctx, nil)
			if tc.manage && err != nil {
				t.Errorf("Manage on %s: %v", tc.version, err)
			}
			if !tc.manage {
				wantUnsupported(t, srv, "Manage on "+tc.version, err, "GET", "/manage/v1/maintenance")
			}
		})
	}
}

func TestAdminWrongConsolePassword(t *testing.T) {
	srv := ghestest.New(t, ghestest.WithVersion("3.14.0"), ghestest.WithConsolePassword("the-right-one"))
	c, err := srv.Client(ghesadmin.WithManagementConsole(srv.ConsoleURL(), "a-wrong-one"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := ctx(t)

	_, _, err = c.ManagementConsole.MaintenanceStatus(ctx)
	if !errors.Is(err, ghesadmin.ErrUnauthorized) {
		t.Errorf("console with a wrong password: err = %v, want ErrUnauthorized", err)
	}
	_, _, err = c.Manage.SetMaintenance(ctx, ghesadmin.ManageMaintenanceRequest{Enabled: true})
	if !errors.Is(err, ghesadmin.ErrUnauthorized) {
		t.Errorf("Manage with a wrong password: err = %v, want ErrUnauthorized", err)
	}
	if err != nil && (strings.Contains(err.Error(), "a-wrong-one") || strings.Contains(err.Error(), "the-right-one")) {
		t.Errorf("the error shows a password: %v", err)
	}
	if got, _ := srv.Maintenance(); got != "off" {
		t.Errorf("maintenance = %q after an unauthorized call, want off", got)
	}
	// The REST API still works with the token.
	if _, _, err := c.Meta.Get(ctx); err != nil {
		t.Errorf("Meta.Get: %v", err)
	}
}

// countingTransport counts the requests that reach the network.
type countingTransport struct{ n atomic.Int32 }

func (t *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	t.n.Add(1)
	return http.DefaultTransport.RoundTrip(r)
}

func TestAdminNoConsolePassword(t *testing.T) {
	srv := ghestest.New(t, ghestest.WithVersion("3.14.0"))
	tr := &countingTransport{}
	c, err := ghesadmin.NewClient(srv.URL(), ghesadmin.WithToken(srv.Token()), ghesadmin.WithHTTPClient(&http.Client{Transport: tr}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := ctx(t)

	calls := map[string]func() (*ghesadmin.Response, error){
		"console MaintenanceStatus": func() (*ghesadmin.Response, error) {
			_, r, err := c.ManagementConsole.MaintenanceStatus(ctx)
			return r, err
		},
		"console UpgradeLicense": func() (*ghesadmin.Response, error) {
			return c.ManagementConsole.UpgradeLicense(ctx, strings.NewReader(`{"seats":1}`))
		},
		"Manage SetMaintenance": func() (*ghesadmin.Response, error) {
			_, r, err := c.Manage.SetMaintenance(ctx, ghesadmin.ManageMaintenanceRequest{Enabled: true})
			return r, err
		},
		"Manage UploadLicense": func() (*ghesadmin.Response, error) {
			_, r, err := c.Manage.UploadLicense(ctx, strings.NewReader(`{"seats":1}`), nil)
			return r, err
		},
	}
	for name, call := range calls {
		resp, err := call()
		if !errors.Is(err, ghesadmin.ErrNoConsolePassword) || resp != nil {
			t.Errorf("%s without a password: resp %v, err %v; want ErrNoConsolePassword before sending", name, resp, err)
		}
		if err != nil && !strings.Contains(err.Error(), "WithManagementConsole") {
			t.Errorf("%s: the error does not say how to configure the password: %v", name, err)
		}
	}
	if n := tr.n.Load(); n != 0 {
		t.Errorf("%d requests were sent, want none", n)
	}
	// The same client reaches the REST API.
	if _, _, err := c.Meta.Get(ctx); err != nil || tr.n.Load() != 1 {
		t.Errorf("Meta.Get: %v (requests %d)", err, tr.n.Load())
	}
}

// settingsAPI is one administration API's settings document: the console's
// wraps the enterprise settings in {"enterprise": …, "run_list": …}, the
// Manage API's is the enterprise settings themselves.
type settingsAPI struct {
	name     string
	versions []string
	// read returns the document (a pointer) and the enterprise settings
	// in it.
	read func(ctx context.Context, c *ghesadmin.Client) (doc any, e *ghesadmin.EnterpriseSettings, err error)
	// write sends a document read (or wrap's) back.
	write func(ctx context.Context, c *ghesadmin.Client, doc any) error
	// wrap makes a document of enterprise settings.
	wrap func(e *ghesadmin.EnterpriseSettings) any
	// check checks what only this API's document has.
	check func(t *testing.T, doc any)
}

var settingsAPIs = []settingsAPI{
	{
		name: "console", versions: consoleVersions,
		read: func(ctx context.Context, c *ghesadmin.Client) (any, *ghesadmin.EnterpriseSettings, error) {
			s, _, err := c.ManagementConsole.Settings(ctx)
			if err != nil {
				return nil, nil, err
			}
			return s, s.Enterprise, nil
		},
		write: func(ctx context.Context, c *ghesadmin.Client, doc any) error {
			_, err := c.ManagementConsole.UpdateSettings(ctx, *doc.(*ghesadmin.ConsoleSettings))
			return err
		},
		wrap: func(e *ghesadmin.EnterpriseSettings) any { return &ghesadmin.ConsoleSettings{Enterprise: e} },
		check: func(t *testing.T, doc any) {
			if rl := doc.(*ghesadmin.ConsoleSettings).RunList; !slices.Equal(rl, []string{"recipe[enterprise-configure]"}) {
				t.Errorf("run_list = %q", rl)
			}
		},
	},
	{
		name: "manage", versions: manageVersions,
		read: func(ctx context.Context, c *ghesadmin.Client) (any, *ghesadmin.EnterpriseSettings, error) {
			s, _, err := c.Manage.Settings(ctx)
			if err != nil {
				return nil, nil, err
			}
			return s, s, nil
		},
		write: func(ctx context.Context, c *ghesadmin.Client, doc any) error {
			_, err := c.Manage.UpdateSettings(ctx, *doc.(*ghesadmin.EnterpriseSettings))
			return err
		},
		wrap:  func(e *ghesadmin.EnterpriseSettings) any { return e },
		check: func(*testing.T, any) {},
	},
}

// TestAdminSettingsRoundTrip reads the settings through each
// administration API, changes one field, writes back what was read and
// reads it again: keys the SDK does not model (top level and nested) and
// every value kept survive, and a partial update changes only its field.
// (It replaces the console's and the Manage API's own round trips.)
func TestAdminSettingsRoundTrip(t *testing.T) {
	for _, api := range settingsAPIs {
		t.Run(api.name, func(t *testing.T) {
			onFakes(t, api.versions, nil, func(t *testing.T, ctx context.Context, srv *ghestest.Server, c *ghesadmin.Client) {
				// Keys this SDK does not model, at the top level and nested.
				seed := ghesadmin.EnterpriseSettings{
					Extra: map[string]json.RawMessage{"x_future_feature": json.RawMessage(`{"enabled":true,"level":3}`)},
					SMTP:  &ghesadmin.SMTPSettings{Extra: map[string]json.RawMessage{"x_tls_ciphers": json.RawMessage(`["TLS_AES_128_GCM_SHA256"]`)}},
				}
				if err := api.write(ctx, c, api.wrap(&seed)); err != nil {
					t.Fatalf("UpdateSettings (seed): %v", err)
				}

				before, e, err := api.read(ctx, c)
				if err != nil {
					t.Fatalf("Settings: %v", err)
				}
				if e == nil || e.GitHubHostname == nil || *e.GitHubHostname != "ghe.local" {
					t.Fatalf("Settings: github_hostname of %v, want ghe.local", e)
				}
				api.check(t, before)
				if e.SMTP == nil || e.SMTP.Address == nil || *e.SMTP.Address != "smtp.example.com" {
					t.Errorf("smtp.address = %+v, want smtp.example.com", e.SMTP)
				}
				if got := string(e.Extra["x_future_feature"]); got != `{"enabled":true,"level":3}` {
					t.Errorf("Extra[x_future_feature] = %s", got)
				}
				if e.SMTP == nil || string(e.SMTP.Extra["x_tls_ciphers"]) != `["TLS_AES_128_GCM_SHA256"]` {
					t.Errorf("smtp.Extra = %v", e.SMTP)
				}
				if e.LDAP == nil || e.LDAP.Profile == nil || e.LDAP.Profile.UID == nil || *e.LDAP.Profile.UID != "uid" {
					t.Errorf("ldap.profile.uid = %+v", e.LDAP)
				}
				if e.PublicPages == nil || *e.PublicPages || e.SignupEnabled == nil || *e.SignupEnabled {
					t.Fatalf("public_pages = %v, signup_enabled = %v, want false", e.PublicPages, e.SignupEnabled)
				}

				// Read, change two fields, write back what was read.
				e.PublicPages = ghesadmin.Ptr(true)
				e.SignupEnabled = ghesadmin.Ptr(true)
				want, err := json.Marshal(before)
				if err != nil {
					t.Fatal(err)
				}
				if err := api.write(ctx, c, before); err != nil {
					t.Fatalf("UpdateSettings: %v", err)
				}
				after, _, err := api.read(ctx, c)
				if err != nil {
					t.Fatalf("Settings after update: %v", err)
				}
				got, err := json.Marshal(after)
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != string(want) {
					t.Errorf("settings after the round trip differ from what was sent:\n got %s\nwant %s", got, want)
				}
				for path, want := range map[string]any{
					"public_pages": true, "signup_enabled": true, "x_future_feature.level": float64(3), "smtp.address": "smtp.example.com",
					"ldap.profile.uid": "uid", "ldap.search_strategy": "detect", "configuration_id": float64(1401777404),
				} {
					if v, ok := srv.Setting(path); !ok || v != want {
						t.Errorf("server %s = %v, %v; want %v", path, v, ok, want)
					}
				}

				// A partial update: only the field that changes.
				partial := ghesadmin.EnterpriseSettings{SMTP: &ghesadmin.SMTPSettings{Address: ghesadmin.Ptr("mail.example.org")}}
				if err := api.write(ctx, c, api.wrap(&partial)); err != nil {
					t.Fatalf("UpdateSettings (partial): %v", err)
				}
				for path, want := range map[string]any{
					"smtp.address": "mail.example.org", "smtp.support_address": "enterprise@example.com", "public_pages": true,
				} {
					if v, _ := srv.Setting(path); v != want {
						t.Errorf("server %s = %v after a partial update, want %v", path, v, want)
					}
				}
			})
		})
	}
}
