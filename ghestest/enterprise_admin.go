package ghestest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// State and seeds of the enterprise administration areas of issue 18 (part
// b): SCIM provisioning (scim.go), live migrations, GitHub App
// installations on enterprise organizations, ruleset history and bypass
// requests.

// App seeds a GitHub App that CreateInstallation can install by ClientID.
type App struct {
	ClientID string `json:"client_id,omitempty"`
	Slug     string `json:"slug,omitempty"`
	// Permissions maps a permission ("contents") to a level ("read").
	Permissions map[string]string `json:"permissions,omitempty"`
	Events      []string          `json:"events,omitempty"`
}

// RulesetVersion seeds one version of an enterprise ruleset's history.
// Versions of a ruleset get increasing version IDs in the order given.
type RulesetVersion struct {
	RulesetID int64 `json:"ruleset_id,omitempty"`
	// Actor is the login of the user who made the version ("" for the
	// admin).
	Actor     string    `json:"actor,omitempty"`
	UpdatedAt time.Time `json:"updated_at,omitempty"`
	// State is the ruleset at this version, as a JSON object.
	State json.RawMessage `json:"state,omitempty"`
}

// BypassRequest seeds a bypass request. Kind is "push_rules" or
// "secret_scanning"; Repo is "owner/name" of a seeded repository owned by
// an organization; Requester (and Reviewer, when answered) are logins.
type BypassRequest struct {
	Kind      string `json:"kind,omitempty"`
	Repo      string `json:"repo,omitempty"`
	Requester string `json:"requester,omitempty"`
	// Status is pending (default), approved, denied, cancelled, completed
	// or expired.
	Status   string `json:"status,omitempty"`
	Reviewer string `json:"reviewer,omitempty"`
	Comment  string `json:"comment,omitempty"`
	// CreatedAt defaults to the server's clock.
	CreatedAt time.Time `json:"created_at,omitempty"`
	// RulesetName or SecretType describes what is bypassed.
	RulesetName string `json:"ruleset_name,omitempty"`
	SecretType  string `json:"secret_type,omitempty"`
}

// eaSeed is what the options of these areas seed.
type eaSeed struct {
	apps     []App
	versions []RulesetVersion
	bypass   []BypassRequest
}

// WithApps seeds GitHub Apps that can be installed on organizations.
func WithApps(apps ...App) Option {
	return func(c *config) error {
		for _, a := range apps {
			if a.ClientID == "" || a.Slug == "" {
				return fmt.Errorf("ghestest: WithApps: an app needs a ClientID and a Slug")
			}
		}
		c.ea.apps = append(c.ea.apps, apps...)
		return nil
	}
}

// WithRulesetHistory seeds versions of enterprise rulesets.
func WithRulesetHistory(versions ...RulesetVersion) Option {
	return func(c *config) error {
		for _, v := range versions {
			if v.RulesetID <= 0 {
				return fmt.Errorf("ghestest: WithRulesetHistory: RulesetID must be positive")
			}
		}
		c.ea.versions = append(c.ea.versions, versions...)
		return nil
	}
}

// WithBypassRequests seeds push-rule and secret scanning bypass requests.
func WithBypassRequests(reqs ...BypassRequest) Option {
	return func(c *config) error {
		for _, r := range reqs {
			if r.Kind != "push_rules" && r.Kind != "secret_scanning" {
				return fmt.Errorf("ghestest: WithBypassRequests: Kind is %q; want push_rules or secret_scanning", r.Kind)
			}
		}
		c.ea.bypass = append(c.ea.bypass, reqs...)
		return nil
	}
}

type migrationRec struct {
	id                     string
	status                 string
	srcOrg, srcRepo        string
	dstOrg, dstRepo        string
	visibility             string
	endpoint               string
	targetID               int64
	created, started, done *time.Time
	expires                time.Time
	messages               []map[string]any
}

type installationRec struct {
	id        int64
	org       *orgRec
	app       App
	appID     int64
	selection string
	repos     []int64
	created   time.Time
	updated   time.Time
}

