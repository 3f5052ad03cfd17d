package ghestest

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ghesadmin/ghesadmin/internal/ops"
)

// atLeast reports whether the fake's release is major.minor or newer.
func (c *call) atLeast(major, minor int) bool {
	return c.s.release().Compare(ops.Release{Major: major, Minor: minor}) >= 0
}

// ---- custom properties ----

func (c *call) propJSON(p *propRec) map[string]any {
	src := "enterprise"
	if p.org != "" {
		src = "organization"
	}
	out := map[string]any{
		"property_name": p.name, "value_type": p.valueType, "required": p.required,
		"url":            fmt.Sprintf("%s/enterprises/%s/properties/schema/%s", c.apiBase(), c.s.cfg.enterprise, p.name),
		"source_type":    src,
		"default_value":  p.defaultVal,
		"allowed_values": p.allowed,
	}
	if p.editableBy != nil {
		out["values_editable_by"] = *p.editableBy
	}
	if p.desc != nil {
		out["description"] = *p.desc
	}
	return out
}

type propBody struct {
	PropertyName     *string `json:"property_name"`
	ValueType        string  `json:"value_type"`
	Required         *bool   `json:"required"`
	DefaultValue     any     `json:"default_value"`
	AllowedValues    []any   `json:"allowed_values"`
	ValuesEditableBy *string `json:"values_editable_by"`
	Description      *string `json:"description"`
}

// checkProp builds a property from a body, answering GHES's 422s.
func (c *call) checkProp(name string, b *propBody) (*propRec, bool) {
	bad := func(field, msg string) (*propRec, bool) {
		c.invalid("CustomProperty", field, "invalid", msg)
		return nil, false
	}
	if name == "" || len(name) > 75 || strings.ContainsAny(name, " \"'\\") {
		return bad("property_name", "Property name is invalid")
	}
	switch b.ValueType {
	case "string", "single_select", "multi_select", "true_false":
	case "":
		c.invalid("CustomProperty", "value_type", "missing_field", "value_type is required")
		return nil, false
	default:
		return bad("value_type", "value_type must be one of string, single_select, multi_select, true_false")
	}
	p := &propRec{name: name, valueType: b.ValueType, editableBy: b.ValuesEditableBy, desc: b.Description}
	if p.editableBy != nil && *p.editableBy != "org_actors" && *p.editableBy != "org_and_repo_actors" {
		return bad("values_editable_by", "values_editable_by must be org_actors or org_and_repo_actors")
	}
	assign(&p.required, b.Required)
	selects := b.ValueType == "single_select" || b.ValueType == "multi_select"
	if selects && len(b.AllowedValues) == 0 {
		return bad("allowed_values", "Allowed values are required for select properties")
	}
	if !selects && len(b.AllowedValues) > 0 {
		return bad("allowed_values", "Allowed values are only allowed for select properties")
	}
	if len(b.AllowedValues) > 200 {
		return bad("allowed_values", "Allowed values must not exceed 200 items")
	}
	for _, v := range b.AllowedValues {
		s, ok := v.(string)
		if !ok || s == "" || len([]rune(s)) > 75 {
			return bad("allowed_values", "Allowed values must be strings of 1 to 75 characters")
		}
		if slices.Contains(p.allowed, s) {
			return bad("allowed_values", "Allowed values must be unique")
		}
		p.allowed = append(p.allowed, s)
	}
	switch d := b.DefaultValue.(type) {
	case nil:
		if p.required {
			return bad("default_value", "Default value is required for required properties")
		}
	case string:
		if b.ValueType == "multi_select" {
			return bad("default_value", "Default value must be an array for multi_select properties")
		}
		if b.ValueType == "true_false" && d != "true" && d != "false" {
			return bad("default_value", "Default value must be true or false")
		}
		if b.ValueType == "single_select" && !slices.Contains(p.allowed, d) {
			return bad("default_value", "Default value must be one of the allowed values")
		}
		p.defaultVal = d
	case []any:
		if b.ValueType != "multi_select" {
			return bad("default_value", "Default value must be a string")
		}
		var vals []string
		for _, v := range d {
			s, _ := v.(string)
			if !slices.Contains(p.allowed, s) {
				return bad("default_value", "Default value must be one of the allowed values")
			}
			vals = append(vals, s)
		}
		p.defaultVal = vals
	default:
		return bad("default_value", "Default value must be a string or an array of strings")
	}
	return p, true
}

