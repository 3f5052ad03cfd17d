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

// Suspend a user with a reason for the audit log. The server here stands in
// for a GHES instance.
func ExampleUsersService_Suspend() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Println(r.Method, r.URL.EscapedPath())
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()

	client, err := ghesadmin.NewClient(srv.URL, ghesadmin.WithToken("ghp_example"))
	if err != nil {
		log.Fatal(err)
	}
	if _, err := client.Users.Suspend(context.Background(), "monalisa", "Left the company"); err != nil {
		log.Fatal(err)
	}
	// Output:
	// PUT /api/v3/users/monalisa/suspended
}

// Walk every SSH key used in the last 90 days, most recently used first,
// across all pages.
func ExampleUsersService_ListPublicKeysIter() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Query().Get("page") == "" {
			w.Header().Set("Link", `<`+"http://"+r.Host+`/api/v3/admin/keys?page=2>; rel="next"`)
			fmt.Fprint(w, `[{"id":2,"title":"laptop"}]`)
			return
		}
		fmt.Fprint(w, `[{"id":3,"title":"ci"}]`)
	}))
	defer srv.Close()

	client, err := ghesadmin.NewClient(srv.URL, ghesadmin.WithToken("ghp_example"))
	if err != nil {
		log.Fatal(err)
	}
	opts := &ghesadmin.ListPublicKeysOptions{
		Sort:      ghesadmin.PublicKeySortAccessed,
		Direction: ghesadmin.DirectionDesc,
		Since:     time.Now().AddDate(0, 0, -90),
	}
	for key, err := range client.Users.ListPublicKeysIter(context.Background(), opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(key.ID, key.Title)
	}
	// Output:
	// 2 laptop
	// 3 ci
}
