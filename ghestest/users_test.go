package ghestest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestAuth(t *testing.T) {
	s := New(t, WithUsers(User{Login: "mona", Email: "mona@x.test"}), WithTokens(Token{User: "mona", Value: "mona-token"}))
	// No credentials: 401.
	r := do(t, req{method: "GET", url: s.APIURL() + "admin/hooks"})
	wantStatus(t, r, http.StatusUnauthorized)
	if r.obj(t)["message"] != "Requires authentication" {
		t.Errorf("body = %s", r.body)
	}
	// A wrong token: 401.
	wantStatus(t, do(t, req{method: "GET", url: s.APIURL() + "admin/hooks", token: "nope"}), http.StatusUnauthorized)
	// Not a site admin: 404 on admin endpoints, 403 on site_admin/suspended.
	wantStatus(t, do(t, req{method: "GET", url: s.APIURL() + "enterprise/stats/all", token: "mona-token"}), http.StatusNotFound)
	wantStatus(t, do(t, req{method: "POST", url: s.APIURL() + "admin/users", token: "mona-token", body: `{"login":"x"}`}), http.StatusNotFound)
	wantStatus(t, do(t, req{method: "PUT", url: s.APIURL() + "users/mona/site_admin", token: "mona-token"}), http.StatusForbidden)
	wantStatus(t, do(t, req{method: "PUT", url: s.APIURL() + "users/mona/suspended", token: "mona-token"}), http.StatusForbidden)
	// The admin token works, and so does Bearer.
	wantStatus(t, api(t, s, "GET", "/enterprise/stats/all", ""), http.StatusOK)
	r = do(t, req{method: "GET", url: s.APIURL() + "enterprise/stats/users", basic: nil})
	wantStatus(t, r, http.StatusUnauthorized)
	// Promoted, mona gets in.
	wantStatus(t, api(t, s, "PUT", "/users/mona/site_admin", ""), http.StatusNoContent)
	wantStatus(t, do(t, req{method: "GET", url: s.APIURL() + "enterprise/stats/all", token: "mona-token"}), http.StatusOK)
	// /meta needs nothing.
	wantStatus(t, do(t, req{method: "GET", url: s.APIURL() + "meta"}), http.StatusOK)
	// The console: 401 without or with a wrong password.
	wantStatus(t, do(t, req{method: "GET", url: s.ConsoleURL() + "/setup/api/settings"}), http.StatusUnauthorized)
	wantStatus(t, do(t, req{method: "GET", url: s.ConsoleURL() + "/setup/api/settings", basic: &[2]string{"api_key", "wrong"}}), http.StatusUnauthorized)
	wantStatus(t, do(t, req{method: "GET", url: s.ConsoleURL() + "/manage/v1/version", basic: &[2]string{"api_key", "wrong"}}), http.StatusUnauthorized)
	wantStatus(t, console(t, s, "GET", "/manage/v1/version", "", ""), http.StatusOK)
}

func TestCreateUser(t *testing.T) {
	s := New(t, WithUsers(User{Login: "taken", Email: "taken@x.test"}))
	r := api(t, s, "POST", "/admin/users", `{"login":"octo_cat","email":"octo@x.test"}`)
	wantStatus(t, r, http.StatusCreated)
	u := r.obj(t)
	if u["login"] != "octo-cat" || u["type"] != "User" || u["site_admin"] != false {
		t.Errorf("created %s", r.body)
	}
	want422(t, api(t, s, "POST", "/admin/users", `{"login":"Taken"}`), "login is already taken")
	want422(t, api(t, s, "POST", "/admin/users", `{"login":"other","email":"TAKEN@x.test"}`), "email is already taken")
	want422(t, api(t, s, "POST", "/admin/users", `{"email":"a@x.test"}`), "login is required")
	wantStatus(t, api(t, s, "POST", "/admin/users", `{"login":`), http.StatusBadRequest)
	r = api(t, s, "POST", "/admin/users", `{"login":"sleepy","suspended":true}`)
	wantStatus(t, r, http.StatusCreated)
	if u, ok := s.User("sleepy"); !ok || !u.Suspended {
		t.Errorf("User(sleepy) = %+v, %v; want suspended", u, ok)
	}
}

