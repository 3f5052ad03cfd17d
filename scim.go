package ghesadmin

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"
)

// SCIMService provisions an enterprise's users and groups over SCIM 2.0
// (/scim/v2/enterprises/{enterprise}, GHES 3.12 and later), as an identity
// provider does. Requests and replies are application/scim+json; error
// replies become *SCIMError.
type SCIMService service

// mediaTypeSCIM is the media type of SCIM requests and replies.
const mediaTypeSCIM = "application/scim+json"

// SCIM schema URNs.
const (
	scimSchemaUser    = "urn:ietf:params:scim:schemas:core:2.0:User"
	scimSchemaGroup   = "urn:ietf:params:scim:schemas:core:2.0:Group"
	scimSchemaPatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
)

// SCIMUserRole is the value of a SCIM user's role: an enterprise role name
// or the GUID GHES also accepts for it. Unknown values are kept on decode.
type SCIMUserRole string

// The roles GHES documents by name.
const (
	SCIMRoleUser              SCIMUserRole = "user"
	SCIMRoleGuestCollaborator SCIMUserRole = "guest_collaborator"
	SCIMRoleEnterpriseOwner   SCIMUserRole = "enterprise_owner"
	SCIMRoleBillingManager    SCIMUserRole = "billing_manager"
)

// scimRoles are every role value GHES documents (names and GUIDs).
var scimRoles = map[SCIMUserRole]bool{
	SCIMRoleUser: true, SCIMRoleGuestCollaborator: true, SCIMRoleEnterpriseOwner: true, SCIMRoleBillingManager: true,
	"27d9891d-2c17-4f45-a262-781a0e55c80a": true, "1ebc4a02-e56c-43a6-92a5-02ee09b90824": true,
	"981df190-8801-4618-a08a-d91f6206c954": true, "ba4987ab-a1c3-412a-b58c-360fc407cb10": true,
	"0e338b8c-cc7f-498a-928d-ea3470d7e7e3": true, "e6be2762-e4ad-4108-b72d-1bbe884a0f91": true,
}

// SCIMName is a SCIM user's name. FamilyName and GivenName are required
// in a request that has a name.
type SCIMName struct {
	Formatted  string `json:"formatted,omitempty"`
	FamilyName string `json:"familyName"`
	GivenName  string `json:"givenName"`
	MiddleName string `json:"middleName,omitempty"`
}

// SCIMEmail is one email address of a SCIM user.
type SCIMEmail struct {
	Value string `json:"value"`
	// Type is "work", "home" or another label.
	Type    string `json:"type"`
	Primary bool   `json:"primary"`
}

// SCIMRole is one role of a SCIM user.
type SCIMRole struct {
	Display string       `json:"display,omitempty"`
	Type    string       `json:"type,omitempty"`
	Value   SCIMUserRole `json:"value"`
	Primary bool         `json:"primary,omitempty"`
}

// SCIMReference is a member of a group, or a group of a user, in a reply.
type SCIMReference struct {
	// Value is the SCIM ID of the user or group.
	Value string `json:"value"`
	// Ref is the member's URL ("$ref").
	Ref     string `json:"$ref"`
	Display string `json:"display,omitempty"`
}

// UnmarshalJSON reads the reference; "$+ref" and "displayName" are read
// for missing "$ref" and "display", as the examples spell them (aliases.go).
func (v *SCIMReference) UnmarshalJSON(b []byte) error {
	type plain SCIMReference
	return toleranceSCIMReference.decode(b, (*plain)(v))
}

// SCIMResourceType is the type of a SCIM resource.
type SCIMResourceType string

// The SCIM resource types.
const (
	SCIMResourceUser  SCIMResourceType = "User"
	SCIMResourceGroup SCIMResourceType = "Group"
)

// SCIMMeta is the metadata of a SCIM resource. Created and LastModified are
// RFC 3339 times as GHES sends them (kept as text: GHES documents them as
// strings).
type SCIMMeta struct {
	ResourceType SCIMResourceType `json:"resourceType"`
	Created      string           `json:"created,omitempty"`
	LastModified string           `json:"lastModified,omitempty"`
	Location     string           `json:"location,omitempty"`
}

