package ghesadmin

import (
	"context"
	"iter"
	"net/http"
)

// Enforcement is the state of enforcement of a pre-receive hook.
type Enforcement string

// The enforcement states of a pre-receive hook.
const (
	// EnforcementEnabled runs the hook and rejects pushes it fails.
	EnforcementEnabled Enforcement = "enabled"
	// EnforcementDisabled does not run the hook.
	EnforcementDisabled Enforcement = "disabled"
	// EnforcementTesting runs the hook but rejects no push.
	EnforcementTesting Enforcement = "testing"
)

// PreReceiveHook is a pre-receive hook as a site administrator manages it
// (/admin/pre-receive-hooks).
type PreReceiveHook struct {
	ID          int64       `json:"id"`
	Name        string      `json:"name"`
	Enforcement Enforcement `json:"enforcement"`
	// Script is the path of the script in ScriptRepository.
	Script string `json:"script"`
	// ScriptRepository is the repository where the script is kept.
	ScriptRepository PreReceiveScriptRepository `json:"script_repository"`
	// Environment is the pre-receive environment the script runs in.
	Environment PreReceiveEnvironment `json:"environment"`
	// AllowDownstreamConfiguration tells whether organizations and
	// repositories may override the enforcement.
	AllowDownstreamConfiguration bool `json:"allow_downstream_configuration"`
}

// PreReceiveScriptRepository is the repository where a pre-receive hook's
// script is kept.
type PreReceiveScriptRepository struct {
	ID       int64  `json:"id"`
	FullName string `json:"full_name"`
	URL      string `json:"url"`
	HTMLURL  string `json:"html_url"`
}

// PreReceiveScriptRepositoryRef names the repository of a hook's script in
// a create or update request.
type PreReceiveScriptRepositoryRef struct {
	// FullName is "owner/repo".
	FullName string `json:"full_name"`
}

// PreReceiveEnvironmentRef names the pre-receive environment of a hook in a
// create or update request.
type PreReceiveEnvironmentRef struct {
	ID int64 `json:"id"`
}

// CreatePreReceiveHookRequest is the body of PreReceiveHooksService.Create.
type CreatePreReceiveHookRequest struct {
	Name string `json:"name"`
	// Script is the path of the script in ScriptRepository.
	Script           string                        `json:"script"`
	ScriptRepository PreReceiveScriptRepositoryRef `json:"script_repository"`
	Environment      PreReceiveEnvironmentRef      `json:"environment"`
	// Enforcement defaults to disabled.
	Enforcement *Enforcement `json:"enforcement,omitempty"`
	// AllowDownstreamConfiguration defaults to false.
	AllowDownstreamConfiguration *bool `json:"allow_downstream_configuration,omitempty"`
}

// UpdatePreReceiveHookRequest is the body of PreReceiveHooksService.Update;
// nil fields are left unchanged.
type UpdatePreReceiveHookRequest struct {
	Name                         *string                        `json:"name,omitempty"`
	Script                       *string                        `json:"script,omitempty"`
	ScriptRepository             *PreReceiveScriptRepositoryRef `json:"script_repository,omitempty"`
	Environment                  *PreReceiveEnvironmentRef      `json:"environment,omitempty"`
	Enforcement                  *Enforcement                   `json:"enforcement,omitempty"`
	AllowDownstreamConfiguration *bool                          `json:"allow_downstream_configuration,omitempty"`
}

// OrgPreReceiveHook is a pre-receive hook as it applies to one
// organization.
type OrgPreReceiveHook struct {
	ID          int64       `json:"id"`
	Name        string      `json:"name"`
	Enforcement Enforcement `json:"enforcement"`
	// ConfigurationURL is where the effective enforcement is set: the
	// organization's or the global configuration.
	ConfigurationURL string `json:"configuration_url"`
	// AllowDownstreamConfiguration tells whether the organization's
	// repositories may override the enforcement.
	AllowDownstreamConfiguration bool `json:"allow_downstream_configuration"`
}

// RepoPreReceiveHook is a pre-receive hook as it applies to one repository.
type RepoPreReceiveHook struct {
	ID          int64       `json:"id"`
	Name        string      `json:"name"`
	Enforcement Enforcement `json:"enforcement"`
	// ConfigurationURL is where the effective enforcement is set: the
	// repository's, its owner's or the global configuration.
	ConfigurationURL string `json:"configuration_url"`
}

