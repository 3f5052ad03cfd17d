package ghesadmin

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// statsCase is one per-area endpoint: the method to call and what the
// reference's example decodes to.
type statsCase struct {
	area    string
	fixture string
	call    func(context.Context, *StatsService) (any, *Response, error)
	want    any
	zero    any
}

func statsCases() []statsCase {
	return []statsCase{
		{"all", "stats/all.json", func(ctx context.Context, s *StatsService) (any, *Response, error) { return deref(s.All(ctx)) }, EnterpriseStats{
			Repos:      RepoStats{TotalRepos: 212, RootRepos: 194, ForkRepos: 18, OrgRepos: 51, TotalPushes: 3082, TotalWikis: 15},
			Hooks:      HookStats{TotalHooks: 27, ActiveHooks: 23, InactiveHooks: 4},
			Pages:      PageStats{TotalPages: 36},
			Orgs:       OrgStats{TotalOrgs: 33, DisabledOrgs: 0, TotalTeams: 60, TotalTeamMembers: 314},
			Users:      UserStats{TotalUsers: 254, AdminUsers: 45, SuspendedUsers: 21},
			Pulls:      PullStats{TotalPulls: 86, MergedPulls: 60, MergeablePulls: 21, UnmergeablePulls: 3},
			Issues:     IssueStats{TotalIssues: 179, OpenIssues: 83, ClosedIssues: 96},
			Milestones: MilestoneStats{TotalMilestones: 7, OpenMilestones: 6, ClosedMilestones: 1},
			Gists:      GistStats{TotalGists: 178, PrivateGists: 151, PublicGists: 25},
			Comments:   CommentStats{TotalCommitComments: 6, TotalGistComments: 28, TotalIssueComments: 366, TotalPullRequestComments: 30},
		}, EnterpriseStats{}},
		{"comments", "stats/comments.json", func(ctx context.Context, s *StatsService) (any, *Response, error) { return deref(s.Comments(ctx)) }, CommentStats{TotalCommitComments: 5000, TotalGistComments: 400, TotalIssueComments: 10900, TotalPullRequestComments: 9900}, CommentStats{}},
		{"gists", "stats/gists.json", func(ctx context.Context, s *StatsService) (any, *Response, error) { return deref(s.Gists(ctx)) }, GistStats{TotalGists: 500, PrivateGists: 30, PublicGists: 470}, GistStats{}},
		{"hooks", "stats/hooks.json", func(ctx context.Context, s *StatsService) (any, *Response, error) { return deref(s.Hooks(ctx)) }, HookStats{TotalHooks: 50, ActiveHooks: 47, InactiveHooks: 3}, HookStats{}},
		{"issues", "stats/issues.json", func(ctx context.Context, s *StatsService) (any, *Response, error) { return deref(s.Issues(ctx)) }, IssueStats{TotalIssues: 5000, OpenIssues: 300, ClosedIssues: 4700}, IssueStats{}},
		{"milestones", "stats/milestones.json", func(ctx context.Context, s *StatsService) (any, *Response, error) { return deref(s.Milestones(ctx)) }, MilestoneStats{TotalMilestones: 90, OpenMilestones: 10, ClosedMilestones: 80}, MilestoneStats{}},
		{"orgs", "stats/orgs.json", func(ctx context.Context, s *StatsService) (any, *Response, error) { return deref(s.Orgs(ctx)) }, OrgStats{TotalOrgs: 50, DisabledOrgs: 1, TotalTeams: 70, TotalTeamMembers: 700}, OrgStats{}},
		{"pages", "stats/pages.json", func(ctx context.Context, s *StatsService) (any, *Response, error) { return deref(s.Pages(ctx)) }, PageStats{TotalPages: 20}, PageStats{}},
		{"pulls", "stats/pulls.json", func(ctx context.Context, s *StatsService) (any, *Response, error) { return deref(s.Pulls(ctx)) }, PullStats{TotalPulls: 1200, MergedPulls: 1100, MergeablePulls: 90, UnmergeablePulls: 10}, PullStats{}},
		{"repos", "stats/repos.json", func(ctx context.Context, s *StatsService) (any, *Response, error) { return deref(s.Repos(ctx)) }, RepoStats{TotalRepos: 200, RootRepos: 1, ForkRepos: 10, OrgRepos: 150, TotalPushes: 39000, TotalWikis: 5}, RepoStats{}},
		{"users", "stats/users.json", func(ctx context.Context, s *StatsService) (any, *Response, error) { return deref(s.Users(ctx)) }, UserStats{TotalUsers: 100, AdminUsers: 3, SuspendedUsers: 1}, UserStats{}},
		{"security-products", "stats/security_products.json", func(ctx context.Context, s *StatsService) (any, *Response, error) {
			return deref(s.SecurityProducts(ctx))
		}, SecurityProductsStats{
			TotalRepos:                               150,
			NonarchivedRepos:                         130,
			SecretScanningEnabledRepos:               150,
			SecretScanningPushProtectionEnabledRepos: 120,
			CodeScanningEnabledRepos:                 140,
			CodeScanningPRReviewsEnabledRepos:        100,
			CodeScanningDefaultSetupEnabledRepos:     50,
			CodeScanningDefaultSetupEligibleRepos:    30,
			DependabotAlertsEnabledRepos:             130,
			DependabotSecurityUpdatesEnabledRepos:    120,
			DependabotVersionUpdatesEnabledRepos:     121,
			AdvancedSecurityEnabledRepos:             150,
			ActiveCommitters:                         30,
			PurchasedCommitters:                      90,
			MaximumCommitters:                        80,
			SecretProtectionLicenses:                 0,
			SecretProtectionActiveCommitters:         0,
			CodeSecurityLicenses:                     0,
			CodeSecurityActiveCommitters:             0,
		}, SecurityProductsStats{}},
	}
}

