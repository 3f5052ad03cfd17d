package e2e_test

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

const memberToken = "ghp_membertoken0000000000000000000000001"

func TestAuth(t *testing.T) {
	seed := []ghestest.Option{
		ghestest.WithUsers(ghestest.User{Login: "member", Email: "member@example.com"}, ghestest.User{Login: "hubot", Email: "hubot@example.com"}),
		ghestest.WithTokens(ghestest.Token{User: "member", Value: memberToken, Note: "member's token", Scopes: []string{"repo"}}),
	}
	onFakes(t, versions, seed, func(t *testing.T, c context.Context, srv *ghestest.Server, admin *ghesadmin.Client) {
		// No token: 401 on an admin endpoint.
		anon, err := ghesadmin.NewClient(srv.URL(), ghesadmin.WithoutRetries())
		must(t, "NewClient", err)
		_, _, err = anon.Users.Create(c, ghesadmin.CreateUserRequest{Login: "intruder", Email: ghesadmin.Ptr("i@example.com")})
		wantIs(t, "Create without a token", err, ghesadmin.ErrUnauthorized, http.StatusUnauthorized)
		_, _, err = anon.License.Get(c)
		wantIs(t, "License without a token", err, ghesadmin.ErrUnauthorized, http.StatusUnauthorized)

		// A bad token: 401 too.
		bad, err := ghesadmin.NewClient(srv.URL(), ghesadmin.WithToken("ghp_nosuchtoken"))
		must(t, "NewClient", err)
		_, _, err = bad.Stats.All(c)
		wantIs(t, "Stats with a bad token", err, ghesadmin.ErrUnauthorized, http.StatusUnauthorized)

		// A token of a user who is not a site admin: administration
		// endpoints answer 404, and the error says why it may be.
		member, err := ghesadmin.NewClient(srv.URL(), ghesadmin.WithToken(memberToken))
		must(t, "NewClient", err)
		_, _, err = member.Users.Create(c, ghesadmin.CreateUserRequest{Login: "intruder", Email: ghesadmin.Ptr("i@example.com")})
		wantIs(t, "Create as a member", err, ghesadmin.ErrNotFound, http.StatusNotFound)
		if !strings.Contains(err.Error(), "site-admin") {
			t.Errorf("the 404 error does not mention site-admin rights: %v", err)
		}
		if _, ok := srv.User("intruder"); ok {
			t.Fatal("a member created a user")
		}
		_, _, err = member.License.Get(c)
		wantIs(t, "License as a member", err, ghesadmin.ErrNotFound, http.StatusNotFound)
		_, _, err = member.AdminHooks.List(c, nil)
		wantIs(t, "AdminHooks.List as a member", err, ghesadmin.ErrNotFound, http.StatusNotFound)
		_, _, err = member.PreReceiveEnvironments.List(c, nil)
		wantIs(t, "PreReceiveEnvironments.List as a member", err, ghesadmin.ErrNotFound, http.StatusNotFound)
		_, _, err = member.Actions.ListRunners(c, srv.Enterprise(), nil)
		wantIs(t, "ListRunners as a member", err, ghesadmin.ErrNotFound, http.StatusNotFound)
		_, _, err = member.Users.ListTokens(c, nil)
		wantIs(t, "ListTokens as a member", err, ghesadmin.ErrNotFound, http.StatusNotFound)

		// The site_admin and suspended endpoints answer 403 instead.
		_, err = member.Users.Promote(c, "member")
		wantIs(t, "Promote self as a member", err, ghesadmin.ErrForbidden, http.StatusForbidden)
		_, err = member.Users.Suspend(c, "hubot", "")
		wantIs(t, "Suspend as a member", err, ghesadmin.ErrForbidden, http.StatusForbidden)
		if u, _ := srv.User("member"); u.SiteAdmin {
			t.Fatal("a member promoted itself")
		}
		if u, _ := srv.User("hubot"); u.Suspended {
			t.Fatal("a member suspended a user")
		}

		// Once promoted by the admin, the same token works.
		_, err = admin.Users.Promote(c, "member")
		must(t, "Promote", err)
		_, _, err = member.License.Get(c)
		must(t, "License as a promoted member", err)
	})
}

