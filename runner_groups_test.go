package ghesadmin

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

// An enterprise slug that needs escaping, and its escaped segment.
const (
	testEnterprise        = "octo corp/ü?"
	testEnterpriseEscaped = "octo%20corp%2F%C3%BC%3F"
)

const deployWorkflow = "octo-org/octo-repo/.github/workflows/deploy.yaml@refs/heads/main"

func wantOctoRunnerGroup() *RunnerGroup {
	return &RunnerGroup{
		ID:                           2,
		Name:                         "octo-runner-group",
		Visibility:                   RunnerGroupVisibilitySelected,
		Default:                      false,
		SelectedOrganizationsURL:     "https://api.github.com/enterprises/octo-corp/actions/runner-groups/2/organizations",
		RunnersURL:                   "https://api.github.com/enterprises/octo-corp/actions/runner-groups/2/runners",
		AllowsPublicRepositories:     false,
		RestrictedToWorkflows:        true,
		SelectedWorkflows:            []string{deployWorkflow},
		WorkflowRestrictionsReadOnly: false,
	}
}

func TestActionsService_ListRunnerGroups(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprises/" + testEnterpriseEscaped + "/actions/runner-groups", Query: url.Values{"visible_to_organization": {"octo-org"}, "page": {"2"}, "per_page": {"3"}}, Reply: "runner_groups/list.json"})
	got, _, err := env.Client.Actions.ListRunnerGroups(context.Background(), testEnterprise, &ListRunnerGroupsOptions{
		VisibleToOrganization: "octo-org", ListOptions: ListOptions{Page: 2, PerPage: 3},
	})
	require.NoError(t, err, "ListRunnerGroups")
	assertFields(t, "ListRunnerGroups", got, &RunnerGroups{
		TotalCount: 3,
		RunnerGroups: []*RunnerGroup{
			{
				ID: 1, Name: "Default", Visibility: RunnerGroupVisibilityAll, Default: true,
				RunnersURL:               "https://api.github.com/enterprises/octo-corp/actions/runner_groups/1/runners",
				AllowsPublicRepositories: false, RestrictedToWorkflows: false,
				SelectedWorkflows: []string{}, WorkflowRestrictionsReadOnly: false,
			},
			{
				ID: 2, Name: "octo-runner-group", Visibility: RunnerGroupVisibilitySelected, Default: false,
				SelectedOrganizationsURL: "https://api.github.com/enterprises/octo-corp/actions/runner_groups/2/organizations",
				RunnersURL:               "https://api.github.com/enterprises/octo-corp/actions/runner_groups/2/runners",
				AllowsPublicRepositories: true, RestrictedToWorkflows: true,
				SelectedWorkflows: []string{deployWorkflow}, WorkflowRestrictionsReadOnly: false,
			},
			{
				ID: 3, Name: "expensive-hardware", Visibility: RunnerGroupVisibilityPrivate, Default: false,
				RunnersURL:               "https://api.github.com/enterprises/octo-corp/actions/runner_groups/3/runners",
				AllowsPublicRepositories: true, RestrictedToWorkflows: false,
				SelectedWorkflows: []string{deployWorkflow}, WorkflowRestrictionsReadOnly: false,
			},
		},
	})
	assertFixtureFullyMapped(t, "runner_groups/list.json", RunnerGroups{})
}

func TestActionsService_ListRunnerGroups_inherited(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprises/octo-corp/actions/runner-groups", ReplyJSON: `{"total_count":1,"runner_groups":[{"id":4,"name":"inh","visibility":"all","default":false,"inherited":true}]}`})
	got, _, err := env.Client.Actions.ListRunnerGroups(context.Background(), "octo-corp", nil)
	require.NoError(t, err, "ListRunnerGroups")
	if len(got.RunnerGroups) != 1 || !got.RunnerGroups[0].Inherited {
		t.Errorf("groups = %+v, want one inherited group", got.RunnerGroups)
	}
}