// SCIMUser is a user provisioned over SCIM.
type SCIMUser struct {
	Schemas     []string        `json:"schemas"`
	ID          string          `json:"id"`
	ExternalID  string          `json:"externalId,omitempty"`
	Active      bool            `json:"active"`
	UserName    string          `json:"userName,omitempty"`
	Name        *SCIMName       `json:"name,omitempty"`
	DisplayName string          `json:"displayName,omitempty"`
	Emails      []SCIMEmail     `json:"emails"`
	Roles       []SCIMRole      `json:"roles,omitempty"`
	Groups      []SCIMReference `json:"groups,omitempty"`
	Meta        *SCIMMeta       `json:"meta,omitempty"`
}

// SCIMGroup is a group provisioned over SCIM.
type SCIMGroup struct {
	Schemas     []string        `json:"schemas"`
	ID          string          `json:"id,omitempty"`
	ExternalID  string          `json:"externalId,omitempty"`
	DisplayName string          `json:"displayName,omitempty"`
	Members     []SCIMReference `json:"members,omitempty"`
	Meta        *SCIMMeta       `json:"meta,omitempty"`
}

// SCIMUserList is one page of SCIM users.
type SCIMUserList struct {
	Schemas []string `json:"schemas"`
	// TotalResults is the number of users that match, on every page.
	TotalResults int `json:"totalResults"`
	// StartIndex is the 1-based index of the first user of this page.
	StartIndex   int         `json:"startIndex"`
	ItemsPerPage int         `json:"itemsPerPage"`
	Resources    []*SCIMUser `json:"Resources"`
}

// SCIMGroupList is one page of SCIM groups.
type SCIMGroupList struct {
	Schemas []string `json:"schemas"`
	// TotalResults is the number of groups that match, on every page.
	TotalResults int `json:"totalResults"`
	// StartIndex is the 1-based index of the first group of this page.
	StartIndex   int          `json:"startIndex"`
	ItemsPerPage int          `json:"itemsPerPage"`
	Resources    []*SCIMGroup `json:"Resources"`
}

// SCIMUserRequest is the body of SCIMService.CreateUser and ReplaceUser.
// The schemas member is added by the SDK.
type SCIMUserRequest struct {
	// ExternalID is the user's ID at the identity provider.
	ExternalID string `json:"externalId"`
	Active     bool   `json:"active"`
	// UserName is the user's login at the identity provider.
	UserName    string    `json:"userName"`
	Name        *SCIMName `json:"name,omitempty"`
	DisplayName string    `json:"displayName"`
	// Emails are the user's addresses: at least one.
	Emails []SCIMEmail `json:"emails"`
	Roles  []SCIMRole  `json:"roles,omitempty"`
}

func (r SCIMUserRequest) check(method string) error {
	switch {
	case r.ExternalID == "":
		return fmt.Errorf("%w: %s: SCIMUserRequest.ExternalID is empty", ErrInvalidArgument, method)
	case r.UserName == "":
		return fmt.Errorf("%w: %s: SCIMUserRequest.UserName is empty", ErrInvalidArgument, method)
	case r.DisplayName == "":
		return fmt.Errorf("%w: %s: SCIMUserRequest.DisplayName is empty", ErrInvalidArgument, method)
	case len(r.Emails) == 0:
		return fmt.Errorf("%w: %s: SCIMUserRequest.Emails is empty; GHES requires at least one", ErrInvalidArgument, method)
	}
	if r.Name != nil && (r.Name.FamilyName == "" || r.Name.GivenName == "") {
		return fmt.Errorf("%w: %s: SCIMUserRequest.Name needs FamilyName and GivenName", ErrInvalidArgument, method)
	}
	for i, e := range r.Emails {
		if e.Value == "" || e.Type == "" {
			return fmt.Errorf("%w: %s: SCIMUserRequest.Emails[%d] needs Value and Type", ErrInvalidArgument, method, i)
		}
	}
	for i, role := range r.Roles {
		if !scimRoles[role.Value] {
			return fmt.Errorf("%w: %s: SCIMUserRequest.Roles[%d].Value %q is not a role GHES documents", ErrInvalidArgument, method, i, string(role.Value))
		}
	}
	return nil
}

// scimUserBody is a SCIMUserRequest with its schemas.
type scimUserBody struct {
	Schemas []string `json:"schemas"`
	SCIMUserRequest
}

// SCIMGroupMember is a member of a group in a request.
type SCIMGroupMember struct {
	// Value is the SCIM ID of the user.
	Value       string `json:"value"`
	DisplayName string `json:"displayName"`
}

// SCIMGroupRequest is the body of SCIMService.CreateGroup and ReplaceGroup.
// The schemas member is added by the SDK.
type SCIMGroupRequest struct {
	ExternalID  string `json:"externalId"`
	DisplayName string `json:"displayName"`
	// Members are the group's users; sent as [] when empty (GHES 3.12's
	// description requires the member).
	Members []SCIMGroupMember `json:"members"`
}