func TestOrganizations(t *testing.T) {
	seed := []ghestest.Option{
		ghestest.WithUsers(ghestest.User{Login: "hubot", Email: "hubot@example.com"}),
		ghestest.WithOrgs(ghestest.Org{Login: "github", Admin: "hubot"}),
	}
	onFakes(t, versions, seed, func(t *testing.T, c context.Context, srv *ghestest.Server, client *ghesadmin.Client) {
		org, resp, err := client.Organizations.Create(c, ghesadmin.CreateOrganizationRequest{Login: "octo-org", Admin: "hubot", ProfileName: ghesadmin.Ptr("Octo Org")})
		must(t, "Create", err)
		wantStatus(t, "Create", resp, http.StatusCreated)
		if org.Login != "octo-org" || org.ID == 0 || org.ID != srv.OrgID("octo-org") {
			t.Fatalf("Create: %+v (fake id %d)", org, srv.OrgID("octo-org"))
		}
		if !strings.HasSuffix(org.URL, "/orgs/octo-org") || !strings.HasSuffix(org.ReposURL, "/orgs/octo-org/repos") || org.NodeID == "" {
			t.Errorf("Create: %+v", org)
		}

		// Taken logins: an org's and a user's.
		_, _, err = client.Organizations.Create(c, ghesadmin.CreateOrganizationRequest{Login: "github", Admin: "hubot"})
		wantValidation(t, "Create taken org login", err, "Organization", "login", "already_exists", "taken")
		_, _, err = client.Organizations.Create(c, ghesadmin.CreateOrganizationRequest{Login: "hubot", Admin: "hubot"})
		wantValidation(t, "Create login of a user", err, "Organization", "login", "already_exists", "taken")

		job, resp, err := client.Organizations.Rename(c, "octo-org", "octo-corp")
		must(t, "Rename", err)
		wantStatus(t, "Rename", resp, http.StatusAccepted)
		if !strings.Contains(job.Message, "Job queued to rename organization") || job.URL == "" {
			t.Errorf("Rename: %+v", job)
		}
		if srv.OrgID("octo-corp") != org.ID || srv.OrgID("octo-org") != 0 {
			t.Fatalf("after Rename: octo-corp %d, octo-org %d, want %d and 0", srv.OrgID("octo-corp"), srv.OrgID("octo-org"), org.ID)
		}
		// The new login is taken now, the old one is free.
		_, _, err = client.Organizations.Rename(c, "github", "octo-corp")
		wantValidation(t, "Rename to a taken login", err, "Organization", "login", "already_exists", "taken")
		_, _, err = client.Organizations.Rename(c, "octo-org", "octo-again")
		wantIs(t, "Rename the old login", err, ghesadmin.ErrNotFound, http.StatusNotFound)
		_, _, err = client.Organizations.Create(c, ghesadmin.CreateOrganizationRequest{Login: "octo-org", Admin: "hubot"})
		must(t, "Create with the freed login", err)

		st, _, err := client.Stats.Orgs(c)
		must(t, "Stats.Orgs", err)
		if st.TotalOrgs != 3 {
			t.Errorf("Stats.Orgs: %+v, want 3 orgs", st)
		}
	})
}

