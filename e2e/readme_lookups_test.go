package e2e_test

// The README's lookup and maintenance-scheduling code, compiled and run
// against the fake.

import (
	"context"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

func readmeLookups(ctx context.Context, client *ghesadmin.Client) (userID, orgID, teamID int64, accounts int, err error) {
	user, _, err := client.Users.Get(ctx, "mona") // GET /users/{username}
	if err != nil {
		return 0, 0, 0, 0, err
	}
	org, _, err := client.Organizations.Get(ctx, "acme") // GET /orgs/{org}
	if err != nil {
		return 0, 0, 0, 0, err
	}
	team, _, err := client.Teams.GetBySlug(ctx, "acme", "platform") // GET /orgs/{org}/teams/{team_slug}
	if err != nil {
		return 0, 0, 0, 0, err
	}
	for u, err := range client.Users.ListIter(ctx, &ghesadmin.ListSinceOptions{PerPage: 100}) {
		if err != nil {
			return 0, 0, 0, 0, err
		}
		_ = u // every account, in ID order
		accounts++
	}
	return user.ID, org.ID, team.ID, accounts, nil
}

func TestReadmeLookups(t *testing.T) {
	srv, client := start(t, "3.14.0",
		ghestest.WithUsers(ghestest.User{Login: "mona", Email: "mona@example.com"}),
		ghestest.WithOrgs(ghestest.Org{Login: "acme"}),
		ghestest.WithTeams(ghestest.Team{Org: "acme", Name: "Platform"}))
	u, o, tm, n, err := readmeLookups(ctx(t), client)
	must(t, "README lookups", err)
	if u != srv.UserID("mona") || o != srv.OrgID("acme") || tm != srv.TeamID("acme", "platform") || n != 2 {
		t.Errorf("ids %d %d %d, %d accounts", u, o, tm, n)
	}
}

func TestReadmeMaintenanceAt(t *testing.T) {
	_, client := start(t, "3.14.0")
	st, _, err := client.ManagementConsole.SetMaintenance(ctx(t), ghesadmin.MaintenanceRequest{
		Enabled: true, When: ghesadmin.MaintenanceAt(time.Now().Add(time.Hour))})
	must(t, "SetMaintenance(MaintenanceAt)", err)
	if st.Status != "scheduled" {
		t.Errorf("status %q", st.Status)
	}
}
