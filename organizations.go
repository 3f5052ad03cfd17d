package ghesadmin

import (
	"context"
	"iter"
	"net/http"
)

// CreateOrganizationRequest is the body of OrganizationsService.Create.
type CreateOrganizationRequest struct {
	// Login is the organization's username.
	Login string `json:"login"`
	// Admin is the login of the user who will manage the organization.
	Admin string `json:"admin"`
	// ProfileName is the organization's display name.
	ProfileName *string `json:"profile_name,omitempty"`
}

// Create creates an organization. A login already in use is a
// *ValidationError (422).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/orgs#create-an-organization
//
// GHES API: POST /admin/organizations (GHES 2.22 and later).
//
//meta:operation POST /admin/organizations
func (s *OrganizationsService) Create(ctx context.Context, req CreateOrganizationRequest) (*Organization, *Response, error) {
	return fetch[Organization](ctx, s.backend, &request{op: "Organizations.Create", method: http.MethodPost, path: "admin/organizations", json: req})
}

// Rename changes the login of an organization to newLogin. GHES answers 202
// Accepted and renames the organization in a background job.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/orgs#update-an-organization-name
//
// GHES API: PATCH /admin/organizations/{org} (GHES 2.22 and later).
//
//meta:operation PATCH /admin/organizations/{org}
func (s *OrganizationsService) Rename(ctx context.Context, org, newLogin string) (*RenameJob, *Response, error) {
	body := struct {
		Login string `json:"login"`
	}{newLogin}
	return fetch[RenameJob](ctx, s.backend, &request{op: "Organizations.Rename", method: http.MethodPatch, path: "admin/organizations/{org}", args: []any{org}, json: body})
}

// Get returns one organization by login, with its ID (what runner groups
// take) and its full profile. A missing organization is ErrNotFound.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/orgs/orgs#get-an-organization
//
// GHES API: GET /orgs/{org} (GHES 2.22 and later).
//
//meta:operation GET /orgs/{org}
func (s *OrganizationsService) Get(ctx context.Context, org string) (*Organization, *Response, error) {
	return fetch[Organization](ctx, s.backend, &request{op: "Organizations.Get", method: http.MethodGet, path: "orgs/{org}", args: []any{org}})
}

// List lists one page of every organization, in ID order, in the short
// form. The next page starts after opts.Since, the ID of the last
// organization read: the reply's Response.NextURL carries it; ListIter
// follows it for you.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/orgs/orgs#list-organizations
//
// GHES API: GET /organizations (GHES 2.22 and later).
//
//meta:operation GET /organizations
func (s *OrganizationsService) List(ctx context.Context, opts *ListSinceOptions) ([]*Organization, *Response, error) {
	return fetchSlice[*Organization](ctx, s.backend, &request{op: "Organizations.List", method: http.MethodGet, path: "organizations", query: opts})
}

// ListIter walks every organization from opts.Since, following the `since`
// cursor of each reply's next link and fetching pages as the loop consumes
// them. opts is not modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/orgs/orgs#list-organizations
//
// GHES API: GET /organizations (GHES 2.22 and later).
//
//meta:operation GET /organizations
func (s *OrganizationsService) ListIter(ctx context.Context, opts *ListSinceOptions) iter.Seq2[*Organization, error] {
	return paginate(ctx, s.backend, opts, linked(s.List))
}
