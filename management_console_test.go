package ghesadmin

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func eq[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

// eqp checks a pointer field: non-nil and equal to want.
func eqp[T comparable](t *testing.T, what string, got *T, want T) {
	t.Helper()
	if got == nil {
		t.Errorf("%s = nil, want %v", what, want)
		return
	}
	if *got != want {
		t.Errorf("%s = %v, want %v", what, *got, want)
	}
}

// isNil checks a field the fixture sets to null.
func isNil[T any](t *testing.T, what string, got *T) {
	t.Helper()
	if got != nil {
		t.Errorf("%s = %v, want nil", what, *got)
	}
}

func TestManagementConsole_ConfigurationStatus(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Console: true, Method: http.MethodGet, Path: "/setup/api/configcheck", Reply: "management_console/configcheck.json"})
	st, resp, err := env.Client.ManagementConsole.ConfigurationStatus(context.Background())
	require.NoError(t, err)
	eq(t, "status code", resp.StatusCode, http.StatusOK)
	eq(t, "Status", st.Status, "running")
	want := []ConfigurationStep{
		{ConfigurationDone, "Appliance core components"},
		{ConfigurationDone, "GitHub utilities"},
		{ConfigurationDone, "GitHub applications"},
		{ConfigurationConfiguring, "GitHub services"},
		{ConfigurationPending, "Reloading appliance services"},
	}
	if len(st.Progress) != len(want) {
		t.Fatalf("len(Progress) = %d, want %d", len(st.Progress), len(want))
	}
	for i, w := range want {
		eq(t, "Progress[i]", *st.Progress[i], w)
	}
}

// wantMaintenance is the maintenance status of the reference's examples
// (testdata/management_console/maintenance.json and set_maintenance.json).
func wantMaintenance() *MaintenanceStatus {
	return &MaintenanceStatus{
		Status:             "scheduled",
		ScheduledTime:      "Tuesday, January 22 at 15:34 -0800",
		ConnectionServices: ptrs(ConnectionService{"git operations", 0}, ConnectionService{"mysql queries", 233}, ConnectionService{"resque jobs", 54}),
	}
}

