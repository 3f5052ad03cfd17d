package ghesadmin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A username that needs escaping: it must reach the server as one segment.
const (
	weirdUser        = "mona lisa/é"
	weirdUserEscaped = "mona%20lisa%2F%C3%A9"
)

// octocatShort is the short user of the reference's examples
// (simple-user), as decoded from testdata/users/create.json.
func octocatShort() User {
	return User{
		Login:             "octocat",
		ID:                1,
		NodeID:            "MDQ6VXNlcjE=",
		AvatarURL:         "https://github.com/images/error/octocat_happy.gif",
		GravatarID:        Ptr(""),
		URL:               "https://api.github.com/users/octocat",
		HTMLURL:           "https://github.com/octocat",
		FollowersURL:      "https://api.github.com/users/octocat/followers",
		FollowingURL:      "https://api.github.com/users/octocat/following{/other_user}",
		GistsURL:          "https://api.github.com/users/octocat/gists{/gist_id}",
		StarredURL:        "https://api.github.com/users/octocat/starred{/owner}{/repo}",
		SubscriptionsURL:  "https://api.github.com/users/octocat/subscriptions",
		OrganizationsURL:  "https://api.github.com/users/octocat/orgs",
		ReposURL:          "https://api.github.com/users/octocat/repos",
		EventsURL:         "https://api.github.com/users/octocat/events{/privacy}",
		ReceivedEventsURL: "https://api.github.com/users/octocat/received_events",
		Type:              "User",
		SiteAdmin:         false,
	}
}

// octocatProfile is octocatShort with the public profile of the
// reference's full user (testdata/users/get.json).
func octocatProfile(t *testing.T) User {
	want := octocatShort()
	want.Name = Ptr("monalisa octocat")
	want.Company = Ptr("GitHub")
	want.Blog = Ptr("https://github.com/blog")
	want.Location = Ptr("San Francisco")
	want.Email = Ptr("octocat@github.com")
	want.Hireable = Ptr(false)
	want.Bio = Ptr("There once was...")
	want.TwitterUsername = Ptr("monatheoctocat")
	want.PublicRepos, want.PublicGists, want.Followers, want.Following = 2, 1, 20, 0
	want.CreatedAt = mustTime(t, "2008-01-14T04:33:35Z")
	want.UpdatedAt = mustTime(t, "2008-01-14T04:33:35Z")
	return want
}

func TestUsersCreate(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/admin/users", JSON: `{"login":"monalisa","email":"octocat@github.com"}`, Status: http.StatusCreated, Reply: "users/create.json"})
	user, resp, err := env.Client.Users.Create(context.Background(), CreateUserRequest{
		Login: "monalisa",
		Email: Ptr("octocat@github.com"),
	})
	requireStatus(t, resp, err, http.StatusCreated)
	assertFields(t, "user", *user, octocatShort())
	assertCoversFixture(t, "users/create.json", User{})
}

func TestUsersCreateSuspended(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/admin/users", JSON: `{"login":"monalisa","suspended":true}`, Status: http.StatusCreated, Reply: "users/create.json"})
	if _, _, err := env.Client.Users.Create(context.Background(), CreateUserRequest{Login: "monalisa", Suspended: Ptr(true)}); err != nil {
		t.Fatalf("Create: %v", err)
	}
}

func TestUsersCreateLoginTaken(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/admin/users", JSON: `{"login":"octocat"}`, Status: http.StatusUnprocessableEntity, ReplyJSON: `{"message":"Validation Failed","errors":[{"resource":"User","code":"custom","field":"login","message":"login is already taken"}],"documentation_url":"https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/users#create-a-user"}`})
	user, resp, err := env.Client.Users.Create(context.Background(), CreateUserRequest{Login: "octocat"})
	if user != nil {
		t.Errorf("user = %+v, want nil", user)
	}
	if resp == nil || resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("resp = %v, want the 422 response", resp)
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %T %v, want *ValidationError", err, err)
	}
	if ve.Message != "Validation Failed" {
		t.Errorf("Message = %q", ve.Message)
	}
	want := []FieldError{{Resource: "User", Code: "custom", Field: "login", Message: "login is already taken"}}
	assert.Equal(t, want, ve.Errors, "Errors")
	if ve.DocumentationURL != "https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/users#create-a-user" {
		t.Errorf("DocumentationURL = %q", ve.DocumentationURL)
	}
	assertNoSecret(t, "error", err.Error())
}

