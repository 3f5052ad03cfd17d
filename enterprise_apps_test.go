package ghesadmin

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The enterprise and organization of these tests need escaping.
const (
	appsEnterprise = "acme corp"
	appsOrg        = "octo org"
	appsInstPath   = "/enterprises/acme%20corp/apps/organizations/octo%20org/installations"
)

// The account and suspended_by of testdata/enterprise_apps/installation.json,
// kept as the server sent them.
const (
	appsAccountJSON     = `{"login":"octo-org","id":1001,"node_id":"MDEyOk9yZ2FuaXphdGlvbjEwMDE=","name":"Octo Org","email":"octo@example.com","slug":"octo-org","avatar_url":"https://ghes.test/avatars/u/1001","gravatar_id":"","url":"https://ghes.test/api/v3/users/octo-org","html_url":"https://ghes.test/octo-org","followers_url":"https://ghes.test/api/v3/users/octo-org/followers","following_url":"https://ghes.test/api/v3/users/octo-org/following{/other_user}","gists_url":"https://ghes.test/api/v3/users/octo-org/gists{/gist_id}","starred_url":"https://ghes.test/api/v3/users/octo-org/starred{/owner}{/repo}","subscriptions_url":"https://ghes.test/api/v3/users/octo-org/subscriptions","organizations_url":"https://ghes.test/api/v3/users/octo-org/orgs","repos_url":"https://ghes.test/api/v3/users/octo-org/repos","events_url":"https://ghes.test/api/v3/users/octo-org/events{/privacy}","received_events_url":"https://ghes.test/api/v3/users/octo-org/received_events","type":"Organization","site_admin":false,"user_view_type":"public","starred_at":"2025-01-02T03:04:05Z","created_at":"2020-01-01T00:00:00Z","updated_at":"2025-01-01T00:00:00Z","website_url":"https://octo.example.com"}`
	appsSuspendedByJSON = `{"login":"admin","id":1,"node_id":"MDEyOk9yZ2FuaXphdGlvbjEwMDE=","name":"Site Admin","email":"octo@example.com","avatar_url":"https://ghes.test/avatars/u/1001","gravatar_id":"","url":"https://ghes.test/api/v3/users/octo-org","html_url":"https://ghes.test/octo-org","followers_url":"https://ghes.test/api/v3/users/octo-org/followers","following_url":"https://ghes.test/api/v3/users/octo-org/following{/other_user}","gists_url":"https://ghes.test/api/v3/users/octo-org/gists{/gist_id}","starred_url":"https://ghes.test/api/v3/users/octo-org/starred{/owner}{/repo}","subscriptions_url":"https://ghes.test/api/v3/users/octo-org/subscriptions","organizations_url":"https://ghes.test/api/v3/users/octo-org/orgs","repos_url":"https://ghes.test/api/v3/users/octo-org/repos","events_url":"https://ghes.test/api/v3/users/octo-org/events{/privacy}","received_events_url":"https://ghes.test/api/v3/users/octo-org/received_events","type":"User","site_admin":true,"user_view_type":"public","starred_at":"2025-01-02T03:04:05Z"}`
)

// appPermissions is the permissions map of the fixtures: every permission
// the descriptions document.
func appPermissions() map[string]string {
	p := map[string]string{"profile": "write", "workflows": "write"}
	for _, k := range strings.Fields(`actions administration artifact_metadata attestations checks code_quality codespaces contents
		dependabot_secrets deployments discussions email_addresses enterprise_administration enterprise_custom_properties
		enterprise_organization_installation_repositories enterprise_organization_installations environments followers git_ssh_keys
		gpg_keys interaction_limits issues members merge_queues metadata organization_administration organization_announcement_banners
		organization_copilot_agent_settings organization_copilot_seat_management organization_custom_org_roles
		organization_custom_properties organization_custom_roles organization_events organization_hooks organization_packages
		organization_personal_access_token_requests organization_personal_access_tokens organization_plan organization_projects
		organization_secrets organization_self_hosted_runners organization_user_blocking packages pages pull_requests
		repository_custom_properties repository_hooks repository_projects secret_scanning_alerts secrets security_events single_file
		starring statuses vulnerability_alerts`) {
		p[k] = "read"
	}
	return p
}

