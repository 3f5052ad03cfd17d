package ghestest

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// manageRoutes are the endpoints of the SDK's manage.go (/manage/v1 on the
// administration port).
var manageRoutes = []route{
	{"GET /manage/v1/version", accessConsole, "", hManageVersion},
	{"GET /manage/v1/cluster/status", accessConsole, "", hClusterStatus},
	{"GET /manage/v1/replication/status", accessConsole, "", hReplicationStatus},
	{"GET /manage/v1/checks/system-requirements", accessConsole, "", hSystemRequirements},
	{"GET /manage/v1/config/nodes", accessConsole, "", hNodes},
	{"POST /manage/v1/config/apply", accessConsole, "", hConfigApply},
	{"GET /manage/v1/config/apply", accessConsole, "", hConfigApplyStatus},
	{"GET /manage/v1/config/apply/events", accessConsole, "", hConfigApplyEvents},
	{"POST /manage/v1/config/init", accessConsole, "", hConfigInit},
	{"GET /manage/v1/config/license", accessConsole, "", hManageLicense},
	{"PUT /manage/v1/config/license", accessConsole, "", hManageUploadLicense},
	{"GET /manage/v1/config/license/check", accessConsole, "", hLicenseCheck},
	{"GET /manage/v1/config/settings", accessConsole, "", hManageSettings},
	{"PUT /manage/v1/config/settings", accessConsole, "", hManageUpdateSettings},
	{"GET /manage/v1/maintenance", accessConsole, "", hManageMaintenance},
	{"POST /manage/v1/maintenance", accessConsole, "", hManageSetMaintenance},
	{"GET /manage/v1/access/ssh", accessConsole, "", hManageSSHKeys},
	{"POST /manage/v1/access/ssh", accessConsole, "", hManageAddSSHKey},
	{"DELETE /manage/v1/access/ssh", accessConsole, "", hManageRemoveSSHKey},
	{"POST /manage/v1/upgrade/download", accessConsole, "", hUpgradeDownload},
	{"GET /manage/v1/upgrade/download/status", accessConsole, "", hUpgradeDownloadStatus},
	{"POST /manage/v1/upgrade/apply", accessConsole, "", hUpgradeApply},
	{"GET /manage/v1/upgrade/status", accessConsole, "", hUpgradeStatus},
}

// nodeSelected applies the uuid and cluster_roles query filters to the
// fake's single node.
func (c *call) nodeSelected() bool {
	q := c.r.URL.Query()
	if u := q.Get("uuid"); u != "" && u != nodeUUID {
		return false
	}
	if roles := q.Get("cluster_roles"); roles != "" {
		for _, role := range strings.Split(roles, ",") {
			if slices.Contains(nodeRoles, strings.TrimSpace(role)) {
				return true
			}
		}
		return false
	}
	return true
}

// perNode answers a list with v for the node, or an empty list when the
// filters exclude it.
func (c *call) perNode(v any) {
	if c.nodeSelected() {
		c.json(http.StatusOK, []any{v})
		return
	}
	c.json(http.StatusOK, []any{})
}

func hManageVersion(c *call) {
	c.perNode(map[string]any{"hostname": nodeHostname, "version": map[string]string{
		"version": c.s.version, "platform": "kvm", "build_id": "0000000000", "build_date": "2024-01-01",
	}})
}

type serviceJSON struct {
	Status  string `json:"status"`
	Name    string `json:"name"`
	Details string `json:"details"`
}

func hClusterStatus(c *call) {
	c.json(http.StatusOK, map[string]any{"status": "OK", "nodes": []any{map[string]any{
		"hostname": nodeHostname, "status": "OK", "services": []serviceJSON{
			{"OK", "git-replication", "Git replication is in sync"},
			{"OK", "mysql-replication", "Replication is running"},
			{"OK", "redis", "Redis is OK"},
			{"OK", "storage", "Storage replication is in sync"},
		}}}})
}

func hReplicationStatus(c *call) {
	nodes := []any{}
	if c.nodeSelected() {
		nodes = append(nodes, map[string]any{"hostname": nodeHostname, "status": "OK", "services": []serviceJSON{}})
	}
	c.json(http.StatusOK, map[string]any{"status": "OK", "nodes": nodes})
}