func (st *securityState) putProp(p *propRec) {
	for i, o := range st.props {
		if o.name == p.name {
			st.props[i] = p
			return
		}
	}
	st.props = append(st.props, p)
}

func hListProps(c *call) {
	out := []map[string]any{}
	for _, p := range c.sec().props {
		out = append(out, c.propJSON(p))
	}
	c.json(http.StatusOK, out)
}

func hPatchProps(c *call) {
	var b struct {
		Properties []propBody `json:"properties"`
	}
	if !c.decode(&b, false) {
		return
	}
	if len(b.Properties) == 0 || len(b.Properties) > 100 {
		c.invalid("CustomProperty", "properties", "invalid", "properties must have 1 to 100 items")
		return
	}
	var recs []*propRec
	for _, pb := range b.Properties {
		name := ""
		if pb.PropertyName != nil {
			name = *pb.PropertyName
		}
		p, ok := c.checkProp(name, &pb)
		if !ok {
			return // nothing is written when one definition is bad
		}
		recs = append(recs, p)
	}
	st := c.sec()
	out := []map[string]any{}
	for _, p := range recs {
		st.putProp(p)
		out = append(out, c.propJSON(p))
	}
	c.json(http.StatusOK, out)
}

func (c *call) pathProp() *propRec {
	name := c.r.PathValue("custom_property_name")
	p := find(c.sec().props, func(p *propRec) bool { return p.name == name })
	if p == nil {
		c.notFound()
	}
	return p
}

func hGetProp(c *call) {
	if p := c.pathProp(); p != nil {
		c.json(http.StatusOK, c.propJSON(p))
	}
}

func hPutProp(c *call) {
	var b propBody
	if !c.decode(&b, false) {
		return
	}
	p, ok := c.checkProp(c.r.PathValue("custom_property_name"), &b)
	if !ok {
		return
	}
	c.sec().putProp(p)
	c.json(http.StatusOK, c.propJSON(p))
}

func hDeleteProp(c *call) {
	p := c.pathProp()
	if p == nil {
		return
	}
	st := c.sec()
	st.props = slices.DeleteFunc(st.props, func(o *propRec) bool { return o == p })
	c.noContent()
}

func hPromoteProp(c *call) {
	org, name := c.r.PathValue("org"), c.r.PathValue("custom_property_name")
	if c.s.st.orgByLogin(org) == nil {
		c.notFound()
		return
	}
	st := c.sec()
	op := find(st.orgProps, func(p *propRec) bool { return strings.EqualFold(p.org, org) && p.name == name })
	if op == nil {
		c.notFound()
		return
	}
	if find(st.props, func(p *propRec) bool { return p.name == name }) != nil {
		c.invalid("CustomProperty", "property_name", "already_exists", "A property with this name already exists in the enterprise")
		return
	}
	p := *op
	p.org = ""
	st.props = append(st.props, &p)
	st.orgProps = slices.DeleteFunc(st.orgProps, func(o *propRec) bool { return o == op })
	c.json(http.StatusOK, c.propJSON(&p))
}

// ---- push protection pattern configurations ----

func (c *call) patternVersion() string { return "v" + strconv.Itoa(c.sec().patVer) }

func hListPatterns(c *call) {
	st := c.sec()
	provider := []map[string]any{}
	for _, p := range st.patterns {
		var ent any = p.setting
		setting := p.setting
		if setting == "not-set" {
			ent, setting = nil, "disabled"
		}
		provider = append(provider, map[string]any{
			"token_type": p.tokenType, "slug": p.tokenType, "display_name": p.name,
			"alert_total": 0, "alert_total_percentage": 0, "false_positives": 0, "false_positive_rate": 0, "bypass_rate": 0,
			"default_setting": "disabled", "enterprise_setting": ent, "setting": setting,
		})
	}
	c.json(http.StatusOK, map[string]any{
		"pattern_config_version":     c.patternVersion(),
		"provider_pattern_overrides": provider,
		"custom_pattern_overrides":   []any{},
	})
}

