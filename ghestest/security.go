package ghestest

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// securityState is the state of code security and analysis, code security
// configurations, custom properties, push protection patterns and the
// alerts. It is built from the seeds on first use (s.mu held).
type securityState struct {
	ready bool

	analysis map[string]any // code_security_and_analysis
	enabled  map[string]bool
	configs  []*secConfig
	attached map[int64]int64 // repository ID → configuration ID
	props    []*propRec
	orgProps []*propRec
	patterns []*patternRec
	patVer   int

	code   []*codeAlert
	dep    []*depAlert
	secret []*secretAlert
}

type secConfig struct {
	id               int64
	name, desc       string
	settings         map[string]any
	defaultFor       string
	created, updated time.Time
}

type propRec struct {
	org        string
	name       string
	valueType  string
	required   bool
	defaultVal any
	allowed    []string
	editableBy *string
	desc       *string
}

type patternRec struct {
	tokenType, name, setting string
}

type codeAlert struct {
	number int64
	repo   *repoRec
	seed   CodeScanningAlert
}

type depAlert struct {
	number int64
	repo   *repoRec
	seed   DependabotAlert
}

type secretAlert struct {
	number int64
	repo   *repoRec
	seed   SecretScanningAlert
}

// sec returns the security state, seeding it on first use.
func (c *call) sec() *securityState {
	st := &c.s.st.sec
	if st.ready {
		return st
	}
	st.ready = true
	st.analysis = map[string]any{
		"advanced_security_enabled_for_new_repositories":                     false,
		"dependabot_alerts_enabled_for_new_repositories":                     false,
		"secret_scanning_enabled_for_new_repositories":                       false,
		"secret_scanning_push_protection_enabled_for_new_repositories":       false,
		"secret_scanning_push_protection_custom_link":                        nil,
		"secret_scanning_non_provider_patterns_enabled_for_new_repositories": false,
	}
	st.enabled = map[string]bool{}
	st.attached = map[int64]int64{}
	st.patterns = []*patternRec{
		{"github_personal_access_token", "GitHub Personal Access Token", "not-set"},
		{"aws_access_key_id", "Amazon AWS Access Key ID", "not-set"},
		{"slack_api_token", "Slack API Token", "not-set"},
	}
	st.patVer = 1
	seed := c.s.cfg.security
	now := c.s.now()
	byName := func(full string) *repoRec {
		owner, name, _ := strings.Cut(full, "/")
		return c.s.st.repoByName(owner, name)
	}
	for i, a := range seed.codeScanning {
		if a.CreatedAt.IsZero() {
			a.CreatedAt = now.Add(-time.Duration(len(seed.codeScanning)-i) * time.Hour)
		}
		st.code = append(st.code, &codeAlert{number: int64(i + 1), repo: byName(a.Repo), seed: a})
	}
	for i, a := range seed.dependabot {
		if a.CreatedAt.IsZero() {
			a.CreatedAt = now.Add(-time.Duration(len(seed.dependabot)-i) * time.Hour)
		}
		st.dep = append(st.dep, &depAlert{number: int64(i + 1), repo: byName(a.Repo), seed: a})
	}
	for i, a := range seed.secretScanning {
		if a.CreatedAt.IsZero() {
			a.CreatedAt = now.Add(-time.Duration(len(seed.secretScanning)-i) * time.Hour)
		}
		st.secret = append(st.secret, &secretAlert{number: int64(i + 1), repo: byName(a.Repo), seed: a})
	}
	for _, p := range seed.orgProperties {
		vt := p.ValueType
		if vt == "" {
			vt = "string"
		}
		var def any
		if p.DefaultValue != "" {
			def = p.DefaultValue
		}
		st.orgProps = append(st.orgProps, &propRec{org: p.Org, name: p.Name, valueType: vt, required: p.Required, defaultVal: def, allowed: p.AllowedValues})
	}
	return st
}

// ---- code security and analysis ----