type versionRec struct {
	RulesetVersion
	versionID int64
	actorID   int64
}

type bypassRec struct {
	BypassRequest
	id, number int64
	repo       *repoRec
	org        *orgRec
	requester  *userRec
	reviewer   *userRec
	created    time.Time
}

// eaState is the state of these areas; guarded by Server.mu.
type eaState struct {
	next          int64
	users         []*scimUserRec
	groups        []*scimGroupRec
	migrations    []*migrationRec
	apps          []App
	installations []*installationRec
	versions      []*versionRec
	bypass        []*bypassRec
}

func (ea *eaState) newID() string {
	ea.next++
	return fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", ea.next*2654435761%0xffffffff, ea.next%0xffff, ea.next%0xfff, (ea.next*7)%0xfff, ea.next)
}

func (ea *eaState) scimUser(id string) *scimUserRec {
	return find(ea.users, func(u *scimUserRec) bool { return u.id == id })
}

func (ea *eaState) scimGroup(id string) *scimGroupRec {
	return find(ea.groups, func(g *scimGroupRec) bool { return g.id == id })
}

// seedEA builds the state of these areas from the seeds: a seed that names
// a user, organization or repository that does not exist is an error.
func (s *Server) seedEA(c *config) error {
	s.ea = &eaState{apps: c.ea.apps}
	st, ea, now := s.st, s.ea, s.now()
	admin := st.userByLogin(c.adminLogin)
	perRuleset := map[int64]int64{}
	for _, v := range c.ea.versions {
		perRuleset[v.RulesetID]++
		r := &versionRec{RulesetVersion: v, versionID: perRuleset[v.RulesetID], actorID: admin.id}
		if v.Actor != "" {
			u := st.userByLogin(v.Actor)
			if u == nil {
				return fmt.Errorf("ghestest: seeded ruleset version of %d: unknown actor %q", v.RulesetID, v.Actor)
			}
			r.actorID = u.id
		}
		if r.UpdatedAt.IsZero() {
			r.UpdatedAt = now
		}
		if len(r.State) == 0 {
			r.State = json.RawMessage(`{}`)
		}
		ea.versions = append(ea.versions, r)
	}
	numbers := map[string]int64{}
	for _, b := range c.ea.bypass {
		owner, name, _ := strings.Cut(b.Repo, "/")
		repo := st.repoByName(owner, name)
		org := st.orgByLogin(owner)
		req := st.userByLogin(b.Requester)
		switch {
		case repo == nil || org == nil:
			return fmt.Errorf("ghestest: seeded bypass request: %q is not a seeded repository of an organization", b.Repo)
		case req == nil:
			return fmt.Errorf("ghestest: seeded bypass request: unknown requester %q", b.Requester)
		case b.Reviewer != "" && st.userByLogin(b.Reviewer) == nil:
			return fmt.Errorf("ghestest: seeded bypass request: unknown reviewer %q", b.Reviewer)
		}
		numbers[b.Kind]++
		r := &bypassRec{BypassRequest: b, id: st.id(), number: numbers[b.Kind], repo: repo, org: org, requester: req, reviewer: st.userByLogin(b.Reviewer), created: b.CreatedAt}
		if r.Status == "" {
			r.Status = "pending"
		}
		if r.created.IsZero() {
			r.created = now
		}
		ea.bypass = append(ea.bypass, r)
	}
	return nil
}

// ---- live migrations ----

// migrationJSON is the live migration m.
func (c *call) migrationJSON(m *migrationRec) obj {
	var vis *string
	if m.visibility != "" {
		vis = &m.visibility
	}
	exp := m.expires
	target := strings.TrimSuffix(strings.TrimSuffix(m.endpoint, "/"), "/api/v3")
	return obj{
		{"migration_id", m.id}, {"status", m.status},
		{"source_organization_login", m.srcOrg}, {"target_organization_login", m.dstOrg},
		{"source_repository_name", m.srcRepo}, {"target_repository_name", m.dstRepo},
		{"target_visibility", vis}, {"target_api_endpoint", m.endpoint}, {"target_migration_id", m.targetID},
		{"created_at", m.created}, {"started_at", m.started}, {"completed_at", m.done}, {"expires_at", &exp},
		{"repositories", []map[string]any{{
			"source_repository_url": c.webBase() + "/" + m.srcOrg + "/" + m.srcRepo,
			"target_repository_url": target + "/" + m.dstOrg + "/" + m.dstRepo,
			"status":                m.status,
		}}},
	}
}