// TestManagementConsoleEndpoints checks the requests of the console's
// maintenance, configuration and authorized keys calls, and every field of
// their replies.
func TestManagementConsoleEndpoints(t *testing.T) {
	console := func(method, path string, form url.Values, status int, reply string) call {
		return call{Console: true, Method: method, Path: "/setup/api/" + path, Form: form, Status: status, Reply: reply}
	}
	mc := func(c *Client) *ManagementConsoleService { return c.ManagementConsole }
	key := url.Values{"authorized_key": {testPublicKey}}
	keys := ptrs(wantAuthorizedKeys...)
	setMaintenance := func(req MaintenanceRequest, form string) endpointCase {
		return endpointCase{"SetMaintenance " + form, call{Console: true, Method: http.MethodPost, Path: "/setup/api/maintenance", FormJSON: [2]string{"maintenance", form}, Reply: "management_console/set_maintenance.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) { return mc(c).SetMaintenance(ctx, req) }, wantMaintenance()}
	}
	runEndpointCases(t, []endpointCase{
		{"StartConfiguration", console(http.MethodPost, "configure", nil, http.StatusAccepted, ""),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(mc(c).StartConfiguration(ctx))
			}, nil},
		{"MaintenanceStatus", console(http.MethodGet, "maintenance", nil, 0, "management_console/maintenance.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) { return mc(c).MaintenanceStatus(ctx) }, wantMaintenance()},
		setMaintenance(MaintenanceRequest{Enabled: true, When: Ptr("now")}, `{"enabled":true,"when":"now"}`),
		setMaintenance(MaintenanceRequest{Enabled: true, When: Ptr("2026-01-22 15:34")}, `{"enabled":true,"when":"2026-01-22 15:34"}`),
		setMaintenance(MaintenanceRequest{Enabled: false}, `{"enabled":false}`),
		{"AuthorizedKeys", console(http.MethodGet, "settings/authorized-keys", nil, 0, "management_console/authorized_keys.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) { return mc(c).AuthorizedKeys(ctx) }, keys},
		{"AddAuthorizedKey", console(http.MethodPost, "settings/authorized-keys", key, http.StatusCreated, "management_console/add_authorized_key.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return mc(c).AddAuthorizedKey(ctx, testPublicKey)
			}, keys},
		{"RemoveAuthorizedKey", console(http.MethodDelete, "settings/authorized-keys", key, 0, "management_console/remove_authorized_key.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return mc(c).RemoveAuthorizedKey(ctx, testPublicKey)
			}, keys},
	})
}

func TestManagementConsole_Settings(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Console: true, Method: http.MethodGet, Path: "/setup/api/settings", Reply: "management_console/settings.json"})
	s, _, err := env.Client.ManagementConsole.Settings(context.Background())
	require.NoError(t, err)
	assert.Equal(t, []string{"recipe[enterprise-configure]"}, s.RunList, "RunList")
	if s.Extra != nil {
		t.Errorf("Extra = %v, want none", s.Extra)
	}
	if s.Enterprise == nil {
		t.Fatal("Enterprise = nil")
	}
	assertEnterpriseSettingsFixture(t, s.Enterprise, true)
}

// assertEnterpriseSettingsFixture checks every field of the settings example
// (the console's "enterprise" object, or the Manage API's document, which
// lacks http_proxy, admin_password, timezone, assets and load_balancer and
// adds prometheus).
func assertEnterpriseSettingsFixture(t *testing.T, e *EnterpriseSettings, console bool) {
	t.Helper()
	eqp(t, "PrivateMode", e.PrivateMode, false)
	eqp(t, "PublicPages", e.PublicPages, false)
	eqp(t, "SubdomainIsolation", e.SubdomainIsolation, true)
	eqp(t, "SignupEnabled", e.SignupEnabled, false)
	eqp(t, "GitHubHostname", e.GitHubHostname, "ghe.local")
	eqp(t, "IdenticonsHost", e.IdenticonsHost, "dotcom")
	isNil(t, "HTTPProxy", e.HTTPProxy)
	eqp(t, "AuthMode", e.AuthMode, "default")
	eqp(t, "ExpireSessions", e.ExpireSessions, false)
	isNil(t, "AdminPassword", e.AdminPassword)
	eqp(t, "ConfigurationID", e.ConfigurationID, 1401777404)
	eqp(t, "ConfigurationRunCount", e.ConfigurationRunCount, 4)

	if e.Avatar == nil || e.Customer == nil || e.License == nil || e.GitHubSSL == nil || e.LDAP == nil ||
		e.CAS == nil || e.SAML == nil || e.GitHubOAuth == nil || e.SMTP == nil || e.NTP == nil ||
		e.SNMP == nil || e.Syslog == nil || e.Pages == nil || e.Collectd == nil || e.Mapping == nil {
		t.Fatalf("a settings section is nil: %+v", e)
	}
	eqp(t, "Avatar.Enabled", e.Avatar.Enabled, false)
	eqp(t, "Avatar.URI", e.Avatar.URI, "")

	eqp(t, "Customer.Name", e.Customer.Name, "GitHub")
	eqp(t, "Customer.Email", e.Customer.Email, "stannis@themannis.biz")
	eqp(t, "Customer.UUID", e.Customer.UUID, "af6cac80-e4e1-012e-d822-1231380e52e9")
	nl := "\n\n"
	if !console {
		nl = "\n" // the Manage API example has one line break fewer
	}
	eqp(t, "Customer.SecretKeyData", e.Customer.SecretKeyData, "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v1.4.10 (GNU/Linux)"+nl+"lQcYBE5TCgsBEACk4yHpUcapplebaumBMXYMiLF+nCQ0lxpx...\n-----END PGP PRIVATE KEY BLOCK-----\n")
	eqp(t, "Customer.PublicKeyData", e.Customer.PublicKeyData, "-----BEGIN PGP PUBLIC KEY BLOCK-----\nVersion: GnuPG v1.4.10 (GNU/Linux)"+nl+"mI0ETqzZYgEEALSe6snowdenXyqvLfSQ34HWD6C7....\n-----END PGP PUBLIC KEY BLOCK-----\n")

	eqp(t, "License.Seats", e.License.Seats, 0)
	eqp(t, "License.Evaluation", e.License.Evaluation, false)
	eqp(t, "License.Perpetual", e.License.Perpetual, false)
	eqp(t, "License.UnlimitedSeating", e.License.UnlimitedSeating, true)
	eqp(t, "License.SupportKey", e.License.SupportKey, "ssh-rsa AAAAB3N....")
	eqp(t, "License.SSHAllowed", e.License.SSHAllowed, true)
	eqp(t, "License.ClusterSupport", e.License.ClusterSupport, false)
	if e.License.ExpireAt == nil || *e.License.ExpireAt != "2016-04-27T00:00:00-07:00" {
		t.Errorf("License.ExpireAt = %v", e.License.ExpireAt)
	}

	eqp(t, "GitHubSSL.Enabled", e.GitHubSSL.Enabled, false)
	isNil(t, "GitHubSSL.Cert", e.GitHubSSL.Cert)
	isNil(t, "GitHubSSL.Key", e.GitHubSSL.Key)

	l := e.LDAP
	isNil(t, "LDAP.Host", l.Host)
	eqp(t, "LDAP.Port", l.Port, 0)
	if l.Base == nil || len(l.Base) != 0 {
		t.Errorf("LDAP.Base = %#v, want an empty list", l.Base)
	}
	isNil(t, "LDAP.UID", l.UID)
	isNil(t, "LDAP.BindDN", l.BindDN)
	isNil(t, "LDAP.Password", l.Password)
	eqp(t, "LDAP.Method", l.Method, "Plain")
	eqp(t, "LDAP.SearchStrategy", l.SearchStrategy, "detect")
	if l.UserGroups == nil || len(l.UserGroups) != 0 {
		t.Errorf("LDAP.UserGroups = %#v, want an empty list", l.UserGroups)
	}
	isNil(t, "LDAP.AdminGroup", l.AdminGroup)
	eqp(t, "LDAP.VirtualAttributeEnabled", l.VirtualAttributeEnabled, false)
	eqp(t, "LDAP.RecursiveGroupSearch", l.RecursiveGroupSearch, false)
	eqp(t, "LDAP.PosixSupport", l.PosixSupport, true)
	eqp(t, "LDAP.UserSyncEmails", l.UserSyncEmails, false)
	eqp(t, "LDAP.UserSyncKeys", l.UserSyncKeys, false)
	eqp(t, "LDAP.UserSyncInterval", l.UserSyncInterval, 4)
	eqp(t, "LDAP.TeamSyncInterval", l.TeamSyncInterval, 4)
	eqp(t, "LDAP.SyncEnabled", l.SyncEnabled, false)
	if l.Reconciliation == nil || l.Profile == nil {
		t.Fatal("LDAP.Reconciliation or LDAP.Profile is nil")
	}
	isNil(t, "LDAP.Reconciliation.User", l.Reconciliation.User)
	isNil(t, "LDAP.Reconciliation.Org", l.Reconciliation.Org)
	eqp(t, "LDAP.Profile.UID", l.Profile.UID, "uid")
	isNil(t, "LDAP.Profile.Name", l.Profile.Name)
	isNil(t, "LDAP.Profile.Mail", l.Profile.Mail)
	isNil(t, "LDAP.Profile.Key", l.Profile.Key)

	isNil(t, "CAS.URL", e.CAS.URL)

	isNil(t, "SAML.SSOURL", e.SAML.SSOURL)
	isNil(t, "SAML.Certificate", e.SAML.Certificate)
	isNil(t, "SAML.CertificatePath", e.SAML.CertificatePath)
	isNil(t, "SAML.Issuer", e.SAML.Issuer)
	eqp(t, "SAML.IdPInitiatedSSO", e.SAML.IdPInitiatedSSO, false)
	eqp(t, "SAML.DisableAdminDemote", e.SAML.DisableAdminDemote, false)

	eqp(t, "GitHubOAuth.ClientID", e.GitHubOAuth.ClientID, "12313412")
	eqp(t, "GitHubOAuth.ClientSecret", e.GitHubOAuth.ClientSecret, "kj123131132")
	eqp(t, "GitHubOAuth.OrganizationName", e.GitHubOAuth.OrganizationName, "Homestar Runners")
	eqp(t, "GitHubOAuth.OrganizationTeam", e.GitHubOAuth.OrganizationTeam, "homestarrunners/characters")

	m := e.SMTP
	eqp(t, "SMTP.Enabled", m.Enabled, true)
	eqp(t, "SMTP.Address", m.Address, "smtp.example.com")
	eqp(t, "SMTP.Authentication", m.Authentication, "plain")
	eqp(t, "SMTP.Port", m.Port, "1234")
	eqp(t, "SMTP.Domain", m.Domain, "blah")
	eqp(t, "SMTP.Username", m.Username, "foo")
	eqp(t, "SMTP.UserName", m.UserName, "mr_foo")
	eqp(t, "SMTP.EnableStartTLSAuto", m.EnableStartTLSAuto, true)
	eqp(t, "SMTP.Password", m.Password, "bar")
	eqp(t, "SMTP.DiscardToNoreplyAddress", m.DiscardToNoreplyAddress, true)
	eqp(t, "SMTP.SupportAddress", m.SupportAddress, "enterprise@github.com")
	eqp(t, "SMTP.SupportAddressType", m.SupportAddressType, "email")
	eqp(t, "SMTP.NoreplyAddress", m.NoreplyAddress, "noreply@github.com")

	eqp(t, "NTP.PrimaryServer", e.NTP.PrimaryServer, "0.pool.ntp.org")
	eqp(t, "NTP.SecondaryServer", e.NTP.SecondaryServer, "1.pool.ntp.org")
	isNil(t, "Timezone", e.Timezone)
	eqp(t, "SNMP.Enabled", e.SNMP.Enabled, false)
	eqp(t, "SNMP.Community", e.SNMP.Community, "")
	eqp(t, "Syslog.Enabled", e.Syslog.Enabled, false)
	isNil(t, "Syslog.Server", e.Syslog.Server)
	eqp(t, "Syslog.ProtocolName", e.Syslog.ProtocolName, "udp")
	eqp(t, "Pages.Enabled", e.Pages.Enabled, true)

	c := e.Collectd
	eqp(t, "Collectd.Enabled", c.Enabled, false)
	isNil(t, "Collectd.Server", c.Server)
	eqp(t, "Collectd.Port", c.Port, 0)
	isNil(t, "Collectd.Encryption", c.Encryption)
	isNil(t, "Collectd.Username", c.Username)
	isNil(t, "Collectd.Password", c.Password)

	eqp(t, "Mapping.Enabled", e.Mapping.Enabled, true)
	isNil(t, "Mapping.Tileserver", e.Mapping.Tileserver)
	eqp(t, "Mapping.Basemap", e.Mapping.Basemap, "company.map-qsz2zrvs")
	isNil(t, "Mapping.Token", e.Mapping.Token)

	if console {
		eq(t, "Assets", string(e.Assets), "null")
		eq(t, "LoadBalancer", string(e.LoadBalancer), "null")
		if e.Prometheus != nil {
			t.Errorf("Prometheus = %+v, want nil", e.Prometheus)
		}
	} else {
		eq(t, "Assets", string(e.Assets), "")
		eq(t, "LoadBalancer", string(e.LoadBalancer), "")
		if e.Prometheus == nil {
			t.Fatal("Prometheus = nil")
		}
		eqp(t, "Prometheus.Enabled", e.Prometheus.Enabled, false)
		eqp(t, "Prometheus.TrustedIPs", e.Prometheus.TrustedIPs, "10.0.0.1, 192.168.1.0/8")
	}
	if e.Extra != nil {
		t.Errorf("Extra = %v, want none", e.Extra)
	}
}

func TestManagementConsole_UpdateSettings(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Console: true, Method: http.MethodPut, Path: "/setup/api/settings", FormJSON: [2]string{"settings", `{"enterprise":{"public_pages":true,"smtp":{"discard-to-noreply-address":false}}}`}, Status: http.StatusNoContent})
	resp, err := env.Client.ManagementConsole.UpdateSettings(context.Background(), ConsoleSettings{
		Enterprise: &EnterpriseSettings{
			PublicPages: Ptr(true),
			SMTP:        &SMTPSettings{DiscardToNoreplyAddress: Ptr(false)},
		},
	})
	require.NoError(t, err)
	eq(t, "status code", resp.StatusCode, http.StatusNoContent)
}

// TestManagementConsole_SettingsRoundTrip reads settings with unknown keys at
// three levels, changes one field and writes them back: everything the
// server sent (but nulls, which the merge keeps anyway) goes back, with the
// change.
func TestManagementConsole_SettingsRoundTrip(t *testing.T) {
	// The reference example with unknown keys added at the top level, in
	// "enterprise" and in "smtp".
	var doc map[string]any
	env := setup(t)
	if err := json.Unmarshal(fixture(t, "management_console/settings.json"), &doc); err != nil {
		t.Fatal(err)
	}
	doc["future_top"] = map[string]any{"a": []any{1.0, "b"}}
	ent := doc["enterprise"].(map[string]any)
	ent["future_feature"] = map[string]any{"enabled": true, "level": 3.0}
	ent["smtp"].(map[string]any)["future_smtp"] = "tls1.3"
	served, _ := json.Marshal(doc)

	env.Console.HandleFunc("GET /setup/api/settings", func(w http.ResponseWriter, r *http.Request) {
		call{Console: true, Method: http.MethodGet, Path: "/setup/api/settings"}.verify(t, r)
		writeJSON(w, http.StatusOK, string(served))
	})
	var sent string
	env.Console.HandleFunc("PUT /setup/api/settings", func(w http.ResponseWriter, r *http.Request) {
		call{Console: true, Method: http.MethodPut, Path: "/setup/api/settings", Body: checkedBelow}.verify(t, r)
		testHeader(t, r, "Content-Type", "application/x-www-form-urlencoded")
		if err := r.ParseForm(); err != nil {
			t.Fatal(err)
		}
		sent = r.PostForm.Get("settings")
		w.WriteHeader(http.StatusNoContent)
	})

	ctx := context.Background()
	s, _, err := env.Client.ManagementConsole.Settings(ctx)
	require.NoError(t, err)
	if string(s.Enterprise.Extra["future_feature"]) != `{"enabled":true,"level":3}` {
		t.Errorf("Enterprise.Extra = %s", s.Enterprise.Extra["future_feature"])
	}
	s.Enterprise.PublicPages = Ptr(true)
	if _, err := env.Client.ManagementConsole.UpdateSettings(ctx, *s); err != nil {
		t.Fatal(err)
	}

	// What must come back: the served document with the change, without
	// the keys that were null.
	ent["public_pages"] = true
	back := dropNulls(doc).(map[string]any)
	// Raw JSON fields (assets, load_balancer) go back byte for byte.
	back["enterprise"].(map[string]any)["assets"] = nil
	back["enterprise"].(map[string]any)["load_balancer"] = nil
	want, _ := json.Marshal(back)
	assert.JSONEq(t, string(want), sent)
}

// dropNulls removes the keys whose value is null, at every level.
func dropNulls(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, x := range v {
			if x == nil {
				continue
			}
			out[k] = dropNulls(x)
		}
		return out
	case []any:
		for i := range v {
			v[i] = dropNulls(v[i])
		}
	}
	return v
}