func TestUsersCreateNotAdmin(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/admin/users", JSON: `{"login":"octocat"}`, Status: http.StatusNotFound, ReplyJSON: `{"message":"Not Found","documentation_url":"https://docs.github.com/enterprise-server@3.22/rest"}`})
	_, resp, err := env.Client.Users.Create(context.Background(), CreateUserRequest{Login: "octocat"})
	require.ErrorIs(t, err, ErrNotFound)
	if resp == nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("resp = %v, want the 404 response", resp)
	}
	if !strings.Contains(err.Error(), "site-admin") {
		t.Errorf("error %q does not mention site-admin rights", err)
	}
}

// TestRenames: a user and an organization are renamed by PATCH with the
// new login, escaped as one segment; GHES answers 202 with the queued job.
func TestRenames(t *testing.T) {
	runEndpointCases(t, []endpointCase{
		{"Users.Rename", call{Method: http.MethodPatch, Path: "/admin/users/" + weirdUserEscaped, JSON: `{"login":"thenewmonalisa"}`, Status: http.StatusAccepted, Reply: "users/rename.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return deref(c.Users.Rename(ctx, weirdUser, "thenewmonalisa"))
			},
			RenameJob{Message: "Job queued to rename user. It may take a few minutes to complete.", URL: "https://api.github.com/user/1"}},
		{"Organizations.Rename", call{Method: http.MethodPatch, Path: "/admin/organizations/the%20octocats%2Fold", JSON: `{"login":"the-new-octocats"}`, Status: http.StatusAccepted, Reply: "organizations/rename.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return deref(c.Organizations.Rename(ctx, "the octocats/old", "the-new-octocats"))
			},
			RenameJob{Message: "Job queued to rename organization. It may take a few minutes to complete.", URL: "https://<hostname>/api/v3/organizations/1"}},
	})
}

func TestUsersRenameLoginTaken(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPatch, Path: "/admin/users/monalisa", JSON: `{"login":"octocat"}`, Status: http.StatusUnprocessableEntity, ReplyJSON: `{"message":"Validation Failed","errors":[{"resource":"User","code":"already_exists","field":"login"}]}`})
	_, _, err := env.Client.Users.Rename(context.Background(), "monalisa", "octocat")
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want *ValidationError", err)
	}
	if len(ve.Errors) != 1 || ve.Errors[0].Field != "login" || ve.Errors[0].Code != "already_exists" || ve.Errors[0].Resource != "User" {
		t.Errorf("Errors = %+v", ve.Errors)
	}
}

