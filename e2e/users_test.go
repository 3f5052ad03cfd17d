package e2e_test

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

func TestUsersLifecycle(t *testing.T) {
	onFakes(t, versions, []ghestest.Option{ghestest.WithUsers(ghestest.User{Login: "hubot", Email: "hubot@example.com"})}, func(t *testing.T, c context.Context, srv *ghestest.Server, client *ghesadmin.Client) {
		// Create: the login is normalised.
		u, resp, err := client.Users.Create(c, ghesadmin.CreateUserRequest{Login: "octo_cat", Email: ghesadmin.Ptr("octocat@example.com")})
		must(t, "Create", err)
		wantStatus(t, "Create", resp, http.StatusCreated)
		if u.Login != "octo-cat" {
			t.Fatalf("Create: Login %q, want the normalised %q", u.Login, "octo-cat")
		}
		if u.ID == 0 || u.ID != srv.UserID("octo-cat") {
			t.Errorf("Create: ID %d, want the fake's %d", u.ID, srv.UserID("octo-cat"))
		}
		if u.Type != "User" || u.SiteAdmin || !strings.HasSuffix(u.URL, "/users/octo-cat") || u.NodeID == "" {
			t.Errorf("Create: got %+v", u)
		}
		if got := resp.EnterpriseVersion; got != "enterprise-server@"+srv.Version() {
			t.Errorf("Create: EnterpriseVersion %q", got)
		}
		if _, ok := srv.User("octo-cat"); !ok {
			t.Fatal("the fake has no user octo-cat after Create")
		}

		// A taken login or email is a 422 with the field detail.
		_, _, err = client.Users.Create(c, ghesadmin.CreateUserRequest{Login: "octo-cat", Email: ghesadmin.Ptr("other@example.com")})
		wantValidation(t, "Create taken login", err, "User", "login", "already_exists", "login is already taken")
		_, _, err = client.Users.Create(c, ghesadmin.CreateUserRequest{Login: "newcomer", Email: ghesadmin.Ptr("hubot@example.com")})
		wantValidation(t, "Create taken email", err, "User", "email", "already_exists", "email is already taken")
		if _, ok := srv.User("newcomer"); ok {
			t.Fatal("a refused Create created the user")
		}

		// Rename: 202, the new login works and the old one is gone.
		job, resp, err := client.Users.Rename(c, "octo-cat", "octo-kitten")
		must(t, "Rename", err)
		wantStatus(t, "Rename", resp, http.StatusAccepted)
		if !strings.Contains(job.Message, "Job queued to rename user") || !strings.HasSuffix(job.URL, "/user/"+strconv.FormatInt(u.ID, 10)) {
			t.Errorf("Rename: job %+v", job)
		}
		if _, ok := srv.User("octo-cat"); ok {
			t.Error("the old login still exists after Rename")
		}
		_, err = client.Users.Promote(c, "octo-cat")
		wantIs(t, "Promote old login", err, ghesadmin.ErrNotFound, http.StatusNotFound)
		_, _, err = client.Users.Rename(c, "octo-kitten", "hubot")
		wantValidation(t, "Rename to a taken login", err, "User", "login", "already_exists", "taken")

		// Promote and demote.
		resp, err = client.Users.Promote(c, "octo-kitten")
		must(t, "Promote", err)
		wantStatus(t, "Promote", resp, http.StatusNoContent)
		if su, _ := srv.User("octo-kitten"); !su.SiteAdmin {
			t.Error("Promote: the user is not a site admin")
		}
		resp, err = client.Users.Demote(c, "octo-kitten")
		must(t, "Demote", err)
		wantStatus(t, "Demote", resp, http.StatusNoContent)
		if su, _ := srv.User("octo-kitten"); su.SiteAdmin {
			t.Error("Demote: the user is still a site admin")
		}

		// Suspend with a reason, then unsuspend.
		resp, err = client.Users.Suspend(c, "octo-kitten", "Left the company")
		must(t, "Suspend", err)
		wantStatus(t, "Suspend", resp, http.StatusNoContent)
		if su, _ := srv.User("octo-kitten"); !su.Suspended {
			t.Error("Suspend: the user is not suspended")
		}
		st, _, err := client.Stats.Users(c)
		must(t, "Stats.Users", err)
		if st.SuspendedUsers != 1 {
			t.Errorf("Stats.Users after Suspend: %+v, want 1 suspended", st)
		}
		resp, err = client.Users.Unsuspend(c, "octo-kitten", "")
		must(t, "Unsuspend", err)
		wantStatus(t, "Unsuspend", resp, http.StatusNoContent)
		if su, _ := srv.User("octo-kitten"); su.Suspended {
			t.Error("Unsuspend: the user is still suspended")
		}

		// A site admin cannot demote, suspend or delete itself.
		admin := srv.AdminLogin()
		_, err = client.Users.Demote(c, admin)
		wantIs(t, "Demote self", err, ghesadmin.ErrForbidden, http.StatusForbidden)
		_, err = client.Users.Suspend(c, admin, "oops")
		wantIs(t, "Suspend self", err, ghesadmin.ErrForbidden, http.StatusForbidden)
		_, err = client.Users.Delete(c, admin)
		wantIs(t, "Delete self", err, ghesadmin.ErrForbidden, http.StatusForbidden)
		if su, ok := srv.User(admin); !ok || !su.SiteAdmin || su.Suspended {
			t.Fatalf("the admin changed after refused self-operations: %+v %v", su, ok)
		}

		// Impersonation token: create, the same scopes return it (200),
		// delete, create anew.
		tok, resp, err := client.Users.CreateImpersonationToken(c, "octo-kitten", []string{"repo", "admin:org"})
		must(t, "CreateImpersonationToken", err)
		wantStatus(t, "CreateImpersonationToken", resp, http.StatusCreated)
		if tok.Token == "" || tok.ID == 0 || !slices.Equal(tok.Scopes, []string{"admin:org", "repo"}) {
			t.Errorf("CreateImpersonationToken: %v scopes %v", tok, tok.Scopes)
		}
		if tok.TokenLastEight == nil || !strings.HasSuffix(tok.Token, *tok.TokenLastEight) {
			t.Errorf("CreateImpersonationToken: token_last_eight %v", tok.TokenLastEight)
		}
		if strings.Contains(tok.String(), tok.Token) {
			t.Error("Authorization.String shows the token")
		}
		again, resp, err := client.Users.CreateImpersonationToken(c, "octo-kitten", []string{"admin:org", "repo"})
		must(t, "CreateImpersonationToken again", err)
		wantStatus(t, "CreateImpersonationToken again", resp, http.StatusOK)
		if again.ID != tok.ID {
			t.Errorf("CreateImpersonationToken again: ID %d, want the existing %d", again.ID, tok.ID)
		}
		resp, err = client.Users.DeleteImpersonationToken(c, "octo-kitten")
		must(t, "DeleteImpersonationToken", err)
		wantStatus(t, "DeleteImpersonationToken", resp, http.StatusNoContent)
		fresh, resp, err := client.Users.CreateImpersonationToken(c, "octo-kitten", []string{"repo", "admin:org"})
		must(t, "CreateImpersonationToken after delete", err)
		wantStatus(t, "CreateImpersonationToken after delete", resp, http.StatusCreated)
		if fresh.ID == tok.ID || fresh.Token == tok.Token {
			t.Error("the deleted impersonation token came back")
		}

		// GHES 3.x can create a user suspended.
		if !strings.HasPrefix(srv.Version(), "2.") {
			_, _, err = client.Users.Create(c, ghesadmin.CreateUserRequest{Login: "sleeper", Email: ghesadmin.Ptr("sleeper@example.com"), Suspended: ghesadmin.Ptr(true)})
			must(t, "Create suspended", err)
			if su, ok := srv.User("sleeper"); !ok || !su.Suspended {
				t.Errorf("Create suspended: %+v %v", su, ok)
			}
		}

		// Delete.
		resp, err = client.Users.Delete(c, "octo-kitten")
		must(t, "Delete", err)
		wantStatus(t, "Delete", resp, http.StatusNoContent)
		if _, ok := srv.User("octo-kitten"); ok {
			t.Error("the user exists after Delete")
		}
		_, err = client.Users.Delete(c, "octo-kitten")
		wantIs(t, "Delete again", err, ghesadmin.ErrNotFound, http.StatusNotFound)
	})
}

