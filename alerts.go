package ghesadmin

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"time"
)

// CodeScanningService lists the code scanning alerts of an enterprise.
type CodeScanningService service

// DependabotService lists the Dependabot alerts of an enterprise.
type DependabotService service

// SecretScanningService lists the secret scanning alerts of an enterprise
// and manages its push protection pattern configurations.
type SecretScanningService service

// AlertSort is the order of an alert list.
type AlertSort string

// The orders of alert lists.
const (
	AlertSortCreated AlertSort = "created"
	AlertSortUpdated AlertSort = "updated"
)

// checkAlertPage checks what every enterprise alert list takes: the
// sort, its direction and the cursors.
func checkAlertPage(method string, s AlertSort, d Direction, c ListCursorOptions) error {
	return firstError(
		checkEnum(method, "Sort", s, true, AlertSortCreated, AlertSortUpdated),
		d.validate(method+": Direction"),
		c.check(method),
	)
}

// ---- code scanning ----

// CodeScanningAlertState is the state of a code scanning alert.
type CodeScanningAlertState string

// The states of code scanning alerts.
const (
	CodeScanningAlertOpen      CodeScanningAlertState = "open"
	CodeScanningAlertClosed    CodeScanningAlertState = "closed"
	CodeScanningAlertDismissed CodeScanningAlertState = "dismissed"
	CodeScanningAlertFixed     CodeScanningAlertState = "fixed"
)

// CodeScanningRule is the rule an alert was raised by.
type CodeScanningRule struct {
	ID   *string  `json:"id"`
	Name string   `json:"name"`
	Tags []string `json:"tags"`
	// Severity is "none", "note", "warning" or "error", or nil.
	Severity *string `json:"severity"`
	// SecuritySeverityLevel is "low", "medium", "high" or "critical",
	// or nil.
	SecuritySeverityLevel *string `json:"security_severity_level"`
	Description           string  `json:"description,omitempty"`
	FullDescription       string  `json:"full_description,omitempty"`
	Help                  *string `json:"help,omitempty"`
	HelpURI               *string `json:"help_uri,omitempty"`
}

// CodeScanningTool is the analysis tool that raised an alert.
type CodeScanningTool struct {
	Name    string  `json:"name"`
	Version *string `json:"version"`
	GUID    *string `json:"guid"`
}

// CodeScanningLocation is where in a file an alert is.
type CodeScanningLocation struct {
	Path        string `json:"path"`
	StartLine   int    `json:"start_line"`
	EndLine     int    `json:"end_line"`
	StartColumn int    `json:"start_column"`
	EndColumn   int    `json:"end_column"`
}

// CodeScanningMessage is the message of an alert instance.
type CodeScanningMessage struct {
	Text     string `json:"text,omitempty"`
	Markdown string `json:"markdown,omitempty"`
}

// CodeScanningAlertInstance is one occurrence of an alert.
type CodeScanningAlertInstance struct {
	Ref             string                 `json:"ref"`
	AnalysisKey     string                 `json:"analysis_key"`
	Environment     string                 `json:"environment"`
	Category        string                 `json:"category"`
	State           CodeScanningAlertState `json:"state"`
	CommitSHA       string                 `json:"commit_sha"`
	Message         *CodeScanningMessage   `json:"message,omitempty"`
	Location        *CodeScanningLocation  `json:"location,omitempty"`
	HTMLURL         string                 `json:"html_url,omitempty"`
	Classifications []*string              `json:"classifications"`
}

