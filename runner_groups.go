package ghesadmin

import (
	"context"
	"iter"
	"net/http"
)

// RunnerGroupVisibility tells which organizations may use a runner group.
type RunnerGroupVisibility string

// The visibilities of a runner group.
const (
	// RunnerGroupVisibilityAll: every organization of the enterprise.
	RunnerGroupVisibilityAll RunnerGroupVisibility = "all"
	// RunnerGroupVisibilitySelected: the organizations selected with
	// SetRunnerGroupOrganizations or AddRunnerGroupOrganization.
	RunnerGroupVisibilitySelected RunnerGroupVisibility = "selected"
	// RunnerGroupVisibilityPrivate: reported by GHES for groups no
	// organization may use.
	RunnerGroupVisibilityPrivate RunnerGroupVisibility = "private"
)

// RunnerGroup is a self-hosted runner group of an enterprise. It holds the
// fields of GHES 2.22 and 3.x; a field a version does not send is zero.
type RunnerGroup struct {
	ID         int64                 `json:"id"`
	Name       string                `json:"name"`
	Visibility RunnerGroupVisibility `json:"visibility"`
	// Default is true for the enterprise's default runner group.
	Default bool `json:"default"`
	// SelectedOrganizationsURL lists the organizations of a group with
	// the selected visibility; it is empty otherwise.
	SelectedOrganizationsURL string `json:"selected_organizations_url"`
	RunnersURL               string `json:"runners_url"`
	// Inherited is true for a group inherited from the enterprise (as
	// seen from an organization).
	Inherited                bool `json:"inherited"`
	AllowsPublicRepositories bool `json:"allows_public_repositories"`
	// RestrictedToWorkflows limits the group to SelectedWorkflows
	// (GHES 3.x).
	RestrictedToWorkflows bool `json:"restricted_to_workflows"`
	// SelectedWorkflows are the workflows allowed to use the group, as
	// "owner/repo/.github/workflows/file.yaml@ref" (GHES 3.x).
	SelectedWorkflows []string `json:"selected_workflows"`
	// WorkflowRestrictionsReadOnly tells whether the workflow
	// restrictions may be changed (GHES 3.x).
	WorkflowRestrictionsReadOnly bool `json:"workflow_restrictions_read_only"`
}

// RunnerGroups is one page of runner groups with the total count.
type RunnerGroups struct {
	TotalCount   int            `json:"total_count"`
	RunnerGroups []*RunnerGroup `json:"runner_groups"`
}

// RunnerGroupOrganizations is one page of the organizations that may use a
// runner group, with the total count.
type RunnerGroupOrganizations struct {
	TotalCount    int             `json:"total_count"`
	Organizations []*Organization `json:"organizations"`
}

// ListRunnerGroupsOptions selects a page of runner groups.
type ListRunnerGroupsOptions struct {
	// VisibleToOrganization keeps only the groups this organization (a
	// login) may use.
	VisibleToOrganization string `url:"visible_to_organization,omitempty"`

	ListOptions
}

// CreateRunnerGroupRequest is the body of ActionsService.CreateRunnerGroup.
type CreateRunnerGroupRequest struct {
	Name string `json:"name"`
	// Visibility is all or selected.
	Visibility *RunnerGroupVisibility `json:"visibility,omitempty"`
	// SelectedOrganizationIDs are the organizations that may use a group
	// with the selected visibility.
	SelectedOrganizationIDs []int64 `json:"selected_organization_ids,omitempty"`
	// Runners are the IDs of the runners to move into the group.
	Runners []int64 `json:"runners,omitempty"`
	// AllowsPublicRepositories defaults to false.
	AllowsPublicRepositories *bool `json:"allows_public_repositories,omitempty"`
	// RestrictedToWorkflows defaults to false (GHES 3.x).
	RestrictedToWorkflows *bool `json:"restricted_to_workflows,omitempty"`
	// SelectedWorkflows are the workflows allowed to use the group when
	// it is restricted to workflows (GHES 3.x).
	SelectedWorkflows []string `json:"selected_workflows,omitempty"`
}

