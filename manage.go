package ghesadmin

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
)

// The Manage GHES API (/manage/v1, GHES 3.9 and later, in stages: see
// AdminAPI) lives on the administration port, like the Management Console it
// replaces (removed in GHES 3.15): same origin (WithManagementConsole), same
// basic authentication "api_key:<password>" (or a console user account,
// WithManagementConsoleUser), refused before sending with
// ErrNoConsolePassword when no password is configured. Bodies are JSON, except the license upload and
// the initial configuration, which are multipart/form-data streamed from the
// caller's io.Reader.

// Version returns the GHES release of every node (or of the nodes opts
// selects).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#get-all-ghes-release-versions-for-all-nodes
//
// GHES API: GET /manage/v1/version (GHES 3.9 and later).
//
//meta:operation GET /manage/v1/version
func (s *ManageService) Version(ctx context.Context, opts *ManageNodeOptions) ([]*NodeReleaseVersion, *Response, error) {
	return fetchSlice[*NodeReleaseVersion](ctx, s.backend, &request{op: "Manage.Version", method: http.MethodGet, path: "manage/v1/version", query: opts})
}

// ClusterStatus returns the health of the services on every cluster node.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#get-the-status-of-services-running-on-all-cluster-nodes
//
// GHES API: GET /manage/v1/cluster/status (GHES 3.12 and later).
//
//meta:operation GET /manage/v1/cluster/status
func (s *ManageService) ClusterStatus(ctx context.Context) (*ServicesStatus, *Response, error) {
	return fetch[ServicesStatus](ctx, s.backend, &request{op: "Manage.ClusterStatus", method: http.MethodGet, path: "manage/v1/cluster/status"})
}

// ReplicationStatus returns the replication health of every replica node
// (or of the nodes opts selects).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#get-the-status-of-services-running-on-all-replica-nodes
//
// GHES API: GET /manage/v1/replication/status (GHES 3.9 and later).
//
//meta:operation GET /manage/v1/replication/status
func (s *ManageService) ReplicationStatus(ctx context.Context, opts *ManageNodeOptions) (*ServicesStatus, *Response, error) {
	return fetch[ServicesStatus](ctx, s.backend, &request{op: "Manage.ReplicationStatus", method: http.MethodGet, path: "manage/v1/replication/status", query: opts})
}

// Nodes returns the metadata of the configured nodes (or of the nodes opts
// selects).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#get-ghes-node-metadata-for-all-nodes
//
// GHES API: GET /manage/v1/config/nodes (GHES 3.9 and later).
//
//meta:operation GET /manage/v1/config/nodes
func (s *ManageService) Nodes(ctx context.Context, opts *ManageNodeOptions) (*ConfigNodes, *Response, error) {
	return fetch[ConfigNodes](ctx, s.backend, &request{op: "Manage.Nodes", method: http.MethodGet, path: "manage/v1/config/nodes", query: opts})
}

// SystemRequirements returns the results of the system requirement checks
// of the configured nodes.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#get-the-system-requirement-check-results-for-configured-cluster-nodes
//
// GHES API: GET /manage/v1/checks/system-requirements (GHES 3.12 and later).
//
//meta:operation GET /manage/v1/checks/system-requirements
func (s *ManageService) SystemRequirements(ctx context.Context) (*SystemRequirements, *Response, error) {
	return fetch[SystemRequirements](ctx, s.backend, &request{op: "Manage.SystemRequirements", method: http.MethodGet, path: "manage/v1/checks/system-requirements"})
}

// ConfigApply starts a config apply run (ghe-config-apply) and returns its
// run ID. Follow it with ConfigApplyStatus or WaitForConfigApply.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#trigger-a-ghe-config-apply-run
//
// GHES API: POST /manage/v1/config/apply (GHES 3.12 and later).
//
//meta:operation POST /manage/v1/config/apply
func (s *ManageService) ConfigApply(ctx context.Context, req ConfigApplyRequest) (*ConfigApplyRun, *Response, error) {
	return fetch[ConfigApplyRun](ctx, s.backend, &request{op: "Manage.ConfigApply", method: http.MethodPost, path: "manage/v1/config/apply", json: req})
}

