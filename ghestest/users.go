package ghestest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// usersRoutes are the endpoints of the SDK's users.go: the site
// administration of users, their keys and tokens, and the lookups of a user
// by login and of the users list (public, as on GHES).
var usersRoutes = []route{
	{"POST /admin/users", accessAdmin, "", hCreateUser},
	{"PATCH /admin/users/{username}", accessAdmin, "", hRenameUser},
	{"DELETE /admin/users/{username}", accessAdmin, "", hDeleteUser},
	{"POST /admin/users/{username}/authorizations", accessAdmin, "", hCreateImpersonation},
	{"DELETE /admin/users/{username}/authorizations", accessAdmin, "", hDeleteImpersonation},
	{"PUT /users/{username}/site_admin", accessAdmin403, "", hPromote},
	{"DELETE /users/{username}/site_admin", accessAdmin403, "", hDemote},
	{"PUT /users/{username}/suspended", accessAdmin403, "", hSuspend},
	{"DELETE /users/{username}/suspended", accessAdmin403, "", hUnsuspend},
	{"GET /admin/keys", accessAdmin, "", hListKeys},
	{"DELETE /admin/keys/{key_ids}", accessAdmin, "", hDeleteKeys},
	{"GET /admin/tokens", accessAdmin, "", hListTokens},
	{"DELETE /admin/tokens/{token_id}", accessAdmin, "", hDeleteToken},
	{"GET /users/{username}", accessPublic, "", hGetUser},
	{"GET /users", accessPublic, "", hListUsers},
}

// hGetUser answers GET /users/{username} with the user's public profile.
func hGetUser(c *call) {
	if u := c.pathUser(); u != nil {
		c.json(http.StatusOK, c.fullUserJSON(u))
	}
}

// pathUser finds the {username} user or answers 404.
func (c *call) pathUser() *userRec {
	u := c.s.st.userByLogin(c.r.PathValue("username"))
	if u == nil {
		c.notFound()
	}
	return u
}

// maxLoginLength is the longest login GHES accepts for a user or an
// organization.
const maxLoginLength = 39

// loginProblem applies GHES's rule for user and organization logins (at most
// 39 characters, alphanumerics and single hyphens, not starting or ending
// with a hyphen) and returns the message of GHES's 422, or "" when login is
// valid. Every handler that creates or renames a user or an organization
// uses it.
func loginProblem(login string) string {
	if len(login) > maxLoginLength {
		return fmt.Sprintf("login is too long (maximum is %d characters)", maxLoginLength)
	}
	if login == "" || normalizeLogin(login) != login {
		return "login may only contain alphanumeric characters or single hyphens, and cannot begin or end with a hyphen"
	}
	return ""
}

// userLogin reads the login of a body that creates or renames a user:
// present, and normalized as GHES does. It answers GHES's 422 when not.
func (c *call) userLogin(p *string) (string, bool) {
	if p == nil || *p == "" {
		c.invalid("User", "login", "missing_field", "login is required")
		return "", false
	}
	login := normalizeLogin(*p)
	if login == "" {
		c.invalid("User", "login", "invalid", "login is invalid")
		return "", false
	}
	return login, true
}

// freeLogin applies loginProblem to the new login of a user or an
// organization (resource "User" or "Organization") and checks that no
// other account has it: self is the record being renamed, nil on create.
// It answers GHES's 422 and returns false when the login cannot be used.
func (c *call) freeLogin(resource, login string, self any) bool {
	if msg := loginProblem(login); msg != "" {
		c.invalid(resource, "login", "custom", msg)
		return false
	}
	u, o := c.s.st.userByLogin(login), c.s.st.orgByLogin(login)
	if (u != nil && any(u) != self) || (o != nil && any(o) != self) {
		c.invalid(resource, "login", "already_exists", "login is already taken")
		return false
	}
	return true
}

