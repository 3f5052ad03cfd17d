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