// TestUsersNoContentCalls: the calls on one login that answer 204 No Content,
// and their errors.
func TestUsersNoContentCalls(t *testing.T) {
	notFound := `{"message":"Not Found"}`
	for _, tc := range []struct {
		name  string
		login string
		call  call
		do    func(*UsersService, context.Context, string) (*Response, error)
		err   error
	}{
		{"Delete", weirdUser, call{Method: http.MethodDelete, Path: "/admin/users/" + weirdUserEscaped, Status: http.StatusNoContent},
			(*UsersService).Delete, nil},
		{"Delete not found", "ghost", call{Method: http.MethodDelete, Path: "/admin/users/ghost", Status: http.StatusNotFound, ReplyJSON: notFound},
			(*UsersService).Delete, ErrNotFound},
		{"DeleteImpersonationToken", weirdUser, call{Method: http.MethodDelete, Path: "/admin/users/" + weirdUserEscaped + "/authorizations", Status: http.StatusNoContent},
			(*UsersService).DeleteImpersonationToken, nil},
		{"Promote", weirdUser, call{Method: http.MethodPut, Path: "/users/" + weirdUserEscaped + "/site_admin", Status: http.StatusNoContent},
			(*UsersService).Promote, nil},
		{"Promote not admin", "monalisa", call{Method: http.MethodPut, Path: "/users/monalisa/site_admin", Status: http.StatusNotFound, ReplyJSON: notFound},
			(*UsersService).Promote, ErrNotFound},
		{"Demote", weirdUser, call{Method: http.MethodDelete, Path: "/users/" + weirdUserEscaped + "/site_admin", Status: http.StatusNoContent},
			(*UsersService).Demote, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := mock(t)
			env.expect(t, tc.call)
			resp, err := tc.do(env.Client.Users, context.Background(), tc.login)
			if tc.err != nil {
				require.ErrorIs(t, err, tc.err)
				return
			}
			requireStatus(t, resp, err, http.StatusNoContent)
		})
	}
}

func TestUsersCreateImpersonationToken(t *testing.T) {
	for _, tc := range []struct {
		status int
		scopes []string
		body   string
	}{
		{http.StatusCreated, []string{"public_repo"}, `{"scopes":["public_repo"]}`},
		{http.StatusOK, []string{"public_repo"}, `{"scopes":["public_repo"]}`}, // the existing token
		{http.StatusCreated, nil, `{"scopes":[]}`},
	} {
		t.Run(fmt.Sprint(tc.status, tc.scopes), func(t *testing.T) {
			env := mock(t)
			env.expect(t, call{Method: http.MethodPost, Path: "/admin/users/" + weirdUserEscaped + "/authorizations", JSON: tc.body, Status: tc.status, Reply: "users/create_impersonation_token.json"})
			auth, resp, err := env.Client.Users.CreateImpersonationToken(context.Background(), weirdUser, tc.scopes)
			requireStatus(t, resp, err, tc.status)
			assertFields(t, "auth", *auth, Authorization{
				ID:             1,
				URL:            "https://api.github.com/authorizations/1",
				Scopes:         []string{"public_repo"},
				Token:          "ghu_16C7e42F292c6912E7710c838347Ae178B4a",
				TokenLastEight: Ptr("Ae178B4a"),
				HashedToken:    Ptr("25f94a2a5c7fbaf499c665bc73d67c1c87e496da8985131633ee0a95819db2e8"),
				App: AuthorizationApp{
					URL:      "https://example.com",
					Name:     "my github app",
					ClientID: "abcde12345fghij67890",
				},
				Note:        Ptr("optional note"),
				NoteURL:     Ptr("http://optional/note/url"),
				UpdatedAt:   mustTime(t, "2011-09-06T20:39:23Z"),
				CreatedAt:   mustTime(t, "2011-09-06T17:26:27Z"),
				ExpiresAt:   Ptr(mustTime(t, "2011-10-06T17:26:27Z")),
				Fingerprint: Ptr("jklmnop12345678"),
				User:        nil,
			})
		})
	}
	assertCoversFixture(t, "users/create_impersonation_token.json", Authorization{})
}

func TestAuthorizationStringHidesToken(t *testing.T) {
	a := Authorization{ID: 7, Token: "ghu_SECRETSECRETSECRET", TokenLastEight: Ptr("CRETSECR"), App: AuthorizationApp{Name: "app"}}
	for _, s := range []string{a.String(), fmt.Sprint(a), fmt.Sprintf("%+v", a), fmt.Sprintf("%#v", a), fmt.Sprint(&a), fmt.Sprintf("%v", []*Authorization{&a})} {
		if strings.Contains(s, "ghu_SECRET") {
			t.Errorf("%q shows the token", s)
		}
		if !strings.Contains(s, "CRETSECR") || !strings.Contains(s, "7") {
			t.Errorf("%q does not describe the authorization", s)
		}
	}
}