func hCreateUser(c *call) {
	var body struct {
		Login     *string `json:"login"`
		Email     *string `json:"email"`
		Suspended *bool   `json:"suspended"`
	}
	if !c.decode(&body, false) {
		return
	}
	login, ok := c.userLogin(body.Login)
	if !ok || !c.freeLogin("User", login, nil) {
		return
	}
	st := c.s.st
	email := ""
	if body.Email != nil {
		email = *body.Email
		if email != "" && !strings.Contains(email, "@") {
			c.invalid("User", "email", "invalid", "email is invalid")
			return
		}
		if st.userByEmail(email) != nil {
			c.invalid("User", "email", "already_exists", "email is already taken")
			return
		}
	}
	now := c.s.now()
	u := &userRec{id: st.id(), login: login, email: email, createdAt: now, updatedAt: now}
	if body.Suspended != nil && *body.Suspended {
		u.suspended = true
	}
	st.users = append(st.users, u)
	c.json(http.StatusCreated, c.userJSON(u))
}

func hRenameUser(c *call) {
	u := c.pathUser()
	if u == nil {
		return
	}
	var body struct {
		Login *string `json:"login"`
	}
	if !c.decode(&body, false) {
		return
	}
	login, ok := c.userLogin(body.Login)
	if !ok || !c.freeLogin("User", login, u) {
		return
	}
	c.s.st.renameOwner(u.login, login)
	u.login, u.updatedAt = login, c.s.now()
	c.json(http.StatusAccepted, map[string]string{
		"message": "Job queued to rename user. It may take a few minutes to complete.",
		"url":     fmt.Sprintf("%s/user/%d", c.apiBase(), u.id),
	})
}

// renameOwner moves repositories, org admins and team members to a new login.
func (st *state) renameOwner(from, to string) {
	for _, r := range st.repos {
		if strings.EqualFold(r.owner, from) {
			r.owner = to
		}
	}
	for _, o := range st.orgs {
		if strings.EqualFold(o.admin, from) {
			o.admin = to
		}
	}
	for _, t := range st.teams {
		for i, m := range t.members {
			if strings.EqualFold(m, from) {
				t.members[i] = to
			}
		}
	}
}

func hDeleteUser(c *call) {
	u := c.pathUser()
	if u == nil {
		return
	}
	if u == c.actor {
		c.json(http.StatusForbidden, errBody{Message: "You cannot delete your own account.", DocumentationURL: docsBase})
		return
	}
	st := c.s.st
	st.users = slices.DeleteFunc(st.users, func(x *userRec) bool { return x == u })
	st.tokens = slices.DeleteFunc(st.tokens, func(t *tokenRec) bool { return t.userID == u.id })
	st.keys = slices.DeleteFunc(st.keys, func(k *keyRec) bool { return k.userID == u.id })
	st.repos = slices.DeleteFunc(st.repos, func(r *repoRec) bool { return strings.EqualFold(r.owner, u.login) })
	for _, t := range st.teams {
		t.members = slices.DeleteFunc(t.members, func(m string) bool { return strings.EqualFold(m, u.login) })
	}
	c.noContent()
}

// authorizationJSON is the token t as an authorization; withUser adds its
// owner (the list of all tokens).
func (c *call) authorizationJSON(t *tokenRec, withUser bool) obj {
	sum := sha256.Sum256([]byte(t.value))
	last8 := t.value
	if len(last8) > 8 {
		last8 = last8[len(last8)-8:]
	}
	scopes := t.scopes
	if scopes == nil {
		scopes = []string{}
	}
	var note *string
	if t.note != "" {
		n := t.note
		note = &n
	}
	app := obj{{"name", t.note}, {"url", docsBase + "/enterprise-admin/users#list-personal-access-tokens"}, {"client_id", "00000000000000000000"}}
	if t.impersonation {
		app = obj{{"name", "GitHub Site Administrator"}, {"url", docsBase + "/enterprise-admin/users"}, {"client_id", "00000000000000000001"}}
	}
	a := obj{
		{"id", t.id}, {"url", fmt.Sprintf("%s/authorizations/%d", c.apiBase(), t.id)},
		{"scopes", scopes}, {"token", t.value}, {"token_last_eight", last8}, {"hashed_token", hex.EncodeToString(sum[:])},
		{"app", app}, {"note", note}, {"note_url", nil},
		{"updated_at", t.updatedAt.UTC().Truncate(time.Second)}, {"created_at", t.createdAt.UTC().Truncate(time.Second)},
	}
	// expires_at is null (no expiry) on GHES 3.x, absent on 2.x.
	if c.s.major >= 3 {
		a = a.set("expires_at", nil)
	}
	a = a.set("fingerprint", nil)
	if withUser {
		if u := c.s.st.userByID(t.userID); u != nil {
			a = a.set("user", c.userJSON(u))
		}
	}
	return a
}