func (r SCIMGroupRequest) check(method string) error {
	switch {
	case r.ExternalID == "":
		return fmt.Errorf("%w: %s: SCIMGroupRequest.ExternalID is empty", ErrInvalidArgument, method)
	case r.DisplayName == "":
		return fmt.Errorf("%w: %s: SCIMGroupRequest.DisplayName is empty", ErrInvalidArgument, method)
	}
	for i, m := range r.Members {
		if m.Value == "" {
			return fmt.Errorf("%w: %s: SCIMGroupRequest.Members[%d].Value is empty", ErrInvalidArgument, method, i)
		}
	}
	return nil
}

type scimGroupBody struct {
	Schemas []string `json:"schemas"`
	SCIMGroupRequest
}

// newSCIMGroupBody adds the schemas, and an empty members list for none.
func newSCIMGroupBody(req SCIMGroupRequest) scimGroupBody {
	if req.Members == nil {
		req.Members = []SCIMGroupMember{}
	}
	return scimGroupBody{Schemas: []string{scimSchemaGroup}, SCIMGroupRequest: req}
}

// SCIMPatchOpType is the operation of a SCIM PATCH.
type SCIMPatchOpType string

// The SCIM PATCH operations.
const (
	SCIMPatchAdd     SCIMPatchOpType = "add"
	SCIMPatchReplace SCIMPatchOpType = "replace"
	SCIMPatchRemove  SCIMPatchOpType = "remove"
)

// SCIMPatchOp is one operation of a SCIM PATCH (RFC 7644 §3.5.2).
type SCIMPatchOp struct {
	Op SCIMPatchOpType `json:"op"`
	// Path is the attribute ("displayName", "active", "members",
	// `members[value eq "…"]`); "" with Value an object of attributes.
	Path string `json:"path,omitempty"`
	// Value is the new value: GHES documents a string; identity providers
	// also send booleans ("active"), objects and arrays (members), which
	// are sent as given. A remove takes none.
	Value any `json:"value,omitempty"`
}

// scimPatchBody is the body of a SCIM PATCH.
type scimPatchBody struct {
	Operations []SCIMPatchOp `json:"Operations"`
	Schemas    []string      `json:"schemas"`
}

func (b scimPatchBody) check(method string) error { return checkPatchOps(method, b.Operations) }

func checkPatchOps(method string, ops []SCIMPatchOp) error {
	if len(ops) == 0 {
		return fmt.Errorf("%w: %s: no operations", ErrInvalidArgument, method)
	}
	for i, o := range ops {
		switch o.Op {
		case SCIMPatchAdd, SCIMPatchReplace:
			if o.Value == nil {
				return fmt.Errorf("%w: %s: operation %d (%s) has no Value", ErrInvalidArgument, method, i, o.Op)
			}
		case SCIMPatchRemove:
			if o.Path == "" {
				return fmt.Errorf("%w: %s: operation %d (remove) has no Path", ErrInvalidArgument, method, i)
			}
		default:
			return fmt.Errorf("%w: %s: operation %d has op %q; want add, replace or remove", ErrInvalidArgument, method, i, string(o.Op))
		}
	}
	return nil
}

// SCIMListUsersOptions selects a page of SCIM users.
type SCIMListUsersOptions struct {
	// Filter keeps the users that match (userName, externalId, id or
	// displayName eq "…").
	Filter SCIMFilter `url:"filter,omitempty"`
	// StartIndex is the 1-based index of the first user (0: 1).
	StartIndex int `url:"startIndex,omitempty"`
	// Count is the page size (0: the server's).
	Count int `url:"count,omitempty"`
}

func (o SCIMListUsersOptions) validate() error {
	return firstError(
		o.Filter.validate("SCIMListUsersOptions", "userName", "externalId", "id", "displayName"),
		checkSCIMWindow("SCIMListUsersOptions", o.StartIndex, o.Count),
	)
}

// SCIMListGroupsOptions selects a page of SCIM groups.
type SCIMListGroupsOptions struct {
	// Filter keeps the groups that match (externalId, id or displayName
	// eq "…").
	Filter SCIMFilter `url:"filter,omitempty"`
	// ExcludedAttributes leaves attributes out of the reply ("members").
	ExcludedAttributes string `url:"excludedAttributes,omitempty"`
	// StartIndex is the 1-based index of the first group (0: 1).
	StartIndex int `url:"startIndex,omitempty"`
	// Count is the page size (0: the server's).
	Count int `url:"count,omitempty"`
}

