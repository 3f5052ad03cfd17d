package ghesadmin_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/ghesadmin/ghesadmin"
)

// Read the license; its expiry is parsed from GHES's own time format.
func ExampleLicenseService_Get() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"seats":1400,"seats_used":1316,"seats_available":84,"kind":"standard","days_until_expiration":365,"expire_at":"2016/02/06 12:41:52 -0600"}`)
	}))
	defer srv.Close()

	client, err := ghesadmin.NewClient(srv.URL, ghesadmin.WithToken("ghp_example"))
	if err != nil {
		log.Fatal(err)
	}
	lic, _, err := client.License.Get(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d of %s seats used\n", lic.SeatsUsed, lic.Seats)
	fmt.Println("expires", lic.ExpireAt.UTC().Format(time.RFC3339))
	// Output:
	// 1316 of 1400 seats used
	// expires 2016-02-06T18:41:52Z
}
