package ghesadmin

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
)

// ActionsPermissionsService manages an enterprise's GitHub Actions
// policies: which organizations may use Actions, which actions and
// reusable workflows they may run, the default permissions of the
// workflows' token, artifact and log retention, workflows from forks and
// self-hosted runners (GitHub's docs: actions/permissions).
type ActionsPermissionsService service

// EnabledOrganizations says which organizations of an enterprise may use
// GitHub Actions. Values GHES adds later are kept as sent.
type EnabledOrganizations string

// The policies of ActionsPermissions.EnabledOrganizations.
const (
	// EnabledOrganizationsAll: every organization.
	EnabledOrganizationsAll EnabledOrganizations = "all"
	// EnabledOrganizationsNone: no organization.
	EnabledOrganizationsNone EnabledOrganizations = "none"
	// EnabledOrganizationsSelected: the organizations of
	// ListSelectedOrganizations.
	EnabledOrganizationsSelected EnabledOrganizations = "selected"
)

func (e EnabledOrganizations) valid() bool {
	switch e {
	case EnabledOrganizationsAll, EnabledOrganizationsNone, EnabledOrganizationsSelected:
		return true
	}
	return false
}

// AllowedActions says which actions and reusable workflows may run.
// Values GHES adds later are kept as sent.
type AllowedActions string

// The policies of ActionsPermissions.AllowedActions.
const (
	// AllowedActionsAll: any action or reusable workflow.
	AllowedActionsAll AllowedActions = "all"
	// AllowedActionsLocalOnly: only those defined in the enterprise.
	AllowedActionsLocalOnly AllowedActions = "local_only"
	// AllowedActionsSelected: those of GetSelectedActions.
	AllowedActionsSelected AllowedActions = "selected"
)

func (a AllowedActions) valid() bool {
	switch a {
	case AllowedActionsAll, AllowedActionsLocalOnly, AllowedActionsSelected:
		return true
	}
	return false
}

// ActionsPermissions is an enterprise's GitHub Actions policy.
type ActionsPermissions struct {
	// EnabledOrganizations says which organizations may use Actions.
	EnabledOrganizations EnabledOrganizations `json:"enabled_organizations"`
	// SelectedOrganizationsURL lists the organizations when
	// EnabledOrganizations is "selected".
	SelectedOrganizationsURL string `json:"selected_organizations_url,omitempty"`
	// AllowedActions says which actions and reusable workflows may run.
	AllowedActions AllowedActions `json:"allowed_actions,omitempty"`
	// SelectedActionsURL reads the allowed actions when AllowedActions is
	// "selected".
	SelectedActionsURL string `json:"selected_actions_url,omitempty"`
	// SHAPinningRequired is true when actions must be pinned to a full
	// commit SHA (GHES 3.19 and later).
	SHAPinningRequired bool `json:"sha_pinning_required"`
}

// SetActionsPermissionsRequest is the body of ActionsPermissionsService.Set.
type SetActionsPermissionsRequest struct {
	// EnabledOrganizations is required.
	EnabledOrganizations EnabledOrganizations `json:"enabled_organizations"`
	// AllowedActions; nil leaves it unchanged.
	AllowedActions *AllowedActions `json:"allowed_actions,omitempty"`
	// SHAPinningRequired (GHES 3.19 and later); nil leaves it unchanged.
	SHAPinningRequired *bool `json:"sha_pinning_required,omitempty"`
}

func (r SetActionsPermissionsRequest) validate() error {
	if !r.EnabledOrganizations.valid() {
		return fmt.Errorf("%w: ActionsPermissions.Set: SetActionsPermissionsRequest.EnabledOrganizations is %q; want %q, %q or %q", ErrInvalidArgument,
			string(r.EnabledOrganizations), EnabledOrganizationsAll, EnabledOrganizationsNone, EnabledOrganizationsSelected)
	}
	if r.AllowedActions != nil && !r.AllowedActions.valid() {
		return fmt.Errorf("%w: ActionsPermissions.Set: SetActionsPermissionsRequest.AllowedActions is %q; want %q, %q or %q", ErrInvalidArgument,
			string(*r.AllowedActions), AllowedActionsAll, AllowedActionsLocalOnly, AllowedActionsSelected)
	}
	return nil
}