// ConfigApplyStatus returns the state of the config apply run runID, or of
// the latest run when runID is "".
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#get-the-status-of-a-ghe-config-apply-run
//
// GHES API: GET /manage/v1/config/apply (GHES 3.12 and later).
//
//meta:operation GET /manage/v1/config/apply
func (s *ManageService) ConfigApplyStatus(ctx context.Context, runID string) (*ConfigApplyStatus, *Response, error) {
	var q url.Values
	if runID != "" {
		q = url.Values{"run_id": {runID}}
	}
	return fetch[ConfigApplyStatus](ctx, s.backend, &request{op: "Manage.ConfigApplyStatus", method: http.MethodGet, path: "manage/v1/config/apply", query: q})
}

// ConfigApplyEvents returns the config apply events after opts.LastRequestID
// (all of them when opts is nil), per node. Each node's LastRequestID is the
// cursor for the next call; ConfigApplyEventsIter follows it for you.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#list-events-from-ghe-config-apply
//
// GHES API: GET /manage/v1/config/apply/events (GHES 3.12 and later).
//
//meta:operation GET /manage/v1/config/apply/events
func (s *ManageService) ConfigApplyEvents(ctx context.Context, opts *ConfigApplyEventsOptions) (*ConfigApplyEvents, *Response, error) {
	return fetch[ConfigApplyEvents](ctx, s.backend, &request{op: "Manage.ConfigApplyEvents", method: http.MethodGet, path: "manage/v1/config/apply/events", query: opts})
}

// ConfigApplyEventsIter yields the config apply events available now, page
// after page: it calls ConfigApplyEvents, yields every event of every node,
// and asks again with the cursor of the reply (the last non-empty
// last_request_id among its nodes) until a reply brings no event or no
// cursor. It stops with ErrPaginationLoop if the server sends back a cursor
// it already sent, and with ctx's error when ctx ends. To follow a run that
// is still logging, call ConfigApplyEvents later with the last cursor.
//
// GHES API: GET /manage/v1/config/apply/events (GHES 3.12 and later).
//
//meta:operation GET /manage/v1/config/apply/events
func (s *ManageService) ConfigApplyEventsIter(ctx context.Context, opts *ConfigApplyEventsOptions) iter.Seq2[*ConfigApplyEvent, error] {
	return paginate(ctx, s.backend, opts, cursored(s.ConfigApplyEvents, func(_ *ConfigApplyEventsOptions, l *ConfigApplyEvents) (events []*ConfigApplyEvent, next url.Values) {
		cursor := ""
		for _, node := range l.Nodes {
			if node == nil {
				continue
			}
			events = append(events, node.Events...)
			if node.LastRequestID != "" {
				cursor = node.LastRequestID
			}
		}
		return events, cursorNext("last_request_id", cursor)
	}))
}

// WaitForConfigApply polls the config apply run runID (the latest run when
// runID is "") until no node is running any more. It returns the last
// status and nil when the run succeeded, and a *ConfigApplyError naming
// every failed node and the last step it logged (read from the run's
// events) when it failed. A run that reports no node yet is waited for. It
// stops when ctx ends, with ctx's error. It polls every 5 seconds unless a
// WaitOption says otherwise.
//
// GHES API: GET /manage/v1/config/apply (GHES 3.12 and later).
//
//meta:operation GET /manage/v1/config/apply
func (s *ManageService) WaitForConfigApply(ctx context.Context, runID string, opts ...WaitOption) (*ConfigApplyStatus, *Response, error) {
	cfg, err := newWaitConfig(defaultWaitInterval, defaultWaitInterval, opts)
	if err != nil {
		return nil, nil, err
	}
	wait := cfg.interval
	for {
		st, resp, err := s.ConfigApplyStatus(ctx, runID)
		if err != nil {
			return nil, resp, err
		}
		if done, failed := st.finished(); done {
			if !failed {
				return st, resp, nil
			}
			return st, resp, s.configApplyError(ctx, runID, st)
		}
		if err := sleep(ctx, wait); err != nil {
			return st, resp, fmt.Errorf("ghesadmin: waiting for config apply %s: %w", configRunName(runID), err)
		}
		wait = cfg.next(wait)
	}
}