func hSystemRequirements(c *call) {
	roles := []map[string]string{}
	for _, r := range nodeRoles {
		roles = append(roles, map[string]string{"status": "OK", "role": r})
	}
	c.json(http.StatusOK, map[string]any{"status": "OK", "nodes": []any{map[string]any{"hostname": nodeHostname, "status": "OK", "roles_status": roles}}})
}

func hNodes(c *call) {
	nodes := []any{}
	if c.nodeSelected() {
		nodes = append(nodes, map[string]any{"hostname": nodeHostname, "uuid": nodeUUID, "cluster_roles": nodeRoles, "replica": false})
	}
	c.json(http.StatusOK, map[string]any{"topology": "SingleNode", "nodes": nodes})
}

func hConfigApply(c *call) {
	var body struct {
		RunID string `json:"run_id"`
	}
	if !c.decode(&body, true) {
		return
	}
	if r := c.s.lastRun(); r != nil && r.reads < c.s.cfg.statusReads && r.reads > 0 {
		c.badRequest("a configuration run is already in progress")
		return
	}
	r := c.s.startRun(body.RunID)
	c.json(http.StatusOK, map[string]string{"run_id": r.id})
}

func (c *call) findRun() (*configRun, bool) {
	id := c.r.URL.Query().Get("run_id")
	if id == "" {
		return c.s.lastRun(), true
	}
	for _, r := range c.s.st.admin.runs {
		if r.id == id {
			return r, true
		}
	}
	c.badRequest("no configuration run with run_id " + id)
	return nil, false
}

func hConfigApplyStatus(c *call) {
	r, ok := c.findRun()
	if !ok {
		return
	}
	if r == nil {
		c.json(http.StatusOK, map[string]any{"running": false, "successful": false, "nodes": []any{}})
		return
	}
	done := c.s.readRun(r)
	// Real servers send the run's run_id at the top level too, though
	// the reference omits it.
	c.json(http.StatusOK, map[string]any{"run_id": r.id, "running": !done, "successful": done, "nodes": []any{
		map[string]any{"run_id": r.id, "hostname": nodeHostname, "running": !done, "successful": done},
	}})
}

// hConfigApplyEvents lists the events of the latest run logged so far,
// after the one the last_request_id cursor names (all of them without a
// cursor). With nothing new, the cursor comes back unchanged.
func hConfigApplyEvents(c *call) {
	r := c.s.lastRun()
	events := []any{}
	cursor := c.r.URL.Query().Get("last_request_id")
	last := cursor
	if r != nil {
		n := r.reads
		if n == 0 {
			n = 1
		}
		trace := fmt.Sprintf("%032x", r.started.UnixNano())
		// A cursor of an earlier run reads the latest run from its start.
		after := !strings.HasPrefix(cursor, trace+":")
		for i := 0; i < n && i < len(configKeys); i++ {
			id := fmt.Sprintf("%s:%016x:%016x", trace, i+1, 0)
			if !after {
				after = id == cursor
				continue
			}
			last = id
			events = append(events, map[string]any{
				"timestamp": r.started.Add(time.Duration(i) * time.Second).UTC().Format(time.RFC3339), "severity_text": "INFO",
				"body": "Configuring " + configKeys[i], "event_name": "Enterprise::ConfigApply::Phase" + strconv.Itoa(i+1),
				"topology": "single", "hostname": nodeHostname, "config_run_id": r.id,
				"trace_id": trace, "span_id": fmt.Sprintf("%016x", i+1), "span_parent_id": "0", "span_depth": 0,
			})
		}
	}
	c.json(http.StatusOK, map[string]any{"nodes": []any{map[string]any{"node": nodeHostname, "last_request_id": last, "events": events}}})
}

// multipartField reads one field of a multipart/form-data body.
func (c *call) multipartFields(required ...string) (map[string]string, bool) {
	if err := c.r.ParseMultipartForm(1 << 20); err != nil {
		c.badRequest("the request body must be multipart/form-data")
		return nil, false
	}
	out := map[string]string{}
	for k, vs := range c.r.MultipartForm.Value {
		if len(vs) > 0 {
			out[k] = vs[0]
		}
	}
	for k, fhs := range c.r.MultipartForm.File {
		if len(fhs) == 0 {
			continue
		}
		f, err := fhs[0].Open()
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(io.LimitReader(f, 1<<20))
		_ = f.Close()
		out[k] = string(b)
	}
	for _, k := range required {
		if out[k] == "" {
			c.badRequest(k + " is required")
			return nil, false
		}
	}
	return out, true
}