func hListMigrations(c *call) {
	q := c.r.URL.Query()
	status := q.Get("status")
	switch status {
	case "", "all", "created", "queued", "in_progress", "paused", "completed", "failed", "terminated":
	default:
		c.invalid("LiveMigration", "status", "invalid", "status is not one of created, queued, in_progress, paused, completed, failed, terminated, all")
		return
	}
	size := 30
	if v := q.Get("page_size"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			c.invalid("LiveMigration", "page_size", "invalid", "page_size must be a positive integer")
			return
		}
		size = min(n, 100)
	}
	var match []*migrationRec
	for _, m := range c.s.ea.migrations {
		if status == "" || status == "all" || m.status == status {
			match = append(match, m)
		}
	}
	start := 0
	if after := q.Get("after"); after != "" {
		start = -1
		for i, m := range match {
			if m.id == after {
				start = i + 1
			}
		}
		if start < 0 {
			c.invalid("LiveMigration", "after", "invalid", "after is not a cursor of this list")
			return
		}
	}
	end := min(start+size, len(match))
	out := map[string]any{"migrations": []obj{}, "total_count": len(match)}
	page := []obj{}
	for _, m := range match[start:end] {
		page = append(page, c.migrationJSON(m))
	}
	out["migrations"] = page
	if end < len(match) {
		out["next_cursor"] = match[end-1].id
	}
	c.json(http.StatusOK, out)
}

func hCreateMigration(c *call) {
	var in struct {
		SrcOrg     string `json:"source_organization_login"`
		SrcRepo    string `json:"source_repository_name"`
		DstOrg     string `json:"target_organization_login"`
		DstRepo    string `json:"target_repository_name"`
		Endpoint   string `json:"target_api_endpoint"`
		PATName    string `json:"pat_name"`
		Visibility string `json:"target_visibility"`
	}
	if !c.decode(&in, false) {
		return
	}
	for _, f := range []struct{ name, v string }{{"source_organization_login", in.SrcOrg}, {"source_repository_name", in.SrcRepo},
		{"target_organization_login", in.DstOrg}, {"target_repository_name", in.DstRepo}, {"target_api_endpoint", in.Endpoint}, {"pat_name", in.PATName}} {
		if f.v == "" {
			c.invalid("LiveMigration", f.name, "missing_field", f.name+" is required")
			return
		}
	}
	if u, err := url.Parse(in.Endpoint); err != nil || u.Host == "" {
		c.invalid("LiveMigration", "target_api_endpoint", "invalid", "target_api_endpoint is not a URL")
		return
	}
	if in.Visibility != "" && in.Visibility != "private" && in.Visibility != "internal" {
		c.invalid("LiveMigration", "target_visibility", "invalid", "target_visibility must be private or internal")
		return
	}
	if c.s.st.repoByName(in.SrcOrg, in.SrcRepo) == nil {
		c.invalid("LiveMigration", "source_repository_name", "invalid", "source repository "+in.SrcOrg+"/"+in.SrcRepo+" not found")
		return
	}
	for _, m := range c.s.ea.migrations {
		if strings.EqualFold(m.srcOrg, in.SrcOrg) && strings.EqualFold(m.srcRepo, in.SrcRepo) && !migrationEnded(m.status) {
			c.json(http.StatusConflict, errBody{Message: "A live migration of this repository already exists: " + m.id, DocumentationURL: docsBase})
			return
		}
	}
	now := c.s.now()
	m := &migrationRec{id: fmt.Sprintf("LM_%d", c.s.st.id()), status: "created", srcOrg: in.SrcOrg, srcRepo: in.SrcRepo, dstOrg: in.DstOrg, dstRepo: in.DstRepo,
		visibility: in.Visibility, endpoint: in.Endpoint, targetID: c.s.st.id(), created: &now, expires: now.Add(7 * 24 * time.Hour)}
	c.s.ea.migrations = append(c.s.ea.migrations, m)
	c.json(http.StatusCreated, map[string]any{"migration_id": m.id, "expires_at": m.expires})
}