// UpdateRunnerGroupRequest is the body of ActionsService.UpdateRunnerGroup;
// nil fields are left unchanged.
type UpdateRunnerGroupRequest struct {
	Name *string `json:"name,omitempty"`
	// Visibility is all or selected.
	Visibility               *RunnerGroupVisibility `json:"visibility,omitempty"`
	AllowsPublicRepositories *bool                  `json:"allows_public_repositories,omitempty"`
	// RestrictedToWorkflows (GHES 3.x).
	RestrictedToWorkflows *bool `json:"restricted_to_workflows,omitempty"`
	// SelectedWorkflows replaces the allowed workflows (GHES 3.x); a
	// pointer to an empty slice sends [] and clears them.
	SelectedWorkflows *[]string `json:"selected_workflows,omitempty"`
}

// ListRunnerGroups returns one page of the runner groups of an enterprise
// (a slug or ID), with the total count.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runner-groups#list-self-hosted-runner-groups-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/runner-groups (GHES 2.22 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/runner-groups
func (s *ActionsService) ListRunnerGroups(ctx context.Context, enterprise string, opts *ListRunnerGroupsOptions) (*RunnerGroups, *Response, error) {
	return fetch[RunnerGroups](ctx, s.backend, &request{op: "Actions.ListRunnerGroups", method: http.MethodGet, path: "enterprises/{enterprise}/actions/runner-groups", args: []any{enterprise}, query: opts})
}

// ListRunnerGroupsIter walks every page of the runner groups of an
// enterprise, yielding the groups, starting at opts.Page. opts is not
// modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runner-groups#list-self-hosted-runner-groups-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/runner-groups (GHES 2.22 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/runner-groups
func (s *ActionsService) ListRunnerGroupsIter(ctx context.Context, enterprise string, opts *ListRunnerGroupsOptions) iter.Seq2[*RunnerGroup, error] {
	return paginate(ctx, s.backend, opts, linkedItems(bind(s.ListRunnerGroups, enterprise), func(w *RunnerGroups) []*RunnerGroup { return w.RunnerGroups }))
}

// CreateRunnerGroup creates a runner group in an enterprise.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runner-groups#create-a-self-hosted-runner-group-for-an-enterprise
//
// GHES API: POST /enterprises/{enterprise}/actions/runner-groups (GHES 2.22 and later).
//
//meta:operation POST /enterprises/{enterprise}/actions/runner-groups
func (s *ActionsService) CreateRunnerGroup(ctx context.Context, enterprise string, body CreateRunnerGroupRequest) (*RunnerGroup, *Response, error) {
	return fetch[RunnerGroup](ctx, s.backend, &request{op: "Actions.CreateRunnerGroup", method: http.MethodPost, path: "enterprises/{enterprise}/actions/runner-groups", args: []any{enterprise}, json: body})
}

// GetRunnerGroup returns one runner group of an enterprise.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runner-groups#get-a-self-hosted-runner-group-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/runner-groups/{runner_group_id} (GHES 2.22 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}
func (s *ActionsService) GetRunnerGroup(ctx context.Context, enterprise string, groupID int64) (*RunnerGroup, *Response, error) {
	return fetch[RunnerGroup](ctx, s.backend, &request{op: "Actions.GetRunnerGroup", method: http.MethodGet, path: "enterprises/{enterprise}/actions/runner-groups/{runner_group_id}", args: []any{enterprise, groupID}})
}

// UpdateRunnerGroup changes a runner group of an enterprise.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runner-groups#update-a-self-hosted-runner-group-for-an-enterprise
//
// GHES API: PATCH /enterprises/{enterprise}/actions/runner-groups/{runner_group_id} (GHES 2.22 and later).
//
//meta:operation PATCH /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}
func (s *ActionsService) UpdateRunnerGroup(ctx context.Context, enterprise string, groupID int64, body UpdateRunnerGroupRequest) (*RunnerGroup, *Response, error) {
	return fetch[RunnerGroup](ctx, s.backend, &request{op: "Actions.UpdateRunnerGroup", method: http.MethodPatch, path: "enterprises/{enterprise}/actions/runner-groups/{runner_group_id}", args: []any{enterprise, groupID}, json: body})
}