// ActionsEnabledOrganizations is one page of the organizations selected to
// use GitHub Actions, with the total count.
type ActionsEnabledOrganizations struct {
	TotalCount    int             `json:"total_count"`
	Organizations []*Organization `json:"organizations"`
}

// SelectedActions are the actions and reusable workflows allowed when the
// policy's AllowedActions is "selected".
type SelectedActions struct {
	// GitHubOwnedAllowed allows the actions GitHub owns (github/*,
	// actions/*).
	GitHubOwnedAllowed bool `json:"github_owned_allowed"`
	// VerifiedAllowed allows the actions of verified creators (GHES 3.14
	// and later).
	VerifiedAllowed bool `json:"verified_allowed"`
	// PatternsAllowed are the allowed actions and workflows by pattern,
	// such as "monalisa/octocat@*" or "docker/*".
	PatternsAllowed []string `json:"patterns_allowed"`
}

// SetSelectedActionsRequest is the body of
// ActionsPermissionsService.SetSelectedActions. A nil field is not sent
// and leaves the setting unchanged.
type SetSelectedActionsRequest struct {
	GitHubOwnedAllowed *bool
	// VerifiedAllowed (GHES 3.14 and later).
	VerifiedAllowed *bool
	// PatternsAllowed: nil leaves the patterns unchanged, an empty
	// non-nil slice removes them all.
	PatternsAllowed []string
}

// MarshalJSON sends only the fields that are set, and PatternsAllowed as
// [] when it is empty but not nil.
func (r SetSelectedActionsRequest) MarshalJSON() ([]byte, error) {
	type body struct {
		GitHubOwnedAllowed *bool     `json:"github_owned_allowed,omitempty"`
		VerifiedAllowed    *bool     `json:"verified_allowed,omitempty"`
		PatternsAllowed    *[]string `json:"patterns_allowed,omitempty"`
	}
	b := body{GitHubOwnedAllowed: r.GitHubOwnedAllowed, VerifiedAllowed: r.VerifiedAllowed}
	if r.PatternsAllowed != nil {
		b.PatternsAllowed = &r.PatternsAllowed
	}
	return json.Marshal(b)
}

func (r SetSelectedActionsRequest) validate() error {
	for i, p := range r.PatternsAllowed {
		if p == "" {
			return fmt.Errorf("%w: ActionsPermissions.SetSelectedActions: SetSelectedActionsRequest.PatternsAllowed[%d] is empty", ErrInvalidArgument, i)
		}
	}
	return nil
}

// DefaultWorkflowPermissions is the access the GITHUB_TOKEN of a workflow
// has by default. Values GHES adds later are kept as sent.
type DefaultWorkflowPermissions string

// The default permissions of a workflow's token.
const (
	// DefaultWorkflowPermissionsRead: read access to the contents.
	DefaultWorkflowPermissionsRead DefaultWorkflowPermissions = "read"
	// DefaultWorkflowPermissionsWrite: read and write access.
	DefaultWorkflowPermissionsWrite DefaultWorkflowPermissions = "write"
)

// WorkflowPermissions are the default permissions of the workflows' token
// in an enterprise.
type WorkflowPermissions struct {
	DefaultWorkflowPermissions DefaultWorkflowPermissions `json:"default_workflow_permissions"`
	// CanApprovePullRequestReviews is true when workflows may approve
	// pull requests.
	CanApprovePullRequestReviews bool `json:"can_approve_pull_request_reviews"`
}

// SetWorkflowPermissionsRequest is the body of
// ActionsPermissionsService.SetWorkflowPermissions; a nil field is left
// unchanged.
type SetWorkflowPermissionsRequest struct {
	DefaultWorkflowPermissions   *DefaultWorkflowPermissions `json:"default_workflow_permissions,omitempty"`
	CanApprovePullRequestReviews *bool                       `json:"can_approve_pull_request_reviews,omitempty"`
}

