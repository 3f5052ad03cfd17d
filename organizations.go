package ghesadmin

import (
	"context"
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
//meta:operation POST /admin/organizations
func (s *OrganizationsService) Create(ctx context.Context, req CreateOrganizationRequest) (*Organization, *Response, error) {
	return fetch[Organization](ctx, s.client, &request{method: http.MethodPost, path: "admin/organizations", json: req})
}

// Rename changes the login of an organization to newLogin. GHES answers 202
// Accepted and renames the organization in a background job.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/orgs#update-an-organization-name
//
//meta:operation PATCH /admin/organizations/{org}
func (s *OrganizationsService) Rename(ctx context.Context, org, newLogin string) (*RenameJob, *Response, error) {
	path, err := escapePath("Organizations.Rename", "admin/organizations/{org}", org)
	if err != nil {
		return nil, nil, err
	}
	body := struct {
		Login string `json:"login"`
	}{newLogin}
	return fetch[RenameJob](ctx, s.client, &request{method: http.MethodPatch, path: path, json: body})
}
