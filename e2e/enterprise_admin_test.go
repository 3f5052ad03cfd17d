package e2e_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

// eaVersion has every operation of these areas (apps, rulesets and bypass
// requests arrived in 3.19).
const eaVersion = "3.19.0"

func TestSCIMProvisionPatchDeprovision(t *testing.T) {
	srv, client := start(t, eaVersion)
	c, ent := ctx(t), srv.Enterprise()
	scim := client.SCIM

	mona := ghesadmin.SCIMUserRequest{ExternalID: "idp-mona", Active: true, UserName: "mona@example.com", DisplayName: "Mona Lisa",
		Name:   &ghesadmin.SCIMName{GivenName: "Mona", FamilyName: "Lisa"},
		Emails: []ghesadmin.SCIMEmail{{Value: "mona@example.com", Type: "work", Primary: true}},
		Roles:  []ghesadmin.SCIMRole{{Value: ghesadmin.SCIMRoleUser, Primary: true}}}
	u, resp, err := scim.CreateUser(c, ent, mona)
	must(t, "CreateUser", err)
	wantStatus(t, "CreateUser", resp, http.StatusCreated)
	if u.ID == "" || u.UserName != "mona@example.com" || !u.Active || u.Name == nil || u.Name.GivenName != "Mona" ||
		len(u.Emails) != 1 || u.Emails[0].Value != "mona@example.com" || u.Meta == nil || u.Meta.ResourceType != ghesadmin.SCIMResourceUser {
		t.Fatalf("CreateUser: %+v", u)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/scim+json") {
		t.Errorf("reply Content-Type %q", ct)
	}
	acct, ok := srv.User("mona")
	if !ok || acct.Suspended {
		t.Fatalf("provisioned account: %+v, %v", acct, ok)
	}

	// A duplicate is a typed SCIM error with GHES's detail.
	_, _, err = scim.CreateUser(c, ent, mona)
	var se *ghesadmin.SCIMError
	if !errors.As(err, &se) || se.SCIMType != "uniqueness" || se.Status != "409" || se.StatusCode() != http.StatusConflict ||
		!strings.Contains(se.Detail(), "already exists") || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("duplicate CreateUser: %v (%#v)", err, se)
	}

	// More users, walked by startIndex and count; the filter finds one.
	for _, n := range []string{"hubot", "octocat", "spacely"} {
		_, _, err := scim.CreateUser(c, ent, ghesadmin.SCIMUserRequest{ExternalID: "idp-" + n, Active: true, UserName: n, DisplayName: n,
			Emails: []ghesadmin.SCIMEmail{{Value: n + "@example.com", Type: "work", Primary: true}}})
		must(t, "CreateUser "+n, err)
	}
	page, _, err := scim.ListUsers(c, ent, &ghesadmin.SCIMListUsersOptions{StartIndex: 2, Count: 2})
	must(t, "ListUsers", err)
	if page.TotalResults != 4 || page.StartIndex != 2 || page.ItemsPerPage != 2 || len(page.Resources) != 2 || page.Resources[0].UserName != "hubot" {
		t.Errorf("ListUsers page 2: %+v", page)
	}
	names := collect(t, "ListUsersIter", scim.ListUsersIter(c, ent, &ghesadmin.SCIMListUsersOptions{Count: 1}), func(u *ghesadmin.SCIMUser) string { return u.UserName })
	if strings.Join(names, ",") != "mona@example.com,hubot,octocat,spacely" {
		t.Errorf("ListUsersIter: %v", names)
	}
	found, _, err := scim.ListUsers(c, ent, &ghesadmin.SCIMListUsersOptions{Filter: ghesadmin.SCIMUserNameEq("octocat")})
	must(t, "ListUsers filter", err)
	if found.TotalResults != 1 || len(found.Resources) != 1 || found.Resources[0].ExternalID != "idp-octocat" {
		t.Errorf("filter userName eq octocat: %+v", found)
	}
	// A malformed filter never leaves the client.
	before := srv.RequestCount("GET", "/api/v3/scim/v2/enterprises/"+ent+"/Users")
	if before == 0 {
		t.Fatal("RequestCount does not count the SCIM lists")
	}
	_, _, err = scim.ListUsers(c, ent, &ghesadmin.SCIMListUsersOptions{Filter: `userName co "oct"`})
	if !errors.Is(err, ghesadmin.ErrInvalidArgument) || !strings.Contains(err.Error(), "SCIMListUsersOptions.Filter") {
		t.Errorf("malformed filter: %v", err)
	}
	if after := srv.RequestCount("GET", "/api/v3/scim/v2/enterprises/"+ent+"/Users"); after != before {
		t.Errorf("a malformed filter was sent (%d requests, was %d)", after, before)
	}

	// PATCH: replace displayName, deactivate (suspends the account).
	u2, _, err := scim.UpdateUser(c, ent, u.ID, []ghesadmin.SCIMPatchOp{
		{Op: ghesadmin.SCIMPatchReplace, Path: "displayName", Value: "Mona L."},
		{Op: ghesadmin.SCIMPatchReplace, Path: "active", Value: false},
	})
	must(t, "UpdateUser", err)
	if u2.DisplayName != "Mona L." || u2.Active {
		t.Errorf("UpdateUser: %+v", u2)
	}
	if acct, _ := srv.User("mona"); !acct.Suspended {
		t.Errorf("deactivated SCIM user: account not suspended")
	}
	// PUT reactivates.
	mona.DisplayName = "Mona"
	u3, _, err := scim.ReplaceUser(c, ent, u.ID, mona)
	must(t, "ReplaceUser", err)
	if !u3.Active || u3.DisplayName != "Mona" {
		t.Errorf("ReplaceUser: %+v", u3)
	}
	if acct, _ := srv.User("mona"); acct.Suspended {
		t.Errorf("reactivated SCIM user: account still suspended")
	}

	// Groups: create with a member, add, remove, rename, delete.
	hubot := found.Resources[0] // octocat
	g, resp, err := scim.CreateGroup(c, ent, ghesadmin.SCIMGroupRequest{ExternalID: "grp-eng", DisplayName: "Engineering",
		Members: []ghesadmin.SCIMGroupMember{{Value: u.ID, DisplayName: "Mona"}}})
	must(t, "CreateGroup", err)
	wantStatus(t, "CreateGroup", resp, http.StatusCreated)
	if g.ID == "" || len(g.Members) != 1 || g.Members[0].Value != u.ID {
		t.Fatalf("CreateGroup: %+v", g)
	}
	g, _, err = scim.UpdateGroup(c, ent, g.ID, []ghesadmin.SCIMPatchOp{
		{Op: ghesadmin.SCIMPatchAdd, Path: "members", Value: []map[string]string{{"value": hubot.ID}}},
		{Op: ghesadmin.SCIMPatchRemove, Path: `members[value eq "` + u.ID + `"]`},
		{Op: ghesadmin.SCIMPatchReplace, Path: "displayName", Value: "Eng"},
	})
	must(t, "UpdateGroup", err)
	if g.DisplayName != "Eng" || len(g.Members) != 1 || g.Members[0].Value != hubot.ID {
		t.Errorf("UpdateGroup: %+v", g)
	}
	got, _, err := scim.GetGroup(c, ent, g.ID, &ghesadmin.SCIMGetGroupOptions{ExcludedAttributes: "members"})
	must(t, "GetGroup", err)
	if got.DisplayName != "Eng" || len(got.Members) != 0 {
		t.Errorf("GetGroup excluding members: %+v", got)
	}
	gl, _, err := scim.ListGroups(c, ent, &ghesadmin.SCIMListGroupsOptions{Filter: ghesadmin.SCIMDisplayNameEq("Eng")})
	must(t, "ListGroups", err)
	if gl.TotalResults != 1 || gl.Resources[0].ID != g.ID {
		t.Errorf("ListGroups: %+v", gl)
	}
	_, err = scim.DeleteGroup(c, ent, g.ID)
	must(t, "DeleteGroup", err)
	_, _, err = scim.GetGroup(c, ent, g.ID, nil)
	if !errors.Is(err, ghesadmin.ErrNotFound) || !errors.As(err, &se) {
		t.Errorf("GetGroup after delete: %v", err)
	}

	// Deprovision: the identity goes, the account is suspended.
	_, err = scim.DeleteUser(c, ent, u.ID)
	must(t, "DeleteUser", err)
	if _, _, err := scim.GetUser(c, ent, u.ID); !errors.Is(err, ghesadmin.ErrNotFound) {
		t.Errorf("GetUser after delete: %v", err)
	}
	if acct, _ := srv.User("mona"); !acct.Suspended {
		t.Errorf("deprovisioned user's account not suspended")
	}
}