// finished tells whether the run is over and whether it failed.
func (st *ConfigApplyStatus) finished() (done, failed bool) {
	if st.Running || len(st.Nodes) == 0 {
		return false, false
	}
	for _, n := range st.Nodes {
		if n != nil && n.Running {
			return false, false
		}
	}
	if !st.Successful {
		return true, true
	}
	for _, n := range st.Nodes {
		if n != nil && !n.Successful {
			return true, true
		}
	}
	return true, false
}

// configApplyError names the failed nodes of st and, from the run's events,
// the last step each logged.
func (s *ManageService) configApplyError(ctx context.Context, runID string, st *ConfigApplyStatus) error {
	e := &ConfigApplyError{RunID: runID, Status: st}
	for _, n := range st.Nodes {
		if n == nil || n.Successful {
			continue
		}
		if e.RunID == "" {
			e.RunID = n.RunID
		}
		e.Nodes = append(e.Nodes, ConfigApplyNodeFailure{Hostname: n.Hostname})
	}
	if len(e.Nodes) == 0 {
		return e
	}
	// The events say which step each node reached. Reading them is best
	// effort: without them the error still names the nodes.
	last := map[string]*ConfigApplyEvent{}
	for ev, err := range s.ConfigApplyEventsIter(ctx, nil) {
		if err != nil {
			break
		}
		if e.RunID != "" && ev.ConfigRunID != "" && ev.ConfigRunID != e.RunID {
			continue
		}
		prev := last[ev.Hostname]
		if prev == nil || !ev.Timestamp.Before(prev.Timestamp) {
			last[ev.Hostname] = ev
		}
	}
	for i := range e.Nodes {
		if ev := last[e.Nodes[i].Hostname]; ev != nil {
			e.Nodes[i].Step = ev.EventName
			e.Nodes[i].Message = ev.Body
		}
	}
	return e
}

// InitialConfig configures a new appliance with its license (the content of
// its .ghl file, streamed from license) and the password of the
// administration port. The appliance answers 202 Accepted; then start a
// config apply run (ConfigApply).
//
// The body is multipart/form-data with a "license" file part (file name
// "enterprise.ghl") and a "password" field. The request is streamed, so it
// is never retried. Configure the client with the same password
// (WithManagementConsole) so that the following calls authenticate.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#initialize-instance-configuration-with-license-and-password
//
// GHES API: POST /manage/v1/config/init (GHES 3.12 and later).
//
//meta:operation POST /manage/v1/config/init
func (s *ManageService) InitialConfig(ctx context.Context, license io.Reader, password string) (*Response, error) {
	if license == nil {
		return nil, fmt.Errorf("%w: Manage.InitialConfig: the license is nil", ErrInvalidArgument)
	}
	if password == "" {
		return nil, fmt.Errorf("%w: the password is empty", ErrInvalidArgument)
	}
	return s.backend.call(ctx, &request{
		op:     "Manage.InitialConfig",
		method: http.MethodPost,
		path:   "manage/v1/config/init",
		multipart: func(mw *multipart.Writer) error {
			if err := writeLicensePart(mw, license); err != nil {
				return err
			}
			return mw.WriteField("password", password)
		},
	}, nil)
}