var wantAuthorizedKeys = []AuthorizedKey{
	{"ssh-rsa AAAAB3NzaC1yc2EAAAAB...", "ssh-rsa 01:14:0f:f2:0f:e2:fe:e8:f4:72:62:af:75:f7:1a:88:3e:04:92:64"},
	{"ssh-rsa AAAAB3NzaC1yc2EAAAAB...", "ssh-rsa 01:14:0f:f2:0f:e2:fe:e8:f4:72:62:af:75:f7:1a:88:3e:04:92:64"},
	{"ssh-rsa AAAAB3NzaC1yc2EAAAAB...", "ssh-rsa 01:14:0f:f2:0f:e2:fe:e8:f4:72:62:af:75:f7:1a:88:3e:04:92:64"},
}

const testPublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK0wmN/Cr3JXqmLW7u+g9pTh+wyqDHpSQEIQczXkVx9q admin@example.com"

func TestManagementConsole_AuthorizedKeyEmpty(t *testing.T) {
	env := setup(t) // any request would fail the test
	_, _, err := env.Client.ManagementConsole.AddAuthorizedKey(context.Background(), " ")
	assert.ErrorIs(t, err, ErrInvalidArgument)
}

const testLicense = "-----BEGIN GHL-----\nlicense+data/with=special&chars\n-----END GHL-----\n"