func TestActionsService_RunnerGroupIters(t *testing.T) {
	opts := &ListRunnerGroupsOptions{VisibleToOrganization: "octo-org", ListOptions: ListOptions{PerPage: 2}}
	before := *opts
	groups := "/enterprises/" + testEnterpriseEscaped + "/actions/runner-groups"
	query := url.Values{"visible_to_organization": {"octo-org"}, "per_page": {"2"}}
	base := groups + "?visible_to_organization=octo-org&per_page=2&page="
	orgs := "/enterprises/octo-corp/actions/runner-groups/2/organizations"
	var logins []string
	runWalkCases(t, []walkCase{
		{name: "ListRunnerGroupsIter", path: groups, pages: []walkPage{
			{query: withPage(query, ""), next: pageLinks(base, "2", "next", "3", "last"), reply: `{"total_count":5,"runner_groups":[{"id":1},{"id":2}]}`},
			{query: withPage(query, "2"), next: pageLinks(base, "1", "prev", "3", "next", "3", "last"), reply: `{"total_count":5,"runner_groups":[{"id":3},{"id":4}]}`},
			{query: withPage(query, "3"), next: pageLinks(base, "2", "prev", "1", "first"), reply: `{"total_count":5,"runner_groups":[{"id":5}]}`},
		}, walk: func(ctx context.Context, c *Client) ([]int64, error) {
			return collectIDs(c.Actions.ListRunnerGroupsIter(ctx, testEnterprise, opts), func(g *RunnerGroup) int64 { return g.ID })
		}, want: []int64{1, 2, 3, 4, 5}},
		{name: "ListRunnerGroupOrganizationsIter", path: orgs, pages: []walkPage{
			{next: "page=2", reply: `{"total_count":2,"organizations":[{"login":"a","id":1}]}`},
			{query: url.Values{"page": {"2"}}, reply: `{"total_count":2,"organizations":[{"login":"b","id":2}]}`},
		}, walk: func(ctx context.Context, c *Client) ([]int64, error) {
			return collectIDs(c.Actions.ListRunnerGroupOrganizationsIter(ctx, "octo-corp", 2, nil), func(o *Organization) int64 {
				logins = append(logins, o.Login)
				return o.ID
			})
		}, want: []int64{1, 2}},
		{name: "ListRunnerGroupRunnersIter", path: "/enterprises/octo-corp/actions/runner-groups/2/runners", pages: []walkPage{
			{reply: string(fixture(t, "runner_groups/list_runners.json"))},
		}, walk: func(ctx context.Context, c *Client) ([]int64, error) {
			return collectIDs(c.Actions.ListRunnerGroupRunnersIter(ctx, "octo-corp", 2, nil), func(r *Runner) int64 { return r.ID })
		}, want: []int64{23, 24}},
	})
	require.Equal(t, before, *opts, "the iterator changed the options")
	require.Equal(t, []string{"a", "b"}, logins, "organizations' logins")

	// Breaking early stops the requests.
	env := mock(t)
	expectWalk(t, env, groups, []walkPage{{query: withPage(query, ""), next: "page=2", reply: `{"total_count":5,"runner_groups":[{"id":1},{"id":2}]}`}})
	for range env.Client.Actions.ListRunnerGroupsIter(context.Background(), testEnterprise, opts) {
		break
	}
	require.Equal(t, 1, env.Transport.GetTotalCallCount(), "requests after an early break")
}