// CodeScanningAlert is a code scanning alert of one of the enterprise's
// repositories.
type CodeScanningAlert struct {
	Number              int64                      `json:"number"`
	CreatedAt           time.Time                  `json:"created_at"`
	UpdatedAt           *time.Time                 `json:"updated_at,omitempty"`
	URL                 string                     `json:"url"`
	HTMLURL             string                     `json:"html_url"`
	InstancesURL        string                     `json:"instances_url"`
	State               CodeScanningAlertState     `json:"state"`
	FixedAt             *time.Time                 `json:"fixed_at"`
	DismissedBy         *SimpleUser                `json:"dismissed_by"`
	DismissedAt         *time.Time                 `json:"dismissed_at"`
	DismissedReason     *string                    `json:"dismissed_reason"`
	DismissedComment    *string                    `json:"dismissed_comment,omitempty"`
	Rule                *CodeScanningRule          `json:"rule"`
	Tool                *CodeScanningTool          `json:"tool"`
	MostRecentInstance  *CodeScanningAlertInstance `json:"most_recent_instance"`
	Repository          *SimpleRepository          `json:"repository"`
	DismissalApprovedBy *SimpleUser                `json:"dismissal_approved_by,omitempty"`
	Assignees           []*SimpleUser              `json:"assignees,omitempty"`
}

// ListCodeScanningAlertsOptions filters and pages the code scanning alerts
// of an enterprise. The list pages with cursors and, on the releases that
// document it, page numbers.
type ListCodeScanningAlertsOptions struct {
	// ToolName keeps the alerts of this tool (not with ToolGUID).
	ToolName string `url:"tool_name,omitempty"`
	// ToolGUID keeps the alerts of the tool with this GUID.
	ToolGUID string `url:"tool_guid,omitempty"`
	// State keeps the alerts in this state.
	State CodeScanningAlertState `url:"state,omitempty"`
	// Assignees keeps the alerts assigned to these logins (comma-separated,
	// "*" for any, "none" for none).
	Assignees string    `url:"assignees,omitempty"`
	Sort      AlertSort `url:"sort,omitempty"`
	Direction Direction `url:"direction,omitempty"`
	// Page is a page number, for the releases that page so.
	Page int `url:"page,omitempty"`
	ListCursorOptions
}

func (o ListCodeScanningAlertsOptions) validate() error {
	const m = "CodeScanning.ListAlerts"
	return firstError(
		refuseIf(o.ToolName != "" && o.ToolGUID != "", "%s: ToolName and ToolGUID are both set; give one", m),
		checkEnum(m, "State", o.State, true, CodeScanningAlertOpen, CodeScanningAlertClosed, CodeScanningAlertDismissed, CodeScanningAlertFixed),
		refuseIf(o.Page < 0, "%s: Page is %d; pages start at 1", m, o.Page),
		checkAlertPage(m, o.Sort, o.Direction, o.ListCursorOptions),
	)
}

// ListAlerts returns one page of the code scanning alerts of the
// enterprise's repositories.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/code-scanning/code-scanning#list-code-scanning-alerts-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/code-scanning/alerts (GHES 3.6 and later).
//
//meta:operation GET /enterprises/{enterprise}/code-scanning/alerts
func (s *CodeScanningService) ListAlerts(ctx context.Context, enterprise string, opts *ListCodeScanningAlertsOptions) ([]*CodeScanningAlert, *Response, error) {
	return fetchSlice[*CodeScanningAlert](ctx, s.backend, &request{op: "CodeScanning.ListAlerts", method: http.MethodGet, path: "enterprises/{enterprise}/code-scanning/alerts", args: []any{enterprise}, query: opts})
}

// ListAlertsIter walks every code scanning alert the options select,
// following the replies' next links (cursors or page numbers).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/code-scanning/code-scanning#list-code-scanning-alerts-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/code-scanning/alerts (GHES 3.6 and later).
//
//meta:operation GET /enterprises/{enterprise}/code-scanning/alerts
func (s *CodeScanningService) ListAlertsIter(ctx context.Context, enterprise string, opts *ListCodeScanningAlertsOptions) iter.Seq2[*CodeScanningAlert, error] {
	return paginate(ctx, s.backend, opts, linked(bind(s.ListAlerts, enterprise)))
}

// ---- Dependabot ----

// DependabotAlertState is the state of a Dependabot alert.
type DependabotAlertState string

// The states of Dependabot alerts.
const (
	DependabotAlertOpen          DependabotAlertState = "open"
	DependabotAlertDismissed     DependabotAlertState = "dismissed"
	DependabotAlertFixed         DependabotAlertState = "fixed"
	DependabotAlertAutoDismissed DependabotAlertState = "auto_dismissed"
)