func TestUserLifecycle(t *testing.T) {
	s := New(t, WithUsers(User{Login: "mona", Email: "mona@x.test"}))
	// Rename: 202, effective at once.
	id := s.UserID("mona")
	r := api(t, s, "PATCH", "/admin/users/mona", `{"login":"mona_lisa"}`)
	wantStatus(t, r, http.StatusAccepted)
	if m := r.obj(t); m["message"] != "Job queued to rename user. It may take a few minutes to complete." || !strings.HasSuffix(m["url"].(string), fmt.Sprintf("/api/v3/user/%d", id)) {
		t.Errorf("rename body %s", r.body)
	}
	if _, ok := s.User("mona"); ok {
		t.Error("old login still exists")
	}
	if _, ok := s.User("mona-lisa"); !ok {
		t.Error("new login missing")
	}
	want422(t, api(t, s, "PATCH", "/admin/users/mona-lisa", `{"login":"`+s.AdminLogin()+`"}`), "login is already taken")
	wantStatus(t, api(t, s, "PATCH", "/admin/users/nobody", `{"login":"x"}`), http.StatusNotFound)

	// Promote, demote, suspend, unsuspend.
	wantStatus(t, api(t, s, "PUT", "/users/mona-lisa/site_admin", ""), http.StatusNoContent)
	if u, _ := s.User("mona-lisa"); !u.SiteAdmin {
		t.Error("not promoted")
	}
	wantStatus(t, api(t, s, "DELETE", "/users/mona-lisa/site_admin", ""), http.StatusNoContent)
	wantStatus(t, api(t, s, "PUT", "/users/mona-lisa/suspended", `{"reason":"leave"}`), http.StatusNoContent)
	if u, _ := s.User("mona-lisa"); !u.Suspended {
		t.Error("not suspended")
	}
	wantStatus(t, api(t, s, "DELETE", "/users/mona-lisa/suspended", ""), http.StatusNoContent)
	if u, _ := s.User("mona-lisa"); u.Suspended {
		t.Error("still suspended")
	}
	// The admin cannot demote, suspend or delete itself.
	me := "/users/" + s.AdminLogin()
	wantStatus(t, api(t, s, "DELETE", me+"/site_admin", ""), http.StatusForbidden)
	wantStatus(t, api(t, s, "PUT", me+"/suspended", ""), http.StatusForbidden)
	wantStatus(t, api(t, s, "DELETE", "/admin/users/"+s.AdminLogin(), ""), http.StatusForbidden)
	// Delete.
	wantStatus(t, api(t, s, "DELETE", "/admin/users/mona-lisa", ""), http.StatusNoContent)
	wantStatus(t, api(t, s, "DELETE", "/admin/users/mona-lisa", ""), http.StatusNotFound)
}

func TestImpersonationTokens(t *testing.T) {
	s := New(t, WithUsers(User{Login: "mona"}))
	r := api(t, s, "POST", "/admin/users/mona/authorizations", `{"scopes":["public_repo"]}`)
	wantStatus(t, r, http.StatusCreated)
	tok := r.obj(t)
	if tok["token"] == "" || fmt.Sprint(tok["scopes"]) != "[public_repo]" || tok["token_last_eight"] == "" {
		t.Fatalf("token %s", r.body)
	}
	// The same scopes again: 200 with the same token.
	r2 := api(t, s, "POST", "/admin/users/mona/authorizations", `{"scopes":["public_repo"]}`)
	wantStatus(t, r2, http.StatusOK)
	if r2.obj(t)["id"] != tok["id"] {
		t.Error("a second token was made")
	}
	// It authenticates as mona (not a site admin: 404 on admin endpoints).
	wantStatus(t, do(t, req{method: "GET", url: s.APIURL() + "admin/hooks", token: tok["token"].(string)}), http.StatusNotFound)
	wantStatus(t, api(t, s, "DELETE", "/admin/users/mona/authorizations", ""), http.StatusNoContent)
	wantStatus(t, do(t, req{method: "GET", url: s.APIURL() + "admin/hooks", token: tok["token"].(string)}), http.StatusUnauthorized)
}