func TestActionsService_RunnerGroupEndpoints(t *testing.T) {
	const group = "/enterprises/octo-corp/actions/runner-groups/2"
	put, del := http.MethodPut, http.MethodDelete
	updated := wantOctoRunnerGroup()
	updated.Name = "Expensive hardware runners"
	updated.AllowsPublicRepositories = true
	updated.RestrictedToWorkflows = false
	noContent := func(method, path, body string) call {
		return call{Method: method, Path: path, JSON: body, Status: http.StatusNoContent}
	}
	setOrgs := func(ids []int64) endpointFunc {
		return func(ctx context.Context, c *Client) (any, *Response, error) {
			return noResult(c.Actions.SetRunnerGroupOrganizations(ctx, "octo-corp", 2, ids))
		}
	}
	setRunners := func(ids []int64) endpointFunc {
		return func(ctx context.Context, c *Client) (any, *Response, error) {
			return noResult(c.Actions.SetRunnerGroupRunners(ctx, "octo-corp", 2, ids))
		}
	}
	runStrictEndpointCases(t, []endpointCase{
		{"CreateRunnerGroup", call{Method: http.MethodPost, Path: "/enterprises/octo-corp/actions/runner-groups", JSON: `{"name":"Expensive hardware runners","visibility":"selected","selected_organization_ids":[32,91],"runners":[9,2],"allows_public_repositories":false,"restricted_to_workflows":true,"selected_workflows":["` + deployWorkflow + `"]}`, Status: http.StatusCreated, Reply: "runner_groups/create.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.Actions.CreateRunnerGroup(ctx, "octo-corp", CreateRunnerGroupRequest{
					Name:                     "Expensive hardware runners",
					Visibility:               Ptr(RunnerGroupVisibilitySelected),
					SelectedOrganizationIDs:  []int64{32, 91},
					Runners:                  []int64{9, 2},
					AllowsPublicRepositories: Ptr(false),
					RestrictedToWorkflows:    Ptr(true),
					SelectedWorkflows:        []string{deployWorkflow},
				})
			}, wantOctoRunnerGroup()},
		{"CreateRunnerGroup name only", call{Method: http.MethodPost, Path: "/enterprises/octo-corp/actions/runner-groups", JSON: `{"name":"g"}`, Status: http.StatusCreated, Reply: "runner_groups/create.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.Actions.CreateRunnerGroup(ctx, "octo-corp", CreateRunnerGroupRequest{Name: "g"})
			}, wantOctoRunnerGroup()},
		{"GetRunnerGroup", call{Method: http.MethodGet, Path: group, Reply: "runner_groups/get.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.Actions.GetRunnerGroup(ctx, "octo-corp", 2)
			},
			wantOctoRunnerGroup()},
		// The reference's request example.
		{"UpdateRunnerGroup", call{Method: http.MethodPatch, Path: group, JSON: `{"name":"Expensive hardware runners","visibility":"selected"}`, Reply: "runner_groups/update.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.Actions.UpdateRunnerGroup(ctx, "octo-corp", 2, UpdateRunnerGroupRequest{
					Name: Ptr("Expensive hardware runners"), Visibility: Ptr(RunnerGroupVisibilitySelected),
				})
			}, updated},
		// An empty selection of workflows is sent as [] (it clears them).
		{"UpdateRunnerGroup workflows", call{Method: http.MethodPatch, Path: group, JSON: `{"allows_public_repositories":true,"restricted_to_workflows":false,"selected_workflows":[]}`, Reply: "runner_groups/update.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.Actions.UpdateRunnerGroup(ctx, "octo-corp", 2, UpdateRunnerGroupRequest{
					AllowsPublicRepositories: Ptr(true), RestrictedToWorkflows: Ptr(false), SelectedWorkflows: &[]string{},
				})
			}, updated},
		{"DeleteRunnerGroup", noContent(del, "/enterprises/"+testEnterpriseEscaped+"/actions/runner-groups/2", ""),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.Actions.DeleteRunnerGroup(ctx, testEnterprise, 2))
			}, nil},
		{"SetRunnerGroupOrganizations", noContent(put, group+"/organizations", `{"selected_organization_ids":[32,91]}`), setOrgs([]int64{32, 91}), nil},
		{"SetRunnerGroupOrganizations none", noContent(put, group+"/organizations", `{"selected_organization_ids":[]}`), setOrgs(nil), nil},
		{"AddRunnerGroupOrganization", noContent(put, group+"/organizations/42", ""),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.Actions.AddRunnerGroupOrganization(ctx, "octo-corp", 2, 42))
			}, nil},
		{"RemoveRunnerGroupOrganization", noContent(del, group+"/organizations/42", ""),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.Actions.RemoveRunnerGroupOrganization(ctx, "octo-corp", 2, 42))
			}, nil},
		{"SetRunnerGroupRunners", noContent(put, group+"/runners", `{"runners":[9,2]}`), setRunners([]int64{9, 2}), nil},
		{"SetRunnerGroupRunners none", noContent(put, group+"/runners", `{"runners":[]}`), setRunners([]int64{}), nil},
		{"AddRunnerGroupRunner", noContent(put, group+"/runners/23", ""),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.Actions.AddRunnerGroupRunner(ctx, "octo-corp", 2, 23))
			}, nil},
		{"RemoveRunnerGroupRunner", noContent(del, group+"/runners/23", ""),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.Actions.RemoveRunnerGroupRunner(ctx, "octo-corp", 2, 23))
			}, nil},
	})
}

