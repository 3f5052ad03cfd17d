package ghestest

import (
	"fmt"
	"strings"
	"time"
)

// The fake's state. Every field is guarded by Server.mu.

type userRec struct {
	id            int64
	login         string
	email         string
	siteAdmin     bool
	suspended     bool
	suspendReason string
	suspendedAt   time.Time
	ldapDN        string
	createdAt     time.Time
	updatedAt     time.Time
}

type orgRec struct {
	id          int64
	login       string
	profileName string
	admin       string
	disabled    bool
	createdAt   time.Time
}

type teamRec struct {
	id      int64
	orgID   int64
	name    string
	slug    string
	members []string
	ldapDN  string
}

type repoRec struct {
	id       int64
	owner    string
	name     string
	fork     bool
	wiki     bool
	pages    bool
	archived bool
	pushes   int
}

func (r *repoRec) fullName() string { return r.owner + "/" + r.name }

type keyRec struct {
	id        int64
	userID    int64
	repoID    int64
	title     string
	key       string
	readOnly  bool
	verified  bool
	createdAt time.Time
	updatedAt time.Time
	lastUsed  time.Time
}

type tokenRec struct {
	id            int64
	userID        int64
	value         string
	note          string
	scopes        []string
	impersonation bool
	createdAt     time.Time
	updatedAt     time.Time
}

type hookRec struct {
	id          int64
	name        string
	active      bool
	events      []string
	url         string
	contentType string
	secret      string
	insecureSSL string
	createdAt   time.Time
	updatedAt   time.Time
	pings       int
}

type downloadRec struct {
	state        string
	downloadedAt *time.Time
	message      *string
	readsLeft    int // status reads until the terminal state
	willFail     string
}

type envRec struct {
	id        int64
	name      string
	imageURL  string
	isDefault bool
	createdAt time.Time
	updatedAt time.Time
	download  downloadRec
}

type preHookRec struct {
	id              int64
	name            string
	script          string
	repoID          int64
	envID           int64
	enforcement     string
	allowDownstream bool
	createdAt       time.Time
	updatedAt       time.Time
	orgOverrides    map[int64]*orgOverride
	repoOverrides   map[int64]string // repo id → enforcement
}

type orgOverride struct {
	enforcement     *string
	allowDownstream *bool
}

type runnerGroupRec struct {
	id                    int64
	name                  string
	visibility            string
	isDefault             bool
	allowsPublic          bool
	restrictedToWorkflows bool
	selectedWorkflows     []string
	orgIDs                []int64
}

type runnerRec struct {
	id        int64
	name      string
	os        string
	status    string
	busy      bool
	ephemeral bool
	groupID   int64
	labels    []string // custom labels
}

type runnerTokenRec struct {
	value     string
	kind      string // "registration" or "remove"
	expiresAt time.Time
}

type state struct {
	nextID int64

	users   []*userRec
	orgs    []*orgRec
	teams   []*teamRec
	repos   []*repoRec
	keys    []*keyRec
	tokens  []*tokenRec
	hooks   []*hookRec
	envs    []*envRec
	preHook []*preHookRec
	groups  []*runnerGroupRec
	runners []*runnerRec
	rtokens []*runnerTokenRec
	labelID map[string]int64
	policy  *policyState // policy.go

	license licenseRec
	admin   adminState
	sec     securityState // security.go
	audit   auditState    // auditlog.go
}

func (st *state) id() int64 {
	st.nextID++
	return st.nextID
}

// find returns the first record that match accepts, or nil.
func find[T any](records []*T, match func(*T) bool) *T {
	for _, r := range records {
		if match(r) {
			return r
		}
	}
	return nil
}

func (st *state) userByLogin(login string) *userRec {
	return find(st.users, func(u *userRec) bool { return strings.EqualFold(u.login, login) })
}

func (st *state) userByID(id int64) *userRec {
	return find(st.users, func(u *userRec) bool { return u.id == id })
}

func (st *state) userByEmail(email string) *userRec {
	if email == "" {
		return nil
	}
	for _, u := range st.users {
		if strings.EqualFold(u.email, email) {
			return u
		}
	}
	return nil
}

func (st *state) orgByLogin(login string) *orgRec {
	return find(st.orgs, func(o *orgRec) bool { return strings.EqualFold(o.login, login) })
}

func (st *state) orgByID(id int64) *orgRec {
	return find(st.orgs, func(o *orgRec) bool { return o.id == id })
}

// loginTaken reports whether a user or an organization has the login.
func (st *state) loginTaken(login string) bool {
	return st.userByLogin(login) != nil || st.orgByLogin(login) != nil
}

func (st *state) teamByID(id int64) *teamRec {
	return find(st.teams, func(t *teamRec) bool { return t.id == id })
}

func (st *state) repoByName(owner, name string) *repoRec {
	return find(st.repos, func(r *repoRec) bool { return strings.EqualFold(r.owner, owner) && strings.EqualFold(r.name, name) })
}