func hConfigInit(c *call) {
	f, ok := c.multipartFields("license", "password")
	if !ok {
		return
	}
	c.s.applyLicenseFile([]byte(f["license"]))
	c.s.startRun("")
	c.w.WriteHeader(http.StatusAccepted)
}

func hManageLicense(c *call) {
	l := c.s.st.license
	c.json(http.StatusOK, map[string]any{
		"advancedSecurityEnabled": false, "advancedSecuritySeats": 0, "clusterSupport": false, "company": "ghestest",
		"croquetSupport": true, "customTerms": false, "evaluation": false, "expireAt": l.expireAt.UTC().Format(time.RFC3339),
		"insightsEnabled": false, "insightsExpireAt": l.expireAt.UTC().Format(time.RFC3339),
		"learningLabEvaluationExpires": l.expireAt.UTC().Format(time.RFC3339), "learningLabSeats": 0, "perpetual": false,
		"referenceNumber": "000000", "seats": l.seats, "sshAllowed": true, "supportKey": "", "unlimitedSeating": false,
	})
}

func hManageUploadLicense(c *call) {
	f, ok := c.multipartFields("license")
	if !ok {
		return
	}
	c.s.applyLicenseFile([]byte(f["license"]))
	if apply, _ := strconv.ParseBool(c.r.URL.Query().Get("apply")); apply {
		c.s.startRun("")
		c.w.WriteHeader(http.StatusAccepted)
		return
	}
	// What the appliance says while importing (documented by 3.12).
	c.json(http.StatusCreated, []map[string]string{{"output": "License imported successfully on host: " + nodeHostname + "."}})
}

func hLicenseCheck(c *call) {
	st := "valid"
	if !c.s.now().Before(c.s.st.license.expireAt) {
		st = "expired"
	}
	c.json(http.StatusOK, map[string]string{"status": st})
}

func hManageSettings(c *call) { c.json(http.StatusOK, c.s.st.admin.settings) }

func hManageUpdateSettings(c *call) {
	var patch map[string]any
	if !c.decode(&patch, false) {
		return
	}
	if patch == nil {
		c.badRequest("the settings must be a JSON object")
		return
	}
	if _, wrapped := patch["enterprise"]; wrapped {
		c.badRequest(`unknown setting "enterprise": /manage/v1 settings are not wrapped`)
		return
	}
	mergeSettings(c.s.st.admin.settings, patch)
	c.noContent()
}

func hManageMaintenance(c *call) {
	m := &c.s.st.admin.maintenance
	status := m.status(c.s.now())
	ips := m.ipExceptions
	if ips == nil {
		ips = []string{}
	}
	res := map[string]any{
		"hostname": nodeHostname, "uuid": nodeUUID, "status": status,
		"connection_services": connectionServices, "can_unset_maintenance": true,
		"ip_exception_list": ips, "maintenance_mode_message": m.message,
	}
	// scheduled_time only when maintenance is on or scheduled, as the
	// description's example writes it (never "" or null).
	if status != "off" {
		res["scheduled_time"] = m.since.Format(time.RFC3339)
	}
	c.perNode(res)
}

func hManageSetMaintenance(c *call) {
	var body struct {
		Enabled                *bool     `json:"enabled"`
		UUID                   string    `json:"uuid"`
		When                   string    `json:"when"`
		IPExceptionList        *[]string `json:"ip_exception_list"`
		MaintenanceModeMessage *string   `json:"maintenance_mode_message"`
	}
	if !c.decode(&body, false) {
		return
	}
	if body.Enabled == nil {
		c.badRequest("enabled is required")
		return
	}
	if body.UUID != "" && body.UUID != nodeUUID {
		c.badRequest("no node with uuid " + body.UUID)
		return
	}
	var ips []string
	if body.IPExceptionList != nil {
		ips = *body.IPExceptionList
	}
	a := &c.s.st.admin
	if err := a.setMaintenance(*body.Enabled, body.When, c.s.now(), ips, body.MaintenanceModeMessage); err != nil {
		c.badRequest(err.Error())
		return
	}
	msg := "maintenance mode " + map[string]string{"on": "enabled", "off": "disabled", "scheduled": "scheduled"}[a.maintenance.status(c.s.now())]
	if len(a.maintenance.ipExceptions) > 0 && *body.Enabled {
		msg += " with exception list [" + strings.Join(a.maintenance.ipExceptions, " ") + "]"
	}
	c.json(http.StatusOK, []any{map[string]string{"hostname": nodeHostname, "uuid": nodeUUID, "message": msg}})
}

