package ghesadmin_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

// Provision a user over SCIM, find it with a filter, then deactivate and
// deprovision it, as an identity provider does. The fake GHES stands in for
// an instance.
func ExampleSCIMService_CreateUser() {
	srv, err := ghestest.NewServer(ghestest.WithVersion("3.19.0"))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	client, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	ctx, ent := context.Background(), srv.Enterprise()

	mona := ghesadmin.SCIMUserRequest{ExternalID: "idp-42", Active: true, UserName: "mona", DisplayName: "Mona Lisa",
		Emails: []ghesadmin.SCIMEmail{{Value: "mona@example.com", Type: "work", Primary: true}}}
	u, _, err := client.SCIM.CreateUser(ctx, ent, mona)
	if err != nil {
		log.Fatal(err)
	}
	_, _, err = client.SCIM.CreateUser(ctx, ent, mona)
	var se *ghesadmin.SCIMError
	if errors.As(err, &se) {
		fmt.Println("again:", se.SCIMType)
	}
	for found, err := range client.SCIM.ListUsersIter(ctx, ent, &ghesadmin.SCIMListUsersOptions{Filter: ghesadmin.SCIMUserNameEq("mona")}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("found:", found.DisplayName, found.Active)
	}
	if _, _, err := client.SCIM.UpdateUser(ctx, ent, u.ID, []ghesadmin.SCIMPatchOp{{Op: ghesadmin.SCIMPatchReplace, Path: "active", Value: false}}); err != nil {
		log.Fatal(err)
	}
	acct, _ := srv.User("mona")
	fmt.Println("suspended:", acct.Suspended)
	if _, err := client.SCIM.DeleteUser(ctx, ent, u.ID); err != nil {
		log.Fatal(err)
	}
	// Output:
	// again: uniqueness
	// found: Mona Lisa true
	// suspended: true
}
