package ghesadmin

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
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

func TestSCIMRequestsRefusedBeforeSending(t *testing.T) {
	env := setup(t) // no handler: anything sent fails the test
	ctx := context.Background()
	ok := SCIMUserRequest{ExternalID: "e", Active: true, UserName: "u", DisplayName: "U", Emails: []SCIMEmail{{Value: "u@x", Type: "work"}}}
	badRole := ok
	badRole.Roles = []SCIMRole{{Value: "superuser"}}
	noName := ok
	noName.Name = &SCIMName{Formatted: "U"}
	for name, err := range map[string]error{
		"empty enterprise": second3(env.Client.SCIM.ListUsers(ctx, "", nil)),
		"bad filter":       second3(env.Client.SCIM.ListUsers(ctx, "acme", &SCIMListUsersOptions{Filter: `userName sw "m"`})),
		"no emails":        second3(env.Client.SCIM.CreateUser(ctx, "acme", SCIMUserRequest{ExternalID: "e", UserName: "u", DisplayName: "U"})),
		"bad role":         second3(env.Client.SCIM.CreateUser(ctx, "acme", badRole)),
		"name halves":      second3(env.Client.SCIM.ReplaceUser(ctx, "acme", "id", noName)),
		"no ops":           second3(env.Client.SCIM.UpdateUser(ctx, "acme", "id", nil)),
		"add no value":     second3(env.Client.SCIM.UpdateGroup(ctx, "acme", "id", []SCIMPatchOp{{Op: SCIMPatchAdd, Path: "members"}})),
		"remove no path":   second3(env.Client.SCIM.UpdateGroup(ctx, "acme", "id", []SCIMPatchOp{{Op: SCIMPatchRemove}})),
		"group no name":    second3(env.Client.SCIM.CreateGroup(ctx, "acme", SCIMGroupRequest{ExternalID: "g"})),
		"empty user id":    second2(env.Client.SCIM.DeleteUser(ctx, "acme", "")),
		"migration url": second3(env.Client.LiveMigrations.Create(ctx, CreateLiveMigrationRequest{SourceOrganizationLogin: "a", SourceRepositoryName: "b",
			TargetOrganizationLogin: "c", TargetRepositoryName: "d", TargetAPIEndpoint: "target.example.com", PATName: "p"})),
		"migration status": second3(env.Client.LiveMigrations.List(ctx, &ListLiveMigrationsOptions{Status: "done"})),
		"bypass status":    second3(env.Client.BypassRequests.ListSecretScanning(ctx, "acme", &ListBypassRequestsOptions{RequestStatus: "pending"})),
		"selection repos": second3(env.Client.EnterpriseApps.SetInstallationRepositories(ctx, "acme", "org", 1,
			InstallationRepositoriesRequest{RepositorySelection: RepositorySelectionAll, Repositories: []string{"x"}})),
		"no repos": second3(env.Client.EnterpriseApps.RemoveInstallationRepositories(ctx, "acme", "org", 1, nil)),
	} {
		if !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("%s: %v, want ErrInvalidArgument", name, err)
		}
	}
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