func (st *state) repoByID(id int64) *repoRec {
	return find(st.repos, func(r *repoRec) bool { return r.id == id })
}

func (st *state) hookByID(id int64) *hookRec {
	return find(st.hooks, func(h *hookRec) bool { return h.id == id })
}

func (st *state) envByID(id int64) *envRec {
	return find(st.envs, func(e *envRec) bool { return e.id == id })
}

func (st *state) preHookByID(id int64) *preHookRec {
	return find(st.preHook, func(h *preHookRec) bool { return h.id == id })
}

func (st *state) groupByID(id int64) *runnerGroupRec {
	return find(st.groups, func(g *runnerGroupRec) bool { return g.id == id })
}

func (st *state) groupByName(name string) *runnerGroupRec {
	return find(st.groups, func(g *runnerGroupRec) bool { return strings.EqualFold(g.name, name) })
}

func (st *state) defaultGroup() *runnerGroupRec {
	return find(st.groups, func(g *runnerGroupRec) bool { return g.isDefault })
}

func (st *state) runnerByID(id int64) *runnerRec {
	return find(st.runners, func(r *runnerRec) bool { return r.id == id })
}

func (st *state) labelIDFor(name string) int64 {
	key := strings.ToLower(name)
	if id, ok := st.labelID[key]; ok {
		return id
	}
	id := st.id()
	st.labelID[key] = id
	return id
}