func hPatchPatterns(c *call) {
	var b struct {
		PatternConfigVersion    *string `json:"pattern_config_version"`
		ProviderPatternSettings []struct {
			TokenType             string `json:"token_type"`
			PushProtectionSetting string `json:"push_protection_setting"`
		} `json:"provider_pattern_settings"`
		CustomPatternSettings []struct {
			TokenType string `json:"token_type"`
		} `json:"custom_pattern_settings"`
	}
	if !c.decode(&b, false) {
		return
	}
	if b.PatternConfigVersion != nil && *b.PatternConfigVersion != c.patternVersion() {
		c.json(http.StatusConflict, errBody{Message: "The pattern configuration version does not match the current version", DocumentationURL: docsBase})
		return
	}
	st := c.sec()
	if len(b.CustomPatternSettings) > 0 {
		c.invalid("SecretScanningPatternConfiguration", "custom_pattern_settings", "invalid", "Unknown custom pattern "+b.CustomPatternSettings[0].TokenType)
		return
	}
	for _, s := range b.ProviderPatternSettings {
		p := find(st.patterns, func(p *patternRec) bool { return p.tokenType == s.TokenType })
		if p == nil {
			c.invalid("SecretScanningPatternConfiguration", "token_type", "invalid", "Unknown token type "+s.TokenType)
			return
		}
		if s.PushProtectionSetting != "not-set" && s.PushProtectionSetting != "disabled" && s.PushProtectionSetting != "enabled" {
			c.invalid("SecretScanningPatternConfiguration", "push_protection_setting", "invalid", "push_protection_setting must be not-set, disabled or enabled")
			return
		}
	}
	for _, s := range b.ProviderPatternSettings {
		find(st.patterns, func(p *patternRec) bool { return p.tokenType == s.TokenType }).setting = s.PushProtectionSetting
	}
	st.patVer++
	c.json(http.StatusOK, map[string]any{"pattern_config_version": c.patternVersion()})
}

// ---- Advanced Security committers ----

func hASCommitters(c *call) {
	if p := c.r.URL.Query().Get("advanced_security_product"); p != "" && p != "code_security" && p != "secret_protection" {
		c.invalid("", "advanced_security_product", "invalid", "advanced_security_product must be code_security or secret_protection")
		return
	}
	type committer struct {
		UserLogin       string `json:"user_login"`
		LastPushedDate  string `json:"last_pushed_date"`
		LastPushedEmail string `json:"last_pushed_email"`
	}
	type repo struct {
		Name                                string      `json:"name"`
		AdvancedSecurityCommitters          int         `json:"advanced_security_committers"`
		AdvancedSecurityCommittersBreakdown []committer `json:"advanced_security_committers_breakdown"`
	}
	// A repository with Advanced Security (attached to a configuration
	// that enables it) counts its owner as its one active committer.
	st := c.sec()
	var repos []repo
	logins := map[string]bool{}
	for _, r := range c.s.st.repos {
		cf := find(st.configs, func(cf *secConfig) bool { return cf.id == st.attached[r.id] })
		if cf == nil || cf.settings["advanced_security"] == "disabled" {
			continue
		}
		logins[r.owner] = true
		repos = append(repos, repo{Name: r.fullName(), AdvancedSecurityCommitters: 1, AdvancedSecurityCommittersBreakdown: []committer{
			{UserLogin: r.owner, LastPushedDate: c.s.now().UTC().Format("2006-01-02"), LastPushedEmail: r.owner + "@example.com"},
		}})
	}
	total := len(repos)
	page := pageOf(c.w, c.r, repos)
	if page == nil {
		page = []repo{}
	}
	c.json(http.StatusOK, map[string]any{
		"total_advanced_security_committers":     len(logins),
		"total_count":                            total,
		"maximum_advanced_security_committers":   len(logins),
		"purchased_advanced_security_committers": 100,
		"repositories":                           page,
	})
}