func hGetAnalysis(c *call) {
	out := map[string]any{}
	for k, v := range c.sec().analysis {
		out[k] = v
	}
	if c.atLeast(3, 13) {
		out["advanced_security_enabled_for_new_user_namespace_repositories"] = c.sec().enabled["new_user_namespace"]
	}
	c.json(http.StatusOK, out)
}

func hPatchAnalysis(c *call) {
	var b map[string]any
	if !c.decode(&b, false) {
		return
	}
	st := c.sec()
	for k, v := range b {
		switch k {
		case "secret_scanning_push_protection_custom_link":
			if _, ok := v.(string); !ok && v != nil {
				c.invalid("CodeSecurityAndAnalysis", k, "invalid", k+" must be a string or null")
				return
			}
		case "advanced_security_enabled_new_user_namespace_repos":
			bv, ok := v.(bool)
			if !ok {
				c.invalid("CodeSecurityAndAnalysis", k, "invalid", k+" must be a boolean")
				return
			}
			st.enabled["new_user_namespace"] = bv
			continue
		default:
			if _, known := st.analysis[k]; !known {
				c.invalid("CodeSecurityAndAnalysis", k, "invalid", k+" is not a known setting")
				return
			}
			if _, ok := v.(bool); !ok && v != nil {
				c.invalid("CodeSecurityAndAnalysis", k, "invalid", k+" must be a boolean")
				return
			}
		}
		if v != nil || k == "secret_scanning_push_protection_custom_link" {
			if s, ok := v.(string); ok && s == "" {
				v = nil
			}
			st.analysis[k] = v
		}
	}
	c.noContent()
}

func hSetFeature(c *call) {
	products := []string{"advanced_security", "dependabot_alerts", "secret_scanning", "secret_scanning_push_protection"}
	if c.atLeast(3, 13) {
		products = append(products, "advanced_security_user_namespace")
	}
	if c.atLeast(3, 15) {
		products = append(products, "secret_scanning_non_provider_patterns")
	}
	p, en := c.r.PathValue("security_product"), c.r.PathValue("enablement")
	if !slices.Contains(products, p) || (en != "enable_all" && en != "disable_all") {
		c.notFound()
		return
	}
	c.sec().enabled[p] = en == "enable_all"
	c.noContent()
}

// ---- code security configurations ----

// configSettingKeys are the settings a configuration request may set, each
// with the values it takes: most are enabled, disabled or not_set.
var configSettingKeys = func() map[string][]string {
	keys := map[string][]string{
		"advanced_security": {"enabled", "disabled", "code_security", "secret_protection"},
		"enforcement":       {"enforced", "unenforced"},
	}
	for _, k := range []string{"code_security", "secret_protection", "dependency_graph", "dependabot_alerts",
		"dependabot_security_updates", "code_scanning_default_setup", "code_scanning_delegated_alert_dismissal",
		"secret_scanning", "secret_scanning_push_protection", "secret_scanning_validity_checks",
		"secret_scanning_non_provider_patterns", "secret_scanning_delegated_alert_dismissal", "private_vulnerability_reporting"} {
		keys[k] = []string{"enabled", "disabled", "not_set"}
	}
	return keys
}()

// The keys of a configuration that GHES's reply schema lists (the others
// a request may set are kept but not shown).
var configReplyKeys = []string{"advanced_security", "dependency_graph", "dependabot_alerts", "dependabot_security_updates",
	"code_scanning_default_setup", "secret_scanning", "secret_scanning_push_protection", "secret_scanning_validity_checks",
	"secret_scanning_non_provider_patterns", "enforcement"}