func TestLDAP(t *testing.T) {
	seed := []ghestest.Option{
		ghestest.WithUsers(ghestest.User{Login: "hubot", Email: "hubot@example.com"}),
		ghestest.WithOrgs(ghestest.Org{Login: "github", Admin: "hubot"}),
		ghestest.WithTeams(ghestest.Team{Org: "github", Name: "Justice League", Members: []string{"hubot"}}),
	}
	onFakes(t, versions, seed, func(t *testing.T, c context.Context, srv *ghestest.Server, client *ghesadmin.Client) {
		teamID := srv.TeamID("github", "justice-league")
		if teamID == 0 {
			t.Fatal("no seeded team")
		}

		const teamDN = "cn=Enterprise Ops,ou=teams,dc=github,dc=com"
		team, resp, err := client.LDAP.UpdateTeamMapping(c, teamID, teamDN)
		must(t, "UpdateTeamMapping", err)
		wantStatus(t, "UpdateTeamMapping", resp, http.StatusOK)
		if team.ID != teamID || team.LDAPDN != teamDN || team.Name != "Justice League" || team.Slug != "justice-league" || team.Privacy == "" {
			t.Errorf("UpdateTeamMapping: %+v", team)
		}
		sync, resp, err := client.LDAP.SyncTeam(c, teamID)
		must(t, "SyncTeam", err)
		wantStatus(t, "SyncTeam", resp, http.StatusCreated)
		if sync.Status != "queued" {
			t.Errorf("SyncTeam: %+v", sync)
		}
		_, _, err = client.LDAP.SyncTeam(c, teamID+1000)
		wantIs(t, "SyncTeam unknown", err, ghesadmin.ErrNotFound, http.StatusNotFound)

		const userDN = "uid=hubot,ou=users,dc=github,dc=com"
		u, resp, err := client.LDAP.UpdateUserMapping(c, "hubot", userDN)
		must(t, "UpdateUserMapping", err)
		wantStatus(t, "UpdateUserMapping", resp, http.StatusOK)
		if u.Login != "hubot" || u.ID != srv.UserID("hubot") || u.LDAPDN != userDN || u.Email == nil || *u.Email != "hubot@example.com" || u.CreatedAt.IsZero() {
			t.Errorf("UpdateUserMapping: %+v", u)
		}
		sync, resp, err = client.LDAP.SyncUser(c, "hubot")
		must(t, "SyncUser", err)
		wantStatus(t, "SyncUser", resp, http.StatusCreated)
		if sync.Status != "queued" {
			t.Errorf("SyncUser: %+v", sync)
		}
		_, _, err = client.LDAP.UpdateUserMapping(c, "nobody", userDN)
		wantIs(t, "UpdateUserMapping unknown", err, ghesadmin.ErrNotFound, http.StatusNotFound)
	})
}

func TestLicense(t *testing.T) {
	expire := time.Date(2031, 2, 6, 12, 41, 52, 0, time.FixedZone("CST", -6*3600))
	seed := []ghestest.Option{
		ghestest.WithLicense(10, expire),
		ghestest.WithUsers(ghestest.User{Login: "hubot", Email: "hubot@example.com"}, ghestest.User{Login: "gone", Email: "gone@example.com", Suspended: true}),
	}
	onFakes(t, versions, seed, func(t *testing.T, c context.Context, _ *ghestest.Server, client *ghesadmin.Client) {
		lic, _, err := client.License.Get(c)
		must(t, "License.Get", err)
		// The admin and hubot hold seats; a suspended user does not.
		if lic.Seats.Count != 10 || lic.Seats.Unlimited || lic.SeatsUsed != 2 || lic.SeatsAvailable.Count != 8 || lic.Kind != "standard" {
			t.Fatalf("License.Get: %+v", lic)
		}
		if !lic.ExpireAt.Time.Equal(expire) {
			t.Errorf("ExpireAt %v, want %v", lic.ExpireAt.Time, expire)
		}
		if _, off := lic.ExpireAt.Zone(); off != -6*3600 {
			t.Errorf("ExpireAt zone offset %d, want -6h", off)
		}
		if days := int(time.Until(expire).Hours() / 24); lic.DaysUntilExpiration < days-1 || lic.DaysUntilExpiration > days+1 {
			t.Errorf("DaysUntilExpiration %d, want about %d", lic.DaysUntilExpiration, days)
		}

		for _, login := range []string{"one", "two", "three"} {
			_, _, err := client.Users.Create(c, ghesadmin.CreateUserRequest{Login: login, Email: ghesadmin.Ptr(login + "@example.com")})
			must(t, "Create "+login, err)
		}
		_, err = client.Users.Unsuspend(c, "gone", "")
		must(t, "Unsuspend", err)
		lic, _, err = client.License.Get(c)
		must(t, "License.Get after", err)
		if lic.SeatsUsed != 6 || lic.SeatsAvailable.Count != 4 {
			t.Fatalf("after creating 3 users and unsuspending 1: %+v, want 6 used, 4 available", lic)
		}
	})
}