func (r SetWorkflowPermissionsRequest) validate() error {
	if p := r.DefaultWorkflowPermissions; p != nil && *p != DefaultWorkflowPermissionsRead && *p != DefaultWorkflowPermissionsWrite {
		return fmt.Errorf("%w: ActionsPermissions.SetWorkflowPermissions: SetWorkflowPermissionsRequest.DefaultWorkflowPermissions is %q; want %q or %q", ErrInvalidArgument,
			string(*p), DefaultWorkflowPermissionsRead, DefaultWorkflowPermissionsWrite)
	}
	return nil
}

// ArtifactAndLogRetention is how long an enterprise keeps the artifacts
// and logs of workflow runs.
type ArtifactAndLogRetention struct {
	// Days is the retention period.
	Days int `json:"days"`
	// MaximumAllowedDays is the longest period the instance accepts.
	MaximumAllowedDays int `json:"maximum_allowed_days"`
}

// SetArtifactAndLogRetentionRequest is the body of
// ActionsPermissionsService.SetArtifactAndLogRetention.
type SetArtifactAndLogRetentionRequest struct {
	// Days is the retention period: at least 1, at most the instance's
	// MaximumAllowedDays.
	Days int `json:"days"`
}

func (r SetArtifactAndLogRetentionRequest) validate() error {
	if r.Days < 1 {
		return fmt.Errorf("%w: ActionsPermissions.SetArtifactAndLogRetention: SetArtifactAndLogRetentionRequest.Days is %d; want 1 or more", ErrInvalidArgument, r.Days)
	}
	return nil
}

// ForkPRApprovalPolicy says which contributors' pull requests from forks
// need an approval before their workflows run. Values GHES adds later are
// kept as sent.
type ForkPRApprovalPolicy string

// The approval policies of workflows from fork pull requests.
const (
	// ForkPRApprovalFirstTimeContributorsNewToGitHub: contributors new to
	// the instance and to GitHub.
	ForkPRApprovalFirstTimeContributorsNewToGitHub ForkPRApprovalPolicy = "first_time_contributors_new_to_github"
	// ForkPRApprovalFirstTimeContributors: every first-time contributor.
	ForkPRApprovalFirstTimeContributors ForkPRApprovalPolicy = "first_time_contributors"
	// ForkPRApprovalAllExternalContributors: every outside contributor.
	ForkPRApprovalAllExternalContributors ForkPRApprovalPolicy = "all_external_contributors"
)

// ForkPRContributorApproval is the approval policy of workflows from fork
// pull requests.
type ForkPRContributorApproval struct {
	ApprovalPolicy ForkPRApprovalPolicy `json:"approval_policy"`
}

// SetForkPRContributorApprovalRequest is the body of
// ActionsPermissionsService.SetForkPRContributorApproval.
type SetForkPRContributorApprovalRequest struct {
	// ApprovalPolicy is required.
	ApprovalPolicy ForkPRApprovalPolicy `json:"approval_policy"`
}

func (r SetForkPRContributorApprovalRequest) validate() error {
	switch r.ApprovalPolicy {
	case ForkPRApprovalFirstTimeContributorsNewToGitHub, ForkPRApprovalFirstTimeContributors, ForkPRApprovalAllExternalContributors:
		return nil
	}
	return fmt.Errorf("%w: ActionsPermissions.SetForkPRContributorApproval: SetForkPRContributorApprovalRequest.ApprovalPolicy is %q; want %q, %q or %q", ErrInvalidArgument,
		string(r.ApprovalPolicy), ForkPRApprovalFirstTimeContributorsNewToGitHub, ForkPRApprovalFirstTimeContributors, ForkPRApprovalAllExternalContributors)
}