func (c *call) configJSON(cf *secConfig) map[string]any {
	out := map[string]any{
		"id": cf.id, "name": cf.name, "description": cf.desc, "target_type": "enterprise",
		"url":        fmt.Sprintf("%s/enterprises/%s/code-security/configurations/%d", c.apiBase(), c.s.cfg.enterprise, cf.id),
		"html_url":   fmt.Sprintf("%s/enterprises/%s/settings/security_analysis/configurations/%d/edit", c.webBase(), c.s.cfg.enterprise, cf.id),
		"created_at": cf.created.UTC().Format(time.RFC3339),
		"updated_at": cf.updated.UTC().Format(time.RFC3339),
	}
	for _, k := range configReplyKeys {
		if v, ok := cf.settings[k]; ok {
			out[k] = v
		}
	}
	if c.atLeast(3, 17) {
		for _, k := range []string{"code_scanning_delegated_alert_dismissal", "secret_scanning_delegated_alert_dismissal"} {
			if v, ok := cf.settings[k]; ok {
				out[k] = v
			}
		}
	}
	if v, ok := cf.settings["code_scanning_default_setup_options"]; ok {
		out["code_scanning_default_setup_options"] = v
	}
	return out
}

// applyConfig checks and applies a create or update body; it answers the
// 422 and returns false on a bad one.
func (c *call) applySecConfig(cf *secConfig, b map[string]any, create bool) bool {
	for k, v := range b {
		switch k {
		case "name", "description":
			s, ok := v.(string)
			if !ok || s == "" {
				c.invalid("CodeSecurityConfiguration", k, "invalid", k+" must be a non-empty string")
				return false
			}
			if k == "description" && len(s) > 255 {
				c.invalid("CodeSecurityConfiguration", k, "invalid", "description is too long (maximum is 255 characters)")
				return false
			}
			if k == "name" {
				for _, o := range c.sec().configs {
					if o != cf && strings.EqualFold(o.name, s) {
						c.invalid("CodeSecurityConfiguration", "name", "already_exists", "Name has already been taken")
						return false
					}
				}
				cf.name = s
			} else {
				cf.desc = s
			}
		case "code_scanning_default_setup_options":
			if v == nil {
				delete(cf.settings, k)
				continue
			}
			o, ok := v.(map[string]any)
			if rt, _ := o["runner_type"].(string); !ok || (rt != "" && rt != "standard" && rt != "labeled" && rt != "not_set") {
				c.invalid("CodeSecurityConfiguration", k, "invalid", "runner_type must be standard, labeled or not_set")
				return false
			}
			cf.settings[k] = o
		case "code_scanning_options":
			cf.settings[k] = v
		default:
			allowed, known := configSettingKeys[k]
			s, _ := v.(string)
			if !known {
				c.invalid("CodeSecurityConfiguration", k, "invalid", k+" is not a known setting")
				return false
			}
			if !slices.Contains(allowed, s) {
				c.invalid("CodeSecurityConfiguration", k, "invalid", fmt.Sprintf("%s must be one of %s", k, strings.Join(allowed, ", ")))
				return false
			}
			cf.settings[k] = s
		}
	}
	if create && (cf.name == "" || cf.desc == "") {
		c.invalid("CodeSecurityConfiguration", "name", "missing_field", "name and description are required")
		return false
	}
	return true
}

func hListConfigs(c *call) {
	st := c.sec()
	items := make([]map[string]any, 0, len(st.configs))
	for _, cf := range st.configs {
		items = append(items, c.configJSON(cf))
	}
	page, ok := cursorPage(c, items, func(i int) string { return strconv.FormatInt(st.configs[i].id, 10) })
	if ok {
		c.json(http.StatusOK, page)
	}
}

func hCreateConfig(c *call) {
	var b map[string]any
	if !c.decode(&b, false) {
		return
	}
	now := c.s.now()
	cf := &secConfig{settings: map[string]any{
		"advanced_security": "disabled", "dependency_graph": "enabled", "dependabot_alerts": "disabled",
		"dependabot_security_updates": "disabled", "code_scanning_default_setup": "disabled",
		"secret_scanning": "disabled", "secret_scanning_push_protection": "disabled",
		"secret_scanning_validity_checks": "disabled", "secret_scanning_non_provider_patterns": "disabled",
		"enforcement": "enforced",
	}, created: now, updated: now}
	if !c.applySecConfig(cf, b, true) {
		return
	}
	cf.id = c.s.st.id()
	st := c.sec()
	st.configs = append(st.configs, cf)
	c.json(http.StatusCreated, c.configJSON(cf))
}

