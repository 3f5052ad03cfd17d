package ghestest

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// runnersRoutes are the endpoints of the SDK's runners.go; ent checks the
// enterprise of the path first.
var runnersRoutes = []route{
	{"GET /enterprises/{enterprise}/actions/runners", accessAdmin, "", ent(hListRunners)},
	{"GET /enterprises/{enterprise}/actions/runners/downloads", accessAdmin, "", ent(hRunnerDownloads)},
	{"POST /enterprises/{enterprise}/actions/runners/registration-token", accessAdmin, "", ent(hRunnerToken("registration"))},
	{"POST /enterprises/{enterprise}/actions/runners/remove-token", accessAdmin, "", ent(hRunnerToken("remove"))},
	{"POST /enterprises/{enterprise}/actions/runners/generate-jitconfig", accessAdmin, "", ent(hJITConfig)},
	{"GET /enterprises/{enterprise}/actions/runners/{runner_id}", accessAdmin, "", ent(hGetRunner)},
	{"DELETE /enterprises/{enterprise}/actions/runners/{runner_id}", accessAdmin, "", ent(hDeleteRunner)},
	{"GET /enterprises/{enterprise}/actions/runners/{runner_id}/labels", accessAdmin, "", ent(hListLabels)},
	{"POST /enterprises/{enterprise}/actions/runners/{runner_id}/labels", accessAdmin, "", ent(hAddLabels)},
	{"PUT /enterprises/{enterprise}/actions/runners/{runner_id}/labels", accessAdmin, "", ent(hSetLabels)},
	{"DELETE /enterprises/{enterprise}/actions/runners/{runner_id}/labels", accessAdmin, "", ent(hClearLabels)},
	{"DELETE /enterprises/{enterprise}/actions/runners/{runner_id}/labels/{name}", accessAdmin, "", ent(hRemoveLabel)},
}

// ent checks the enterprise slug (or "1", the enterprise id) first.
func ent(h handler) handler {
	return func(c *call) {
		e := c.r.PathValue("enterprise")
		if !strings.EqualFold(e, c.s.cfg.enterprise) && e != "1" {
			c.notFound()
			return
		}
		h(c)
	}
}

type labelJSON struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
}

func osLabel(os string) string {
	switch os {
	case "macos":
		return "macOS"
	case "windows":
		return "Windows"
	case "linux":
		return "Linux"
	}
	return ""
}

func (st *state) runnerLabels(r *runnerRec) []labelJSON {
	out := []labelJSON{}
	ro := []string{"self-hosted", "X64"}
	if l := osLabel(r.os); l != "" {
		ro = append(ro, l)
	}
	for _, n := range ro {
		out = append(out, labelJSON{ID: st.labelIDFor(n), Name: n, Type: "read-only"})
	}
	for _, n := range r.labels {
		out = append(out, labelJSON{ID: st.labelIDFor(n), Name: n, Type: "custom"})
	}
	return out
}

// runnerJSON is the self-hosted runner r.
func (st *state) runnerJSON(r *runnerRec) obj {
	return obj{
		{"id", r.id}, {"name", r.name}, {"os", r.os}, {"status", r.status},
		{"busy", r.busy}, {"ephemeral", r.ephemeral}, {"labels", st.runnerLabels(r)},
	}
}

func (c *call) pathRunner() *runnerRec {
	return pathRecord(c, "runner_id", c.s.st.runnerByID)
}

func hListRunners(c *call) {
	name := c.r.URL.Query().Get("name")
	rs := []*runnerRec{}
	for _, r := range c.s.st.runners {
		if name == "" || r.name == name {
			rs = append(rs, r)
		}
	}
	wrappedPage(c, "runners", rs, c.s.st.runnerJSON)
}

func hRunnerDownloads(c *call) {
	type app struct {
		OS           string `json:"os"`
		Architecture string `json:"architecture"`
		DownloadURL  string `json:"download_url"`
		Filename     string `json:"filename"`
	}
	const v = "2.311.0"
	out := []app{}
	for _, p := range [][2]string{{"osx", "x64"}, {"osx", "arm64"}, {"linux", "x64"}, {"linux", "arm"}, {"linux", "arm64"}, {"win", "x64"}} {
		ext := "tar.gz"
		if p[0] == "win" {
			ext = "zip"
		}
		f := fmt.Sprintf("actions-runner-%s-%s-%s.%s", p[0], p[1], v, ext)
		out = append(out, app{OS: p[0], Architecture: p[1], DownloadURL: "https://github.com/actions/runner/releases/download/v" + v + "/" + f, Filename: f})
	}
	c.json(http.StatusOK, out)
}