func migrationEnded(status string) bool {
	return status == "completed" || status == "failed" || status == "terminated"
}

func (c *call) migrationOr404() *migrationRec {
	id := c.r.PathValue("id")
	m := find(c.s.ea.migrations, func(m *migrationRec) bool { return m.id == id })
	if m == nil {
		c.notFound()
	}
	return m
}

func hGetMigration(c *call) {
	m := c.migrationOr404()
	if m == nil {
		return
	}
	nwo := m.srcOrg + "/" + m.srcRepo
	phase := map[string]string{"created": "not_started", "queued": "not_started", "in_progress": "backfill", "paused": "paused", "completed": "cutover_complete"}[m.status]
	if phase == "" {
		phase = m.status
	}
	processed := int64(0)
	if m.status != "created" && m.status != "queued" {
		processed = 10
	}
	counts := map[string]any{"total": 10, "total_pending": 10 - processed, "total_processed": processed, "total_failed": 0, "total_eligible": 10, "total_acknowledged": processed,
		"breakdown": []map[string]any{{"state": "processed", "kind": "backfill", "type": "issue", "count": processed}}}
	last := c.s.now()
	c.json(http.StatusOK, map[string]any{
		"migration": c.migrationJSON(m),
		"target_state": map[string]any{
			"status": m.status, "last_updated": last, "target_unavailable": false,
			"repository_summaries": []map[string]any{{
				"namespace": m.dstOrg, "repository": m.dstRepo, "total": 10, "total_backfill": 10, "total_live_update": 0,
				"total_processed": processed, "total_failed": 0, "total_pending": 10 - processed, "total_eligible": 10, "total_acknowledged": processed,
				"initial_git_push_complete": processed > 0, "backfill": counts, "live_update": nil,
			}},
			"repository_progress": []map[string]any{{
				"repository_nwo": nwo, "backfill_resources_added": 10, "backfill_resources_processed": processed, "backfill_resources_failed": 0,
				"backfill_resources_eligible": 10, "backfill_resources_acknowledged": processed, "live_update_resources_added": 0,
				"live_update_resources_processed": 0, "live_update_resources_eligible": 0, "live_update_resources_acknowledged": 0,
				"live_update_resources_failed": 0, "all_resources_sent": processed == 10, "initial_git_push_complete": processed > 0,
				"repository_locked": m.status == "completed",
			}},
		},
		"combined_state": map[string]any{
			"status": m.status, "display_message": "Migration " + strings.ReplaceAll(m.status, "_", " "),
			"ready_for_cutover": m.status == "in_progress" || m.status == "paused", "cutover_blockers": []string{},
			"repositories": []map[string]any{{"repository_nwo": nwo, "phase": phase, "display_status": strings.ReplaceAll(phase, "_", " ")}},
		},
		"messages": m.messages,
	})
}

// migrationTransitions are the states each action leaves from, and where
// it leads.
var migrationTransitions = map[string]struct {
	from []string
	to   string
}{
	"start":   {[]string{"created"}, "in_progress"},
	"pause":   {[]string{"queued", "in_progress"}, "paused"},
	"resume":  {[]string{"paused"}, "in_progress"},
	"cutover": {[]string{"in_progress", "paused"}, "completed"},
	"cancel":  {[]string{"created", "queued", "in_progress", "paused"}, "terminated"},
	// revert-cutover is handled apart: its reply says what it did.
}

