package ghesadmin_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/ghesadmin/ghesadmin"
)

// Create an organization managed by an existing user.
func ExampleOrganizationsService_Create() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, `{"login":"octo-org","id":7,"description":null}`)
	}))
	defer srv.Close()

	client, err := ghesadmin.NewClient(srv.URL, ghesadmin.WithToken("ghp_example"))
	if err != nil {
		log.Fatal(err)
	}
	org, _, err := client.Organizations.Create(context.Background(), ghesadmin.CreateOrganizationRequest{
		Login:       "octo-org",
		Admin:       "monalisa",
		ProfileName: ghesadmin.Ptr("Octo Org"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(org.Login, org.ID)
	// Output:
	// octo-org 7
}
