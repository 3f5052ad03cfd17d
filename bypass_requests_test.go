package ghesadmin

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

const (
	bypassPushRulesPath      = "/enterprises/acme%20corp/bypass-requests/push-rules"
	bypassSecretScanningPath = "/enterprises/acme%20corp/bypass-requests/secret-scanning"
)

// The members of a bypass request both fixtures share.
var (
	wantBypassRepository   = BypassRepository{ID: 1296269, Name: "Hello-World", FullName: "octo-org/Hello-World"}
	wantBypassOrganization = BypassOrganization{ID: 1001, Name: "octo-org"}
	wantBypassRequester    = BypassActor{ActorID: 12, ActorName: "monalisa"}
)

func wantBypassResponses(t *testing.T) []BypassResponse {
	return []BypassResponse{{ID: 42, Reviewer: BypassActor{ActorID: 4, ActorName: "octocat"}, Status: BypassResponseApproved,
		CreatedAt: mustTime(t, "2025-05-02T00:00:00Z")}}
}

func TestBypassRequestsEndpoints(t *testing.T) {
	full := &ListBypassRequestsOptions{OrganizationName: "octo org", Reviewer: "octocat", Requester: "monalisa",
		TimePeriod: BypassTimeWeek, RequestStatus: BypassRequestApproved, ListOptions: ListOptions{Page: 2, PerPage: 10}}
	fullQuery := url.Values{"organization_name": {"octo org"}, "reviewer": {"octocat"}, "requester": {"monalisa"},
		"time_period": {"week"}, "request_status": {"approved"}, "page": {"2"}, "per_page": {"10"}}
	pushRule := PushRuleBypassRequest{ID: 21, Number: 1, Repository: wantBypassRepository, Organization: wantBypassOrganization,
		Requester: wantBypassRequester, RequestType: "push_ruleset_bypass",
		Data:               []PushRuleBypassData{{RulesetID: 410, RulesetName: "Max file size", TotalViolations: 2, RuleType: "max_file_size"}},
		ResourceIdentifier: "827efc6d56897b048c772eb4087f854f46256132", Status: BypassRequestApproved,
		RequesterComment: Ptr("Test fixture, not a real token"), ExpiresAt: mustTime(t, "2025-05-08T00:00:00Z"), CreatedAt: mustTime(t, "2025-05-01T00:00:00Z"),
		Responses: wantBypassResponses(t), URL: "https://ghes.test/api/v3/repos/octo-org/Hello-World/bypass-requests/1",
		HTMLURL: "https://ghes.test/octo-org/Hello-World/exemptions/1"}
	secret := SecretScanningBypassRequest{ID: 21, Number: 1, Repository: wantBypassRepository, Organization: wantBypassOrganization,
		Requester: wantBypassRequester, RequestType: "secret_scanning_closure",
		Data:               []SecretScanningBypassData{{SecretType: "adafruit_io_key", BypassReason: BypassReasonUsedInTests, Path: "/tests/README.md", Branch: "refs/heads/main"}},
		ResourceIdentifier: "827efc6d56897b048c772eb4087f854f46256132", Status: BypassRequestApproved,
		RequesterComment: Ptr("Test fixture, not a real token"), ExpiresAt: mustTime(t, "2025-05-08T00:00:00Z"), CreatedAt: mustTime(t, "2025-05-01T00:00:00Z"),
		Responses: wantBypassResponses(t), URL: "https://ghes.test/api/v3/repos/octo-org/Hello-World/bypass-requests/1",
		HTMLURL: "https://ghes.test/octo-org/Hello-World/exemptions/1"}
	runEndpointCases(t, []endpointCase{
		{"ListPushRules", call{Method: http.MethodGet, Path: bypassPushRulesPath, Query: fullQuery, Reply: "bypass_requests/push_rules.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.BypassRequests
				return s.ListPushRules(ctx, "acme corp", full)
			}, []*PushRuleBypassRequest{&pushRule}},
		{"ListPushRules/no options", call{Method: http.MethodGet, Path: bypassPushRulesPath, Reply: "bypass_requests/push_rules.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.BypassRequests
				return s.ListPushRules(ctx, "acme corp", nil)
			}, []*PushRuleBypassRequest{&pushRule}},
		{"ListSecretScanning", call{Method: http.MethodGet, Path: bypassSecretScanningPath, Query: fullQuery, Reply: "bypass_requests/secret_scanning.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.BypassRequests
				return s.ListSecretScanning(ctx, "acme corp", full)
			}, []*SecretScanningBypassRequest{&secret}},
		{"ListSecretScanning/all", call{Method: http.MethodGet, Path: bypassSecretScanningPath, Query: url.Values{"request_status": {"all"}, "time_period": {"month"}},
			Reply: "bypass_requests/secret_scanning.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.BypassRequests
				return s.ListSecretScanning(ctx, "acme corp", &ListBypassRequestsOptions{RequestStatus: BypassRequestStatusAll, TimePeriod: BypassTimeMonth})
			}, []*SecretScanningBypassRequest{&secret}},
	})
	assertCoversFixture(t, "bypass_requests/push_rules.json", []*PushRuleBypassRequest{})
	assertCoversFixture(t, "bypass_requests/secret_scanning.json", []*SecretScanningBypassRequest{})
}