// License returns the installed license.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#get-the-enterprise-license-information
//
// GHES API: GET /manage/v1/config/license (GHES 3.12 and later).
//
//meta:operation GET /manage/v1/config/license
func (s *ManageService) License(ctx context.Context) (*ManageLicense, *Response, error) {
	return fetch[ManageLicense](ctx, s.backend, &request{op: "Manage.License", method: http.MethodGet, path: "manage/v1/config/license"})
}

// UploadLicense uploads a new license (the content of its .ghl file,
// streamed from license) as the "license" file part of a
// multipart/form-data body. With opts.Apply, a config apply run follows.
// The appliance answers 201 Created or 202 Accepted, with what each node
// said while importing the license (GHES 3.12 documents this reply; after
// an empty body, none). The request is streamed, so it is never retried.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#upload-an-enterprise-license
//
// GHES API: PUT /manage/v1/config/license (GHES 3.12 and later).
//
//meta:operation PUT /manage/v1/config/license
func (s *ManageService) UploadLicense(ctx context.Context, license io.Reader, opts *UploadLicenseOptions) ([]LicenseUploadOutput, *Response, error) {
	if license == nil {
		return nil, nil, fmt.Errorf("%w: Manage.UploadLicense: the license is nil", ErrInvalidArgument)
	}
	return fetchSlice[LicenseUploadOutput](ctx, s.backend, &request{
		op:        "Manage.UploadLicense",
		method:    http.MethodPut,
		path:      "manage/v1/config/license",
		query:     opts,
		multipart: func(mw *multipart.Writer) error { return writeLicensePart(mw, license) },
	})
}

// licenseFileName is the file name of the license part of multipart bodies.
const licenseFileName = "enterprise.ghl"

func writeLicensePart(mw *multipart.Writer, license io.Reader) error {
	fw, err := mw.CreateFormFile("license", licenseFileName)
	if err != nil {
		return err
	}
	if _, err := io.Copy(fw, license); err != nil {
		return fmt.Errorf("ghesadmin: reading the license: %w", err)
	}
	return nil
}

// LicenseStatus checks whether the installed license is valid.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#check-a-license
//
// GHES API: GET /manage/v1/config/license/check (GHES 3.12 and later).
//
//meta:operation GET /manage/v1/config/license/check
func (s *ManageService) LicenseStatus(ctx context.Context) (*LicenseCheck, *Response, error) {
	return fetch[LicenseCheck](ctx, s.backend, &request{op: "Manage.LicenseStatus", method: http.MethodGet, path: "manage/v1/config/license/check"})
}

// Settings returns the appliance settings. Unknown keys are kept in the
// Extra fields, so that passing the result, changed, to UpdateSettings loses
// nothing (see EnterpriseSettings).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#get-the-ghes-settings
//
// GHES API: GET /manage/v1/config/settings (GHES 3.12 and later).
//
//meta:operation GET /manage/v1/config/settings
func (s *ManageService) Settings(ctx context.Context) (*EnterpriseSettings, *Response, error) {
	return fetch[EnterpriseSettings](ctx, s.backend, &request{op: "Manage.Settings", method: http.MethodGet, path: "manage/v1/config/settings"})
}

// UpdateSettings changes the appliance settings: only the fields that are
// set (non-nil) and the Extra keys are sent, as a JSON body; the appliance
// keeps the others. Changes take effect after a config apply run.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#set-settings
//
// GHES API: PUT /manage/v1/config/settings (GHES 3.12 and later).
//
//meta:operation PUT /manage/v1/config/settings
func (s *ManageService) UpdateSettings(ctx context.Context, settings EnterpriseSettings) (*Response, error) {
	// Encode here so the request body is exactly the settings document.
	doc, err := json.Marshal(settings)
	if err != nil {
		return nil, fmt.Errorf("ghesadmin: encoding the settings: %w", err)
	}
	return s.backend.call(ctx, &request{op: "Manage.UpdateSettings", method: http.MethodPut, path: "manage/v1/config/settings", json: json.RawMessage(doc)}, nil)
}

