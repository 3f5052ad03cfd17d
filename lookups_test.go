package ghesadmin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// githubOrgShort is the short organization of the reference's examples, as
// decoded from testdata/organizations/create.json and list.json.
func githubOrgShort() Organization {
	return Organization{
		Login:            "github",
		ID:               1,
		NodeID:           "MDEyOk9yZ2FuaXphdGlvbjE=",
		URL:              "https://api.github.com/orgs/github",
		ReposURL:         "https://api.github.com/orgs/github/repos",
		EventsURL:        "https://api.github.com/orgs/github/events",
		HooksURL:         "https://api.github.com/orgs/github/hooks",
		IssuesURL:        "https://api.github.com/orgs/github/issues",
		MembersURL:       "https://api.github.com/orgs/github/members{/member}",
		PublicMembersURL: "https://api.github.com/orgs/github/public_members{/member}",
		AvatarURL:        "https://github.com/images/error/octocat_happy.gif",
		Description:      Ptr("A great organization"),
	}
}

func TestUsersGet(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/users/" + weirdUserEscaped, Reply: "users/get.json"})
	user, resp, err := env.Client.Users.Get(context.Background(), weirdUser)
	require.NoError(t, err)
	if resp.StatusCode != 200 {
		t.Errorf("status = %d", resp.StatusCode)
	}
	want := octocatProfile(t)
	want.SuspendedAt = Ptr(mustTime(t, "2024-01-02T03:04:05Z"))
	assertFields(t, "user", *user, want)
	assertCoversFixture(t, "users/get.json", User{})
}

func TestUsersGetEmptyLoginNamesMethodAndParameter(t *testing.T) {
	env := setup(t) // any request fails the test
	_, _, err := env.Client.Users.Get(context.Background(), "")
	if !errors.Is(err, ErrInvalidArgument) || err.Error() != "ghesadmin: Users.Get: username is empty" {
		t.Errorf("err = %v", err)
	}
	_, err = env.Client.Users.Suspend(context.Background(), "", "")
	if err == nil || err.Error() != "ghesadmin: Users.Suspend: username is empty" {
		t.Errorf("Suspend err = %v", err)
	}
}

func TestUsersList(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("GET /users", func(w http.ResponseWriter, r *http.Request) {
		call{Method: http.MethodGet, Path: "/users", Query: url.Values{"since": {"135"}, "per_page": {"2"}}}.verify(t, r)
		w.Header().Set("Link", `<https://ghe.example.com/api/v3/users?per_page=2&since=1>; rel="next", <https://ghe.example.com/api/v3/users{?since}>; rel="first"`)
		writeFixture(t, w, http.StatusOK, "users/list.json")
	})
	users, resp, err := env.Client.Users.List(context.Background(), &ListSinceOptions{Since: 135, PerPage: 2})
	require.NoError(t, err)
	if len(users) != 1 {
		t.Fatalf("got %d users", len(users))
	}
	assertFields(t, "user", *users[0], octocatShort())
	if resp.NextURL != "https://ghe.example.com/api/v3/users?per_page=2&since=1" {
		t.Errorf("NextURL = %q", resp.NextURL)
	}
	assertCoversFixture(t, "users/list.json", []*User{})
}

// sinceServer serves ids 1..n of path in pages of per_page (default 3)
// after since, with GHES's Link header, and records the queries it saw.
func sinceServer(t *testing.T, env *testEnv, path string, n int, seen *[]string) {
	env.API.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
		// The queries are asserted by the callers through seen.
		call{Method: http.MethodGet, Path: path, Query: r.URL.Query()}.verify(t, r)
		*seen = append(*seen, r.URL.RawQuery)
		var since, per int64 = 0, 3
		fmt.Sscan(r.URL.Query().Get("since"), &since)
		if p := r.URL.Query().Get("per_page"); p != "" {
			fmt.Sscan(p, &per)
		}
		var items []string
		last := since
		for id := since + 1; id <= int64(n) && int64(len(items)) < per; id++ {
			items = append(items, fmt.Sprintf(`{"login":"acct%d","id":%d}`, id, id))
			last = id
		}
		if last < int64(n) {
			w.Header().Set("Link", fmt.Sprintf(`<http://%s/api/v3%s?per_page=%d&since=%d>; rel="next", <http://%s/api/v3%s{?since}>; rel="first"`, r.Host, path, per, last, r.Host, path))
		}
		writeJSON(w, http.StatusOK, "["+strings.Join(items, ",")+"]")
	})
}

func TestUsersListIterFollowsSince(t *testing.T) {
	env := setup(t)
	var seen []string
	sinceServer(t, env, "/users", 7, &seen)
	opts := &ListSinceOptions{PerPage: 3}
	var ids []int64
	for u, err := range env.Client.Users.ListIter(context.Background(), opts) {
		require.NoError(t, err)
		ids = append(ids, u.ID)
	}
	if fmt.Sprint(ids) != "[1 2 3 4 5 6 7]" {
		t.Errorf("ids = %v", ids)
	}
	if fmt.Sprint(seen) != "[per_page=3 per_page=3&since=3 per_page=3&since=6]" {
		t.Errorf("queries = %v", seen)
	}
	if *opts != (ListSinceOptions{PerPage: 3}) {
		t.Errorf("opts modified: %+v", *opts)
	}
}

func TestOrganizationsListIterStopsOnBreak(t *testing.T) {
	env := setup(t)
	var seen []string
	sinceServer(t, env, "/organizations", 10, &seen)
	var logins []string
	for o, err := range env.Client.Organizations.ListIter(context.Background(), &ListSinceOptions{Since: 2, PerPage: 2}) {
		require.NoError(t, err)
		logins = append(logins, o.Login)
		if len(logins) == 3 {
			break
		}
	}
	if fmt.Sprint(logins) != "[acct3 acct4 acct5]" || len(seen) != 2 {
		t.Errorf("logins = %v after queries %v", logins, seen)
	}
}