func TestStats(t *testing.T) {
	seed := []ghestest.Option{
		ghestest.WithUsers(ghestest.User{Login: "hubot", Email: "hubot@example.com"}, ghestest.User{Login: "boss", Email: "boss@example.com", SiteAdmin: true}),
		ghestest.WithOrgs(ghestest.Org{Login: "github", Admin: "hubot"}, ghestest.Org{Login: "old", Disabled: true}),
		ghestest.WithTeams(ghestest.Team{Org: "github", Name: "ops", Members: []string{"hubot", "boss"}}),
		ghestest.WithRepos(
			ghestest.Repo{Owner: "github", Name: "a", Wiki: true, Pushes: 3},
			ghestest.Repo{Owner: "hubot", Name: "b", Fork: true, Pages: true, Pushes: 2},
			ghestest.Repo{Owner: "github", Name: "c", Archived: true},
		),
	}
	onFakes(t, versions, seed, func(t *testing.T, c context.Context, srv *ghestest.Server, client *ghesadmin.Client) {
		all, _, err := client.Stats.All(c)
		must(t, "All", err)
		wantRepos := ghesadmin.RepoStats{TotalRepos: 3, RootRepos: 2, ForkRepos: 1, OrgRepos: 2, TotalPushes: 5, TotalWikis: 1}
		if all.Repos != wantRepos {
			t.Errorf("All.Repos %+v, want %+v", all.Repos, wantRepos)
		}
		if want := (ghesadmin.UserStats{TotalUsers: 3, AdminUsers: 2}); all.Users != want {
			t.Errorf("All.Users %+v, want %+v", all.Users, want)
		}
		if want := (ghesadmin.OrgStats{TotalOrgs: 2, DisabledOrgs: 1, TotalTeams: 1, TotalTeamMembers: 2}); all.Orgs != want {
			t.Errorf("All.Orgs %+v, want %+v", all.Orgs, want)
		}
		if all.Pages.TotalPages != 1 || all.Hooks != (ghesadmin.HookStats{}) {
			t.Errorf("All.Pages %+v, All.Hooks %+v", all.Pages, all.Hooks)
		}

		// Change the state through the API.
		for _, login := range []string{"u1", "u2"} {
			_, _, err := client.Users.Create(c, ghesadmin.CreateUserRequest{Login: login, Email: ghesadmin.Ptr(login + "@example.com")})
			must(t, "Users.Create", err)
		}
		_, err = client.Users.Suspend(c, "u1", "")
		must(t, "Suspend", err)
		_, _, err = client.Organizations.Create(c, ghesadmin.CreateOrganizationRequest{Login: "new-org", Admin: "u2"})
		must(t, "Organizations.Create", err)
		for i, active := range []bool{true, false, true} {
			_, _, err := client.AdminHooks.Create(c, ghesadmin.CreateGlobalHookRequest{Name: "web", Active: ghesadmin.Ptr(active),
				Config: ghesadmin.GlobalHookConfigRequest{URL: "https://hooks.example.com/" + string(rune('a'+i))}})
			must(t, "AdminHooks.Create", err)
		}

		users, _, err := client.Stats.Users(c)
		must(t, "Users", err)
		if want := (ghesadmin.UserStats{TotalUsers: 5, AdminUsers: 2, SuspendedUsers: 1}); *users != want {
			t.Errorf("Users %+v, want %+v", *users, want)
		}
		orgs, _, err := client.Stats.Orgs(c)
		must(t, "Orgs", err)
		if want := (ghesadmin.OrgStats{TotalOrgs: 3, DisabledOrgs: 1, TotalTeams: 1, TotalTeamMembers: 2}); *orgs != want {
			t.Errorf("Orgs %+v, want %+v", *orgs, want)
		}
		hooks, _, err := client.Stats.Hooks(c)
		must(t, "Hooks", err)
		if want := (ghesadmin.HookStats{TotalHooks: 3, ActiveHooks: 2, InactiveHooks: 1}); *hooks != want {
			t.Errorf("Hooks %+v, want %+v", *hooks, want)
		}
		repos, _, err := client.Stats.Repos(c)
		must(t, "Repos", err)
		if *repos != wantRepos {
			t.Errorf("Repos %+v, want %+v", *repos, wantRepos)
		}
		pages, _, err := client.Stats.Pages(c)
		must(t, "Pages", err)
		if pages.TotalPages != 1 {
			t.Errorf("Pages %+v", *pages)
		}
		// The areas the fake does not model are zero, but must decode.
		pulls, _, err := client.Stats.Pulls(c)
		must(t, "Pulls", err)
		issues, _, err := client.Stats.Issues(c)
		must(t, "Issues", err)
		milestones, _, err := client.Stats.Milestones(c)
		must(t, "Milestones", err)
		gists, _, err := client.Stats.Gists(c)
		must(t, "Gists", err)
		comments, _, err := client.Stats.Comments(c)
		must(t, "Comments", err)
		if *pulls != (ghesadmin.PullStats{}) || *issues != (ghesadmin.IssueStats{}) || *milestones != (ghesadmin.MilestoneStats{}) ||
			*gists != (ghesadmin.GistStats{}) || *comments != (ghesadmin.CommentStats{}) {
			t.Errorf("unmodelled areas not zero: %+v %+v %+v %+v %+v", *pulls, *issues, *milestones, *gists, *comments)
		}

		// All agrees with the per-area endpoints.
		all, _, err = client.Stats.All(c)
		must(t, "All after", err)
		if all.Users != *users || all.Orgs != *orgs || all.Hooks != *hooks || all.Repos != *repos || all.Pages != *pages {
			t.Errorf("All %+v disagrees with the areas", all)
		}
		for _, area := range []string{"all", "users", "orgs", "hooks", "repos", "pages", "pulls", "issues", "milestones", "gists", "comments"} {
			if n := srv.RequestCount("GET", "/enterprise/stats/"+area); n < 1 {
				t.Errorf("no request to /enterprise/stats/%s", area)
			}
		}

		// Security products: not on 2.22 (GitHub's descriptions add it in
		// 3.10): refused before sending, and the fake answers 404.
		if strings.HasPrefix(srv.Version(), "2.") {
			_, _, err = client.Stats.SecurityProducts(c)
			wantUnsupported(t, srv, "SecurityProducts on "+srv.Version(), err, "GET", "/enterprise/stats/security-products")
		}
	})

	t.Run(latest, func(t *testing.T) {
		t.Parallel()
		_, client := start(t, latest, ghestest.WithUsers(ghestest.User{Login: "hubot", Email: "hubot@example.com"}),
			ghestest.WithRepos(ghestest.Repo{Owner: "hubot", Name: "a"}, ghestest.Repo{Owner: "hubot", Name: "b", Archived: true}))
		sp, resp, err := client.Stats.SecurityProducts(ctx(t))
		must(t, "SecurityProducts", err)
		wantStatus(t, "SecurityProducts", resp, http.StatusOK)
		if sp.TotalRepos != 2 || sp.NonarchivedRepos != 1 {
			t.Errorf("SecurityProducts %+v, want 2 repos, 1 not archived", *sp)
		}
	})
}

