package ghesadmin

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An enterprise slug that needs escaping: it must reach the server as one
// segment.
const (
	acmeEnterprise        = "acme corp"
	acmeEnterpriseEscaped = "acme%20corp"
)

// acmePath is the escaped API path of acmeEnterprise followed by rest.
func acmePath(rest string) string { return "/enterprises/" + acmeEnterpriseEscaped + rest }

// endpointCase is one call of an SDK method: the exact request it must send,
// the reply it gets and, for a method with a result, the value the reply
// must decode to.
type endpointCase struct {
	name string
	call call
	do   func(ctx context.Context, c *Client) (any, *Response, error)
	// want is the decoded result (a pointer), nil for a method without one.
	want any
}

// noResult adapts a method without a result to endpointCase.do.
func noResult(resp *Response, err error) (any, *Response, error) { return nil, resp, err }

// runEndpointCases sends each case once to a mock that checks the request
// exactly, and checks the decoded result field by field and that its type
// keeps every key of the reply fixture.
func runEndpointCases(t *testing.T, cases []endpointCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := mock(t)
			env.expect(t, tc.call)
			got, resp, err := tc.do(context.Background(), env.Client)
			status := tc.call.Status
			if status == 0 {
				status = http.StatusOK
			}
			requireStatus(t, resp, err, status)
			assert.Equal(t, 1, env.Transport.GetTotalCallCount(), "requests sent")
			if tc.want == nil {
				assert.Nil(t, got, "result")
				return
			}
			require.NotNil(t, got, "result")
			assertFields(t, tc.name, got, tc.want)
			if tc.call.Reply != "" {
				assertCoversFixture(t, tc.call.Reply, reflect.ValueOf(tc.want).Elem().Interface())
			}
		})
	}
}

// The documented error replies.
const (
	replyUnauthorized = `{"message":"Bad credentials","documentation_url":"https://docs.github.com/enterprise-server@3.19/rest"}`
	replyNotFound     = `{"message":"Not Found","documentation_url":"https://docs.github.com/enterprise-server@3.19/rest"}`
	replyValidation   = `{"message":"Validation Failed","errors":[{"resource":"Enterprise","code":"invalid","field":"days","message":"is too large"}],"documentation_url":"https://docs.github.com/enterprise-server@3.19/rest"}`
)

// errorCase is a call whose documented error reply must decode to the
// SDK's typed error.
type errorCase struct {
	name   string
	call   call // with Status and ReplyJSON one of the replies above
	do     func(ctx context.Context, c *Client) (any, *Response, error)
	target error // ErrUnauthorized, ErrNotFound, or nil for a *ValidationError
}

// runErrorCases checks that each case's error reply decodes to its typed
// error and that the response carries its status.
func runErrorCases(t *testing.T, cases []errorCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := mock(t)
			env.expect(t, tc.call)
			_, resp, err := tc.do(context.Background(), env.Client)
			require.Error(t, err)
			require.NotNil(t, resp, "response")
			assert.Equal(t, tc.call.Status, resp.StatusCode, "status")
			assertNoSecret(t, "error", err.Error())
			if tc.target != nil {
				assert.ErrorIs(t, err, tc.target)
				return
			}
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "Validation Failed", ve.Message)
			assert.Equal(t, []FieldError{{Resource: "Enterprise", Code: "invalid", Field: "days", Message: "is too large"}}, ve.Errors)
		})
	}
}

// refusedCase is a call with an argument the SDK refuses before sending.
type refusedCase struct {
	name string
	do   func(ctx context.Context, c *Client) error
	// words must all be in the message: the method and the field.
	words []string
}

// runRefusedCases checks that each call fails with ErrInvalidArgument, a
// message naming the method and the field, and no request sent.
func runRefusedCases(t *testing.T, cases []refusedCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := mock(t)
			err := tc.do(context.Background(), env.Client)
			require.ErrorIs(t, err, ErrInvalidArgument)
			for _, w := range tc.words {
				assert.Contains(t, err.Error(), w, "error message")
			}
			assert.Zero(t, env.Transport.GetTotalCallCount(), "requests sent")
		})
	}
}

