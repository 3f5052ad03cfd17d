package ghesadmin

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"time"
)

// User is a user account as the administration endpoints return it. It holds
// the union of the fields GHES 2.22 to 3.x send: POST /admin/users returns
// the short form (login, id, URLs, type, site_admin), in which the profile
// fields, counts and Plan are zero; PATCH /admin/ldap/users/{username}/mapping
// returns the full form with LDAPDN. Fields the API may send as null are
// pointers.
type User struct {
	Login      string  `json:"login"`
	ID         int64   `json:"id"`
	NodeID     string  `json:"node_id"`
	AvatarURL  string  `json:"avatar_url"`
	GravatarID *string `json:"gravatar_id"`

	URL               string `json:"url"`
	HTMLURL           string `json:"html_url"`
	FollowersURL      string `json:"followers_url"`
	FollowingURL      string `json:"following_url"`
	GistsURL          string `json:"gists_url"`
	StarredURL        string `json:"starred_url"`
	SubscriptionsURL  string `json:"subscriptions_url"`
	OrganizationsURL  string `json:"organizations_url"`
	ReposURL          string `json:"repos_url"`
	EventsURL         string `json:"events_url"`
	ReceivedEventsURL string `json:"received_events_url"`

	// Type is "User", "Organization" or "Bot".
	Type      string `json:"type"`
	SiteAdmin bool   `json:"site_admin"`

	// Profile (full form only).
	Name            *string `json:"name"`
	Company         *string `json:"company"`
	Blog            *string `json:"blog"`
	Location        *string `json:"location"`
	Email           *string `json:"email"`
	Hireable        *bool   `json:"hireable"`
	Bio             *string `json:"bio"`
	TwitterUsername *string `json:"twitter_username"`

	// Counts (full form only).
	PublicRepos       int `json:"public_repos"`
	PublicGists       int `json:"public_gists"`
	Followers         int `json:"followers"`
	Following         int `json:"following"`
	PrivateGists      int `json:"private_gists"`
	TotalPrivateRepos int `json:"total_private_repos"`
	OwnedPrivateRepos int `json:"owned_private_repos"`
	// DiskUsage is in kilobytes.
	DiskUsage     int `json:"disk_usage"`
	Collaborators int `json:"collaborators"`

	TwoFactorAuthentication bool `json:"two_factor_authentication"`

	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`

	// Plan is nil when the reply has none (short form).
	Plan *UserPlan `json:"plan"`
	// SuspendedAt is nil unless the user is suspended (GHES 3.x).
	SuspendedAt  *time.Time `json:"suspended_at"`
	BusinessPlus bool       `json:"business_plus"`
	// LDAPDN is the distinguished name of the LDAP entry the user is
	// mapped to (LDAP endpoints only).
	LDAPDN string `json:"ldap_dn"`
	// UserViewType is "public" or "private" (GHES 3.12 and later).
	UserViewType *string `json:"user_view_type,omitempty"`
	// StarredAt is set where the user appears as a stargazer.
	StarredAt *time.Time `json:"starred_at,omitempty"`
}

// UserPlan is the plan of a user account.
type UserPlan struct {
	Name          string `json:"name"`
	Space         int    `json:"space"`
	PrivateRepos  int    `json:"private_repos"`
	Collaborators int    `json:"collaborators"`
}

// CreateUserRequest is the body of UsersService.Create.
type CreateUserRequest struct {
	// Login is the username. GHES normalises it to letters, digits and
	// single hyphens ("octo_cat" becomes "octo-cat").
	Login string `json:"login"`
	// Email is required with built-in authentication and may be omitted
	// with CAS, LDAP or SAML.
	Email *string `json:"email,omitempty"`
	// Suspended creates the user suspended (GHES 3.x; leave nil for 2.22).
	Suspended *bool `json:"suspended,omitempty"`
}

// RenameJob is the 202 Accepted reply of a rename: the rename runs as a
// background job on the server.
type RenameJob struct {
	// Message says that the job is queued.
	Message string `json:"message"`
	// URL is the API URL of the renamed account.
	URL string `json:"url"`
}

// Authorization is an OAuth authorization: an impersonation token or a
// personal access token. Token holds the token itself only in the reply that
// creates it (and in the 2.22 token list); its String method never prints it.
type Authorization struct {
	ID     int64    `json:"id"`
	URL    string   `json:"url"`
	Scopes []string `json:"scopes"`
	// Token is a secret: keep it out of logs.
	Token          string           `json:"token"`
	TokenLastEight *string          `json:"token_last_eight"`
	HashedToken    *string          `json:"hashed_token"`
	App            AuthorizationApp `json:"app"`
	Note           *string          `json:"note"`
	NoteURL        *string          `json:"note_url"`
	UpdatedAt      time.Time        `json:"updated_at"`
	CreatedAt      time.Time        `json:"created_at"`
	// ExpiresAt is nil for a token that does not expire.
	ExpiresAt   *time.Time `json:"expires_at"`
	Fingerprint *string    `json:"fingerprint"`
	// User is the owner of the token, sent in the ListTokens list from
	// GHES 2.22 on, or nil (the replies of the impersonation token
	// endpoints have none).
	User *User `json:"user"`
	// Installation is the GitHub App installation a scoped token belongs
	// to, or nil.
	Installation *ScopedInstallation `json:"installation,omitempty"`
}

// ScopedInstallation is the GitHub App installation of a scoped token.
type ScopedInstallation struct {
	// Permissions are the installation's permissions, by name
	// ("contents" → "read").
	Permissions map[string]string `json:"permissions"`
	// RepositorySelection is "all" or "selected".
	RepositorySelection    string   `json:"repository_selection"`
	SingleFileName         *string  `json:"single_file_name"`
	HasMultipleSingleFiles bool     `json:"has_multiple_single_files,omitempty"`
	SingleFilePaths        []string `json:"single_file_paths,omitempty"`
	RepositoriesURL        string   `json:"repositories_url"`
	// Account is the user or enterprise the app is installed on, kept as
	// the server sent it (its shape depends on its kind).
	Account json.RawMessage `json:"account"`
}

// String describes the authorization without its token.
func (a Authorization) String() string {
	last := ""
	if a.TokenLastEight != nil {
		last = *a.TokenLastEight
	}
	return fmt.Sprintf("ghesadmin.Authorization{ID: %d, App: %q, Scopes: %v, TokenLastEight: %q, Token: [REDACTED]}",
		a.ID, a.App.Name, a.Scopes, last)
}

// GoString is String, so that %#v does not print the token either.
func (a Authorization) GoString() string { return a.String() }

// AuthorizationApp is the OAuth application an authorization belongs to.
type AuthorizationApp struct {
	ClientID string `json:"client_id"`
	Name     string `json:"name"`
	URL      string `json:"url"`
}

// PublicKey is an SSH public key of a user or a deploy key of a repository.
//
// PublicKey has no UnmarshalJSON of its own, so a list of keys decodes in one
// plain json.Unmarshal: the SDK's lenient reader (decodeLenient) reads the id
// that GHES 2.x sends as a string holding a number ("2") as 2, and only a
// reply that holds such a string pays for it.
type PublicKey struct {
	// ID is the key's id; GHES 2.x sends it as a string holding a number,
	// which the SDK reads as that number.
	ID    int64  `json:"id"`
	Key   string `json:"key"`
	URL   string `json:"url"`
	Title string `json:"title"`
	// UserID is nil for a deploy key.
	UserID *int64 `json:"user_id"`
	// RepositoryID is nil for a user's key.
	RepositoryID *int64    `json:"repository_id"`
	ReadOnly     bool      `json:"read_only"`
	Verified     bool      `json:"verified"`
	CreatedAt    time.Time `json:"created_at"`
	// AddedBy is who added the key (GHES 3.x), or nil.
	AddedBy *string `json:"added_by"`
	// LastUsed is nil for a key never used.
	LastUsed *time.Time `json:"last_used"`
	// Enabled tells whether the key may be used (GHES 3.16 and later), or
	// is nil when the server does not say.
	Enabled *bool `json:"enabled,omitempty"`
	// KeyID is the key's identifier as GHES 2.x describes it (a string),
	// "" when not sent.
	KeyID string `json:"key_id,omitempty"`
}

// PublicKeySort is the order of ListPublicKeys.
type PublicKeySort string

// Sort orders of ListPublicKeys.
const (
	// PublicKeySortCreated sorts by creation time (the server's default).
	PublicKeySortCreated PublicKeySort = "created"
	// PublicKeySortUpdated sorts by update time.
	PublicKeySortUpdated PublicKeySort = "updated"
	// PublicKeySortAccessed sorts by last use.
	PublicKeySortAccessed PublicKeySort = "accessed"
)

// ListPublicKeysOptions are the query parameters of ListPublicKeys. The zero
// value asks for the server's defaults.
type ListPublicKeysOptions struct {
	// Direction is DirectionDesc by default.
	Direction Direction `url:"direction,omitempty"`
	// Sort is PublicKeySortCreated by default.
	Sort PublicKeySort `url:"sort,omitempty"`
	// Since keeps only the keys used after this time (sent as RFC 3339).
	Since time.Time `url:"since,omitempty"`

	ListOptions
}

func (o ListPublicKeysOptions) validate() error {
	if err := o.Direction.validate("ListPublicKeysOptions.Direction"); err != nil {
		return err
	}
	switch o.Sort {
	case "", PublicKeySortCreated, PublicKeySortUpdated, PublicKeySortAccessed:
	default:
		return fmt.Errorf("%w: ListPublicKeysOptions.Sort is %q; want %q, %q or %q", ErrInvalidArgument,
			string(o.Sort), PublicKeySortCreated, PublicKeySortUpdated, PublicKeySortAccessed)
	}
	return o.ListOptions.validate()
}

// Create creates a user account. A login or email already in use is a
// *ValidationError (422).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/users#create-a-user
//
// GHES API: POST /admin/users (GHES 2.22 and later).
//
//meta:operation POST /admin/users
func (s *UsersService) Create(ctx context.Context, req CreateUserRequest) (*User, *Response, error) {
	return fetch[User](ctx, s.backend, &request{op: "Users.Create", method: http.MethodPost, path: "admin/users", json: req})
}

// Rename changes the login of a user to newLogin. GHES answers 202 Accepted
// and renames the account in a background job.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/users#update-the-username-for-a-user
//
// GHES API: PATCH /admin/users/{username} (GHES 2.22 and later).
//
//meta:operation PATCH /admin/users/{username}
func (s *UsersService) Rename(ctx context.Context, username, newLogin string) (*RenameJob, *Response, error) {
	body := struct {
		Login string `json:"login"`
	}{newLogin}
	return fetch[RenameJob](ctx, s.backend, &request{op: "Users.Rename", method: http.MethodPatch, path: "admin/users/{username}", args: []any{username}, json: body})
}

// Delete deletes a user with all their repositories, gists, applications and
// settings. Suspend is often the better choice. A site administrator cannot
// delete their own account.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/users#delete-a-user
//
// GHES API: DELETE /admin/users/{username} (GHES 2.22 and later).
//
//meta:operation DELETE /admin/users/{username}
func (s *UsersService) Delete(ctx context.Context, username string) (*Response, error) {
	return s.backend.call(ctx, &request{op: "Users.Delete", method: http.MethodDelete, path: "admin/users/{username}", args: []any{username}}, nil)
}

// CreateImpersonationToken creates an impersonation OAuth token for a user
// with the given scopes, or returns the existing one (200 instead of 201).
// The returned Authorization's Token is a secret.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/users#create-an-impersonation-oauth-token
//
// GHES API: POST /admin/users/{username}/authorizations (GHES 2.22 and later).
//
//meta:operation POST /admin/users/{username}/authorizations
func (s *UsersService) CreateImpersonationToken(ctx context.Context, username string, scopes []string) (*Authorization, *Response, error) {
	if scopes == nil {
		scopes = []string{} // "scopes" is required: send [] rather than null
	}
	body := struct {
		Scopes []string `json:"scopes"`
	}{scopes}
	return fetch[Authorization](ctx, s.backend, &request{op: "Users.CreateImpersonationToken", method: http.MethodPost, path: "admin/users/{username}/authorizations", args: []any{username}, json: body})
}

// DeleteImpersonationToken deletes the impersonation OAuth token of a user.
// GHES answers 204 No Content both when it deleted a token and when the
// user had none, so the reply cannot tell the two apart; the returned
// Response is the server's, with its status. A user who does not exist is
// ErrNotFound. To know whether a token existed, look for it first (the
// impersonation token is not in ListTokens; CreateImpersonationToken
// answers 200 instead of 201 for an existing one).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/users#delete-an-impersonation-oauth-token
//
// GHES API: DELETE /admin/users/{username}/authorizations (GHES 2.22 and later).
//
//meta:operation DELETE /admin/users/{username}/authorizations
func (s *UsersService) DeleteImpersonationToken(ctx context.Context, username string) (*Response, error) {
	return s.backend.call(ctx, &request{op: "Users.DeleteImpersonationToken", method: http.MethodDelete, path: "admin/users/{username}/authorizations", args: []any{username}}, nil)
}

// Promote makes a user a site administrator. The request has an empty body
// and "Content-Length: 0", as GHES requires.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/users#promote-a-user-to-be-a-site-administrator
//
// GHES API: PUT /users/{username}/site_admin (GHES 2.22 and later).
//
//meta:operation PUT /users/{username}/site_admin
func (s *UsersService) Promote(ctx context.Context, username string) (*Response, error) {
	return s.backend.call(ctx, &request{op: "Users.Promote", method: http.MethodPut, path: "users/{username}/site_admin", args: []any{username}}, nil)
}

// Demote removes the site administrator rights of a user. A site
// administrator cannot demote their own account.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/users#demote-a-site-administrator
//
// GHES API: DELETE /users/{username}/site_admin (GHES 2.22 and later).
//
//meta:operation DELETE /users/{username}/site_admin
func (s *UsersService) Demote(ctx context.Context, username string) (*Response, error) {
	return s.backend.call(ctx, &request{op: "Users.Demote", method: http.MethodDelete, path: "users/{username}/site_admin", args: []any{username}}, nil)
}

// suspensionBody is the optional body of Suspend and Unsuspend.
type suspensionBody struct {
	Reason string `json:"reason"`
}

// Suspend suspends a user. reason is written to the audit log; when it is
// empty the request has no body ("Content-Length: 0") and GHES logs
// "Suspended via API by SITE_ADMINISTRATOR". GHES answers 403 for users
// authenticated through Active Directory LDAP sync.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/users#suspend-a-user
//
// GHES API: PUT /users/{username}/suspended (GHES 2.22 and later).
//
//meta:operation PUT /users/{username}/suspended
func (s *UsersService) Suspend(ctx context.Context, username, reason string) (*Response, error) {
	return s.suspension(ctx, "Users.Suspend", http.MethodPut, username, reason)
}

// Unsuspend lifts the suspension of a user. reason is written to the audit
// log; when it is empty the request has no body.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/users#unsuspend-a-user
//
// GHES API: DELETE /users/{username}/suspended (GHES 2.22 and later).
//
//meta:operation DELETE /users/{username}/suspended
func (s *UsersService) Unsuspend(ctx context.Context, username, reason string) (*Response, error) {
	return s.suspension(ctx, "Users.Unsuspend", http.MethodDelete, username, reason)
}

func (s *UsersService) suspension(ctx context.Context, op, method, username, reason string) (*Response, error) {
	r := &request{op: op, method: method, path: "users/{username}/suspended", args: []any{username}}
	if reason != "" {
		r.json = suspensionBody{Reason: reason}
	}
	return s.backend.call(ctx, r, nil)
}

// ListPublicKeys lists one page of the SSH public keys of all users and
// the deploy keys of all repositories.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/users#list-public-keys
//
// GHES API: GET /admin/keys (GHES 2.22 and later).
//
//meta:operation GET /admin/keys
func (s *UsersService) ListPublicKeys(ctx context.Context, opts *ListPublicKeysOptions) ([]*PublicKey, *Response, error) {
	return fetchSlice[*PublicKey](ctx, s.backend, &request{op: "Users.ListPublicKeys", method: http.MethodGet, path: "admin/keys", query: opts})
}

// ListPublicKeysIter walks every page of ListPublicKeys from opts.Page,
// fetching pages as the loop consumes them. opts is not modified.
//
// Deleting while iterating is not safe: the list is paged by position, so
// each deletion moves the next items one place up and the following page
// starts past some of them, which are then never yielded. Collect what to
// delete first, then delete (or list page 1 again until it is empty).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/users#list-public-keys
//
// GHES API: GET /admin/keys (GHES 2.22 and later).
//
//meta:operation GET /admin/keys
func (s *UsersService) ListPublicKeysIter(ctx context.Context, opts *ListPublicKeysOptions) iter.Seq2[*PublicKey, error] {
	return paginate(ctx, s.backend, opts, linked(s.ListPublicKeys))
}

// DeletePublicKey deletes a public key. keyIDs is the key's ID in decimal, as
// PublicKey.ID; it is sent as one path segment.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/users#delete-a-public-key
//
// GHES API: DELETE /admin/keys/{key_ids} (GHES 2.22 and later).
//
//meta:operation DELETE /admin/keys/{key_ids}
func (s *UsersService) DeletePublicKey(ctx context.Context, keyIDs string) (*Response, error) {
	return s.backend.call(ctx, &request{op: "Users.DeletePublicKey", method: http.MethodDelete, path: "admin/keys/{key_ids}", args: []any{keyIDs}}, nil)
}

// ListTokens lists one page of the personal access tokens of all users,
// administrators included.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/users#list-personal-access-tokens
//
// GHES API: GET /admin/tokens (GHES 2.22 and later).
//
//meta:operation GET /admin/tokens
func (s *UsersService) ListTokens(ctx context.Context, opts *ListOptions) ([]*Authorization, *Response, error) {
	return fetchSlice[*Authorization](ctx, s.backend, &request{op: "Users.ListTokens", method: http.MethodGet, path: "admin/tokens", query: opts})
}

// ListTokensIter walks every page of ListTokens from opts.Page, fetching
// pages as the loop consumes them. opts is not modified.
//
// Deleting while iterating is not safe: the list is paged by position, so
// each deletion moves the next items one place up and the following page
// starts past some of them, which are then never yielded. Collect what to
// delete first, then delete (or list page 1 again until it is empty).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/users#list-personal-access-tokens
//
// GHES API: GET /admin/tokens (GHES 2.22 and later).
//
//meta:operation GET /admin/tokens
func (s *UsersService) ListTokensIter(ctx context.Context, opts *ListOptions) iter.Seq2[*Authorization, error] {
	return paginate(ctx, s.backend, opts, linked(s.ListTokens))
}

// DeleteToken deletes a personal access token. GHES answers 403 Forbidden
// when the token is in use, such as the token making this call.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/users#delete-a-personal-access-token
//
// GHES API: DELETE /admin/tokens/{token_id} (GHES 2.22 and later).
//
//meta:operation DELETE /admin/tokens/{token_id}
func (s *UsersService) DeleteToken(ctx context.Context, tokenID int64) (*Response, error) {
	return s.backend.call(ctx, &request{op: "Users.DeleteToken", method: http.MethodDelete, path: "admin/tokens/{token_id}", args: []any{tokenID}}, nil)
}

// Get returns one user by login, with the full profile (ID, site_admin,
// suspended_at, …). Use it to turn a login into the ID that public keys and
// tokens name their owner by. A missing user is ErrNotFound.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/users/users#get-a-user
//
// GHES API: GET /users/{username} (GHES 2.22 and later).
//
//meta:operation GET /users/{username}
func (s *UsersService) Get(ctx context.Context, username string) (*User, *Response, error) {
	return fetch[User](ctx, s.backend, &request{op: "Users.Get", method: http.MethodGet, path: "users/{username}", args: []any{username}})
}

// List lists one page of every user account (organizations excluded), in
// ID order, in the short form (login, ID, type, site_admin). The next page
// starts after opts.Since, the ID of the last user read: the reply's
// Response.NextURL carries it; ListIter follows it for you.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/users/users#list-users
//
// GHES API: GET /users (GHES 2.22 and later).
//
//meta:operation GET /users
func (s *UsersService) List(ctx context.Context, opts *ListSinceOptions) ([]*User, *Response, error) {
	return fetchSlice[*User](ctx, s.backend, &request{op: "Users.List", method: http.MethodGet, path: "users", query: opts})
}

// ListIter walks every user account from opts.Since, following the `since`
// cursor of each reply's next link and fetching pages as the loop consumes
// them. opts is not modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/users/users#list-users
//
// GHES API: GET /users (GHES 2.22 and later).
//
//meta:operation GET /users
func (s *UsersService) ListIter(ctx context.Context, opts *ListSinceOptions) iter.Seq2[*User, error] {
	return paginate(ctx, s.backend, opts, linked(s.List))
}