func TestManagementConsole_UploadLicense(t *testing.T) {
	t.Run("license only", func(t *testing.T) {
		env := mock(t)
		// Issue 12: real appliances were sent multipart/form-data with the
		// license as a file part.
		env.expect(t, call{Console: true, Method: http.MethodPost, Path: "/setup/api/start",
			Parts: []multipartPart{{"license", "enterprise.ghl", testLicense}}, Status: http.StatusAccepted})
		resp, err := env.Client.ManagementConsole.UploadLicense(context.Background(), strings.NewReader(testLicense), SetupRequest{})
		require.NoError(t, err)
		eq(t, "status code", resp.StatusCode, http.StatusAccepted)
	})
	t.Run("password and settings", func(t *testing.T) {
		env := setup(t)
		env.Console.HandleFunc("POST /setup/api/start", func(w http.ResponseWriter, r *http.Request) {
			call{Console: true, Method: http.MethodPost, Path: "/setup/api/start", Body: checkedBelow}.verify(t, r)
			parts := readMultipart(t, r)
			if len(parts) != 3 {
				t.Fatalf("parts = %q, want license, password, settings", parts)
			}
			if want := (multipartPart{"license", "enterprise.ghl", testLicense}); parts[0] != want {
				t.Errorf("part 0 = %q, want %q", parts[0], want)
			}
			if want := (multipartPart{"password", "", "new-Console-pw"}); parts[1] != want {
				t.Errorf("part 1 = %q, want %q", parts[1], want)
			}
			eq(t, "part 2 name", parts[2].name, "settings")
			eq(t, "part 2 file name", parts[2].fileName, "")
			assert.JSONEq(t, `{"enterprise":{"github_hostname":"ghe.example.com","signup_enabled":false}}`, parts[2].content)
			w.WriteHeader(http.StatusAccepted)
		})
		_, err := env.Client.ManagementConsole.UploadLicense(context.Background(), strings.NewReader(testLicense), SetupRequest{
			Password: Ptr("new-Console-pw"),
			Settings: &ConsoleSettings{Enterprise: &EnterpriseSettings{
				GitHubHostname: Ptr("ghe.example.com"),
				SignupEnabled:  Ptr(false),
			}},
		})
		require.NoError(t, err)
	})
	t.Run("nil license", func(t *testing.T) {
		env := setup(t)
		_, err := env.Client.ManagementConsole.UploadLicense(context.Background(), nil, SetupRequest{})
		assert.ErrorIs(t, err, ErrInvalidArgument)
		assert.ErrorContains(t, err, "ManagementConsole.UploadLicense")
	})
}