// The user an LDAP mapping returns says when the user was suspended, as
// Users.Get does (not when it was created or last updated).
func TestLDAPMappingSuspendedAt(t *testing.T) {
	created := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	suspended := created.Add(48 * time.Hour)
	var now atomic.Pointer[time.Time]
	now.Store(&created)
	_, client, ctx := startCtx(t, "3.14.0",
		ghestest.WithUsers(ghestest.User{Login: "hubot", Email: "hubot@example.com"}),
		ghestest.WithClock(func() time.Time { return *now.Load() }))
	now.Store(&suspended)
	_, err := client.Users.Suspend(ctx, "hubot", "")
	must(t, "Suspend", err)
	got, _, err := client.Users.Get(ctx, "hubot")
	must(t, "Get", err)
	mapped, _, err := client.LDAP.UpdateUserMapping(ctx, "hubot", "uid=hubot,ou=users,dc=github,dc=com")
	must(t, "UpdateUserMapping", err)
	if got.SuspendedAt == nil || !got.SuspendedAt.Equal(suspended) {
		t.Fatalf("Users.Get suspended_at = %v, want %v", got.SuspendedAt, suspended)
	}
	if mapped.SuspendedAt == nil || !mapped.SuspendedAt.Equal(suspended) {
		t.Errorf("UpdateUserMapping suspended_at = %v, want %v (Users.Get's)", mapped.SuspendedAt, suspended)
	}
}