func TestActionsService_ListRunnerGroupOrganizations(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprises/octo-corp/actions/runner-groups/2/organizations", Query: url.Values{"page": {"1"}, "per_page": {"30"}}, Reply: "runner_groups/list_organizations.json"})
	got, _, err := env.Client.Actions.ListRunnerGroupOrganizations(context.Background(), "octo-corp", 2, &ListOptions{Page: 1, PerPage: 30})
	require.NoError(t, err, "ListRunnerGroupOrganizations")
	assertFields(t, "ListRunnerGroupOrganizations", got, &RunnerGroupOrganizations{
		TotalCount:    1,
		Organizations: []*Organization{octoOrgSimple()},
	})
	assertFixtureFullyMapped(t, "runner_groups/list_organizations.json", RunnerGroupOrganizations{})
}

// wantPaginatedRunners is the reference's runner-paginated example.
func wantPaginatedRunners() *Runners {
	selfHosted := &RunnerLabel{ID: 5, Name: "self-hosted", Type: RunnerLabelReadOnly}
	x64 := &RunnerLabel{ID: 7, Name: "X64", Type: RunnerLabelReadOnly}
	return &Runners{
		TotalCount: 2,
		Runners: []*Runner{
			{
				ID: 23, Name: "linux_runner", OS: "linux", Status: "online", Busy: true, Ephemeral: false, Version: "2.323.0",
				Labels: []*RunnerLabel{selfHosted, x64, {ID: 11, Name: "Linux", Type: RunnerLabelReadOnly}},
			},
			{
				ID: 24, Name: "mac_runner", OS: "macos", Status: "offline", Busy: false, Ephemeral: false, Version: "2.323.0",
				Labels: []*RunnerLabel{selfHosted, x64, {ID: 20, Name: "macOS", Type: RunnerLabelReadOnly}, {ID: 21, Name: "no-gpu", Type: RunnerLabelCustom}},
			},
		},
	}
}

func TestActionsService_ListRunnerGroupRunners(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprises/octo-corp/actions/runner-groups/2/runners", Query: url.Values{"per_page": {"2"}}, Reply: "runner_groups/list_runners.json"})
	got, _, err := env.Client.Actions.ListRunnerGroupRunners(context.Background(), "octo-corp", 2, &ListOptions{PerPage: 2})
	require.NoError(t, err, "ListRunnerGroupRunners")
	assertFields(t, "ListRunnerGroupRunners", got, wantPaginatedRunners())
	assertFixtureFullyMapped(t, "runner_groups/list_runners.json", Runners{})
}

func TestActionsService_runnerGroups_badEnterprise(t *testing.T) {
	env := setup(t) // no handler: nothing may be sent
	ctx := context.Background()
	_, _, err1 := env.Client.Actions.ListRunnerGroups(ctx, "", nil)
	_, err2 := env.Client.Actions.DeleteRunnerGroup(ctx, "..", 1)
	_, err3 := env.Client.Actions.SetRunnerGroupRunners(ctx, ".", 1, nil)
	_, _, err4 := env.Client.Actions.ListRunnerGroups(ctx, "e", &ListRunnerGroupsOptions{ListOptions: ListOptions{PerPage: 500}})
	for i, err := range []error{err1, err2, err3, err4} {
		if !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("call %d: error = %v, want ErrInvalidArgument", i+1, err)
		}
	}
}