func TestManagementConsole_UpgradeLicense(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Console: true, Method: http.MethodPost, Path: "/setup/api/upgrade",
		Parts: []multipartPart{{"license", "enterprise.ghl", testLicense}}, Status: http.StatusAccepted})
	resp, err := env.Client.ManagementConsole.UpgradeLicense(context.Background(), strings.NewReader(testLicense))
	require.NoError(t, err)
	eq(t, "status code", resp.StatusCode, http.StatusAccepted)
}

func TestManagementConsole_UpgradeLicenseNil(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Console: true, Method: http.MethodPost, Path: "/setup/api/upgrade", Parts: []multipartPart{}, Status: http.StatusAccepted})
	if _, err := env.Client.ManagementConsole.UpgradeLicense(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
}

func TestManagementConsole_WaitForConfiguration(t *testing.T) {
	step := func(key string, s ConfigurationStepStatus) string {
		return `{"status":"` + string(s) + `","key":"` + key + `"}`
	}
	serve := func(t *testing.T, replies ...string) (*testEnv, *atomic.Int32) {
		env := setup(t)
		var n atomic.Int32
		env.Console.HandleFunc("GET /setup/api/configcheck", func(w http.ResponseWriter, r *http.Request) {
			call{Console: true, Method: http.MethodGet, Path: "/setup/api/configcheck"}.verify(t, r)
			i := int(n.Add(1)) - 1
			if i >= len(replies) {
				i = len(replies) - 1
			}
			writeJSON(w, http.StatusOK, replies[i])
		})
		return env, &n
	}

	t.Run("success", func(t *testing.T) {
		env, n := serve(t,
			`{"status":"running","progress":[`+step("Core", ConfigurationDone)+`,`+step("Services", ConfigurationConfiguring)+`]}`,
			`{"status":"running","progress":[`+step("Core", ConfigurationDone)+`,`+step("Services", ConfigurationDone)+`]}`,
			`{"status":"running","progress":[]}`, // never reached
		)
		st, _, err := env.Client.ManagementConsole.WaitForConfiguration(context.Background(), WaitInterval(time.Millisecond))
		require.NoError(t, err)
		eq(t, "polls", n.Load(), int32(2))
		eq(t, "last step", st.Progress[1].Status, ConfigurationDone)
	})
	t.Run("overall success", func(t *testing.T) {
		env, n := serve(t,
			`{"status":"running","progress":[]}`,
			`{"status":"success","progress":[`+step("Core", ConfigurationDone)+`,`+step("Services", ConfigurationPending)+`]}`,
		)
		_, _, err := env.Client.ManagementConsole.WaitForConfiguration(context.Background(), WaitInterval(time.Millisecond))
		require.NoError(t, err)
		eq(t, "polls", n.Load(), int32(2))
	})
	t.Run("failed step", func(t *testing.T) {
		env, _ := serve(t,
			`{"status":"running","progress":[`+step("Core", ConfigurationConfiguring)+`]}`,
			`{"status":"running","progress":[`+step("Core", ConfigurationDone)+`,`+step("GitHub services", ConfigurationFailed)+`,`+step("Reload", ConfigurationPending)+`]}`,
		)
		_, _, err := env.Client.ManagementConsole.WaitForConfiguration(context.Background(), WaitInterval(time.Millisecond))
		var ce *ConfigurationError
		if !errors.As(err, &ce) {
			t.Fatalf("err = %v, want *ConfigurationError", err)
		}
		eq(t, "Step", ce.Step, "GitHub services")
		if !strings.Contains(err.Error(), `"GitHub services"`) {
			t.Errorf("error %q does not name the step", err)
		}
	})
	t.Run("overall failure", func(t *testing.T) {
		env, _ := serve(t, `{"status":"failed","progress":[]}`)
		_, _, err := env.Client.ManagementConsole.WaitForConfiguration(context.Background(), WaitInterval(time.Millisecond))
		var ce *ConfigurationError
		if !errors.As(err, &ce) || ce.Step != "" {
			t.Fatalf("err = %v, want *ConfigurationError without a step", err)
		}
	})
	t.Run("context", func(t *testing.T) {
		env, n := serve(t, `{"status":"running","progress":[`+step("Core", ConfigurationConfiguring)+`]}`)
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, _, err := env.Client.ManagementConsole.WaitForConfiguration(ctx, WaitInterval(10*time.Millisecond))
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v, want context.DeadlineExceeded", err)
		}
		if time.Since(start) > 5*time.Second {
			t.Errorf("took %v", time.Since(start))
		}
		if n.Load() < 2 {
			t.Errorf("polls = %d, want several", n.Load())
		}
	})
}

