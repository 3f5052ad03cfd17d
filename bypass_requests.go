package ghesadmin

import (
	"context"
	"iter"
	"net/http"
	"time"
)

// BypassRequestsService lists the requests to bypass push rules and secret
// scanning push protection across an enterprise
// (/enterprises/{enterprise}/bypass-requests, GHES 3.19 and later).
type BypassRequestsService service

// BypassRequestStatus is the state of a bypass request. Unknown values are
// kept on decode.
type BypassRequestStatus string

// The states of a bypass request (and BypassRequestStatusAll to list every
// state).
const (
	BypassRequestPending   BypassRequestStatus = "pending"
	BypassRequestOpen      BypassRequestStatus = "open"
	BypassRequestApproved  BypassRequestStatus = "approved"
	BypassRequestDenied    BypassRequestStatus = "denied"
	BypassRequestCancelled BypassRequestStatus = "cancelled"
	BypassRequestCompleted BypassRequestStatus = "completed"
	BypassRequestExpired   BypassRequestStatus = "expired"
	BypassRequestDeleted   BypassRequestStatus = "deleted"
	// BypassRequestStatusAll lists requests in every state (a filter only).
	BypassRequestStatusAll BypassRequestStatus = "all"
)

// BypassTimePeriod is how far back a bypass request list reaches.
type BypassTimePeriod string

// The time periods of a bypass request list.
const (
	BypassTimeHour  BypassTimePeriod = "hour"
	BypassTimeDay   BypassTimePeriod = "day"
	BypassTimeWeek  BypassTimePeriod = "week"
	BypassTimeMonth BypassTimePeriod = "month"
)

// ListBypassRequestsOptions filters a list of bypass requests.
type ListBypassRequestsOptions struct {
	// OrganizationName keeps the requests of one organization.
	OrganizationName string `url:"organization_name,omitempty"`
	// Reviewer keeps the requests a user (login) reviewed.
	Reviewer string `url:"reviewer,omitempty"`
	// Requester keeps the requests a user (login) made.
	Requester string `url:"requester,omitempty"`
	// TimePeriod is how far back to reach (GHES's default: day).
	TimePeriod BypassTimePeriod `url:"time_period,omitempty"`
	// RequestStatus keeps the requests in one state (GHES's default: all).
	RequestStatus BypassRequestStatus `url:"request_status,omitempty"`

	ListOptions
}

func (o ListBypassRequestsOptions) validate() error {
	return firstError(
		checkEnum("", "ListBypassRequestsOptions.TimePeriod", o.TimePeriod, true, BypassTimeHour, BypassTimeDay, BypassTimeWeek, BypassTimeMonth),
		checkEnum("", "ListBypassRequestsOptions.RequestStatus", o.RequestStatus, true, BypassRequestCompleted, BypassRequestCancelled, BypassRequestApproved, BypassRequestExpired,
			BypassRequestDeleted, BypassRequestDenied, BypassRequestOpen, BypassRequestStatusAll),
		o.ListOptions.validate(),
	)
}

// BypassRepository is the repository of a bypass request.
type BypassRepository struct {
	ID       int64  `json:"id,omitempty"`
	Name     string `json:"name,omitempty"`
	FullName string `json:"full_name,omitempty"`
}