// wantInstallation is testdata/enterprise_apps/installation.json decoded.
func wantInstallation(t *testing.T) Installation {
	suspended := mustTime(t, "2025-03-01T00:00:00Z")
	return Installation{
		ID: 25381, Account: json.RawMessage(appsAccountJSON), RepositorySelection: RepositorySelectionSelected,
		AccessTokensURL: "https://ghes.test/api/v3/app/installations/25381/access_tokens",
		RepositoriesURL: "https://ghes.test/api/v3/installation/repositories",
		HTMLURL:         "https://ghes.test/organizations/octo-org/settings/installations/25381",
		AppID:           42, ClientID: "Iv1.8a61f9b3a7aba766", TargetID: 1001, TargetType: "Organization",
		Permissions: appPermissions(), Events: []string{"push", "pull_request"},
		CreatedAt: mustTime(t, "2025-02-03T04:05:06Z"), UpdatedAt: mustTime(t, "2025-02-04T05:06:07Z"),
		SingleFileName: Ptr("config.yaml"), HasMultipleSingleFiles: true, SingleFilePaths: []string{"config.yaml", ".github/app.yml"},
		AppSlug: "octo-app", SuspendedBy: json.RawMessage(appsSuspendedByJSON), SuspendedAt: &suspended, ContactEmail: Ptr("app@example.com"),
	}
}

func wantAccessibleRepositories() []*AccessibleRepository {
	return []*AccessibleRepository{{ID: 1296269, Name: "Hello-World", FullName: "octo-org/Hello-World"}}
}