// TestManagementConsole_NoPassword: with no console password, every method
// fails before sending, saying which option to set.
func TestManagementConsole_NoPassword(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
	}))
	defer srv.Close()
	c, err := NewClient(srv.URL, WithToken(testToken))
	require.NoError(t, err)
	ctx := context.Background()
	mc := c.ManagementConsole
	calls := map[string]func() error{
		"ConfigurationStatus":  func() error { _, _, err := mc.ConfigurationStatus(ctx); return err },
		"StartConfiguration":   func() error { _, err := mc.StartConfiguration(ctx); return err },
		"WaitForConfiguration": func() error { _, _, err := mc.WaitForConfiguration(ctx); return err },
		"MaintenanceStatus":    func() error { _, _, err := mc.MaintenanceStatus(ctx); return err },
		"SetMaintenance": func() error {
			_, _, err := mc.SetMaintenance(ctx, MaintenanceRequest{Enabled: true})
			return err
		},
		"Settings":            func() error { _, _, err := mc.Settings(ctx); return err },
		"UpdateSettings":      func() error { _, err := mc.UpdateSettings(ctx, ConsoleSettings{}); return err },
		"AuthorizedKeys":      func() error { _, _, err := mc.AuthorizedKeys(ctx); return err },
		"AddAuthorizedKey":    func() error { _, _, err := mc.AddAuthorizedKey(ctx, testPublicKey); return err },
		"RemoveAuthorizedKey": func() error { _, _, err := mc.RemoveAuthorizedKey(ctx, testPublicKey); return err },
		"UploadLicense": func() error {
			_, err := mc.UploadLicense(ctx, strings.NewReader(testLicense), SetupRequest{})
			return err
		},
		"UpgradeLicense": func() error { _, err := mc.UpgradeLicense(ctx, strings.NewReader(testLicense)); return err },
	}
	for name, call := range calls {
		err := call()
		if !errors.Is(err, ErrNoConsolePassword) {
			t.Errorf("%s: err = %v, want ErrNoConsolePassword", name, err)
			continue
		}
		if !strings.Contains(err.Error(), "WithManagementConsole") {
			t.Errorf("%s: error %q does not name the option to set", name, err)
		}
	}
	eq(t, "requests sent", hits.Load(), int32(0))
}

