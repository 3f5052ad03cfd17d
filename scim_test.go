package ghesadmin

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSCIMFilterBuildersParse(t *testing.T) {
	for _, tc := range []struct {
		f          SCIMFilter
		attr, val  string
		wantString string
	}{
		{SCIMUserNameEq("mona"), "userName", "mona", `userName eq "mona"`},
		{SCIMExternalIDEq(`a"b\c`), "externalId", `a"b\c`, `externalId eq "a\"b\\c"`},
		{SCIMIDEq("42"), "id", "42", `id eq "42"`},
		{SCIMDisplayNameEq("Mona Lisa"), "displayName", "Mona Lisa", `displayName eq "Mona Lisa"`},
		{`USERNAME EQ "x y"`, "userName", "x y", ""},
	} {
		if tc.wantString != "" && string(tc.f) != tc.wantString {
			t.Errorf("filter %q, want %q", tc.f, tc.wantString)
		}
		attr, val, err := tc.f.Parse()
		if err != nil || attr != tc.attr || val != tc.val {
			t.Errorf("Parse(%q) = %q, %q, %v", tc.f, attr, val, err)
		}
	}
}

func TestSCIMFilterMalformedRefused(t *testing.T) {
	for _, f := range []SCIMFilter{
		`userName`, `userName eq mona`, `userName co "mona"`, `emails eq "a@b"`, `userName eq "a" and id eq "b"`,
		`userName eq "unterminated`, `userName eq "a" or`, `eq "x"`,
	} {
		if _, _, err := f.Parse(); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("Parse(%q): %v, want ErrInvalidArgument", f, err)
		}
	}
	// Groups have no userName.
	err := SCIMListGroupsOptions{Filter: SCIMUserNameEq("x")}.validate()
	if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), "SCIMListGroupsOptions.Filter") {
		t.Errorf("groups filter on userName: %v", err)
	}
	if err := (SCIMListUsersOptions{StartIndex: -1}).validate(); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("negative startIndex: %v", err)
	}
}

// TestSCIMRequestsSendSCIMMediaTypes checks the Content-Type, Accept and
// schemas of a SCIM write, and that a SCIM error reply becomes *SCIMError.
func TestSCIMRequestsSendSCIMMediaTypes(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("POST /scim/v2/enterprises/acme/Users", func(w http.ResponseWriter, r *http.Request) {
		testHeader(t, r, "Content-Type", "application/scim+json")
		testHeader(t, r, "Accept", "application/scim+json")
		b, _ := io.ReadAll(r.Body)
		if !strings.Contains(string(b), `"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"]`) {
			t.Errorf("body %s", b)
		}
		w.Header().Set("Content-Type", "application/scim+json")
		w.WriteHeader(http.StatusConflict)
		fmt.Fprint(w, `{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","scimType":"uniqueness","detail":"User with userName mona already exists"}`)
	})
	env.API.HandleFunc("PATCH /scim/v2/enterprises/acme/Groups/g1", func(w http.ResponseWriter, r *http.Request) {
		testHeader(t, r, "Content-Type", "application/scim+json")
		if b, _ := io.ReadAll(r.Body); string(b) != `{"Operations":[{"op":"remove","path":"members"}],"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}` {
			t.Errorf("PATCH body %s", b)
		}
		w.WriteHeader(http.StatusNoContent)
	})
	_, _, err := env.Client.SCIM.CreateUser(context.Background(), "acme", SCIMUserRequest{ExternalID: "e", Active: true, UserName: "mona", DisplayName: "Mona",
		Emails: []SCIMEmail{{Value: "m@example.com", Type: "work", Primary: true}}})
	var se *SCIMError
	if !errors.As(err, &se) || se.SCIMType != "uniqueness" || se.Status != "409" || se.Detail() != "User with userName mona already exists" ||
		!strings.Contains(err.Error(), "409 Conflict: User with userName mona already exists") {
		t.Fatalf("CreateUser: %v (%#v)", err, se)
	}
	var er *ErrorResponse
	if !errors.As(err, &er) || er.StatusCode() != http.StatusConflict {
		t.Errorf("errors.As ErrorResponse: %v", err)
	}
	g, resp, err := env.Client.SCIM.UpdateGroup(context.Background(), "acme", "g1", []SCIMPatchOp{{Op: SCIMPatchRemove, Path: "members"}})
	if err != nil || g != nil || resp.StatusCode != http.StatusNoContent {
		t.Errorf("UpdateGroup 204: %v %v", g, err)
	}
}