// ForkPRWorkflowsPrivateRepos is the policy of workflows from fork pull
// requests in private and internal repositories.
type ForkPRWorkflowsPrivateRepos struct {
	// RunWorkflowsFromForkPullRequests lets workflows run on pull
	// requests from forks.
	RunWorkflowsFromForkPullRequests bool `json:"run_workflows_from_fork_pull_requests"`
	// SendWriteTokensToWorkflows gives those workflows a token with
	// write access.
	SendWriteTokensToWorkflows bool `json:"send_write_tokens_to_workflows"`
	// SendSecretsAndVariables makes secrets and variables available to
	// them.
	SendSecretsAndVariables bool `json:"send_secrets_and_variables"`
	// RequireApprovalForForkPRWorkflows makes them wait for an approval.
	RequireApprovalForForkPRWorkflows bool `json:"require_approval_for_fork_pr_workflows"`
}

// SetForkPRWorkflowsPrivateReposRequest is the body of
// ActionsPermissionsService.SetForkPRWorkflowsPrivateRepos; a nil field is
// left unchanged.
type SetForkPRWorkflowsPrivateReposRequest struct {
	// RunWorkflowsFromForkPullRequests is required.
	RunWorkflowsFromForkPullRequests  bool  `json:"run_workflows_from_fork_pull_requests"`
	SendWriteTokensToWorkflows        *bool `json:"send_write_tokens_to_workflows,omitempty"`
	SendSecretsAndVariables           *bool `json:"send_secrets_and_variables,omitempty"`
	RequireApprovalForForkPRWorkflows *bool `json:"require_approval_for_fork_pr_workflows,omitempty"`
}

// SelfHostedRunnersPermissions is the enterprise's policy on the
// organizations' self-hosted runners.
type SelfHostedRunnersPermissions struct {
	// DisableSelfHostedRunnersForAllOrgs forbids repository-level
	// self-hosted runners in every organization.
	DisableSelfHostedRunnersForAllOrgs bool `json:"disable_self_hosted_runners_for_all_orgs"`
}

// Get returns an enterprise's GitHub Actions policy.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#get-github-actions-permissions-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/permissions (GHES 3.4 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/permissions
func (s *ActionsPermissionsService) Get(ctx context.Context, enterprise string) (*ActionsPermissions, *Response, error) {
	return fetch[ActionsPermissions](ctx, s.backend, &request{op: "ActionsPermissions.Get", method: http.MethodGet, path: "enterprises/{enterprise}/actions/permissions", args: []any{enterprise}})
}

// Set sets an enterprise's GitHub Actions policy.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#set-github-actions-permissions-for-an-enterprise
//
// GHES API: PUT /enterprises/{enterprise}/actions/permissions (GHES 3.4 and later).
//
//meta:operation PUT /enterprises/{enterprise}/actions/permissions
func (s *ActionsPermissionsService) Set(ctx context.Context, enterprise string, body SetActionsPermissionsRequest) (*Response, error) {
	return s.backend.call(ctx, &request{op: "ActionsPermissions.Set", method: http.MethodPut, path: "enterprises/{enterprise}/actions/permissions", args: []any{enterprise}, json: body}, nil)
}

// ListSelectedOrganizations returns one page of the organizations selected
// to use GitHub Actions (the policy's EnabledOrganizations is "selected"),
// with the total count.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#list-selected-organizations-enabled-for-github-actions-in-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/permissions/organizations (GHES 3.4 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/permissions/organizations
func (s *ActionsPermissionsService) ListSelectedOrganizations(ctx context.Context, enterprise string, opts *ListOptions) (*ActionsEnabledOrganizations, *Response, error) {
	return fetch[ActionsEnabledOrganizations](ctx, s.backend, &request{op: "ActionsPermissions.ListSelectedOrganizations", method: http.MethodGet, path: "enterprises/{enterprise}/actions/permissions/organizations", args: []any{enterprise}, query: opts})
}

// ListSelectedOrganizationsIter walks every page of the organizations
// selected to use GitHub Actions, yielding the organizations, starting at
// opts.Page. opts is not modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#list-selected-organizations-enabled-for-github-actions-in-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/permissions/organizations (GHES 3.4 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/permissions/organizations
func (s *ActionsPermissionsService) ListSelectedOrganizationsIter(ctx context.Context, enterprise string, opts *ListOptions) iter.Seq2[*Organization, error] {
	return paginate(ctx, s.backend, opts, linkedItems(bind(s.ListSelectedOrganizations, enterprise), func(w *ActionsEnabledOrganizations) []*Organization { return w.Organizations }))
}