func TestSCIMNotBefore312(t *testing.T) {
	_, client := start(t, "3.11.0")
	_, _, err := client.SCIM.ListUsers(ctx(t), ghestest.DefaultEnterprise, nil)
	var uv *ghesadmin.UnsupportedVersionError
	if !errors.As(err, &uv) && !errors.Is(err, ghesadmin.ErrNotFound) {
		t.Fatalf("SCIM on 3.11: %v", err)
	}
}

func TestLiveMigrationStates(t *testing.T) {
	srv, client := start(t, eaVersion,
		ghestest.WithOrgs(ghestest.Org{Login: "acme", Admin: ghestest.DefaultAdminLogin}),
		ghestest.WithRepos(ghestest.Repo{Owner: "acme", Name: "widgets"}, ghestest.Repo{Owner: "acme", Name: "gears"}))
	c, lm := ctx(t), client.LiveMigrations
	req := ghesadmin.CreateLiveMigrationRequest{SourceOrganizationLogin: "acme", SourceRepositoryName: "widgets",
		TargetOrganizationLogin: "acme-cloud", TargetRepositoryName: "widgets", TargetAPIEndpoint: "https://target.example.com/api/v3",
		PATName: "target-pat", TargetVisibility: ghesadmin.Ptr(ghesadmin.LiveMigrationPrivate)}
	created, resp, err := lm.Create(c, req)
	must(t, "Create", err)
	wantStatus(t, "Create", resp, http.StatusCreated)
	if created.MigrationID == "" || created.ExpiresAt == nil {
		t.Fatalf("Create: %+v", created)
	}
	id := created.MigrationID
	status := func(want ghesadmin.LiveMigrationStatus) *ghesadmin.LiveMigrationDetails {
		t.Helper()
		d, _, err := lm.Get(c, id)
		must(t, "Get", err)
		if d.Migration == nil || d.Migration.Status != want {
			t.Fatalf("status %+v, want %s", d.Migration, want)
		}
		return d
	}
	status(ghesadmin.LiveMigrationStatusCreated)
	// A second migration of the same repository conflicts.
	if _, _, err := lm.Create(c, req); err == nil || !strings.Contains(err.Error(), "409") {
		t.Errorf("second Create: %v", err)
	}
	// Pausing what has not started conflicts.
	if _, err := lm.Pause(c, id); err == nil || !strings.Contains(err.Error(), "409") {
		t.Errorf("Pause before Start: %v", err)
	}
	must(t, "Start", second(lm.Start(c, id)))
	d := status(ghesadmin.LiveMigrationStatusInProgress)
	if d.Migration.StartedAt == nil || d.CombinedState == nil || !d.CombinedState.ReadyForCutover || d.TargetState == nil || len(d.TargetState.RepositoryProgress) != 1 {
		t.Errorf("Get in progress: %+v", d)
	}
	must(t, "Pause", second(lm.Pause(c, id)))
	status(ghesadmin.LiveMigrationStatusPaused)
	must(t, "Resume", second(lm.Resume(c, id)))
	status(ghesadmin.LiveMigrationStatusInProgress)
	must(t, "Cutover", second(lm.Cutover(c, id, &ghesadmin.LiveMigrationCutoverOptions{Force: ghesadmin.Ptr(true)})))
	d = status(ghesadmin.LiveMigrationStatusCompleted)
	if d.Migration.CompletedAt == nil {
		t.Errorf("completed migration has no completed_at")
	}
	if archived, _ := srv.RepoArchived("acme", "widgets"); !archived {
		t.Errorf("cutover did not archive the source")
	}
	rv, _, err := lm.RevertCutover(c, id)
	must(t, "RevertCutover", err)
	if !rv.Success || !rv.UnarchivedSourceRepository {
		t.Errorf("RevertCutover: %+v", rv)
	}
	if archived, _ := srv.RepoArchived("acme", "widgets"); archived {
		t.Errorf("revert did not unarchive the source")
	}
	status(ghesadmin.LiveMigrationStatusPaused)
	must(t, "Cancel", second(lm.Cancel(c, id)))
	status(ghesadmin.LiveMigrationStatusTerminated)
	if _, err := lm.Cancel(c, id); err == nil {
		t.Errorf("Cancel of a terminated migration succeeded")
	}

	// Three more migrations, walked two by two through next_cursor.
	for _, repo := range []string{"gears"} {
		r := req
		r.SourceRepositoryName = repo
		must(t, "Create "+repo, second3(lm.Create(c, r)))
	}
	r := req // widgets again: the first one has ended
	must(t, "Create again", second3(lm.Create(c, r)))
	page, _, err := lm.List(c, &ghesadmin.ListLiveMigrationsOptions{PageSize: 2})
	must(t, "List", err)
	if page.TotalCount != 3 || len(page.Migrations) != 2 || page.NextCursor == "" {
		t.Errorf("List page 1: %+v", page)
	}
	n := 0
	for m, err := range lm.ListIter(c, &ghesadmin.ListLiveMigrationsOptions{PageSize: 1}) {
		must(t, "ListIter", err)
		if m.MigrationID == "" {
			t.Errorf("ListIter: %+v", m)
		}
		n++
	}
	if n != 3 {
		t.Errorf("ListIter walked %d migrations, want 3", n)
	}
	term, _, err := lm.List(c, &ghesadmin.ListLiveMigrationsOptions{Status: ghesadmin.LiveMigrationStatusTerminated})
	must(t, "List terminated", err)
	if term.TotalCount != 1 || term.Migrations[0].MigrationID != id {
		t.Errorf("List terminated: %+v", term)
	}
}