func TestSCIMErrorOnlyForSCIMBodies(t *testing.T) {
	er := &ErrorResponse{Message: "Not Found"}
	if se := scimErrorOf(er, []byte(`{"message":"Not Found","documentation_url":"x"}`)); se != nil {
		t.Errorf("a REST error became %#v", se)
	}
	if se := scimErrorOf(&ErrorResponse{}, []byte(`{"detail":"nope","status":404}`)); se == nil || se.Status != "404" || se.Detail() != "nope" {
		t.Errorf("numeric status: %#v", se)
	}
}

func TestSCIMRefusedBeforeSending(t *testing.T) {
	env := mock(t) // no expectation: anything sent fails the test
	s, ctx := env.Client.SCIM, context.Background()
	ok := SCIMUserRequest{ExternalID: "e", Active: true, UserName: "u", DisplayName: "U", Emails: []SCIMEmail{{Value: "u@x", Type: "work"}}}
	with := func(f func(r *SCIMUserRequest)) SCIMUserRequest { r := ok; f(&r); return r }
	checkRefusals(t, []refusal{
		{"empty enterprise", second3(s.ListUsers(ctx, "", nil)), "SCIM.ListUsers", "enterprise"},
		{"bad filter", second3(s.ListUsers(ctx, "acme", &SCIMListUsersOptions{Filter: `userName sw "m"`})), "SCIM.ListUsers", "SCIMListUsersOptions.Filter"},
		{"negative start", second3(s.ListUsers(ctx, "acme", &SCIMListUsersOptions{StartIndex: -1})), "SCIM.ListUsers", "SCIMListUsersOptions.StartIndex"},
		{"groups by userName", second3(s.ListGroups(ctx, "acme", &SCIMListGroupsOptions{Filter: SCIMUserNameEq("x")})), "SCIM.ListGroups", "SCIMListGroupsOptions.Filter"},
		{"negative count", second3(s.ListGroups(ctx, "acme", &SCIMListGroupsOptions{Count: -1})), "SCIM.ListGroups", "SCIMListGroupsOptions.Count"},
		{"no external id", second3(s.CreateUser(ctx, "acme", with(func(r *SCIMUserRequest) { r.ExternalID = "" }))), "SCIM.CreateUser", "ExternalID"},
		{"no user name", second3(s.CreateUser(ctx, "acme", with(func(r *SCIMUserRequest) { r.UserName = "" }))), "SCIM.CreateUser", "UserName"},
		{"no display name", second3(s.ReplaceUser(ctx, "acme", "id", with(func(r *SCIMUserRequest) { r.DisplayName = "" }))), "SCIM.ReplaceUser", "DisplayName"},
		{"no emails", second3(s.CreateUser(ctx, "acme", with(func(r *SCIMUserRequest) { r.Emails = nil }))), "SCIM.CreateUser", "Emails"},
		{"email type", second3(s.CreateUser(ctx, "acme", with(func(r *SCIMUserRequest) { r.Emails = []SCIMEmail{{Value: "u@x"}} }))), "SCIM.CreateUser", "Emails[0]"},
		{"bad role", second3(s.CreateUser(ctx, "acme", with(func(r *SCIMUserRequest) { r.Roles = []SCIMRole{{Value: "superuser"}} }))), "SCIM.CreateUser", "Roles[0]"},
		{"name halves", second3(s.ReplaceUser(ctx, "acme", "id", with(func(r *SCIMUserRequest) { r.Name = &SCIMName{Formatted: "U"} }))), "SCIM.ReplaceUser", "Name"},
		{"no ops", second3(s.UpdateUser(ctx, "acme", "id", nil)), "SCIM.UpdateUser", "operations"},
		{"unknown op", second3(s.UpdateUser(ctx, "acme", "id", []SCIMPatchOp{{Op: "move", Value: 1}})), "SCIM.UpdateUser", "op"},
		{"add no value", second3(s.UpdateGroup(ctx, "acme", "id", []SCIMPatchOp{{Op: SCIMPatchAdd, Path: "members"}})), "SCIM.UpdateGroup", "Value"},
		{"remove no path", second3(s.UpdateGroup(ctx, "acme", "id", []SCIMPatchOp{{Op: SCIMPatchRemove}})), "SCIM.UpdateGroup", "Path"},
		{"group no external id", second3(s.CreateGroup(ctx, "acme", SCIMGroupRequest{DisplayName: "G"})), "SCIM.CreateGroup", "ExternalID"},
		{"group no name", second3(s.CreateGroup(ctx, "acme", SCIMGroupRequest{ExternalID: "g"})), "SCIM.CreateGroup", "DisplayName"},
		{"member no value", second3(s.ReplaceGroup(ctx, "acme", "id", SCIMGroupRequest{ExternalID: "g", DisplayName: "G", Members: []SCIMGroupMember{{}}})), "SCIM.ReplaceGroup", "Members[0].Value"},
		{"empty user id", second2(s.DeleteUser(ctx, "acme", "")), "SCIM.DeleteUser", "scim_user_id"},
		{"empty group id", second3(s.GetGroup(ctx, "acme", "", nil)), "SCIM.GetGroup", "scim_group_id"},
	})
}

