package ghesadmin

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// acmePath is the escaped API path of acmeCorp followed by rest.
func acmePath(rest string) string { return "/enterprises/" + acmeCorpEscaped + rest }

// The documented error replies.
const (
	replyUnauthorized = `{"message":"Bad credentials","documentation_url":"https://docs.github.com/enterprise-server@3.19/rest"}`
	replyNotFound     = `{"message":"Not Found","documentation_url":"https://docs.github.com/enterprise-server@3.19/rest"}`
	replyValidation   = `{"message":"Validation Failed","errors":[{"resource":"Enterprise","code":"invalid","field":"days","message":"is too large"}],"documentation_url":"https://docs.github.com/enterprise-server@3.19/rest"}`
)

// validationErrors are the field errors of replyValidation.
var validationErrors = []FieldError{{Resource: "Enterprise", Code: "invalid", Field: "days", Message: "is too large"}}

// checkErrorReply checks an error reply's response and its typed error:
// want is a sentinel (errors.Is) or the []FieldError of a
// *ValidationError.
func checkErrorReply(t *testing.T, status int, resp *Response, err error, want any) {
	t.Helper()
	require.Error(t, err)
	require.NotNil(t, resp, "response")
	assert.Equal(t, status, resp.StatusCode, "status")
	assertNoSecret(t, "error", err.Error())
	switch w := want.(type) {
	case error:
		assert.ErrorIs(t, err, w)
	case []FieldError:
		var ve *ValidationError
		require.ErrorAs(t, err, &ve)
		assert.Equal(t, "Validation Failed", ve.Message)
		assert.Equal(t, w, ve.Errors)
	default:
		t.Fatalf("want %T: a sentinel error or []FieldError", want)
	}
}

// refusedCase is a call with an argument the SDK refuses before sending.
type refusedCase struct {
	name string
	do   endpointFunc
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
			_, _, err := tc.do(context.Background(), env.Client)
			require.ErrorIs(t, err, ErrInvalidArgument)
			for _, w := range tc.words {
				assert.Contains(t, err.Error(), w, "error message")
			}
			assert.Zero(t, env.Transport.GetTotalCallCount(), "requests sent")
		})
	}
}

// acmeCall is a request to acmePath(rest) with an exact JSON body (none
// when "") answered with testdata/reply, or with 204 No Content when reply
// is "".
func acmeCall(method, rest, body, reply string) call {
	c := call{Method: method, Path: acmePath(rest), JSON: body, Reply: reply}
	if reply == "" {
		c.Status = http.StatusNoContent
	}
	return c
}

// enterpriseGet adapts a method that reads one value of acmeCorp to
// endpointCase.do.
func enterpriseGet[S, T any](svc func(*Client) S, m func(S, context.Context, string) (*T, *Response, error)) endpointFunc {
	return func(ctx context.Context, c *Client) (any, *Response, error) { return m(svc(c), ctx, acmeCorp) }
}

// enterpriseSet adapts a method that sends arg for acmeCorp and has
// no result to endpointCase.do.
func enterpriseSet[S, A any](svc func(*Client) S, m func(S, context.Context, string, A) (*Response, error), arg A) endpointFunc {
	return func(ctx context.Context, c *Client) (any, *Response, error) {
		return noResult(m(svc(c), ctx, acmeCorp, arg))
	}
}

func actionsPermissions(c *Client) *ActionsPermissionsService { return c.ActionsPermissions }