// acmeOrganization is the organization of
// testdata/actions_permissions/organizations.json.
func acmeOrganization() *Organization {
	return &Organization{
		Login:            "octocat",
		ID:               161335,
		NodeID:           "MDEwOlJlcG9zaXRvcnkxMjk2MjY5",
		URL:              "https://api.github.com/orgs/octo-org",
		ReposURL:         "https://api.github.com/orgs/octo-org/repos",
		EventsURL:        "https://api.github.com/orgs/octo-org/events",
		HooksURL:         "https://api.github.com/orgs/octo-org/hooks",
		IssuesURL:        "https://api.github.com/orgs/octo-org/issues",
		MembersURL:       "https://api.github.com/orgs/octo-org/members{/member}",
		PublicMembersURL: "https://api.github.com/orgs/octo-org/public_members{/member}",
		AvatarURL:        "https://github.com/images/error/octocat_happy.gif",
		Description:      Ptr("A great organization"),
	}
}

func TestActionsPermissionsEndpoints(t *testing.T) {
	runEndpointCases(t, []endpointCase{
		{
			name: "Get",
			call: call{Method: http.MethodGet, Path: acmePath("/actions/permissions"), Reply: "actions_permissions/permissions.json"},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.ActionsPermissions.Get(ctx, acmeEnterprise)
			},
			want: &ActionsPermissions{
				EnabledOrganizations:     EnabledOrganizationsSelected,
				SelectedOrganizationsURL: "https://ghes.example.com/api/v3/enterprises/acme-corp/actions/permissions/organizations",
				AllowedActions:           AllowedActionsSelected,
				SelectedActionsURL:       "https://ghes.example.com/api/v3/enterprises/acme-corp/actions/permissions/selected-actions",
				SHAPinningRequired:       true,
			},
		},
		{
			name: "Set every field",
			call: call{Method: http.MethodPut, Path: acmePath("/actions/permissions"), JSON: `{"enabled_organizations":"selected","allowed_actions":"local_only","sha_pinning_required":false}`, Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsPermissions.Set(ctx, acmeEnterprise, SetActionsPermissionsRequest{
					EnabledOrganizations: EnabledOrganizationsSelected, AllowedActions: Ptr(AllowedActionsLocalOnly), SHAPinningRequired: Ptr(false),
				}))
			},
		},
		{
			name: "Set required field only",
			call: call{Method: http.MethodPut, Path: acmePath("/actions/permissions"), JSON: `{"enabled_organizations":"none"}`, Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsPermissions.Set(ctx, acmeEnterprise, SetActionsPermissionsRequest{EnabledOrganizations: EnabledOrganizationsNone}))
			},
		},
		{
			name: "ListSelectedOrganizations",
			call: call{Method: http.MethodGet, Path: acmePath("/actions/permissions/organizations"), Query: url.Values{"page": {"2"}, "per_page": {"50"}}, Reply: "actions_permissions/organizations.json"},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.ActionsPermissions.ListSelectedOrganizations(ctx, acmeEnterprise, &ListOptions{Page: 2, PerPage: 50})
			},
			want: &ActionsEnabledOrganizations{TotalCount: 1, Organizations: []*Organization{acmeOrganization()}},
		},
		{
			name: "SetSelectedOrganizations",
			call: call{Method: http.MethodPut, Path: acmePath("/actions/permissions/organizations"), JSON: `{"selected_organization_ids":[32,91]}`, Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsPermissions.SetSelectedOrganizations(ctx, acmeEnterprise, []int64{32, 91}))
			},
		},
		{
			name: "SetSelectedOrganizations none",
			call: call{Method: http.MethodPut, Path: acmePath("/actions/permissions/organizations"), JSON: `{"selected_organization_ids":[]}`, Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsPermissions.SetSelectedOrganizations(ctx, acmeEnterprise, nil))
			},
		},
		{
			name: "EnableSelectedOrganization",
			call: call{Method: http.MethodPut, Path: acmePath("/actions/permissions/organizations/32"), Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsPermissions.EnableSelectedOrganization(ctx, acmeEnterprise, 32))
			},
		},
		{
			name: "DisableSelectedOrganization",
			call: call{Method: http.MethodDelete, Path: acmePath("/actions/permissions/organizations/32"), Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsPermissions.DisableSelectedOrganization(ctx, acmeEnterprise, 32))
			},
		},
		{
			name: "GetSelectedActions",
			call: call{Method: http.MethodGet, Path: acmePath("/actions/permissions/selected-actions"), Reply: "actions_permissions/selected_actions.json"},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.ActionsPermissions.GetSelectedActions(ctx, acmeEnterprise)
			},
			want: &SelectedActions{GitHubOwnedAllowed: true, VerifiedAllowed: true, PatternsAllowed: []string{"monalisa/octocat@*", "docker/*"}},
		},
		{
			name: "SetSelectedActions every field",
			call: call{Method: http.MethodPut, Path: acmePath("/actions/permissions/selected-actions"), JSON: `{"github_owned_allowed":true,"verified_allowed":false,"patterns_allowed":["monalisa/octocat@*","docker/*"]}`, Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsPermissions.SetSelectedActions(ctx, acmeEnterprise, SetSelectedActionsRequest{
					GitHubOwnedAllowed: Ptr(true), VerifiedAllowed: Ptr(false), PatternsAllowed: []string{"monalisa/octocat@*", "docker/*"},
				}))
			},
		},
		{
			name: "SetSelectedActions patterns removed",
			call: call{Method: http.MethodPut, Path: acmePath("/actions/permissions/selected-actions"), JSON: `{"patterns_allowed":[]}`, Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsPermissions.SetSelectedActions(ctx, acmeEnterprise, SetSelectedActionsRequest{PatternsAllowed: []string{}}))
			},
		},
		{
			name: "SetSelectedActions nothing set",
			call: call{Method: http.MethodPut, Path: acmePath("/actions/permissions/selected-actions"), JSON: `{}`, Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsPermissions.SetSelectedActions(ctx, acmeEnterprise, SetSelectedActionsRequest{}))
			},
		},
		{
			name: "GetWorkflowPermissions",
			call: call{Method: http.MethodGet, Path: acmePath("/actions/permissions/workflow"), Reply: "actions_permissions/workflow.json"},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.ActionsPermissions.GetWorkflowPermissions(ctx, acmeEnterprise)
			},
			want: &WorkflowPermissions{DefaultWorkflowPermissions: DefaultWorkflowPermissionsWrite, CanApprovePullRequestReviews: true},
		},
		{
			name: "SetWorkflowPermissions every field",
			call: call{Method: http.MethodPut, Path: acmePath("/actions/permissions/workflow"), JSON: `{"default_workflow_permissions":"read","can_approve_pull_request_reviews":false}`, Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsPermissions.SetWorkflowPermissions(ctx, acmeEnterprise, SetWorkflowPermissionsRequest{
					DefaultWorkflowPermissions: Ptr(DefaultWorkflowPermissionsRead), CanApprovePullRequestReviews: Ptr(false),
				}))
			},
		},
		{
			name: "SetWorkflowPermissions nothing",
			call: call{Method: http.MethodPut, Path: acmePath("/actions/permissions/workflow"), JSON: `{}`, Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsPermissions.SetWorkflowPermissions(ctx, acmeEnterprise, SetWorkflowPermissionsRequest{}))
			},
		},
		{
			name: "GetArtifactAndLogRetention",
			call: call{Method: http.MethodGet, Path: acmePath("/actions/permissions/artifact-and-log-retention"), Reply: "actions_permissions/artifact_and_log_retention.json"},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.ActionsPermissions.GetArtifactAndLogRetention(ctx, acmeEnterprise)
			},
			want: &ArtifactAndLogRetention{Days: 90, MaximumAllowedDays: 400},
		},
		{
			name: "SetArtifactAndLogRetention",
			call: call{Method: http.MethodPut, Path: acmePath("/actions/permissions/artifact-and-log-retention"), JSON: `{"days":30}`, Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsPermissions.SetArtifactAndLogRetention(ctx, acmeEnterprise, SetArtifactAndLogRetentionRequest{Days: 30}))
			},
		},
		{
			name: "GetForkPRContributorApproval",
			call: call{Method: http.MethodGet, Path: acmePath("/actions/permissions/fork-pr-contributor-approval"), Reply: "actions_permissions/fork_pr_contributor_approval.json"},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.ActionsPermissions.GetForkPRContributorApproval(ctx, acmeEnterprise)
			},
			want: &ForkPRContributorApproval{ApprovalPolicy: ForkPRApprovalFirstTimeContributors},
		},
		{
			name: "SetForkPRContributorApproval",
			call: call{Method: http.MethodPut, Path: acmePath("/actions/permissions/fork-pr-contributor-approval"), JSON: `{"approval_policy":"all_external_contributors"}`, Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsPermissions.SetForkPRContributorApproval(ctx, acmeEnterprise, SetForkPRContributorApprovalRequest{ApprovalPolicy: ForkPRApprovalAllExternalContributors}))
			},
		},
		{
			name: "GetForkPRWorkflowsPrivateRepos",
			call: call{Method: http.MethodGet, Path: acmePath("/actions/permissions/fork-pr-workflows-private-repos"), Reply: "actions_permissions/fork_pr_workflows_private_repos.json"},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.ActionsPermissions.GetForkPRWorkflowsPrivateRepos(ctx, acmeEnterprise)
			},
			want: &ForkPRWorkflowsPrivateRepos{RunWorkflowsFromForkPullRequests: true, SendWriteTokensToWorkflows: true, SendSecretsAndVariables: true, RequireApprovalForForkPRWorkflows: true},
		},
		{
			name: "SetForkPRWorkflowsPrivateRepos every field",
			call: call{Method: http.MethodPut, Path: acmePath("/actions/permissions/fork-pr-workflows-private-repos"), JSON: `{"run_workflows_from_fork_pull_requests":true,"send_write_tokens_to_workflows":false,"send_secrets_and_variables":true,"require_approval_for_fork_pr_workflows":false}`, Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsPermissions.SetForkPRWorkflowsPrivateRepos(ctx, acmeEnterprise, SetForkPRWorkflowsPrivateReposRequest{
					RunWorkflowsFromForkPullRequests: true, SendWriteTokensToWorkflows: Ptr(false), SendSecretsAndVariables: Ptr(true), RequireApprovalForForkPRWorkflows: Ptr(false),
				}))
			},
		},
		{
			name: "SetForkPRWorkflowsPrivateRepos required field only",
			call: call{Method: http.MethodPut, Path: acmePath("/actions/permissions/fork-pr-workflows-private-repos"), JSON: `{"run_workflows_from_fork_pull_requests":false}`, Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsPermissions.SetForkPRWorkflowsPrivateRepos(ctx, acmeEnterprise, SetForkPRWorkflowsPrivateReposRequest{}))
			},
		},
		{
			name: "GetSelfHostedRunners",
			call: call{Method: http.MethodGet, Path: acmePath("/actions/permissions/self-hosted-runners"), Reply: "actions_permissions/self_hosted_runners.json"},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.ActionsPermissions.GetSelfHostedRunners(ctx, acmeEnterprise)
			},
			want: &SelfHostedRunnersPermissions{DisableSelfHostedRunnersForAllOrgs: true},
		},
		{
			name: "SetSelfHostedRunners",
			call: call{Method: http.MethodPut, Path: acmePath("/actions/permissions/self-hosted-runners"), JSON: `{"disable_self_hosted_runners_for_all_orgs":false}`, Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsPermissions.SetSelfHostedRunners(ctx, acmeEnterprise, SelfHostedRunnersPermissions{}))
			},
		},
	})
}