// SetSelectedOrganizations replaces the organizations selected to use
// GitHub Actions with orgIDs (none when empty). An organization that does
// not exist is a *ValidationError (422).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#set-selected-organizations-enabled-for-github-actions-in-an-enterprise
//
// GHES API: PUT /enterprises/{enterprise}/actions/permissions/organizations (GHES 3.4 and later).
//
//meta:operation PUT /enterprises/{enterprise}/actions/permissions/organizations
func (s *ActionsPermissionsService) SetSelectedOrganizations(ctx context.Context, enterprise string, orgIDs []int64) (*Response, error) {
	for i, id := range orgIDs {
		if id <= 0 {
			return nil, fmt.Errorf("%w: ActionsPermissions.SetSelectedOrganizations: orgIDs[%d] is %d; want a positive organization ID", ErrInvalidArgument, i, id)
		}
	}
	if orgIDs == nil {
		orgIDs = []int64{}
	}
	body := struct {
		SelectedOrganizationIDs []int64 `json:"selected_organization_ids"`
	}{orgIDs}
	return s.backend.call(ctx, &request{op: "ActionsPermissions.SetSelectedOrganizations", method: http.MethodPut, path: "enterprises/{enterprise}/actions/permissions/organizations", args: []any{enterprise}, json: body}, nil)
}

// EnableSelectedOrganization adds an organization to those selected to
// use GitHub Actions.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#enable-a-selected-organization-for-github-actions-in-an-enterprise
//
// GHES API: PUT /enterprises/{enterprise}/actions/permissions/organizations/{org_id} (GHES 3.4 and later).
//
//meta:operation PUT /enterprises/{enterprise}/actions/permissions/organizations/{org_id}
func (s *ActionsPermissionsService) EnableSelectedOrganization(ctx context.Context, enterprise string, orgID int64) (*Response, error) {
	return s.backend.call(ctx, &request{op: "ActionsPermissions.EnableSelectedOrganization", method: http.MethodPut, path: "enterprises/{enterprise}/actions/permissions/organizations/{org_id}", args: []any{enterprise, positiveID(orgID)}}, nil)
}

// DisableSelectedOrganization removes an organization from those selected
// to use GitHub Actions.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#disable-a-selected-organization-for-github-actions-in-an-enterprise
//
// GHES API: DELETE /enterprises/{enterprise}/actions/permissions/organizations/{org_id} (GHES 3.4 and later).
//
//meta:operation DELETE /enterprises/{enterprise}/actions/permissions/organizations/{org_id}
func (s *ActionsPermissionsService) DisableSelectedOrganization(ctx context.Context, enterprise string, orgID int64) (*Response, error) {
	return s.backend.call(ctx, &request{op: "ActionsPermissions.DisableSelectedOrganization", method: http.MethodDelete, path: "enterprises/{enterprise}/actions/permissions/organizations/{org_id}", args: []any{enterprise, positiveID(orgID)}}, nil)
}

// GetSelectedActions returns the actions and reusable workflows allowed
// when the policy's AllowedActions is "selected".
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#get-allowed-actions-and-reusable-workflows-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/permissions/selected-actions (GHES 3.4 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/permissions/selected-actions
func (s *ActionsPermissionsService) GetSelectedActions(ctx context.Context, enterprise string) (*SelectedActions, *Response, error) {
	return fetch[SelectedActions](ctx, s.backend, &request{op: "ActionsPermissions.GetSelectedActions", method: http.MethodGet, path: "enterprises/{enterprise}/actions/permissions/selected-actions", args: []any{enterprise}})
}

// SetSelectedActions sets the actions and reusable workflows allowed when
// the policy's AllowedActions is "selected" (they apply only then).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#set-allowed-actions-and-reusable-workflows-for-an-enterprise
//
// GHES API: PUT /enterprises/{enterprise}/actions/permissions/selected-actions (GHES 3.4 and later).
//
//meta:operation PUT /enterprises/{enterprise}/actions/permissions/selected-actions
func (s *ActionsPermissionsService) SetSelectedActions(ctx context.Context, enterprise string, body SetSelectedActionsRequest) (*Response, error) {
	return s.backend.call(ctx, &request{op: "ActionsPermissions.SetSelectedActions", method: http.MethodPut, path: "enterprises/{enterprise}/actions/permissions/selected-actions", args: []any{enterprise}, json: body}, nil)
}

