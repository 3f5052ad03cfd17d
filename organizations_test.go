package ghesadmin

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestOrganizationsCreate(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/admin/organizations", JSON: `{"login":"github","profile_name":"GitHub, Inc.","admin":"monalisaoctocat"}`, Status: http.StatusCreated, Reply: "organizations/create.json"})
	org, resp, err := env.Client.Organizations.Create(context.Background(), CreateOrganizationRequest{
		Login:       "github",
		ProfileName: Ptr("GitHub, Inc."),
		Admin:       "monalisaoctocat",
	})
	requireStatus(t, resp, err, http.StatusCreated)
	assertFields(t, "org", *org, githubOrgShort())
	assertCoversFixture(t, "organizations/create.json", Organization{})
}

func TestOrganizationsCreateOmitsUnsetFields(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/admin/organizations", JSON: `{"login":"github","admin":"monalisaoctocat"}`, Status: http.StatusCreated, Reply: "organizations/create.json"})
	if _, _, err := env.Client.Organizations.Create(context.Background(), CreateOrganizationRequest{Login: "github", Admin: "monalisaoctocat"}); err != nil {
		t.Fatalf("Create: %v", err)
	}
}

func TestOrganizationsCreateLoginTaken(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/admin/organizations", JSON: `{"login":"github","admin":"monalisa"}`, Status: http.StatusUnprocessableEntity, ReplyJSON: `{"message":"Validation Failed","errors":[{"resource":"Organization","code":"custom","field":"login","message":"login is already taken"}]}`})
	_, _, err := env.Client.Organizations.Create(context.Background(), CreateOrganizationRequest{Login: "github", Admin: "monalisa"})
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want *ValidationError", err)
	}
	want := FieldError{Resource: "Organization", Code: "custom", Field: "login", Message: "login is already taken"}
	if len(ve.Errors) != 1 || ve.Errors[0] != want {
		t.Errorf("Errors = %+v, want [%+v]", ve.Errors, want)
	}
}

func TestOrganizationsCreateNotAdmin(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/admin/organizations", JSON: `{"login":"github","admin":"monalisa"}`, Status: http.StatusNotFound, ReplyJSON: `{"message":"Not Found"}`})
	_, _, err := env.Client.Organizations.Create(context.Background(), CreateOrganizationRequest{Login: "github", Admin: "monalisa"})
	require.ErrorIs(t, err, ErrNotFound)
}

func TestOrganizationsRenameRefusesDotDot(t *testing.T) {
	env := setup(t)
	_, _, err := env.Client.Organizations.Rename(context.Background(), "..", "x")
	require.ErrorIs(t, err, ErrInvalidArgument)
}