func migrationAction(verb string) handler {
	return func(c *call) {
		m := c.migrationOr404()
		if m == nil {
			return
		}
		now := c.s.now()
		if verb == "revert-cutover" {
			res := map[string]bool{"success": true, "unarchived_source_repository": false, "in_progress_cutover_terminated": false, "in_progress_migration_terminated": false}
			switch m.status {
			case "completed":
				// The source is unarchived and the migration can be cut
				// over again.
				res["unarchived_source_repository"] = true
				if r := c.s.st.repoByName(m.srcOrg, m.srcRepo); r != nil {
					r.archived = false
				}
				m.status, m.done = "paused", nil
			case "in_progress", "paused", "queued":
				res["in_progress_migration_terminated"] = true
				m.status = "terminated"
			default:
				c.json(http.StatusConflict, errBody{Message: "The migration is " + m.status + ": there is no cutover to revert", DocumentationURL: docsBase})
				return
			}
			m.messages = append(m.messages, map[string]any{"message_type": "info", "message": "Cutover reverted", "created_at": now})
			c.json(http.StatusOK, res)
			return
		}
		t := migrationTransitions[verb]
		if !hasString(t.from, m.status) {
			c.json(http.StatusConflict, errBody{Message: fmt.Sprintf("Cannot %s a migration that is %s", verb, m.status), DocumentationURL: docsBase})
			return
		}
		if verb == "cutover" && c.r.ContentLength != 0 {
			var in struct {
				Force *bool `json:"force"`
			}
			if !c.decode(&in, true) {
				return
			}
		}
		m.status = t.to
		switch verb {
		case "start":
			m.started = &now
		case "cutover":
			m.done = &now
			if r := c.s.st.repoByName(m.srcOrg, m.srcRepo); r != nil {
				r.archived = true
			}
		}
		m.messages = append(m.messages, map[string]any{"message_type": "info", "message": "Migration " + verb, "created_at": now})
		c.noContent()
	}
}

// ---- app installations ----

func (c *call) entOrg() *orgRec {
	o := c.s.st.orgByLogin(c.r.PathValue("org"))
	if o == nil {
		c.notFound()
	}
	return o
}

func (c *call) orgRepos(o *orgRec) []*repoRec {
	var out []*repoRec
	for _, r := range c.s.st.repos {
		if strings.EqualFold(r.owner, o.login) {
			out = append(out, r)
		}
	}
	return out
}

type accessibleRepoJSON struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	FullName string `json:"full_name"`
}

func reposJSON(rs []*repoRec) []accessibleRepoJSON {
	out := []accessibleRepoJSON{}
	for _, r := range rs {
		out = append(out, accessibleRepoJSON{ID: r.id, Name: r.name, FullName: r.fullName()})
	}
	return out
}

func hInstallableOrgs(c *call) {
	orgs := []*orgRec{}
	for _, o := range c.s.st.orgs {
		if !o.disabled {
			orgs = append(orgs, o)
		}
	}
	out := []map[string]any{}
	for _, o := range pageOf(c.w, c.r, orgs) {
		out = append(out, map[string]any{"id": o.id, "login": o.login,
			"accessible_repositories_url": c.apiBase() + "/enterprises/" + c.s.cfg.enterprise + "/apps/installable_organizations/" + o.login + "/accessible_repositories"})
	}
	c.json(http.StatusOK, out)
}

func hAccessibleRepos(c *call) {
	o := c.entOrg()
	if o == nil {
		return
	}
	c.json(http.StatusOK, reposJSON(pageOf(c.w, c.r, c.orgRepos(o))))
}

func (c *call) installationRepos(in *installationRec) []*repoRec {
	if in.selection == "all" {
		return c.orgRepos(in.org)
	}
	var out []*repoRec
	for _, id := range in.repos {
		if r := c.s.st.repoByID(id); r != nil {
			out = append(out, r)
		}
	}
	return out
}

