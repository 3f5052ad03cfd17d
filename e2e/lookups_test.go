package e2e_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

// lookupVersions are the releases the everyday tools were tried on.
var lookupVersions = []string{"2.22.6", "3.10.0", "3.14.0", latest}

// TestLookups turns logins and slugs into the IDs the admin endpoints take,
// through the SDK, on every release the issue names.
func TestLookups(t *testing.T) {
	var users []ghestest.User
	for i := 0; i < 7; i++ {
		users = append(users, ghestest.User{Login: fmt.Sprintf("dev-%d", i), Email: fmt.Sprintf("dev%d@example.com", i)})
	}
	seed := []ghestest.Option{
		ghestest.WithUsers(users...),
		ghestest.WithOrgs(ghestest.Org{Login: "acme", ProfileName: "Acme"}, ghestest.Org{Login: "beta"}, ghestest.Org{Login: "gamma"}),
		ghestest.WithTeams(ghestest.Team{Org: "acme", Name: "Platform Ops", Members: []string{"dev-1", "dev-2"}}),
	}
	onFakes(t, lookupVersions, seed, func(t *testing.T, c context.Context, srv *ghestest.Server, client *ghesadmin.Client) {

		u, resp, err := client.Users.Get(c, "dev-3")
		must(t, "Users.Get", err)
		wantStatus(t, "Users.Get", resp, http.StatusOK)
		if u.ID != srv.UserID("dev-3") || u.Login != "dev-3" || u.Email == nil || *u.Email != "dev3@example.com" {
			t.Errorf("user = %+v", u)
		}
		if _, _, err := client.Users.Get(c, "nobody"); !errors.Is(err, ghesadmin.ErrNotFound) {
			t.Errorf("missing user: %v", err)
		}

		logins := collect(t, "Users.ListIter", client.Users.ListIter(c, &ghesadmin.ListSinceOptions{PerPage: 3}), func(u *ghesadmin.User) string { return u.Login })
		if want := "[ghe-admin dev-0 dev-1 dev-2 dev-3 dev-4 dev-5 dev-6]"; fmt.Sprint(logins) != want {
			t.Errorf("users = %v, want %s", logins, want)
		}
		if srv.RequestCount("GET", "/users") != 3 {
			t.Errorf("GET /users sent %d times, want 3 pages", srv.RequestCount("GET", "/users"))
		}

		o, _, err := client.Organizations.Get(c, "acme")
		must(t, "Organizations.Get", err)
		if o.ID != srv.OrgID("acme") || o.Name == nil || *o.Name != "Acme" || o.Type != "Organization" {
			t.Errorf("org = %+v", o)
		}
		orgs := collect(t, "Organizations.ListIter", client.Organizations.ListIter(c, &ghesadmin.ListSinceOptions{PerPage: 2}), func(o *ghesadmin.Organization) string { return o.Login })
		if fmt.Sprint(orgs) != "[acme beta gamma]" {
			t.Errorf("orgs = %v", orgs)
		}
		if _, _, err := client.Organizations.Get(c, "dev-1"); !errors.Is(err, ghesadmin.ErrNotFound) {
			t.Errorf("a user as an org: %v", err)
		}

		team, _, err := client.Teams.GetBySlug(c, "acme", "platform-ops")
		must(t, "Teams.GetBySlug", err)
		if team.ID != srv.TeamID("acme", "platform-ops") || team.MembersCount != 2 || team.Organization == nil || team.Organization.Login != "acme" {
			t.Errorf("team = %+v", team)
		}
		// The team ID is what LDAP mapping takes.
		mapped, _, err := client.LDAP.UpdateTeamMapping(c, team.ID, "cn=ops,ou=teams,dc=example,dc=com")
		must(t, "LDAP.UpdateTeamMapping", err)
		if mapped.ID != team.ID {
			t.Errorf("mapped team %d", mapped.ID)
		}
		if _, _, err := client.Teams.GetBySlug(c, "acme", "nope"); !errors.Is(err, ghesadmin.ErrNotFound) {
			t.Errorf("missing team: %v", err)
		}
	})
}

// TestTokenOwnersOn222: the 2.22 reference documents the token owner in
// GET /admin/tokens, and the fake sends it on every release.
func TestTokenOwnersOn222(t *testing.T) {
	for _, v := range []string{"2.22.6", latest} {
		_, client := start(t, v, ghestest.WithUsers(ghestest.User{Login: "mona", Email: "m@example.com"}),
			ghestest.WithTokens(ghestest.Token{User: "mona", Value: "ghp_mona", Note: "ci"}))
		n := 0
		for tok, err := range client.Users.ListTokensIter(ctx(t), nil) {
			must(t, "ListTokensIter", err)
			if tok.User == nil || tok.User.Login == "" || tok.User.ID == 0 {
				t.Errorf("%s: token %d has no owner", v, tok.ID)
			}
			n++
		}
		if n != 2 {
			t.Errorf("%s: %d tokens", v, n)
		}
	}
}