func TestUsersSuspendUnsuspend(t *testing.T) {
	for _, tc := range []struct {
		name, method, reason, body string
	}{
		{"suspend with reason", http.MethodPut, "Suspended during leave of absence.", `{"reason":"Suspended during leave of absence."}`},
		{"suspend without reason", http.MethodPut, "", ""},
		{"unsuspend with reason", http.MethodDelete, "Unsuspended after leave of absence.", `{"reason":"Unsuspended after leave of absence."}`},
		{"unsuspend without reason", http.MethodDelete, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := mock(t)
			env.expect(t, call{Method: tc.method, Path: "/users/" + weirdUserEscaped + "/suspended", JSON: tc.body, Status: http.StatusNoContent})
			do := env.Client.Users.Suspend
			if tc.method == http.MethodDelete {
				do = env.Client.Users.Unsuspend
			}
			resp, err := do(context.Background(), weirdUser, tc.reason)
			requireStatus(t, resp, err, http.StatusNoContent)
		})
	}
}

func TestUsersSuspendForbiddenForLDAP(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPut, Path: "/users/ad-user/suspended", Status: http.StatusForbidden, ReplyJSON: `{"message":"Active Directory LDAP-authenticated users cannot be suspended through this API."}`})
	_, err := env.Client.Users.Suspend(context.Background(), "ad-user", "")
	require.ErrorIs(t, err, ErrForbidden)
}

// wantPublicKeys is testdata/users/list_public_keys.json: two keys that
// differ only in their key and ID.
func wantPublicKeys(t *testing.T) []*PublicKey {
	key := func(k string, id int64) *PublicKey {
		return &PublicKey{
			Key:          k,
			ID:           id,
			URL:          "https://api.github.com/user/keys/2",
			Title:        "ssh-rsa AAAAB3NzaC1yc2EAAA",
			CreatedAt:    mustTime(t, "2020-06-11T21:31:57Z"),
			Verified:     false,
			ReadOnly:     false,
			LastUsed:     Ptr(mustTime(t, "2020-06-11T22:31:57Z")),
			UserID:       Ptr[int64](1),
			RepositoryID: Ptr[int64](2),
			AddedBy:      nil,
		}
	}
	return []*PublicKey{key("2Sg8iYjAxxmI2LvUXpJjkYrMxURPc8r+dB7TJyvv1234", 2), key("9Og8iYjAyymI9LvABpJerYrMxURPc8r+dB7TJyvv1234", 3)}
}

func TestUsersListPublicKeys(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/admin/keys", Query: url.Values{
		"sort":      {"accessed"},
		"direction": {"asc"},
		"since":     {"2020-06-01T00:00:00Z"},
		"page":      {"2"},
		"per_page":  {"50"},
	}, Reply: "users/list_public_keys.json"})
	keys, _, err := env.Client.Users.ListPublicKeys(context.Background(), &ListPublicKeysOptions{
		Sort:        PublicKeySortAccessed,
		Direction:   DirectionAsc,
		Since:       time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC),
		ListOptions: ListOptions{Page: 2, PerPage: 50},
	})
	require.NoError(t, err, "ListPublicKeys")
	assertFields(t, "keys", keys, wantPublicKeys(t))
	assertCoversFixture(t, "users/list_public_keys.json", []*PublicKey{})
}

func TestUsersListPublicKeysDefaults(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/admin/keys", ReplyJSON: `[{"id":9,"key":"k","url":"u","title":"t","user_id":null,"repository_id":5,"read_only":true,"verified":true,"created_at":"2021-01-01T00:00:00Z","added_by":"octocat","last_used":null}]`})
	keys, _, err := env.Client.Users.ListPublicKeys(context.Background(), nil)
	require.NoError(t, err, "ListPublicKeys")
	// A deploy key of GHES 3.x: added_by set, user_id and last_used null.
	assertFields(t, "keys", keys, []*PublicKey{{
		ID: 9, Key: "k", URL: "u", Title: "t", UserID: nil, RepositoryID: Ptr[int64](5),
		ReadOnly: true, Verified: true, CreatedAt: mustTime(t, "2021-01-01T00:00:00Z"),
		AddedBy: Ptr("octocat"), LastUsed: nil,
	}})
}

