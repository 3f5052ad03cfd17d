package ghestest

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"
)

func (s *Server) preReceiveRoutes(m *http.ServeMux) {
	p := previewEyeScream
	s.route(m, "GET /admin/pre-receive-environments", accessAdmin, p, hListEnvs)
	s.route(m, "POST /admin/pre-receive-environments", accessAdmin, p, hCreateEnv)
	s.route(m, "GET /admin/pre-receive-environments/{id}", accessAdmin, p, hGetEnv)
	s.route(m, "PATCH /admin/pre-receive-environments/{id}", accessAdmin, p, hUpdateEnv)
	s.route(m, "DELETE /admin/pre-receive-environments/{id}", accessAdmin, p, hDeleteEnv)
	s.route(m, "POST /admin/pre-receive-environments/{id}/downloads", accessAdmin, p, hStartDownload)
	s.route(m, "GET /admin/pre-receive-environments/{id}/downloads/latest", accessAdmin, p, hDownloadStatus)
	s.route(m, "GET /admin/pre-receive-hooks", accessAdmin, p, hListPreHooks)
	s.route(m, "POST /admin/pre-receive-hooks", accessAdmin, p, hCreatePreHook)
	s.route(m, "GET /admin/pre-receive-hooks/{id}", accessAdmin, p, hGetPreHook)
	s.route(m, "PATCH /admin/pre-receive-hooks/{id}", accessAdmin, p, hUpdatePreHook)
	s.route(m, "DELETE /admin/pre-receive-hooks/{id}", accessAdmin, p, hDeletePreHook)
	s.route(m, "GET /orgs/{org}/pre-receive-hooks", accessAdmin, p, hListOrgPreHooks)
	s.route(m, "GET /orgs/{org}/pre-receive-hooks/{id}", accessAdmin, p, hGetOrgPreHook)
	s.route(m, "PATCH /orgs/{org}/pre-receive-hooks/{id}", accessAdmin, p, hUpdateOrgPreHook)
	s.route(m, "DELETE /orgs/{org}/pre-receive-hooks/{id}", accessAdmin, p, hRemoveOrgPreHook)
	s.route(m, "GET /repos/{owner}/{repo}/pre-receive-hooks", accessAdmin, p, hListRepoPreHooks)
	s.route(m, "GET /repos/{owner}/{repo}/pre-receive-hooks/{id}", accessAdmin, p, hGetRepoPreHook)
	s.route(m, "PATCH /repos/{owner}/{repo}/pre-receive-hooks/{id}", accessAdmin, p, hUpdateRepoPreHook)
	s.route(m, "DELETE /repos/{owner}/{repo}/pre-receive-hooks/{id}", accessAdmin, p, hRemoveRepoPreHook)
}

const resEnv = "PreReceiveEnvironment"

// The documented 422 messages.
const (
	msgDefaultEnv      = "Cannot modify or delete the default environment"
	msgEnvHasHooks     = "Cannot delete environment that has hooks"
	msgEnvDownloading  = "Cannot delete environment when download is in progress"
	msgDownloadRunning = "Can not start a new download when a download is in progress"
)

type downloadJSON struct {
	URL          string     `json:"url"`
	State        string     `json:"state"`
	DownloadedAt *time.Time `json:"downloaded_at"`
	Message      *string    `json:"message"`
}

type envJSON struct {
	ID                 int64        `json:"id"`
	Name               string       `json:"name"`
	ImageURL           string       `json:"image_url"`
	URL                string       `json:"url"`
	HTMLURL            string       `json:"html_url"`
	DefaultEnvironment bool         `json:"default_environment"`
	CreatedAt          time.Time    `json:"created_at"`
	HooksCount         int          `json:"hooks_count"`
	Download           downloadJSON `json:"download"`
}

func (c *call) downloadJSON(e *envRec) downloadJSON {
	d := downloadJSON{URL: fmt.Sprintf("%s/admin/pre-receive-environments/%d/downloads/latest", c.apiBase(), e.id), State: e.download.state}
	if e.download.downloadedAt != nil {
		t := e.download.downloadedAt.UTC().Truncate(time.Second)
		d.DownloadedAt = &t
	}
	if e.download.message != nil {
		m := *e.download.message
		d.Message = &m
	}
	return d
}