// BypassOrganization is the organization of a bypass request.
type BypassOrganization struct {
	ID   int64  `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
}

// BypassActor is the requester or reviewer of a bypass request.
type BypassActor struct {
	ActorID   int64  `json:"actor_id,omitempty"`
	ActorName string `json:"actor_name,omitempty"`
}

// BypassResponseStatus is a reviewer's answer. Unknown values are kept.
type BypassResponseStatus string

// The answers to a bypass request.
const (
	BypassResponseApproved  BypassResponseStatus = "approved"
	BypassResponseDenied    BypassResponseStatus = "denied"
	BypassResponseDismissed BypassResponseStatus = "dismissed"
)

// BypassResponse is a reviewer's answer to a bypass request.
type BypassResponse struct {
	ID        int64                `json:"id,omitempty"`
	Reviewer  BypassActor          `json:"reviewer"`
	Status    BypassResponseStatus `json:"status,omitempty"`
	CreatedAt time.Time            `json:"created_at"`
}

// PushRuleBypassData is a rule a push-rule bypass request would bypass.
type PushRuleBypassData struct {
	RulesetID       int64  `json:"ruleset_id,omitempty"`
	RulesetName     string `json:"ruleset_name,omitempty"`
	TotalViolations int    `json:"total_violations,omitempty"`
	RuleType        string `json:"rule_type,omitempty"`
}

// SecretScanningBypassReason is why a secret scanning bypass is asked.
type SecretScanningBypassReason string

// The reasons of a secret scanning bypass request.
const (
	BypassReasonUsedInTests   SecretScanningBypassReason = "used_in_tests"
	BypassReasonFalsePositive SecretScanningBypassReason = "false_positive"
	BypassReasonFixLater      SecretScanningBypassReason = "fix_later"
)

// SecretScanningBypassData is a secret a secret scanning bypass request
// would let through.
type SecretScanningBypassData struct {
	SecretType   string                     `json:"secret_type,omitempty"`
	BypassReason SecretScanningBypassReason `json:"bypass_reason,omitempty"`
	Path         string                     `json:"path,omitempty"`
	Branch       string                     `json:"branch,omitempty"`
}

// BypassRequest is a request to bypass a rule, with the data of its kind:
// []PushRuleBypassData or []SecretScanningBypassData. The two documented
// objects differ only there.
type BypassRequest[D PushRuleBypassData | SecretScanningBypassData] struct {
	ID                 int64               `json:"id,omitempty"`
	Number             int64               `json:"number,omitempty"`
	Repository         BypassRepository    `json:"repository"`
	Organization       BypassOrganization  `json:"organization"`
	Requester          BypassActor         `json:"requester"`
	RequestType        string              `json:"request_type,omitempty"`
	Data               []D                 `json:"data"`
	ResourceIdentifier string              `json:"resource_identifier,omitempty"`
	Status             BypassRequestStatus `json:"status,omitempty"`
	RequesterComment   *string             `json:"requester_comment"`
	ExpiresAt          time.Time           `json:"expires_at"`
	CreatedAt          time.Time           `json:"created_at"`
	Responses          []BypassResponse    `json:"responses"`
	URL                string              `json:"url,omitempty"`
	HTMLURL            string              `json:"html_url,omitempty"`
}

// PushRuleBypassRequest is a request to bypass push rules.
type PushRuleBypassRequest = BypassRequest[PushRuleBypassData]

// SecretScanningBypassRequest is a request to bypass secret scanning push
// protection.
type SecretScanningBypassRequest = BypassRequest[SecretScanningBypassData]

// ListPushRules returns one page of the push-rule bypass requests of an
// enterprise.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/bypass-requests#list-push-rule-bypass-requests-within-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/bypass-requests/push-rules (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/bypass-requests/push-rules
func (s *BypassRequestsService) ListPushRules(ctx context.Context, enterprise string, opts *ListBypassRequestsOptions) ([]*PushRuleBypassRequest, *Response, error) {
	return fetchSlice[*PushRuleBypassRequest](ctx, s.backend, &request{op: "BypassRequests.ListPushRules", method: http.MethodGet, path: "enterprises/{enterprise}/bypass-requests/push-rules", args: []any{enterprise}, query: opts})
}

// ListPushRulesIter walks every page of ListPushRules from opts.Page. opts
// is not modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/bypass-requests#list-push-rule-bypass-requests-within-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/bypass-requests/push-rules (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/bypass-requests/push-rules
func (s *BypassRequestsService) ListPushRulesIter(ctx context.Context, enterprise string, opts *ListBypassRequestsOptions) iter.Seq2[*PushRuleBypassRequest, error] {
	return paginate(ctx, s.backend, opts, linked(bind(s.ListPushRules, enterprise)))
}

// ListSecretScanning returns one page of the secret scanning bypass
// requests of an enterprise.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/secret-scanning/delegated-bypass#list-bypass-requests-for-secret-scanning-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/bypass-requests/secret-scanning (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/bypass-requests/secret-scanning
func (s *BypassRequestsService) ListSecretScanning(ctx context.Context, enterprise string, opts *ListBypassRequestsOptions) ([]*SecretScanningBypassRequest, *Response, error) {
	return fetchSlice[*SecretScanningBypassRequest](ctx, s.backend, &request{op: "BypassRequests.ListSecretScanning", method: http.MethodGet, path: "enterprises/{enterprise}/bypass-requests/secret-scanning", args: []any{enterprise}, query: opts})
}

// ListSecretScanningIter walks every page of ListSecretScanning from
// opts.Page. opts is not modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/secret-scanning/delegated-bypass#list-bypass-requests-for-secret-scanning-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/bypass-requests/secret-scanning (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/bypass-requests/secret-scanning
func (s *BypassRequestsService) ListSecretScanningIter(ctx context.Context, enterprise string, opts *ListBypassRequestsOptions) iter.Seq2[*SecretScanningBypassRequest, error] {
	return paginate(ctx, s.backend, opts, linked(bind(s.ListSecretScanning, enterprise)))
}