// TestActionsPermissionsListSelectedOrganizationsIter walks three pages by
// the reply's next link, with the exact query of each page.
func TestActionsPermissionsListSelectedOrganizationsIter(t *testing.T) {
	env := mock(t)
	path := acmePath("/actions/permissions/organizations")
	link := func(rels ...string) http.Header {
		var parts []string
		for i := 0; i+1 < len(rels); i += 2 {
			parts = append(parts, fmt.Sprintf(`<%s%s?per_page=1&page=%s>; rel="%s"`, strings.TrimSuffix(mockAPIURL, "/"), path, rels[i+1], rels[i]))
		}
		return http.Header{"Link": {strings.Join(parts, ", ")}}
	}
	page := func(id int) string {
		return fmt.Sprintf(`{"total_count":3,"organizations":[{"login":"org-%d","id":%d}]}`, id, id)
	}
	env.expect(t, call{Method: http.MethodGet, Path: path, Query: url.Values{"per_page": {"1"}}, ReplyJSON: page(1), ReplyHeader: link("next", "2", "last", "3")})
	env.expect(t, call{Method: http.MethodGet, Path: path, Query: url.Values{"per_page": {"1"}, "page": {"2"}}, ReplyJSON: page(2), ReplyHeader: link("prev", "1", "next", "3", "last", "3")})
	env.expect(t, call{Method: http.MethodGet, Path: path, Query: url.Values{"per_page": {"1"}, "page": {"3"}}, ReplyJSON: page(3), ReplyHeader: link("prev", "2", "first", "1")})

	opts := &ListOptions{PerPage: 1}
	var logins []string
	for org, err := range env.Client.ActionsPermissions.ListSelectedOrganizationsIter(context.Background(), acmeEnterprise, opts) {
		require.NoError(t, err)
		logins = append(logins, org.Login)
	}
	assert.Equal(t, []string{"org-1", "org-2", "org-3"}, logins)
	assert.Equal(t, 3, env.Transport.GetTotalCallCount(), "requests sent")
	for i, e := range env.calls {
		assert.Equal(t, 1, e.hits, "page %d requested", i+1)
	}
	assert.Equal(t, ListOptions{PerPage: 1}, *opts, "the iterator changed the options")
}

