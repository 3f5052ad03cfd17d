package ghesadmin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"sync/atomic"
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

func TestActionsService_ListRunnerGroupsIter(t *testing.T) {
	env := setup(t)
	var calls atomic.Int32
	env.API.HandleFunc("GET /enterprises/{enterprise}/actions/runner-groups", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		page := r.URL.Query().Get("page")
		want := url.Values{"visible_to_organization": {"octo-org"}, "per_page": {"2"}}
		if page != "" {
			want.Set("page", page)
		}
		call{Method: http.MethodGet, Path: "/enterprises/" + testEnterpriseEscaped + "/actions/runner-groups", Query: want}.verify(t, r)
		link := func(p int) string {
			return fmt.Sprintf("%s/api/v3/enterprises/%s/actions/runner-groups?visible_to_organization=octo-org&per_page=2&page=%d", env.APIServer.URL, testEnterpriseEscaped, p)
		}
		switch page {
		case "":
			w.Header().Set("Link", fmt.Sprintf(`<%s>; rel="next", <%s>; rel="last"`, link(2), link(3)))
			writeJSON(w, http.StatusOK, `{"total_count":5,"runner_groups":[{"id":1},{"id":2}]}`)
		case "2":
			w.Header().Set("Link", fmt.Sprintf(`<%s>; rel="prev", <%s>; rel="next", <%s>; rel="last"`, link(1), link(3), link(3)))
			writeJSON(w, http.StatusOK, `{"total_count":5,"runner_groups":[{"id":3},{"id":4}]}`)
		case "3":
			w.Header().Set("Link", fmt.Sprintf(`<%s>; rel="prev", <%s>; rel="first"`, link(2), link(1)))
			writeJSON(w, http.StatusOK, `{"total_count":5,"runner_groups":[{"id":5}]}`)
		default:
			t.Errorf("unexpected page %q", page)
		}
	})
	opts := &ListRunnerGroupsOptions{VisibleToOrganization: "octo-org", ListOptions: ListOptions{PerPage: 2}}
	before := *opts
	var ids []int64
	for g, err := range env.Client.Actions.ListRunnerGroupsIter(context.Background(), testEnterprise, opts) {
		require.NoError(t, err, "ListRunnerGroupsIter")
		ids = append(ids, g.ID)
	}
	if !reflect.DeepEqual(ids, []int64{1, 2, 3, 4, 5}) {
		t.Errorf("ids = %v, want [1 2 3 4 5]", ids)
	}
	if calls.Load() != 3 {
		t.Errorf("%d requests, want 3", calls.Load())
	}
	if *opts != before {
		t.Errorf("the iterator changed the options: %+v, was %+v", *opts, before)
	}

	// Breaking early stops the requests.
	calls.Store(0)
	for range env.Client.Actions.ListRunnerGroupsIter(context.Background(), testEnterprise, opts) {
		break
	}
	if calls.Load() != 1 {
		t.Errorf("%d requests after an early break, want 1", calls.Load())
	}
}

func TestActionsService_CreateRunnerGroup(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/enterprises/octo-corp/actions/runner-groups", JSON: `{"name":"Expensive hardware runners","visibility":"selected","selected_organization_ids":[32,91],"runners":[9,2],"allows_public_repositories":false,"restricted_to_workflows":true,"selected_workflows":["` + deployWorkflow + `"]}`, Status: http.StatusCreated, Reply: "runner_groups/create.json"})
	got, resp, err := env.Client.Actions.CreateRunnerGroup(context.Background(), "octo-corp", CreateRunnerGroupRequest{
		Name:                     "Expensive hardware runners",
		Visibility:               Ptr(RunnerGroupVisibilitySelected),
		SelectedOrganizationIDs:  []int64{32, 91},
		Runners:                  []int64{9, 2},
		AllowsPublicRepositories: Ptr(false),
		RestrictedToWorkflows:    Ptr(true),
		SelectedWorkflows:        []string{deployWorkflow},
	})
	requireStatus(t, resp, err, http.StatusCreated)
	assertFields(t, "CreateRunnerGroup", got, wantOctoRunnerGroup())
	assertFixtureFullyMapped(t, "runner_groups/create.json", RunnerGroup{})
}

