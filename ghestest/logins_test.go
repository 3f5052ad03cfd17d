package ghestest

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestLoginRulesOnCreateAndRename checks that the fake refuses, with GHES's
// 422, the user and organization logins GHES refuses (longer than 39
// characters, or not made of alphanumerics and single hyphens), on create and
// on rename alike, and that nothing is created or renamed.
func TestLoginRulesOnCreateAndRename(t *testing.T) {
	s := New(t, WithUsers(User{Login: "mona", Email: "mona@example.com"}))
	if r := api(t, s, "POST", "/admin/organizations", `{"login":"octo","admin":"mona"}`); r.status != 201 {
		t.Fatalf("creating octo: %d %s", r.status, r.body)
	}
	const tooLong = "login is too long (maximum is 39 characters)"
	const badChars = "login may only contain alphanumeric characters or single hyphens, and cannot begin or end with a hyphen"
	ok39 := strings.Repeat("a", 39)
	for _, tc := range []struct {
		login, want string
	}{
		{strings.Repeat("a", 40), tooLong},
		{strings.Repeat("b", 255), tooLong},
		{strings.Repeat("c", 900_000), tooLong},
	} {
		body, _ := json.Marshal(map[string]string{"login": tc.login, "admin": "mona"})
		want422Custom(t, api(t, s, "POST", "/admin/users", string(body)), "User", tc.want)
		want422Custom(t, api(t, s, "PATCH", "/admin/users/mona", string(body)), "User", tc.want)
		want422Custom(t, api(t, s, "POST", "/admin/organizations", string(body)), "Organization", tc.want)
		want422Custom(t, api(t, s, "PATCH", "/admin/organizations/octo", string(body)), "Organization", tc.want)
		if _, found := s.User(tc.login); found {
			t.Errorf("user with a %d-character login exists", len(tc.login))
		}
		if s.OrgID(tc.login) != 0 {
			t.Errorf("organization with a %d-character login exists", len(tc.login))
		}
	}
	for _, bad := range []string{"-octo", "octo-", "oc--to", "oc_to", "oc to", "ë"} {
		body, _ := json.Marshal(map[string]string{"login": bad, "admin": "mona"})
		want422Custom(t, api(t, s, "POST", "/admin/organizations", string(body)), "Organization", badChars)
		want422Custom(t, api(t, s, "PATCH", "/admin/organizations/octo", string(body)), "Organization", badChars)
	}
	if _, found := s.User("mona"); !found || s.OrgID("octo") == 0 {
		t.Fatal("a refused rename renamed mona or octo")
	}
	// 39 characters is still accepted, for both.
	if r := api(t, s, "POST", "/admin/users", `{"login":"`+ok39+`"}`); r.status != 201 {
		t.Errorf("a 39-character user login: %d %s", r.status, r.body)
	}
	if r := api(t, s, "PATCH", "/admin/organizations/octo", `{"login":"o`+ok39[1:]+`"}`); r.status != 202 {
		t.Errorf("renaming to a 39-character organization login: %d %s", r.status, r.body)
	}
}

// want422Custom checks GHES's 422 for a refused login: Validation Failed
// with one "custom" error on the login field of resource.
func want422Custom(t *testing.T, r reply, resource, message string) {
	t.Helper()
	wantStatus(t, r, 422)
	var e struct {
		Message string `json:"message"`
		Errors  []struct {
			Resource, Field, Code, Message string
		} `json:"errors"`
		DocumentationURL string `json:"documentation_url"`
	}
	r.decode(t, &e)
	if e.Message != "Validation Failed" || len(e.Errors) != 1 || e.DocumentationURL == "" {
		t.Fatalf("422 body = %.300s", r.body)
	}
	if got := e.Errors[0]; got.Resource != resource || got.Field != "login" || got.Code != "custom" || got.Message != message {
		t.Errorf("422 error = %+v, want %s login custom %q", got, resource, message)
	}
}