func (o SCIMListGroupsOptions) validate() error {
	return firstError(
		o.Filter.validate("SCIMListGroupsOptions", "externalId", "id", "displayName"),
		checkSCIMWindow("SCIMListGroupsOptions", o.StartIndex, o.Count),
	)
}

// SCIMGetGroupOptions are the query parameters of SCIMService.GetGroup.
type SCIMGetGroupOptions struct {
	// ExcludedAttributes leaves attributes out of the reply ("members").
	ExcludedAttributes string `url:"excludedAttributes,omitempty"`
}

func checkSCIMWindow(what string, start, count int) error {
	if start < 0 {
		return fmt.Errorf("%w: %s.StartIndex is %d; it starts at 1 (0 for the default)", ErrInvalidArgument, what, start)
	}
	if count < 0 {
		return fmt.Errorf("%w: %s.Count is %d; it must not be negative", ErrInvalidArgument, what, count)
	}
	return nil
}

// scim makes r a request to the SCIM API: SCIM media types both ways.
func scim(r *request) *request {
	r.accept = mediaTypeSCIM
	if r.json != nil {
		r.contentType = mediaTypeSCIM
	}
	return r
}

// ListUsers returns one page of the users provisioned in an enterprise,
// with TotalResults.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/scim#list-scim-provisioned-identities-for-an-enterprise
//
// GHES API: GET /scim/v2/enterprises/{enterprise}/Users (GHES 3.12 and later).
//
//meta:operation GET /scim/v2/enterprises/{enterprise}/Users
func (s *SCIMService) ListUsers(ctx context.Context, enterprise string, opts *SCIMListUsersOptions) (*SCIMUserList, *Response, error) {
	return fetch[SCIMUserList](ctx, s.backend, scim(&request{op: "SCIM.ListUsers", method: http.MethodGet, path: "scim/v2/enterprises/{enterprise}/Users", args: []any{enterprise}, query: opts}))
}

// ListUsersIter walks every page of the users provisioned in an
// enterprise, from opts.StartIndex, by startIndex and count. opts is not
// modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/scim#list-scim-provisioned-identities-for-an-enterprise
//
// GHES API: GET /scim/v2/enterprises/{enterprise}/Users (GHES 3.12 and later).
//
//meta:operation GET /scim/v2/enterprises/{enterprise}/Users
func (s *SCIMService) ListUsersIter(ctx context.Context, enterprise string, opts *SCIMListUsersOptions) iter.Seq2[*SCIMUser, error] {
	return paginate(ctx, s.backend, opts, cursored(bind(s.ListUsers, enterprise), func(o *SCIMListUsersOptions, l *SCIMUserList) ([]*SCIMUser, url.Values) {
		return l.Resources, scimNext(o.StartIndex, len(l.Resources), l.TotalResults)
	}))
}

// CreateUser provisions a user in an enterprise. GHES answers a
// *SCIMError with SCIMType "uniqueness" (409) when the userName or
// externalId is taken.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/scim#provision-a-scim-enterprise-user
//
// GHES API: POST /scim/v2/enterprises/{enterprise}/Users (GHES 3.12 and later).
//
//meta:operation POST /scim/v2/enterprises/{enterprise}/Users
func (s *SCIMService) CreateUser(ctx context.Context, enterprise string, req SCIMUserRequest) (*SCIMUser, *Response, error) {
	return fetch[SCIMUser](ctx, s.backend, scim(&request{op: "SCIM.CreateUser", method: http.MethodPost, path: "scim/v2/enterprises/{enterprise}/Users", args: []any{enterprise}, json: scimUserBody{Schemas: []string{scimSchemaUser}, SCIMUserRequest: req}}))
}

// GetUser returns a user provisioned in an enterprise, by SCIM ID.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/scim#get-scim-provisioning-information-for-an-enterprise-user
//
// GHES API: GET /scim/v2/enterprises/{enterprise}/Users/{scim_user_id} (GHES 3.12 and later).
//
//meta:operation GET /scim/v2/enterprises/{enterprise}/Users/{scim_user_id}
func (s *SCIMService) GetUser(ctx context.Context, enterprise, scimUserID string) (*SCIMUser, *Response, error) {
	return fetch[SCIMUser](ctx, s.backend, scim(&request{op: "SCIM.GetUser", method: http.MethodGet, path: "scim/v2/enterprises/{enterprise}/Users/{scim_user_id}", args: []any{enterprise, scimUserID}}))
}