func TestUsersPublicKeys(t *testing.T) {
	base := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	var keys []ghestest.PublicKey
	for i := range 7 {
		k := ghestest.PublicKey{
			User: "hubot", Title: "key-" + strconv.Itoa(i), Key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + strconv.Itoa(i),
			CreatedAt: base.Add(time.Duration(i) * time.Hour),
			// Last use runs the other way from creation.
			LastUsed: base.Add(time.Duration(100-i) * time.Hour),
			Verified: i%2 == 0,
		}
		if i == 3 {
			k.Repo, k.ReadOnly = "hubot/deploy", true
		}
		keys = append(keys, k)
	}
	// Seeded out of order, so that the fake's sort is what orders them.
	slices.Reverse(keys[2:5])

	seed := []ghestest.Option{
		ghestest.WithUsers(ghestest.User{Login: "hubot", Email: "hubot@example.com"}),
		ghestest.WithRepos(ghestest.Repo{Owner: "hubot", Name: "deploy"}),
		ghestest.WithPublicKeys(keys...),
	}
	onFakes(t, versions, seed, func(t *testing.T, c context.Context, srv *ghestest.Server, client *ghesadmin.Client) {
		list := func(opts *ghesadmin.ListPublicKeysOptions) []*ghesadmin.PublicKey {
			t.Helper()
			srv.ResetRequestCounts()
			out := walk(t, "ListPublicKeysIter", client.Users.ListPublicKeysIter(c, opts))
			return out
		}
		titles := func(ks []*ghesadmin.PublicKey) []string {
			var out []string
			for _, k := range ks {
				out = append(out, k.Title)
			}
			return out
		}

		asc := list(&ghesadmin.ListPublicKeysOptions{Sort: ghesadmin.PublicKeySortCreated, Direction: ghesadmin.DirectionAsc, ListOptions: ghesadmin.ListOptions{PerPage: 2}})
		want := []string{"key-0", "key-1", "key-2", "key-3", "key-4", "key-5", "key-6"}
		if got := titles(asc); !slices.Equal(got, want) {
			t.Fatalf("created asc: %v, want %v", got, want)
		}
		if n := srv.RequestCount("GET", "/admin/keys"); n != 4 {
			t.Errorf("created asc: %d requests for 7 keys at 2 per page, want 4", n)
		}
		hubot, repo := srv.UserID("hubot"), srv.RepoID("hubot", "deploy")
		for i, k := range asc {
			if !k.CreatedAt.Equal(base.Add(time.Duration(i) * time.Hour)) {
				t.Errorf("%s: CreatedAt %v", k.Title, k.CreatedAt)
			}
			if k.LastUsed == nil || !k.LastUsed.Equal(base.Add(time.Duration(100-i)*time.Hour)) {
				t.Errorf("%s: LastUsed %v", k.Title, k.LastUsed)
			}
			if k.Verified != (i%2 == 0) || k.Key != "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"+strconv.Itoa(i) || k.ID == 0 {
				t.Errorf("%s: %+v", k.Title, k)
			}
			if i == 3 {
				if k.RepositoryID == nil || *k.RepositoryID != repo || k.UserID != nil || !k.ReadOnly {
					t.Errorf("deploy key: %+v", k)
				}
			} else if k.UserID == nil || *k.UserID != hubot || k.RepositoryID != nil || k.ReadOnly {
				t.Errorf("%s: user key %+v", k.Title, k)
			}
		}

		// The server's default order is created desc.
		desc := list(&ghesadmin.ListPublicKeysOptions{ListOptions: ghesadmin.ListOptions{PerPage: 3}})
		rev := slices.Clone(want)
		slices.Reverse(rev)
		if got := titles(desc); !slices.Equal(got, rev) {
			t.Fatalf("default order: %v, want %v", got, rev)
		}
		if n := srv.RequestCount("GET", "/admin/keys"); n != 3 {
			t.Errorf("default order: %d requests for 7 keys at 3 per page, want 3", n)
		}
		// Last use runs against creation.
		accessed := list(&ghesadmin.ListPublicKeysOptions{Sort: ghesadmin.PublicKeySortAccessed, Direction: ghesadmin.DirectionAsc, ListOptions: ghesadmin.ListOptions{PerPage: 2}})
		if got := titles(accessed); !slices.Equal(got, rev) {
			t.Fatalf("accessed asc: %v, want %v", got, rev)
		}
		// since keeps the keys used after the time.
		recent := list(&ghesadmin.ListPublicKeysOptions{Since: base.Add(97*time.Hour + time.Minute), Direction: ghesadmin.DirectionAsc, ListOptions: ghesadmin.ListOptions{PerPage: 2}})
		if got := titles(recent); !slices.Equal(got, []string{"key-0", "key-1", "key-2"}) {
			t.Fatalf("since: %v", got)
		}

		// Prefetching pages concurrently keeps the order.
		prefetch, err := srv.Client(ghesadmin.WithPagePrefetch(3))
		must(t, "srv.Client with prefetch", err)
		pre := walk(t, "ListPublicKeysIter with prefetch", prefetch.Users.ListPublicKeysIter(c, &ghesadmin.ListPublicKeysOptions{Direction: ghesadmin.DirectionAsc, ListOptions: ghesadmin.ListOptions{PerPage: 2}}))
		if got := titles(pre); !slices.Equal(got, want) {
			t.Fatalf("with prefetch: %v, want %v", got, want)
		}

		// One page with its Link header.
		page, resp, err := client.Users.ListPublicKeys(c, &ghesadmin.ListPublicKeysOptions{Direction: ghesadmin.DirectionAsc, ListOptions: ghesadmin.ListOptions{Page: 2, PerPage: 2}})
		must(t, "ListPublicKeys page 2", err)
		if got := titles(page); !slices.Equal(got, []string{"key-2", "key-3"}) || resp.NextPage != 3 || resp.PrevPage != 1 || resp.LastPage != 4 || resp.FirstPage != 1 {
			t.Fatalf("page 2: %v next %d prev %d last %d first %d", got, resp.NextPage, resp.PrevPage, resp.LastPage, resp.FirstPage)
		}

		// Delete a key.
		resp, err = client.Users.DeletePublicKey(c, strconv.FormatInt(asc[1].ID, 10))
		must(t, "DeletePublicKey", err)
		wantStatus(t, "DeletePublicKey", resp, http.StatusNoContent)
		after := list(&ghesadmin.ListPublicKeysOptions{Direction: ghesadmin.DirectionAsc, ListOptions: ghesadmin.ListOptions{PerPage: 2}})
		if got := titles(after); !slices.Equal(got, []string{"key-0", "key-2", "key-3", "key-4", "key-5", "key-6"}) {
			t.Fatalf("after DeletePublicKey: %v", got)
		}
		_, err = client.Users.DeletePublicKey(c, strconv.FormatInt(asc[1].ID, 10))
		wantIs(t, "DeletePublicKey again", err, ghesadmin.ErrNotFound, http.StatusNotFound)
	})
}

