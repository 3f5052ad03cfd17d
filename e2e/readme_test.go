package e2e_test

// The code of README.md, compiled and run against the fake, so that the
// README cannot drift from the API.

import (
	"context"
	"fmt"
	"testing"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

func readmeIntro(ctx context.Context, client *ghesadmin.Client) error {
	user, _, err := client.Users.Create(ctx, ghesadmin.CreateUserRequest{
		Login: "hubot", Email: ghesadmin.Ptr("hubot@example.com")})
	if err != nil {
		return err
	}
	_, err = client.Users.Suspend(ctx, user.Login, "Left the company")
	return err
}

func readmeAdminPort(ctx context.Context, client *ghesadmin.Client) error {
	api, _, err := client.Meta.AdminAPI(ctx) // from GET /meta's installed_version
	if err != nil {
		return err
	}
	if api.HasManage() { // GHES ≥ 3.8
		_, _, err = client.Manage.SetMaintenance(ctx, ghesadmin.ManageMaintenanceRequest{Enabled: true})
	} else { // GHES ≤ 3.14 (the console is gone from 3.15)
		_, _, err = client.ManagementConsole.SetMaintenance(ctx, ghesadmin.MaintenanceRequest{Enabled: true, When: ghesadmin.Ptr("now")})
	}
	return err
}

func readmeIterator(ctx context.Context, client *ghesadmin.Client) (int, error) {
	n := 0
	for key, err := range client.Users.ListPublicKeysIter(ctx, &ghesadmin.ListPublicKeysOptions{
		Sort: ghesadmin.PublicKeySortAccessed, ListOptions: ghesadmin.ListOptions{PerPage: 100}}) {
		if err != nil {
			return n, err
		}
		_ = fmt.Sprint(key.ID, key.Title)
		n++
	}
	return n, nil
}

// offboard is the "your code" of the README's ghestest example.
func offboard(ctx context.Context, client *ghesadmin.Client, login string) error {
	_, err := client.Users.Suspend(ctx, login, "Offboarded")
	return err
}

func TestReadmeOffboarding(t *testing.T) {
	srv := ghestest.New(t, ghestest.WithVersion("3.14.0"),
		ghestest.WithUsers(ghestest.User{Login: "mona", Email: "mona@example.com"}))
	client, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	if err := offboard(context.Background(), client, "mona"); err != nil { // your code
		t.Fatal(err)
	}
	if u, _ := srv.User("mona"); !u.Suspended {
		t.Error("mona is not suspended")
	}
}

func TestReadmeSnippets(t *testing.T) {
	for _, version := range []string{"2.22.6", "3.14.0", "3.22.0"} {
		t.Run(version, func(t *testing.T) {
			srv := ghestest.New(t, ghestest.WithVersion(version),
				ghestest.WithPublicKeys(ghestest.PublicKey{User: "ghe-admin", Title: "laptop", Key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE0"}))
			client, err := srv.Client()
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			if err := readmeIntro(ctx, client); err != nil {
				t.Fatal(err)
			}
			if u, _ := srv.User("hubot"); !u.Suspended {
				t.Error("hubot is not suspended")
			}
			if err := readmeAdminPort(ctx, client); err != nil {
				t.Fatal(err)
			}
			if status, _ := srv.Maintenance(); status == "" || status == "off" {
				t.Errorf("maintenance status %q after the README's call", status)
			}
			if n, err := readmeIterator(ctx, client); err != nil || n != 1 {
				t.Errorf("iterator: %d keys, %v", n, err)
			}
		})
	}
}