func TestTokensAndKeys(t *testing.T) {
	s := New(t,
		WithUsers(User{Login: "mona"}),
		WithTokens(Token{User: "mona", Value: "t1", Note: "ci", Scopes: []string{"repo"}}),
		WithPublicKeys(PublicKey{User: "mona", Title: "a", Key: "ssh-ed25519 AAAA1"}, PublicKey{User: "mona", Title: "b", Key: "ssh-ed25519 AAAA2"}))
	r := api(t, s, "GET", "/admin/tokens", "")
	wantStatus(t, r, http.StatusOK)
	toks := r.list(t)
	if len(toks) != 2 {
		t.Fatalf("tokens %s", r.body)
	}
	// Deleting the token in use: 403.
	var adminID, monaID any
	for _, tk := range toks {
		switch tk["user"].(map[string]any)["login"] {
		case s.AdminLogin():
			adminID = tk["id"]
		case "mona":
			monaID = tk["id"]
		}
	}
	wantStatus(t, api(t, s, "DELETE", fmt.Sprintf("/admin/tokens/%v", adminID), ""), http.StatusForbidden)
	wantStatus(t, api(t, s, "DELETE", fmt.Sprintf("/admin/tokens/%v", monaID), ""), http.StatusNoContent)
	wantStatus(t, do(t, req{method: "GET", url: s.APIURL() + "meta", token: "t1"}), http.StatusUnauthorized) // a deleted token is refused everywhere, as on GHES
	wantStatus(t, do(t, req{method: "GET", url: s.APIURL() + "admin/keys", token: "t1"}), http.StatusUnauthorized)

	// Keys: sort created asc/desc, bad sort 422, delete.
	r = api(t, s, "GET", "/admin/keys?sort=created&direction=asc", "")
	keys := r.list(t)
	if len(keys) != 2 || keys[0]["title"] != "a" || keys[1]["title"] != "b" {
		t.Fatalf("asc keys %s", r.body)
	}
	keys = api(t, s, "GET", "/admin/keys", "").list(t)
	if keys[0]["title"] != "b" {
		t.Errorf("default desc order: %v", keys)
	}
	wantStatus(t, api(t, s, "GET", "/admin/keys?sort=size", ""), http.StatusUnprocessableEntity)
	wantStatus(t, api(t, s, "DELETE", fmt.Sprintf("/admin/keys/%v", keys[0]["id"]), ""), http.StatusNoContent)
	if n := len(api(t, s, "GET", "/admin/keys", "").list(t)); n != 1 {
		t.Errorf("%d keys left", n)
	}
	wantStatus(t, api(t, s, "DELETE", "/admin/keys/999999", ""), http.StatusNotFound)
}