// ReplaceUser replaces every attribute of a provisioned user. Setting
// Active to false suspends the user.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/scim#set-scim-information-for-a-provisioned-enterprise-user
//
// GHES API: PUT /scim/v2/enterprises/{enterprise}/Users/{scim_user_id} (GHES 3.12 and later).
//
//meta:operation PUT /scim/v2/enterprises/{enterprise}/Users/{scim_user_id}
func (s *SCIMService) ReplaceUser(ctx context.Context, enterprise, scimUserID string, req SCIMUserRequest) (*SCIMUser, *Response, error) {
	return fetch[SCIMUser](ctx, s.backend, scim(&request{op: "SCIM.ReplaceUser", method: http.MethodPut, path: "scim/v2/enterprises/{enterprise}/Users/{scim_user_id}", args: []any{enterprise, scimUserID}, json: scimUserBody{Schemas: []string{scimSchemaUser}, SCIMUserRequest: req}}))
}

// UpdateUser changes attributes of a provisioned user with SCIM PATCH
// operations (add, replace, remove); a replace of "active" with false
// suspends the user.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/scim#update-an-attribute-for-a-scim-enterprise-user
//
// GHES API: PATCH /scim/v2/enterprises/{enterprise}/Users/{scim_user_id} (GHES 3.12 and later).
//
//meta:operation PATCH /scim/v2/enterprises/{enterprise}/Users/{scim_user_id}
func (s *SCIMService) UpdateUser(ctx context.Context, enterprise, scimUserID string, ops []SCIMPatchOp) (*SCIMUser, *Response, error) {
	return fetch[SCIMUser](ctx, s.backend, scim(&request{op: "SCIM.UpdateUser", method: http.MethodPatch, path: "scim/v2/enterprises/{enterprise}/Users/{scim_user_id}", args: []any{enterprise, scimUserID}, json: scimPatchBody{Operations: ops, Schemas: []string{scimSchemaPatchOp}}}))
}

// DeleteUser deprovisions a user: GHES suspends the account and removes
// its SCIM identity.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/scim#delete-a-scim-user-from-an-enterprise
//
// GHES API: DELETE /scim/v2/enterprises/{enterprise}/Users/{scim_user_id} (GHES 3.12 and later).
//
//meta:operation DELETE /scim/v2/enterprises/{enterprise}/Users/{scim_user_id}
func (s *SCIMService) DeleteUser(ctx context.Context, enterprise, scimUserID string) (*Response, error) {
	return s.backend.call(ctx, scim(&request{op: "SCIM.DeleteUser", method: http.MethodDelete, path: "scim/v2/enterprises/{enterprise}/Users/{scim_user_id}", args: []any{enterprise, scimUserID}}), nil)
}

// ListGroups returns one page of the groups provisioned in an enterprise,
// with TotalResults.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/scim#list-provisioned-scim-groups-for-an-enterprise
//
// GHES API: GET /scim/v2/enterprises/{enterprise}/Groups (GHES 3.12 and later).
//
//meta:operation GET /scim/v2/enterprises/{enterprise}/Groups
func (s *SCIMService) ListGroups(ctx context.Context, enterprise string, opts *SCIMListGroupsOptions) (*SCIMGroupList, *Response, error) {
	return fetch[SCIMGroupList](ctx, s.backend, scim(&request{op: "SCIM.ListGroups", method: http.MethodGet, path: "scim/v2/enterprises/{enterprise}/Groups", args: []any{enterprise}, query: opts}))
}

// ListGroupsIter walks every page of the groups provisioned in an
// enterprise, from opts.StartIndex, by startIndex and count. opts is not
// modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/scim#list-provisioned-scim-groups-for-an-enterprise
//
// GHES API: GET /scim/v2/enterprises/{enterprise}/Groups (GHES 3.12 and later).
//
//meta:operation GET /scim/v2/enterprises/{enterprise}/Groups
func (s *SCIMService) ListGroupsIter(ctx context.Context, enterprise string, opts *SCIMListGroupsOptions) iter.Seq2[*SCIMGroup, error] {
	return paginate(ctx, s.backend, opts, cursored(bind(s.ListGroups, enterprise), func(o *SCIMListGroupsOptions, l *SCIMGroupList) ([]*SCIMGroup, url.Values) {
		return l.Resources, scimNext(o.StartIndex, len(l.Resources), l.TotalResults)
	}))
}