func hManageSSHKeys(c *call) {
	out := []map[string]string{}
	for _, k := range c.s.st.admin.sshKeys {
		fp, _ := validSSHKey(k)
		out = append(out, map[string]string{"key": k, "fingerprint": fp})
	}
	c.json(http.StatusOK, out)
}

func (c *call) sshKeyBody() (string, bool) {
	var body struct {
		Key string `json:"key"`
	}
	if !c.decode(&body, false) {
		return "", false
	}
	key := strings.TrimSpace(body.Key)
	if _, ok := validSSHKey(key); !ok {
		c.badRequest("key is missing or is not an OpenSSH public key")
		return "", false
	}
	return key, true
}

func hManageAddSSHKey(c *call) {
	key, ok := c.sshKeyBody()
	if !ok {
		return
	}
	a := &c.s.st.admin
	res := map[string]any{"hostname": nodeHostname, "uuid": nodeUUID, "message": "SSH key added successfully", "modified": true}
	if a.hasKey(key) >= 0 {
		res["message"], res["modified"] = "SSH key already exists", false
	} else {
		a.sshKeys = append(a.sshKeys, key)
	}
	c.json(http.StatusOK, []any{res})
}

func hManageRemoveSSHKey(c *call) {
	key, ok := c.sshKeyBody()
	if !ok {
		return
	}
	a := &c.s.st.admin
	i := a.hasKey(key)
	if i < 0 {
		c.badRequest("SSH key not found")
		return
	}
	a.sshKeys = slices.Delete(a.sshKeys, i, i+1)
	c.json(http.StatusOK, []any{map[string]string{"hostname": nodeHostname, "uuid": nodeUUID, "message": "SSH key removed successfully"}})
}

// nextPatch is the version one patch release after v.
func nextPatch(v string) string {
	parts := strings.Split(v, ".")
	if len(parts) == 2 {
		return v + ".1"
	}
	n, _ := strconv.Atoi(parts[2])
	return parts[0] + "." + parts[1] + "." + strconv.Itoa(n+1)
}

func packageName(v string) string { return "github-enterprise-" + v + ".pkg" }

func hUpgradeDownload(c *call) {
	var body struct {
		Version     string  `json:"version"`
		Force       bool    `json:"force"`
		MaxParallel *int    `json:"max_parallel"`
		NodeTimeout *string `json:"node_timeout"`
		MaxAttempts *int    `json:"max_attempts"`
	}
	if !c.decode(&body, true) {
		return
	}
	if body.Version == "" {
		body.Version = nextPatch(c.s.version)
	}
	if _, _, err := parseVersion(body.Version); err != nil {
		c.badRequest("version: " + err.Error())
		return
	}
	a := &c.s.st.admin
	if a.download != nil && a.download.reads < c.s.cfg.statusReads && !body.Force {
		c.json(http.StatusConflict, map[string]any{"error": map[string]string{"message": "an upgrade package download orchestration is already in progress", "request_id": ""}})
		return
	}
	id, _ := randomString("", 16)
	id = id[:8] + "-" + id[8:12] + "-" + id[12:16] + "-" + id[16:20] + "-" + id[20:32]
	a.download = &upgradeDownload{id: id, version: body.Version, forced: body.Force}
	// A plain download fans out directly: 200 with one result per node.
	// Any orchestration setting starts a throttled orchestration: 202.
	if body.MaxParallel == nil && body.NodeTimeout == nil && body.MaxAttempts == nil {
		c.json(http.StatusOK, []any{map[string]string{"hostname": nodeHostname, "uuid": nodeUUID, "message": "download started", "error": ""}})
		return
	}
	mp := 2
	if body.MaxParallel != nil {
		mp = *body.MaxParallel
	}
	c.json(http.StatusAccepted, map[string]any{"message": "download orchestration started", "download_id": id, "max_parallel": mp, "total_nodes": 1})
}