// TestStatsSections covers GET /enterprise/stats/all and the 11 per-area
// endpoints: each answers with the reference's example, whose counters are
// at the top level.
func TestStatsSections(t *testing.T) {
	for _, tc := range statsCases() {
		t.Run(tc.area, func(t *testing.T) {
			env := setup(t)
			env.API.HandleFunc("/enterprise/stats/"+tc.area, func(w http.ResponseWriter, r *http.Request) {
				call{Method: http.MethodGet, Path: "/enterprise/stats/" + tc.area}.verify(t, r)
				writeFixture(t, w, http.StatusOK, tc.fixture)
			})
			got, resp, err := tc.call(context.Background(), env.Client.Stats)
			if err != nil {
				t.Fatalf("%s: %v", tc.area, err)
			}
			if resp.StatusCode != http.StatusOK {
				t.Errorf("status = %d", resp.StatusCode)
			}
			assertFields(t, tc.area, got, tc.want)
			assertCoversFixture(t, tc.fixture, tc.zero)
		})
	}
}

// TestStatsSectionsNestedForm: a reply that nests the counters under the
// area's key, as GET /enterprise/stats/all does, decodes the same way.
func TestStatsSectionsNestedForm(t *testing.T) {
	for _, tc := range statsCases() {
		if tc.area == "all" || tc.area == "security-products" {
			continue // the sections of /all, which has no security-products
		}
		t.Run(tc.area, func(t *testing.T) {
			env := setup(t)
			env.API.HandleFunc("GET /enterprise/stats/"+tc.area, func(w http.ResponseWriter, r *http.Request) {
				writeJSON(w, http.StatusOK, `{"`+tc.area+`": `+string(fixture(t, tc.fixture))+`}`)
			})
			got, _, err := tc.call(context.Background(), env.Client.Stats)
			if err != nil {
				t.Fatalf("%s: %v", tc.area, err)
			}
			assertFields(t, tc.area, got, tc.want)
		})
	}
}

// A counter the SDK cannot read ("many") does not fail the section: it
// keeps its zero value, the other counters are read, and the value is in
// Response.Unread as sent.
func TestStatsSectionUnreadValue(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprise/stats/users", ReplyJSON: `{"total_users":"many","admin_users":3,"suspended_users":"1"}`})
	got, resp, err := env.Client.Stats.Users(context.Background())
	require.NoError(t, err)
	eq(t, "TotalUsers", got.TotalUsers, 0)
	eq(t, "AdminUsers", got.AdminUsers, 3)
	eq(t, "SuspendedUsers", got.SuspendedUsers, 1)
	require.Equal(t, []UnreadValue{{Path: "total_users", Value: json.RawMessage(`"many"`)}}, resp.Unread)

	// In the nested form the path locates the value in the reply as sent.
	env = mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprise/stats/users", ReplyJSON: `{"users":{"total_users":5,"admin_users":{"n":3}}}`})
	got, resp, err = env.Client.Stats.Users(context.Background())
	require.NoError(t, err)
	eq(t, "TotalUsers", got.TotalUsers, 5)
	eq(t, "AdminUsers", got.AdminUsers, 0)
	require.Equal(t, []UnreadValue{{Path: "users.admin_users", Value: json.RawMessage(`{"n":3}`)}}, resp.Unread)
}

// A reply whose top is not the section (a list) is still a *DecodeError,
// and so is a body that is not JSON at all.
func TestStatsSectionNotJSON(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprise/stats/users", ReplyJSON: `[{"total_users":1}]`})
	got, resp, err := env.Client.Stats.Users(context.Background())
	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("err = %v, want *DecodeError", err)
	}
	if de.Status != http.StatusOK || de.Path != "/enterprise/stats/users" || resp == nil || got != nil {
		t.Errorf("DecodeError = %+v, resp = %v, got = %v", de, resp, got)
	}

	env = mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprise/stats/users", ReplyJSON: `<html>proxy error</html>`})
	got, resp, err = env.Client.Stats.Users(context.Background())
	if !errors.As(err, &de) || de.Status != http.StatusOK || resp == nil || got != nil {
		t.Errorf("not JSON: %v, %v, %v; want a *DecodeError", got, resp, err)
	}
}

func TestStatsNotAdmin(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("GET /enterprise/stats/{area}", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, `{"message":"Not Found"}`)
	})
	for _, tc := range statsCases() {
		got, resp, err := tc.call(context.Background(), env.Client.Stats)
		if !errors.Is(err, ErrNotFound) || got != nil || resp == nil {
			t.Errorf("%s = %v, %v, %v; want nil, the response, ErrNotFound", tc.area, got, resp, err)
		}
	}
}