// ---- alerts ----

// alert is what the lists of code scanning, Dependabot and secret
// scanning alerts order and page by.
type alert interface {
	// alertMeta is the alert's number, its repository and when it was
	// created.
	alertMeta() (number int64, repo *repoRec, created time.Time)
}

func (a *codeAlert) alertMeta() (int64, *repoRec, time.Time) {
	return a.number, a.repo, a.seed.CreatedAt
}
func (a *depAlert) alertMeta() (int64, *repoRec, time.Time) {
	return a.number, a.repo, a.seed.CreatedAt
}
func (a *secretAlert) alertMeta() (int64, *repoRec, time.Time) {
	return a.number, a.repo, a.seed.CreatedAt
}

// alertListReply answers an alert list: items in the request's sort and
// direction, the page its cursors ask for (or its page number, where
// numbered allows one), each alert as conv writes it.
func alertListReply[T alert](c *call, items []T, numbered bool, conv func(T) map[string]any) {
	if !sortAlerts(c, items) {
		return
	}
	q := c.r.URL.Query()
	var page []T
	if numbered && q.Get("page") != "" && q.Get("before") == "" && q.Get("after") == "" {
		page = pageOf(c.w, c.r, items)
	} else {
		var ok bool
		page, ok = cursorPage(c, items, func(i int) string {
			number, repo, _ := items[i].alertMeta()
			return alertKey(repo, number)
		})
		if !ok {
			return
		}
	}
	out := []map[string]any{}
	for _, a := range page {
		out = append(out, conv(a))
	}
	c.json(http.StatusOK, out)
}

// sortAlerts reads the common sort and direction of the alert lists and
// orders items by them (created, newest first, by default).
func sortAlerts[T alert](c *call, items []T) bool {
	q := c.r.URL.Query()
	srt, dir := q.Get("sort"), q.Get("direction")
	if srt != "" && srt != "created" && srt != "updated" {
		c.invalid("", "sort", "invalid", "sort must be created or updated")
		return false
	}
	if dir != "" && dir != "asc" && dir != "desc" {
		c.invalid("", "direction", "invalid", "direction must be asc or desc")
		return false
	}
	sort.SliceStable(items, func(i, j int) bool {
		ni, _, a := items[i].alertMeta()
		nj, _, b := items[j].alertMeta()
		if a.Equal(b) {
			return ni < nj
		}
		if dir == "asc" {
			return a.Before(b)
		}
		return a.After(b)
	})
	return true
}

// inList reports whether v is in the comma-separated filter (an empty
// filter keeps everything).
func inList(filter, v string) bool {
	if filter == "" {
		return true
	}
	for _, f := range strings.Split(filter, ",") {
		if strings.EqualFold(strings.TrimSpace(f), v) {
			return true
		}
	}
	return false
}

func alertKey(repo *repoRec, number int64) string {
	id := int64(0)
	if repo != nil {
		id = repo.id
	}
	return fmt.Sprintf("%d:%d", id, number)
}

func (c *call) alertRepo(r *repoRec) any {
	if r == nil {
		return nil
	}
	return c.simpleRepoJSON(r)
}

func (c *call) repoAPI(r *repoRec) string {
	if r == nil {
		return c.apiBase() + "/repos/unknown/unknown"
	}
	return c.apiBase() + "/repos/" + r.fullName()
}

func (c *call) repoWeb(r *repoRec) string {
	if r == nil {
		return c.webBase() + "/unknown/unknown"
	}
	return c.webBase() + "/" + r.fullName()
}

func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

func hCodeAlerts(c *call) {
	q := c.r.URL.Query()
	if q.Get("tool_name") != "" && q.Get("tool_guid") != "" {
		c.invalid("", "tool_name", "invalid", "tool_name and tool_guid cannot be used together")
		return
	}
	if s := q.Get("state"); s != "" && !slices.Contains([]string{"open", "closed", "dismissed", "fixed"}, s) {
		c.invalid("", "state", "invalid", "state must be open, closed, dismissed or fixed")
		return
	}
	var items []*codeAlert
	for _, a := range c.sec().code {
		st := or(a.seed.State, "open")
		if (q.Get("state") != "" && q.Get("state") != st) ||
			(q.Get("tool_name") != "" && !strings.EqualFold(q.Get("tool_name"), or(a.seed.ToolName, "CodeQL"))) ||
			(q.Get("assignees") != "" && !inList(q.Get("assignees"), a.seed.Assignee)) {
			continue
		}
		items = append(items, a)
	}
	alertListReply(c, items, true, c.codeAlertJSON)
}