// UpdateOrgPreReceiveHookRequest is the body of
// PreReceiveHooksService.UpdateForOrg; nil fields are left unchanged.
type UpdateOrgPreReceiveHookRequest struct {
	Enforcement                  *Enforcement `json:"enforcement,omitempty"`
	AllowDownstreamConfiguration *bool        `json:"allow_downstream_configuration,omitempty"`
}

// UpdateRepoPreReceiveHookRequest is the body of
// PreReceiveHooksService.UpdateForRepo; a nil field is left unchanged.
type UpdateRepoPreReceiveHookRequest struct {
	Enforcement *Enforcement `json:"enforcement,omitempty"`
}

// List returns one page of the pre-receive hooks of the instance.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/pre-receive-hooks#list-pre-receive-hooks
//
// GHES API: GET /admin/pre-receive-hooks (GHES 2.22 and later).
//
//meta:operation GET /admin/pre-receive-hooks
func (s *PreReceiveHooksService) List(ctx context.Context, opts *PreReceiveListOptions) ([]*PreReceiveHook, *Response, error) {
	return fetchSlice[*PreReceiveHook](ctx, s.backend, &request{op: "PreReceiveHooks.List", method: http.MethodGet, path: "admin/pre-receive-hooks", query: opts, preview: mediaTypeEyeScreamPreview})
}

// ListIter walks every page of the pre-receive hooks of the instance,
// starting at opts.Page. opts is not modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/pre-receive-hooks#list-pre-receive-hooks
//
// GHES API: GET /admin/pre-receive-hooks (GHES 2.22 and later).
//
//meta:operation GET /admin/pre-receive-hooks
func (s *PreReceiveHooksService) ListIter(ctx context.Context, opts *PreReceiveListOptions) iter.Seq2[*PreReceiveHook, error] {
	return paginate(ctx, s.backend, opts, linked(s.List))
}

// Create creates a pre-receive hook.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/pre-receive-hooks#create-a-pre-receive-hook
//
// GHES API: POST /admin/pre-receive-hooks (GHES 2.22 and later).
//
//meta:operation POST /admin/pre-receive-hooks
func (s *PreReceiveHooksService) Create(ctx context.Context, body CreatePreReceiveHookRequest) (*PreReceiveHook, *Response, error) {
	return fetch[PreReceiveHook](ctx, s.backend, &request{op: "PreReceiveHooks.Create", method: http.MethodPost, path: "admin/pre-receive-hooks", json: body, preview: mediaTypeEyeScreamPreview})
}

// Get returns one pre-receive hook.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/pre-receive-hooks#get-a-pre-receive-hook
//
// GHES API: GET /admin/pre-receive-hooks/{pre_receive_hook_id} (GHES 2.22 and later).
//
//meta:operation GET /admin/pre-receive-hooks/{pre_receive_hook_id}
func (s *PreReceiveHooksService) Get(ctx context.Context, hookID int64) (*PreReceiveHook, *Response, error) {
	return fetch[PreReceiveHook](ctx, s.backend, &request{op: "PreReceiveHooks.Get", method: http.MethodGet, path: "admin/pre-receive-hooks/{pre_receive_hook_id}", args: []any{hookID}, preview: mediaTypeEyeScreamPreview})
}

// Update changes a pre-receive hook.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/pre-receive-hooks#update-a-pre-receive-hook
//
// GHES API: PATCH /admin/pre-receive-hooks/{pre_receive_hook_id} (GHES 2.22 and later).
//
//meta:operation PATCH /admin/pre-receive-hooks/{pre_receive_hook_id}
func (s *PreReceiveHooksService) Update(ctx context.Context, hookID int64, body UpdatePreReceiveHookRequest) (*PreReceiveHook, *Response, error) {
	return fetch[PreReceiveHook](ctx, s.backend, &request{op: "PreReceiveHooks.Update", method: http.MethodPatch, path: "admin/pre-receive-hooks/{pre_receive_hook_id}", args: []any{hookID}, json: body, preview: mediaTypeEyeScreamPreview})
}

// Delete deletes a pre-receive hook.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/pre-receive-hooks#delete-a-pre-receive-hook
//
// GHES API: DELETE /admin/pre-receive-hooks/{pre_receive_hook_id} (GHES 2.22 and later).
//
//meta:operation DELETE /admin/pre-receive-hooks/{pre_receive_hook_id}
func (s *PreReceiveHooksService) Delete(ctx context.Context, hookID int64) (*Response, error) {
	return s.backend.call(ctx, &request{op: "PreReceiveHooks.Delete", method: http.MethodDelete, path: "admin/pre-receive-hooks/{pre_receive_hook_id}", args: []any{hookID}, preview: mediaTypeEyeScreamPreview}, nil)
}

