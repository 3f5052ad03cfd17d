package ghesadmin

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

// EnterpriseStats are all the statistics of the instance (GET
// /enterprise/stats/all), one section per area.
type EnterpriseStats struct {
	Repos      RepoStats      `json:"repos"`
	Hooks      HookStats      `json:"hooks"`
	Pages      PageStats      `json:"pages"`
	Orgs       OrgStats       `json:"orgs"`
	Users      UserStats      `json:"users"`
	Pulls      PullStats      `json:"pulls"`
	Issues     IssueStats     `json:"issues"`
	Milestones MilestoneStats `json:"milestones"`
	Gists      GistStats      `json:"gists"`
	Comments   CommentStats   `json:"comments"`
}

// RepoStats counts repositories and pushes.
type RepoStats struct {
	TotalRepos  int `json:"total_repos"`
	RootRepos   int `json:"root_repos"`
	ForkRepos   int `json:"fork_repos"`
	OrgRepos    int `json:"org_repos"`
	TotalPushes int `json:"total_pushes"`
	TotalWikis  int `json:"total_wikis"`
}

// HookStats counts repository and organization webhooks.
type HookStats struct {
	TotalHooks    int `json:"total_hooks"`
	ActiveHooks   int `json:"active_hooks"`
	InactiveHooks int `json:"inactive_hooks"`
}

// PageStats counts GitHub Pages sites.
type PageStats struct {
	TotalPages int `json:"total_pages"`
}

// OrgStats counts organizations and teams.
type OrgStats struct {
	TotalOrgs        int `json:"total_orgs"`
	DisabledOrgs     int `json:"disabled_orgs"`
	TotalTeams       int `json:"total_teams"`
	TotalTeamMembers int `json:"total_team_members"`
}

// UserStats counts user accounts.
type UserStats struct {
	TotalUsers     int `json:"total_users"`
	AdminUsers     int `json:"admin_users"`
	SuspendedUsers int `json:"suspended_users"`
}

// PullStats counts pull requests.
type PullStats struct {
	TotalPulls       int `json:"total_pulls"`
	MergedPulls      int `json:"merged_pulls"`
	MergeablePulls   int `json:"mergeable_pulls"`
	UnmergeablePulls int `json:"unmergeable_pulls"`
}

// IssueStats counts issues.
type IssueStats struct {
	TotalIssues  int `json:"total_issues"`
	OpenIssues   int `json:"open_issues"`
	ClosedIssues int `json:"closed_issues"`
}

// MilestoneStats counts milestones.
type MilestoneStats struct {
	TotalMilestones  int `json:"total_milestones"`
	OpenMilestones   int `json:"open_milestones"`
	ClosedMilestones int `json:"closed_milestones"`
}

// GistStats counts gists.
type GistStats struct {
	TotalGists   int `json:"total_gists"`
	PrivateGists int `json:"private_gists"`
	PublicGists  int `json:"public_gists"`
}

// CommentStats counts comments.
type CommentStats struct {
	TotalCommitComments      int `json:"total_commit_comments"`
	TotalGistComments        int `json:"total_gist_comments"`
	TotalIssueComments       int `json:"total_issue_comments"`
	TotalPullRequestComments int `json:"total_pull_request_comments"`
}

// SecurityProductsStats counts the repositories that use each GitHub
// Advanced Security product, and the committers and licenses (GHES 3.x).
type SecurityProductsStats struct {
	TotalRepos                               int `json:"total_repos"`
	NonarchivedRepos                         int `json:"nonarchived_repos"`
	SecretScanningEnabledRepos               int `json:"secret_scanning_enabled_repos"`
	SecretScanningPushProtectionEnabledRepos int `json:"secret_scanning_push_protection_enabled_repos"`
	CodeScanningEnabledRepos                 int `json:"code_scanning_enabled_repos"`
	CodeScanningPRReviewsEnabledRepos        int `json:"code_scanning_pr_reviews_enabled_repos"`
	CodeScanningDefaultSetupEnabledRepos     int `json:"code_scanning_default_setup_enabled_repos"`
	CodeScanningDefaultSetupEligibleRepos    int `json:"code_scanning_default_setup_eligible_repos"`
	DependabotAlertsEnabledRepos             int `json:"dependabot_alerts_enabled_repos"`
	DependabotSecurityUpdatesEnabledRepos    int `json:"dependabot_security_updates_enabled_repos"`
	DependabotVersionUpdatesEnabledRepos     int `json:"dependabot_version_updates_enabled_repos"`
	AdvancedSecurityEnabledRepos             int `json:"advanced_security_enabled_repos"`
	ActiveCommitters                         int `json:"active_committers"`
	PurchasedCommitters                      int `json:"purchased_committers"`
	MaximumCommitters                        int `json:"maximum_committers"`
	SecretProtectionLicenses                 int `json:"secret_protection_licenses"`
	SecretProtectionActiveCommitters         int `json:"secret_protection_active_committers"`
	CodeSecurityLicenses                     int `json:"code_security_licenses"`
	CodeSecurityActiveCommitters             int `json:"code_security_active_committers"`
}

// All returns every statistic of the instance.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/admin-stats#get-all-statistics
//
// GHES API: GET /enterprise/stats/all (GHES 2.22 and later).
//
//meta:operation GET /enterprise/stats/all
func (s *StatsService) All(ctx context.Context) (*EnterpriseStats, *Response, error) {
	return fetch[EnterpriseStats](ctx, s.backend, &request{op: "Stats.All", method: http.MethodGet, path: "enterprise/stats/all"})
}

