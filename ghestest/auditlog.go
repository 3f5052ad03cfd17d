package ghestest

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/crypto/nacl/box"
)

// The audit log of the fake: every successful change made through the
// fake's own API is recorded (route calls recordAudit), and
// GET /enterprises/{enterprise}/audit-log answers the phrase qualifiers
// admins use (action:, actor:, user:, org:, created:) with cursor pages.

type auditRec struct {
	id      int64
	action  string
	actor   string
	actorID int64
	at      time.Time
	user    string // the user acted on
	org     string
	hookID  int64
	opType  string // create, modify, remove
}

type streamRec struct {
	id         int64
	streamType string
	details    string
	enabled    bool
	createdAt  time.Time
	updatedAt  time.Time
	pausedAt   *time.Time
	secrets    map[string]string // the vendor_specific encrypted_* values, opened
	vendor     map[string]any
}

// auditState is the audit log, the streams and the reports of the fake.
type auditState struct {
	events    []*auditRec
	streams   []*streamRec
	keyID     string
	pub, priv *[32]byte
	reports   map[string]bool // report name → generated (202 answered)
}

// auditActions names the audit-log action of each change route, with its
// operation type.
var auditActions = map[string][2]string{
	"POST /admin/users":                                                 {"user.create", "create"},
	"PATCH /admin/users/{username}":                                     {"user.rename", "modify"},
	"DELETE /admin/users/{username}":                                    {"user.destroy", "remove"},
	"PUT /users/{username}/site_admin":                                  {"user.promote", "modify"},
	"DELETE /users/{username}/site_admin":                               {"user.demote", "modify"},
	"PUT /users/{username}/suspended":                                   {"user.suspend", "modify"},
	"DELETE /users/{username}/suspended":                                {"user.unsuspend", "modify"},
	"POST /admin/users/{username}/authorizations":                       {"oauth_access.create", "create"},
	"DELETE /admin/keys/{key_ids}":                                      {"public_key.delete", "remove"},
	"DELETE /admin/tokens/{token_id}":                                   {"oauth_access.destroy", "remove"},
	"POST /admin/organizations":                                         {"org.create", "create"},
	"PATCH /admin/organizations/{org}":                                  {"org.rename", "modify"},
	"POST /admin/hooks":                                                 {"hook.create", "create"},
	"PATCH /admin/hooks/{hook_id}":                                      {"hook.config_changed", "modify"},
	"DELETE /admin/hooks/{hook_id}":                                     {"hook.destroy", "remove"},
	"POST /admin/pre-receive-hooks":                                     {"pre_receive_hook.create", "create"},
	"PATCH /admin/pre-receive-hooks/{id}":                               {"pre_receive_hook.update", "modify"},
	"DELETE /admin/pre-receive-hooks/{id}":                              {"pre_receive_hook.destroy", "remove"},
	"POST /enterprises/{enterprise}/actions/runner-groups":              {"enterprise.runner_group_created", "create"},
	"DELETE /enterprises/{enterprise}/actions/runner-groups/{group_id}": {"enterprise.runner_group_removed", "remove"},
	"POST /enterprises/{enterprise}/audit-log/streams":                  {"audit_log_streaming.create", "create"},
	"PUT /enterprises/{enterprise}/audit-log/streams/{stream_id}":       {"audit_log_streaming.update", "modify"},
	"DELETE /enterprises/{enterprise}/audit-log/streams/{stream_id}":    {"audit_log_streaming.destroy", "remove"},
}

// recordAudit records the change a route made, when it succeeded and the
// route is one of auditActions. route calls it after every handler.
func (s *Server) recordAudit(c *call, pattern string, status int) {
	if status < 200 || status > 299 || c.actor == nil {
		return
	}
	a, ok := auditActions[pattern]
	if !ok {
		return
	}
	st := c.s.st
	e := &auditRec{id: st.id(), action: a[0], opType: a[1], actor: c.actor.login, actorID: c.actor.id, at: s.now()}
	e.user = c.r.PathValue("username")
	e.org = c.r.PathValue("org")
	if id, err := strconv.ParseInt(c.r.PathValue("hook_id"), 10, 64); err == nil {
		e.hookID = id
	}
	switch pattern {
	case "POST /admin/users":
		if len(st.users) > 0 {
			e.user = st.users[len(st.users)-1].login
		}
	case "POST /admin/organizations":
		if len(st.orgs) > 0 {
			e.org = st.orgs[len(st.orgs)-1].login
		}
	case "POST /admin/hooks":
		if len(st.hooks) > 0 {
			e.hookID = st.hooks[len(st.hooks)-1].id
		}
	}
	st.audit.events = append(st.audit.events, e)
}