func TestUsersListPublicKeysInvalidOptions(t *testing.T) {
	var cases []refusedCase
	for field, opts := range map[string]*ListPublicKeysOptions{
		`ListPublicKeysOptions.Sort is "name"`:    {Sort: "name"},
		`ListPublicKeysOptions.Direction is "up"`: {Direction: "up"},
		"ListOptions.PerPage is 101":              {ListOptions: ListOptions{PerPage: 101}},
	} {
		cases = append(cases,
			refusedCase{"ListPublicKeys " + field, func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.Users.ListPublicKeys(ctx, opts)
			}, []string{field}},
			refusedCase{"ListPublicKeysIter " + field, func(ctx context.Context, c *Client) (any, *Response, error) {
				return nil, nil, firstErr(c.Users.ListPublicKeysIter(ctx, opts))
			}, []string{field}})
	}
	runRefusedCases(t, cases)
}

// TestUsersIters walks the public keys over three pages linked by Link
// headers, and the tokens from the caller's page; the caller's options are
// left as they were.
func TestUsersIters(t *testing.T) {
	keyOpts := &ListPublicKeysOptions{Sort: PublicKeySortUpdated, Direction: DirectionDesc, ListOptions: ListOptions{PerPage: 1}}
	before := *keyOpts
	query := url.Values{"sort": {"updated"}, "direction": {"desc"}, "per_page": {"1"}}
	base := "/admin/keys?direction=desc&per_page=1&sort=updated&page="
	tokenOpts := &ListOptions{Page: 2}
	runWalkCases(t, []walkCase{
		{name: "ListPublicKeysIter", path: "/admin/keys", pages: []walkPage{
			{query: query, next: pageLinks(base, "2", "next", "3", "last"), reply: `[{"id":1}]`},
			{query: withPage(query, "2"), next: pageLinks(base, "1", "prev", "3", "next", "3", "last", "1", "first"), reply: `[{"id":2}]`},
			{query: withPage(query, "3"), next: pageLinks(base, "2", "prev", "1", "first"), reply: `[{"id":3}]`},
		}, walk: func(ctx context.Context, c *Client) ([]int64, error) {
			return collectIDs(c.Users.ListPublicKeysIter(ctx, keyOpts), func(k *PublicKey) int64 { return k.ID })
		}, want: []int64{1, 2, 3}},
		{name: "ListTokensIter from page 2", path: "/admin/tokens", pages: []walkPage{
			{query: url.Values{"page": {"2"}}, next: "page=3", reply: `[{"id":20},{"id":21}]`},
			{query: url.Values{"page": {"3"}}, reply: `[{"id":30}]`},
		}, walk: func(ctx context.Context, c *Client) ([]int64, error) {
			return collectIDs(c.Users.ListTokensIter(ctx, tokenOpts), func(a *Authorization) int64 { return a.ID })
		}, want: []int64{20, 21, 30}},
	})
	require.Equal(t, before, *keyOpts, "public keys' options changed")
	require.Equal(t, ListOptions{Page: 2}, *tokenOpts, "tokens' options changed")
}

func TestUsersDeletePublicKey(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodDelete, Path: "/admin/keys/2", Status: http.StatusNoContent})
	resp, err := env.Client.Users.DeletePublicKey(context.Background(), "2")
	requireStatus(t, resp, err, http.StatusNoContent)
}

