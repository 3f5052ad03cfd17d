package ghesadmin_test

import (
	"context"
	"fmt"
	"log"
	"net/http"

	"github.com/ghesadmin/ghesadmin"
)

// Create a runner group for selected organizations, get a registration
// token for a new runner, and list every runner of the enterprise.
func ExampleActionsService() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /enterprises/octo-corp/actions/runner-groups", func(w http.ResponseWriter, r *http.Request) {
		exampleStubJSON(w, http.StatusCreated, `{"id":2,"name":"gpu-runners","visibility":"selected","default":false,"allows_public_repositories":false}`)
	})
	mux.HandleFunc("POST /enterprises/octo-corp/actions/runners/registration-token", func(w http.ResponseWriter, r *http.Request) {
		exampleStubJSON(w, http.StatusCreated, `{"token":"LLBF3JGZDX3P5PMEXLND6TS6FCWO6","expires_at":"2020-01-22T12:13:35.123-08:00"}`)
	})
	mux.HandleFunc("GET /enterprises/octo-corp/actions/runners", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("page") == "" {
			w.Header().Set("Link", `<http://`+r.Host+`/api/v3/enterprises/octo-corp/actions/runners?page=2>; rel="next"`)
			exampleStubJSON(w, http.StatusOK, `{"total_count":2,"runners":[{"id":23,"name":"linux_runner","os":"linux","status":"online","busy":true}]}`)
			return
		}
		exampleStubJSON(w, http.StatusOK, `{"total_count":2,"runners":[{"id":24,"name":"mac_runner","os":"macos","status":"offline","busy":false}]}`)
	})
	srv := exampleStubGHES(mux)
	defer srv.Close()

	client, err := ghesadmin.NewClient(srv.URL, ghesadmin.WithToken("example-token"))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	group, _, err := client.Actions.CreateRunnerGroup(ctx, "octo-corp", ghesadmin.CreateRunnerGroupRequest{
		Name:                    "gpu-runners",
		Visibility:              ghesadmin.Ptr(ghesadmin.RunnerGroupVisibilitySelected),
		SelectedOrganizationIDs: []int64{32, 91},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("group", group.ID, group.Name, group.Visibility)

	tok, _, err := client.Actions.CreateRegistrationToken(ctx, "octo-corp")
	if err != nil {
		log.Fatal(err)
	}
	// Pass tok.Token to ./config.sh --token; printing the value hides it.
	fmt.Println("registration token", tok)

	for runner, err := range client.Actions.ListRunnersIter(ctx, "octo-corp", nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("runner", runner.ID, runner.Name, runner.Status)
	}
	// Output:
	// group 2 gpu-runners selected
	// registration token {token:[REDACTED] expires_at:2020-01-22T12:13:35-08:00}
	// runner 23 linux_runner online
	// runner 24 mac_runner offline
}