// TestManagementConsole_TLS: a self-signed administration port is refused by
// default, trusted with its certificate as CA, and reachable with
// verification off only when asked for.
func TestManagementConsole_TLS(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		call{Console: true, Method: http.MethodGet, Path: "/setup/api/configcheck"}.verify(t, r)
		writeFixture(t, w, http.StatusOK, "management_console/configcheck.json")
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // refused handshakes are expected
	srv.StartTLS()
	defer srv.Close()
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})

	newClient := func(t *testing.T, opts ...Option) *Client {
		t.Helper()
		all := append([]Option{WithManagementConsole(srv.URL, testConsolePassword), WithoutRetries()}, opts...)
		c, err := NewClient("https://ghe.invalid", all...)
		require.NoError(t, err)
		return c
	}
	ctx := context.Background()

	t.Run("default refuses", func(t *testing.T) {
		_, _, err := newClient(t).ManagementConsole.ConfigurationStatus(ctx)
		if err == nil {
			t.Fatal("want a certificate error")
		}
		if !strings.Contains(err.Error(), "certificate") {
			t.Errorf("err = %v, want a certificate error", err)
		}
		assertNoSecret(t, "error", err.Error())
	})
	t.Run("CA", func(t *testing.T) {
		st, _, err := newClient(t, WithManagementConsoleCA(certPEM)).ManagementConsole.ConfigurationStatus(ctx)
		require.NoError(t, err)
		eq(t, "Status", st.Status, "running")
	})
	t.Run("other CA refuses", func(t *testing.T) {
		// Every httptest server shares one certificate: make another.
		otherPEM := selfSignedPEM(t)
		_, _, err := newClient(t, WithManagementConsoleCA(otherPEM)).ManagementConsole.ConfigurationStatus(ctx)
		if err == nil {
			t.Fatal("a certificate signed by another CA was accepted")
		}
	})
	t.Run("insecure", func(t *testing.T) {
		st, _, err := newClient(t, WithInsecureManagementConsole()).ManagementConsole.ConfigurationStatus(ctx)
		require.NoError(t, err)
		eq(t, "Status", st.Status, "running")
	})
	t.Run("bad PEM", func(t *testing.T) {
		if _, err := NewClient("https://ghe.invalid", WithManagementConsoleCA([]byte("not a pem"))); err == nil {
			t.Error("want an error for a CA without a certificate")
		}
	})
}