func hCreateImpersonation(c *call) {
	u := c.pathUser()
	if u == nil {
		return
	}
	var body struct {
		Scopes *[]string `json:"scopes"`
	}
	if !c.decode(&body, false) {
		return
	}
	if body.Scopes == nil {
		c.invalid("OauthAccess", "scopes", "missing_field", "scopes is required")
		return
	}
	scopes := append([]string{}, *body.Scopes...)
	sort.Strings(scopes)
	st := c.s.st
	for _, t := range st.tokens {
		if t.impersonation && t.userID == u.id && slices.Equal(t.scopes, scopes) {
			c.json(http.StatusOK, c.authorizationJSON(t, false))
			return
		}
	}
	val, err := randomString("ghu_", 18)
	if err != nil {
		c.json(http.StatusInternalServerError, errBody{Message: "cannot generate a token"})
		return
	}
	now := c.s.now()
	t := &tokenRec{id: st.id(), userID: u.id, value: val, scopes: scopes, impersonation: true, createdAt: now, updatedAt: now}
	st.tokens = append(st.tokens, t)
	c.json(http.StatusCreated, c.authorizationJSON(t, false))
}

func hDeleteImpersonation(c *call) {
	u := c.pathUser()
	if u == nil {
		return
	}
	c.s.st.tokens = slices.DeleteFunc(c.s.st.tokens, func(t *tokenRec) bool { return t.impersonation && t.userID == u.id })
	c.noContent()
}

func hPromote(c *call) {
	u := c.pathUser()
	if u == nil {
		return
	}
	u.siteAdmin = true
	c.noContent()
}

func hDemote(c *call) {
	u := c.pathUser()
	if u == nil {
		return
	}
	if u == c.actor {
		c.json(http.StatusForbidden, errBody{Message: "You cannot demote yourself.", DocumentationURL: docsBase})
		return
	}
	u.siteAdmin = false
	c.noContent()
}

// reason reads the optional {"reason": …} body of a suspension or an
// unsuspension.
func (c *call) reason() (string, bool) {
	var body struct {
		Reason string `json:"reason"`
	}
	ok := c.decode(&body, true)
	return body.Reason, ok
}

func hSuspend(c *call) {
	u := c.pathUser()
	if u == nil {
		return
	}
	reason, ok := c.reason()
	if !ok {
		return
	}
	if u == c.actor {
		c.json(http.StatusForbidden, errBody{Message: "You cannot suspend yourself.", DocumentationURL: docsBase})
		return
	}
	if reason == "" {
		reason = "Suspended via API by " + c.actor.login
	}
	if !u.suspended {
		u.suspendedAt = c.s.now()
	}
	u.suspended, u.suspendReason = true, reason
	c.noContent()
}

func hUnsuspend(c *call) {
	u := c.pathUser()
	if u == nil {
		return
	}
	if _, ok := c.reason(); !ok {
		return
	}
	u.suspended, u.suspendReason = false, ""
	c.noContent()
}

type publicKeyJSON struct {
	Key          string     `json:"key"`
	ID           int64      `json:"id"`
	URL          string     `json:"url"`
	Title        string     `json:"title"`
	CreatedAt    time.Time  `json:"created_at"`
	Verified     bool       `json:"verified"`
	ReadOnly     bool       `json:"read_only"`
	LastUsed     *time.Time `json:"last_used"`
	UserID       *int64     `json:"user_id"`
	RepositoryID *int64     `json:"repository_id"`
	AddedBy      *string    `json:"added_by,omitempty"`
}

