package ghesadmin

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Types of the Manage GHES API (/manage/v1). Where the reference's example
// and its schema disagree, the types follow the schema and also accept the
// example's form; each such place says so.

// ManageNodeOptions select nodes in the Manage GHES API calls that accept
// them (Version, ReplicationStatus, Nodes, MaintenanceStatus).
type ManageNodeOptions struct {
	// UUID selects one node by its UUID.
	UUID string `url:"uuid,omitempty"`
	// ClusterRoles selects the nodes with these cluster roles
	// ("ConsulServer", "GitServer", … as the API spells them).
	ClusterRoles string `url:"cluster_roles,omitempty"`
}

// NodeReleaseVersion is the GHES release installed on one node.
type NodeReleaseVersion struct {
	Hostname string         `json:"hostname"`
	Version  ReleaseVersion `json:"version"`
}

// ReleaseVersion describes a GHES release build.
type ReleaseVersion struct {
	Version  string `json:"version"`
	Platform string `json:"platform"`
	BuildID  string `json:"build_id"`
	// BuildDate is a date such as "2023-05-02".
	BuildDate string `json:"build_date"`
}

// ServicesStatus is the health of the services on every node: the cluster
// status and the replication status share this shape.
type ServicesStatus struct {
	// Status is the overall status, such as "OK".
	Status string                `json:"status"`
	Nodes  []*NodeServicesStatus `json:"nodes"`
}

// NodeServicesStatus is the health of the services of one node.
type NodeServicesStatus struct {
	Hostname string           `json:"hostname"`
	Status   string           `json:"status"`
	Services []*ServiceStatus `json:"services"`
}

// ServiceStatus is the health of one service.
type ServiceStatus struct {
	Status  string `json:"status"`
	Name    string `json:"name"`
	Details string `json:"details"`
}

// ConfigNodes is the metadata of the configured nodes.
type ConfigNodes struct {
	// Topology is "Single", "Ha", "Cluster", …
	Topology string        `json:"topology"`
	Nodes    []*ConfigNode `json:"nodes"`
}

// ConfigNode is one configured node.
type ConfigNode struct {
	Hostname     string   `json:"hostname"`
	UUID         string   `json:"uuid"`
	ClusterRoles []string `json:"cluster_roles"`
	// Replica tells whether the node is a replica (GHES 3.9 and later).
	Replica bool `json:"replica,omitempty"`
}

// SystemRequirements are the results of the system requirement checks.
type SystemRequirements struct {
	Status string                    `json:"status"`
	Nodes  []*NodeSystemRequirements `json:"nodes"`
}

// NodeSystemRequirements are the check results of one node, per role.
type NodeSystemRequirements struct {
	Hostname    string        `json:"hostname"`
	Status      string        `json:"status"`
	RolesStatus []*RoleStatus `json:"roles_status"`
}

// RoleStatus is the check result of one role of a node.
type RoleStatus struct {
	Status string `json:"status"`
	Role   string `json:"role"`
}

// ConfigApplyRequest starts a config apply run (POST /manage/v1/config/apply).
type ConfigApplyRequest struct {
	// RunID names the run; the appliance chooses one when it is nil.
	RunID *string `json:"run_id,omitempty"`
}

// ConfigApplyRun identifies a config apply run.
type ConfigApplyRun struct {
	RunID string `json:"run_id"`
}

// ConfigApplyStatus is the state of a config apply run.
type ConfigApplyStatus struct {
	// RunID is the run's ID; real servers send it though the reference
	// does not document it.
	RunID      string                   `json:"run_id,omitempty"`
	Running    bool                     `json:"running"`
	Successful bool                     `json:"successful"`
	Nodes      []*ConfigApplyNodeStatus `json:"nodes"`
}

// ConfigApplyNodeStatus is the state of a config apply run on one node.
type ConfigApplyNodeStatus struct {
	RunID      string `json:"run_id"`
	Hostname   string `json:"hostname"`
	Running    bool   `json:"running"`
	Successful bool   `json:"successful"`
}