// AuditEvent is an event of the fake's audit log, as a test seeds it
// (WithAuditEvents) or reads it (Server.AuditEvents).
type AuditEvent struct {
	Action string
	Actor  string
	User   string
	Org    string
	At     time.Time
}

// WithAuditEvents seeds the audit log with events older than anything the
// fake records, such as a dormant user's last sign-in.
func WithAuditEvents(events ...AuditEvent) Option {
	return func(c *config) error {
		for _, e := range events {
			if e.Action == "" || e.At.IsZero() {
				return fmt.Errorf("ghestest: WithAuditEvents: an event needs an Action and a time")
			}
		}
		c.audit.events = append(c.audit.events, events...)
		return nil
	}
}

// WithLastActive sets when users were last active (by login), as the
// dormant_users, active_users and all_users reports show it. A user without
// one was last active when it was created.
func WithLastActive(lastActive map[string]time.Time) Option {
	return func(c *config) error {
		if c.audit.lastActive == nil {
			c.audit.lastActive = map[string]time.Time{}
		}
		for login, t := range lastActive {
			c.audit.lastActive[strings.ToLower(login)] = t
		}
		return nil
	}
}

// auditConfig is what the audit options seed.
type auditConfig struct {
	events     []AuditEvent
	lastActive map[string]time.Time
}

// AuditEvents returns the audit log, oldest first.
func (s *Server) AuditEvents() []AuditEvent {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]AuditEvent, 0, len(s.st.audit.events))
	for _, e := range s.st.audit.events {
		out = append(out, AuditEvent{Action: e.action, Actor: e.actor, User: e.user, Org: e.org, At: e.at})
	}
	return out
}

// StreamSecrets returns the secrets a stream configuration was given, as
// the fake opened them with its stream key: tests check that what the
// client sealed is what arrived.
func (s *Server) StreamSecrets(id int64) map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.st.audit.streams {
		if r.id == id {
			return maps(r.secrets)
		}
	}
	return nil
}

func maps(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// seedAudit records the seeded audit events first, in time order.
func (s *Server) seedAudit(c *config) {
	// Seeded events come first, in time order.
	for _, e := range c.audit.events {
		s.st.audit.events = append(s.st.audit.events, &auditRec{id: s.st.id(), action: e.Action, actor: e.Actor, user: e.User, org: e.Org, at: e.At, opType: "modify"})
	}
	slices.SortStableFunc(s.st.audit.events, func(a, b *auditRec) int { return a.at.Compare(b.at) })
}

// auditFilter is a parsed phrase.
type auditFilter struct {
	terms []auditTerm
	from  time.Time // inclusive
	to    time.Time // exclusive
}

type auditTerm struct {
	key, value string
	negate     bool
}

// parseAuditPhrase reads the qualifiers GHES documents for admins:
// action:, actor:, user:, org: (a trailing * matches a prefix, a leading -
// negates) and created: (DATE, >DATE, >=DATE, <DATE, <=DATE, DATE..DATE).
func parseAuditPhrase(phrase string) (auditFilter, string) {
	var f auditFilter
	for _, tok := range strings.Fields(phrase) {
		neg := strings.HasPrefix(tok, "-")
		key, val, ok := strings.Cut(strings.TrimPrefix(tok, "-"), ":")
		if !ok {
			return f, fmt.Sprintf("%q is not a qualifier (key:value)", tok)
		}
		val = strings.Trim(val, `"`)
		switch key {
		case "action", "actor", "user", "org":
			if val == "" {
				return f, fmt.Sprintf("%s: has no value", key)
			}
			f.terms = append(f.terms, auditTerm{key: key, value: strings.ToLower(val), negate: neg})
		case "created":
			if neg {
				return f, "created: cannot be negated"
			}
			if msg := f.created(val); msg != "" {
				return f, msg
			}
		default:
			return f, fmt.Sprintf("%q is not a qualifier of the audit log", key)
		}
	}
	return f, ""
}

func auditDate(s string) (time.Time, bool, bool) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, true, true
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, false, true
	}
	return time.Time{}, false, false
}

