package ghesadmin

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"time"
)

// EnterpriseAppsService installs GitHub Apps on the organizations of an
// enterprise and chooses the repositories they reach
// (/enterprises/{enterprise}/apps, GHES 3.19 and later).
type EnterpriseAppsService service

// RepositorySelection is which repositories an installation reaches.
// Unknown values are kept on decode.
type RepositorySelection string

// The repository selections.
const (
	RepositorySelectionAll      RepositorySelection = "all"
	RepositorySelectionSelected RepositorySelection = "selected"
	// RepositorySelectionNone installs with no repository (creation only).
	RepositorySelectionNone RepositorySelection = "none"
)

// InstallableOrganization is an organization of the enterprise that can
// have GitHub Apps installed.
type InstallableOrganization struct {
	ID                        int64  `json:"id"`
	Login                     string `json:"login"`
	AccessibleRepositoriesURL string `json:"accessible_repositories_url,omitempty"`
}

// AccessibleRepository is a repository an installation can be given.
type AccessibleRepository struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	FullName string `json:"full_name"`
}

// UnmarshalJSON reads the object; "login" is read for a missing "name",
// as one example spells it (aliases.go).
func (v *AccessibleRepository) UnmarshalJSON(b []byte) error {
	type plain AccessibleRepository
	return toleranceAccessibleRepository.decode(b, (*plain)(v))
}

// EnterpriseOrganizationInstallation is a GitHub App installed on an
// organization of the enterprise, as the list shows it.
type EnterpriseOrganizationInstallation struct {
	ID                  int64               `json:"id"`
	AppSlug             string              `json:"app_slug,omitempty"`
	ClientID            string              `json:"client_id"`
	RepositorySelection RepositorySelection `json:"repository_selection"`
	RepositoriesURL     string              `json:"repositories_url"`
	// Permissions maps a permission ("contents") to its level ("read",
	// "write", "admin"); every key the server sends is kept.
	Permissions map[string]string `json:"permissions"`
	Events      []string          `json:"events,omitempty"`
	CreatedAt   time.Time         `json:"created_at"`
	UpdatedAt   time.Time         `json:"updated_at"`
}

// UnmarshalJSON reads the object, or the object wrapped as
// {"value": {…}, "x-ref": "…"} as some examples show it (aliases.go).
func (v *EnterpriseOrganizationInstallation) UnmarshalJSON(b []byte) error {
	type plain EnterpriseOrganizationInstallation
	return toleranceReferenceWrapper.decode(b, (*plain)(v))
}

// Installation is a GitHub App installation.
type Installation struct {
	ID int64 `json:"id"`
	// Account is the user or enterprise the app is installed on, kept as
	// the server sent it.
	Account             json.RawMessage     `json:"account,omitempty"`
	RepositorySelection RepositorySelection `json:"repository_selection"`
	AccessTokensURL     string              `json:"access_tokens_url"`
	RepositoriesURL     string              `json:"repositories_url"`
	HTMLURL             string              `json:"html_url"`
	AppID               int64               `json:"app_id"`
	ClientID            string              `json:"client_id,omitempty"`
	TargetID            int64               `json:"target_id"`
	TargetType          string              `json:"target_type"`
	// Permissions maps a permission ("contents") to its level.
	Permissions            map[string]string `json:"permissions"`
	Events                 []string          `json:"events"`
	CreatedAt              time.Time         `json:"created_at"`
	UpdatedAt              time.Time         `json:"updated_at"`
	SingleFileName         *string           `json:"single_file_name"`
	HasMultipleSingleFiles bool              `json:"has_multiple_single_files,omitempty"`
	SingleFilePaths        []string          `json:"single_file_paths,omitempty"`
	AppSlug                string            `json:"app_slug"`
	// SuspendedBy is the user who suspended the installation, kept as the
	// server sent it (null when not suspended).
	SuspendedBy  json.RawMessage `json:"suspended_by,omitempty"`
	SuspendedAt  *time.Time      `json:"suspended_at"`
	ContactEmail *string         `json:"contact_email,omitempty"`
}

