package ghestest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestListUsersSinceCursor(t *testing.T) {
	var users []User
	for i := 0; i < 5; i++ {
		users = append(users, User{Login: fmt.Sprintf("u%d", i), Email: fmt.Sprintf("u%d@x.test", i)})
	}
	s := New(t, WithUsers(users...), WithOrgs(Org{Login: "org-a"}))
	var logins []string
	next := s.APIURL() + "users?per_page=2"
	for pages := 0; next != ""; pages++ {
		if pages > 5 {
			t.Fatal("too many pages")
		}
		r := do(t, req{method: "GET", url: next, token: s.Token()})
		wantStatus(t, r, http.StatusOK)
		for _, u := range r.list(t) {
			logins = append(logins, u["login"].(string))
			if u["type"] != "User" {
				t.Errorf("type = %v", u["type"])
			}
		}
		link := r.header.Get("Link")
		if !strings.Contains(link, `{?since}>; rel="first"`) {
			t.Errorf("Link = %q", link)
		}
		next = ""
		for _, part := range strings.Split(link, ",") {
			if strings.Contains(part, `rel="next"`) {
				next = strings.Trim(strings.TrimSpace(strings.Split(part, ";")[0]), "<>")
				if !strings.Contains(next, "since=") {
					t.Errorf("next = %q", next)
				}
			}
		}
	}
	// The admin first (lowest id), then the seeded users; no organization.
	if got := strings.Join(logins, " "); got != "ghe-admin u0 u1 u2 u3 u4" {
		t.Errorf("logins = %q", got)
	}
	orgs := api(t, s, "GET", "/organizations?since=0", "")
	wantStatus(t, orgs, http.StatusOK)
	if l := orgs.list(t); len(l) != 1 || l[0]["login"] != "org-a" {
		t.Errorf("orgs = %s", orgs.body)
	}
	if r := api(t, s, "GET", fmt.Sprintf("/organizations?since=%d", s.OrgID("org-a")), ""); len(r.list(t)) != 0 {
		t.Errorf("after the last org: %s", r.body)
	}
}

func TestSuspensionReasonRecorded(t *testing.T) {
	s := New(t, WithUsers(User{Login: "mona", Email: "m@x.test"}, User{Login: "old", Email: "o@x.test", Suspended: true, SuspendReason: "Left in 2020"}))
	wantStatus(t, api(t, s, "PUT", "/users/mona/suspended", `{"reason":"Dormant for 90 days"}`), http.StatusNoContent)
	if u, _ := s.User("mona"); !u.Suspended || u.SuspendReason != "Dormant for 90 days" {
		t.Errorf("mona = %+v", u)
	}
	if u, _ := s.User("old"); u.SuspendReason != "Left in 2020" {
		t.Errorf("old = %+v", u)
	}
	wantStatus(t, api(t, s, "DELETE", "/users/mona/suspended", ""), http.StatusNoContent)
	if u, _ := s.User("mona"); u.Suspended || u.SuspendReason != "" {
		t.Errorf("after unsuspend mona = %+v", u)
	}
	wantStatus(t, api(t, s, "PUT", "/users/mona/suspended", ""), http.StatusNoContent)
	if u, _ := s.User("mona"); u.SuspendReason != "Suspended via API by ghe-admin" {
		t.Errorf("default reason = %q", u.SuspendReason)
	}
}

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