// ConfigApplyEventsOptions select the events of GET
// /manage/v1/config/apply/events.
type ConfigApplyEventsOptions struct {
	// LastRequestID is the cursor: the events after it are returned. Take
	// it from a previous reply (ConfigApplyNodeEvents.LastRequestID).
	LastRequestID string `url:"last_request_id,omitempty"`
}

// ConfigApplyEvents are the events of config apply runs, per node.
type ConfigApplyEvents struct {
	Nodes []*ConfigApplyNodeEvents `json:"nodes"`
}

// ConfigApplyNodeEvents are the events of one node and the cursor to ask for
// the following ones.
type ConfigApplyNodeEvents struct {
	Node          string              `json:"node"`
	LastRequestID string              `json:"last_request_id"`
	Events        []*ConfigApplyEvent `json:"events"`
}

// ConfigApplyEvent is one log event of a config apply run.
type ConfigApplyEvent struct {
	Timestamp    time.Time `json:"timestamp"`
	SeverityText string    `json:"severity_text"`
	Body         string    `json:"body"`
	// EventName names the step, such as
	// "Enterprise::ConfigApply::PhaseValidation#config_phase_validation".
	EventName   string `json:"event_name"`
	Topology    string `json:"topology"`
	Hostname    string `json:"hostname"`
	ConfigRunID string `json:"config_run_id"`
	TraceID     string `json:"trace_id"`
	SpanID      string `json:"span_id"`
	// SpanParentID is a string in the reference's schema; its example
	// sends the number 0, which decodes as "0".
	SpanParentID string `json:"span_parent_id"`
	SpanDepth    int    `json:"span_depth"`
}