func TestEnterpriseAppsEndpoints(t *testing.T) {
	page := url.Values{"per_page": {"50"}, "page": {"2"}}
	opts := &ListOptions{Page: 2, PerPage: 50}
	inst := wantInstallation(t)
	runEndpointCases(t, []endpointCase{
		{"ListInstallableOrganizations", call{Method: http.MethodGet, Path: "/enterprises/acme%20corp/apps/installable_organizations", Query: page,
			Reply: "enterprise_apps/installable_organizations.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.EnterpriseApps
				return s.ListInstallableOrganizations(ctx, appsEnterprise, opts)
			},
			[]*InstallableOrganization{{ID: 1001, Login: "octo-org",
				AccessibleRepositoriesURL: "https://ghes.test/api/v3/enterprises/acme%20corp/apps/installable_organizations/octo-org/accessible_repositories"}}},
		{"ListAccessibleRepositories", call{Method: http.MethodGet, Path: "/enterprises/acme%20corp/apps/installable_organizations/octo%20org/accessible_repositories",
			Query: page, Reply: "enterprise_apps/repositories.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.EnterpriseApps
				return s.ListAccessibleRepositories(ctx, appsEnterprise, appsOrg, opts)
			}, wantAccessibleRepositories()},
		{"ListAccessibleRepositories/no options", call{Method: http.MethodGet,
			Path: "/enterprises/acme%20corp/apps/installable_organizations/octo%20org/accessible_repositories", Reply: "enterprise_apps/repositories.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.EnterpriseApps
				return s.ListAccessibleRepositories(ctx, appsEnterprise, appsOrg, nil)
			}, wantAccessibleRepositories()},
		{"ListInstallations", call{Method: http.MethodGet, Path: appsInstPath, Query: page, Reply: "enterprise_apps/installations.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.EnterpriseApps
				return s.ListInstallations(ctx, appsEnterprise, appsOrg, opts)
			},
			[]*EnterpriseOrganizationInstallation{{ID: 25381, AppSlug: "octo-app", ClientID: "Iv1.8a61f9b3a7aba766",
				RepositorySelection: RepositorySelectionAll, RepositoriesURL: "https://ghes.test/api/v3/installation/repositories",
				Permissions: appPermissions(), Events: []string{"push"},
				CreatedAt: mustTime(t, "2025-02-03T04:05:06Z"), UpdatedAt: mustTime(t, "2025-02-04T05:06:07Z")}}},
		{"CreateInstallation", call{Method: http.MethodPost, Path: appsInstPath, Status: http.StatusCreated, Reply: "enterprise_apps/installation.json",
			JSON: `{"client_id":"Iv1.8a61f9b3a7aba766","repository_selection":"selected","repositories":["Hello-World","octo repo"]}`},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.EnterpriseApps
				return deref(s.CreateInstallation(ctx, appsEnterprise, appsOrg, CreateInstallationRequest{ClientID: "Iv1.8a61f9b3a7aba766",
					RepositorySelection: RepositorySelectionSelected, Repositories: []string{"Hello-World", "octo repo"}}))
			}, inst},
		{"CreateInstallation/existing", call{Method: http.MethodPost, Path: appsInstPath, Reply: "enterprise_apps/installation.json",
			JSON: `{"client_id":"Iv1.8a61f9b3a7aba766","repository_selection":"none"}`},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.EnterpriseApps
				return deref(s.CreateInstallation(ctx, appsEnterprise, appsOrg, CreateInstallationRequest{ClientID: "Iv1.8a61f9b3a7aba766",
					RepositorySelection: RepositorySelectionNone}))
			}, inst},
		{"ListInstallationRepositories", call{Method: http.MethodGet, Path: appsInstPath + "/25381/repositories", Query: page,
			Reply: "enterprise_apps/repositories.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.EnterpriseApps
				return s.ListInstallationRepositories(ctx, appsEnterprise, appsOrg, 25381, opts)
			}, wantAccessibleRepositories()},
		{"SetInstallationRepositories", call{Method: http.MethodPatch, Path: appsInstPath + "/25381/repositories", Reply: "enterprise_apps/installation.json",
			JSON: `{"repository_selection":"selected","repositories":["Hello-World"]}`},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.EnterpriseApps
				return deref(s.SetInstallationRepositories(ctx, appsEnterprise, appsOrg, 25381,
					InstallationRepositoriesRequest{RepositorySelection: RepositorySelectionSelected, Repositories: []string{"Hello-World"}}))
			}, inst},
		{"SetInstallationRepositories/all", call{Method: http.MethodPatch, Path: appsInstPath + "/25381/repositories", Reply: "enterprise_apps/installation.json",
			JSON: `{"repository_selection":"all"}`},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.EnterpriseApps
				return deref(s.SetInstallationRepositories(ctx, appsEnterprise, appsOrg, 25381,
					InstallationRepositoriesRequest{RepositorySelection: RepositorySelectionAll}))
			}, inst},
		{"AddInstallationRepositories", call{Method: http.MethodPatch, Path: appsInstPath + "/25381/repositories/add", Reply: "enterprise_apps/repositories.json",
			JSON: `{"repositories":["Hello-World","Spoon-Knife"]}`},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.EnterpriseApps
				return s.AddInstallationRepositories(ctx, appsEnterprise, appsOrg, 25381, []string{"Hello-World", "Spoon-Knife"})
			}, wantAccessibleRepositories()},
		{"RemoveInstallationRepositories", call{Method: http.MethodPatch, Path: appsInstPath + "/25381/repositories/remove", Reply: "enterprise_apps/repositories.json",
			JSON: `{"repositories":["Spoon-Knife"]}`},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.EnterpriseApps
				return s.RemoveInstallationRepositories(ctx, appsEnterprise, appsOrg, 25381, []string{"Spoon-Knife"})
			}, wantAccessibleRepositories()},
	})
	assertCoversFixture(t, "enterprise_apps/installable_organizations.json", []*InstallableOrganization{})
	assertCoversFixture(t, "enterprise_apps/repositories.json", []*AccessibleRepository{})
	assertCoversFixture(t, "enterprise_apps/installations.json", []*EnterpriseOrganizationInstallation{})
	assertCoversFixture(t, "enterprise_apps/installation.json", Installation{})
}