// CreateInstallationRequest is the body of
// EnterpriseAppsService.CreateInstallation.
type CreateInstallationRequest struct {
	// ClientID is the GitHub App's client ID.
	ClientID string `json:"client_id"`
	// RepositorySelection is all, selected or none.
	RepositorySelection RepositorySelection `json:"repository_selection"`
	// Repositories are the names of the repositories (selected only).
	Repositories []string `json:"repositories,omitempty"`
}

// InstallationRepositoriesRequest is the body of
// EnterpriseAppsService.SetInstallationRepositories.
type InstallationRepositoriesRequest struct {
	// RepositorySelection is all or selected.
	RepositorySelection RepositorySelection `json:"repository_selection"`
	// Repositories are the names of the repositories (selected only).
	Repositories []string `json:"repositories,omitempty"`
}

// maxInstallationRepositories is the most repository names one request
// may carry, as GHES documents.
const maxInstallationRepositories = 50

func checkRepoNames(method string, names []string, required bool) error {
	if required && len(names) == 0 {
		return fmt.Errorf("%w: %s: no repositories", ErrInvalidArgument, method)
	}
	if len(names) > maxInstallationRepositories {
		return fmt.Errorf("%w: %s: %d repositories; GHES takes at most %d", ErrInvalidArgument, method, len(names), maxInstallationRepositories)
	}
	for i, n := range names {
		if n == "" {
			return fmt.Errorf("%w: %s: repository %d is empty", ErrInvalidArgument, method, i)
		}
	}
	return nil
}

func (r CreateInstallationRequest) check(method string) error {
	return firstError(
		refuseIf(r.ClientID == "", "%s: CreateInstallationRequest.ClientID is empty", method),
		checkSelection(method, r.RepositorySelection, r.Repositories, true),
	)
}

func (r InstallationRepositoriesRequest) check(method string) error {
	return checkSelection(method, r.RepositorySelection, r.Repositories, false)
}

func checkSelection(method string, sel RepositorySelection, repos []string, allowNone bool) error {
	switch {
	case sel == RepositorySelectionAll, sel == RepositorySelectionNone && allowNone:
		if len(repos) > 0 {
			return fmt.Errorf("%w: %s: repositories are given only with repository_selection selected, not %q", ErrInvalidArgument, method, string(sel))
		}
		return nil
	case sel == RepositorySelectionSelected:
		return checkRepoNames(method, repos, true)
	}
	want := "all or selected"
	if allowNone {
		want = "all, selected or none"
	}
	return fmt.Errorf("%w: %s: repository_selection is %q; want %s", ErrInvalidArgument, method, string(sel), want)
}

// ListInstallableOrganizations returns one page of the organizations of an
// enterprise that can have GitHub Apps installed.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/organization-installations#get-enterprise-owned-organizations-that-can-have-github-apps-installed
//
// GHES API: GET /enterprises/{enterprise}/apps/installable_organizations (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/apps/installable_organizations
func (s *EnterpriseAppsService) ListInstallableOrganizations(ctx context.Context, enterprise string, opts *ListOptions) ([]*InstallableOrganization, *Response, error) {
	return fetchSlice[*InstallableOrganization](ctx, s.backend, &request{op: "EnterpriseApps.ListInstallableOrganizations", method: http.MethodGet, path: "enterprises/{enterprise}/apps/installable_organizations", args: []any{enterprise}, query: opts})
}

// ListInstallableOrganizationsIter walks every page of
// ListInstallableOrganizations from opts.Page. opts is not modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/organization-installations#get-enterprise-owned-organizations-that-can-have-github-apps-installed
//
// GHES API: GET /enterprises/{enterprise}/apps/installable_organizations (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/apps/installable_organizations
func (s *EnterpriseAppsService) ListInstallableOrganizationsIter(ctx context.Context, enterprise string, opts *ListOptions) iter.Seq2[*InstallableOrganization, error] {
	return paginate(ctx, s.backend, opts, linked(bind(s.ListInstallableOrganizations, enterprise)))
}

