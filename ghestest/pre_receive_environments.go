package ghestest

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// preReceiveEnvironmentsRoutes are the endpoints of the SDK's
// pre_receive_environments.go.
var preReceiveEnvironmentsRoutes = []route{
	{"GET /admin/pre-receive-environments", accessAdmin, previewEyeScream, hListEnvs},
	{"POST /admin/pre-receive-environments", accessAdmin, previewEyeScream, hCreateEnv},
	{"GET /admin/pre-receive-environments/{id}", accessAdmin, previewEyeScream, hGetEnv},
	{"PATCH /admin/pre-receive-environments/{id}", accessAdmin, previewEyeScream, hUpdateEnv},
	{"DELETE /admin/pre-receive-environments/{id}", accessAdmin, previewEyeScream, hDeleteEnv},
	{"POST /admin/pre-receive-environments/{id}/downloads", accessAdmin, previewEyeScream, hStartDownload},
	{"GET /admin/pre-receive-environments/{id}/downloads/latest", accessAdmin, previewEyeScream, hDownloadStatus},
}

const resEnv = "PreReceiveEnvironment"

// The documented 422 messages.
const (
	msgDefaultEnv      = "Cannot modify or delete the default environment"
	msgEnvHasHooks     = "Cannot delete environment that has hooks"
	msgEnvDownloading  = "Cannot delete environment when download is in progress"
	msgDownloadRunning = "Can not start a new download when a download is in progress"
)

// downloadJSON is the status of the latest download of e's tarball.
func (c *call) downloadJSON(e *envRec) obj {
	var at *time.Time
	if e.download.downloadedAt != nil {
		t := e.download.downloadedAt.UTC().Truncate(time.Second)
		at = &t
	}
	var msg *string
	if e.download.message != nil {
		m := *e.download.message
		msg = &m
	}
	return obj{
		{"url", fmt.Sprintf("%s/admin/pre-receive-environments/%d/downloads/latest", c.apiBase(), e.id)},
		{"state", e.download.state}, {"downloaded_at", at}, {"message", msg},
	}
}

// hooksUsing is how many pre-receive hooks use the environment e.
func (c *call) hooksUsing(e *envRec) int {
	n := 0
	for _, h := range c.s.st.preHook {
		if h.envID == e.id {
			n++
		}
	}
	return n
}

// envJSON is the pre-receive environment e.
func (c *call) envJSON(e *envRec) obj {
	return obj{
		{"id", e.id}, {"name", e.name}, {"image_url", e.imageURL},
		{"url", fmt.Sprintf("%s/admin/pre-receive-environments/%d", c.apiBase(), e.id)},
		{"html_url", fmt.Sprintf("%s/admin/pre-receive-environments/%d", c.webBase(), e.id)},
		{"default_environment", e.isDefault}, {"created_at", e.createdAt.UTC().Truncate(time.Second)},
		{"hooks_count", c.hooksUsing(e)}, {"download", c.downloadJSON(e)},
	}
}

func hListEnvs(c *call) {
	by, desc, ok := c.sortDir("created", "updated", "name")
	if !ok {
		return
	}
	envs := slices.Clone(c.s.st.envs)
	sortRecs(envs, by, desc, func(e *envRec) int64 { return e.id }, func(e *envRec) time.Time { return e.updatedAt }, func(e *envRec) string { return e.name })
	pageReply(c, envs, c.envJSON)
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
	case c.hooksUsing(e) > 0:
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