// TestEnterpriseAppsDeleteInstallation checks the uninstall (204, no body)
// and its documented errors, 403 and 404.
func TestEnterpriseAppsDeleteInstallation(t *testing.T) {
	for _, tc := range []struct {
		status int
		want   error
	}{{http.StatusNoContent, nil}, {http.StatusForbidden, ErrForbidden}, {http.StatusNotFound, ErrNotFound}} {
		t.Run(fmt.Sprint(tc.status), func(t *testing.T) {
			env := mock(t)
			c := call{Method: http.MethodDelete, Path: appsInstPath + "/25381", Status: tc.status}
			if tc.want != nil {
				c.ReplyJSON = `{"message":"refused"}`
			}
			env.expect(t, c)
			resp, err := env.Client.EnterpriseApps.DeleteInstallation(context.Background(), appsEnterprise, appsOrg, 25381)
			if tc.want == nil {
				requireStatus(t, resp, err, http.StatusNoContent)
				return
			}
			require.ErrorIs(t, err, tc.want)
			require.Equal(t, tc.status, resp.StatusCode)
		})
	}
}

// TestEnterpriseAppsRemoveRepositoriesRefused: the documented 422 is a
// *ValidationError.
func TestEnterpriseAppsRemoveRepositoriesRefused(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPatch, Path: appsInstPath + "/25381/repositories/remove", JSON: `{"repositories":["Hello-World"]}`,
		Status:    http.StatusUnprocessableEntity,
		ReplyJSON: `{"message":"Validation Failed","errors":[{"resource":"Installation","code":"invalid","field":"repositories"}]}`})
	_, _, err := env.Client.EnterpriseApps.RemoveInstallationRepositories(context.Background(), appsEnterprise, appsOrg, 25381, []string{"Hello-World"})
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	require.Equal(t, []FieldError{{Resource: "Installation", Code: "invalid", Field: "repositories"}}, ve.Errors)
}

// collectIDs runs seq and returns the ID of every item.
func collectIDs[T any](seq func(yield func(T, error) bool), id func(T) int64) ([]int64, error) {
	var ids []int64
	for v, err := range seq {
		if err != nil {
			return ids, err
		}
		ids = append(ids, id(v))
	}
	return ids, nil
}

func TestEnterpriseAppsIters(t *testing.T) {
	idReply := func(p int) string { return fmt.Sprintf(`[{"id":%d}]`, p) }
	per := url.Values{"per_page": {"1"}}
	opts := &ListOptions{PerPage: 1}
	for _, tc := range []struct {
		name, path string
		walk       func(ctx context.Context, c *Client) ([]int64, error)
	}{
		{"ListInstallableOrganizationsIter", "/enterprises/acme%20corp/apps/installable_organizations",
			func(ctx context.Context, c *Client) ([]int64, error) {
				return collectIDs(c.EnterpriseApps.ListInstallableOrganizationsIter(ctx, appsEnterprise, opts), func(o *InstallableOrganization) int64 { return o.ID })
			}},
		{"ListAccessibleRepositoriesIter", "/enterprises/acme%20corp/apps/installable_organizations/octo%20org/accessible_repositories",
			func(ctx context.Context, c *Client) ([]int64, error) {
				return collectIDs(c.EnterpriseApps.ListAccessibleRepositoriesIter(ctx, appsEnterprise, appsOrg, opts), func(r *AccessibleRepository) int64 { return r.ID })
			}},
		{"ListInstallationsIter", appsInstPath,
			func(ctx context.Context, c *Client) ([]int64, error) {
				return collectIDs(c.EnterpriseApps.ListInstallationsIter(ctx, appsEnterprise, appsOrg, opts), func(i *EnterpriseOrganizationInstallation) int64 { return i.ID })
			}},
		{"ListInstallationRepositoriesIter", appsInstPath + "/25381/repositories",
			func(ctx context.Context, c *Client) ([]int64, error) {
				return collectIDs(c.EnterpriseApps.ListInstallationRepositoriesIter(ctx, appsEnterprise, appsOrg, 25381, opts), func(r *AccessibleRepository) int64 { return r.ID })
			}},
	} {
		t.Run(tc.name, func(t *testing.T) { requireWalkIDs(t, tc.path, linkedPages(per, idReply, 3), tc.walk, 1, 2, 3) })
	}
	require.Zero(t, opts.Page, "the caller's options are not modified")
}