// alertJSON is a code or secret scanning alert reply: the members of rest
// and those every such alert has, its number, its times and its URLs under
// the repository's kind of alert ("code-scanning"), sub naming its list of
// instances or locations.
func (c *call) alertJSON(a alert, kind, sub string, rest map[string]any) map[string]any {
	number, repo, created := a.alertMeta()
	at := created.UTC().Format(time.RFC3339)
	url := fmt.Sprintf("%s/%s/alerts/%d", c.repoAPI(repo), kind, number)
	rest["number"], rest["created_at"], rest["updated_at"] = number, at, at
	rest["url"], rest["html_url"] = url, fmt.Sprintf("%s/security/%s/%d", c.repoWeb(repo), kind, number)
	rest[sub+"_url"] = url + "/" + sub
	return rest
}

func (c *call) codeAlertJSON(a *codeAlert) map[string]any {
	s := a.seed
	state := or(s.State, "open")
	created := s.CreatedAt.UTC().Format(time.RFC3339)
	var sev any
	if s.Severity != "" {
		sev = s.Severity
	}
	var dismissedBy, dismissedAt, dismissedReason, fixedAt any
	if state == "dismissed" {
		dismissedBy, dismissedAt, dismissedReason = c.userJSON(c.s.st.userByLogin(c.s.cfg.adminLogin)), created, "false positive"
	}
	if state == "fixed" {
		fixedAt = created
	}
	path := or(s.Path, "src/main.go")
	out := c.alertJSON(a, "code-scanning", "instances", map[string]any{
		"state": state, "fixed_at": fixedAt, "dismissed_by": dismissedBy, "dismissed_at": dismissedAt,
		"dismissed_reason": dismissedReason, "dismissed_comment": nil,
		"rule": map[string]any{
			"id": or(s.RuleID, "go/sql-injection"), "name": or(s.RuleID, "go/sql-injection"), "severity": "error",
			"security_severity_level": sev, "description": "Query built from user-controlled sources",
			"full_description": "Building a SQL query from user-controlled sources is vulnerable to insertion of malicious SQL code.",
			"tags":             []string{"security"}, "help": nil, "help_uri": nil,
		},
		"tool": map[string]any{"name": or(s.ToolName, "CodeQL"), "version": "2.19.0", "guid": nil},
		"most_recent_instance": map[string]any{
			"ref": "refs/heads/main", "analysis_key": ".github/workflows/codeql.yml:analyze", "environment": "{}",
			"category": ".github/workflows/codeql.yml:analyze", "state": state, "commit_sha": "0123456789abcdef0123456789abcdef01234567",
			"message":         map[string]any{"text": "This query depends on a user-provided value."},
			"location":        map[string]any{"path": path, "start_line": 10, "end_line": 10, "start_column": 5, "end_column": 40},
			"classifications": []string{},
		},
		"repository": c.alertRepo(a.repo),
	})
	if c.atLeast(3, 17) {
		out["dismissal_approved_by"] = nil
	}
	if c.atLeast(3, 19) {
		assignees := []any{}
		if u := c.s.st.userByLogin(s.Assignee); u != nil {
			assignees = append(assignees, c.userJSON(u))
		}
		out["assignees"] = assignees
	}
	return out
}