// DeleteRunnerGroup deletes a runner group of an enterprise.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runner-groups#delete-a-self-hosted-runner-group-from-an-enterprise
//
// GHES API: DELETE /enterprises/{enterprise}/actions/runner-groups/{runner_group_id} (GHES 2.22 and later).
//
//meta:operation DELETE /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}
func (s *ActionsService) DeleteRunnerGroup(ctx context.Context, enterprise string, groupID int64) (*Response, error) {
	return s.backend.call(ctx, &request{op: "Actions.DeleteRunnerGroup", method: http.MethodDelete, path: "enterprises/{enterprise}/actions/runner-groups/{runner_group_id}", args: []any{enterprise, groupID}}, nil)
}

// ListRunnerGroupOrganizations returns one page of the organizations that
// may use a runner group, with the total count.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runner-groups#list-organization-access-to-a-self-hosted-runner-group-in-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/organizations (GHES 2.22 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/organizations
func (s *ActionsService) ListRunnerGroupOrganizations(ctx context.Context, enterprise string, groupID int64, opts *ListOptions) (*RunnerGroupOrganizations, *Response, error) {
	return fetch[RunnerGroupOrganizations](ctx, s.backend, &request{op: "Actions.ListRunnerGroupOrganizations", method: http.MethodGet, path: "enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/organizations", args: []any{enterprise, groupID}, query: opts})
}

// ListRunnerGroupOrganizationsIter walks every page of the organizations
// that may use a runner group, yielding the organizations, starting at
// opts.Page. opts is not modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runner-groups#list-organization-access-to-a-self-hosted-runner-group-in-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/organizations (GHES 2.22 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/organizations
func (s *ActionsService) ListRunnerGroupOrganizationsIter(ctx context.Context, enterprise string, groupID int64, opts *ListOptions) iter.Seq2[*Organization, error] {
	return paginate(ctx, s.backend, opts, linkedItems(bind2(s.ListRunnerGroupOrganizations, enterprise, groupID), func(w *RunnerGroupOrganizations) []*Organization { return w.Organizations }))
}

// SetRunnerGroupOrganizations replaces the organizations that may use a
// runner group with the selected visibility. An empty orgIDs sends [] and
// leaves none.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runner-groups#set-organization-access-for-a-self-hosted-runner-group-in-an-enterprise
//
// GHES API: PUT /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/organizations (GHES 2.22 and later).
//
//meta:operation PUT /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/organizations
func (s *ActionsService) SetRunnerGroupOrganizations(ctx context.Context, enterprise string, groupID int64, orgIDs []int64) (*Response, error) {
	body := struct {
		IDs []int64 `json:"selected_organization_ids"`
	}{IDs: actionsNonNil(orgIDs)}
	return s.backend.call(ctx, &request{op: "Actions.SetRunnerGroupOrganizations", method: http.MethodPut, path: "enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/organizations", args: []any{enterprise, groupID}, json: body}, nil)
}

// AddRunnerGroupOrganization lets an organization use a runner group with
// the selected visibility.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runner-groups#add-organization-access-to-a-self-hosted-runner-group-in-an-enterprise
//
// GHES API: PUT /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/organizations/{org_id} (GHES 2.22 and later).
//
//meta:operation PUT /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/organizations/{org_id}
func (s *ActionsService) AddRunnerGroupOrganization(ctx context.Context, enterprise string, groupID, orgID int64) (*Response, error) {
	return s.backend.call(ctx, &request{op: "Actions.AddRunnerGroupOrganization", method: http.MethodPut, path: "enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/organizations/{org_id}", args: []any{enterprise, groupID, orgID}}, nil)
}