func hListKeys(c *call) {
	by, desc, ok := c.sortDir("created", "updated", "accessed")
	if !ok {
		return
	}
	var since time.Time
	if v := c.r.URL.Query().Get("since"); v != "" {
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			c.invalid("", "since", "invalid", "since must be an ISO 8601 timestamp")
			return
		}
		since = t
	}
	keys := []*keyRec{}
	for _, k := range c.s.st.keys {
		if !since.IsZero() && !k.lastUsed.After(since) {
			continue
		}
		keys = append(keys, k)
	}
	key := func(k *keyRec) time.Time {
		switch by {
		case "updated":
			return k.updatedAt
		case "accessed":
			return k.lastUsed
		}
		return k.createdAt
	}
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := key(keys[i]), key(keys[j])
		if a.Equal(b) {
			if desc {
				return keys[i].id > keys[j].id
			}
			return keys[i].id < keys[j].id
		}
		if desc {
			return a.After(b)
		}
		return a.Before(b)
	})
	out := []publicKeyJSON{}
	for _, k := range pageOf(c.w, c.r, keys) {
		j := publicKeyJSON{Key: k.key, ID: k.id, URL: fmt.Sprintf("%s/user/keys/%d", c.apiBase(), k.id), Title: k.title,
			CreatedAt: k.createdAt.UTC().Truncate(time.Second), Verified: k.verified, ReadOnly: k.readOnly}
		if !k.lastUsed.IsZero() {
			lu := k.lastUsed.UTC().Truncate(time.Second)
			j.LastUsed = &lu
		}
		if k.repoID != 0 {
			id := k.repoID
			j.RepositoryID = &id
		} else {
			id := k.userID
			j.UserID = &id
		}
		if u := c.s.st.userByID(k.userID); u != nil {
			login := u.login
			j.AddedBy = &login
		}
		out = append(out, j)
	}
	c.json(http.StatusOK, out)
}

func hDeleteKeys(c *call) {
	var ids []int64
	for _, part := range strings.Split(c.r.PathValue("key_ids"), ",") {
		id, err := strconv.ParseInt(strings.TrimSpace(part), 10, 64)
		if err != nil {
			c.notFound()
			return
		}
		found := false
		for _, k := range c.s.st.keys {
			found = found || k.id == id
		}
		if !found {
			c.notFound()
			return
		}
		ids = append(ids, id)
	}
	c.s.st.keys = slices.DeleteFunc(c.s.st.keys, func(k *keyRec) bool { return slices.Contains(ids, k.id) })
	c.noContent()
}

func hListTokens(c *call) {
	toks := []*tokenRec{}
	for _, t := range c.s.st.tokens {
		if !t.impersonation {
			toks = append(toks, t)
		}
	}
	pageReply(c, toks, func(t *tokenRec) obj { return c.authorizationJSON(t, true) })
}

func hDeleteToken(c *call) {
	id, ok := c.pathID("token_id")
	if !ok {
		return
	}
	for _, t := range c.s.st.tokens {
		if t.id == id && !t.impersonation {
			if t == c.token {
				c.json(http.StatusForbidden, errBody{Message: "The personal access token is in use by this request and cannot be deleted.", DocumentationURL: docsBase})
				return
			}
			c.s.st.tokens = slices.DeleteFunc(c.s.st.tokens, func(x *tokenRec) bool { return x == t })
			c.noContent()
			return
		}
	}
	c.notFound()
}

// fullUserJSON is the public-user schema of GET /users/{username}.
func (c *call) fullUserJSON(u *userRec) obj {
	j := c.userJSON(u).with(c.profile(u.login, u.email, u.createdAt, u.updatedAt),
		obj{{"blog", ""}, {"hireable", nil}, {"bio", nil}})
	// suspended_at is part of the user on GHES 3.x (2.22 does not send it).
	if at := u.suspendedSince(); c.s.major >= 3 && at != nil {
		j = j.set("suspended_at", *at)
	}
	return j
}

// hListUsers answers GET /users: user accounts in id order after `since`,
// per_page at a time, with a Link next URL carrying the last id.
func hListUsers(c *call) {
	out := []obj{}
	for _, u := range sincePage(c, c.s.st.users, func(u *userRec) int64 { return u.id }) {
		out = append(out, c.userJSON(u))
	}
	c.json(http.StatusOK, out)
}