func hDepAlerts(c *call) {
	q := c.r.URL.Query()
	checks := []struct {
		param   string
		allowed []string
	}{
		{"state", []string{"auto_dismissed", "dismissed", "fixed", "open"}},
		{"severity", []string{"low", "medium", "high", "critical"}},
		{"scope", []string{"development", "runtime"}},
	}
	for _, ch := range checks {
		for _, v := range strings.Split(q.Get(ch.param), ",") {
			if v != "" && !slices.Contains(ch.allowed, v) {
				c.invalid("", ch.param, "invalid", fmt.Sprintf("%s must be one of %s", ch.param, strings.Join(ch.allowed, ", ")))
				return
			}
		}
	}
	var items []*depAlert
	for _, a := range c.sec().dep {
		s := a.seed
		if !inList(q.Get("state"), or(s.State, "open")) || !inList(q.Get("severity"), or(s.Severity, "medium")) ||
			!inList(q.Get("ecosystem"), or(s.Ecosystem, "npm")) || !inList(q.Get("package"), or(s.Package, "lodash")) ||
			!inList(q.Get("scope"), or(s.Scope, "runtime")) || (q.Get("has") == "patch" && s.Patched == "") {
			continue
		}
		items = append(items, a)
	}
	// first is the size of the first page when per_page is not given.
	if n, err := strconv.Atoi(q.Get("first")); err == nil && n > 0 && q.Get("per_page") == "" {
		q.Set("per_page", strconv.Itoa(n))
		c.r.URL.RawQuery = q.Encode()
	}
	alertListReply(c, items, false, c.depAlertJSON)
}