// getSection fetches GET /enterprise/stats/{area} into out.
//
// The API reference documents the per-area endpoints as returning the
// section's counters at the top level ({"total_commit_comments": …}), unlike
// GET /enterprise/stats/all, which nests each section under its area's key
// ({"comments": {"total_commit_comments": …}, …}). A reply in the nested form,
// a single key named after the area holding an object, is accepted too.
func getSection[T any](ctx context.Context, s *StatsService, area string) (*T, *Response, error) {
	out := new(T)
	resp, err := s.backend.call(ctx, &request{method: http.MethodGet, path: "enterprise/stats/" + area, decode: func(_ int, body []byte) ([]UnreadValue, error) {
		prefix := ""
		var outer map[string]json.RawMessage
		if json.Unmarshal(body, &outer) == nil && len(outer) == 1 {
			if inner, ok := outer[area]; ok && bytes.HasPrefix(bytes.TrimSpace(inner), []byte("{")) {
				body, prefix = inner, area+"."
			}
		}
		if len(bytes.TrimSpace(body)) == 0 {
			return nil, nil
		}
		unread, err := decodeLenient(body, out)
		for i := range unread {
			// The paths locate the values in the reply as sent.
			unread[i].Path = prefix + unread[i].Path
		}
		return unread, err
	}}, nil)
	if err != nil {
		return nil, resp, err
	}
	return out, resp, nil
}

// Comments returns the comment statistics.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/admin-stats#get-comment-statistics
//
// GHES API: GET /enterprise/stats/comments (GHES 2.22 and later).
//
//meta:operation GET /enterprise/stats/comments
func (s *StatsService) Comments(ctx context.Context) (*CommentStats, *Response, error) {
	return getSection[CommentStats](ctx, s, "comments")
}

// Gists returns the gist statistics.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/admin-stats#get-gist-statistics
//
// GHES API: GET /enterprise/stats/gists (GHES 2.22 and later).
//
//meta:operation GET /enterprise/stats/gists
func (s *StatsService) Gists(ctx context.Context) (*GistStats, *Response, error) {
	return getSection[GistStats](ctx, s, "gists")
}

// Hooks returns the webhook statistics.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/admin-stats#get-hooks-statistics
//
// GHES API: GET /enterprise/stats/hooks (GHES 2.22 and later).
//
//meta:operation GET /enterprise/stats/hooks
func (s *StatsService) Hooks(ctx context.Context) (*HookStats, *Response, error) {
	return getSection[HookStats](ctx, s, "hooks")
}

// Issues returns the issue statistics.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/admin-stats#get-issue-statistics
//
// GHES API: GET /enterprise/stats/issues (GHES 2.22 and later).
//
//meta:operation GET /enterprise/stats/issues
func (s *StatsService) Issues(ctx context.Context) (*IssueStats, *Response, error) {
	return getSection[IssueStats](ctx, s, "issues")
}

// Milestones returns the milestone statistics.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/admin-stats#get-milestone-statistics
//
// GHES API: GET /enterprise/stats/milestones (GHES 2.22 and later).
//
//meta:operation GET /enterprise/stats/milestones
func (s *StatsService) Milestones(ctx context.Context) (*MilestoneStats, *Response, error) {
	return getSection[MilestoneStats](ctx, s, "milestones")
}

// Orgs returns the organization and team statistics.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/admin-stats#get-organization-statistics
//
// GHES API: GET /enterprise/stats/orgs (GHES 2.22 and later).
//
//meta:operation GET /enterprise/stats/orgs
func (s *StatsService) Orgs(ctx context.Context) (*OrgStats, *Response, error) {
	return getSection[OrgStats](ctx, s, "orgs")
}

// Pages returns the GitHub Pages statistics.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/admin-stats#get-pages-statistics
//
// GHES API: GET /enterprise/stats/pages (GHES 2.22 and later).
//
//meta:operation GET /enterprise/stats/pages
func (s *StatsService) Pages(ctx context.Context) (*PageStats, *Response, error) {
	return getSection[PageStats](ctx, s, "pages")
}

// Pulls returns the pull request statistics.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/admin-stats#get-pull-request-statistics
//
// GHES API: GET /enterprise/stats/pulls (GHES 2.22 and later).
//
//meta:operation GET /enterprise/stats/pulls
func (s *StatsService) Pulls(ctx context.Context) (*PullStats, *Response, error) {
	return getSection[PullStats](ctx, s, "pulls")
}

// Repos returns the repository statistics.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/admin-stats#get-repository-statistics
//
// GHES API: GET /enterprise/stats/repos (GHES 2.22 and later).
//
//meta:operation GET /enterprise/stats/repos
func (s *StatsService) Repos(ctx context.Context) (*RepoStats, *Response, error) {
	return getSection[RepoStats](ctx, s, "repos")
}

// Users returns the user statistics.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/admin-stats#get-users-statistics
//
// GHES API: GET /enterprise/stats/users (GHES 2.22 and later).
//
//meta:operation GET /enterprise/stats/users
func (s *StatsService) Users(ctx context.Context) (*UserStats, *Response, error) {
	return getSection[UserStats](ctx, s, "users")
}

// SecurityProducts returns the GitHub Advanced Security statistics. GHES 3.x
// only: GHES 2.22 answers 404.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/admin-stats#get-security-products-statistics
//
// GHES API: GET /enterprise/stats/security-products (GHES 3.10 and later).
//
//meta:operation GET /enterprise/stats/security-products
func (s *StatsService) SecurityProducts(ctx context.Context) (*SecurityProductsStats, *Response, error) {
	return fetch[SecurityProductsStats](ctx, s.backend, &request{op: "Stats.SecurityProducts", method: http.MethodGet, path: "enterprise/stats/security-products"})
}