// AdvisorySeverity is the severity of a security advisory.
type AdvisorySeverity string

// The severities of security advisories.
const (
	SeverityLow      AdvisorySeverity = "low"
	SeverityMedium   AdvisorySeverity = "medium"
	SeverityHigh     AdvisorySeverity = "high"
	SeverityCritical AdvisorySeverity = "critical"
)

// DependabotPackage is a package of an ecosystem.
type DependabotPackage struct {
	// Ecosystem is the package's ecosystem, such as "npm" or "pip".
	Ecosystem string `json:"ecosystem"`
	Name      string `json:"name"`
}

// DependabotDependency is the vulnerable dependency of an alert.
type DependabotDependency struct {
	Package      *DependabotPackage `json:"package,omitempty"`
	ManifestPath string             `json:"manifest_path,omitempty"`
	// Scope is "development" or "runtime", or nil.
	Scope *string `json:"scope"`
}

// PatchedVersion is the first version that fixes a vulnerability.
type PatchedVersion struct {
	Identifier string `json:"identifier"`
}

// AdvisoryVulnerability is a vulnerable version range of a package.
type AdvisoryVulnerability struct {
	Package                *DependabotPackage `json:"package"`
	Severity               AdvisorySeverity   `json:"severity"`
	VulnerableVersionRange string             `json:"vulnerable_version_range"`
	FirstPatchedVersion    *PatchedVersion    `json:"first_patched_version"`
}

// CVSS is a CVSS score and vector.
type CVSS struct {
	Score        *float64 `json:"score"`
	VectorString *string  `json:"vector_string"`
}

// CVSSSeverities are the CVSS v3 and v4 scores of an advisory.
type CVSSSeverities struct {
	CVSSv3 *CVSS `json:"cvss_v3,omitempty"`
	CVSSv4 *CVSS `json:"cvss_v4,omitempty"`
}

// EPSS is the exploit prediction score of an advisory.
type EPSS struct {
	// Percentage is the probability of exploitation; a number, or a
	// numeric string as some releases document it.
	Percentage FlexFloat `json:"percentage"`
	// Percentile is the score's percentile; GHES 3.17–3.19 document it as
	// a string ("0.16001e0"), kept as sent.
	Percentile FlexFloat `json:"percentile"`
}

// UnmarshalJSON reads an object, or a one-element array of one as an
// example shows it (aliases.go).
func (v *EPSS) UnmarshalJSON(b []byte) error {
	type plain EPSS
	return toleranceEPSS.decode(b, (*plain)(v))
}

// CWE is a weakness an advisory names.
type CWE struct {
	CWEID string `json:"cwe_id"`
	Name  string `json:"name"`
}

// AdvisoryIdentifier is an identifier of an advisory ("CVE" or "GHSA").
type AdvisoryIdentifier struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// AdvisoryReference is a link of an advisory.
type AdvisoryReference struct {
	URL string `json:"url"`
}

// SecurityAdvisory is the advisory a Dependabot alert is raised for.
type SecurityAdvisory struct {
	GHSAID          string                   `json:"ghsa_id"`
	CVEID           *string                  `json:"cve_id"`
	Summary         string                   `json:"summary,omitempty"`
	Description     string                   `json:"description,omitempty"`
	Vulnerabilities []*AdvisoryVulnerability `json:"vulnerabilities"`
	Severity        AdvisorySeverity         `json:"severity"`
	CVSS            *CVSS                    `json:"cvss,omitempty"`
	CVSSSeverities  *CVSSSeverities          `json:"cvss_severities,omitempty"`
	EPSS            *EPSS                    `json:"epss,omitempty"`
	CWEs            []*CWE                   `json:"cwes"`
	Identifiers     []*AdvisoryIdentifier    `json:"identifiers"`
	References      []*AdvisoryReference     `json:"references"`
	PublishedAt     time.Time                `json:"published_at"`
	UpdatedAt       time.Time                `json:"updated_at"`
	WithdrawnAt     *time.Time               `json:"withdrawn_at"`
}