func TestPagination(t *testing.T) {
	var users []User
	s := New(t)
	for i := 0; i < 7; i++ {
		r := api(t, s, "POST", "/admin/hooks", fmt.Sprintf(`{"name":"web","config":{"url":"https://h%d.test"}}`, i))
		wantStatus(t, r, http.StatusCreated)
	}
	_ = users
	r := api(t, s, "GET", "/admin/hooks?per_page=3&page=2", "")
	wantStatus(t, r, http.StatusOK)
	if n := len(r.list(t)); n != 3 {
		t.Errorf("page 2 has %d items", n)
	}
	link := r.header.Get("Link")
	base := s.URL() + "/api/v3/admin/hooks"
	for _, want := range []string{
		`<` + base + `?page=3&per_page=3>; rel="next"`,
		`<` + base + `?page=3&per_page=3>; rel="last"`,
		`<` + base + `?page=1&per_page=3>; rel="first"`,
		`<` + base + `?page=1&per_page=3>; rel="prev"`,
	} {
		if !strings.Contains(link, want) {
			t.Errorf("Link %q lacks %q", link, want)
		}
	}
	r = api(t, s, "GET", "/admin/hooks?per_page=3&page=3", "")
	if n := len(r.list(t)); n != 1 {
		t.Errorf("page 3 has %d items", n)
	}
	if l := r.header.Get("Link"); strings.Contains(l, `rel="next"`) || !strings.Contains(l, `rel="prev"`) {
		t.Errorf("last page Link %q", l)
	}
	// Default 30, max 100, beyond the end empty, one page: no Link.
	r = api(t, s, "GET", "/admin/hooks", "")
	if n := len(r.list(t)); n != 7 || r.header.Get("Link") != "" {
		t.Errorf("default page: %d items, Link %q", n, r.header.Get("Link"))
	}
	r = api(t, s, "GET", "/admin/hooks?per_page=1000", "")
	if n := len(r.list(t)); n != 7 {
		t.Errorf("per_page=1000: %d items", n)
	}
	if n := len(api(t, s, "GET", "/admin/hooks?per_page=3&page=9", "").list(t)); n != 0 {
		t.Errorf("page 9: %d items", n)
	}
}

func TestPerPageCappedAt100(t *testing.T) {
	var keys []PublicKey
	for i := 0; i < 130; i++ {
		keys = append(keys, PublicKey{User: DefaultAdminLogin, Title: fmt.Sprint(i), Key: "ssh-ed25519 K"})
	}
	s := New(t, WithPublicKeys(keys...))
	r := api(t, s, "GET", "/admin/keys?per_page=500", "")
	if n := len(r.list(t)); n != 100 {
		t.Errorf("per_page=500 gave %d items", n)
	}
	if !strings.Contains(r.header.Get("Link"), "page=2&per_page=100>; rel=\"last\"") {
		t.Errorf("Link %q", r.header.Get("Link"))
	}
}

