package ghesadmin_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/ghesadmin/ghesadmin"
)

// Read the user statistics.
func ExampleStatsService_Users() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"total_users":100,"admin_users":3,"suspended_users":1}`)
	}))
	defer srv.Close()

	client, err := ghesadmin.NewClient(srv.URL, ghesadmin.WithToken("ghp_example"))
	if err != nil {
		log.Fatal(err)
	}
	users, _, err := client.Stats.Users(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d users, %d admins, %d suspended\n", users.TotalUsers, users.AdminUsers, users.SuspendedUsers)
	// Output:
	// 100 users, 3 admins, 1 suspended
}