// UnmarshalJSON accepts span_parent_id as a string (the schema) or a number
// (the example).
func (e *ConfigApplyEvent) UnmarshalJSON(b []byte) error {
	type plain ConfigApplyEvent
	var v struct {
		plain
		SpanParentID json.RawMessage `json:"span_parent_id"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*e = ConfigApplyEvent(v.plain)
	id, err := stringOrNumber(v.SpanParentID)
	if err != nil {
		return fmt.Errorf("span_parent_id: %w", err)
	}
	e.SpanParentID = id
	return nil
}

// stringOrNumber decodes a JSON string, number or null as a string.
func stringOrNumber(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return "", nil
	case raw[0] == '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return "", err
	}
	return n.String(), nil
}

// ManageLicense describes the installed license (GET
// /manage/v1/config/license).
type ManageLicense struct {
	AdvancedSecurityEnabled      bool      `json:"advancedSecurityEnabled"`
	AdvancedSecuritySeats        int       `json:"advancedSecuritySeats"`
	ClusterSupport               bool      `json:"clusterSupport"`
	Company                      string    `json:"company"`
	CroquetSupport               bool      `json:"croquetSupport"`
	CustomTerms                  bool      `json:"customTerms"`
	Evaluation                   bool      `json:"evaluation"`
	ExpireAt                     Timestamp `json:"expireAt"`
	InsightsEnabled              bool      `json:"insightsEnabled"`
	InsightsExpireAt             Timestamp `json:"insightsExpireAt"`
	LearningLabEvaluationExpires Timestamp `json:"learningLabEvaluationExpires"`
	LearningLabSeats             int       `json:"learningLabSeats"`
	Perpetual                    bool      `json:"perpetual"`
	ReferenceNumber              string    `json:"referenceNumber"`
	Seats                        int       `json:"seats"`
	SSHAllowed                   bool      `json:"sshAllowed"`
	// SupportKey is "supportKey" (the reference's example misspells it
	// `supportKey"`). It is documented as a string; real servers send
	// false when there is none, read as "false".
	SupportKey       FlexString `json:"supportKey"`
	UnlimitedSeating bool       `json:"unlimitedSeating"`
}

// UnmarshalJSON accepts the license as an object or, as in the reference's
// example, as a one-element array, and the example's `supportKey"`.
func (l *ManageLicense) UnmarshalJSON(b []byte) error {
	type plain ManageLicense
	return toleranceManageLicense.decode(b, (*plain)(l))
}

// LicenseCheck is the validity of the installed license.
type LicenseCheck struct {
	// Status is "valid", "invalid" or "expired".
	Status string `json:"status"`
}

// UnmarshalJSON accepts an object or, as in the reference's example, a
// one-element array.
func (c *LicenseCheck) UnmarshalJSON(b []byte) error {
	type plain LicenseCheck
	return toleranceLicenseCheck.decode(b, (*plain)(c))
}

// UploadLicenseOptions are the query of PUT /manage/v1/config/license.
type UploadLicenseOptions struct {
	// Apply runs a config apply after the upload when true.
	Apply *bool `url:"apply,omitempty"`
}

// LicenseUploadOutput is one line of what the appliance said while
// importing an uploaded license, such as "License imported successfully on
// host: ghe.example.com." (the 201 reply GHES 3.12 documents; later
// releases may answer with no body).
type LicenseUploadOutput struct {
	Output string `json:"output"`
}

// ManageMaintenanceStatus is the maintenance state of one node.
type ManageMaintenanceStatus struct {
	Hostname string `json:"hostname"`
	UUID     string `json:"uuid"`
	// Status is "on", "off" or "scheduled".
	Status string `json:"status"`
	// ScheduledTime is zero when nothing is scheduled.
	ScheduledTime          Timestamp            `json:"scheduled_time"`
	ConnectionServices     []*ConnectionService `json:"connection_services"`
	CanUnsetMaintenance    bool                 `json:"can_unset_maintenance"`
	IPExceptionList        []string             `json:"ip_exception_list"`
	MaintenanceModeMessage string               `json:"maintenance_mode_message"`
}

// ManageMaintenanceRequest turns maintenance mode on or off (POST
// /manage/v1/maintenance).
type ManageMaintenanceRequest struct {
	Enabled bool `json:"enabled"`
	// UUID limits the change to one node.
	UUID *string `json:"uuid,omitempty"`
	// When schedules the change; nil means now.
	When *time.Time `json:"when,omitempty"`
	// IPExceptionList are IP addresses or CIDR ranges still allowed in
	// during maintenance.
	IPExceptionList []string `json:"ip_exception_list,omitempty"`
	// MaintenanceModeMessage is shown to users during maintenance.
	MaintenanceModeMessage *string `json:"maintenance_mode_message,omitempty"`
}

// NodeMessage is the result of an operation on one node.
type NodeMessage struct {
	Hostname string `json:"hostname"`
	UUID     string `json:"uuid"`
	Message  string `json:"message"`
	// Modified tells whether the node changed (adding an SSH key).
	Modified bool `json:"modified"`
	// Error is the node's error, "" when it succeeded.
	Error string `json:"error,omitempty"`
}

// ManageSSHKey is an SSH key allowed to reach the administrative shell.
type ManageSSHKey struct {
	Key string `json:"key"`
	// Fingerprint is "fingerprint" in the schema; the reference's example
	// spells it "fingeprint", which is accepted too.
	Fingerprint string `json:"fingerprint"`
}

// UnmarshalJSON accepts "fingerprint" and the misspelt "fingeprint".
func (k *ManageSSHKey) UnmarshalJSON(b []byte) error {
	type plain ManageSSHKey
	return toleranceSSHKey.decode(b, (*plain)(k))
}

// UpgradeDownloadRequest asks the nodes to download an upgrade package
// (POST /manage/v1/upgrade/download). Setting MaxParallel, NodeTimeout or
// MaxAttempts asks for a throttled orchestration (202 Accepted).
type UpgradeDownloadRequest struct {
	// Version is the release to download, such as "3.19.3".
	Version *string `json:"version,omitempty"`
	// Force downloads again a package already present.
	Force *bool `json:"force,omitempty"`
	// UUIDs limit the download to these nodes.
	UUIDs []string `json:"uuids,omitempty"`
	// MaxParallel is the number of nodes downloading at once (default 2).
	MaxParallel *int `json:"max_parallel,omitempty"`
	// NodeTimeout is a Go duration such as "30m0s" (the default) or "1h".
	NodeTimeout *string `json:"node_timeout,omitempty"`
	// MaxAttempts is the number of attempts per node, 0 to 5 (default 3).
	MaxAttempts *int `json:"max_attempts,omitempty"`
}

// UpgradeDownload is the reply to DownloadUpgrade: per-node results for a
// direct fan-out (200 OK), or an orchestration started in the background
// (202 Accepted).
type UpgradeDownload struct {
	// Nodes are the per-node results of a direct fan-out.
	Nodes []*NodeUpgradeResult
	// Orchestration is set when the download runs as a throttled
	// orchestration.
	Orchestration *UpgradeDownloadOrchestration
}

// NodeUpgradeResult is the result of an upgrade operation on one node.
type NodeUpgradeResult struct {
	Hostname string `json:"hostname"`
	UUID     string `json:"uuid"`
	Message  string `json:"message"`
	// Error is "" when the node accepted the operation.
	Error string `json:"error"`
}

// UpgradeDownloadOrchestration describes a download orchestration started in
// the background.
type UpgradeDownloadOrchestration struct {
	Message     string `json:"message"`
	DownloadID  string `json:"download_id"`
	MaxParallel int    `json:"max_parallel"`
	TotalNodes  int    `json:"total_nodes"`
}

// UnmarshalJSON accepts an object (the schema) or, as in the reference's
// example, a one-element array.
func (o *UpgradeDownloadOrchestration) UnmarshalJSON(b []byte) error {
	type plain UpgradeDownloadOrchestration
	return toleranceDownloadOrchestration.decode(b, (*plain)(o))
}

// UpgradeDownloadStatusOptions are the query of GET
// /manage/v1/upgrade/download/status.
type UpgradeDownloadStatusOptions struct {
	// UUID limits the status to one node.
	UUID string `url:"uuid,omitempty"`
}

// UpgradeDownloadStatus is the progress of an upgrade package download.
type UpgradeDownloadStatus struct {
	// DownloadID is "download_id" in the schema; the reference's examples
	// send "upgrade_id", which is accepted too.
	DownloadID           string                       `json:"download_id"`
	PackageName          string                       `json:"package_name"`
	Status               string                       `json:"status"`
	ErrorMessage         string                       `json:"error_message"`
	DistributionProgress DistributionProgress         `json:"distribution_progress"`
	Nodes                []*NodeUpgradeDownloadStatus `json:"nodes"`
	// Orchestration is set for a throttled orchestration.
	Orchestration *DownloadOrchestrationStatus `json:"orchestration,omitempty"`
}

// UnmarshalJSON accepts "download_id" and the examples' "upgrade_id".
func (s *UpgradeDownloadStatus) UnmarshalJSON(b []byte) error {
	type plain UpgradeDownloadStatus
	return toleranceDownloadID.decode(b, (*plain)(s))
}

// DistributionProgress counts the nodes that have the package.
type DistributionProgress struct {
	CompletedNodes int `json:"completed_nodes"`
	TotalNodes     int `json:"total_nodes"`
}

// NodeUpgradeDownloadStatus is the download progress of one node.
type NodeUpgradeDownloadStatus struct {
	Hostname string `json:"hostname"`
	UUID     string `json:"uuid"`
	// DownloadID: "download_id", or the examples' "upgrade_id".
	DownloadID  string `json:"download_id"`
	PackageName string `json:"package_name"`
	Status      string `json:"status"`
	// Progress is a percentage such as "63%".
	Progress string `json:"progress"`
	Error    string `json:"error"`
}

// UnmarshalJSON accepts "download_id" and the examples' "upgrade_id".
func (s *NodeUpgradeDownloadStatus) UnmarshalJSON(b []byte) error {
	type plain NodeUpgradeDownloadStatus
	return toleranceDownloadID.decode(b, (*plain)(s))
}

// DownloadOrchestrationStatus is the state of a download orchestration.
type DownloadOrchestrationStatus struct {
	Phase        string `json:"phase"`
	ErrorMessage string `json:"error_message"`
	MaxParallel  int    `json:"max_parallel"`
	Queued       int    `json:"queued"`
	InFlight     int    `json:"in_flight"`
	Completed    int    `json:"completed"`
	Failed       int    `json:"failed"`
	Total        int    `json:"total"`
}

// UpgradePhase selects the part of an upgrade to apply.
type UpgradePhase string

// The phases of an upgrade.
const (
	UpgradePhasePreUpgrade UpgradePhase = "pre-upgrade"
	UpgradePhaseUpgrade    UpgradePhase = "upgrade"
)

// UpgradeApplyRequest applies a downloaded upgrade (POST
// /manage/v1/upgrade/apply). Name the package by Version or by
// UpgradePackageFile.
type UpgradeApplyRequest struct {
	UpgradePackageFile *string       `json:"upgrade_package_file,omitempty"`
	Version            *string       `json:"version,omitempty"`
	TargetPartition    *string       `json:"target_partition,omitempty"`
	Phase              *UpgradePhase `json:"phase,omitempty"`
	SkipReboot         *bool         `json:"skip_reboot,omitempty"`
	// UUID limits the upgrade to one node.
	UUID *string `json:"uuid,omitempty"`
}

func (r UpgradeApplyRequest) validate() error {
	if r.Phase != nil {
		switch *r.Phase {
		case UpgradePhasePreUpgrade, UpgradePhaseUpgrade:
		default:
			return fmt.Errorf("%w: UpgradeApplyRequest.Phase %q is not %q or %q", ErrInvalidArgument, *r.Phase, UpgradePhasePreUpgrade, UpgradePhaseUpgrade)
		}
	}
	return nil
}

// UpgradeStatusOptions are the query of GET /manage/v1/upgrade/status.
type UpgradeStatusOptions struct {
	// UUID limits the status to one node.
	UUID string `url:"uuid,omitempty"`
	// IsVerbose asks for more detail.
	IsVerbose bool `url:"is_verbose,omitempty"`
}

// NodeUpgradeStatus is the upgrade state of one node.
type NodeUpgradeStatus struct {
	Hostname                 string         `json:"hostname"`
	UUID                     string         `json:"uuid"`
	ReleaseVersion           string         `json:"release_version"`
	ReleaseSHA               string         `json:"release_sha"`
	Status                   string         `json:"status"`
	PreUpgradeStatus         string         `json:"pre_upgrade_status"`
	UpgradeLastCompletedStep string         `json:"upgrade_last_completed_step"`
	IsRunning                bool           `json:"is_running"`
	Failed                   bool           `json:"failed"`
	Steps                    []*UpgradeStep `json:"steps"`
	Messages                 []string       `json:"messages"`
	Error                    string         `json:"error"`
}

// UpgradeStep is one step of an upgrade on a node.
type UpgradeStep struct {
	Phase     string    `json:"phase"`
	Step      string    `json:"step"`
	Status    string    `json:"status"`
	StartedAt Timestamp `json:"started_at"`
	EndedAt   Timestamp `json:"ended_at"`
	Error     string    `json:"error"`
}

// ConfigApplyError reports a config apply run that failed, as seen by
// WaitForConfigApply.
type ConfigApplyError struct {
	RunID string
	// Nodes are the nodes that failed, with the last step each reached.
	Nodes []ConfigApplyNodeFailure
	// Status is the last status read.
	Status *ConfigApplyStatus
}

// ConfigApplyNodeFailure names a node where a config apply run failed and
// the last step it logged.
type ConfigApplyNodeFailure struct {
	Hostname string
	// Step is the event name of the node's last event of the run, or ""
	// when the events could not be read.
	Step string
	// Message is the body of that event.
	Message string
}

// Error names the run, the failed nodes and their last steps.
func (e *ConfigApplyError) Error() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "ghesadmin: config apply %s failed", configRunName(e.RunID))
	for i, n := range e.Nodes {
		if i == 0 {
			sb.WriteString(" on ")
		} else {
			sb.WriteString("; ")
		}
		fmt.Fprintf(&sb, "node %s", n.Hostname)
		if n.Step != "" {
			fmt.Fprintf(&sb, " at step %s", n.Step)
		}
		if n.Message != "" {
			fmt.Fprintf(&sb, " (%s)", n.Message)
		}
	}
	return sb.String()
}