func (c *call) pathConfig() *secConfig {
	st := c.sec()
	return pathRecord(c, "configuration_id", func(id int64) *secConfig {
		return find(st.configs, func(cf *secConfig) bool { return cf.id == id })
	})
}

func hGetConfig(c *call) {
	if cf := c.pathConfig(); cf != nil {
		c.json(http.StatusOK, c.configJSON(cf))
	}
}

func hUpdateConfig(c *call) {
	cf := c.pathConfig()
	if cf == nil {
		return
	}
	var b map[string]any
	if !c.decode(&b, true) {
		return
	}
	saved := *cf
	saved.settings = map[string]any{}
	for k, v := range cf.settings {
		saved.settings[k] = v
	}
	if !c.applySecConfig(cf, b, false) {
		*cf = saved
		return
	}
	cf.updated = c.s.now()
	c.json(http.StatusOK, c.configJSON(cf))
}

func hDeleteConfig(c *call) {
	cf := c.pathConfig()
	if cf == nil {
		return
	}
	st := c.sec()
	st.configs = slices.DeleteFunc(st.configs, func(o *secConfig) bool { return o == cf })
	for repo, id := range st.attached {
		if id == cf.id {
			delete(st.attached, repo)
		}
	}
	c.noContent()
}

// configChoice is the configuration the path names and the value of the
// body's string member field, one of allowed; it answers the error and
// returns nil otherwise.
func (c *call) configChoice(field string, allowed ...string) (*secConfig, string) {
	cf := c.pathConfig()
	if cf == nil {
		return nil, ""
	}
	v, ok := c.bodyString(field)
	if !ok || !c.oneOf("CodeSecurityConfiguration", field, v, allowed...) {
		return nil, ""
	}
	return cf, v
}

func hAttachConfig(c *call) {
	cf, scope := c.configChoice("scope", "all", "all_without_configurations")
	if cf == nil {
		return
	}
	st := c.sec()
	for _, r := range c.s.st.repos {
		if _, has := st.attached[r.id]; scope == "all" || !has {
			st.attached[r.id] = cf.id
		}
	}
	c.json(http.StatusAccepted, map[string]any{})
}

func hSetConfigDefault(c *call) {
	cf, def := c.configChoice("default_for_new_repos", "all", "none", "private_and_internal", "public")
	if cf == nil {
		return
	}
	if def != "none" {
		for _, o := range c.sec().configs { // one default per kind of repository
			if o != cf && (o.defaultFor == def || def == "all") {
				o.defaultFor = ""
			}
		}
		cf.defaultFor = def
	} else {
		cf.defaultFor = ""
	}
	c.json(http.StatusOK, map[string]any{"default_for_new_repos": def, "configuration": c.configJSON(cf)})
}

func hConfigDefaults(c *call) {
	out := []map[string]any{}
	for _, cf := range c.sec().configs {
		if cf.defaultFor != "" {
			out = append(out, map[string]any{"default_for_new_repos": cf.defaultFor, "configuration": c.configJSON(cf)})
		}
	}
	c.json(http.StatusOK, out)
}

func hConfigRepos(c *call) {
	cf := c.pathConfig()
	if cf == nil {
		return
	}
	status := c.r.URL.Query().Get("status")
	want := map[string]bool{}
	for _, s := range strings.Split(status, ",") {
		if s != "" && s != "all" {
			want[s] = true
		}
	}
	st := c.sec()
	var repos []*repoRec
	var items []map[string]any
	for _, r := range c.s.st.repos {
		if st.attached[r.id] != cf.id || (len(want) > 0 && !want["attached"]) {
			continue
		}
		repos = append(repos, r)
		items = append(items, map[string]any{"status": "attached", "repository": c.simpleRepoJSON(r)})
	}
	page, ok := cursorPage(c, items, func(i int) string { return strconv.FormatInt(repos[i].id, 10) })
	if ok {
		c.json(http.StatusOK, page)
	}
}