func (c *call) envJSON(e *envRec) envJSON {
	n := 0
	for _, h := range c.s.st.preHook {
		if h.envID == e.id {
			n++
		}
	}
	return envJSON{ID: e.id, Name: e.name, ImageURL: e.imageURL,
		URL:                fmt.Sprintf("%s/admin/pre-receive-environments/%d", c.apiBase(), e.id),
		HTMLURL:            fmt.Sprintf("%s/admin/pre-receive-environments/%d", c.webBase(), e.id),
		DefaultEnvironment: e.isDefault, CreatedAt: e.createdAt.UTC().Truncate(time.Second), HooksCount: n, Download: c.downloadJSON(e)}
}

// sortRecs orders items by created (id order), updated or name.
func sortRecs[T any](items []T, by string, desc bool, id func(T) int64, updated func(T) time.Time, name func(T) string) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		var less, eq bool
		switch by {
		case "updated":
			ua, ub := updated(a), updated(b)
			less, eq = ua.Before(ub), ua.Equal(ub)
		case "name":
			na, nb := strings.ToLower(name(a)), strings.ToLower(name(b))
			less, eq = na < nb, na == nb
		}
		if by == "created" || eq {
			less = id(a) < id(b)
		}
		if desc {
			return !less
		}
		return less
	})
}

func hListEnvs(c *call) {
	by, desc, ok := c.sortDir("created", "updated", "name")
	if !ok {
		return
	}
	envs := slices.Clone(c.s.st.envs)
	sortRecs(envs, by, desc, func(e *envRec) int64 { return e.id }, func(e *envRec) time.Time { return e.updatedAt }, func(e *envRec) string { return e.name })
	out := []envJSON{}
	for _, e := range pageOf(c.w, c.r, envs) {
		out = append(out, c.envJSON(e))
	}
	c.json(http.StatusOK, out)
}

type envBody struct {
	Name     *string `json:"name"`
	ImageURL *string `json:"image_url"`
}

func (c *call) envNameTaken(name string, except *envRec) bool {
	for _, e := range c.s.st.envs {
		if e != except && strings.EqualFold(e.name, name) {
			return true
		}
	}
	return false
}

func hCreateEnv(c *call) {
	var body envBody
	if !c.decode(&body, false) {
		return
	}
	if body.Name == nil || *body.Name == "" {
		c.invalid(resEnv, "name", "missing_field", "name is required")
		return
	}
	if body.ImageURL == nil || *body.ImageURL == "" {
		c.invalid(resEnv, "image_url", "missing_field", "image_url is required")
		return
	}
	if c.envNameTaken(*body.Name, nil) {
		c.invalid(resEnv, "name", "already_exists", "Name has already been taken")
		return
	}
	now := c.s.now()
	e := &envRec{id: c.s.st.id(), name: *body.Name, imageURL: *body.ImageURL, createdAt: now, updatedAt: now, download: downloadRec{state: "not_started"}}
	c.s.st.envs = append(c.s.st.envs, e)
	c.json(http.StatusCreated, c.envJSON(e))
}

func (c *call) pathEnv() *envRec {
	return pathRecord(c, "id", c.s.st.envByID)
}

func hGetEnv(c *call) {
	if e := c.pathEnv(); e != nil {
		c.json(http.StatusOK, c.envJSON(e))
	}
}

func hUpdateEnv(c *call) {
	e := c.pathEnv()
	if e == nil {
		return
	}
	var body envBody
	if !c.decode(&body, true) {
		return
	}
	if e.isDefault {
		c.invalid(resEnv, "", "custom", msgDefaultEnv)
		return
	}
	if body.Name != nil {
		if *body.Name == "" {
			c.invalid(resEnv, "name", "missing_field", "name cannot be blank")
			return
		}
		if c.envNameTaken(*body.Name, e) {
			c.invalid(resEnv, "name", "already_exists", "Name has already been taken")
			return
		}
		e.name = *body.Name
	}
	if body.ImageURL != nil && *body.ImageURL != e.imageURL {
		if *body.ImageURL == "" {
			c.invalid(resEnv, "image_url", "missing_field", "image_url cannot be blank")
			return
		}
		e.imageURL = *body.ImageURL
		e.download = downloadRec{state: "not_started"}
	}
	e.updatedAt = c.s.now()
	c.json(http.StatusOK, c.envJSON(e))
}

func hDeleteEnv(c *call) {
	e := c.pathEnv()
	if e == nil {
		return
	}
	switch {
	case e.isDefault:
		c.invalid(resEnv, "", "custom", msgDefaultEnv)
		return
	case c.envJSON(e).HooksCount > 0:
		c.invalid(resEnv, "", "custom", msgEnvHasHooks)
		return
	case e.download.state == "in_progress" || (e.download.state == "not_started" && e.download.readsLeft > 0):
		c.invalid(resEnv, "", "custom", msgEnvDownloading)
		return
	}
	c.s.st.envs = slices.DeleteFunc(c.s.st.envs, func(x *envRec) bool { return x == e })
	c.noContent()
}