func (c *call) installationJSON(in *installationRec) map[string]any {
	acct := c.userJSON(&userRec{id: in.org.id, login: in.org.login}).
		set("type", "Organization").set("node_id", nodeID("Organization", in.org.id))
	return map[string]any{
		"id": in.id, "account": acct, "repository_selection": in.selection,
		"access_tokens_url": fmt.Sprintf("%s/app/installations/%d/access_tokens", c.apiBase(), in.id),
		"repositories_url":  c.apiBase() + "/installation/repositories",
		"html_url":          fmt.Sprintf("%s/organizations/%s/settings/installations/%d", c.webBase(), in.org.login, in.id),
		"app_id":            in.appID, "client_id": in.app.ClientID, "target_id": in.org.id, "target_type": "Organization",
		"permissions": permissionsOf(in.app), "events": eventsOf(in.app),
		"created_at": in.created, "updated_at": in.updated, "single_file_name": nil, "has_multiple_single_files": false,
		"single_file_paths": []string{}, "app_slug": in.app.Slug, "suspended_by": nil, "suspended_at": nil,
	}
}

func permissionsOf(a App) map[string]string {
	if len(a.Permissions) == 0 {
		return map[string]string{"metadata": "read"}
	}
	return a.Permissions
}

func eventsOf(a App) []string {
	if a.Events == nil {
		return []string{}
	}
	return a.Events
}

func hListInstallations(c *call) {
	o := c.entOrg()
	if o == nil {
		return
	}
	var ins []*installationRec
	for _, in := range c.s.ea.installations {
		if in.org == o {
			ins = append(ins, in)
		}
	}
	out := []map[string]any{}
	for _, in := range pageOf(c.w, c.r, ins) {
		out = append(out, map[string]any{"id": in.id, "app_slug": in.app.Slug, "client_id": in.app.ClientID, "repository_selection": in.selection,
			"repositories_url": c.apiBase() + "/installation/repositories", "permissions": permissionsOf(in.app), "events": eventsOf(in.app),
			"created_at": in.created, "updated_at": in.updated})
	}
	c.json(http.StatusOK, out)
}

// repoIDs resolves repository names of org o, answering 422 for one that
// does not exist or for more than 50.
func (c *call) repoIDs(o *orgRec, names []string) ([]int64, bool) {
	if len(names) > 50 {
		c.invalid("Installation", "repositories", "invalid", "At most 50 repositories may be given")
		return nil, false
	}
	var ids []int64
	for _, n := range names {
		r := c.s.st.repoByName(o.login, n)
		if r == nil {
			c.invalid("Installation", "repositories", "invalid", "Repository "+n+" not found in "+o.login)
			return nil, false
		}
		ids = append(ids, r.id)
	}
	return ids, true
}

func hCreateInstallation(c *call) {
	o := c.entOrg()
	if o == nil {
		return
	}
	var in struct {
		ClientID     string   `json:"client_id"`
		Selection    string   `json:"repository_selection"`
		Repositories []string `json:"repositories"`
	}
	if !c.decode(&in, false) {
		return
	}
	if in.ClientID == "" {
		c.invalid("Installation", "client_id", "missing_field", "client_id is required")
		return
	}
	if in.Selection != "all" && in.Selection != "selected" && in.Selection != "none" {
		c.invalid("Installation", "repository_selection", "invalid", "repository_selection must be all, selected or none")
		return
	}
	var app *App
	for i := range c.s.ea.apps {
		if c.s.ea.apps[i].ClientID == in.ClientID {
			app = &c.s.ea.apps[i]
		}
	}
	if app == nil {
		c.notFound()
		return
	}
	ids, ok := c.repoIDs(o, in.Repositories)
	if !ok {
		return
	}
	for _, x := range c.s.ea.installations {
		if x.org == o && x.app.ClientID == in.ClientID {
			c.json(http.StatusOK, c.installationJSON(x))
			return
		}
	}
	sel := in.Selection
	if sel == "none" {
		sel, ids = "selected", nil
	}
	now := c.s.now()
	rec := &installationRec{id: c.s.st.id(), org: o, app: *app, appID: 1000 + int64(len(c.s.ea.apps)), selection: sel, repos: ids, created: now, updated: now}
	c.s.ea.installations = append(c.s.ea.installations, rec)
	c.json(http.StatusCreated, c.installationJSON(rec))
}

