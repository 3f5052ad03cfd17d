package ghesadmin_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/ghesadmin/ghesadmin"
)

// Create a global webhook that receives JSON payloads signed with a secret.
// GHES returns the secret masked.
func ExampleAdminHooksService_Create() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Name   string         `json:"name"`
			Config map[string]any `json:"config"`
		}
		_ = json.NewDecoder(r.Body).Decode(&body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, `{"type":"Global","id":1,"name":%q,"active":true,"events":["organization","user"],"config":{"url":%q,"content_type":%q,"insecure_ssl":"0","secret":"********"}}`,
			body.Name, body.Config["url"], body.Config["content_type"])
	}))
	defer srv.Close()

	client, err := ghesadmin.NewClient(srv.URL, ghesadmin.WithToken("ghp_example"))
	if err != nil {
		log.Fatal(err)
	}
	hook, _, err := client.AdminHooks.Create(context.Background(), ghesadmin.CreateGlobalHookRequest{
		Events: []string{"organization", "user"},
		Config: ghesadmin.GlobalHookConfigRequest{
			URL:         "https://hooks.example.com/ghes",
			ContentType: ghesadmin.Ptr(ghesadmin.HookContentTypeJSON),
			Secret:      ghesadmin.Ptr("a-shared-secret"),
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(hook.ID, hook.Name, hook.Config.URL, hook.Config.ContentType, hook.Config.Secret)
	// Output:
	// 1 web https://hooks.example.com/ghes json ********
}