func TestOrgsLDAPLicenseStats(t *testing.T) {
	s := New(t,
		WithUsers(User{Login: "mona", Email: "m@x.test"}, User{Login: "hubot", Suspended: true}, User{Login: "boss", SiteAdmin: true}),
		WithOrgs(Org{Login: "octo", Admin: "mona"}),
		WithTeams(Team{Org: "octo", Name: "Justice League", Members: []string{"mona", "hubot"}}),
		WithRepos(Repo{Owner: "octo", Name: "a", Wiki: true, Pushes: 3}, Repo{Owner: "mona", Name: "b", Fork: true, Pages: true}),
		WithLicense(10, testNow.AddDate(0, 0, 30)), WithClock(func() time.Time { return testNow }))

	r := api(t, s, "POST", "/admin/organizations", `{"login":"github","admin":"mona","profile_name":"GitHub, Inc."}`)
	wantStatus(t, r, http.StatusCreated)
	if o := r.obj(t); o["login"] != "github" || o["description"] != "GitHub, Inc." {
		t.Errorf("org %s", r.body)
	}
	want422(t, api(t, s, "POST", "/admin/organizations", `{"login":"mona","admin":"mona"}`), "login is already taken")
	want422(t, api(t, s, "POST", "/admin/organizations", `{"login":"x","admin":"ghost"}`), "admin is not a user")
	r = api(t, s, "PATCH", "/admin/organizations/github", `{"login":"the-new-octocats"}`)
	wantStatus(t, r, http.StatusAccepted)
	if r.obj(t)["message"] != "Job queued to rename organization. It may take a few minutes to complete." {
		t.Errorf("rename %s", r.body)
	}
	wantStatus(t, api(t, s, "PATCH", "/admin/organizations/github", `{"login":"y"}`), http.StatusNotFound)

	// LDAP.
	teamID := s.TeamID("octo", "justice-league")
	r = do(t, req{method: "PATCH", url: fmt.Sprintf("%sadmin/ldap/teams/%d/mapping", s.APIURL(), teamID), token: s.Token(), body: `{"ldap_dn":"cn=Ops,dc=x"}`})
	wantStatus(t, r, http.StatusOK)
	if m := r.obj(t); m["ldap_dn"] != "cn=Ops,dc=x" || m["slug"] != "justice-league" {
		t.Errorf("team mapping %s", r.body)
	}
	r = api(t, s, "POST", fmt.Sprintf("/admin/ldap/teams/%d/sync", teamID), "")
	wantStatus(t, r, http.StatusCreated)
	if r.obj(t)["status"] != "queued" {
		t.Errorf("sync %s", r.body)
	}
	r = api(t, s, "PATCH", "/admin/ldap/users/mona/mapping", `{"ldap_dn":"uid=mona,dc=x"}`)
	if m := r.obj(t); m["ldap_dn"] != "uid=mona,dc=x" || m["login"] != "mona" {
		t.Errorf("user mapping %s", r.body)
	}
	wantStatus(t, api(t, s, "POST", "/admin/ldap/users/mona/sync", ""), http.StatusCreated)
	wantStatus(t, api(t, s, "POST", "/admin/ldap/users/ghost/sync", ""), http.StatusNotFound)

	// License: 4 users, 1 suspended → 3 seats used.
	r = api(t, s, "GET", "/enterprise/settings/license", "")
	l := r.obj(t)
	if l["seats"] != 10.0 || l["seats_used"] != 3.0 || l["seats_available"] != 7.0 || l["days_until_expiration"] != 30.0 || l["expire_at"] != testNow.AddDate(0, 0, 30).Format("2006/01/02 15:04:05 -0700") {
		t.Errorf("license %s", r.body)
	}

	// Stats.
	r = api(t, s, "GET", "/enterprise/stats/all", "")
	var all struct {
		Repos map[string]int `json:"repos"`
		Users map[string]int `json:"users"`
		Orgs  map[string]int `json:"orgs"`
		Pages map[string]int `json:"pages"`
	}
	r.decode(t, &all)
	if all.Users["total_users"] != 4 || all.Users["admin_users"] != 2 || all.Users["suspended_users"] != 1 {
		t.Errorf("users %v", all.Users)
	}
	if all.Repos["total_repos"] != 2 || all.Repos["fork_repos"] != 1 || all.Repos["org_repos"] != 1 || all.Repos["total_pushes"] != 3 || all.Repos["total_wikis"] != 1 {
		t.Errorf("repos %v", all.Repos)
	}
	if all.Orgs["total_orgs"] != 2 || all.Orgs["total_teams"] != 1 || all.Orgs["total_team_members"] != 2 || all.Pages["total_pages"] != 1 {
		t.Errorf("orgs %v pages %v", all.Orgs, all.Pages)
	}
	r = api(t, s, "GET", "/enterprise/stats/users", "")
	if u := r.obj(t); u["total_users"] != 4.0 {
		t.Errorf("stats/users %s", r.body)
	}
	wantStatus(t, api(t, s, "GET", "/enterprise/stats/security-products", ""), http.StatusOK)
}

func TestGetUserByLogin(t *testing.T) {
	srv := New(t, WithUsers(User{Login: "mona", Email: "mona@example.com"}))
	req, _ := http.NewRequest("GET", srv.APIURL()+"users/mona", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got struct {
		Login string `json:"login"`
		ID    int64  `json:"id"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || resp.StatusCode != 200 {
		t.Fatalf("status %d, err %v", resp.StatusCode, err)
	}
	if id := srv.UserID("mona"); got.Login != "mona" || got.ID != id {
		t.Errorf("got %+v, want mona with id %d", got, id)
	}
	resp2, err := http.Get(srv.APIURL() + "users/nobody")
	if err != nil {
		t.Fatal(err)
	}
	resp2.Body.Close()
	if resp2.StatusCode != 404 {
		t.Errorf("unknown user: status %d", resp2.StatusCode)
	}
}
