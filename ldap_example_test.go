package ghesadmin_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/ghesadmin/ghesadmin"
)

// Map a user to an LDAP entry, then queue a sync.
func ExampleLDAPService_UpdateUserMapping() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.Method {
		case http.MethodPatch:
			fmt.Fprint(w, `{"login":"monalisa","id":1,"ldap_dn":"uid=monalisa,ou=users,dc=example,dc=com"}`)
		case http.MethodPost:
			w.WriteHeader(http.StatusCreated)
			fmt.Fprint(w, `{"status":"queued"}`)
		}
	}))
	defer srv.Close()

	client, err := ghesadmin.NewClient(srv.URL, ghesadmin.WithToken("ghp_example"))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	user, _, err := client.LDAP.UpdateUserMapping(ctx, "monalisa", "uid=monalisa,ou=users,dc=example,dc=com")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(user.Login, user.LDAPDN)
	status, _, err := client.LDAP.SyncUser(ctx, "monalisa")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("sync", status.Status)
	// Output:
	// monalisa uid=monalisa,ou=users,dc=example,dc=com
	// sync queued
}