// TestManagementConsole_NoSecretLeak: the console password reaches neither
// the URL, the debug log, nor an error, on success and on failure.
func TestManagementConsole_NoSecretLeak(t *testing.T) {
	var buf capture
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	env := setup(t, WithLogger(logger))
	env.Console.HandleFunc("POST /setup/api/maintenance", func(w http.ResponseWriter, r *http.Request) {
		assertNoSecret(t, "request URL", r.URL.String())
		assertNoSecret(t, "request URI", r.RequestURI)
		writeFixture(t, w, http.StatusOK, "management_console/set_maintenance.json")
	})
	env.Console.HandleFunc("GET /setup/api/settings", func(w http.ResponseWriter, r *http.Request) {
		assertNoSecret(t, "request URL", r.URL.String())
		writeJSON(w, http.StatusUnauthorized, `{"message":"Bad credentials"}`)
	})
	ctx := context.Background()
	if _, _, err := env.Client.ManagementConsole.SetMaintenance(ctx, MaintenanceRequest{Enabled: true, When: Ptr("now")}); err != nil {
		t.Fatal(err)
	}
	_, resp, err := env.Client.ManagementConsole.Settings(ctx)
	if err == nil {
		t.Fatal("want an error for a 401")
	}
	assert.ErrorIs(t, err, ErrUnauthorized)
	assertNoSecret(t, "error", err.Error())
	assertNoSecret(t, "response request URL", resp.Request.URL.String())

	// A transport error (the server is gone) is logged and returned too.
	env.ConsoleSrv.Close()
	_, _, err = env.Client.ManagementConsole.MaintenanceStatus(ctx)
	if err == nil {
		t.Fatal("want an error from a closed server")
	}
	assertNoSecret(t, "transport error", err.Error())

	log := buf.String()
	if strings.Count(log, "ghesadmin request") != 3 {
		t.Errorf("log has %d request lines, want 3:\n%s", strings.Count(log, "ghesadmin request"), log)
	}
	if !strings.Contains(log, "/setup/api/maintenance") {
		t.Errorf("log does not show the console path:\n%s", log)
	}
	assertNoSecret(t, "log", log)
	assertNoSecret(t, "client String", env.Client.String())
	assertNoSecret(t, "client %#v", fmt.Sprintf("%#v", env.Client))
}

// selfSignedPEM returns a new self-signed CA certificate for 127.0.0.1.
func selfSignedPEM(t *testing.T) []byte {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(42),
		Subject:               pkix.Name{CommonName: "other test CA"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}