func TestActionsPermissionsErrors(t *testing.T) {
	getRetention := func(ctx context.Context, c *Client) (any, *Response, error) {
		return c.ActionsPermissions.GetArtifactAndLogRetention(ctx, acmeEnterprise)
	}
	setRetention := func(ctx context.Context, c *Client) (any, *Response, error) {
		return noResult(c.ActionsPermissions.SetArtifactAndLogRetention(ctx, acmeEnterprise, SetArtifactAndLogRetentionRequest{Days: 500}))
	}
	getApproval := func(ctx context.Context, c *Client) (any, *Response, error) {
		return c.ActionsPermissions.GetForkPRContributorApproval(ctx, acmeEnterprise)
	}
	setApproval := func(ctx context.Context, c *Client) (any, *Response, error) {
		return noResult(c.ActionsPermissions.SetForkPRContributorApproval(ctx, acmeEnterprise, SetForkPRContributorApprovalRequest{ApprovalPolicy: ForkPRApprovalFirstTimeContributors}))
	}
	getForks := func(ctx context.Context, c *Client) (any, *Response, error) {
		return c.ActionsPermissions.GetForkPRWorkflowsPrivateRepos(ctx, acmeEnterprise)
	}
	setForks := func(ctx context.Context, c *Client) (any, *Response, error) {
		return noResult(c.ActionsPermissions.SetForkPRWorkflowsPrivateRepos(ctx, acmeEnterprise, SetForkPRWorkflowsPrivateReposRequest{RunWorkflowsFromForkPullRequests: true}))
	}
	getRunners := func(ctx context.Context, c *Client) (any, *Response, error) {
		return c.ActionsPermissions.GetSelfHostedRunners(ctx, acmeEnterprise)
	}
	setRunners := func(ctx context.Context, c *Client) (any, *Response, error) {
		return noResult(c.ActionsPermissions.SetSelfHostedRunners(ctx, acmeEnterprise, SelfHostedRunnersPermissions{DisableSelfHostedRunnersForAllOrgs: true}))
	}
	const (
		retention = "/actions/permissions/artifact-and-log-retention"
		approval  = "/actions/permissions/fork-pr-contributor-approval"
		forks     = "/actions/permissions/fork-pr-workflows-private-repos"
		runners   = "/actions/permissions/self-hosted-runners"
	)
	get := func(rest string, status int, reply string) call {
		return call{Method: http.MethodGet, Path: acmePath(rest), Status: status, ReplyJSON: reply}
	}
	put := func(rest, body string, status int, reply string) call {
		return call{Method: http.MethodPut, Path: acmePath(rest), JSON: body, Status: status, ReplyJSON: reply}
	}
	runErrorCases(t, []errorCase{
		{"GetArtifactAndLogRetention 401", get(retention, http.StatusUnauthorized, replyUnauthorized), getRetention, ErrUnauthorized},
		{"GetArtifactAndLogRetention 404", get(retention, http.StatusNotFound, replyNotFound), getRetention, ErrNotFound},
		{"SetArtifactAndLogRetention 404", put(retention, `{"days":500}`, http.StatusNotFound, replyNotFound), setRetention, ErrNotFound},
		{"SetArtifactAndLogRetention 422", put(retention, `{"days":500}`, http.StatusUnprocessableEntity, replyValidation), setRetention, nil},
		{"GetForkPRContributorApproval 404", get(approval, http.StatusNotFound, replyNotFound), getApproval, ErrNotFound},
		{"SetForkPRContributorApproval 404", put(approval, `{"approval_policy":"first_time_contributors"}`, http.StatusNotFound, replyNotFound), setApproval, ErrNotFound},
		{"SetForkPRContributorApproval 422", put(approval, `{"approval_policy":"first_time_contributors"}`, http.StatusUnprocessableEntity, replyValidation), setApproval, nil},
		{"GetForkPRWorkflowsPrivateRepos 404", get(forks, http.StatusNotFound, replyNotFound), getForks, ErrNotFound},
		{"SetForkPRWorkflowsPrivateRepos 404", put(forks, `{"run_workflows_from_fork_pull_requests":true}`, http.StatusNotFound, replyNotFound), setForks, ErrNotFound},
		{"SetForkPRWorkflowsPrivateRepos 422", put(forks, `{"run_workflows_from_fork_pull_requests":true}`, http.StatusUnprocessableEntity, replyValidation), setForks, nil},
		{"GetSelfHostedRunners 404", get(runners, http.StatusNotFound, replyNotFound), getRunners, ErrNotFound},
		{"SetSelfHostedRunners 404", put(runners, `{"disable_self_hosted_runners_for_all_orgs":true}`, http.StatusNotFound, replyNotFound), setRunners, ErrNotFound},
		{"SetSelfHostedRunners 422", put(runners, `{"disable_self_hosted_runners_for_all_orgs":true}`, http.StatusUnprocessableEntity, replyValidation), setRunners, nil},
	})
}