func hRunnerToken(kind string) handler {
	return func(c *call) {
		val, err := randomString("", 15)
		if err != nil {
			c.json(http.StatusInternalServerError, errBody{Message: "cannot generate a token"})
			return
		}
		val = strings.ToUpper(val)
		exp := c.s.now().Add(time.Hour)
		c.s.st.rtokens = append(c.s.st.rtokens, &runnerTokenRec{value: val, kind: kind, expiresAt: exp})
		c.json(http.StatusCreated, map[string]any{"token": val, "expires_at": exp.Format("2006-01-02T15:04:05.000Z07:00")})
	}
}

func hJITConfig(c *call) {
	var b struct {
		Name          *string   `json:"name"`
		RunnerGroupID *int64    `json:"runner_group_id"`
		Labels        *[]string `json:"labels"`
		WorkFolder    *string   `json:"work_folder"`
	}
	if !c.decode(&b, false) {
		return
	}
	st := c.s.st
	switch {
	case b.Name == nil || *b.Name == "":
		c.invalid("Runner", "name", "missing_field", "name is required")
		return
	case b.RunnerGroupID == nil:
		c.invalid("Runner", "runner_group_id", "missing_field", "runner_group_id is required")
		return
	case b.Labels == nil || len(*b.Labels) == 0 || len(*b.Labels) > 100:
		c.invalid("Runner", "labels", "invalid", "labels must have between 1 and 100 items")
		return
	}
	g := st.groupByID(*b.RunnerGroupID)
	if g == nil {
		c.notFound()
		return
	}
	for _, r := range st.runners {
		if strings.EqualFold(r.name, *b.Name) {
			c.json(http.StatusConflict, errBody{Message: "Already exists - A runner with the name " + *b.Name + " already exists.", DocumentationURL: docsBase})
			return
		}
	}
	r := &runnerRec{id: st.id(), name: *b.Name, os: "unknown", status: "offline", groupID: g.id}
	for _, l := range *b.Labels {
		if !isReadOnlyLabel(l) && !slices.ContainsFunc(r.labels, func(x string) bool { return strings.EqualFold(x, l) }) {
			r.labels = append(r.labels, l)
		}
	}
	st.runners = append(st.runners, r)
	folder := "_work"
	if b.WorkFolder != nil && *b.WorkFolder != "" {
		folder = *b.WorkFolder
	}
	cfg, _ := json.Marshal(map[string]any{"runner_id": r.id, "name": r.name, "work_folder": folder, "url": c.webBase()})
	// The runner JSON here has no "ephemeral"/"version" fields in the reference.
	c.json(http.StatusCreated, map[string]any{
		"runner":             map[string]any{"id": r.id, "name": r.name, "os": r.os, "status": r.status, "busy": r.busy, "labels": st.runnerLabels(r)},
		"encoded_jit_config": base64.StdEncoding.EncodeToString(cfg),
	})
}

func isReadOnlyLabel(l string) bool {
	switch strings.ToLower(l) {
	case "self-hosted", "x64", "linux", "macos", "windows":
		return true
	}
	return false
}

func hGetRunner(c *call) {
	if r := c.pathRunner(); r != nil {
		c.json(http.StatusOK, c.s.st.runnerJSON(r))
	}
}

func hDeleteRunner(c *call) {
	r := c.pathRunner()
	if r == nil {
		return
	}
	if r.busy {
		c.invalid("Runner", "", "custom", "The runner is running a job and cannot be deleted")
		return
	}
	c.s.st.runners = slices.DeleteFunc(c.s.st.runners, func(x *runnerRec) bool { return x == r })
	c.noContent()
}

func (c *call) labelsReply(r *runnerRec) {
	ls := c.s.st.runnerLabels(r)
	c.json(http.StatusOK, map[string]any{"total_count": len(ls), "labels": ls})
}

func hListLabels(c *call) {
	if r := c.pathRunner(); r != nil {
		c.labelsReply(r)
	}
}

