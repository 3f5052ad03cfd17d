package ghestest

import (
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// managementConsoleRoutes are the endpoints of the SDK's
// management_console.go (/setup/api on the administration port).
var managementConsoleRoutes = []route{
	{"GET /setup/api/configcheck", accessConsole, "", hConfigCheck},
	{"POST /setup/api/configure", accessConsole, "", hConfigure},
	{"GET /setup/api/maintenance", accessConsole, "", hConsoleMaintenance},
	{"POST /setup/api/maintenance", accessConsole, "", hConsoleSetMaintenance},
	{"GET /setup/api/settings", accessConsole, "", hConsoleSettings},
	{"PUT /setup/api/settings", accessConsole, "", hConsoleUpdateSettings},
	{"GET /setup/api/settings/authorized-keys", accessConsole, "", hAuthorizedKeys},
	{"POST /setup/api/settings/authorized-keys", accessConsole, "", hAddAuthorizedKey},
	{"DELETE /setup/api/settings/authorized-keys", accessConsole, "", hRemoveAuthorizedKey},
	{"POST /setup/api/start", accessConsole, "", hConsoleStart},
	{"POST /setup/api/upgrade", accessConsole, "", hConsoleUpgrade},
}

// form parses an application/x-www-form-urlencoded body (415 otherwise).
func (c *call) form() (url.Values, bool) {
	mt, _, _ := mime.ParseMediaType(c.r.Header.Get("Content-Type"))
	body, err := io.ReadAll(io.LimitReader(c.r.Body, 1<<20))
	if err != nil {
		c.badRequest("Problems reading the request body")
		return nil, false
	}
	if len(body) > 0 && mt != "application/x-www-form-urlencoded" {
		c.json(http.StatusUnsupportedMediaType, errBody{Message: "The request body must be application/x-www-form-urlencoded"})
		return nil, false
	}
	v, err := url.ParseQuery(string(body))
	if err != nil {
		c.badRequest("Problems parsing the form")
		return nil, false
	}
	return v, true
}

var configKeys = []string{"Appliance core components", "GitHub utilities", "GitHub applications", "GitHub services", "Reloading appliance services"}

type progressJSON struct {
	Status string `json:"status"`
	Key    string `json:"key"`
}

func hConfigCheck(c *call) {
	r := c.s.lastRun()
	status := "success"
	progress := []progressJSON{}
	done := len(configKeys)
	if r != nil && !c.s.readRun(r) {
		status = "running"
		done = (r.reads - 1) * len(configKeys) / c.s.cfg.statusReads
	}
	for i, k := range configKeys {
		st := "PENDING"
		switch {
		case i < done:
			st = "DONE"
		case i == done:
			st = "CONFIGURING"
		}
		progress = append(progress, progressJSON{Status: st, Key: k})
	}
	c.json(http.StatusOK, map[string]any{"status": status, "progress": progress})
}

func hConfigure(c *call) {
	c.s.startRun("")
	c.w.WriteHeader(http.StatusAccepted)
}

type connectionServiceJSON struct {
	Name   string `json:"name"`
	Number int    `json:"number"`
}

var connectionServices = []connectionServiceJSON{{"git operations", 0}, {"mysql queries", 0}, {"aqueduct jobs", 0}, {"resque jobs", 0}}

func (c *call) consoleMaintenanceJSON() map[string]any {
	m := &c.s.st.admin.maintenance
	status := m.status(c.s.now())
	res := map[string]any{"status": status, "connection_services": connectionServices}
	// scheduled_time (a string) only when maintenance is on or scheduled:
	// never null.
	if status != "off" {
		res["scheduled_time"] = m.since.Format("Monday, January 2 at 15:04 -0700")
	}
	return res
}

func hConsoleMaintenance(c *call) { c.json(http.StatusOK, c.consoleMaintenanceJSON()) }

func hConsoleSetMaintenance(c *call) {
	v, ok := c.form()
	if !ok {
		return
	}
	raw := v.Get("maintenance")
	if raw == "" {
		c.invalid("Maintenance", "maintenance", "missing_field", "maintenance is required")
		return
	}
	var body struct {
		Enabled json.RawMessage `json:"enabled"`
		When    string          `json:"when"`
	}
	if err := json.Unmarshal([]byte(raw), &body); err != nil {
		c.badRequest("maintenance is not a JSON document")
		return
	}
	var enabled bool
	switch strings.Trim(string(body.Enabled), `"`) {
	case "true":
		enabled = true
	case "false":
		enabled = false
	default:
		c.invalid("Maintenance", "enabled", "invalid", "enabled must be true or false")
		return
	}
	if err := c.s.st.admin.setMaintenance(enabled, body.When, c.s.now(), nil, nil); err != nil {
		c.invalid("Maintenance", "when", "invalid", err.Error())
		return
	}
	c.json(http.StatusOK, c.consoleMaintenanceJSON())
}

func hConsoleSettings(c *call) {
	c.json(http.StatusOK, map[string]any{"enterprise": c.s.st.admin.settings, "run_list": []string{"recipe[enterprise-configure]"}})
}

// consoleSettingsPatch reads a settings form field: {"enterprise": {...}}.
func (c *call) consoleSettingsPatch(raw string) (map[string]any, bool) {
	var doc map[string]any
	if err := json.Unmarshal([]byte(raw), &doc); err != nil || doc == nil {
		c.badRequest("settings is not a JSON object")
		return nil, false
	}
	for k := range doc {
		if k != "enterprise" && k != "run_list" {
			c.invalid("Settings", k, "invalid", `unknown top-level settings key "`+k+`": settings go under "enterprise"`)
			return nil, false
		}
	}
	ent, ok := doc["enterprise"].(map[string]any)
	if _, present := doc["enterprise"]; present && !ok {
		c.invalid("Settings", "enterprise", "invalid", `"enterprise" must be an object`)
		return nil, false
	}
	return ent, true
}

func hConsoleUpdateSettings(c *call) {
	v, ok := c.form()
	if !ok {
		return
	}
	raw := v.Get("settings")
	if raw == "" {
		c.invalid("Settings", "settings", "missing_field", "settings is required")
		return
	}
	patch, ok := c.consoleSettingsPatch(raw)
	if !ok {
		return
	}
	mergeSettings(c.s.st.admin.settings, patch)
	c.noContent()
}

type authorizedKeyJSON struct {
	Key         string `json:"key"`
	PrettyPrint string `json:"pretty-print"`
}

func (c *call) authorizedKeys(status int) {
	out := []authorizedKeyJSON{}
	for _, k := range c.s.st.admin.sshKeys {
		fp, _ := validSSHKey(k)
		out = append(out, authorizedKeyJSON{Key: k, PrettyPrint: strings.Fields(k)[0] + " " + fp})
	}
	c.json(status, out)
}

func hAuthorizedKeys(c *call) { c.authorizedKeys(http.StatusOK) }

func (c *call) formKey() (string, bool) {
	v, ok := c.form()
	if !ok {
		return "", false
	}
	key := strings.TrimSpace(v.Get("authorized_key"))
	if key == "" {
		c.invalid("AuthorizedKey", "authorized_key", "missing_field", "authorized_key is required")
		return "", false
	}
	if _, ok := validSSHKey(key); !ok {
		c.invalid("AuthorizedKey", "authorized_key", "invalid", "Key is invalid. You must supply a key in OpenSSH public key format")
		return "", false
	}
	return key, true
}

func hAddAuthorizedKey(c *call) {
	key, ok := c.formKey()
	if !ok {
		return
	}
	a := &c.s.st.admin
	if a.hasKey(key) >= 0 {
		c.invalid("AuthorizedKey", "authorized_key", "already_exists", "Key already exists")
		return
	}
	a.sshKeys = append(a.sshKeys, key)
	c.authorizedKeys(http.StatusCreated)
}

func hRemoveAuthorizedKey(c *call) {
	key, ok := c.formKey()
	if !ok {
		return
	}
	a := &c.s.st.admin
	i := a.hasKey(key)
	if i < 0 {
		c.notFound()
		return
	}
	a.sshKeys = slices.Delete(a.sshKeys, i, i+1)
	c.authorizedKeys(http.StatusOK)
}

// formOrMultipart reads the fields of a multipart/form-data body (what
// real appliances were sent for the license upload, a "license" file part
// with "password" and "settings" fields) or of an
// application/x-www-form-urlencoded one (the form the reference documents).
func (c *call) formOrMultipart() (url.Values, bool) {
	if mt, _, _ := mime.ParseMediaType(c.r.Header.Get("Content-Type")); mt != "multipart/form-data" {
		return c.form()
	}
	f, ok := c.multipartFields()
	if !ok {
		return nil, false
	}
	v := url.Values{}
	for k, s := range f {
		v.Set(k, s)
	}
	return v, true
}

func hConsoleStart(c *call) {
	v, ok := c.formOrMultipart()
	if !ok {
		return
	}
	lic := v.Get("license")
	if lic == "" {
		c.invalid("License", "license", "missing_field", "license is required")
		return
	}
	if raw := v.Get("settings"); raw != "" {
		patch, ok := c.consoleSettingsPatch(raw)
		if !ok {
			return
		}
		mergeSettings(c.s.st.admin.settings, patch)
	}
	c.s.applyLicenseFile([]byte(lic))
	c.w.WriteHeader(http.StatusAccepted)
}

func hConsoleUpgrade(c *call) {
	v, ok := c.formOrMultipart()
	if !ok {
		return
	}
	if lic := v.Get("license"); lic != "" {
		c.s.applyLicenseFile([]byte(lic))
	}
	c.s.startRun("")
	c.w.WriteHeader(http.StatusAccepted)
}