// downloadFailure says why an image URL cannot be downloaded, or "".
func downloadFailure(imageURL string) string {
	u, err := url.Parse(imageURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return "Failed to download the image: " + imageURL + " is not an http(s) URL"
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if host == "invalid" || strings.HasSuffix(host, ".invalid") {
		return "Failed to download the image: could not resolve host " + u.Hostname()
	}
	return ""
}

func hStartDownload(c *call) {
	e := c.pathEnv()
	if e == nil {
		return
	}
	if e.isDefault {
		c.invalid(resEnv, "", "custom", msgDefaultEnv)
		return
	}
	if e.download.readsLeft > 0 {
		c.invalid(resEnv, "", "custom", msgDownloadRunning)
		return
	}
	e.download = downloadRec{state: "not_started", downloadedAt: e.download.downloadedAt, readsLeft: c.s.cfg.statusReads, willFail: downloadFailure(e.imageURL)}
	c.json(http.StatusAccepted, c.downloadJSON(e))
}

func hDownloadStatus(c *call) {
	e := c.pathEnv()
	if e == nil {
		return
	}
	d := &e.download
	if d.readsLeft > 0 {
		d.readsLeft--
		switch {
		case d.readsLeft > 0:
			d.state = "in_progress"
		case d.willFail != "":
			d.state = "failed"
			msg := d.willFail
			d.message = &msg
		default:
			d.state = "success"
			now := c.s.now()
			d.downloadedAt = &now
			d.message = nil
		}
	}
	c.json(http.StatusOK, c.downloadJSON(e))
}

// Pre-receive hooks.

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
	Environment                  envJSON        `json:"environment"`
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
	out := []preHookJSON{}
	for _, h := range pageOf(c.w, c.r, hooks) {
		out = append(out, c.preHookJSON(h))
	}
	c.json(http.StatusOK, out)
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

func hListOrgPreHooks(c *call) {
	o := c.pathOrg()
	if o == nil {
		return
	}
	hooks, ok := c.sortedPreHooks()
	if !ok {
		return
	}
	out := []orgPreHookJSON{}
	for _, h := range pageOf(c.w, c.r, hooks) {
		out = append(out, c.orgEffective(o, h))
	}
	c.json(http.StatusOK, out)
}

func hGetOrgPreHook(c *call) {
	o := c.pathOrg()
	if o == nil {
		return
	}
	if h := c.pathPreHook(); h != nil {
		c.json(http.StatusOK, c.orgEffective(o, h))
	}
}

const msgNoDownstream = "The configuration of this pre-receive hook cannot be changed at this level: allow_downstream_configuration is false"

func hUpdateOrgPreHook(c *call) {
	o := c.pathOrg()
	if o == nil {
		return
	}
	h := c.pathPreHook()
	if h == nil {
		return
	}
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

func hRemoveOrgPreHook(c *call) {
	o := c.pathOrg()
	if o == nil {
		return
	}
	h := c.pathPreHook()
	if h == nil {
		return
	}
	delete(h.orgOverrides, o.id)
	c.json(http.StatusOK, c.orgEffective(o, h))
}

func hListRepoPreHooks(c *call) {
	r := c.pathRepo()
	if r == nil {
		return
	}
	hooks, ok := c.sortedPreHooks()
	if !ok {
		return
	}
	out := []repoPreHookJSON{}
	for _, h := range pageOf(c.w, c.r, hooks) {
		j, _ := c.repoEffective(r, h)
		out = append(out, j)
	}
	c.json(http.StatusOK, out)
}

func hGetRepoPreHook(c *call) {
	r := c.pathRepo()
	if r == nil {
		return
	}
	if h := c.pathPreHook(); h != nil {
		j, _ := c.repoEffective(r, h)
		c.json(http.StatusOK, j)
	}
}

func hUpdateRepoPreHook(c *call) {
	r := c.pathRepo()
	if r == nil {
		return
	}
	h := c.pathPreHook()
	if h == nil {
		return
	}
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

func hRemoveRepoPreHook(c *call) {
	r := c.pathRepo()
	if r == nil {
		return
	}
	h := c.pathPreHook()
	if h == nil {
		return
	}
	delete(h.repoOverrides, r.id)
	j, _ := c.repoEffective(r, h)
	c.json(http.StatusOK, j)
}