func (c *call) installationOr404() *installationRec {
	o := c.entOrg()
	if o == nil {
		return nil
	}
	id, ok := c.pathID("installation_id")
	if !ok {
		return nil
	}
	in := find(c.s.ea.installations, func(x *installationRec) bool { return x.id == id && x.org == o })
	if in == nil {
		c.notFound()
	}
	return in
}

func hDeleteInstallation(c *call) {
	in := c.installationOr404()
	if in == nil {
		return
	}
	ea := c.s.ea
	for i, x := range ea.installations {
		if x == in {
			ea.installations = append(ea.installations[:i:i], ea.installations[i+1:]...)
		}
	}
	c.noContent()
}

func hInstallationRepos(c *call) {
	in := c.installationOr404()
	if in == nil {
		return
	}
	c.json(http.StatusOK, reposJSON(pageOf(c.w, c.r, c.installationRepos(in))))
}

func hSetInstallationRepos(c *call) {
	in := c.installationOr404()
	if in == nil {
		return
	}
	var body struct {
		Selection    string   `json:"repository_selection"`
		Repositories []string `json:"repositories"`
	}
	if !c.decode(&body, false) {
		return
	}
	switch body.Selection {
	case "all":
		in.selection, in.repos = "all", nil
	case "selected":
		ids, ok := c.repoIDs(in.org, body.Repositories)
		if !ok {
			return
		}
		if len(ids) == 0 {
			c.invalid("Installation", "repositories", "missing_field", "repositories are required with repository_selection selected")
			return
		}
		in.selection, in.repos = "selected", ids
	default:
		c.invalid("Installation", "repository_selection", "invalid", "repository_selection must be all or selected")
		return
	}
	in.updated = c.s.now()
	c.json(http.StatusOK, c.installationJSON(in))
}

func hChangeInstallationRepos(add bool) handler {
	return func(c *call) {
		in := c.installationOr404()
		if in == nil {
			return
		}
		var body struct {
			Repositories []string `json:"repositories"`
		}
		if !c.decode(&body, false) {
			return
		}
		if len(body.Repositories) == 0 {
			c.invalid("Installation", "repositories", "missing_field", "repositories is required")
			return
		}
		if in.selection == "all" {
			c.invalid("Installation", "repository_selection", "invalid", "The installation has access to all repositories: switch it to selected first")
			return
		}
		ids, ok := c.repoIDs(in.org, body.Repositories)
		if !ok {
			return
		}
		for _, id := range ids {
			has := false
			for _, x := range in.repos {
				has = has || x == id
			}
			switch {
			case add && !has:
				in.repos = append(in.repos, id)
			case !add && has:
				kept := in.repos[:0:0]
				for _, x := range in.repos {
					if x != id {
						kept = append(kept, x)
					}
				}
				in.repos = kept
			}
		}
		in.updated = c.s.now()
		c.json(http.StatusOK, reposJSON(c.installationRepos(in)))
	}
}

// ---- ruleset history ----

func (c *call) versionJSON(v *versionRec, withState bool) map[string]any {
	out := map[string]any{"version_id": v.versionID, "actor": map[string]any{"id": v.actorID, "type": "User"}, "updated_at": v.UpdatedAt.UTC()}
	if withState {
		out["state"] = v.State
	}
	return out
}

func hRulesetHistory(c *call) {
	id, ok := c.pathID("ruleset_id")
	if !ok {
		return
	}
	var vs []*versionRec
	for _, v := range c.s.ea.versions {
		if v.RulesetID == id {
			vs = append(vs, v)
		}
	}
	if len(vs) == 0 {
		c.notFound()
		return
	}
	sort.SliceStable(vs, func(i, j int) bool { return vs[i].versionID > vs[j].versionID })
	pageReply(c, vs, func(v *versionRec) map[string]any { return c.versionJSON(v, false) })
}

func hRulesetVersion(c *call) {
	id, ok := c.pathID("ruleset_id")
	if !ok {
		return
	}
	vid, ok := c.pathID("version_id")
	if !ok {
		return
	}
	v := find(c.s.ea.versions, func(v *versionRec) bool { return v.RulesetID == id && v.versionID == vid })
	if v == nil {
		c.notFound()
		return
	}
	c.json(http.StatusOK, c.versionJSON(v, true))
}