// MaintenanceStatus returns the maintenance state of every node (or of the
// nodes opts selects), with the connections each waits for.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#get-the-status-of-maintenance-mode
//
// GHES API: GET /manage/v1/maintenance (GHES 3.10 and later).
//
//meta:operation GET /manage/v1/maintenance
func (s *ManageService) MaintenanceStatus(ctx context.Context, opts *ManageNodeOptions) ([]*ManageMaintenanceStatus, *Response, error) {
	return fetchSlice[*ManageMaintenanceStatus](ctx, s.backend, &request{op: "Manage.MaintenanceStatus", method: http.MethodGet, path: "manage/v1/maintenance", query: opts})
}

// SetMaintenance turns maintenance mode on or off, now or at req.When, on
// every node or the one req.UUID names, and returns each node's answer.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#set-the-status-of-maintenance-mode
//
// GHES API: POST /manage/v1/maintenance (GHES 3.10 and later).
//
//meta:operation POST /manage/v1/maintenance
func (s *ManageService) SetMaintenance(ctx context.Context, req ManageMaintenanceRequest) ([]*NodeMessage, *Response, error) {
	return fetchSlice[*NodeMessage](ctx, s.backend, &request{op: "Manage.SetMaintenance", method: http.MethodPost, path: "manage/v1/maintenance", json: req})
}

// SSHKeys returns the SSH keys allowed to reach the administrative shell,
// with their fingerprints.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#get-the-configured-ssh-keys
//
// GHES API: GET /manage/v1/access/ssh (GHES 3.12 and later).
//
//meta:operation GET /manage/v1/access/ssh
func (s *ManageService) SSHKeys(ctx context.Context) ([]*ManageSSHKey, *Response, error) {
	return fetchSlice[*ManageSSHKey](ctx, s.backend, &request{op: "Manage.SSHKeys", method: http.MethodGet, path: "manage/v1/access/ssh"})
}

// sshKeyRequest is the body of POST and DELETE /manage/v1/access/ssh.
type sshKeyRequest struct {
	Key string `json:"key"`
}

func (r sshKeyRequest) check(op string) error {
	if strings.TrimSpace(r.Key) == "" {
		return fmt.Errorf("%w: %s: the public key is empty", ErrInvalidArgument, op)
	}
	return nil
}

// AddSSHKey authorizes a public SSH key on every node and returns each
// node's answer.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#set-a-new-ssh-key
//
// GHES API: POST /manage/v1/access/ssh (GHES 3.12 and later).
//
//meta:operation POST /manage/v1/access/ssh
func (s *ManageService) AddSSHKey(ctx context.Context, publicKey string) ([]*NodeMessage, *Response, error) {
	return fetchSlice[*NodeMessage](ctx, s.backend, &request{op: "Manage.AddSSHKey", method: http.MethodPost, path: "manage/v1/access/ssh", json: sshKeyRequest{Key: publicKey}})
}

// RemoveSSHKey removes an authorized SSH key from every node and returns
// each node's answer.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#delete-a-ssh-key
//
// GHES API: DELETE /manage/v1/access/ssh (GHES 3.12 and later).
//
//meta:operation DELETE /manage/v1/access/ssh
func (s *ManageService) RemoveSSHKey(ctx context.Context, publicKey string) ([]*NodeMessage, *Response, error) {
	return fetchSlice[*NodeMessage](ctx, s.backend, &request{op: "Manage.RemoveSSHKey", method: http.MethodDelete, path: "manage/v1/access/ssh", json: sshKeyRequest{Key: publicKey}})
}