// GetWorkflowPermissions returns the default permissions of the
// workflows' token in an enterprise.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#get-default-workflow-permissions-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/permissions/workflow (GHES 3.5 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/permissions/workflow
func (s *ActionsPermissionsService) GetWorkflowPermissions(ctx context.Context, enterprise string) (*WorkflowPermissions, *Response, error) {
	return fetch[WorkflowPermissions](ctx, s.backend, &request{op: "ActionsPermissions.GetWorkflowPermissions", method: http.MethodGet, path: "enterprises/{enterprise}/actions/permissions/workflow", args: []any{enterprise}})
}

// SetWorkflowPermissions sets the default permissions of the workflows'
// token in an enterprise.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#set-default-workflow-permissions-for-an-enterprise
//
// GHES API: PUT /enterprises/{enterprise}/actions/permissions/workflow (GHES 3.5 and later).
//
//meta:operation PUT /enterprises/{enterprise}/actions/permissions/workflow
func (s *ActionsPermissionsService) SetWorkflowPermissions(ctx context.Context, enterprise string, body SetWorkflowPermissionsRequest) (*Response, error) {
	return s.backend.call(ctx, &request{op: "ActionsPermissions.SetWorkflowPermissions", method: http.MethodPut, path: "enterprises/{enterprise}/actions/permissions/workflow", args: []any{enterprise}, json: body}, nil)
}

// GetArtifactAndLogRetention returns how long an enterprise keeps the
// artifacts and logs of workflow runs.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#get-artifact-and-log-retention-settings-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/permissions/artifact-and-log-retention (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/permissions/artifact-and-log-retention
func (s *ActionsPermissionsService) GetArtifactAndLogRetention(ctx context.Context, enterprise string) (*ArtifactAndLogRetention, *Response, error) {
	return fetch[ArtifactAndLogRetention](ctx, s.backend, &request{op: "ActionsPermissions.GetArtifactAndLogRetention", method: http.MethodGet, path: "enterprises/{enterprise}/actions/permissions/artifact-and-log-retention", args: []any{enterprise}})
}

// SetArtifactAndLogRetention sets how long an enterprise keeps the
// artifacts and logs of workflow runs. A period above the instance's
// maximum is a *ValidationError (422).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#set-artifact-and-log-retention-settings-for-an-enterprise
//
// GHES API: PUT /enterprises/{enterprise}/actions/permissions/artifact-and-log-retention (GHES 3.19 and later).
//
//meta:operation PUT /enterprises/{enterprise}/actions/permissions/artifact-and-log-retention
func (s *ActionsPermissionsService) SetArtifactAndLogRetention(ctx context.Context, enterprise string, body SetArtifactAndLogRetentionRequest) (*Response, error) {
	return s.backend.call(ctx, &request{op: "ActionsPermissions.SetArtifactAndLogRetention", method: http.MethodPut, path: "enterprises/{enterprise}/actions/permissions/artifact-and-log-retention", args: []any{enterprise}, json: body}, nil)
}

// GetForkPRContributorApproval returns which contributors' fork pull
// requests need an approval before their workflows run.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#get-fork-pr-contributor-approval-permissions-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/permissions/fork-pr-contributor-approval (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/permissions/fork-pr-contributor-approval
func (s *ActionsPermissionsService) GetForkPRContributorApproval(ctx context.Context, enterprise string) (*ForkPRContributorApproval, *Response, error) {
	return fetch[ForkPRContributorApproval](ctx, s.backend, &request{op: "ActionsPermissions.GetForkPRContributorApproval", method: http.MethodGet, path: "enterprises/{enterprise}/actions/permissions/fork-pr-contributor-approval", args: []any{enterprise}})
}