// ListForOrg returns one page of the pre-receive hooks of an organization:
// those enabled or testing for it, and the disabled ones it may configure.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/org-pre-receive-hooks#list-pre-receive-hooks-for-an-organization
//
// GHES API: GET /orgs/{org}/pre-receive-hooks (GHES 2.22 and later).
//
//meta:operation GET /orgs/{org}/pre-receive-hooks
func (s *PreReceiveHooksService) ListForOrg(ctx context.Context, org string, opts *PreReceiveListOptions) ([]*OrgPreReceiveHook, *Response, error) {
	return fetchSlice[*OrgPreReceiveHook](ctx, s.backend, &request{op: "PreReceiveHooks.ListForOrg", method: http.MethodGet, path: "orgs/{org}/pre-receive-hooks", args: []any{org}, query: opts, preview: mediaTypeEyeScreamPreview})
}

// ListForOrgIter walks every page of the pre-receive hooks of an
// organization, starting at opts.Page. opts is not modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/org-pre-receive-hooks#list-pre-receive-hooks-for-an-organization
//
// GHES API: GET /orgs/{org}/pre-receive-hooks (GHES 2.22 and later).
//
//meta:operation GET /orgs/{org}/pre-receive-hooks
func (s *PreReceiveHooksService) ListForOrgIter(ctx context.Context, org string, opts *PreReceiveListOptions) iter.Seq2[*OrgPreReceiveHook, error] {
	return paginate(ctx, s.backend, opts, linked(bind(s.ListForOrg, org)))
}

// GetForOrg returns a pre-receive hook as it applies to an organization.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/org-pre-receive-hooks#get-a-pre-receive-hook-for-an-organization
//
// GHES API: GET /orgs/{org}/pre-receive-hooks/{pre_receive_hook_id} (GHES 2.22 and later).
//
//meta:operation GET /orgs/{org}/pre-receive-hooks/{pre_receive_hook_id}
func (s *PreReceiveHooksService) GetForOrg(ctx context.Context, org string, hookID int64) (*OrgPreReceiveHook, *Response, error) {
	return s.orgHook(ctx, "PreReceiveHooks.GetForOrg", http.MethodGet, org, hookID, nil)
}

// UpdateForOrg sets the enforcement of a pre-receive hook for an
// organization, for hooks that may be configured at that level.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/org-pre-receive-hooks#update-pre-receive-hook-enforcement-for-an-organization
//
// GHES API: PATCH /orgs/{org}/pre-receive-hooks/{pre_receive_hook_id} (GHES 2.22 and later).
//
//meta:operation PATCH /orgs/{org}/pre-receive-hooks/{pre_receive_hook_id}
func (s *PreReceiveHooksService) UpdateForOrg(ctx context.Context, org string, hookID int64, body UpdateOrgPreReceiveHookRequest) (*OrgPreReceiveHook, *Response, error) {
	return s.orgHook(ctx, "PreReceiveHooks.UpdateForOrg", http.MethodPatch, org, hookID, body)
}

// RemoveForOrg removes the organization's override of a pre-receive hook's
// enforcement and returns the hook as it then applies, with the enforcement
// inherited from the global configuration.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/org-pre-receive-hooks#remove-pre-receive-hook-enforcement-for-an-organization
//
// GHES API: DELETE /orgs/{org}/pre-receive-hooks/{pre_receive_hook_id} (GHES 2.22 and later).
//
//meta:operation DELETE /orgs/{org}/pre-receive-hooks/{pre_receive_hook_id}
func (s *PreReceiveHooksService) RemoveForOrg(ctx context.Context, org string, hookID int64) (*OrgPreReceiveHook, *Response, error) {
	return s.orgHook(ctx, "PreReceiveHooks.RemoveForOrg", http.MethodDelete, org, hookID, nil)
}

func (s *PreReceiveHooksService) orgHook(ctx context.Context, op, method, org string, hookID int64, body any) (*OrgPreReceiveHook, *Response, error) {
	return fetch[OrgPreReceiveHook](ctx, s.backend, &request{op: op, method: method, path: "orgs/{org}/pre-receive-hooks/{pre_receive_hook_id}", args: []any{org, hookID}, json: body, preview: mediaTypeEyeScreamPreview})
}