func TestEnterpriseAppsRefusedBeforeSending(t *testing.T) {
	env := mock(t) // no expectation: anything sent fails the test
	s, ctx := env.Client.EnterpriseApps, context.Background()
	tooMany := make([]string, maxInstallationRepositories+1)
	for i := range tooMany {
		tooMany[i] = fmt.Sprint("r", i)
	}
	checkRefusals(t, []refusal{
		{"no client id", second3(s.CreateInstallation(ctx, "e", "o", CreateInstallationRequest{RepositorySelection: RepositorySelectionAll})),
			"EnterpriseApps.CreateInstallation", "ClientID"},
		{"bad selection", second3(s.CreateInstallation(ctx, "e", "o", CreateInstallationRequest{ClientID: "c", RepositorySelection: "some"})),
			"EnterpriseApps.CreateInstallation", "repository_selection"},
		{"selected without repositories", second3(s.CreateInstallation(ctx, "e", "o", CreateInstallationRequest{ClientID: "c", RepositorySelection: RepositorySelectionSelected})),
			"EnterpriseApps.CreateInstallation", "repositories"},
		{"none with repositories", second3(s.CreateInstallation(ctx, "e", "o", CreateInstallationRequest{ClientID: "c", RepositorySelection: RepositorySelectionNone, Repositories: []string{"x"}})),
			"EnterpriseApps.CreateInstallation", "repositories"},
		{"set none", second3(s.SetInstallationRepositories(ctx, "e", "o", 1, InstallationRepositoriesRequest{RepositorySelection: RepositorySelectionNone})),
			"EnterpriseApps.SetInstallationRepositories", "repository_selection"},
		{"all with repositories", second3(s.SetInstallationRepositories(ctx, "e", "o", 1, InstallationRepositoriesRequest{RepositorySelection: RepositorySelectionAll, Repositories: []string{"x"}})),
			"EnterpriseApps.SetInstallationRepositories", "repositories"},
		{"too many", second3(s.AddInstallationRepositories(ctx, "e", "o", 1, tooMany)), "EnterpriseApps.AddInstallationRepositories", "repositories"},
		{"empty name", second3(s.AddInstallationRepositories(ctx, "e", "o", 1, []string{"a", ""})), "EnterpriseApps.AddInstallationRepositories", "repository 1"},
		{"remove none", second3(s.RemoveInstallationRepositories(ctx, "e", "o", 1, nil)), "EnterpriseApps.RemoveInstallationRepositories", "repositories"},
		{"page", second3(s.ListInstallations(ctx, "e", "o", &ListOptions{Page: -1})), "EnterpriseApps.ListInstallations", "ListOptions.Page"},
		{"per page", second3(s.ListInstallableOrganizations(ctx, "e", &ListOptions{PerPage: MaxPerPage + 1})), "EnterpriseApps.ListInstallableOrganizations", "ListOptions.PerPage"},
		{"empty org", second3(s.ListAccessibleRepositories(ctx, "e", "", nil)), "EnterpriseApps.ListAccessibleRepositories", "org"},
		{"empty enterprise", second2(s.DeleteInstallation(ctx, "", "o", 1)), "EnterpriseApps.DeleteInstallation", "enterprise"},
	})
}