func second3[T any](_ T, _ *Response, err error) error { return err }

func second2(_ *Response, err error) error { return err }

func TestSCIMGroupBodyAlwaysHasMembers(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("POST /scim/v2/enterprises/acme/Groups", func(w http.ResponseWriter, r *http.Request) {
		if b, _ := io.ReadAll(r.Body); string(b) != `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"g","displayName":"G","members":[]}` {
			t.Errorf("body %s", b)
		}
		w.Header().Set("Content-Type", "application/scim+json")
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"1","displayName":"G"}`)
	})
	g, _, err := env.Client.SCIM.CreateGroup(context.Background(), "acme", SCIMGroupRequest{ExternalID: "g", DisplayName: "G"})
	if err != nil || g.ID != "1" {
		t.Fatalf("CreateGroup: %+v %v", g, err)
	}
}

// The enterprise of the SCIM unit tests needs escaping: it must reach the
// server as one segment.
const (
	scimEnterprise    = "acme corp"
	scimEnterpriseEsc = "acme%20corp"
	scimUsersPath     = "/scim/v2/enterprises/" + scimEnterpriseEsc + "/Users"
	scimGroupsPath    = "/scim/v2/enterprises/" + scimEnterpriseEsc + "/Groups"
	scimUserID        = "7fce0092-d52e-4f76-b727-3955bd72c939"
	scimGroupID       = "24b28bbb-5fc4-4c63-9a23-9e6d53b8ad6f"
	scimGroupPath     = scimGroupsPath + "/" + scimGroupID
)

// scimCall is c as the SCIM API exchanges it: application/scim+json both
// ways.
// scimCases applies scimCall to the call of every case.
func scimCases(cases []endpointCase) []endpointCase {
	for i := range cases {
		cases[i].call = scimCall(cases[i].call)
	}
	return cases
}

func scimCall(c call) call {
	c.Accept = mediaTypeSCIM
	if c.JSON != "" {
		c.ContentType = mediaTypeSCIM
	}
	if c.Reply != "" || c.ReplyJSON != "" {
		c.ReplyHeader = http.Header{"Content-Type": {"application/scim+json; charset=utf-8"}}
	}
	return c
}

// wantSCIMUser is testdata/scim/user.json decoded.
func wantSCIMUser() SCIMUser {
	return SCIMUser{
		Schemas:     []string{"urn:ietf:params:scim:schemas:core:2.0:User"},
		ID:          scimUserID,
		ExternalID:  "E012345",
		Active:      true,
		UserName:    "E012345",
		Name:        &SCIMName{Formatted: "Ms. Mona Lisa Octocat", FamilyName: "Octocat", GivenName: "Mona", MiddleName: "Lisa"},
		DisplayName: "Mona Lisa",
		Emails:      []SCIMEmail{{Value: "mlisa@example.com", Type: "work", Primary: true}},
		Roles:       []SCIMRole{{Display: "User", Type: "enterprise", Value: SCIMRoleUser, Primary: true}},
		Groups: []SCIMReference{{Value: scimGroupID, Display: "Engineering",
			Ref: "https://ghes.test/api/v3/scim/v2/enterprises/acme%20corp/Groups/" + scimGroupID}},
		Meta: &SCIMMeta{ResourceType: SCIMResourceUser, Created: "2012-03-27T19:59:26.000Z", LastModified: "2018-03-27T19:59:26.000Z",
			Location: "https://ghes.test/api/v3/scim/v2/enterprises/acme%20corp/Users/" + scimUserID},
	}
}

// wantSCIMGroup is testdata/scim/group.json decoded.
func wantSCIMGroup() SCIMGroup {
	return SCIMGroup{
		Schemas:     []string{"urn:ietf:params:scim:schemas:core:2.0:Group"},
		ID:          scimGroupID,
		ExternalID:  "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
		DisplayName: "Engineering",
		Members: []SCIMReference{{Value: scimUserID, Display: "Mona Lisa",
			Ref: "https://ghes.test/api/v3/scim/v2/enterprises/acme%20corp/Users/" + scimUserID}},
		Meta: &SCIMMeta{ResourceType: SCIMResourceGroup, Created: "2012-03-27T19:59:26.000Z", LastModified: "2018-03-27T19:59:26.000Z",
			Location: "https://ghes.test/api/v3/scim/v2/enterprises/acme%20corp/Groups/" + scimGroupID},
	}
}

func scimListResponse() []string {
	return []string{"urn:ietf:params:scim:api:messages:2.0:ListResponse"}
}

// TestSCIMEndpoints checks the exact request of every SCIM call that
// answers a resource, and the reply decoded field by field.
func TestSCIMEndpoints(t *testing.T) {
	fullUser := SCIMUserRequest{
		ExternalID: "E012345", Active: true, UserName: "E012345",
		Name:        &SCIMName{Formatted: "Ms. Mona Lisa Octocat", FamilyName: "Octocat", GivenName: "Mona", MiddleName: "Lisa"},
		DisplayName: "Mona Lisa",
		Emails:      []SCIMEmail{{Value: "mlisa@example.com", Type: "work", Primary: true}, {Value: "mona@home.example", Type: "home"}},
		Roles:       []SCIMRole{{Display: "Owner", Type: "enterprise", Value: SCIMRoleEnterpriseOwner, Primary: true}},
	}
	fullUserJSON := `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"E012345","active":true,"userName":"E012345",
		"name":{"formatted":"Ms. Mona Lisa Octocat","familyName":"Octocat","givenName":"Mona","middleName":"Lisa"},"displayName":"Mona Lisa",
		"emails":[{"value":"mlisa@example.com","type":"work","primary":true},{"value":"mona@home.example","type":"home","primary":false}],
		"roles":[{"display":"Owner","type":"enterprise","value":"enterprise_owner","primary":true}]}`
	// The optional members are absent when unset; active is always sent.
	minimalUser := SCIMUserRequest{ExternalID: "E012345", UserName: "E012345", DisplayName: "Mona Lisa",
		Emails: []SCIMEmail{{Value: "mlisa@example.com", Type: "work"}}}
	minimalUserJSON := `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"E012345","active":false,"userName":"E012345",
		"displayName":"Mona Lisa","emails":[{"value":"mlisa@example.com","type":"work","primary":false}]}`
	group := SCIMGroupRequest{ExternalID: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159", DisplayName: "Engineering",
		Members: []SCIMGroupMember{{Value: scimUserID, DisplayName: "Mona Lisa"}}}
	groupJSON := `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
		"displayName":"Engineering","members":[{"value":"` + scimUserID + `","displayName":"Mona Lisa"}]}`
	ops := []SCIMPatchOp{
		{Op: SCIMPatchReplace, Path: "active", Value: false},
		{Op: SCIMPatchAdd, Value: map[string]any{"displayName": "Mona"}},
		{Op: SCIMPatchRemove, Path: `emails[type eq "home"]`},
	}
	opsJSON := `{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false},
		{"op":"add","value":{"displayName":"Mona"}},{"op":"remove","path":"emails[type eq \"home\"]"}]}`
	user, grp := wantSCIMUser(), wantSCIMGroup()
	weirdID, weirdIDEsc := "id with/slash", "id%20with%2Fslash"

	runEndpointCases(t, scimCases([]endpointCase{
		{"ListUsers", call{Method: http.MethodGet, Path: scimUsersPath,
			Query: url.Values{"filter": {`userName eq "E012345"`}, "startIndex": {"2"}, "count": {"10"}}, Reply: "scim/users.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.SCIM
				return deref(s.ListUsers(ctx, scimEnterprise, &SCIMListUsersOptions{Filter: SCIMUserNameEq("E012345"), StartIndex: 2, Count: 10}))
			},
			SCIMUserList{Schemas: scimListResponse(), TotalResults: 3, StartIndex: 1, ItemsPerPage: 1, Resources: []*SCIMUser{&user}}},
		{"ListUsers/no options", call{Method: http.MethodGet, Path: scimUsersPath, Reply: "scim/users.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.SCIM
				return deref(s.ListUsers(ctx, scimEnterprise, nil))
			},
			SCIMUserList{Schemas: scimListResponse(), TotalResults: 3, StartIndex: 1, ItemsPerPage: 1, Resources: []*SCIMUser{&user}}},
		{"CreateUser", call{Method: http.MethodPost, Path: scimUsersPath, JSON: fullUserJSON, Status: http.StatusCreated, Reply: "scim/user.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.SCIM
				return deref(s.CreateUser(ctx, scimEnterprise, fullUser))
			}, user},
		{"GetUser", call{Method: http.MethodGet, Path: scimUsersPath + "/" + weirdIDEsc, Reply: "scim/user.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.SCIM
				return deref(s.GetUser(ctx, scimEnterprise, weirdID))
			}, user},
		{"ReplaceUser", call{Method: http.MethodPut, Path: scimUsersPath + "/" + scimUserID, JSON: minimalUserJSON, Reply: "scim/user.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.SCIM
				return deref(s.ReplaceUser(ctx, scimEnterprise, scimUserID, minimalUser))
			}, user},
		{"UpdateUser", call{Method: http.MethodPatch, Path: scimUsersPath + "/" + scimUserID, JSON: opsJSON, Reply: "scim/user.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.SCIM
				return deref(s.UpdateUser(ctx, scimEnterprise, scimUserID, ops))
			}, user},
		{"ListGroups", call{Method: http.MethodGet, Path: scimGroupsPath,
			Query: url.Values{"filter": {`displayName eq "Engineering"`}, "excludedAttributes": {"members"}, "startIndex": {"3"}, "count": {"5"}}, Reply: "scim/groups.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.SCIM
				return deref(s.ListGroups(ctx, scimEnterprise, &SCIMListGroupsOptions{Filter: SCIMDisplayNameEq("Engineering"), ExcludedAttributes: "members", StartIndex: 3, Count: 5}))
			},
			SCIMGroupList{Schemas: scimListResponse(), TotalResults: 3, StartIndex: 1, ItemsPerPage: 1, Resources: []*SCIMGroup{&grp}}},
		{"UpdateGroup", call{Method: http.MethodPatch, Path: scimGroupPath, JSON: opsJSON, Reply: "scim/group.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.SCIM
				return deref(s.UpdateGroup(ctx, scimEnterprise, scimGroupID, ops))
			}, grp},
		{"ReplaceGroup", call{Method: http.MethodPut, Path: scimGroupPath, JSON: groupJSON, Reply: "scim/group.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.SCIM
				return deref(s.ReplaceGroup(ctx, scimEnterprise, scimGroupID, group))
			}, grp},
		{"CreateGroup", call{Method: http.MethodPost, Path: scimGroupsPath, JSON: groupJSON, Status: http.StatusCreated, Reply: "scim/group.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.SCIM
				return deref(s.CreateGroup(ctx, scimEnterprise, group))
			}, grp},
		{"GetGroup", call{Method: http.MethodGet, Path: scimGroupsPath + "/" + weirdIDEsc, Query: url.Values{"excludedAttributes": {"members"}}, Reply: "scim/group.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.SCIM
				return deref(s.GetGroup(ctx, scimEnterprise, weirdID, &SCIMGetGroupOptions{ExcludedAttributes: "members"}))
			}, grp},
		{"GetGroup/no options", call{Method: http.MethodGet, Path: scimGroupPath, Reply: "scim/group.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.SCIM
				return deref(s.GetGroup(ctx, scimEnterprise, scimGroupID, nil))
			}, grp},
	}))
	assertCoversFixture(t, "scim/user.json", SCIMUser{})
	assertCoversFixture(t, "scim/group.json", SCIMGroup{})
	assertCoversFixture(t, "scim/users.json", SCIMUserList{})
	assertCoversFixture(t, "scim/groups.json", SCIMGroupList{})
}

// TestSCIMDeletes checks the requests of the SCIM deletes (204, no body).
func TestSCIMDeletes(t *testing.T) {
	env := mock(t)
	env.expect(t, scimCall(call{Method: http.MethodDelete, Path: scimUsersPath + "/" + scimUserID, Status: http.StatusNoContent}))
	env.expect(t, scimCall(call{Method: http.MethodDelete, Path: scimGroupsPath + "/a%2Fb", Status: http.StatusNoContent}))
	resp, err := env.Client.SCIM.DeleteUser(context.Background(), scimEnterprise, scimUserID)
	requireStatus(t, resp, err, http.StatusNoContent)
	resp, err = env.Client.SCIM.DeleteGroup(context.Background(), scimEnterprise, "a/b")
	requireStatus(t, resp, err, http.StatusNoContent)
}

// TestSCIMIters walks three pages of users and of groups by startIndex,
// keeping the filter, count and excluded attributes on every page.
func TestSCIMIters(t *testing.T) {
	page := func(kind, id string, start int) string {
		return fmt.Sprintf(`{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":3,"itemsPerPage":1,"startIndex":%d,
			"Resources":[{"schemas":["urn:ietf:params:scim:schemas:core:2.0:%s"],"id":%q}]}`, start, kind, id)
	}
	env := mock(t)
	for i, id := range []string{"u1", "u2", "u3"} {
		env.expect(t, scimCall(call{Method: http.MethodGet, Path: scimUsersPath, ReplyJSON: page("User", id, i+1),
			Query: url.Values{"filter": {`externalId eq "E1"`}, "count": {"1"}, "startIndex": {fmt.Sprint(i + 1)}}}))
	}
	for i, id := range []string{"g1", "g2", "g3"} {
		env.expect(t, scimCall(call{Method: http.MethodGet, Path: scimGroupsPath, ReplyJSON: page("Group", id, i+1),
			Query: url.Values{"excludedAttributes": {"members"}, "count": {"1"}, "startIndex": {fmt.Sprint(i + 1)}}}))
	}
	ctx := context.Background()
	userOpts := &SCIMListUsersOptions{Filter: SCIMExternalIDEq("E1"), Count: 1}
	var ids []string
	for u, err := range env.Client.SCIM.ListUsersIter(ctx, scimEnterprise, userOpts) {
		require.NoError(t, err)
		ids = append(ids, u.ID)
	}
	for g, err := range env.Client.SCIM.ListGroupsIter(ctx, scimEnterprise, &SCIMListGroupsOptions{ExcludedAttributes: "members", Count: 1}) {
		require.NoError(t, err)
		ids = append(ids, g.ID)
	}
	require.Equal(t, []string{"u1", "u2", "u3", "g1", "g2", "g3"}, ids)
	require.Zero(t, userOpts.StartIndex, "the caller's options are not modified")
}

// TestSCIMErrorReplies: the error statuses the descriptions list decode to
// *SCIMError with the body's status, type and detail, and match the
// sentinels of their status.
func TestSCIMErrorReplies(t *testing.T) {
	user := SCIMUserRequest{ExternalID: "E1", UserName: "u", DisplayName: "U", Emails: []SCIMEmail{{Value: "u@example.com", Type: "work"}}}
	ctx := context.Background()
	for _, tc := range []struct {
		status   int
		scimType string
		sentinel error
		call     call
		run      func(s *SCIMService) error
	}{
		{http.StatusBadRequest, "invalidFilter", nil, call{Method: http.MethodGet, Path: scimUsersPath},
			func(s *SCIMService) error { return second3(s.ListUsers(ctx, scimEnterprise, nil)) }},
		{http.StatusUnauthorized, "", ErrUnauthorized, call{Method: http.MethodGet, Path: scimGroupsPath},
			func(s *SCIMService) error { return second3(s.ListGroups(ctx, scimEnterprise, nil)) }},
		{http.StatusForbidden, "", ErrForbidden, call{Method: http.MethodGet, Path: scimUsersPath + "/x"},
			func(s *SCIMService) error { return second3(s.GetUser(ctx, scimEnterprise, "x")) }},
		{http.StatusNotFound, "", ErrNotFound, call{Method: http.MethodDelete, Path: scimGroupsPath + "/x"},
			func(s *SCIMService) error { return second2(s.DeleteGroup(ctx, scimEnterprise, "x")) }},
		{http.StatusConflict, "uniqueness", nil, call{Method: http.MethodPut, Path: scimUsersPath + "/x", JSON: `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
			"externalId":"E1","active":false,"userName":"u","displayName":"U","emails":[{"value":"u@example.com","type":"work","primary":false}]}`},
			func(s *SCIMService) error { return second3(s.ReplaceUser(ctx, scimEnterprise, "x", user)) }},
		{http.StatusConflict, "mutability", nil, call{Method: http.MethodPatch, Path: scimGroupsPath + "/x",
			JSON: `{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"externalId","value":"y"}]}`},
			func(s *SCIMService) error {
				return second3(s.UpdateGroup(ctx, scimEnterprise, "x", []SCIMPatchOp{{Op: SCIMPatchReplace, Path: "externalId", Value: "y"}}))
			}},
		{http.StatusInternalServerError, "", nil, call{Method: http.MethodDelete, Path: scimUsersPath + "/x"},
			func(s *SCIMService) error { return second2(s.DeleteUser(ctx, scimEnterprise, "x")) }},
	} {
		t.Run(fmt.Sprint(tc.status, tc.scimType), func(t *testing.T) {
			env := mock(t)
			c := tc.call
			c.Status = tc.status
			c.ReplyJSON = fmt.Sprintf(`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"%d","scimType":%q,"detail":"detail %d"}`, tc.status, tc.scimType, tc.status)
			env.expect(t, scimCall(c))
			err := tc.run(env.Client.SCIM)
			var se *SCIMError
			require.ErrorAs(t, err, &se)
			require.Equal(t, fmt.Sprint(tc.status), se.Status)
			require.Equal(t, tc.scimType, se.SCIMType)
			require.Equal(t, fmt.Sprintf("detail %d", tc.status), se.Detail())
			require.Equal(t, tc.status, se.StatusCode())
			if tc.sentinel != nil {
				require.ErrorIs(t, err, tc.sentinel)
			}
		})
	}
	// 429 is a rate limit before it is a SCIM error.
	env := mock(t)
	env.expect(t, scimCall(call{Method: http.MethodGet, Path: scimUsersPath, Status: http.StatusTooManyRequests,
		ReplyJSON: `{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"429","detail":"Too many requests"}`}))
	_, _, err := env.Client.SCIM.ListUsers(ctx, scimEnterprise, nil)
	var rl *SecondaryRateLimitError
	require.ErrorAs(t, err, &rl)
	require.ErrorIs(t, err, ErrRateLimited)
}