// SetForkPRContributorApproval sets which contributors' fork pull
// requests need an approval before their workflows run.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#set-fork-pr-contributor-approval-permissions-for-an-enterprise
//
// GHES API: PUT /enterprises/{enterprise}/actions/permissions/fork-pr-contributor-approval (GHES 3.19 and later).
//
//meta:operation PUT /enterprises/{enterprise}/actions/permissions/fork-pr-contributor-approval
func (s *ActionsPermissionsService) SetForkPRContributorApproval(ctx context.Context, enterprise string, body SetForkPRContributorApprovalRequest) (*Response, error) {
	return s.backend.call(ctx, &request{op: "ActionsPermissions.SetForkPRContributorApproval", method: http.MethodPut, path: "enterprises/{enterprise}/actions/permissions/fork-pr-contributor-approval", args: []any{enterprise}, json: body}, nil)
}

// GetForkPRWorkflowsPrivateRepos returns the policy of workflows from fork
// pull requests in private and internal repositories.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#get-private-repo-fork-pr-workflow-settings-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/permissions/fork-pr-workflows-private-repos (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/permissions/fork-pr-workflows-private-repos
func (s *ActionsPermissionsService) GetForkPRWorkflowsPrivateRepos(ctx context.Context, enterprise string) (*ForkPRWorkflowsPrivateRepos, *Response, error) {
	return fetch[ForkPRWorkflowsPrivateRepos](ctx, s.backend, &request{op: "ActionsPermissions.GetForkPRWorkflowsPrivateRepos", method: http.MethodGet, path: "enterprises/{enterprise}/actions/permissions/fork-pr-workflows-private-repos", args: []any{enterprise}})
}

// SetForkPRWorkflowsPrivateRepos sets the policy of workflows from fork
// pull requests in private and internal repositories.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#set-private-repo-fork-pr-workflow-settings-for-an-enterprise
//
// GHES API: PUT /enterprises/{enterprise}/actions/permissions/fork-pr-workflows-private-repos (GHES 3.19 and later).
//
//meta:operation PUT /enterprises/{enterprise}/actions/permissions/fork-pr-workflows-private-repos
func (s *ActionsPermissionsService) SetForkPRWorkflowsPrivateRepos(ctx context.Context, enterprise string, body SetForkPRWorkflowsPrivateReposRequest) (*Response, error) {
	return s.backend.call(ctx, &request{op: "ActionsPermissions.SetForkPRWorkflowsPrivateRepos", method: http.MethodPut, path: "enterprises/{enterprise}/actions/permissions/fork-pr-workflows-private-repos", args: []any{enterprise}, json: body}, nil)
}

// GetSelfHostedRunners returns the enterprise's policy on the
// organizations' self-hosted runners.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#get-self-hosted-runners-permissions-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/permissions/self-hosted-runners (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/permissions/self-hosted-runners
func (s *ActionsPermissionsService) GetSelfHostedRunners(ctx context.Context, enterprise string) (*SelfHostedRunnersPermissions, *Response, error) {
	return fetch[SelfHostedRunnersPermissions](ctx, s.backend, &request{op: "ActionsPermissions.GetSelfHostedRunners", method: http.MethodGet, path: "enterprises/{enterprise}/actions/permissions/self-hosted-runners", args: []any{enterprise}})
}

// SetSelfHostedRunners sets the enterprise's policy on the organizations'
// self-hosted runners.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/permissions#set-self-hosted-runners-permissions-for-an-enterprise
//
// GHES API: PUT /enterprises/{enterprise}/actions/permissions/self-hosted-runners (GHES 3.19 and later).
//
//meta:operation PUT /enterprises/{enterprise}/actions/permissions/self-hosted-runners
func (s *ActionsPermissionsService) SetSelfHostedRunners(ctx context.Context, enterprise string, body SelfHostedRunnersPermissions) (*Response, error) {
	return s.backend.call(ctx, &request{op: "ActionsPermissions.SetSelfHostedRunners", method: http.MethodPut, path: "enterprises/{enterprise}/actions/permissions/self-hosted-runners", args: []any{enterprise}, json: body}, nil)
}