// normalizeLogin turns a requested login into one made of alphanumerics and
// single hyphens: "octo_cat" becomes "octo-cat".
func normalizeLogin(s string) string {
	var b strings.Builder
	hyphen := false
	for _, ch := range s {
		ok := ch < 128 && (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9')
		if ok {
			b.WriteRune(ch)
			hyphen = false
			continue
		}
		if !hyphen && b.Len() > 0 {
			b.WriteByte('-')
			hyphen = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

func slugify(name string) string {
	return strings.ToLower(normalizeLogin(name))
}

// seed fills the state from the options.
func (s *Server) seed(c *config) error {
	st := s.st
	now := s.now()
	st.labelID = map[string]int64{}
	admin := &userRec{id: st.id(), login: c.adminLogin, email: c.adminLogin + "@ghes.test", siteAdmin: true, createdAt: now, updatedAt: now}
	st.users = append(st.users, admin)
	st.tokens = append(st.tokens, &tokenRec{id: st.id(), userID: admin.id, value: c.adminToken, note: "ghestest admin token", scopes: []string{"site_admin", "admin:enterprise", "repo", "user"}, createdAt: now, updatedAt: now})

	for _, u := range c.users {
		if u.Login == "" || normalizeLogin(u.Login) != u.Login {
			return fmt.Errorf("ghestest: seeded user login %q is not a valid login", u.Login)
		}
		if st.loginTaken(u.Login) {
			return fmt.Errorf("ghestest: seeded user %q: login already taken", u.Login)
		}
		if st.userByEmail(u.Email) != nil {
			return fmt.Errorf("ghestest: seeded user %q: email already taken", u.Login)
		}
		rec := &userRec{id: st.id(), login: u.Login, email: u.Email, siteAdmin: u.SiteAdmin, suspended: u.Suspended, ldapDN: u.LDAPDN, createdAt: now, updatedAt: now}
		if u.Suspended {
			rec.suspendedAt, rec.suspendReason = now, u.SuspendReason
			if rec.suspendReason == "" {
				rec.suspendReason = "Suspended via API by " + c.adminLogin
			}
		} else if u.SuspendReason != "" {
			return fmt.Errorf("ghestest: seeded user %q has a SuspendReason but is not Suspended", u.Login)
		}
		st.users = append(st.users, rec)
	}
	for _, o := range c.orgs {
		if o.Login == "" || st.loginTaken(o.Login) {
			return fmt.Errorf("ghestest: seeded org %q: empty or taken login", o.Login)
		}
		if o.Admin != "" && st.userByLogin(o.Admin) == nil {
			return fmt.Errorf("ghestest: seeded org %q: admin %q is not a user", o.Login, o.Admin)
		}
		st.orgs = append(st.orgs, &orgRec{id: st.id(), login: o.Login, profileName: o.ProfileName, admin: o.Admin, disabled: o.Disabled, createdAt: now})
	}
	for _, t := range c.teams {
		org := st.orgByLogin(t.Org)
		if org == nil {
			return fmt.Errorf("ghestest: seeded team %q: org %q is not seeded", t.Name, t.Org)
		}
		if t.Name == "" {
			return fmt.Errorf("ghestest: seeded team of %q has no name", t.Org)
		}
		for _, m := range t.Members {
			if st.userByLogin(m) == nil {
				return fmt.Errorf("ghestest: seeded team %q: member %q is not a user", t.Name, m)
			}
		}
		st.teams = append(st.teams, &teamRec{id: st.id(), orgID: org.id, name: t.Name, slug: slugify(t.Name), members: append([]string(nil), t.Members...), ldapDN: t.LDAPDN})
	}
	for _, r := range c.repos {
		if r.Name == "" || (st.userByLogin(r.Owner) == nil && st.orgByLogin(r.Owner) == nil) {
			return fmt.Errorf("ghestest: seeded repo %q/%q: empty name or unknown owner", r.Owner, r.Name)
		}
		if st.repoByName(r.Owner, r.Name) != nil {
			return fmt.Errorf("ghestest: seeded repo %s/%s twice", r.Owner, r.Name)
		}
		st.repos = append(st.repos, &repoRec{id: st.id(), owner: r.Owner, name: r.Name, fork: r.Fork, wiki: r.Wiki, pages: r.Pages, archived: r.Archived, pushes: r.Pushes})
	}
	for _, k := range c.keys {
		u := st.userByLogin(k.User)
		if u == nil {
			return fmt.Errorf("ghestest: seeded key %q: unknown user %q", k.Title, k.User)
		}
		rec := &keyRec{id: st.id(), userID: u.id, title: k.Title, key: k.Key, readOnly: k.ReadOnly, verified: k.Verified, createdAt: k.CreatedAt, updatedAt: k.CreatedAt, lastUsed: k.LastUsed}
		if rec.createdAt.IsZero() {
			rec.createdAt, rec.updatedAt = now, now
		}
		if k.Repo != "" {
			owner, name, _ := strings.Cut(k.Repo, "/")
			r := st.repoByName(owner, name)
			if r == nil {
				return fmt.Errorf("ghestest: seeded key %q: unknown repo %q", k.Title, k.Repo)
			}
			rec.repoID = r.id
		}
		st.keys = append(st.keys, rec)
	}
	for _, t := range c.tokens {
		u := st.userByLogin(t.User)
		if u == nil || t.Value == "" {
			return fmt.Errorf("ghestest: seeded token of %q: unknown user or empty value", t.User)
		}
		for _, have := range st.tokens {
			if have.value == t.Value {
				return fmt.Errorf("ghestest: seeded token of %q: duplicate value", t.User)
			}
		}
		st.tokens = append(st.tokens, &tokenRec{id: st.id(), userID: u.id, value: t.Value, note: t.Note, scopes: append([]string(nil), t.Scopes...), createdAt: now, updatedAt: now})
	}

	// Pre-receive: the default environment.
	dl := now
	st.envs = append(st.envs, &envRec{id: st.id(), name: "Default", imageURL: "githubenterprise://internal", isDefault: true, createdAt: now, updatedAt: now, download: downloadRec{state: "success", downloadedAt: &dl}})

	// Actions: the default runner group, then the seeded ones.
	st.groups = append(st.groups, &runnerGroupRec{id: st.id(), name: "Default", visibility: "all", isDefault: true, selectedWorkflows: []string{}})
	for _, g := range c.runnerGroups {
		if g.Name == "" || st.groupByName(g.Name) != nil {
			return fmt.Errorf("ghestest: seeded runner group %q: empty or duplicate name", g.Name)
		}
		vis := g.Visibility
		if vis == "" {
			vis = "all"
		}
		if vis != "all" && vis != "selected" && vis != "private" {
			return fmt.Errorf("ghestest: seeded runner group %q: bad visibility %q", g.Name, vis)
		}
		rec := &runnerGroupRec{id: st.id(), name: g.Name, visibility: vis, allowsPublic: g.AllowsPublicRepositories, selectedWorkflows: []string{}}
		for _, o := range g.Orgs {
			org := st.orgByLogin(o)
			if org == nil {
				return fmt.Errorf("ghestest: seeded runner group %q: unknown org %q", g.Name, o)
			}
			rec.orgIDs = append(rec.orgIDs, org.id)
		}
		st.groups = append(st.groups, rec)
	}
	for _, r := range c.runners {
		if r.Name == "" {
			return fmt.Errorf("ghestest: seeded runner has no name")
		}
		g := st.defaultGroup()
		if r.Group != "" {
			if g = st.groupByName(r.Group); g == nil {
				return fmt.Errorf("ghestest: seeded runner %q: unknown group %q", r.Name, r.Group)
			}
		}
		rec := &runnerRec{id: st.id(), name: r.Name, os: r.OS, status: r.Status, busy: r.Busy, ephemeral: r.Ephemeral, groupID: g.id, labels: append([]string(nil), r.Labels...)}
		if rec.os == "" {
			rec.os = "linux"
		}
		if rec.status == "" {
			rec.status = "online"
		}
		st.runners = append(st.runners, rec)
	}

	st.license = licenseRec{seats: c.licenseSeats, expireAt: c.licenseExpiry}
	st.admin = newAdminState()
	s.seedAudit(c)
	return s.seedEA(c) // enterprise_admin.go
}