func TestActionsService_CreateRunnerGroup_nameOnly(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/enterprises/octo-corp/actions/runner-groups", JSON: `{"name":"g"}`, Status: http.StatusCreated, Reply: "runner_groups/create.json"})
	if _, _, err := env.Client.Actions.CreateRunnerGroup(context.Background(), "octo-corp", CreateRunnerGroupRequest{Name: "g"}); err != nil {
		t.Fatalf("CreateRunnerGroup: %v", err)
	}
}

func TestActionsService_GetRunnerGroup(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprises/octo-corp/actions/runner-groups/2", Reply: "runner_groups/get.json"})
	got, _, err := env.Client.Actions.GetRunnerGroup(context.Background(), "octo-corp", 2)
	require.NoError(t, err, "GetRunnerGroup")
	assertFields(t, "GetRunnerGroup", got, wantOctoRunnerGroup())
	assertFixtureFullyMapped(t, "runner_groups/get.json", RunnerGroup{})
}

func TestActionsService_UpdateRunnerGroup(t *testing.T) {
	env := mock(t)
	// The reference's request example.
	env.expect(t, call{Method: http.MethodPatch, Path: "/enterprises/octo-corp/actions/runner-groups/2", JSON: `{"name":"Expensive hardware runners","visibility":"selected"}`, Reply: "runner_groups/update.json"})
	got, _, err := env.Client.Actions.UpdateRunnerGroup(context.Background(), "octo-corp", 2, UpdateRunnerGroupRequest{
		Name: Ptr("Expensive hardware runners"), Visibility: Ptr(RunnerGroupVisibilitySelected),
	})
	require.NoError(t, err, "UpdateRunnerGroup")
	want := wantOctoRunnerGroup()
	want.Name = "Expensive hardware runners"
	want.AllowsPublicRepositories = true
	want.RestrictedToWorkflows = false
	assertFields(t, "UpdateRunnerGroup", got, want)
	assertFixtureFullyMapped(t, "runner_groups/update.json", RunnerGroup{})
}

func TestActionsService_UpdateRunnerGroup_workflows(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("PATCH /enterprises/{enterprise}/actions/runner-groups/{id}", func(w http.ResponseWriter, r *http.Request) {
		// An empty selection is sent as [] (it clears the workflows).
		call{Method: http.MethodPatch, Path: "/enterprises/octo-corp/actions/runner-groups/2", JSON: `{"allows_public_repositories":true,"restricted_to_workflows":false,"selected_workflows":[]}`}.verify(t, r)
		writeFixture(t, w, http.StatusOK, "runner_groups/update.json")
	})
	if _, _, err := env.Client.Actions.UpdateRunnerGroup(context.Background(), "octo-corp", 2, UpdateRunnerGroupRequest{
		AllowsPublicRepositories: Ptr(true), RestrictedToWorkflows: Ptr(false), SelectedWorkflows: &[]string{},
	}); err != nil {
		t.Fatalf("UpdateRunnerGroup: %v", err)
	}
}

func TestActionsService_DeleteRunnerGroup(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodDelete, Path: "/enterprises/" + testEnterpriseEscaped + "/actions/runner-groups/2", Status: http.StatusNoContent})
	resp, err := env.Client.Actions.DeleteRunnerGroup(context.Background(), testEnterprise, 2)
	requireStatus(t, resp, err, http.StatusNoContent)
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

func TestActionsService_ListRunnerGroupOrganizationsIter(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("GET /enterprises/{enterprise}/actions/runner-groups/{id}/organizations", func(w http.ResponseWriter, r *http.Request) {
		page := r.URL.Query().Get("page")
		if page == "" {
			call{Method: http.MethodGet, Path: "/enterprises/octo-corp/actions/runner-groups/2/organizations"}.verify(t, r)
			w.Header().Set("Link", fmt.Sprintf(`<%s/api/v3/enterprises/octo-corp/actions/runner-groups/2/organizations?page=2>; rel="next"`, env.APIServer.URL))
			writeJSON(w, http.StatusOK, `{"total_count":2,"organizations":[{"login":"a","id":1}]}`)
			return
		}
		call{Method: http.MethodGet, Path: "/enterprises/octo-corp/actions/runner-groups/2/organizations", Query: url.Values{"page": {"2"}}}.verify(t, r)
		writeJSON(w, http.StatusOK, `{"total_count":2,"organizations":[{"login":"b","id":2}]}`)
	})
	var logins []string
	for o, err := range env.Client.Actions.ListRunnerGroupOrganizationsIter(context.Background(), "octo-corp", 2, nil) {
		require.NoError(t, err, "ListRunnerGroupOrganizationsIter")
		logins = append(logins, o.Login)
	}
	if !reflect.DeepEqual(logins, []string{"a", "b"}) {
		t.Errorf("logins = %v, want [a b]", logins)
	}
}