func TestUsersDeletePublicKeyEscapes(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodDelete, Path: "/admin/keys/2%2F..%2F3", Status: http.StatusNoContent})
	if _, err := env.Client.Users.DeletePublicKey(context.Background(), "2/../3"); err != nil {
		t.Fatalf("DeletePublicKey: %v", err)
	}
}

func TestUsersListTokens(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/admin/tokens", Query: url.Values{"page": {"3"}, "per_page": {"100"}}, Reply: "users/list_tokens.json"})
	tokens, _, err := env.Client.Users.ListTokens(context.Background(), &ListOptions{Page: 3, PerPage: 100})
	require.NoError(t, err, "ListTokens")
	owner := octocatShort()
	assertFields(t, "tokens", tokens, []*Authorization{{
		ID:  2,
		URL: "https://enterprise.octocat.com/api/v3/authorizations/2",
		App: AuthorizationApp{
			Name:     "My personal access token",
			URL:      "https://docs.github.com/enterprise/rest/enterprise-admin/users#list-personal-access-tokens",
			ClientID: "00000000000000000000",
		},
		Token:          "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
		HashedToken:    Ptr("23cffb2fab1b0a62747863eba88cb9327e561f2f7a0c8661c0d9b83146cb8d45"),
		TokenLastEight: Ptr("Ae178B4a"),
		Note:           Ptr("My personal access token"),
		NoteURL:        nil,
		CreatedAt:      mustTime(t, "2019-04-24T21:49:02Z"),
		UpdatedAt:      mustTime(t, "2019-04-24T21:49:02Z"),
		Scopes: []string{
			"admin:business", "admin:gpg_key", "admin:org", "admin:org_hook",
			"admin:pre_receive_hook", "admin:public_key", "admin:repo_hook",
			"delete_repo", "gist", "notifications", "repo", "user", "write:discussion",
		},
		Fingerprint: nil,
		ExpiresAt:   nil,
		User:        &owner,
	}})
	assertCoversFixture(t, "users/list_tokens.json", []*Authorization{})
}

func TestUsersDeleteToken(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodDelete, Path: "/admin/tokens/42", Status: http.StatusNoContent})
	resp, err := env.Client.Users.DeleteToken(context.Background(), 42)
	requireStatus(t, resp, err, http.StatusNoContent)
}

func TestUsersDeleteTokenInUse(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodDelete, Path: "/admin/tokens/42", Status: http.StatusForbidden, ReplyJSON: `{"message":"Forbidden"}`})
	_, err := env.Client.Users.DeleteToken(context.Background(), 42)
	require.ErrorIs(t, err, ErrForbidden)
}

// TestUsersRefusesBadPathArguments: an empty, "." or ".." username never
// reaches the server (setup fails the test on any unexpected request).
func TestUsersRefusesBadPathArguments(t *testing.T) {
	env := setup(t)
	ctx := context.Background()
	for _, name := range []string{"", ".", ".."} {
		calls := map[string]error{}
		_, _, calls["Rename"] = env.Client.Users.Rename(ctx, name, "x")
		_, calls["Delete"] = env.Client.Users.Delete(ctx, name)
		_, _, calls["CreateImpersonationToken"] = env.Client.Users.CreateImpersonationToken(ctx, name, nil)
		_, calls["DeleteImpersonationToken"] = env.Client.Users.DeleteImpersonationToken(ctx, name)
		_, calls["Promote"] = env.Client.Users.Promote(ctx, name)
		_, calls["Demote"] = env.Client.Users.Demote(ctx, name)
		_, calls["Suspend"] = env.Client.Users.Suspend(ctx, name, "r")
		_, calls["Unsuspend"] = env.Client.Users.Unsuspend(ctx, name, "")
		_, calls["DeletePublicKey"] = env.Client.Users.DeletePublicKey(ctx, name)
		for method, err := range calls {
			if !errors.Is(err, ErrInvalidArgument) {
				t.Errorf("%s(%q): err = %v, want ErrInvalidArgument", method, name, err)
			}
		}
	}
}