// created sets the bounds of a created: qualifier.
func (f *auditFilter) created(v string) string {
	bad := fmt.Sprintf("created:%s is not a date or a range of dates", v)
	bound := func(s string, upper, inclusive bool) bool {
		t, day, ok := auditDate(s)
		if !ok {
			return false
		}
		if upper {
			if inclusive && day {
				t = t.AddDate(0, 0, 1)
			} else if inclusive {
				t = t.Add(time.Nanosecond)
			}
			f.to = t
		} else {
			if !inclusive {
				if day {
					t = t.AddDate(0, 0, 1)
				} else {
					t = t.Add(time.Nanosecond)
				}
			}
			f.from = t
		}
		return true
	}
	var ok bool
	switch {
	case strings.HasPrefix(v, ">="):
		ok = bound(v[2:], false, true)
	case strings.HasPrefix(v, ">"):
		ok = bound(v[1:], false, false)
	case strings.HasPrefix(v, "<="):
		ok = bound(v[2:], true, true)
	case strings.HasPrefix(v, "<"):
		ok = bound(v[1:], true, false)
	case strings.Contains(v, ".."):
		lo, hi, _ := strings.Cut(v, "..")
		ok = bound(lo, false, true) && bound(hi, true, true)
	default:
		ok = bound(v, false, true) && bound(v, true, true)
	}
	if !ok {
		return bad
	}
	return ""
}

func (f auditFilter) match(e *auditRec) bool {
	if !f.from.IsZero() && e.at.Before(f.from) {
		return false
	}
	if !f.to.IsZero() && !e.at.Before(f.to) {
		return false
	}
	for _, t := range f.terms {
		var have string
		switch t.key {
		case "action":
			have = e.action
		case "actor":
			have = e.actor
		case "user":
			have = e.user
		case "org":
			have = e.org
		}
		have = strings.ToLower(have)
		hit := have == t.value
		if p, ok := strings.CutSuffix(t.value, "*"); ok {
			hit = strings.HasPrefix(have, p)
		}
		if hit == t.negate {
			return false
		}
	}
	return true
}

func auditCursor(id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("event:" + strconv.FormatInt(id, 10)))
}

func parseAuditCursor(s string) (int64, bool) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return 0, false
	}
	v, ok := strings.CutPrefix(string(b), "event:")
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(v, 10, 64)
	return id, err == nil
}

func (c *call) auditInvalid(msg string) {
	c.json(http.StatusUnprocessableEntity, errBody{Message: msg, DocumentationURL: docsBase + "/enterprise-admin/audit-log"})
}

func hAuditLog(c *call) {
	q := c.r.URL.Query()
	f, msg := parseAuditPhrase(q.Get("phrase"))
	if msg != "" {
		c.auditInvalid("Invalid phrase: " + msg)
		return
	}
	include := q.Get("include")
	switch include {
	case "", "web", "all", "git":
	default:
		c.auditInvalid("include must be one of web, git, all")
		return
	}
	order := q.Get("order")
	switch order {
	case "", "desc", "asc":
	default:
		c.auditInvalid("order must be asc or desc")
		return
	}
	perPage := defaultPerPage
	if v, err := strconv.Atoi(q.Get("per_page")); err == nil && v > 0 {
		perPage = min(v, maxPerPage)
	}
	var events []*auditRec
	if include != "git" { // every event of the fake is a web event
		for _, e := range c.s.st.audit.events {
			if f.match(e) {
				events = append(events, e)
			}
		}
	}
	if order != "asc" {
		slices.Reverse(events)
	}
	start, end := 0, len(events)
	pos := func(cursor string) (int, bool) {
		id, ok := parseAuditCursor(cursor)
		if !ok {
			return 0, false
		}
		i := slices.IndexFunc(events, func(e *auditRec) bool { return e.id == id })
		return i, i >= 0
	}
	switch after, before := q.Get("after"), q.Get("before"); {
	case after != "" && before != "":
		c.auditInvalid("after and before cannot be used together")
		return
	case after != "":
		i, ok := pos(after)
		if !ok {
			c.auditInvalid("after is not a valid cursor")
			return
		}
		start = i + 1
		end = min(start+perPage, len(events))
	case before != "":
		i, ok := pos(before)
		if !ok {
			c.auditInvalid("before is not a valid cursor")
			return
		}
		end = i
		start = max(0, end-perPage)
	default:
		page := 1
		if v, err := strconv.Atoi(q.Get("page")); err == nil && v > 0 {
			page = v
		}
		start = min((page-1)*perPage, len(events))
		end = min(start+perPage, len(events))
	}
	pageEvents := events[start:end]
	var links []string
	link := func(rel, key, cursor string) {
		v := url.Values{}
		for _, k := range []string{"phrase", "include", "order"} {
			if q.Get(k) != "" {
				v.Set(k, q.Get(k))
			}
		}
		v.Set(key, cursor)
		v.Set("per_page", strconv.Itoa(perPage))
		links = append(links, "<"+c.apiBase()+c.r.URL.EscapedPath()+"?"+v.Encode()+`>; rel="`+rel+`"`)
	}
	if len(pageEvents) > 0 {
		if end < len(events) {
			link("next", "after", auditCursor(pageEvents[len(pageEvents)-1].id))
		}
		if start > 0 {
			link("prev", "before", auditCursor(pageEvents[0].id))
		}
	}
	if len(links) > 0 {
		c.w.Header().Set("Link", strings.Join(links, ", "))
	}
	out := make([]map[string]any, 0, len(pageEvents))
	for _, e := range pageEvents {
		out = append(out, c.auditJSON(e))
	}
	c.json(http.StatusOK, out)
}

