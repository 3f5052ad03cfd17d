package ghesadmin_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"time"

	"github.com/ghesadmin/ghesadmin"
)

// A stand-in administration port for the examples: it answers the
// maintenance endpoint of the Management Console.
func exampleConsoleServer() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if user, pass, ok := r.BasicAuth(); !ok || user != "api_key" || pass != "console-password" {
			http.Error(w, `{"message":"Bad credentials"}`, http.StatusUnauthorized)
			return
		}
		switch r.Method + " " + r.URL.Path {
		case "POST /setup/api/maintenance":
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"status":"on","scheduled_time":"","connection_services":[{"name":"git operations","number":0}]}`)
		default:
			http.NotFound(w, r)
		}
	}))
}

// Turn maintenance mode on now through the Management Console (GHES 3.14
// and earlier). The console is on the administration port; its password goes
// as basic authentication.
func ExampleManagementConsoleService_SetMaintenance() {
	console := exampleConsoleServer()
	defer console.Close()

	client, err := ghesadmin.NewClient("https://ghe.example.com",
		ghesadmin.WithManagementConsole(console.URL, "console-password"))
	if err != nil {
		log.Fatal(err)
	}
	st, _, err := client.ManagementConsole.SetMaintenance(context.Background(),
		ghesadmin.MaintenanceRequest{Enabled: true, When: ghesadmin.Ptr("now")})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("maintenance:", st.Status)
	for _, s := range st.ConnectionServices {
		fmt.Printf("%s: %d\n", s.Name, s.Number)
	}
	// Output:
	// maintenance: on
	// git operations: 0
}

// Read the settings, change one, write them back and apply them. Settings
// the SDK does not know survive the round trip.
func ExampleManagementConsoleService_UpdateSettings() {
	ctx := context.Background()
	client, err := ghesadmin.NewClient("https://ghe.example.com",
		ghesadmin.WithManagementConsole("", "console-password")) // https://ghe.example.com:8443
	if err != nil {
		log.Fatal(err)
	}
	settings, _, err := client.ManagementConsole.Settings(ctx)
	if err != nil {
		log.Fatal(err)
	}
	settings.Enterprise.SMTP.Enabled = ghesadmin.Ptr(true)
	if _, err := client.ManagementConsole.UpdateSettings(ctx, *settings); err != nil {
		log.Fatal(err)
	}
	if _, err := client.ManagementConsole.StartConfiguration(ctx); err != nil {
		log.Fatal(err)
	}
	if _, _, err := client.ManagementConsole.WaitForConfiguration(ctx); err != nil {
		log.Fatal(err)
	}
}

// A stand-in GHES for the Manage and Meta examples: GET /api/v3/meta on
// the API origin, and the config apply endpoints of the Manage GHES API on
// the administration origin.
func exampleManageServers() (api, admin *httptest.Server) {
	api = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v3/meta" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"verifiable_password_authentication":true,"installed_version":"3.16.1"}`)
	}))
	admin = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if user, pass, ok := r.BasicAuth(); !ok || user != "api_key" || pass != "console-password" {
			http.Error(w, `{"message":"Bad credentials"}`, http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		switch r.Method + " " + r.URL.Path {
		case "POST /manage/v1/config/apply":
			_, _ = io.WriteString(w, `{"run_id":"d34db33f"}`)
		case "GET /manage/v1/config/apply":
			_, _ = io.WriteString(w, `{"running":false,"successful":true,"nodes":[{"run_id":"d34db33f","hostname":"ghes-01.lan","running":false,"successful":true}]}`)
		default:
			http.NotFound(w, r)
		}
	}))
	return api, admin
}

// Learn which administration API the server has from its version.
func ExampleAdminAPIForVersion() {
	for _, v := range []string{"enterprise-server@2.22.0", "3.12.4", "3.16.1"} {
		api, err := ghesadmin.AdminAPIForVersion(v)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %s\n", v, api)
	}
	// Output:
	// enterprise-server@2.22.0: ManagementConsole
	// 3.12.4: ManagementConsole+Manage+ManageMaintenance+ManageConfig
	// 3.16.1: Manage+ManageMaintenance+ManageConfig
}

// Ask the server for its version, then apply the configuration with the
// API it has and wait for the run to finish.
func ExampleManageService_WaitForConfigApply() {
	api, admin := exampleManageServers()
	defer api.Close()
	defer admin.Close()

	ctx := context.Background()
	client, err := ghesadmin.NewClient(api.URL,
		ghesadmin.WithToken("ghp_example"),
		ghesadmin.WithManagementConsole(admin.URL, "console-password"))
	if err != nil {
		log.Fatal(err)
	}
	meta, _, err := client.Meta.Get(ctx)
	if err != nil {
		log.Fatal(err)
	}
	adminAPI, err := ghesadmin.AdminAPIForVersion(meta.InstalledVersion)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("GHES", meta.InstalledVersion, "has", adminAPI)
	if !adminAPI.Has(ghesadmin.AdminAPIManageConfig) { // GHES 3.12 and later
		return // use client.ManagementConsole instead
	}
	run, _, err := client.Manage.ConfigApply(ctx, ghesadmin.ConfigApplyRequest{})
	if err != nil {
		log.Fatal(err)
	}
	st, _, err := client.Manage.WaitForConfigApply(ctx, run.RunID, ghesadmin.WaitInterval(10*time.Millisecond))
	if err != nil {
		log.Fatal(err) // a *ghesadmin.ConfigApplyError names the failed node and step
	}
	fmt.Println("run", run.RunID, "successful:", st.Successful)
	// Output:
	// GHES 3.16.1 has Manage+ManageMaintenance+ManageConfig
	// run d34db33f successful: true
}

// Upload a new license file, streamed from disk, and apply it.
func ExampleManageService_UploadLicense() {
	client, err := ghesadmin.NewClient("https://ghe.example.com",
		ghesadmin.WithManagementConsole("https://ghe.example.com:8443", os.Getenv("GHES_CONSOLE_PASSWORD")))
	if err != nil {
		log.Fatal(err)
	}
	f, err := os.Open("enterprise.ghl")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	if _, err := client.Manage.UploadLicense(context.Background(), f, &ghesadmin.UploadLicenseOptions{Apply: ghesadmin.Ptr(true)}); err != nil {
		log.Fatal(err)
	}
}

// Read the installed version and the administration API it implies.
func ExampleMetaService_AdminAPI() {
	api, admin := exampleManageServers()
	defer api.Close()
	defer admin.Close()

	client, err := ghesadmin.NewClient(api.URL, ghesadmin.WithToken("ghp_example"))
	if err != nil {
		log.Fatal(err)
	}
	adminAPI, _, err := client.Meta.AdminAPI(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("Management Console:", adminAPI.HasManagementConsole())
	fmt.Println("Manage GHES API:", adminAPI.HasManage())
	// Output:
	// Management Console: false
	// Manage GHES API: true
}
