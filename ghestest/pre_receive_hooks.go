package ghestest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// preReceiveHooksRoutes are the endpoints of the SDK's pre_receive_hooks.go:
// the instance's hooks and the organization and repository overrides.
var preReceiveHooksRoutes = []route{
	{"GET /admin/pre-receive-hooks", accessAdmin, previewEyeScream, hListPreHooks},
	{"POST /admin/pre-receive-hooks", accessAdmin, previewEyeScream, hCreatePreHook},
	{"GET /admin/pre-receive-hooks/{id}", accessAdmin, previewEyeScream, hGetPreHook},
	{"PATCH /admin/pre-receive-hooks/{id}", accessAdmin, previewEyeScream, hUpdatePreHook},
	{"DELETE /admin/pre-receive-hooks/{id}", accessAdmin, previewEyeScream, hDeletePreHook},
	{"GET /orgs/{org}/pre-receive-hooks", accessAdmin, previewEyeScream, hListLevelHooks(orgLevel)},
	{"GET /orgs/{org}/pre-receive-hooks/{id}", accessAdmin, previewEyeScream, hGetLevelHook(orgLevel)},
	{"PATCH /orgs/{org}/pre-receive-hooks/{id}", accessAdmin, previewEyeScream, hUpdateOrgPreHook},
	{"DELETE /orgs/{org}/pre-receive-hooks/{id}", accessAdmin, previewEyeScream, hRemoveLevelHook(orgLevel)},
	{"GET /repos/{owner}/{repo}/pre-receive-hooks", accessAdmin, previewEyeScream, hListLevelHooks(repoLevel)},
	{"GET /repos/{owner}/{repo}/pre-receive-hooks/{id}", accessAdmin, previewEyeScream, hGetLevelHook(repoLevel)},
	{"PATCH /repos/{owner}/{repo}/pre-receive-hooks/{id}", accessAdmin, previewEyeScream, hUpdateRepoPreHook},
	{"DELETE /repos/{owner}/{repo}/pre-receive-hooks/{id}", accessAdmin, previewEyeScream, hRemoveLevelHook(repoLevel)},
}

type scriptRepoJSON struct {
	ID       int64  `json:"id"`
	FullName string `json:"full_name"`
	URL      string `json:"url"`
	HTMLURL  string `json:"html_url"`
}

type preHookJSON struct {
	ID                           int64          `json:"id"`
	Name                         string         `json:"name"`
	Enforcement                  string         `json:"enforcement"`
	Script                       string         `json:"script"`
	ScriptRepository             scriptRepoJSON `json:"script_repository"`
	Environment                  obj            `json:"environment"`
	AllowDownstreamConfiguration bool           `json:"allow_downstream_configuration"`
}

func (c *call) preHookJSON(h *preHookRec) preHookJSON {
	j := preHookJSON{ID: h.id, Name: h.name, Enforcement: h.enforcement, Script: h.script, AllowDownstreamConfiguration: h.allowDownstream}
	if r := c.s.st.repoByID(h.repoID); r != nil {
		j.ScriptRepository = scriptRepoJSON{ID: r.id, FullName: r.fullName(), URL: c.apiBase() + "/repos/" + r.fullName(), HTMLURL: c.webBase() + "/" + r.fullName()}
	}
	if e := c.s.st.envByID(h.envID); e != nil {
		j.Environment = c.envJSON(e)
	}
	return j
}

func validEnforcement(s string) bool { return s == "enabled" || s == "disabled" || s == "testing" }

type preHookBody struct {
	Name             *string `json:"name"`
	Script           *string `json:"script"`
	ScriptRepository *struct {
		FullName *string `json:"full_name"`
	} `json:"script_repository"`
	Environment *struct {
		ID *int64 `json:"id"`
	} `json:"environment"`
	Enforcement                  *string `json:"enforcement"`
	AllowDownstreamConfiguration *bool   `json:"allow_downstream_configuration"`
}

const resHook = "PreReceiveHook"