// TestDeleteImpersonationTokenAnswersTheSame: GHES answers 204 whether a
// token was deleted or there was none, and the SDK returns that reply.
func TestDeleteImpersonationTokenAnswersTheSame(t *testing.T) {
	_, client, c := startCtx(t, "3.14.0", ghestest.WithUsers(ghestest.User{Login: "mona", Email: "m@example.com"}))
	_, resp, err := client.Users.CreateImpersonationToken(c, "mona", []string{"repo"})
	must(t, "CreateImpersonationToken", err)
	wantStatus(t, "create", resp, http.StatusCreated)
	resp, err = client.Users.DeleteImpersonationToken(c, "mona")
	must(t, "delete", err)
	wantStatus(t, "delete an existing token", resp, http.StatusNoContent)
	resp, err = client.Users.DeleteImpersonationToken(c, "mona")
	must(t, "delete again", err)
	wantStatus(t, "delete when there is none", resp, http.StatusNoContent)
	if _, err := client.Users.DeleteImpersonationToken(c, "nobody"); !errors.Is(err, ghesadmin.ErrNotFound) {
		t.Errorf("missing user: %v", err)
	}
}

// TestDeletingWhileIteratingSkips proves what the …Iter docs say: deleting
// each item as it is yielded skips some (the pages are positional), while
// collecting first and deleting after removes them all.
func TestDeletingWhileIteratingSkips(t *testing.T) {
	var runners []ghestest.Runner
	for i := 0; i < 10; i++ {
		runners = append(runners, ghestest.Runner{Name: fmt.Sprintf("r%d", i)})
	}
	srv, client, c := startCtx(t, "3.14.0", ghestest.WithRunners(runners...))
	ent := srv.Enterprise()
	deleted := 0
	for r, err := range client.Actions.ListRunnersIter(c, ent, &ghesadmin.ListRunnersOptions{ListOptions: ghesadmin.ListOptions{PerPage: 3}}) {
		must(t, "ListRunnersIter", err)
		_, err := client.Actions.DeleteRunner(c, ent, r.ID)
		must(t, "DeleteRunner", err)
		deleted++
	}
	left, _, err := client.Actions.ListRunners(c, ent, nil)
	must(t, "ListRunners", err)
	if deleted == 10 || left.TotalCount != 10-deleted || left.TotalCount == 0 {
		t.Fatalf("deleting while iterating deleted %d and left %d; the docs say it skips some", deleted, left.TotalCount)
	}
	ids := collect(t, "ListRunnersIter", client.Actions.ListRunnersIter(c, ent, &ghesadmin.ListRunnersOptions{ListOptions: ghesadmin.ListOptions{PerPage: 3}}), func(r *ghesadmin.Runner) int64 { return r.ID })
	for _, id := range ids {
		_, err := client.Actions.DeleteRunner(c, ent, id)
		must(t, "DeleteRunner", err)
	}
	left, _, err = client.Actions.ListRunners(c, ent, nil)
	must(t, "ListRunners", err)
	if left.TotalCount != 0 {
		t.Errorf("collect then delete left %d runners", left.TotalCount)
	}
}

// TestWaitForMaintenanceOnTheFake schedules maintenance in natural language
// on the console (3.14) and with a time on Manage (3.22), and waits until
// it is on.
func TestWaitForMaintenanceOnTheFake(t *testing.T) {
	_, client, c := startCtx(t, "3.14.0")
	st, _, err := client.ManagementConsole.SetMaintenance(c, ghesadmin.MaintenanceRequest{Enabled: true, When: ghesadmin.Ptr("tomorrow at 3pm")})
	must(t, "console SetMaintenance tomorrow at 3pm", err)
	if st.Status != "scheduled" || st.ScheduledTime == "" {
		t.Errorf("console status %+v", st)
	}
	_, _, err = client.ManagementConsole.SetMaintenance(c, ghesadmin.MaintenanceRequest{Enabled: true, When: ghesadmin.Ptr("now")})
	must(t, "console SetMaintenance now", err)
	st, _, err = client.ManagementConsole.WaitForMaintenance(c, ghesadmin.WaitInterval(1))
	must(t, "console WaitForMaintenance", err)
	if st.Status != "on" {
		t.Errorf("console status %q", st.Status)
	}
	_, _, err = client.ManagementConsole.SetMaintenance(c, ghesadmin.MaintenanceRequest{Enabled: false})
	must(t, "console off", err)
	if _, _, err := client.ManagementConsole.WaitForMaintenance(c, ghesadmin.WaitInterval(1)); !errors.Is(err, ghesadmin.ErrMaintenanceOff) {
		t.Errorf("waiting while off: %v", err)
	}

	_, client = start(t, latest)
	_, _, err = client.Manage.SetMaintenance(c, ghesadmin.ManageMaintenanceRequest{Enabled: true})
	must(t, "manage SetMaintenance", err)
	nodes, _, err := client.Manage.WaitForMaintenance(c, nil, ghesadmin.WaitInterval(1))
	must(t, "manage WaitForMaintenance", err)
	if len(nodes) == 0 || nodes[0].Status != "on" {
		t.Errorf("manage nodes %+v", nodes)
	}
}