func TestActionsPermissionsRefusesBadInput(t *testing.T) {
	ap := func(c *Client) *ActionsPermissionsService { return c.ActionsPermissions }
	runRefusedCases(t, []refusedCase{
		{"Set unknown EnabledOrganizations", func(ctx context.Context, c *Client) error {
			_, err := ap(c).Set(ctx, acmeEnterprise, SetActionsPermissionsRequest{EnabledOrganizations: "some"})
			return err
		}, []string{"ActionsPermissions.Set", "EnabledOrganizations"}},
		{"Set unknown AllowedActions", func(ctx context.Context, c *Client) error {
			_, err := ap(c).Set(ctx, acmeEnterprise, SetActionsPermissionsRequest{EnabledOrganizations: EnabledOrganizationsAll, AllowedActions: Ptr(AllowedActions("github_only"))})
			return err
		}, []string{"ActionsPermissions.Set", "AllowedActions"}},
		{"SetSelectedOrganizations zero ID", func(ctx context.Context, c *Client) error {
			_, err := ap(c).SetSelectedOrganizations(ctx, acmeEnterprise, []int64{32, 0})
			return err
		}, []string{"ActionsPermissions.SetSelectedOrganizations", "orgIDs[1]"}},
		{"EnableSelectedOrganization zero ID", func(ctx context.Context, c *Client) error {
			_, err := ap(c).EnableSelectedOrganization(ctx, acmeEnterprise, 0)
			return err
		}, []string{"ActionsPermissions.EnableSelectedOrganization", "org_id"}},
		{"DisableSelectedOrganization negative ID", func(ctx context.Context, c *Client) error {
			_, err := ap(c).DisableSelectedOrganization(ctx, acmeEnterprise, -4)
			return err
		}, []string{"ActionsPermissions.DisableSelectedOrganization", "org_id", "-4"}},
		{"SetSelectedActions empty pattern", func(ctx context.Context, c *Client) error {
			_, err := ap(c).SetSelectedActions(ctx, acmeEnterprise, SetSelectedActionsRequest{PatternsAllowed: []string{"docker/*", ""}})
			return err
		}, []string{"ActionsPermissions.SetSelectedActions", "PatternsAllowed[1]"}},
		{"SetWorkflowPermissions unknown permission", func(ctx context.Context, c *Client) error {
			_, err := ap(c).SetWorkflowPermissions(ctx, acmeEnterprise, SetWorkflowPermissionsRequest{DefaultWorkflowPermissions: Ptr(DefaultWorkflowPermissions("admin"))})
			return err
		}, []string{"ActionsPermissions.SetWorkflowPermissions", "DefaultWorkflowPermissions"}},
		{"SetArtifactAndLogRetention zero days", func(ctx context.Context, c *Client) error {
			_, err := ap(c).SetArtifactAndLogRetention(ctx, acmeEnterprise, SetArtifactAndLogRetentionRequest{})
			return err
		}, []string{"ActionsPermissions.SetArtifactAndLogRetention", "Days"}},
		{"SetForkPRContributorApproval no policy", func(ctx context.Context, c *Client) error {
			_, err := ap(c).SetForkPRContributorApproval(ctx, acmeEnterprise, SetForkPRContributorApprovalRequest{})
			return err
		}, []string{"ActionsPermissions.SetForkPRContributorApproval", "ApprovalPolicy"}},
	})
}

