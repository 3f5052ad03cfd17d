package ghesadmin

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

const rulesetsPath = "/enterprises/acme%20corp/rulesets/21/history"

func TestRulesetsEndpoints(t *testing.T) {
	v3 := RulesetVersion{VersionID: 3, Actor: RulesetVersionActor{ID: 1, Type: "User"}, UpdatedAt: mustTime(t, "2025-04-05T06:07:08Z")}
	v2 := RulesetVersion{VersionID: 2, Actor: RulesetVersionActor{ID: 42, Type: "Integration"}, UpdatedAt: mustTime(t, "2025-04-01T00:00:00Z")}
	runEndpointCases(t, []endpointCase{
		{"ListHistory", call{Method: http.MethodGet, Path: rulesetsPath, Query: url.Values{"per_page": {"2"}, "page": {"3"}}, Reply: "rulesets/history.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.Rulesets
				return s.ListHistory(ctx, "acme corp", 21, &ListOptions{PerPage: 2, Page: 3})
			}, []*RulesetVersion{&v3, &v2}},
		{"ListHistory/no options", call{Method: http.MethodGet, Path: rulesetsPath, Reply: "rulesets/history.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.Rulesets
				return s.ListHistory(ctx, "acme corp", 21, nil)
			}, []*RulesetVersion{&v3, &v2}},
		{"GetVersion", call{Method: http.MethodGet, Path: rulesetsPath + "/3", Reply: "rulesets/version.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.Rulesets
				return deref(s.GetVersion(ctx, "acme corp", 21, 3))
			},
			RulesetVersionWithState{RulesetVersion: v3, State: json.RawMessage(`{"id":21,"name":"protect main","target":"branch","enforcement":"active","conditions":{"ref_name":{"include":["~DEFAULT_BRANCH"],"exclude":[]}},"rules":[{"type":"deletion"}]}`)}},
	})
	assertCoversFixture(t, "rulesets/history.json", []*RulesetVersion{})
	assertCoversFixture(t, "rulesets/version.json", RulesetVersionWithState{})
}

// TestRulesetsErrorReplies: the documented 404 and 500.
func TestRulesetsErrorReplies(t *testing.T) {
	ctx := context.Background()
	for _, status := range []int{http.StatusNotFound, http.StatusInternalServerError} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			env := mock(t)
			env.expect(t, call{Method: http.MethodGet, Path: rulesetsPath, Status: status, ReplyJSON: `{"message":"refused"}`})
			env.expect(t, call{Method: http.MethodGet, Path: rulesetsPath + "/9", Status: status, ReplyJSON: `{"message":"refused"}`})
			for _, err := range []error{second3(env.Client.Rulesets.ListHistory(ctx, "acme corp", 21, nil)), second3(env.Client.Rulesets.GetVersion(ctx, "acme corp", 21, 9))} {
				requireErrorStatus(t, err, status)
			}
		})
	}
}

// requireErrorStatus requires err to be an *ErrorResponse of status with
// the message "refused", matching ErrNotFound for a 404.
func requireErrorStatus(t *testing.T, err error, status int) {
	t.Helper()
	var er *ErrorResponse
	require.ErrorAs(t, err, &er)
	require.Equal(t, status, er.StatusCode())
	require.Equal(t, "refused", er.Message)
	if status == http.StatusNotFound {
		require.ErrorIs(t, err, ErrNotFound)
	}
}

func TestRulesetsListHistoryIter(t *testing.T) {
	opts := &ListOptions{PerPage: 1}
	requireWalkIDs(t, rulesetsPath, linkedPages(url.Values{"per_page": {"1"}}, func(p int) string { return fmt.Sprintf(`[{"version_id":%d}]`, p) }, 3),
		func(ctx context.Context, c *Client) ([]int64, error) {
			return collectIDs(c.Rulesets.ListHistoryIter(ctx, "acme corp", 21, opts), func(v *RulesetVersion) int64 { return v.VersionID })
		}, 1, 2, 3)
	require.Zero(t, opts.Page, "the caller's options are not modified")
}

func TestRulesetsRefusedBeforeSending(t *testing.T) {
	env := mock(t) // no expectation: anything sent fails the test
	s, ctx := env.Client.Rulesets, context.Background()
	checkRefusals(t, []refusal{
		{"page", second3(s.ListHistory(ctx, "e", 1, &ListOptions{Page: -1})), "Rulesets.ListHistory", "ListOptions.Page"},
		{"empty enterprise", second3(s.GetVersion(ctx, "", 1, 2)), "Rulesets.GetVersion", "enterprise"},
	})
}