func (c *call) depAlertJSON(a *depAlert) map[string]any {
	s := a.seed
	state := or(s.State, "open")
	sev := or(s.Severity, "medium")
	eco, pkgName := or(s.Ecosystem, "npm"), or(s.Package, "lodash")
	created := s.CreatedAt.UTC().Format(time.RFC3339)
	api, web := c.repoAPI(a.repo), c.repoWeb(a.repo)
	pkg := map[string]any{"ecosystem": eco, "name": pkgName}
	var patched any
	if s.Patched != "" {
		patched = map[string]any{"identifier": s.Patched}
	}
	vuln := map[string]any{"package": pkg, "severity": sev, "vulnerable_version_range": "< 4.17.21", "first_patched_version": patched}
	ghsa := or(s.GHSAID, fmt.Sprintf("GHSA-%04d-abcd-efgh", a.number))
	var cve any
	ids := []map[string]any{{"type": "GHSA", "value": ghsa}}
	if s.CVEID != "" {
		cve = s.CVEID
		ids = append(ids, map[string]any{"type": "CVE", "value": s.CVEID})
	}
	advisory := map[string]any{
		"ghsa_id": ghsa, "cve_id": cve, "summary": "Vulnerability in " + pkgName, "description": "A vulnerability in " + pkgName + ".",
		"vulnerabilities": []any{vuln}, "severity": sev,
		"cvss":         map[string]any{"score": 7.5, "vector_string": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"},
		"cwes":         []any{map[string]any{"cwe_id": "CWE-400", "name": "Uncontrolled Resource Consumption"}},
		"identifiers":  ids,
		"references":   []any{map[string]any{"url": "https://github.com/advisories/" + ghsa}},
		"published_at": created, "updated_at": created, "withdrawn_at": nil,
	}
	if c.atLeast(3, 15) {
		advisory["cvss_severities"] = map[string]any{"cvss_v3": map[string]any{"vector_string": nil, "score": nil}, "cvss_v4": nil}
	}
	if c.atLeast(3, 16) {
		advisory["epss"] = map[string]any{"percentage": 0.5, "percentile": 50}
	}
	var dismissedAt, dismissedBy, dismissedReason, fixedAt, autoAt any
	switch state {
	case "dismissed":
		dismissedAt, dismissedBy, dismissedReason = created, c.userJSON(c.s.st.userByLogin(c.s.cfg.adminLogin)), "tolerable_risk"
	case "fixed":
		fixedAt = created
	case "auto_dismissed":
		autoAt = created
	}
	out := map[string]any{
		"number": a.number, "state": state,
		"dependency":             map[string]any{"package": pkg, "manifest_path": "package-lock.json", "scope": or(s.Scope, "runtime")},
		"security_advisory":      advisory,
		"security_vulnerability": vuln,
		"url":                    fmt.Sprintf("%s/dependabot/alerts/%d", api, a.number),
		"html_url":               fmt.Sprintf("%s/security/dependabot/%d", web, a.number),
		"created_at":             created, "updated_at": created,
		"dismissed_at": dismissedAt, "dismissed_by": dismissedBy, "dismissed_reason": dismissedReason, "dismissed_comment": nil,
		"fixed_at": fixedAt, "auto_dismissed_at": autoAt,
		"repository": c.alertRepo(a.repo),
	}
	return out
}

func hSecretAlerts(c *call) {
	q := c.r.URL.Query()
	if s := q.Get("state"); s != "" && s != "open" && s != "resolved" {
		c.invalid("", "state", "invalid", "state must be open or resolved")
		return
	}
	var items []*secretAlert
	for _, a := range c.sec().secret {
		s := a.seed
		if !inList(q.Get("state"), or(s.State, "open")) || !inList(q.Get("secret_type"), or(s.SecretType, "github_personal_access_token")) ||
			!inList(q.Get("resolution"), s.Resolution) && q.Get("resolution") != "" || !inList(q.Get("validity"), or(s.Validity, "unknown")) ||
			(q.Get("is_publicly_leaked") == "true" && !s.PubliclyLeaked) || (q.Get("is_multi_repo") == "true" && !s.MultiRepo) {
			continue
		}
		items = append(items, a)
	}
	hide := q.Get("hide_secret") == "true"
	alertListReply(c, items, false, func(a *secretAlert) map[string]any { return c.secretAlertJSON(a, hide) })
}

func (c *call) secretAlertJSON(a *secretAlert, hide bool) map[string]any {
	s := a.seed
	state := or(s.State, "open")
	created := s.CreatedAt.UTC().Format(time.RFC3339)
	api := c.repoAPI(a.repo)
	var resolution, resolvedAt, resolvedBy any
	if state == "resolved" {
		resolution, resolvedAt = or(s.Resolution, "revoked"), created
		resolvedBy = c.userJSON(c.s.st.userByLogin(c.s.cfg.adminLogin))
	}
	var bypassed any = false
	var bypassedBy, bypassedAt any
	if u := c.s.st.userByLogin(s.PushProtectionBy); u != nil {
		bypassed, bypassedBy, bypassedAt = true, c.userJSON(u), created
	}
	secret := or(s.Secret, "ghp_fakeSecretValue0000000000000000000")
	st := or(s.SecretType, "github_personal_access_token")
	out := c.alertJSON(a, "secret-scanning", "locations", map[string]any{
		"state": state, "resolution": resolution, "resolved_at": resolvedAt, "resolved_by": resolvedBy,
		"secret_type": st, "secret_type_display_name": strings.ReplaceAll(st, "_", " "),
		"repository":               c.alertRepo(a.repo),
		"push_protection_bypassed": bypassed, "push_protection_bypassed_by": bypassedBy, "push_protection_bypassed_at": bypassedAt,
		"resolution_comment": nil,
	})
	if !hide {
		out["secret"] = secret
	}
	if c.atLeast(3, 12) {
		out["validity"] = or(s.Validity, "unknown")
	}
	if c.atLeast(3, 14) {
		out["push_protection_bypass_request_reviewer"] = nil
		out["push_protection_bypass_request_reviewer_comment"] = nil
		out["push_protection_bypass_request_comment"] = nil
		out["push_protection_bypass_request_html_url"] = nil
	}
	if c.atLeast(3, 15) {
		out["multi_repo"] = s.MultiRepo
		out["is_base64_encoded"] = false
	}
	if c.atLeast(3, 17) {
		out["first_location_detected"] = map[string]any{
			"path": "config/.env", "start_line": 1, "end_line": 1, "start_column": 1, "end_column": 40,
			"blob_sha": "0123456789abcdef0123456789abcdef01234567", "blob_url": api + "/git/blobs/0123456789abcdef0123456789abcdef01234567",
			"commit_sha": "0123456789abcdef0123456789abcdef01234567", "commit_url": api + "/git/commits/0123456789abcdef0123456789abcdef01234567",
		}
		out["has_more_locations"] = false
	}
	return out
}