func (c *call) auditJSON(e *auditRec) map[string]any {
	ms := e.at.UnixMilli()
	m := map[string]any{
		"@timestamp":     ms,
		"_document_id":   auditCursor(e.id),
		"action":         e.action,
		"actor":          e.actor,
		"created_at":     ms,
		"business":       c.s.cfg.enterprise,
		"business_id":    1,
		"operation_type": e.opType,
		"actor_location": map[string]any{"country_name": "United Kingdom", "country_code": "GB"},
		"actor_ip":       "127.0.0.1",
	}
	if e.actorID != 0 {
		m["actor_id"] = e.actorID
	}
	if e.user != "" {
		m["user"] = e.user
		if u := c.s.st.userByLogin(e.user); u != nil {
			m["user_id"] = u.id
		}
	}
	if e.org != "" {
		m["org"] = e.org
		if o := c.s.st.orgByLogin(e.org); o != nil {
			m["org_id"] = o.id
		}
	}
	if e.hookID != 0 {
		m["hook_id"] = e.hookID
	}
	return m
}

// streamKey returns the fake's stream key pair, made on first use.
func (st *state) streamKey() (string, *[32]byte, *[32]byte, error) {
	a := &st.audit
	if a.pub == nil {
		pub, priv, err := box.GenerateKey(rand.Reader)
		if err != nil {
			return "", nil, nil, err
		}
		a.pub, a.priv, a.keyID = pub, priv, "ghestest-"+strconv.FormatInt(st.id(), 10)
	}
	return a.keyID, a.pub, a.priv, nil
}

func hStreamKey(c *call) {
	id, pub, _, err := c.s.st.streamKey()
	if err != nil {
		c.json(http.StatusInternalServerError, errBody{Message: "Server Error"})
		return
	}
	c.json(http.StatusOK, map[string]string{"key_id": id, "key": base64.StdEncoding.EncodeToString(pub[:])})
}

// toStreamJSON is the audit-log stream r.
func toStreamJSON(r *streamRec) obj {
	return obj{
		{"id", r.id}, {"stream_type", r.streamType}, {"stream_details", r.details}, {"enabled", r.enabled},
		{"created_at", r.createdAt}, {"updated_at", r.updatedAt}, {"paused_at", r.pausedAt},
	}
}

func hListStreams(c *call) {
	out := make([]obj, 0, len(c.s.st.audit.streams))
	for _, r := range c.s.st.audit.streams {
		out = append(out, toStreamJSON(r))
	}
	c.json(http.StatusOK, out)
}

func (c *call) pathStream() *streamRec {
	return pathRecord(c, "stream_id", func(id int64) *streamRec {
		return find(c.s.st.audit.streams, func(r *streamRec) bool { return r.id == id })
	})
}

func hGetStream(c *call) {
	if r := c.pathStream(); r != nil {
		c.json(http.StatusOK, toStreamJSON(r))
	}
}

func hDeleteStream(c *call) {
	r := c.pathStream()
	if r == nil {
		return
	}
	c.s.st.audit.streams = slices.DeleteFunc(c.s.st.audit.streams, func(x *streamRec) bool { return x == r })
	c.noContent()
}