// ListAccessibleRepositories returns one page of the repositories of an
// organization of the enterprise that an installation can be given.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/organization-installations#get-repositories-belonging-to-an-enterprise-owned-organization
//
// GHES API: GET /enterprises/{enterprise}/apps/installable_organizations/{org}/accessible_repositories (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/apps/installable_organizations/{org}/accessible_repositories
func (s *EnterpriseAppsService) ListAccessibleRepositories(ctx context.Context, enterprise, org string, opts *ListOptions) ([]*AccessibleRepository, *Response, error) {
	return fetchSlice[*AccessibleRepository](ctx, s.backend, &request{op: "EnterpriseApps.ListAccessibleRepositories", method: http.MethodGet, path: "enterprises/{enterprise}/apps/installable_organizations/{org}/accessible_repositories", args: []any{enterprise, org}, query: opts})
}

// ListAccessibleRepositoriesIter walks every page of
// ListAccessibleRepositories from opts.Page. opts is not modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/organization-installations#get-repositories-belonging-to-an-enterprise-owned-organization
//
// GHES API: GET /enterprises/{enterprise}/apps/installable_organizations/{org}/accessible_repositories (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/apps/installable_organizations/{org}/accessible_repositories
func (s *EnterpriseAppsService) ListAccessibleRepositoriesIter(ctx context.Context, enterprise, org string, opts *ListOptions) iter.Seq2[*AccessibleRepository, error] {
	return paginate(ctx, s.backend, opts, linked(bind2(s.ListAccessibleRepositories, enterprise, org)))
}

// ListInstallations returns one page of the GitHub Apps installed on an
// organization of the enterprise.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/organization-installations#list-github-apps-installed-on-an-enterprise-owned-organization
//
// GHES API: GET /enterprises/{enterprise}/apps/organizations/{org}/installations (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/apps/organizations/{org}/installations
func (s *EnterpriseAppsService) ListInstallations(ctx context.Context, enterprise, org string, opts *ListOptions) ([]*EnterpriseOrganizationInstallation, *Response, error) {
	return fetchSlice[*EnterpriseOrganizationInstallation](ctx, s.backend, &request{op: "EnterpriseApps.ListInstallations", method: http.MethodGet, path: "enterprises/{enterprise}/apps/organizations/{org}/installations", args: []any{enterprise, org}, query: opts})
}

// ListInstallationsIter walks every page of ListInstallations from
// opts.Page. opts is not modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/organization-installations#list-github-apps-installed-on-an-enterprise-owned-organization
//
// GHES API: GET /enterprises/{enterprise}/apps/organizations/{org}/installations (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/apps/organizations/{org}/installations
func (s *EnterpriseAppsService) ListInstallationsIter(ctx context.Context, enterprise, org string, opts *ListOptions) iter.Seq2[*EnterpriseOrganizationInstallation, error] {
	return paginate(ctx, s.backend, opts, linked(bind2(s.ListInstallations, enterprise, org)))
}

// CreateInstallation installs a GitHub App on an organization of the
// enterprise.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/organization-installations#install-a-github-app-on-an-enterprise-owned-organization
//
// GHES API: POST /enterprises/{enterprise}/apps/organizations/{org}/installations (GHES 3.19 and later).
//
//meta:operation POST /enterprises/{enterprise}/apps/organizations/{org}/installations
func (s *EnterpriseAppsService) CreateInstallation(ctx context.Context, enterprise, org string, req CreateInstallationRequest) (*Installation, *Response, error) {
	return fetch[Installation](ctx, s.backend, &request{op: "EnterpriseApps.CreateInstallation", method: http.MethodPost, path: "enterprises/{enterprise}/apps/organizations/{org}/installations", args: []any{enterprise, org}, json: req})
}

// DeleteInstallation uninstalls a GitHub App from an organization of the
// enterprise.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/organization-installations#uninstall-a-github-app-from-an-enterprise-owned-organization
//
// GHES API: DELETE /enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id} (GHES 3.19 and later).
//
//meta:operation DELETE /enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}
func (s *EnterpriseAppsService) DeleteInstallation(ctx context.Context, enterprise, org string, installationID int64) (*Response, error) {
	return s.backend.call(ctx, &request{op: "EnterpriseApps.DeleteInstallation", method: http.MethodDelete, path: "enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}", args: []any{enterprise, org, installationID}}, nil)
}