// DismissalRequest is a request to dismiss a Dependabot alert.
type DismissalRequest struct {
	ID int64 `json:"id"`
	// Status is "pending", "approved", "rejected" or "cancelled".
	Status    string                     `json:"status,omitempty"`
	Requester *DismissalRequestRequester `json:"requester,omitempty"`
	CreatedAt *time.Time                 `json:"created_at,omitempty"`
	URL       string                     `json:"url,omitempty"`
}

// DismissalRequestRequester is who asked for a dismissal.
type DismissalRequestRequester struct {
	ID    int64  `json:"id"`
	Login string `json:"login"`
}

// DependabotAlert is a Dependabot alert of one of the enterprise's
// repositories.
type DependabotAlert struct {
	Number                int64                  `json:"number"`
	State                 DependabotAlertState   `json:"state"`
	Dependency            *DependabotDependency  `json:"dependency"`
	SecurityAdvisory      *SecurityAdvisory      `json:"security_advisory"`
	SecurityVulnerability *AdvisoryVulnerability `json:"security_vulnerability"`
	URL                   string                 `json:"url"`
	HTMLURL               string                 `json:"html_url"`
	CreatedAt             time.Time              `json:"created_at"`
	UpdatedAt             time.Time              `json:"updated_at"`
	DismissedAt           *time.Time             `json:"dismissed_at"`
	DismissedBy           *SimpleUser            `json:"dismissed_by"`
	DismissedReason       *string                `json:"dismissed_reason"`
	DismissedComment      *string                `json:"dismissed_comment"`
	FixedAt               *time.Time             `json:"fixed_at"`
	AutoDismissedAt       *time.Time             `json:"auto_dismissed_at,omitempty"`
	Repository            *SimpleRepository      `json:"repository"`
	DismissalRequest      *DismissalRequest      `json:"dismissal_request,omitempty"`
}

// ListDependabotAlertsOptions filters and pages the Dependabot alerts of an
// enterprise. The comma-separated filters take several values
// ("critical,high").
type ListDependabotAlertsOptions struct {
	// State: comma-separated states (auto_dismissed, dismissed, fixed,
	// open).
	State string `url:"state,omitempty"`
	// Severity: comma-separated severities (low, medium, high, critical).
	Severity string `url:"severity,omitempty"`
	// Ecosystem: comma-separated ecosystems (composer, go, maven, npm,
	// nuget, pip, pub, rubygems, rust).
	Ecosystem string `url:"ecosystem,omitempty"`
	// Package: comma-separated package names.
	Package string `url:"package,omitempty"`
	// EPSSPercentage: a number or range of EPSS percentages (">=0.5").
	EPSSPercentage string `url:"epss_percentage,omitempty"`
	// Has keeps the alerts with these attributes ("patch").
	Has string `url:"has,omitempty"`
	// Scope is "development" or "runtime".
	Scope     string    `url:"scope,omitempty"`
	Sort      AlertSort `url:"sort,omitempty"`
	Direction Direction `url:"direction,omitempty"`
	// First and Last (1 to 100) are the older way of paging (deprecated).
	First int `url:"first,omitempty"`
	Last  int `url:"last,omitempty"`
	ListCursorOptions
}

func (o ListDependabotAlertsOptions) validate() error {
	const m = "Dependabot.ListAlerts"
	return firstError(
		checkList(m, "State", o.State, "auto_dismissed", "dismissed", "fixed", "open"),
		checkList(m, "Severity", o.Severity, "low", "medium", "high", "critical"),
		checkEnum(m, "Scope", o.Scope, true, "development", "runtime"),
		checkList(m, "Has", o.Has, "patch"),
		refuseIf(o.First < 0 || o.First > 100, "%s: First is %d; it must be between 1 and 100 (0 to leave it out)", m, o.First),
		refuseIf(o.Last < 0 || o.Last > 100, "%s: Last is %d; it must be between 1 and 100 (0 to leave it out)", m, o.Last),
		checkAlertPage(m, o.Sort, o.Direction, o.ListCursorOptions),
	)
}