// applyPreHook validates body onto h; create requires every field.
func (c *call) applyPreHook(h *preHookRec, body *preHookBody, create bool) bool {
	st := c.s.st
	if body.Name != nil || create {
		if body.Name == nil || *body.Name == "" {
			c.invalid(resHook, "name", "missing_field", "name is required")
			return false
		}
		for _, o := range st.preHook {
			if o != h && strings.EqualFold(o.name, *body.Name) {
				c.invalid(resHook, "name", "already_exists", "Name has already been taken")
				return false
			}
		}
		h.name = *body.Name
	}
	if body.Script != nil || create {
		if body.Script == nil || *body.Script == "" {
			c.invalid(resHook, "script", "missing_field", "script is required")
			return false
		}
		h.script = *body.Script
	}
	if body.ScriptRepository != nil || create {
		if body.ScriptRepository == nil || body.ScriptRepository.FullName == nil {
			c.invalid(resHook, "script_repository", "missing_field", "script_repository.full_name is required")
			return false
		}
		owner, name, _ := strings.Cut(*body.ScriptRepository.FullName, "/")
		r := st.repoByName(owner, name)
		if r == nil {
			c.invalid(resHook, "script_repository", "invalid", "script_repository does not exist")
			return false
		}
		h.repoID = r.id
	}
	if body.Environment != nil || create {
		if body.Environment == nil || body.Environment.ID == nil {
			c.invalid(resHook, "environment", "missing_field", "environment.id is required")
			return false
		}
		if st.envByID(*body.Environment.ID) == nil {
			c.invalid(resHook, "environment", "invalid", "environment does not exist")
			return false
		}
		h.envID = *body.Environment.ID
	}
	if body.Enforcement != nil {
		if !validEnforcement(*body.Enforcement) {
			c.invalid(resHook, "enforcement", "invalid", "enforcement must be one of: enabled, disabled, testing")
			return false
		}
		h.enforcement = *body.Enforcement
	}
	if body.AllowDownstreamConfiguration != nil {
		h.allowDownstream = *body.AllowDownstreamConfiguration
	}
	return true
}

func (c *call) sortedPreHooks() ([]*preHookRec, bool) {
	by, desc, ok := c.sortDir("created", "updated", "name")
	if !ok {
		return nil, false
	}
	hooks := slices.Clone(c.s.st.preHook)
	sortRecs(hooks, by, desc, func(h *preHookRec) int64 { return h.id }, func(h *preHookRec) time.Time { return h.updatedAt }, func(h *preHookRec) string { return h.name })
	return hooks, true
}

func hListPreHooks(c *call) {
	hooks, ok := c.sortedPreHooks()
	if !ok {
		return
	}
	pageReply(c, hooks, c.preHookJSON)
}

func hCreatePreHook(c *call) {
	var body preHookBody
	if !c.decode(&body, false) {
		return
	}
	now := c.s.now()
	h := &preHookRec{enforcement: "disabled", createdAt: now, updatedAt: now, orgOverrides: map[int64]*orgOverride{}, repoOverrides: map[int64]string{}}
	if !c.applyPreHook(h, &body, true) {
		return
	}
	h.id = c.s.st.id()
	c.s.st.preHook = append(c.s.st.preHook, h)
	c.json(http.StatusCreated, c.preHookJSON(h))
}

func (c *call) pathPreHook() *preHookRec {
	return pathRecord(c, "id", c.s.st.preHookByID)
}

func hGetPreHook(c *call) {
	if h := c.pathPreHook(); h != nil {
		c.json(http.StatusOK, c.preHookJSON(h))
	}
}

func hUpdatePreHook(c *call) {
	h := c.pathPreHook()
	if h == nil {
		return
	}
	var body preHookBody
	if !c.decode(&body, true) {
		return
	}
	cp := *h
	if !c.applyPreHook(&cp, &body, false) {
		return
	}
	cp.updatedAt = c.s.now()
	*h = cp
	c.json(http.StatusOK, c.preHookJSON(h))
}