// decodeLabels reads {"labels": [...]} with min..100 items.
func (c *call) decodeLabels(minItems int) ([]string, bool) {
	var b struct {
		Labels *[]string `json:"labels"`
	}
	if !c.decode(&b, false) {
		return nil, false
	}
	if b.Labels == nil || len(*b.Labels) < minItems || len(*b.Labels) > 100 {
		c.invalid("Runner", "labels", "invalid", fmt.Sprintf("labels must have between %d and 100 items", minItems))
		return nil, false
	}
	for _, l := range *b.Labels {
		if strings.TrimSpace(l) == "" {
			c.invalid("Runner", "labels", "invalid", "labels cannot be blank")
			return nil, false
		}
	}
	return *b.Labels, true
}

func addLabels(r *runnerRec, labels []string) {
	for _, l := range labels {
		if isReadOnlyLabel(l) || slices.ContainsFunc(r.labels, func(x string) bool { return strings.EqualFold(x, l) }) {
			continue
		}
		r.labels = append(r.labels, l)
	}
}

func hAddLabels(c *call) {
	r := c.pathRunner()
	if r == nil {
		return
	}
	labels, ok := c.decodeLabels(1)
	if !ok {
		return
	}
	addLabels(r, labels)
	c.labelsReply(r)
}

func hSetLabels(c *call) {
	r := c.pathRunner()
	if r == nil {
		return
	}
	labels, ok := c.decodeLabels(0)
	if !ok {
		return
	}
	r.labels = nil
	addLabels(r, labels)
	c.labelsReply(r)
}

func hClearLabels(c *call) {
	r := c.pathRunner()
	if r == nil {
		return
	}
	r.labels = nil
	c.labelsReply(r)
}

func hRemoveLabel(c *call) {
	r := c.pathRunner()
	if r == nil {
		return
	}
	name := c.r.PathValue("name")
	for _, l := range c.s.st.runnerLabels(r) {
		if strings.EqualFold(l.Name, name) {
			if l.Type == "read-only" {
				c.invalid("Runner", "name", "custom", "Read-only labels cannot be removed")
				return
			}
			r.labels = slices.DeleteFunc(r.labels, func(x string) bool { return strings.EqualFold(x, name) })
			c.labelsReply(r)
			return
		}
	}
	c.notFound()
}

// RegisterRunner simulates a self-hosted runner registering with a
// registration token from POST .../actions/runners/registration-token:
// it adds an online runner in the default group and returns its id. It
// fails if the token is unknown, is a remove token, or has expired (an
// hour after it was created, by the server's clock).
func (s *Server) RegisterRunner(token, name string, labels ...string) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.st
	if err := s.useRunnerToken(token, "registration"); err != nil {
		return 0, err
	}
	if name == "" {
		return 0, errors.New("ghestest: RegisterRunner: empty runner name")
	}
	for _, r := range st.runners {
		if strings.EqualFold(r.name, name) {
			return 0, fmt.Errorf("ghestest: RegisterRunner: a runner named %q exists", name)
		}
	}
	r := &runnerRec{id: st.id(), name: name, os: "linux", status: "online", groupID: st.defaultGroup().id}
	addLabels(r, labels)
	st.runners = append(st.runners, r)
	return r.id, nil
}

// UnregisterRunner simulates a runner removing itself with a remove token
// from POST .../actions/runners/remove-token. It fails if the token is
// unknown, is a registration token, has expired, or the runner does not
// exist.
func (s *Server) UnregisterRunner(token string, runnerID int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.useRunnerToken(token, "remove"); err != nil {
		return err
	}
	if s.st.runnerByID(runnerID) == nil {
		return fmt.Errorf("ghestest: UnregisterRunner: no runner %d", runnerID)
	}
	s.st.runners = slices.DeleteFunc(s.st.runners, func(r *runnerRec) bool { return r.id == runnerID })
	return nil
}

func (s *Server) useRunnerToken(token, kind string) error {
	for _, t := range s.st.rtokens {
		if t.value == token && t.kind == kind {
			if !s.now().Before(t.expiresAt) {
				return fmt.Errorf("ghestest: the %s token has expired", kind)
			}
			return nil
		}
	}
	return fmt.Errorf("ghestest: unknown %s token", kind)
}