// CreateGroup provisions a group in an enterprise.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/scim#provision-a-scim-enterprise-group
//
// GHES API: POST /scim/v2/enterprises/{enterprise}/Groups (GHES 3.12 and later).
//
//meta:operation POST /scim/v2/enterprises/{enterprise}/Groups
func (s *SCIMService) CreateGroup(ctx context.Context, enterprise string, req SCIMGroupRequest) (*SCIMGroup, *Response, error) {
	return fetch[SCIMGroup](ctx, s.backend, scim(&request{op: "SCIM.CreateGroup", method: http.MethodPost, path: "scim/v2/enterprises/{enterprise}/Groups", args: []any{enterprise}, json: newSCIMGroupBody(req)}))
}

// GetGroup returns a group provisioned in an enterprise, by SCIM ID.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/scim#get-scim-provisioning-information-for-an-enterprise-group
//
// GHES API: GET /scim/v2/enterprises/{enterprise}/Groups/{scim_group_id} (GHES 3.12 and later).
//
//meta:operation GET /scim/v2/enterprises/{enterprise}/Groups/{scim_group_id}
func (s *SCIMService) GetGroup(ctx context.Context, enterprise, scimGroupID string, opts *SCIMGetGroupOptions) (*SCIMGroup, *Response, error) {
	return fetch[SCIMGroup](ctx, s.backend, scim(&request{op: "SCIM.GetGroup", method: http.MethodGet, path: "scim/v2/enterprises/{enterprise}/Groups/{scim_group_id}", args: []any{enterprise, scimGroupID}, query: opts}))
}

// ReplaceGroup replaces every attribute of a provisioned group, members
// included.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/scim#set-scim-information-for-a-provisioned-enterprise-group
//
// GHES API: PUT /scim/v2/enterprises/{enterprise}/Groups/{scim_group_id} (GHES 3.12 and later).
//
//meta:operation PUT /scim/v2/enterprises/{enterprise}/Groups/{scim_group_id}
func (s *SCIMService) ReplaceGroup(ctx context.Context, enterprise, scimGroupID string, req SCIMGroupRequest) (*SCIMGroup, *Response, error) {
	return fetch[SCIMGroup](ctx, s.backend, scim(&request{op: "SCIM.ReplaceGroup", method: http.MethodPut, path: "scim/v2/enterprises/{enterprise}/Groups/{scim_group_id}", args: []any{enterprise, scimGroupID}, json: newSCIMGroupBody(req)}))
}

// UpdateGroup changes attributes of a provisioned group with SCIM PATCH
// operations: add or remove members, replace the display name. GHES
// answers the group (200) or nothing (204): the group is then nil.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/scim#update-an-attribute-for-a-scim-enterprise-group
//
// GHES API: PATCH /scim/v2/enterprises/{enterprise}/Groups/{scim_group_id} (GHES 3.12 and later).
//
//meta:operation PATCH /scim/v2/enterprises/{enterprise}/Groups/{scim_group_id}
func (s *SCIMService) UpdateGroup(ctx context.Context, enterprise, scimGroupID string, ops []SCIMPatchOp) (*SCIMGroup, *Response, error) {
	g, resp, err := fetch[SCIMGroup](ctx, s.backend, scim(&request{op: "SCIM.UpdateGroup", method: http.MethodPatch, path: "scim/v2/enterprises/{enterprise}/Groups/{scim_group_id}", args: []any{enterprise, scimGroupID}, json: scimPatchBody{Operations: ops, Schemas: []string{scimSchemaPatchOp}}}))
	if err == nil && resp != nil && resp.StatusCode == http.StatusNoContent {
		return nil, resp, nil
	}
	return g, resp, err
}

// DeleteGroup deletes a provisioned group.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/scim#delete-a-scim-group-from-an-enterprise
//
// GHES API: DELETE /scim/v2/enterprises/{enterprise}/Groups/{scim_group_id} (GHES 3.12 and later).
//
//meta:operation DELETE /scim/v2/enterprises/{enterprise}/Groups/{scim_group_id}
func (s *SCIMService) DeleteGroup(ctx context.Context, enterprise, scimGroupID string) (*Response, error) {
	return s.backend.call(ctx, scim(&request{op: "SCIM.DeleteGroup", method: http.MethodDelete, path: "scim/v2/enterprises/{enterprise}/Groups/{scim_group_id}", args: []any{enterprise, scimGroupID}}), nil)
}