// checkList refuses a comma-separated list with a value not in allowed.
func checkList(method, field, list string, allowed ...string) error {
	if list == "" {
		return nil
	}
	start := 0
	for i := 0; i <= len(list); i++ {
		if i < len(list) && list[i] != ',' {
			continue
		}
		if err := checkEnum(method, field, list[start:i], false, allowed...); err != nil {
			return err
		}
		start = i + 1
	}
	return nil
}

// ListAlerts returns one page of the Dependabot alerts of the enterprise's
// repositories.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/dependabot/alerts#list-dependabot-alerts-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/dependabot/alerts (GHES 3.7 and later).
//
//meta:operation GET /enterprises/{enterprise}/dependabot/alerts
func (s *DependabotService) ListAlerts(ctx context.Context, enterprise string, opts *ListDependabotAlertsOptions) ([]*DependabotAlert, *Response, error) {
	return fetchSlice[*DependabotAlert](ctx, s.backend, &request{op: "Dependabot.ListAlerts", method: http.MethodGet, path: "enterprises/{enterprise}/dependabot/alerts", args: []any{enterprise}, query: opts})
}

// ListAlertsIter walks every Dependabot alert the options select,
// following the replies' next links.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/dependabot/alerts#list-dependabot-alerts-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/dependabot/alerts (GHES 3.7 and later).
//
//meta:operation GET /enterprises/{enterprise}/dependabot/alerts
func (s *DependabotService) ListAlertsIter(ctx context.Context, enterprise string, opts *ListDependabotAlertsOptions) iter.Seq2[*DependabotAlert, error] {
	return paginate(ctx, s.backend, opts, linked(bind(s.ListAlerts, enterprise)))
}

// ---- secret scanning ----

// SecretScanningAlertState is the state of a secret scanning alert.
type SecretScanningAlertState string

// The states of secret scanning alerts.
const (
	SecretScanningAlertOpen     SecretScanningAlertState = "open"
	SecretScanningAlertResolved SecretScanningAlertState = "resolved"
)

// SecretScanningAlert is a secret scanning alert of one of the enterprise's
// repositories. String never shows the secret.
type SecretScanningAlert struct {
	Number                int64                    `json:"number"`
	CreatedAt             time.Time                `json:"created_at"`
	UpdatedAt             *time.Time               `json:"updated_at"`
	URL                   string                   `json:"url"`
	HTMLURL               string                   `json:"html_url"`
	LocationsURL          string                   `json:"locations_url"`
	State                 SecretScanningAlertState `json:"state"`
	Resolution            *string                  `json:"resolution"`
	ResolvedAt            *time.Time               `json:"resolved_at"`
	ResolvedBy            *SimpleUser              `json:"resolved_by"`
	ResolutionComment     *string                  `json:"resolution_comment,omitempty"`
	SecretType            string                   `json:"secret_type"`
	SecretTypeDisplayName string                   `json:"secret_type_display_name"`
	// Secret is the secret found; empty when listed with HideSecret.
	Secret     string            `json:"secret"`
	Repository *SimpleRepository `json:"repository"`
	// Validity is "active", "inactive" or "unknown".
	Validity                                   string      `json:"validity,omitempty"`
	PushProtectionBypassed                     *bool       `json:"push_protection_bypassed"`
	PushProtectionBypassedBy                   *SimpleUser `json:"push_protection_bypassed_by"`
	PushProtectionBypassedAt                   *time.Time  `json:"push_protection_bypassed_at"`
	PushProtectionBypassRequestReviewer        *SimpleUser `json:"push_protection_bypass_request_reviewer,omitempty"`
	PushProtectionBypassRequestReviewerComment *string     `json:"push_protection_bypass_request_reviewer_comment,omitempty"`
	PushProtectionBypassRequestComment         *string     `json:"push_protection_bypass_request_comment,omitempty"`
	PushProtectionBypassRequestHTMLURL         *string     `json:"push_protection_bypass_request_html_url,omitempty"`
	MultiRepo                                  *bool       `json:"multi_repo,omitempty"`
	IsBase64Encoded                            *bool       `json:"is_base64_encoded,omitempty"`
	// FirstLocationDetected is where the secret was first found (a
	// commit, an issue, a pull request, …), kept as sent.
	FirstLocationDetected json.RawMessage `json:"first_location_detected,omitempty"`
	HasMoreLocations      bool            `json:"has_more_locations,omitempty"`
	AssignedTo            *SimpleUser     `json:"assigned_to,omitempty"`
}