// DownloadUpgrade asks the nodes to download an upgrade package. A direct
// fan-out answers 200 OK with per-node results in Nodes (a node's failure
// is in its Error, not in the status code); a throttled orchestration
// answers 202 Accepted with Orchestration. Both replies are told apart by
// their shape (an array of node results, or the orchestration object).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#download-an-upgrade-package
//
// GHES API: POST /manage/v1/upgrade/download (GHES 3.22 and later).
//
//meta:operation POST /manage/v1/upgrade/download
func (s *ManageService) DownloadUpgrade(ctx context.Context, req UpgradeDownloadRequest) (*UpgradeDownload, *Response, error) {
	out := new(UpgradeDownload)
	resp, err := s.backend.call(ctx, &request{op: "Manage.DownloadUpgrade", method: http.MethodPost, path: "manage/v1/upgrade/download", json: req, decode: func(status int, raw []byte) ([]UnreadValue, error) {
		return decodeUpgradeDownload(out, status, raw)
	}}, nil)
	if err != nil {
		return nil, resp, err
	}
	return out, resp, nil
}

// decodeUpgradeDownload reads the reply of POST /manage/v1/upgrade/download.
// The schema of the 202 reply is an object; the reference's example of it
// is a one-element array, so an array whose items carry a download_id is an
// orchestration too. It decodes into out and returns the values it could
// not read, as decodeLenient does.
func decodeUpgradeDownload(out *UpgradeDownload, status int, raw json.RawMessage) ([]UnreadValue, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	orchestration := strings.HasPrefix(strings.TrimSpace(string(raw)), "{") || status == http.StatusAccepted
	if !orchestration {
		var probe []map[string]json.RawMessage
		if err := json.Unmarshal(raw, &probe); err != nil {
			return nil, err
		}
		orchestration = len(probe) > 0 && probe[0]["download_id"] != nil && probe[0]["hostname"] == nil
	}
	if orchestration {
		out.Orchestration = new(UpgradeDownloadOrchestration)
		return decodeLenient(raw, out.Orchestration)
	}
	return decodeLenient(raw, &out.Nodes)
}

// UpgradeDownloadStatus returns the progress of the upgrade package download
// on every node (or on the node opts selects).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#get-the-upgrade-package-download-status
//
// GHES API: GET /manage/v1/upgrade/download/status (GHES 3.22 and later).
//
//meta:operation GET /manage/v1/upgrade/download/status
func (s *ManageService) UpgradeDownloadStatus(ctx context.Context, opts *UpgradeDownloadStatusOptions) (*UpgradeDownloadStatus, *Response, error) {
	return fetch[UpgradeDownloadStatus](ctx, s.backend, &request{op: "Manage.UpgradeDownloadStatus", method: http.MethodGet, path: "manage/v1/upgrade/download/status", query: opts})
}

// ApplyUpgrade applies a downloaded upgrade package and returns each node's
// answer.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#apply-an-upgrade
//
// GHES API: POST /manage/v1/upgrade/apply (GHES 3.22 and later).
//
//meta:operation POST /manage/v1/upgrade/apply
func (s *ManageService) ApplyUpgrade(ctx context.Context, req UpgradeApplyRequest) ([]*NodeUpgradeResult, *Response, error) {
	return fetchSlice[*NodeUpgradeResult](ctx, s.backend, &request{op: "Manage.ApplyUpgrade", method: http.MethodPost, path: "manage/v1/upgrade/apply", json: req})
}

// UpgradeStatus returns the upgrade state of every node (or of the node opts
// selects), with its steps.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/manage-ghes#get-the-upgrade-status
//
// GHES API: GET /manage/v1/upgrade/status (GHES 3.22 and later).
//
//meta:operation GET /manage/v1/upgrade/status
func (s *ManageService) UpgradeStatus(ctx context.Context, opts *UpgradeStatusOptions) ([]*NodeUpgradeStatus, *Response, error) {
	return fetchSlice[*NodeUpgradeStatus](ctx, s.backend, &request{op: "Manage.UpgradeStatus", method: http.MethodGet, path: "manage/v1/upgrade/status", query: opts})
}