func second(_ *ghesadmin.Response, err error) error { return err }

func second3[T any](_ T, _ *ghesadmin.Response, err error) error { return err }

func TestEnterpriseAppInstallations(t *testing.T) {
	srv, client := start(t, eaVersion,
		ghestest.WithOrgs(ghestest.Org{Login: "acme", Admin: ghestest.DefaultAdminLogin}, ghestest.Org{Login: "beta", Admin: ghestest.DefaultAdminLogin}),
		ghestest.WithRepos(ghestest.Repo{Owner: "acme", Name: "api"}, ghestest.Repo{Owner: "acme", Name: "web"}, ghestest.Repo{Owner: "acme", Name: "docs"}),
		ghestest.WithApps(ghestest.App{ClientID: "Iv1.ci", Slug: "ci-bot", Permissions: map[string]string{"contents": "read", "checks": "write"}, Events: []string{"push"}}))
	c, ent, apps := ctx(t), srv.Enterprise(), client.EnterpriseApps

	orgs := collect(t, "ListInstallableOrganizationsIter", apps.ListInstallableOrganizationsIter(c, ent, &ghesadmin.ListOptions{PerPage: 1}), func(o *ghesadmin.InstallableOrganization) string { return o.Login })
	if strings.Join(orgs, ",") != "acme,beta" {
		t.Errorf("installable organizations: %v", orgs)
	}
	repos, _, err := apps.ListAccessibleRepositories(c, ent, "acme", nil)
	must(t, "ListAccessibleRepositories", err)
	if len(repos) != 3 || repos[0].FullName != "acme/api" {
		t.Errorf("accessible repositories: %+v", repos)
	}

	in, resp, err := apps.CreateInstallation(c, ent, "acme", ghesadmin.CreateInstallationRequest{ClientID: "Iv1.ci",
		RepositorySelection: ghesadmin.RepositorySelectionSelected, Repositories: []string{"api"}})
	must(t, "CreateInstallation", err)
	wantStatus(t, "CreateInstallation", resp, http.StatusCreated)
	if in.ID == 0 || in.AppSlug != "ci-bot" || in.RepositorySelection != ghesadmin.RepositorySelectionSelected ||
		in.Permissions["checks"] != "write" || in.TargetType != "Organization" || len(in.Account) == 0 {
		t.Fatalf("CreateInstallation: %+v", in)
	}
	var acct struct {
		Login string `json:"login"`
	}
	if json.Unmarshal(in.Account, &acct) != nil || acct.Login != "acme" {
		t.Errorf("installation account: %s", in.Account)
	}
	list, _, err := apps.ListInstallations(c, ent, "acme", nil)
	must(t, "ListInstallations", err)
	if len(list) != 1 || list[0].ID != in.ID || list[0].ClientID != "Iv1.ci" {
		t.Errorf("ListInstallations: %+v", list)
	}

	names := func(rs []*ghesadmin.AccessibleRepository) string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Name)
		}
		return strings.Join(out, ",")
	}
	rs, _, err := apps.AddInstallationRepositories(c, ent, "acme", in.ID, []string{"web", "docs"})
	must(t, "AddInstallationRepositories", err)
	if names(rs) != "api,web,docs" {
		t.Errorf("after add: %s", names(rs))
	}
	rs, _, err = apps.RemoveInstallationRepositories(c, ent, "acme", in.ID, []string{"api"})
	must(t, "RemoveInstallationRepositories", err)
	if names(rs) != "web,docs" {
		t.Errorf("after remove: %s", names(rs))
	}
	_, _, err = apps.AddInstallationRepositories(c, ent, "acme", in.ID, []string{"nope"})
	wantValidation(t, "add an unknown repository", err, "Installation", "repositories", "invalid", "nope")

	upd, _, err := apps.SetInstallationRepositories(c, ent, "acme", in.ID, ghesadmin.InstallationRepositoriesRequest{RepositorySelection: ghesadmin.RepositorySelectionAll})
	must(t, "SetInstallationRepositories", err)
	if upd.RepositorySelection != ghesadmin.RepositorySelectionAll {
		t.Errorf("SetInstallationRepositories: %+v", upd)
	}
	all := collect(t, "ListInstallationRepositoriesIter", apps.ListInstallationRepositoriesIter(c, ent, "acme", in.ID, &ghesadmin.ListOptions{PerPage: 2}), func(r *ghesadmin.AccessibleRepository) string { return r.Name })
	if strings.Join(all, ",") != "api,web,docs" {
		t.Errorf("all repositories: %v", all)
	}
	_, _, err = apps.RemoveInstallationRepositories(c, ent, "acme", in.ID, []string{"api"})
	wantValidation(t, "remove with selection all", err, "Installation", "repository_selection", "invalid", "selected")

	// Refused before sending: too many repositories, a selection without any.
	many := make([]string, 51)
	for i := range many {
		many[i] = "r"
	}
	if _, _, err := apps.AddInstallationRepositories(c, ent, "acme", in.ID, many); !errors.Is(err, ghesadmin.ErrInvalidArgument) {
		t.Errorf("51 repositories: %v", err)
	}
	if _, _, err := apps.CreateInstallation(c, ent, "acme", ghesadmin.CreateInstallationRequest{ClientID: "Iv1.ci", RepositorySelection: "some"}); !errors.Is(err, ghesadmin.ErrInvalidArgument) {
		t.Errorf("unknown selection: %v", err)
	}

	_, err = apps.DeleteInstallation(c, ent, "acme", in.ID)
	must(t, "DeleteInstallation", err)
	if list, _, _ := apps.ListInstallations(c, ent, "acme", nil); len(list) != 0 {
		t.Errorf("installations after delete: %+v", list)
	}
}