// streamVendors are the required vendor_specific keys of each stream type
// (a type with two shapes, Amazon S3, is told by authentication_type), and
// the key that describes the destination.
var streamVendors = map[string]struct {
	required []string
	details  string
}{
	"Azure Blob Storage":    {[]string{"key_id", "encrypted_sas_url", "container"}, "container"},
	"Azure Event Hubs":      {[]string{"name", "encrypted_connstring", "key_id"}, "name"},
	"Amazon S3/oidc":        {[]string{"arn_role", "authentication_type", "bucket", "key_id", "region"}, "bucket"},
	"Amazon S3/access_keys": {[]string{"authentication_type", "bucket", "encrypted_access_key_id", "encrypted_secret_key", "key_id", "region"}, "bucket"},
	"Splunk":                {[]string{"domain", "encrypted_token", "key_id", "port", "ssl_verify"}, "domain"},
	"HTTPS Event Collector": {[]string{"domain", "encrypted_token", "path", "key_id", "port", "ssl_verify"}, "domain"},
	"Google Cloud Storage":  {[]string{"bucket", "key_id", "encrypted_json_credentials"}, "bucket"},
	"Datadog":               {[]string{"encrypted_token", "site", "key_id"}, "site"},
}

// streamErrors answers the 422 of the stream endpoints ({"errors": [...]}).
func (c *call) streamErrors(msgs ...string) {
	c.json(http.StatusUnprocessableEntity, map[string]any{"message": "Validation Failed", "errors": msgs, "documentation_url": docsBase + "/enterprise-admin/audit-log"})
}

// decodeStream validates a stream configuration body and opens its sealed
// secrets with the fake's key; it answers 422 and returns false when the
// body is not one GHES accepts.
func (c *call) decodeStream(r *streamRec) bool {
	var body struct {
		Enabled        *bool          `json:"enabled"`
		StreamType     *string        `json:"stream_type"`
		VendorSpecific map[string]any `json:"vendor_specific"`
	}
	if !c.decode(&body, false) {
		return false
	}
	if body.Enabled == nil || body.StreamType == nil || body.VendorSpecific == nil {
		c.streamErrors("enabled, stream_type and vendor_specific are required")
		return false
	}
	typ := *body.StreamType
	key := typ
	if typ == "Amazon S3" {
		at, _ := body.VendorSpecific["authentication_type"].(string)
		key = typ + "/" + at
	}
	v, ok := streamVendors[key]
	if !ok {
		c.streamErrors(fmt.Sprintf("stream_type %q (or its authentication_type) is not supported", typ))
		return false
	}
	for _, k := range v.required {
		if _, ok := body.VendorSpecific[k]; !ok {
			c.streamErrors(fmt.Sprintf("vendor_specific.%s is required for %s", k, typ))
			return false
		}
	}
	keyID, _, priv, err := c.s.st.streamKey()
	if err != nil {
		c.json(http.StatusInternalServerError, errBody{Message: "Server Error"})
		return false
	}
	pub := c.s.st.audit.pub
	if got, _ := body.VendorSpecific["key_id"].(string); got != keyID {
		c.streamErrors("vendor_specific.key_id is not the enterprise's current stream key")
		return false
	}
	secrets := map[string]string{}
	for k, val := range body.VendorSpecific {
		if !strings.HasPrefix(k, "encrypted_") {
			continue
		}
		s, _ := val.(string)
		sealed, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			c.streamErrors("vendor_specific." + k + " is not Base64")
			return false
		}
		plain, ok := box.OpenAnonymous(nil, sealed, pub, priv)
		if !ok {
			c.streamErrors("vendor_specific." + k + " could not be decrypted with the stream key")
			return false
		}
		secrets[k] = string(plain)
	}
	now := c.s.now()
	r.streamType, r.enabled, r.secrets, r.vendor, r.updatedAt = typ, *body.Enabled, secrets, body.VendorSpecific, now
	r.details = fmt.Sprint(body.VendorSpecific[v.details])
	switch {
	case !r.enabled && r.pausedAt == nil:
		r.pausedAt = &now
	case r.enabled:
		r.pausedAt = nil
	}
	return true
}

func hCreateStream(c *call) {
	r := &streamRec{}
	if !c.decodeStream(r) {
		return
	}
	r.id, r.createdAt = c.s.st.id(), r.updatedAt
	c.s.st.audit.streams = append(c.s.st.audit.streams, r)
	c.json(http.StatusOK, toStreamJSON(r))
}

func hUpdateStream(c *call) {
	r := c.pathStream()
	if r == nil {
		return
	}
	cp := *r
	if !c.decodeStream(&cp) {
		return
	}
	*r = cp
	c.json(http.StatusOK, toStreamJSON(r))
}

// statusWriter remembers the status a handler answered, for recordAudit.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// auditlogRoutes are the routes of the audit log and its streams.
var auditlogRoutes = []route{
	{"GET /enterprises/{enterprise}/audit-log", accessAdmin, "", ent(hAuditLog)},
}