// TestBypassRequestsErrorReplies: the documented 404 and 500.
func TestBypassRequestsErrorReplies(t *testing.T) {
	ctx := context.Background()
	for _, status := range []int{http.StatusNotFound, http.StatusInternalServerError} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			env := mock(t)
			env.expect(t, call{Method: http.MethodGet, Path: bypassPushRulesPath, Status: status, ReplyJSON: `{"message":"refused"}`})
			env.expect(t, call{Method: http.MethodGet, Path: bypassSecretScanningPath, Status: status, ReplyJSON: `{"message":"refused"}`})
			requireErrorStatus(t, second3(env.Client.BypassRequests.ListPushRules(ctx, "acme corp", nil)), status)
			requireErrorStatus(t, second3(env.Client.BypassRequests.ListSecretScanning(ctx, "acme corp", nil)), status)
		})
	}
}

func TestBypassRequestsIters(t *testing.T) {
	opts := &ListBypassRequestsOptions{Requester: "monalisa", ListOptions: ListOptions{PerPage: 1}}
	query := url.Values{"requester": {"monalisa"}, "per_page": {"1"}}
	idReply := func(p int) string { return fmt.Sprintf(`[{"id":%d}]`, p) }
	for _, tc := range []struct {
		name, path string
		walk       func(ctx context.Context, c *Client) ([]int64, error)
	}{
		{"ListPushRulesIter", bypassPushRulesPath, func(ctx context.Context, c *Client) ([]int64, error) {
			return collectIDs(c.BypassRequests.ListPushRulesIter(ctx, "acme corp", opts), func(r *PushRuleBypassRequest) int64 { return r.ID })
		}},
		{"ListSecretScanningIter", bypassSecretScanningPath, func(ctx context.Context, c *Client) ([]int64, error) {
			return collectIDs(c.BypassRequests.ListSecretScanningIter(ctx, "acme corp", opts), func(r *SecretScanningBypassRequest) int64 { return r.ID })
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { requireWalkIDs(t, tc.path, linkedPages(query, idReply, 3), tc.walk, 1, 2, 3) })
	}
	require.Zero(t, opts.Page, "the caller's options are not modified")
}

func TestBypassRequestsRefusedBeforeSending(t *testing.T) {
	env := mock(t) // no expectation: anything sent fails the test
	s, ctx := env.Client.BypassRequests, context.Background()
	checkRefusals(t, []refusal{
		{"status", second3(s.ListSecretScanning(ctx, "e", &ListBypassRequestsOptions{RequestStatus: BypassRequestPending})),
			"BypassRequests.ListSecretScanning", "ListBypassRequestsOptions.RequestStatus"},
		{"time period", second3(s.ListPushRules(ctx, "e", &ListBypassRequestsOptions{TimePeriod: "year"})), "BypassRequests.ListPushRules", "ListBypassRequestsOptions.TimePeriod"},
		{"page", second3(s.ListPushRules(ctx, "e", &ListBypassRequestsOptions{ListOptions: ListOptions{PerPage: -1}})), "BypassRequests.ListPushRules", "ListOptions.PerPage"},
		{"empty enterprise", second3(s.ListSecretScanning(ctx, "", nil)), "BypassRequests.ListSecretScanning", "enterprise"},
	})
}