// ---- bypass requests ----

func hBypassRequests(kind string) handler {
	return func(c *call) {
		q := c.r.URL.Query()
		period := map[string]time.Duration{"": 24 * time.Hour, "hour": time.Hour, "day": 24 * time.Hour, "week": 7 * 24 * time.Hour, "month": 30 * 24 * time.Hour}
		d, ok := period[q.Get("time_period")]
		if !ok {
			c.invalid("BypassRequest", "time_period", "invalid", "time_period must be hour, day, week or month")
			return
		}
		status := q.Get("request_status")
		switch status {
		case "", "all", "completed", "cancelled", "approved", "expired", "deleted", "denied", "open":
		default:
			c.invalid("BypassRequest", "request_status", "invalid", "request_status is not a documented status")
			return
		}
		since := c.s.now().Add(-d)
		var match []*bypassRec
		for _, b := range c.s.ea.bypass {
			switch {
			case b.Kind != kind, b.created.Before(since):
			case q.Get("organization_name") != "" && !strings.EqualFold(b.org.login, q.Get("organization_name")):
			case q.Get("requester") != "" && !strings.EqualFold(b.requester.login, q.Get("requester")):
			case q.Get("reviewer") != "" && (b.reviewer == nil || !strings.EqualFold(b.reviewer.login, q.Get("reviewer"))):
			case status != "" && status != "all" && !(status == b.Status || status == "open" && b.Status == "pending"):
			default:
				match = append(match, b)
			}
		}
		pageReply(c, match, c.bypassJSON)
	}
}

func (c *call) bypassJSON(b *bypassRec) map[string]any {
	var comment any
	if b.Comment != "" {
		comment = b.Comment
	}
	path := "push-rules"
	data := []map[string]any{{"ruleset_id": 1, "ruleset_name": b.RulesetName, "total_violations": 1, "rule_type": "file_path_restriction"}}
	if b.Kind == "secret_scanning" {
		path = "secret-scanning"
		data = []map[string]any{{"secret_type": b.SecretType, "bypass_reason": "used_in_tests", "path": "config/secrets.yml", "branch": "refs/heads/main"}}
	}
	responses := []map[string]any{}
	if b.reviewer != nil && (b.Status == "approved" || b.Status == "denied") {
		responses = append(responses, map[string]any{"id": b.id + 1, "reviewer": map[string]any{"actor_id": b.reviewer.id, "actor_name": b.reviewer.login},
			"status": b.Status, "created_at": b.created.Add(time.Minute).UTC()})
	}
	return map[string]any{
		"id": b.id, "number": b.number,
		"repository":   map[string]any{"id": b.repo.id, "name": b.repo.name, "full_name": b.repo.fullName()},
		"organization": map[string]any{"id": b.org.id, "name": b.org.login},
		"requester":    map[string]any{"actor_id": b.requester.id, "actor_name": b.requester.login},
		"request_type": kindRequestType(b.Kind), "data": data, "resource_identifier": fmt.Sprintf("%x", b.id*2654435761),
		"status": b.Status, "requester_comment": comment, "expires_at": b.created.Add(7 * 24 * time.Hour).UTC(), "created_at": b.created.UTC(),
		"responses": responses,
		"url":       fmt.Sprintf("%s/repos/%s/bypass-requests/%s/%d", c.apiBase(), b.repo.fullName(), path, b.number),
		"html_url":  fmt.Sprintf("%s/%s/exemptions/%d", c.webBase(), b.repo.fullName(), b.number),
	}
}

func kindRequestType(kind string) string {
	if kind == "secret_scanning" {
		return "secret_scanning_closure"
	}
	return "push_ruleset_bypass"
}

// RepoArchived reports whether the repository owner/name is archived (a
// live migration's cutover archives its source), and whether it exists.
func (s *Server) RepoArchived(owner, name string) (archived, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.st.repoByName(owner, name)
	if r == nil {
		return false, false
	}
	return r.archived, true
}