// ListForRepo returns one page of the pre-receive hooks of a repository:
// those enabled or testing for it, and the disabled ones it may enable.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/repo-pre-receive-hooks#list-pre-receive-hooks-for-a-repository
//
// GHES API: GET /repos/{owner}/{repo}/pre-receive-hooks (GHES 2.22 and later).
//
//meta:operation GET /repos/{owner}/{repo}/pre-receive-hooks
func (s *PreReceiveHooksService) ListForRepo(ctx context.Context, owner, repo string, opts *PreReceiveListOptions) ([]*RepoPreReceiveHook, *Response, error) {
	return fetchSlice[*RepoPreReceiveHook](ctx, s.backend, &request{op: "PreReceiveHooks.ListForRepo", method: http.MethodGet, path: "repos/{owner}/{repo}/pre-receive-hooks", args: []any{owner, repo}, query: opts, preview: mediaTypeEyeScreamPreview})
}

// ListForRepoIter walks every page of the pre-receive hooks of a
// repository, starting at opts.Page. opts is not modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/repo-pre-receive-hooks#list-pre-receive-hooks-for-a-repository
//
// GHES API: GET /repos/{owner}/{repo}/pre-receive-hooks (GHES 2.22 and later).
//
//meta:operation GET /repos/{owner}/{repo}/pre-receive-hooks
func (s *PreReceiveHooksService) ListForRepoIter(ctx context.Context, owner, repo string, opts *PreReceiveListOptions) iter.Seq2[*RepoPreReceiveHook, error] {
	return paginate(ctx, s.backend, opts, linked(bind2(s.ListForRepo, owner, repo)))
}

// GetForRepo returns a pre-receive hook as it applies to a repository.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/repo-pre-receive-hooks#get-a-pre-receive-hook-for-a-repository
//
// GHES API: GET /repos/{owner}/{repo}/pre-receive-hooks/{pre_receive_hook_id} (GHES 2.22 and later).
//
//meta:operation GET /repos/{owner}/{repo}/pre-receive-hooks/{pre_receive_hook_id}
func (s *PreReceiveHooksService) GetForRepo(ctx context.Context, owner, repo string, hookID int64) (*RepoPreReceiveHook, *Response, error) {
	return s.repoHook(ctx, "PreReceiveHooks.GetForRepo", http.MethodGet, owner, repo, hookID, nil)
}

// UpdateForRepo sets the enforcement of a pre-receive hook for a
// repository, for hooks that may be configured at that level.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/repo-pre-receive-hooks#update-pre-receive-hook-enforcement-for-a-repository
//
// GHES API: PATCH /repos/{owner}/{repo}/pre-receive-hooks/{pre_receive_hook_id} (GHES 2.22 and later).
//
//meta:operation PATCH /repos/{owner}/{repo}/pre-receive-hooks/{pre_receive_hook_id}
func (s *PreReceiveHooksService) UpdateForRepo(ctx context.Context, owner, repo string, hookID int64, body UpdateRepoPreReceiveHookRequest) (*RepoPreReceiveHook, *Response, error) {
	return s.repoHook(ctx, "PreReceiveHooks.UpdateForRepo", http.MethodPatch, owner, repo, hookID, body)
}

// RemoveForRepo removes the repository's override of a pre-receive hook's
// enforcement and returns the hook as it then applies, with the enforcement
// inherited from the owner or the global configuration.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/repo-pre-receive-hooks#remove-pre-receive-hook-enforcement-for-a-repository
//
// GHES API: DELETE /repos/{owner}/{repo}/pre-receive-hooks/{pre_receive_hook_id} (GHES 2.22 and later).
//
//meta:operation DELETE /repos/{owner}/{repo}/pre-receive-hooks/{pre_receive_hook_id}
func (s *PreReceiveHooksService) RemoveForRepo(ctx context.Context, owner, repo string, hookID int64) (*RepoPreReceiveHook, *Response, error) {
	return s.repoHook(ctx, "PreReceiveHooks.RemoveForRepo", http.MethodDelete, owner, repo, hookID, nil)
}

func (s *PreReceiveHooksService) repoHook(ctx context.Context, op, method, owner, repo string, hookID int64, body any) (*RepoPreReceiveHook, *Response, error) {
	return fetch[RepoPreReceiveHook](ctx, s.backend, &request{op: op, method: method, path: "repos/{owner}/{repo}/pre-receive-hooks/{pre_receive_hook_id}", args: []any{owner, repo, hookID}, json: body, preview: mediaTypeEyeScreamPreview})
}
