package ghestest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

func (s *Server) userRoutes(m *http.ServeMux) {
	s.route(m, "POST /admin/users", accessAdmin, "", hCreateUser)
	s.route(m, "PATCH /admin/users/{username}", accessAdmin, "", hRenameUser)
	s.route(m, "DELETE /admin/users/{username}", accessAdmin, "", hDeleteUser)
	s.route(m, "POST /admin/users/{username}/authorizations", accessAdmin, "", hCreateImpersonation)
	s.route(m, "DELETE /admin/users/{username}/authorizations", accessAdmin, "", hDeleteImpersonation)
	s.route(m, "PUT /users/{username}/site_admin", accessAdmin403, "", hPromote)
	s.route(m, "DELETE /users/{username}/site_admin", accessAdmin403, "", hDemote)
	s.route(m, "PUT /users/{username}/suspended", accessAdmin403, "", hSuspend)
	s.route(m, "DELETE /users/{username}/suspended", accessAdmin403, "", hUnsuspend)
	s.route(m, "GET /admin/keys", accessAdmin, "", hListKeys)
	s.route(m, "DELETE /admin/keys/{key_ids}", accessAdmin, "", hDeleteKeys)
	s.route(m, "GET /admin/tokens", accessAdmin, "", hListTokens)
	s.route(m, "DELETE /admin/tokens/{token_id}", accessAdmin, "", hDeleteToken)
	s.route(m, "PATCH /admin/ldap/teams/{team_id}/mapping", accessAdmin, previewHellcat, hLDAPTeamMapping)
	s.route(m, "POST /admin/ldap/teams/{team_id}/sync", accessAdmin, "", hLDAPTeamSync)
	s.route(m, "PATCH /admin/ldap/users/{username}/mapping", accessAdmin, "", hLDAPUserMapping)
	s.route(m, "POST /admin/ldap/users/{username}/sync", accessAdmin, "", hLDAPUserSync)
	s.route(m, "POST /admin/organizations", accessAdmin, "", hCreateOrg)
	s.route(m, "PATCH /admin/organizations/{org}", accessAdmin, "", hRenameOrg)
	s.route(m, "GET /enterprise/settings/license", accessAdmin, "", hLicense)
	for _, area := range []string{"all", "comments", "gists", "hooks", "issues", "milestones", "orgs", "pages", "pulls", "repos", "users"} {
		s.route(m, "GET /enterprise/stats/"+area, accessAdmin, "", hStats(area))
	}
	s.route(m, "GET /enterprise/stats/security-products", accessAdmin, "", hStats("security-products"))
	s.route(m, "GET /meta", accessPublic, "", hMeta)
	// Not an administration endpoint, but tools look users up by login
	// (the offboard-user example does).
	s.route(m, "GET /users/{username}", accessPublic, "", hGetUser)
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

func hCreateUser(c *call) {
	var body struct {
		Login     *string `json:"login"`
		Email     *string `json:"email"`
		Suspended *bool   `json:"suspended"`
	}
	if !c.decode(&body, false) {
		return
	}
	if body.Login == nil || *body.Login == "" {
		c.invalid("User", "login", "missing_field", "login is required")
		return
	}
	login := normalizeLogin(*body.Login)
	if login == "" {
		c.invalid("User", "login", "invalid", "login is invalid")
		return
	}
	if msg := loginProblem(login); msg != "" {
		c.invalid("User", "login", "custom", msg)
		return
	}
	st := c.s.st
	if st.loginTaken(login) {
		c.invalid("User", "login", "already_exists", "login is already taken")
		return
	}
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
	if body.Login == nil || *body.Login == "" {
		c.invalid("User", "login", "missing_field", "login is required")
		return
	}
	login := normalizeLogin(*body.Login)
	if login == "" {
		c.invalid("User", "login", "invalid", "login is invalid")
		return
	}
	if msg := loginProblem(login); msg != "" {
		c.invalid("User", "login", "custom", msg)
		return
	}
	if other := c.s.st.userByLogin(login); (other != nil && other != u) || c.s.st.orgByLogin(login) != nil {
		c.invalid("User", "login", "already_exists", "login is already taken")
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

type authorizationJSON struct {
	ID             int64     `json:"id"`
	URL            string    `json:"url"`
	Scopes         []string  `json:"scopes"`
	Token          string    `json:"token"`
	TokenLastEight string    `json:"token_last_eight"`
	HashedToken    string    `json:"hashed_token"`
	App            appJSON   `json:"app"`
	Note           *string   `json:"note"`
	NoteURL        *string   `json:"note_url"`
	UpdatedAt      time.Time `json:"updated_at"`
	CreatedAt      time.Time `json:"created_at"`
	// ExpiresAt is null (no expiry) on GHES 3.x, absent on 2.x.
	ExpiresAt   json.RawMessage `json:"expires_at,omitempty"`
	Fingerprint *string         `json:"fingerprint"`
	User        any             `json:"user,omitempty"`
}

type appJSON struct {
	Name     string `json:"name"`
	URL      string `json:"url"`
	ClientID string `json:"client_id"`
}

func (c *call) authorizationJSON(t *tokenRec, withUser bool) authorizationJSON {
	sum := sha256.Sum256([]byte(t.value))
	last8 := t.value
	if len(last8) > 8 {
		last8 = last8[len(last8)-8:]
	}
	scopes := t.scopes
	if scopes == nil {
		scopes = []string{}
	}
	a := authorizationJSON{
		ID: t.id, URL: fmt.Sprintf("%s/authorizations/%d", c.apiBase(), t.id),
		Scopes: scopes, Token: t.value, TokenLastEight: last8, HashedToken: hex.EncodeToString(sum[:]),
		UpdatedAt: t.updatedAt.UTC().Truncate(time.Second), CreatedAt: t.createdAt.UTC().Truncate(time.Second),
	}
	if t.note != "" {
		n := t.note
		a.Note = &n
	}
	if c.s.major >= 3 {
		a.ExpiresAt = json.RawMessage("null")
	}
	if t.impersonation {
		a.App = appJSON{Name: "GitHub Site Administrator", URL: docsBase + "/enterprise-admin/users", ClientID: "00000000000000000001"}
	} else {
		a.App = appJSON{Name: t.note, URL: docsBase + "/enterprise-admin/users#list-personal-access-tokens", ClientID: "00000000000000000000"}
	}
	if withUser {
		if u := c.s.st.userByID(t.userID); u != nil {
			a.User = c.userJSON(u)
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

func hSuspend(c *call) {
	u := c.pathUser()
	if u == nil {
		return
	}
	var body struct {
		Reason string `json:"reason"`
	}
	if !c.decode(&body, true) {
		return
	}
	if u == c.actor {
		c.json(http.StatusForbidden, errBody{Message: "You cannot suspend yourself.", DocumentationURL: docsBase})
		return
	}
	if body.Reason == "" {
		body.Reason = "Suspended via API by " + c.actor.login
	}
	if !u.suspended {
		u.suspendedAt = c.s.now()
	}
	u.suspended, u.suspendReason = true, body.Reason
	c.noContent()
}

func hUnsuspend(c *call) {
	u := c.pathUser()
	if u == nil {
		return
	}
	var body struct {
		Reason string `json:"reason"`
	}
	if !c.decode(&body, true) {
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

// sortDir validates sort and direction against the allowed sorts; it
// answers 422 and returns false for a value outside them.
func (c *call) sortDir(allowed ...string) (string, bool, bool) {
	q := c.r.URL.Query()
	by := q.Get("sort")
	if by == "" {
		by = allowed[0]
	}
	if !slices.Contains(allowed, by) {
		c.invalid("", "sort", "invalid", "sort must be one of: "+strings.Join(allowed, ", "))
		return "", false, false
	}
	dir := q.Get("direction")
	switch dir {
	case "", "desc":
		return by, true, true
	case "asc":
		return by, false, true
	}
	c.invalid("", "direction", "invalid", "direction must be asc or desc")
	return "", false, false
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
	out := []authorizationJSON{}
	for _, t := range pageOf(c.w, c.r, toks) {
		out = append(out, c.authorizationJSON(t, true))
	}
	c.json(http.StatusOK, out)
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

func decodeLDAPDN(c *call, resource string) (string, bool) {
	var body struct {
		LDAPDN *string `json:"ldap_dn"`
	}
	if !c.decode(&body, false) {
		return "", false
	}
	if body.LDAPDN == nil || *body.LDAPDN == "" {
		c.invalid(resource, "ldap_dn", "missing_field", "ldap_dn is required")
		return "", false
	}
	return *body.LDAPDN, true
}

func hLDAPTeamMapping(c *call) {
	id, ok := c.pathID("team_id")
	if !ok {
		return
	}
	t := c.s.st.teamByID(id)
	if t == nil {
		c.notFound()
		return
	}
	dn, ok := decodeLDAPDN(c, "Team")
	if !ok {
		return
	}
	t.ldapDN = dn
	c.json(http.StatusOK, c.teamJSON(t))
}

func hLDAPTeamSync(c *call) {
	id, ok := c.pathID("team_id")
	if !ok {
		return
	}
	if c.s.st.teamByID(id) == nil {
		c.notFound()
		return
	}
	c.json(http.StatusCreated, map[string]string{"status": "queued"})
}

func hLDAPUserMapping(c *call) {
	u := c.pathUser()
	if u == nil {
		return
	}
	dn, ok := decodeLDAPDN(c, "User")
	if !ok {
		return
	}
	u.ldapDN = dn
	j := ldapUserJSON{LDAPDN: dn, simpleUserJSON: c.userJSON(u), CreatedAt: u.createdAt.UTC().Truncate(time.Second), UpdatedAt: u.updatedAt.UTC().Truncate(time.Second), Suspended: u.suspended}
	if u.email != "" {
		e := u.email
		j.Email = &e
	}
	if u.suspended {
		t := u.updatedAt.UTC().Truncate(time.Second)
		j.SuspendedAt = &t
	}
	for _, r := range c.s.st.repos {
		if strings.EqualFold(r.owner, u.login) {
			j.PublicRepos++
		}
	}
	c.json(http.StatusOK, j)
}

func hLDAPUserSync(c *call) {
	if c.pathUser() == nil {
		return
	}
	c.json(http.StatusCreated, map[string]string{"status": "queued"})
}

func hCreateOrg(c *call) {
	var body struct {
		Login       *string `json:"login"`
		Admin       *string `json:"admin"`
		ProfileName *string `json:"profile_name"`
	}
	if !c.decode(&body, false) {
		return
	}
	if body.Login == nil || *body.Login == "" {
		c.invalid("Organization", "login", "missing_field", "login is required")
		return
	}
	if body.Admin == nil || *body.Admin == "" {
		c.invalid("Organization", "admin", "missing_field", "admin is required")
		return
	}
	st := c.s.st
	login := *body.Login
	if msg := loginProblem(login); msg != "" {
		c.invalid("Organization", "login", "custom", msg)
		return
	}
	if st.loginTaken(login) {
		c.invalid("Organization", "login", "already_exists", "login is already taken")
		return
	}
	admin := st.userByLogin(*body.Admin)
	if admin == nil {
		c.invalid("Organization", "admin", "invalid", "admin is not a user")
		return
	}
	o := &orgRec{id: st.id(), login: login, admin: admin.login, createdAt: c.s.now()}
	if body.ProfileName != nil {
		o.profileName = *body.ProfileName
	}
	st.orgs = append(st.orgs, o)
	c.json(http.StatusCreated, c.orgJSON(o))
}

func hRenameOrg(c *call) {
	st := c.s.st
	o := st.orgByLogin(c.r.PathValue("org"))
	if o == nil {
		c.notFound()
		return
	}
	var body struct {
		Login *string `json:"login"`
	}
	if !c.decode(&body, false) {
		return
	}
	if body.Login == nil || *body.Login == "" {
		c.invalid("Organization", "login", "missing_field", "login is required")
		return
	}
	login := *body.Login
	if msg := loginProblem(login); msg != "" {
		c.invalid("Organization", "login", "custom", msg)
		return
	}
	if other := st.orgByLogin(login); (other != nil && other != o) || st.userByLogin(login) != nil {
		c.invalid("Organization", "login", "already_exists", "login is already taken")
		return
	}
	st.renameOwner(o.login, login)
	o.login = login
	c.json(http.StatusAccepted, map[string]string{
		"message": "Job queued to rename organization. It may take a few minutes to complete.",
		"url":     fmt.Sprintf("%s/organizations/%d", c.apiBase(), o.id),
	})
}

type licenseRec struct {
	seats    int
	expireAt time.Time
}

// seatsUsed counts the users that hold a seat: every user not suspended.
func (st *state) seatsUsed() int {
	n := 0
	for _, u := range st.users {
		if !u.suspended {
			n++
		}
	}
	return n
}

func hLicense(c *call) {
	st := c.s.st
	used := st.seatsUsed()
	days := int(c.s.license().expireAt.Sub(c.s.now()).Hours() / 24)
	if days < 0 {
		days = 0
	}
	c.json(http.StatusOK, struct {
		Seats               any    `json:"seats"`
		SeatsUsed           int    `json:"seats_used"`
		SeatsAvailable      any    `json:"seats_available"`
		Kind                string `json:"kind"`
		DaysUntilExpiration int    `json:"days_until_expiration"`
		ExpireAt            string `json:"expire_at"`
	}{st.license.seats, used, max(st.license.seats-used, 0), "standard", days, st.license.expireAt.Format("2006/01/02 15:04:05 -0700")})
}

func (s *Server) license() licenseRec { return s.st.license }

func hStats(area string) handler {
	return func(c *call) {
		all := c.s.st.stats()
		if area == "all" {
			delete(all, "security-products")
			c.json(http.StatusOK, all)
			return
		}
		c.json(http.StatusOK, all[area])
	}
}

// stats computes the statistics from the state.
func (st *state) stats() map[string]any {
	var root, fork, orgRepos, pushes, wikis, pages, archived int
	for _, r := range st.repos {
		if r.fork {
			fork++
		} else {
			root++
		}
		if st.orgByLogin(r.owner) != nil {
			orgRepos++
		}
		pushes += r.pushes
		if r.wiki {
			wikis++
		}
		if r.pages {
			pages++
		}
		if r.archived {
			archived++
		}
	}
	var active int
	for _, h := range st.hooks {
		if h.active {
			active++
		}
	}
	var disabledOrgs, members int
	for _, o := range st.orgs {
		if o.disabled {
			disabledOrgs++
		}
	}
	for _, t := range st.teams {
		members += len(t.members)
	}
	var admins, suspended int
	for _, u := range st.users {
		if u.siteAdmin {
			admins++
		}
		if u.suspended {
			suspended++
		}
	}
	return map[string]any{
		"repos":      map[string]int{"total_repos": len(st.repos), "root_repos": root, "fork_repos": fork, "org_repos": orgRepos, "total_pushes": pushes, "total_wikis": wikis},
		"hooks":      map[string]int{"total_hooks": len(st.hooks), "active_hooks": active, "inactive_hooks": len(st.hooks) - active},
		"pages":      map[string]int{"total_pages": pages},
		"orgs":       map[string]int{"total_orgs": len(st.orgs), "disabled_orgs": disabledOrgs, "total_teams": len(st.teams), "total_team_members": members},
		"users":      map[string]int{"total_users": len(st.users), "admin_users": admins, "suspended_users": suspended},
		"pulls":      map[string]int{"total_pulls": 0, "merged_pulls": 0, "mergeable_pulls": 0, "unmergeable_pulls": 0},
		"issues":     map[string]int{"total_issues": 0, "open_issues": 0, "closed_issues": 0},
		"milestones": map[string]int{"total_milestones": 0, "open_milestones": 0, "closed_milestones": 0},
		"gists":      map[string]int{"total_gists": 0, "private_gists": 0, "public_gists": 0},
		"comments":   map[string]int{"total_commit_comments": 0, "total_gist_comments": 0, "total_issue_comments": 0, "total_pull_request_comments": 0},
		"security-products": map[string]int{
			"total_repos": len(st.repos), "nonarchived_repos": len(st.repos) - archived,
			"secret_scanning_enabled_repos": 0, "secret_scanning_push_protection_enabled_repos": 0,
			"code_scanning_enabled_repos": 0, "code_scanning_pr_reviews_enabled_repos": 0,
			"code_scanning_default_setup_enabled_repos": 0, "code_scanning_default_setup_eligible_repos": 0,
			"dependabot_alerts_enabled_repos": 0, "dependabot_security_updates_enabled_repos": 0,
			"dependabot_version_updates_enabled_repos": 0, "advanced_security_enabled_repos": 0,
			"active_committers": 0, "purchased_committers": 0, "maximum_committers": 0,
			"secret_protection_licenses": 0, "secret_protection_active_committers": 0,
			"code_security_licenses": 0, "code_security_active_committers": 0,
		},
	}
}

func hMeta(c *call) {
	c.json(http.StatusOK, map[string]any{
		"verifiable_password_authentication": true,
		"installed_version":                  c.s.version,
	})
}