// String shows the alert without its secret.
func (a SecretScanningAlert) String() string {
	repo := ""
	if a.Repository != nil {
		repo = a.Repository.FullName
	}
	return fmt.Sprintf("{number:%d repository:%s state:%s secret_type:%s secret:[REDACTED]}", a.Number, repo, a.State, a.SecretType)
}

// GoString is String, so that %#v does not show the secret either.
func (a SecretScanningAlert) GoString() string { return a.String() }

// ListSecretScanningAlertsOptions filters and pages the secret scanning
// alerts of an enterprise.
type ListSecretScanningAlertsOptions struct {
	State SecretScanningAlertState `url:"state,omitempty"`
	// SecretType: comma-separated secret types.
	SecretType string `url:"secret_type,omitempty"`
	// Resolution: comma-separated resolutions (false_positive,
	// wont_fix, revoked, pattern_edited, pattern_deleted, used_in_tests).
	Resolution string `url:"resolution,omitempty"`
	// Validity: comma-separated validities (active, inactive, unknown).
	Validity         string    `url:"validity,omitempty"`
	IsPubliclyLeaked bool      `url:"is_publicly_leaked,omitempty"`
	IsMultiRepo      bool      `url:"is_multi_repo,omitempty"`
	HideSecret       bool      `url:"hide_secret,omitempty"`
	Sort             AlertSort `url:"sort,omitempty"`
	Direction        Direction `url:"direction,omitempty"`
	ListCursorOptions
}

func (o ListSecretScanningAlertsOptions) validate() error {
	const m = "SecretScanning.ListAlerts"
	return firstError(
		checkEnum(m, "State", o.State, true, SecretScanningAlertOpen, SecretScanningAlertResolved),
		checkList(m, "Resolution", o.Resolution, "false_positive", "wont_fix", "revoked", "pattern_edited", "pattern_deleted", "used_in_tests"),
		checkList(m, "Validity", o.Validity, "active", "inactive", "unknown"),
		checkAlertPage(m, o.Sort, o.Direction, o.ListCursorOptions),
	)
}

// ListAlerts returns one page of the secret scanning alerts of the
// enterprise's repositories.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/secret-scanning/secret-scanning#list-secret-scanning-alerts-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/secret-scanning/alerts (GHES 3.4 and later).
//
//meta:operation GET /enterprises/{enterprise}/secret-scanning/alerts
func (s *SecretScanningService) ListAlerts(ctx context.Context, enterprise string, opts *ListSecretScanningAlertsOptions) ([]*SecretScanningAlert, *Response, error) {
	return fetchSlice[*SecretScanningAlert](ctx, s.backend, &request{op: "SecretScanning.ListAlerts", method: http.MethodGet, path: "enterprises/{enterprise}/secret-scanning/alerts", args: []any{enterprise}, query: opts})
}

// ListAlertsIter walks every secret scanning alert the options select,
// following the replies' next links.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/secret-scanning/secret-scanning#list-secret-scanning-alerts-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/secret-scanning/alerts (GHES 3.4 and later).
//
//meta:operation GET /enterprises/{enterprise}/secret-scanning/alerts
func (s *SecretScanningService) ListAlertsIter(ctx context.Context, enterprise string, opts *ListSecretScanningAlertsOptions) iter.Seq2[*SecretScanningAlert, error] {
	return paginate(ctx, s.backend, opts, linked(bind(s.ListAlerts, enterprise)))
}