func TestActionsService_SetRunnerGroupOrganizations(t *testing.T) {
	for _, tc := range []struct {
		ids  []int64
		body string
	}{
		{[]int64{32, 91}, `{"selected_organization_ids":[32,91]}`},
		{nil, `{"selected_organization_ids":[]}`},
	} {
		env := mock(t)
		env.expect(t, call{Method: http.MethodPut, Path: "/enterprises/octo-corp/actions/runner-groups/2/organizations", JSON: tc.body, Status: http.StatusNoContent})
		resp, err := env.Client.Actions.SetRunnerGroupOrganizations(context.Background(), "octo-corp", 2, tc.ids)
		if err != nil {
			t.Fatalf("SetRunnerGroupOrganizations(%v): %v", tc.ids, err)
		}
		if resp.StatusCode != http.StatusNoContent {
			t.Errorf("status = %d, want 204", resp.StatusCode)
		}
	}
}

func TestActionsService_AddRunnerGroupOrganization(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPut, Path: "/enterprises/octo-corp/actions/runner-groups/2/organizations/42", Status: http.StatusNoContent})
	resp, err := env.Client.Actions.AddRunnerGroupOrganization(context.Background(), "octo-corp", 2, 42)
	requireStatus(t, resp, err, http.StatusNoContent)
}

func TestActionsService_RemoveRunnerGroupOrganization(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodDelete, Path: "/enterprises/octo-corp/actions/runner-groups/2/organizations/42", Status: http.StatusNoContent})
	resp, err := env.Client.Actions.RemoveRunnerGroupOrganization(context.Background(), "octo-corp", 2, 42)
	requireStatus(t, resp, err, http.StatusNoContent)
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

func TestActionsService_ListRunnerGroupRunnersIter(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprises/octo-corp/actions/runner-groups/2/runners", Reply: "runner_groups/list_runners.json"})
	var ids []int64
	for rn, err := range env.Client.Actions.ListRunnerGroupRunnersIter(context.Background(), "octo-corp", 2, nil) {
		require.NoError(t, err, "ListRunnerGroupRunnersIter")
		ids = append(ids, rn.ID)
	}
	if !reflect.DeepEqual(ids, []int64{23, 24}) {
		t.Errorf("ids = %v, want [23 24]", ids)
	}
}

func TestActionsService_SetRunnerGroupRunners(t *testing.T) {
	for _, tc := range []struct {
		ids  []int64
		body string
	}{
		{[]int64{9, 2}, `{"runners":[9,2]}`},
		{[]int64{}, `{"runners":[]}`},
	} {
		env := mock(t)
		env.expect(t, call{Method: http.MethodPut, Path: "/enterprises/octo-corp/actions/runner-groups/2/runners", JSON: tc.body, Status: http.StatusNoContent})
		resp, err := env.Client.Actions.SetRunnerGroupRunners(context.Background(), "octo-corp", 2, tc.ids)
		if err != nil {
			t.Fatalf("SetRunnerGroupRunners(%v): %v", tc.ids, err)
		}
		if resp.StatusCode != http.StatusNoContent {
			t.Errorf("status = %d, want 204", resp.StatusCode)
		}
	}
}

func TestActionsService_AddRunnerGroupRunner(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPut, Path: "/enterprises/octo-corp/actions/runner-groups/2/runners/23", Status: http.StatusNoContent})
	resp, err := env.Client.Actions.AddRunnerGroupRunner(context.Background(), "octo-corp", 2, 23)
	requireStatus(t, resp, err, http.StatusNoContent)
}

func TestActionsService_RemoveRunnerGroupRunner(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodDelete, Path: "/enterprises/octo-corp/actions/runner-groups/2/runners/23", Status: http.StatusNoContent})
	resp, err := env.Client.Actions.RemoveRunnerGroupRunner(context.Background(), "octo-corp", 2, 23)
	requireStatus(t, resp, err, http.StatusNoContent)
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