func hDeletePreHook(c *call) {
	h := c.pathPreHook()
	if h == nil {
		return
	}
	c.s.st.preHook = slices.DeleteFunc(c.s.st.preHook, func(x *preHookRec) bool { return x == h })
	c.noContent()
}

// Organization and repository overrides.

type orgPreHookJSON struct {
	ID                           int64  `json:"id"`
	Name                         string `json:"name"`
	Enforcement                  string `json:"enforcement"`
	ConfigurationURL             string `json:"configuration_url"`
	AllowDownstreamConfiguration bool   `json:"allow_downstream_configuration"`
}

type repoPreHookJSON struct {
	ID               int64  `json:"id"`
	Name             string `json:"name"`
	Enforcement      string `json:"enforcement"`
	ConfigurationURL string `json:"configuration_url"`
}

func (c *call) adminHookURL(h *preHookRec) string {
	return fmt.Sprintf("%s/admin/pre-receive-hooks/%d", c.apiBase(), h.id)
}

func (c *call) orgHookURL(o *orgRec, h *preHookRec) string {
	return fmt.Sprintf("%s/orgs/%s/pre-receive-hooks/%d", c.apiBase(), o.login, h.id)
}

// orgEffective is the hook as an organization sees it: its override where
// set, the enterprise's value elsewhere.
func (c *call) orgEffective(o *orgRec, h *preHookRec) orgPreHookJSON {
	j := orgPreHookJSON{ID: h.id, Name: h.name, Enforcement: h.enforcement, ConfigurationURL: c.adminHookURL(h), AllowDownstreamConfiguration: h.allowDownstream}
	if ov := h.orgOverrides[o.id]; ov != nil {
		j.ConfigurationURL = c.orgHookURL(o, h)
		if ov.enforcement != nil {
			j.Enforcement = *ov.enforcement
		}
		if ov.allowDownstream != nil {
			j.AllowDownstreamConfiguration = *ov.allowDownstream
		}
	}
	return j
}

// repoEffective is the hook as a repository sees it: its override, else its
// organization's, else the enterprise's.
func (c *call) repoEffective(r *repoRec, h *preHookRec) (repoPreHookJSON, bool) {
	j := repoPreHookJSON{ID: h.id, Name: h.name, Enforcement: h.enforcement, ConfigurationURL: c.adminHookURL(h)}
	downstream := h.allowDownstream
	if o := c.s.st.orgByLogin(r.owner); o != nil {
		oe := c.orgEffective(o, h)
		j.Enforcement, j.ConfigurationURL, downstream = oe.Enforcement, oe.ConfigurationURL, oe.AllowDownstreamConfiguration
	}
	if e, ok := h.repoOverrides[r.id]; ok {
		j.Enforcement = e
		j.ConfigurationURL = fmt.Sprintf("%s/repos/%s/pre-receive-hooks/%d", c.apiBase(), r.fullName(), h.id)
	}
	return j, downstream
}

func (c *call) pathOrg() *orgRec {
	o := c.s.st.orgByLogin(c.r.PathValue("org"))
	if o == nil {
		c.notFound()
	}
	return o
}

func (c *call) pathRepo() *repoRec {
	r := c.s.st.repoByName(c.r.PathValue("owner"), c.r.PathValue("repo"))
	if r == nil {
		c.notFound()
	}
	return r
}

const msgNoDownstream = "The configuration of this pre-receive hook cannot be changed at this level: allow_downstream_configuration is false"

func hUpdateOrgPreHook(c *call) {
	l, h := levelHook(c, orgLevel)
	if h == nil {
		return
	}
	o := l.org
	var body struct {
		Enforcement                  *string `json:"enforcement"`
		AllowDownstreamConfiguration *bool   `json:"allow_downstream_configuration"`
	}
	if !c.decode(&body, true) {
		return
	}
	if !h.allowDownstream {
		c.invalid(resHook, "", "custom", msgNoDownstream)
		return
	}
	if body.Enforcement != nil && !validEnforcement(*body.Enforcement) {
		c.invalid(resHook, "enforcement", "invalid", "enforcement must be one of: enabled, disabled, testing")
		return
	}
	ov := h.orgOverrides[o.id]
	if ov == nil {
		ov = &orgOverride{}
		h.orgOverrides[o.id] = ov
	}
	if body.Enforcement != nil {
		e := *body.Enforcement
		ov.enforcement = &e
	}
	if body.AllowDownstreamConfiguration != nil {
		a := *body.AllowDownstreamConfiguration
		ov.allowDownstream = &a
	}
	c.json(http.StatusOK, c.orgEffective(o, h))
}