// ListInstallationRepositories returns one page of the repositories an
// installation reaches.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/organization-installations#get-the-repositories-accessible-to-a-given-github-app-installation
//
// GHES API: GET /enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}/repositories (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}/repositories
func (s *EnterpriseAppsService) ListInstallationRepositories(ctx context.Context, enterprise, org string, installationID int64, opts *ListOptions) ([]*AccessibleRepository, *Response, error) {
	return fetchSlice[*AccessibleRepository](ctx, s.backend, &request{op: "EnterpriseApps.ListInstallationRepositories", method: http.MethodGet, path: "enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}/repositories", args: []any{enterprise, org, installationID}, query: opts})
}

// ListInstallationRepositoriesIter walks every page of
// ListInstallationRepositories from opts.Page. opts is not modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/organization-installations#get-the-repositories-accessible-to-a-given-github-app-installation
//
// GHES API: GET /enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}/repositories (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}/repositories
func (s *EnterpriseAppsService) ListInstallationRepositoriesIter(ctx context.Context, enterprise, org string, installationID int64, opts *ListOptions) iter.Seq2[*AccessibleRepository, error] {
	return paginate(ctx, s.backend, opts, linked(bind3(s.ListInstallationRepositories, enterprise, org, installationID)))
}

// SetInstallationRepositories switches an installation between all
// repositories and a selection (replacing the selection).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/organization-installations#toggle-installation-repository-access-between-selected-and-all-repositories
//
// GHES API: PATCH /enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}/repositories (GHES 3.19 and later).
//
//meta:operation PATCH /enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}/repositories
func (s *EnterpriseAppsService) SetInstallationRepositories(ctx context.Context, enterprise, org string, installationID int64, req InstallationRepositoriesRequest) (*Installation, *Response, error) {
	return fetch[Installation](ctx, s.backend, &request{op: "EnterpriseApps.SetInstallationRepositories", method: http.MethodPatch, path: "enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}/repositories", args: []any{enterprise, org, installationID}, json: req})
}

// installationRepositoriesBody is the body of the add and remove calls.
type installationRepositoriesBody struct {
	Repositories []string `json:"repositories"`
}

func (b installationRepositoriesBody) check(method string) error {
	return checkRepoNames(method, b.Repositories, true)
}

// AddInstallationRepositories gives an installation (with a selection)
// more repositories, by name, and returns those it now reaches.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/organization-installations#grant-repository-access-to-an-organization-installation
//
// GHES API: PATCH /enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}/repositories/add (GHES 3.19 and later).
//
//meta:operation PATCH /enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}/repositories/add
func (s *EnterpriseAppsService) AddInstallationRepositories(ctx context.Context, enterprise, org string, installationID int64, repositories []string) ([]*AccessibleRepository, *Response, error) {
	return fetchSlice[*AccessibleRepository](ctx, s.backend, &request{op: "EnterpriseApps.AddInstallationRepositories", method: http.MethodPatch, path: "enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}/repositories/add", args: []any{enterprise, org, installationID}, json: installationRepositoriesBody{repositories}})
}

// RemoveInstallationRepositories takes repositories, by name, from an
// installation (with a selection) and returns those it still reaches.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/organization-installations#remove-repository-access-from-an-organization-installation
//
// GHES API: PATCH /enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}/repositories/remove (GHES 3.19 and later).
//
//meta:operation PATCH /enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}/repositories/remove
func (s *EnterpriseAppsService) RemoveInstallationRepositories(ctx context.Context, enterprise, org string, installationID int64, repositories []string) ([]*AccessibleRepository, *Response, error) {
	return fetchSlice[*AccessibleRepository](ctx, s.backend, &request{op: "EnterpriseApps.RemoveInstallationRepositories", method: http.MethodPatch, path: "enterprises/{enterprise}/apps/organizations/{org}/installations/{installation_id}/repositories/remove", args: []any{enterprise, org, installationID}, json: installationRepositoriesBody{repositories}})
}