func hUpgradeDownloadStatus(c *call) {
	d := c.s.st.admin.download
	if d == nil {
		c.badRequest("no upgrade package download has been started")
		return
	}
	if d.reads < c.s.cfg.statusReads {
		d.reads++
	}
	done := d.reads >= c.s.cfg.statusReads
	status, progress, completed := "downloading", strconv.Itoa(d.reads*100/c.s.cfg.statusReads)+"%", 0
	if done {
		status, progress, completed = "completed", "100%", 1
	}
	c.json(http.StatusOK, map[string]any{
		"download_id": d.id, "package_name": packageName(d.version), "status": status, "error_message": "",
		"distribution_progress": map[string]int{"completed_nodes": completed, "total_nodes": 1},
		"nodes": []any{map[string]string{"hostname": nodeHostname, "uuid": nodeUUID, "download_id": d.id,
			"package_name": packageName(d.version), "status": status, "progress": progress, "error": ""}},
	})
}

func hUpgradeApply(c *call) {
	var body struct {
		UpgradePackageFile string `json:"upgrade_package_file"`
		Version            string `json:"version"`
		Phase              string `json:"phase"`
		SkipReboot         bool   `json:"skip_reboot"`
		UUID               string `json:"uuid"`
	}
	if !c.decode(&body, false) {
		return
	}
	if body.Phase != "" && body.Phase != "pre-upgrade" && body.Phase != "upgrade" {
		c.badRequest("phase must be pre-upgrade or upgrade")
		return
	}
	a := &c.s.st.admin
	if a.upgrade != nil && !a.upgrade.done {
		c.badRequest("an upgrade is already in progress")
		return
	}
	d := a.download
	ready := d != nil && d.reads >= c.s.cfg.statusReads
	switch {
	case body.Version == "" && body.UpgradePackageFile == "":
		c.badRequest("version or upgrade_package_file is required")
		return
	case body.Version != "" && (!ready || d.version != body.Version):
		c.json(http.StatusNotFound, errBody{Message: "no downloaded upgrade package for version " + body.Version})
		return
	case body.Version == "" && (!ready || !strings.HasSuffix(body.UpgradePackageFile, packageName(d.version))):
		c.json(http.StatusNotFound, errBody{Message: "upgrade package file not found"})
		return
	}
	phase := body.Phase
	if phase == "" {
		phase = "upgrade"
	}
	a.upgrade = &upgradeRun{version: d.version, phase: phase, started: c.s.now()}
	c.perNode(map[string]string{"hostname": nodeHostname, "uuid": nodeUUID, "message": "upgrade started", "error": ""})
}

func hUpgradeStatus(c *call) {
	u := c.s.st.admin.upgrade
	res := map[string]any{"hostname": nodeHostname, "uuid": nodeUUID, "release_version": c.s.version, "release_sha": "0000000000",
		"status": "completed", "pre_upgrade_status": "completed", "is_running": false, "failed": false,
		"steps": []any{}, "messages": []string{}, "error": ""}
	if u != nil {
		if u.reads < c.s.cfg.statusReads {
			u.reads++
		}
		finished := u.reads >= c.s.cfg.statusReads
		if finished && !u.done {
			u.done = true
			if u.phase == "upgrade" {
				c.s.setVersion(u.version)
			}
		}
		step := func(phase, name string, doneStep bool) map[string]string {
			s := map[string]string{"phase": phase, "step": name, "status": "in_progress", "started_at": u.started.UTC().Format(time.RFC3339), "error": ""}
			if doneStep { // ended_at only once the step ended (a date-time, never "")
				s["status"], s["ended_at"] = "completed", u.started.Add(time.Minute).UTC().Format(time.RFC3339)
			}
			return s
		}
		steps := []any{step("pre-upgrade", "signature_verification", finished || u.reads > 1)}
		if u.phase == "upgrade" {
			steps = append(steps, step("upgrade", "extract_root_filesystem", finished))
		}
		status, pre := "in_progress", "in_progress"
		if finished || u.reads > 1 {
			pre, res["upgrade_last_completed_step"] = "completed", "signature_verification"
		}
		if finished {
			status = "completed"
			if u.phase == "upgrade" {
				res["upgrade_last_completed_step"] = "extract_root_filesystem"
			}
		}
		res["release_version"] = u.version
		res["status"], res["pre_upgrade_status"] = status, pre
		res["is_running"], res["steps"] = !finished, steps
	}
	c.perNode(res)
}