// octoOrgSimple is the organization-simple of the reference's examples,
// as in testdata/actions_permissions/organizations.json and
// testdata/runner_groups/list_organizations.json.
func octoOrgSimple() *Organization {
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

// The paths of the Actions permissions below the enterprise.
const (
	apPolicy    = "/actions/permissions"
	apOrgs      = "/actions/permissions/organizations"
	apActions   = "/actions/permissions/selected-actions"
	apWorkflow  = "/actions/permissions/workflow"
	apRetention = "/actions/permissions/artifact-and-log-retention"
	apApproval  = "/actions/permissions/fork-pr-contributor-approval"
	apForks     = "/actions/permissions/fork-pr-workflows-private-repos"
	apRunners   = "/actions/permissions/self-hosted-runners"
)

func TestActionsPermissionsEndpoints(t *testing.T) {
	ap := actionsPermissions
	type svc = *ActionsPermissionsService
	get, put := http.MethodGet, http.MethodPut
	runEndpointCases(t, []endpointCase{
		{"Get", acmeCall(get, apPolicy, "", "actions_permissions/permissions.json"), enterpriseGet(ap, svc.Get), &ActionsPermissions{
			EnabledOrganizations:     EnabledOrganizationsSelected,
			SelectedOrganizationsURL: "https://ghes.example.com/api/v3/enterprises/acme-corp/actions/permissions/organizations",
			AllowedActions:           AllowedActionsSelected,
			SelectedActionsURL:       "https://ghes.example.com/api/v3/enterprises/acme-corp/actions/permissions/selected-actions",
			SHAPinningRequired:       true,
		}},
		{"Set every field", acmeCall(put, apPolicy, `{"enabled_organizations":"selected","allowed_actions":"local_only","sha_pinning_required":false}`, ""),
			enterpriseSet(ap, svc.Set, SetActionsPermissionsRequest{EnabledOrganizations: EnabledOrganizationsSelected, AllowedActions: Ptr(AllowedActionsLocalOnly), SHAPinningRequired: Ptr(false)}), nil},
		{"Set required field only", acmeCall(put, apPolicy, `{"enabled_organizations":"none"}`, ""),
			enterpriseSet(ap, svc.Set, SetActionsPermissionsRequest{EnabledOrganizations: EnabledOrganizationsNone}), nil},
		{"ListSelectedOrganizations", call{Method: get, Path: acmePath(apOrgs), Query: url.Values{"page": {"2"}, "per_page": {"50"}}, Reply: "actions_permissions/organizations.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.ActionsPermissions.ListSelectedOrganizations(ctx, acmeCorp, &ListOptions{Page: 2, PerPage: 50})
			},
			&ActionsEnabledOrganizations{TotalCount: 1, Organizations: []*Organization{octoOrgSimple()}}},
		{"SetSelectedOrganizations", acmeCall(put, apOrgs, `{"selected_organization_ids":[32,91]}`, ""), enterpriseSet(ap, svc.SetSelectedOrganizations, []int64{32, 91}), nil},
		{"SetSelectedOrganizations none", acmeCall(put, apOrgs, `{"selected_organization_ids":[]}`, ""), enterpriseSet(ap, svc.SetSelectedOrganizations, nil), nil},
		{"EnableSelectedOrganization", acmeCall(put, apOrgs+"/32", "", ""), enterpriseSet(ap, svc.EnableSelectedOrganization, 32), nil},
		{"DisableSelectedOrganization", acmeCall(http.MethodDelete, apOrgs+"/32", "", ""), enterpriseSet(ap, svc.DisableSelectedOrganization, 32), nil},
		{"GetSelectedActions", acmeCall(get, apActions, "", "actions_permissions/selected_actions.json"), enterpriseGet(ap, svc.GetSelectedActions),
			&SelectedActions{GitHubOwnedAllowed: true, VerifiedAllowed: true, PatternsAllowed: []string{"monalisa/octocat@*", "docker/*"}}},
		{"SetSelectedActions every field", acmeCall(put, apActions, `{"github_owned_allowed":true,"verified_allowed":false,"patterns_allowed":["monalisa/octocat@*","docker/*"]}`, ""),
			enterpriseSet(ap, svc.SetSelectedActions, SetSelectedActionsRequest{GitHubOwnedAllowed: Ptr(true), VerifiedAllowed: Ptr(false), PatternsAllowed: []string{"monalisa/octocat@*", "docker/*"}}), nil},
		{"SetSelectedActions patterns removed", acmeCall(put, apActions, `{"patterns_allowed":[]}`, ""), enterpriseSet(ap, svc.SetSelectedActions, SetSelectedActionsRequest{PatternsAllowed: []string{}}), nil},
		{"SetSelectedActions nothing set", acmeCall(put, apActions, `{}`, ""), enterpriseSet(ap, svc.SetSelectedActions, SetSelectedActionsRequest{}), nil},
		{"GetWorkflowPermissions", acmeCall(get, apWorkflow, "", "actions_permissions/workflow.json"), enterpriseGet(ap, svc.GetWorkflowPermissions),
			&WorkflowPermissions{DefaultWorkflowPermissions: DefaultWorkflowPermissionsWrite, CanApprovePullRequestReviews: true}},
		{"SetWorkflowPermissions every field", acmeCall(put, apWorkflow, `{"default_workflow_permissions":"read","can_approve_pull_request_reviews":false}`, ""),
			enterpriseSet(ap, svc.SetWorkflowPermissions, SetWorkflowPermissionsRequest{DefaultWorkflowPermissions: Ptr(DefaultWorkflowPermissionsRead), CanApprovePullRequestReviews: Ptr(false)}), nil},
		{"SetWorkflowPermissions nothing set", acmeCall(put, apWorkflow, `{}`, ""), enterpriseSet(ap, svc.SetWorkflowPermissions, SetWorkflowPermissionsRequest{}), nil},
		{"GetArtifactAndLogRetention", acmeCall(get, apRetention, "", "actions_permissions/artifact_and_log_retention.json"), enterpriseGet(ap, svc.GetArtifactAndLogRetention),
			&ArtifactAndLogRetention{Days: 90, MaximumAllowedDays: 400}},
		{"SetArtifactAndLogRetention", acmeCall(put, apRetention, `{"days":30}`, ""), enterpriseSet(ap, svc.SetArtifactAndLogRetention, SetArtifactAndLogRetentionRequest{Days: 30}), nil},
		{"GetForkPRContributorApproval", acmeCall(get, apApproval, "", "actions_permissions/fork_pr_contributor_approval.json"), enterpriseGet(ap, svc.GetForkPRContributorApproval),
			&ForkPRContributorApproval{ApprovalPolicy: ForkPRApprovalFirstTimeContributors}},
		{"SetForkPRContributorApproval", acmeCall(put, apApproval, `{"approval_policy":"all_external_contributors"}`, ""),
			enterpriseSet(ap, svc.SetForkPRContributorApproval, SetForkPRContributorApprovalRequest{ApprovalPolicy: ForkPRApprovalAllExternalContributors}), nil},
		{"GetForkPRWorkflowsPrivateRepos", acmeCall(get, apForks, "", "actions_permissions/fork_pr_workflows_private_repos.json"), enterpriseGet(ap, svc.GetForkPRWorkflowsPrivateRepos),
			&ForkPRWorkflowsPrivateRepos{RunWorkflowsFromForkPullRequests: true, SendWriteTokensToWorkflows: true, SendSecretsAndVariables: true, RequireApprovalForForkPRWorkflows: true}},
		{"SetForkPRWorkflowsPrivateRepos every field", acmeCall(put, apForks, `{"run_workflows_from_fork_pull_requests":true,"send_write_tokens_to_workflows":false,"send_secrets_and_variables":true,"require_approval_for_fork_pr_workflows":false}`, ""),
			enterpriseSet(ap, svc.SetForkPRWorkflowsPrivateRepos, SetForkPRWorkflowsPrivateReposRequest{RunWorkflowsFromForkPullRequests: true, SendWriteTokensToWorkflows: Ptr(false), SendSecretsAndVariables: Ptr(true), RequireApprovalForForkPRWorkflows: Ptr(false)}), nil},
		{"SetForkPRWorkflowsPrivateRepos required field only", acmeCall(put, apForks, `{"run_workflows_from_fork_pull_requests":false}`, ""),
			enterpriseSet(ap, svc.SetForkPRWorkflowsPrivateRepos, SetForkPRWorkflowsPrivateReposRequest{}), nil},
		{"GetSelfHostedRunners", acmeCall(get, apRunners, "", "actions_permissions/self_hosted_runners.json"), enterpriseGet(ap, svc.GetSelfHostedRunners),
			&SelfHostedRunnersPermissions{DisableSelfHostedRunnersForAllOrgs: true}},
		{"SetSelfHostedRunners", acmeCall(put, apRunners, `{"disable_self_hosted_runners_for_all_orgs":false}`, ""), enterpriseSet(ap, svc.SetSelfHostedRunners, SelfHostedRunnersPermissions{}), nil},
	})
}

// TestActionsPermissionsListSelectedOrganizationsIter walks three pages by
// the reply's next link, with the exact query of each page.
func TestActionsPermissionsListSelectedOrganizationsIter(t *testing.T) {
	env := mock(t)
	path := acmePath(apOrgs)
	link := func(rels ...string) http.Header {
		var v string
		for i := 0; i+1 < len(rels); i += 2 {
			if v != "" {
				v += ", "
			}
			v += fmt.Sprintf(`<%s%s?per_page=1&page=%s>; rel="%s"`, mockAPIURL, path[1:], rels[i+1], rels[i])
		}
		return http.Header{"Link": {v}}
	}
	page := func(id int) string {
		return fmt.Sprintf(`{"total_count":3,"organizations":[{"login":"org-%d","id":%d}]}`, id, id)
	}
	env.expect(t, call{Method: http.MethodGet, Path: path, Query: url.Values{"per_page": {"1"}}, ReplyJSON: page(1), ReplyHeader: link("next", "2", "last", "3")})
	env.expect(t, call{Method: http.MethodGet, Path: path, Query: url.Values{"per_page": {"1"}, "page": {"2"}}, ReplyJSON: page(2), ReplyHeader: link("prev", "1", "next", "3", "last", "3")})
	env.expect(t, call{Method: http.MethodGet, Path: path, Query: url.Values{"per_page": {"1"}, "page": {"3"}}, ReplyJSON: page(3), ReplyHeader: link("prev", "2", "first", "1")})

	opts := &ListOptions{PerPage: 1}
	var logins []string
	for org, err := range env.Client.ActionsPermissions.ListSelectedOrganizationsIter(context.Background(), acmeCorp, opts) {
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

// errorCall is acmeCall answered with status and the error reply.
func errorCall(method, rest, body string, status int, reply string) call {
	c := acmeCall(method, rest, body, "")
	c.Status, c.ReplyJSON = status, reply
	return c
}

// TestActionsPermissionsErrors: the documented error replies (401 and 404
// on the reads; 404 and 422 on the writes) decode to the typed errors.
func TestActionsPermissionsErrors(t *testing.T) {
	ap := actionsPermissions
	type svc = *ActionsPermissionsService
	cases := []endpointCase{{"GetArtifactAndLogRetention 401", errorCall(http.MethodGet, apRetention, "", http.StatusUnauthorized, replyUnauthorized),
		enterpriseGet(ap, svc.GetArtifactAndLogRetention), ErrUnauthorized}}
	for _, d := range []struct {
		name, rest, body string // body is "" for a read
		do               endpointFunc
	}{
		{"GetArtifactAndLogRetention", apRetention, "", enterpriseGet(ap, svc.GetArtifactAndLogRetention)},
		{"SetArtifactAndLogRetention", apRetention, `{"days":500}`, enterpriseSet(ap, svc.SetArtifactAndLogRetention, SetArtifactAndLogRetentionRequest{Days: 500})},
		{"GetForkPRContributorApproval", apApproval, "", enterpriseGet(ap, svc.GetForkPRContributorApproval)},
		{"SetForkPRContributorApproval", apApproval, `{"approval_policy":"first_time_contributors"}`,
			enterpriseSet(ap, svc.SetForkPRContributorApproval, SetForkPRContributorApprovalRequest{ApprovalPolicy: ForkPRApprovalFirstTimeContributors})},
		{"GetForkPRWorkflowsPrivateRepos", apForks, "", enterpriseGet(ap, svc.GetForkPRWorkflowsPrivateRepos)},
		{"SetForkPRWorkflowsPrivateRepos", apForks, `{"run_workflows_from_fork_pull_requests":true}`,
			enterpriseSet(ap, svc.SetForkPRWorkflowsPrivateRepos, SetForkPRWorkflowsPrivateReposRequest{RunWorkflowsFromForkPullRequests: true})},
		{"GetSelfHostedRunners", apRunners, "", enterpriseGet(ap, svc.GetSelfHostedRunners)},
		{"SetSelfHostedRunners", apRunners, `{"disable_self_hosted_runners_for_all_orgs":true}`,
			enterpriseSet(ap, svc.SetSelfHostedRunners, SelfHostedRunnersPermissions{DisableSelfHostedRunnersForAllOrgs: true})},
	} {
		if d.body == "" {
			cases = append(cases, endpointCase{d.name + " 404", errorCall(http.MethodGet, d.rest, "", http.StatusNotFound, replyNotFound), d.do, ErrNotFound})
			continue
		}
		cases = append(cases,
			endpointCase{d.name + " 404", errorCall(http.MethodPut, d.rest, d.body, http.StatusNotFound, replyNotFound), d.do, ErrNotFound},
			endpointCase{d.name + " 422", errorCall(http.MethodPut, d.rest, d.body, http.StatusUnprocessableEntity, replyValidation), d.do, validationErrors})
	}
	require.Len(t, cases, 13)
	runEndpointCases(t, cases)
}

func TestActionsPermissionsRefusesBadInput(t *testing.T) {
	ap := actionsPermissions
	type svc = *ActionsPermissionsService
	runRefusedCases(t, []refusedCase{
		{"Set unknown EnabledOrganizations", enterpriseSet(ap, svc.Set, SetActionsPermissionsRequest{EnabledOrganizations: "some"}),
			[]string{"ActionsPermissions.Set", "EnabledOrganizations"}},
		{"Set unknown AllowedActions", enterpriseSet(ap, svc.Set, SetActionsPermissionsRequest{EnabledOrganizations: EnabledOrganizationsAll, AllowedActions: Ptr(AllowedActions("github_only"))}),
			[]string{"ActionsPermissions.Set", "AllowedActions"}},
		{"SetSelectedOrganizations zero ID", enterpriseSet(ap, svc.SetSelectedOrganizations, []int64{32, 0}),
			[]string{"ActionsPermissions.SetSelectedOrganizations", "orgIDs[1]"}},
		{"EnableSelectedOrganization zero ID", enterpriseSet(ap, svc.EnableSelectedOrganization, 0),
			[]string{"ActionsPermissions.EnableSelectedOrganization", "org_id"}},
		{"DisableSelectedOrganization negative ID", enterpriseSet(ap, svc.DisableSelectedOrganization, -4),
			[]string{"ActionsPermissions.DisableSelectedOrganization", "org_id", "-4"}},
		{"SetSelectedActions empty pattern", enterpriseSet(ap, svc.SetSelectedActions, SetSelectedActionsRequest{PatternsAllowed: []string{"docker/*", ""}}),
			[]string{"ActionsPermissions.SetSelectedActions", "PatternsAllowed[1]"}},
		{"SetWorkflowPermissions unknown permission", enterpriseSet(ap, svc.SetWorkflowPermissions, SetWorkflowPermissionsRequest{DefaultWorkflowPermissions: Ptr(DefaultWorkflowPermissions("admin"))}),
			[]string{"ActionsPermissions.SetWorkflowPermissions", "DefaultWorkflowPermissions"}},
		{"SetArtifactAndLogRetention zero days", enterpriseSet(ap, svc.SetArtifactAndLogRetention, SetArtifactAndLogRetentionRequest{}),
			[]string{"ActionsPermissions.SetArtifactAndLogRetention", "Days"}},
		{"SetForkPRContributorApproval no policy", enterpriseSet(ap, svc.SetForkPRContributorApproval, SetForkPRContributorApprovalRequest{}),
			[]string{"ActionsPermissions.SetForkPRContributorApproval", "ApprovalPolicy"}},
	})
}