func TestSinceIterRefusesLoopsAndBadLinks(t *testing.T) {
	for _, tc := range []struct {
		link string
		want error
	}{
		{`</api/v3/users?since=1>; rel="next"`, ErrPaginationLoop},
		{`</api/v3/users?page=2>; rel="next"`, nil},
	} {
		env := setup(t)
		env.API.HandleFunc("GET /users", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Link", tc.link)
			writeJSON(w, http.StatusOK, `[{"login":"a","id":1}]`)
		})
		var err error
		n := 0
		for _, e := range env.Client.Users.ListIter(context.Background(), &ListSinceOptions{Since: 1}) {
			if e != nil {
				err = e
				break
			}
			n++
			if n > 5 {
				break
			}
		}
		if err == nil || (tc.want != nil && !errors.Is(err, tc.want)) || n != 1 {
			t.Errorf("link %s: %d items then err = %v, want %v", tc.link, n, err, tc.want)
		}
	}
}

func TestListSinceOptionsRefused(t *testing.T) {
	env := setup(t)
	for _, bad := range []ListSinceOptions{{PerPage: -1}, {PerPage: 101}, {Since: -1}} {
		if _, _, err := env.Client.Users.List(context.Background(), &bad); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("%+v: err = %v", bad, err)
		}
		for _, err := range env.Client.Organizations.ListIter(context.Background(), &bad) {
			if !errors.Is(err, ErrInvalidArgument) {
				t.Errorf("%+v: iter err = %v", bad, err)
			}
		}
	}
}

func TestOrganizationsGet(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/orgs/" + weirdUserEscaped, Reply: "organizations/get.json"})
	org, _, err := env.Client.Organizations.Get(context.Background(), weirdUser)
	require.NoError(t, err)
	want := githubOrgShort()
	want.Name, want.Company, want.Blog = Ptr("github"), Ptr("GitHub"), Ptr("https://github.com/blog")
	want.Location, want.Email, want.TwitterUsername = Ptr("San Francisco"), Ptr("octocat@github.com"), Ptr("github")
	want.IsVerified, want.HasOrganizationProjects, want.HasRepositoryProjects = true, true, true
	want.PublicRepos, want.PublicGists, want.Followers, want.Following = 2, 1, 20, 0
	want.HTMLURL = "https://github.com/octocat"
	want.CreatedAt = mustTime(t, "2008-01-14T04:33:35Z")
	want.UpdatedAt = mustTime(t, "2014-03-03T18:58:10Z")
	want.Type = "Organization"
	want.TotalPrivateRepos, want.OwnedPrivateRepos, want.PrivateGists = 100, 100, 81
	want.DiskUsage, want.Collaborators = 10000, 8
	want.BillingEmail = Ptr("mona@github.com")
	want.Plan = &OrganizationPlan{Name: "Medium", Space: 400, PrivateRepos: 20, FilledSeats: 4, Seats: 5}
	want.DefaultRepositoryPermission = Ptr("read")
	want.MembersCanCreateRepositories = Ptr(true)
	want.TwoFactorRequirementEnabled = Ptr(true)
	want.MembersAllowedRepositoryCreationType = "all"
	want.MembersCanCreatePages = true
	want.MembersCanForkPrivateRepositories = Ptr(false)
	assertFields(t, "org", *org, want)
	assertCoversFixture(t, "organizations/get.json", Organization{})
	assertFixtureFullyMapped(t, "organizations/get.json", Organization{})
}

func TestOrganizationsList(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/organizations", Query: url.Values{"since": {"4"}}, Reply: "organizations/list.json"})
	orgs, _, err := env.Client.Organizations.List(context.Background(), &ListSinceOptions{Since: 4})
	require.NoError(t, err)
	if len(orgs) != 1 {
		t.Fatalf("got %d orgs", len(orgs))
	}
	assertFields(t, "org", *orgs[0], githubOrgShort())
}

func TestTeamsGetBySlug(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/orgs/" + weirdUserEscaped + "/teams/justice%20league", Reply: "teams/get_by_slug.json"})
	team, _, err := env.Client.Teams.GetBySlug(context.Background(), weirdUser, "justice league")
	require.NoError(t, err)
	org := githubOrgShort()
	org.Name, org.Company, org.Blog = Ptr("github"), Ptr("GitHub"), Ptr("https://github.com/blog")
	org.Location, org.Email = Ptr("San Francisco"), Ptr("octocat@github.com")
	org.IsVerified, org.HasOrganizationProjects, org.HasRepositoryProjects = true, true, true
	org.PublicRepos, org.PublicGists, org.Followers = 2, 1, 20
	org.HTMLURL = "https://github.com/octocat"
	org.CreatedAt = mustTime(t, "2008-01-14T04:33:35Z")
	org.UpdatedAt = mustTime(t, "2014-03-03T18:58:10Z")
	org.Type = "Organization"
	want := justiceLeague()
	want.MembersCount, want.ReposCount = 3, 10
	want.CreatedAt = mustTime(t, "2017-07-14T16:53:42Z")
	want.UpdatedAt = mustTime(t, "2017-08-17T12:37:15Z")
	want.Organization = &org
	assertFields(t, "team", *team, want)
	assertCoversFixture(t, "teams/get_by_slug.json", Team{})
	assertFixtureFullyMapped(t, "teams/get_by_slug.json", Team{})
	if _, _, err := env.Client.Teams.GetBySlug(context.Background(), "github", ""); err == nil || err.Error() != "ghesadmin: Teams.GetBySlug: team_slug is empty" {
		t.Errorf("empty slug: err = %v", err)
	}
}
