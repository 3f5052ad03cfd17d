package ghesadmin_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"

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
