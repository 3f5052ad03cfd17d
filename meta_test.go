package ghesadmin

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestMeta_Get(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("GET /meta", func(w http.ResponseWriter, r *http.Request) {
		call{Method: http.MethodGet, Path: "/meta"}.verify(t, r)
		w.Header().Set(headerEnterpriseVersion, "enterprise-server@3.14.2")
		writeFixture(t, w, http.StatusOK, "meta/get.json")
	})
	m, resp, err := env.Client.Meta.Get(context.Background())
	require.NoError(t, err)
	eq(t, "EnterpriseVersion", resp.EnterpriseVersion, "enterprise-server@3.14.2")
	eq(t, "VerifiablePasswordAuthentication", m.VerifiablePasswordAuthentication, true)
	eq(t, "InstalledVersion", m.InstalledVersion, "3.14.2")
	wantFP := map[string]string{
		"SHA256_RSA":     "uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s",
		"SHA256_ECDSA":   "p2QAMXNIC1TJYWeIOttrVc98/R1BUFWu3/LiyKgUfQM",
		"SHA256_ED25519": "+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU",
	}
	if !reflect.DeepEqual(m.SSHKeyFingerprints, wantFP) {
		t.Errorf("SSHKeyFingerprints = %v", m.SSHKeyFingerprints)
	}
	if !reflect.DeepEqual(m.SSHKeys, []string{"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"}) {
		t.Errorf("SSHKeys = %v", m.SSHKeys)
	}
	if !reflect.DeepEqual(m.Hooks, []string{"192.0.2.10/32"}) {
		t.Errorf("Hooks = %v", m.Hooks)
	}
}

func TestMeta_AdminAPI(t *testing.T) {
	t.Run("installed_version", func(t *testing.T) {
		env := mock(t)
		env.expect(t, call{Method: http.MethodGet, Path: "/meta", Reply: "meta/get.json"}) // 3.14.2
		a, _, err := env.Client.Meta.AdminAPI(context.Background())
		require.NoError(t, err)
		eq(t, "AdminAPI", a, AdminAPIManagementConsole|AdminAPIManage|AdminAPIManageMaintenance|AdminAPIManageConfig)
	})
	t.Run("header fallback", func(t *testing.T) {
		env := setup(t)
		env.API.HandleFunc("GET /meta", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set(headerEnterpriseVersion, "enterprise-server@2.22.0")
			writeJSON(w, http.StatusOK, `{"verifiable_password_authentication":true}`)
		})
		a, _, err := env.Client.Meta.AdminAPI(context.Background())
		require.NoError(t, err)
		eq(t, "AdminAPI", a, AdminAPIManagementConsole)
	})
	t.Run("no version", func(t *testing.T) {
		env := setup(t)
		env.API.HandleFunc("GET /meta", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, `{}`)
		})
		if _, _, err := env.Client.Meta.AdminAPI(context.Background()); err == nil {
			t.Error("want an error when the server does not say its version")
		}
	})
}

func TestAdminAPIForVersion(t *testing.T) {
	console, manage := AdminAPIManagementConsole, AdminAPIManage
	maint, config, upgrade := AdminAPIManageMaintenance, AdminAPIManageConfig, AdminAPIManageUpgrade
	for v, want := range map[string]AdminAPI{
		"2.22.0":                   console,
		"enterprise-server@2.22.0": console,
		"enterprise-server@2.22":   console,
		"11.10.354":                console,
		"3.0.0":                    console,
		"3.7.9":                    console,
		// The Manage API arrived in stages: nothing of it in 3.8's
		// description, version/nodes/replication in 3.9, maintenance in
		// 3.10, configuration in 3.12, upgrades in 3.22.
		"3.8":                      console,
		"3.8.0":                    console,
		" 3.9.1 ":                  console | manage,
		"v3.10.1":                  console | manage | maint,
		"3.11.0":                   console | manage | maint,
		"3.12.4":                   console | manage | maint | config,
		"3.14.2":                   console | manage | maint | config,
		"enterprise-server@3.14.2": console | manage | maint | config,
		"3.14.0.rc1":               console | manage | maint | config,
		"3.15.0":                   manage | maint | config,
		"3.15.0-rc1":               manage | maint | config,
		"3.19.3":                   manage | maint | config,
		"enterprise-server@3.22":   manage | maint | config | upgrade,
		"3.40.0":                   manage | maint | config | upgrade,
		"4.0.0":                    manage | maint | config | upgrade,
	} {
		got, err := AdminAPIForVersion(v)
		if err != nil {
			t.Errorf("%q: %v", v, err)
			continue
		}
		if got != want {
			t.Errorf("%q: %v, want %v", v, got, want)
		}
	}
	for _, v := range []string{"", "3", "three.two", "enterprise-server@", "3.x", "-1.2"} {
		if _, err := AdminAPIForVersion(v); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("%q: err = %v, want ErrInvalidArgument", v, err)
		}
	}
	eq(t, "String", (console | manage).String(), "ManagementConsole+Manage")
	eq(t, "String", console.String(), "ManagementConsole")
	eq(t, "String", manage.String(), "Manage")
	eq(t, "String", AdminAPI(0).String(), "none")
	eq(t, "HasManage", console.HasManage(), false)
	eq(t, "HasManagementConsole", (console | manage).HasManagementConsole(), true)
	eq(t, "String", (manage | maint | config | upgrade).String(), "Manage+ManageMaintenance+ManageConfig+ManageUpgrade")
	eq(t, "Has", (manage | maint).Has(maint), true)
	eq(t, "Has", (manage | maint).Has(maint|config), false)
	eq(t, "Has", manage.Has(0), false)
}