func hUpdateRepoPreHook(c *call) {
	l, h := levelHook(c, repoLevel)
	if h == nil {
		return
	}
	r := l.repo
	var body struct {
		Enforcement *string `json:"enforcement"`
	}
	if !c.decode(&body, true) {
		return
	}
	// What the level above allows: the repository's own override does not
	// count.
	saved, had := h.repoOverrides[r.id]
	delete(h.repoOverrides, r.id)
	_, downstream := c.repoEffective(r, h)
	if had {
		h.repoOverrides[r.id] = saved
	}
	if !downstream {
		c.invalid(resHook, "", "custom", msgNoDownstream)
		return
	}
	if body.Enforcement != nil {
		if !validEnforcement(*body.Enforcement) {
			c.invalid(resHook, "enforcement", "invalid", "enforcement must be one of: enabled, disabled, testing")
			return
		}
		h.repoOverrides[r.id] = *body.Enforcement
	}
	j, _ := c.repoEffective(r, h)
	c.json(http.StatusOK, j)
}

// An overrideLevel is the organization or the repository of the path: how
// a pre-receive hook looks from there, and how its override is removed.
type overrideLevel struct {
	org       *orgRec  // the organization's level, or
	repo      *repoRec // the repository's
	effective func(h *preHookRec) any
	remove    func(h *preHookRec)
}

// orgLevel is the {org} organization's level, or nil after a 404.
func orgLevel(c *call) *overrideLevel {
	o := c.pathOrg()
	if o == nil {
		return nil
	}
	return &overrideLevel{
		org:       o,
		effective: func(h *preHookRec) any { return c.orgEffective(o, h) },
		remove:    func(h *preHookRec) { delete(h.orgOverrides, o.id) },
	}
}

// repoLevel is the {owner}/{repo} repository's level, or nil after a 404.
func repoLevel(c *call) *overrideLevel {
	r := c.pathRepo()
	if r == nil {
		return nil
	}
	return &overrideLevel{
		repo:      r,
		effective: func(h *preHookRec) any { j, _ := c.repoEffective(r, h); return j },
		remove:    func(h *preHookRec) { delete(h.repoOverrides, r.id) },
	}
}

// levelHook finds the level of the path, then its {id} hook; the hook is
// nil after a 404 for either.
func levelHook(c *call, level func(*call) *overrideLevel) (*overrideLevel, *preHookRec) {
	l := level(c)
	if l == nil {
		return nil, nil
	}
	return l, c.pathPreHook()
}

// hListLevelHooks lists every hook as the level sees it.
func hListLevelHooks(level func(*call) *overrideLevel) handler {
	return func(c *call) {
		l := level(c)
		if l == nil {
			return
		}
		hooks, ok := c.sortedPreHooks()
		if !ok {
			return
		}
		pageReply(c, hooks, l.effective)
	}
}

// hGetLevelHook answers the {id} hook as the level sees it.
func hGetLevelHook(level func(*call) *overrideLevel) handler {
	return func(c *call) {
		if l, h := levelHook(c, level); h != nil {
			c.json(http.StatusOK, l.effective(h))
		}
	}
}

// hRemoveLevelHook removes the level's override of the {id} hook and
// answers the hook as the level then sees it.
func hRemoveLevelHook(level func(*call) *overrideLevel) handler {
	return func(c *call) {
		if l, h := levelHook(c, level); h != nil {
			l.remove(h)
			c.json(http.StatusOK, l.effective(h))
		}
	}
}