func TestRulesetHistoryAndBypassRequests(t *testing.T) {
	t0 := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	srv, client := start(t, eaVersion,
		ghestest.WithUsers(ghestest.User{Login: "mona", Email: "mona@example.com"}, ghestest.User{Login: "hubot", Email: "hubot@example.com"}),
		ghestest.WithOrgs(ghestest.Org{Login: "acme", Admin: ghestest.DefaultAdminLogin}),
		ghestest.WithRepos(ghestest.Repo{Owner: "acme", Name: "api"}),
		ghestest.WithRulesetHistory(
			ghestest.RulesetVersion{RulesetID: 4, Actor: "mona", UpdatedAt: t0, State: json.RawMessage(`{"id":4,"name":"main","enforcement":"evaluate"}`)},
			ghestest.RulesetVersion{RulesetID: 4, Actor: "hubot", UpdatedAt: t0.Add(time.Hour), State: json.RawMessage(`{"id":4,"name":"main","enforcement":"active"}`)}),
		ghestest.WithBypassRequests(
			ghestest.BypassRequest{Kind: "push_rules", Repo: "acme/api", Requester: "mona", RulesetName: "main", Comment: "release hotfix"},
			ghestest.BypassRequest{Kind: "push_rules", Repo: "acme/api", Requester: "hubot", Status: "approved", Reviewer: ghestest.DefaultAdminLogin},
			ghestest.BypassRequest{Kind: "secret_scanning", Repo: "acme/api", Requester: "mona", SecretType: "aws_access_key_id"}))
	c, ent := ctx(t), srv.Enterprise()

	hist, _, err := client.Rulesets.ListHistory(c, ent, 4, nil)
	must(t, "ListHistory", err)
	if len(hist) != 2 || hist[0].VersionID != 2 || hist[0].Actor.ID != srv.UserID("hubot") || !hist[0].UpdatedAt.Equal(t0.Add(time.Hour)) {
		t.Fatalf("ListHistory: %+v", hist)
	}
	v, _, err := client.Rulesets.GetVersion(c, ent, 4, 1)
	must(t, "GetVersion", err)
	var state struct {
		Enforcement string `json:"enforcement"`
	}
	if v.VersionID != 1 || json.Unmarshal(v.State, &state) != nil || state.Enforcement != "evaluate" {
		t.Errorf("GetVersion: %+v %s", v, v.State)
	}
	if _, _, err := client.Rulesets.GetVersion(c, ent, 4, 3); !errors.Is(err, ghesadmin.ErrNotFound) {
		t.Errorf("unknown version: %v", err)
	}

	push, _, err := client.BypassRequests.ListPushRules(c, ent, nil)
	must(t, "ListPushRules", err)
	if len(push) != 2 || push[0].Requester.ActorName != "mona" || push[0].Status != ghesadmin.BypassRequestPending ||
		push[0].RequesterComment == nil || *push[0].RequesterComment != "release hotfix" || len(push[0].Data) != 1 || push[0].Data[0].RulesetName != "main" ||
		push[0].Repository.FullName != "acme/api" {
		t.Errorf("ListPushRules: %+v", push)
	}
	approved, _, err := client.BypassRequests.ListPushRules(c, ent, &ghesadmin.ListBypassRequestsOptions{RequestStatus: ghesadmin.BypassRequestApproved})
	must(t, "ListPushRules approved", err)
	if len(approved) != 1 || approved[0].Requester.ActorName != "hubot" || len(approved[0].Responses) != 1 || approved[0].Responses[0].Status != ghesadmin.BypassResponseApproved {
		t.Errorf("approved: %+v", approved)
	}
	secrets := walk(t, "ListSecretScanningIter", client.BypassRequests.ListSecretScanningIter(c, ent, &ghesadmin.ListBypassRequestsOptions{Requester: "mona", TimePeriod: ghesadmin.BypassTimeWeek}))
	if len(secrets) != 1 || secrets[0].Data[0].SecretType != "aws_access_key_id" {
		t.Errorf("secret scanning: %+v", secrets)
	}
	if _, _, err := client.BypassRequests.ListPushRules(c, ent, &ghesadmin.ListBypassRequestsOptions{TimePeriod: "year"}); !errors.Is(err, ghesadmin.ErrInvalidArgument) {
		t.Errorf("unknown time period: %v", err)
	}
}