// RemoveRunnerGroupOrganization stops an organization from using a runner
// group with the selected visibility.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runner-groups#remove-organization-access-to-a-self-hosted-runner-group-in-an-enterprise
//
// GHES API: DELETE /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/organizations/{org_id} (GHES 2.22 and later).
//
//meta:operation DELETE /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/organizations/{org_id}
func (s *ActionsService) RemoveRunnerGroupOrganization(ctx context.Context, enterprise string, groupID, orgID int64) (*Response, error) {
	return s.backend.call(ctx, &request{op: "Actions.RemoveRunnerGroupOrganization", method: http.MethodDelete, path: "enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/organizations/{org_id}", args: []any{enterprise, groupID, orgID}}, nil)
}

// ListRunnerGroupRunners returns one page of the runners in a runner group,
// with the total count.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runner-groups#list-self-hosted-runners-in-a-group-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/runners (GHES 2.22 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/runners
func (s *ActionsService) ListRunnerGroupRunners(ctx context.Context, enterprise string, groupID int64, opts *ListOptions) (*Runners, *Response, error) {
	return fetch[Runners](ctx, s.backend, &request{op: "Actions.ListRunnerGroupRunners", method: http.MethodGet, path: "enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/runners", args: []any{enterprise, groupID}, query: opts})
}

// ListRunnerGroupRunnersIter walks every page of the runners in a runner
// group, yielding the runners, starting at opts.Page. opts is not modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runner-groups#list-self-hosted-runners-in-a-group-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/runners (GHES 2.22 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/runners
func (s *ActionsService) ListRunnerGroupRunnersIter(ctx context.Context, enterprise string, groupID int64, opts *ListOptions) iter.Seq2[*Runner, error] {
	return paginate(ctx, s.backend, opts, linkedItems(bind2(s.ListRunnerGroupRunners, enterprise, groupID), func(w *Runners) []*Runner { return w.Runners }))
}

// SetRunnerGroupRunners replaces the runners of a runner group. An empty
// runnerIDs sends [].
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runner-groups#set-self-hosted-runners-in-a-group-for-an-enterprise
//
// GHES API: PUT /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/runners (GHES 2.22 and later).
//
//meta:operation PUT /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/runners
func (s *ActionsService) SetRunnerGroupRunners(ctx context.Context, enterprise string, groupID int64, runnerIDs []int64) (*Response, error) {
	body := struct {
		Runners []int64 `json:"runners"`
	}{Runners: actionsNonNil(runnerIDs)}
	return s.backend.call(ctx, &request{op: "Actions.SetRunnerGroupRunners", method: http.MethodPut, path: "enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/runners", args: []any{enterprise, groupID}, json: body}, nil)
}

// AddRunnerGroupRunner moves a runner into a runner group.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runner-groups#add-a-self-hosted-runner-to-a-group-for-an-enterprise
//
// GHES API: PUT /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/runners/{runner_id} (GHES 2.22 and later).
//
//meta:operation PUT /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/runners/{runner_id}
func (s *ActionsService) AddRunnerGroupRunner(ctx context.Context, enterprise string, groupID, runnerID int64) (*Response, error) {
	return s.backend.call(ctx, &request{op: "Actions.AddRunnerGroupRunner", method: http.MethodPut, path: "enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/runners/{runner_id}", args: []any{enterprise, groupID, runnerID}}, nil)
}

// RemoveRunnerGroupRunner removes a runner from a runner group; the runner
// goes back to the default group.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runner-groups#remove-a-self-hosted-runner-from-a-group-for-an-enterprise
//
// GHES API: DELETE /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/runners/{runner_id} (GHES 2.22 and later).
//
//meta:operation DELETE /enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/runners/{runner_id}
func (s *ActionsService) RemoveRunnerGroupRunner(ctx context.Context, enterprise string, groupID, runnerID int64) (*Response, error) {
	return s.backend.call(ctx, &request{op: "Actions.RemoveRunnerGroupRunner", method: http.MethodDelete, path: "enterprises/{enterprise}/actions/runner-groups/{runner_group_id}/runners/{runner_id}", args: []any{enterprise, groupID, runnerID}}, nil)
}

// actionsNonNil returns s, or an empty slice for nil, so that a required JSON
// array is sent as [] rather than null.
func actionsNonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