// simpleRepoJSON is GHES's simple-repository of r.
func (c *call) simpleRepoJSON(r *repoRec) map[string]any {
	api := c.apiBase() + "/repos/" + r.fullName()
	owner := c.s.st.userByLogin(r.owner)
	var ownerJSON any
	if owner != nil {
		ownerJSON = c.userJSON(owner)
	} else if o := c.s.st.orgByLogin(r.owner); o != nil {
		ownerJSON = c.userJSON(&userRec{id: o.id, login: o.login}).set("type", "Organization")
	}
	out := map[string]any{
		"id": r.id, "node_id": nodeID("Repository", r.id), "name": r.name, "full_name": r.fullName(),
		"owner": ownerJSON, "private": false, "html_url": c.webBase() + "/" + r.fullName(), "description": nil,
		"fork": r.fork, "url": api,
	}
	for _, k := range []string{"archive_url", "assignees_url", "blobs_url", "branches_url", "collaborators_url", "comments_url",
		"commits_url", "compare_url", "contents_url", "contributors_url", "deployments_url", "downloads_url", "events_url",
		"forks_url", "git_commits_url", "git_refs_url", "git_tags_url", "issue_comment_url", "issue_events_url", "issues_url",
		"keys_url", "labels_url", "languages_url", "merges_url", "milestones_url", "notifications_url", "pulls_url",
		"releases_url", "stargazers_url", "statuses_url", "subscribers_url", "subscription_url", "tags_url", "teams_url",
		"trees_url", "hooks_url"} {
		out[k] = api + "/" + strings.ReplaceAll(strings.TrimSuffix(k, "_url"), "_", "/")
	}
	return out
}

// cursorPage returns the page of items the request's before/after cursors
// and per_page select, and sets the Link header with next and prev
// relations carrying the cursors. keyOf gives item i's cursor. An unknown
// cursor answers 422 as GHES does.
func cursorPage[T any](c *call, items []T, keyOf func(int) string) ([]T, bool) {
	q := c.r.URL.Query()
	perPage := defaultPerPage
	if v, err := strconv.Atoi(q.Get("per_page")); err == nil && v > 0 {
		perPage = min(v, maxPerPage)
	}
	index := func(cursor string) int {
		raw, err := base64.RawURLEncoding.DecodeString(cursor)
		if err != nil {
			return -1
		}
		for i := range items {
			if keyOf(i) == string(raw) {
				return i
			}
		}
		return -1
	}
	start, end := 0, min(perPage, len(items))
	switch {
	case q.Get("after") != "" && q.Get("before") != "":
		c.invalid("", "after", "invalid", "before and after cannot be used together")
		return nil, false
	case q.Get("after") != "":
		i := index(q.Get("after"))
		if i < 0 {
			c.invalid("", "after", "invalid", "the cursor is not valid")
			return nil, false
		}
		start, end = i+1, min(i+1+perPage, len(items))
	case q.Get("before") != "":
		i := index(q.Get("before"))
		if i < 0 {
			c.invalid("", "before", "invalid", "the cursor is not valid")
			return nil, false
		}
		start, end = max(0, i-perPage), i
	}
	cursor := func(i int) string { return base64.RawURLEncoding.EncodeToString([]byte(keyOf(i))) }
	var links []string
	link := func(key, val, rel string) {
		u := url.URL{Scheme: "http", Host: c.r.Host, Path: "/api/v3" + c.r.URL.Path}
		v := c.r.URL.Query()
		v.Del("after")
		v.Del("before")
		v.Del("page")
		v.Set(key, val)
		v.Set("per_page", strconv.Itoa(perPage))
		u.RawQuery = v.Encode()
		links = append(links, "<"+u.String()+`>; rel="`+rel+`"`)
	}
	if end < len(items) && end > start {
		link("after", cursor(end-1), "next")
	}
	if start > 0 && start < len(items) {
		link("before", cursor(start), "prev")
	}
	if len(links) > 0 {
		c.w.Header().Set("Link", strings.Join(links, ", "))
	}
	if start >= end {
		return []T{}, true
	}
	return items[start:end], true
}