func TestUsersTokens(t *testing.T) {
	var toks []ghestest.Token
	for i := range 5 {
		toks = append(toks, ghestest.Token{User: "hubot", Value: "ghp_seededtoken000000000000000000000" + strconv.Itoa(i), Note: "ci-" + strconv.Itoa(i), Scopes: []string{"repo"}})
	}
	seed := []ghestest.Option{
		ghestest.WithUsers(ghestest.User{Login: "hubot", Email: "hubot@example.com"}),
		ghestest.WithTokens(toks...),
	}
	onFakes(t, versions, seed, func(t *testing.T, c context.Context, srv *ghestest.Server, client *ghesadmin.Client) {
		list := func() map[string]*ghesadmin.Authorization {
			t.Helper()
			srv.ResetRequestCounts()
			out := map[string]*ghesadmin.Authorization{}
			for a, err := range client.Users.ListTokensIter(c, &ghesadmin.ListOptions{PerPage: 2}) {
				must(t, "ListTokensIter", err)
				if a.Note == nil {
					t.Fatalf("token %d has no note", a.ID)
				}
				out[*a.Note] = a
			}
			return out
		}
		all := list()
		// The admin's token and the five seeded ones: three pages of two.
		if len(all) != 6 {
			t.Fatalf("ListTokensIter: %d tokens, want 6: %v", len(all), all)
		}
		if n := srv.RequestCount("GET", "/admin/tokens"); n != 3 {
			t.Errorf("ListTokensIter: %d requests, want 3", n)
		}
		for i := range 5 {
			a := all["ci-"+strconv.Itoa(i)]
			if a == nil {
				t.Fatalf("token ci-%d missing", i)
			}
			if !slices.Equal(a.Scopes, []string{"repo"}) || a.TokenLastEight == nil || *a.TokenLastEight != toks[i].Value[len(toks[i].Value)-8:] || a.CreatedAt.IsZero() {
				t.Errorf("token ci-%d: %v", i, a)
			}
			if a.User != nil && a.User.Login != "hubot" {
				t.Errorf("token ci-%d: owner %q", i, a.User.Login)
			}
		}

		victim := all["ci-2"].ID
		resp, err := client.Users.DeleteToken(c, victim)
		must(t, "DeleteToken", err)
		wantStatus(t, "DeleteToken", resp, http.StatusNoContent)
		after := list()
		if len(after) != 5 || after["ci-2"] != nil {
			t.Fatalf("after DeleteToken: %d tokens, ci-2 %v", len(after), after["ci-2"])
		}
		_, err = client.Users.DeleteToken(c, victim)
		wantIs(t, "DeleteToken again", err, ghesadmin.ErrNotFound, http.StatusNotFound)

		// The token in use cannot be deleted (403, documented).
		var own int64
		for _, a := range after {
			if a.TokenLastEight != nil && strings.HasSuffix(srv.Token(), *a.TokenLastEight) {
				own = a.ID
			}
		}
		if own == 0 {
			t.Fatal("the admin's token is not in the list")
		}
		_, err = client.Users.DeleteToken(c, own)
		wantIs(t, "DeleteToken in use", err, ghesadmin.ErrForbidden, http.StatusForbidden)
	})
}
