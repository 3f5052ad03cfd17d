package ghesadmin

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

// wantCheckCommits is the hook of the reference's admin examples.
func wantCheckCommits(t *testing.T) *PreReceiveHook {
	return &PreReceiveHook{
		ID:          1,
		Name:        "Check Commits",
		Enforcement: EnforcementDisabled,
		Script:      "scripts/commmit_check.sh",
		ScriptRepository: PreReceiveScriptRepository{
			ID:       595,
			FullName: "DevIT/hooks",
			URL:      "https://github.example.com/api/v3/repos/DevIT/hooks",
			HTMLURL:  "https://github.example.com/DevIT/hooks",
		},
		Environment:                  *wantDevToolsEnv(t, DownloadStateSuccess, timePtr(t, "2016-05-26T07:42:53-05:00")),
		AllowDownstreamConfiguration: false,
	}
}

func TestPreReceiveHooksService_List(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/admin/pre-receive-hooks", Query: url.Values{"sort": {"created"}, "direction": {"desc"}, "per_page": {"100"}}, Preview: mediaTypeEyeScreamPreview, Reply: "pre_receive_hooks/list.json"})
	got, _, err := env.Client.PreReceiveHooks.List(context.Background(), &PreReceiveListOptions{
		Sort: PreReceiveSortCreated, Direction: "desc", ListOptions: ListOptions{PerPage: 100},
	})
	require.NoError(t, err, "List")
	assertFields(t, "List", got, []*PreReceiveHook{wantCheckCommits(t)})
	assertFixtureFullyMapped(t, "pre_receive_hooks/list.json", []*PreReceiveHook{})
}

func TestPreReceiveHooksService_Create(t *testing.T) {
	env := mock(t)
	// The reference's request example.
	env.expect(t, call{Method: http.MethodPost, Path: "/admin/pre-receive-hooks", Preview: mediaTypeEyeScreamPreview, JSON: `{"name":"Check Commits","script":"scripts/commit_check.sh","enforcement":"disabled","allow_downstream_configuration":false,"script_repository":{"full_name":"DevIT/hooks"},"environment":{"id":2}}`, Status: http.StatusCreated, Reply: "pre_receive_hooks/create.json"})
	got, resp, err := env.Client.PreReceiveHooks.Create(context.Background(), CreatePreReceiveHookRequest{
		Name:                         "Check Commits",
		Script:                       "scripts/commit_check.sh",
		ScriptRepository:             PreReceiveScriptRepositoryRef{FullName: "DevIT/hooks"},
		Environment:                  PreReceiveEnvironmentRef{ID: 2},
		Enforcement:                  Ptr(EnforcementDisabled),
		AllowDownstreamConfiguration: Ptr(false),
	})
	requireStatus(t, resp, err, http.StatusCreated)
	assertFields(t, "Create", got, wantCheckCommits(t))
	assertFixtureFullyMapped(t, "pre_receive_hooks/create.json", PreReceiveHook{})
}

func TestPreReceiveHooksService_Create_requiredOnly(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/admin/pre-receive-hooks", Preview: mediaTypeEyeScreamPreview, JSON: `{"name":"n","script":"s.sh","script_repository":{"full_name":"o/r"},"environment":{"id":1}}`, Status: http.StatusCreated, Reply: "pre_receive_hooks/create.json"})
	if _, _, err := env.Client.PreReceiveHooks.Create(context.Background(), CreatePreReceiveHookRequest{
		Name: "n", Script: "s.sh", ScriptRepository: PreReceiveScriptRepositoryRef{FullName: "o/r"}, Environment: PreReceiveEnvironmentRef{ID: 1},
	}); err != nil {
		t.Fatalf("Create: %v", err)
	}
}

func TestPreReceiveHooksService_Get(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/admin/pre-receive-hooks/1", Preview: mediaTypeEyeScreamPreview, Reply: "pre_receive_hooks/get.json"})
	got, _, err := env.Client.PreReceiveHooks.Get(context.Background(), 1)
	require.NoError(t, err, "Get")
	assertFields(t, "Get", got, wantCheckCommits(t))
	assertFixtureFullyMapped(t, "pre_receive_hooks/get.json", PreReceiveHook{})
}

func TestPreReceiveHooksService_Update(t *testing.T) {
	env := mock(t)
	// The reference's request example.
	env.expect(t, call{Method: http.MethodPatch, Path: "/admin/pre-receive-hooks/1", Preview: mediaTypeEyeScreamPreview, JSON: `{"name":"Check Commits","environment":{"id":1},"allow_downstream_configuration":true}`, Reply: "pre_receive_hooks/update.json"})
	got, _, err := env.Client.PreReceiveHooks.Update(context.Background(), 1, UpdatePreReceiveHookRequest{
		Name:                         Ptr("Check Commits"),
		Environment:                  &PreReceiveEnvironmentRef{ID: 1},
		AllowDownstreamConfiguration: Ptr(true),
	})
	require.NoError(t, err, "Update")
	want := wantCheckCommits(t)
	want.AllowDownstreamConfiguration = true
	want.Environment = *wantDefaultEnv(t, 1, DownloadStateSuccess)
	assertFields(t, "Update", got, want)
	assertFixtureFullyMapped(t, "pre_receive_hooks/update.json", PreReceiveHook{})
}

func TestPreReceiveHooksService_Update_allFields(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPatch, Path: "/admin/pre-receive-hooks/1", Preview: mediaTypeEyeScreamPreview, JSON: `{"name":"n","script":"s.sh","script_repository":{"full_name":"o/r"},"environment":{"id":3},"enforcement":"testing","allow_downstream_configuration":false}`, Reply: "pre_receive_hooks/update.json"})
	if _, _, err := env.Client.PreReceiveHooks.Update(context.Background(), 1, UpdatePreReceiveHookRequest{
		Name: Ptr("n"), Script: Ptr("s.sh"), ScriptRepository: &PreReceiveScriptRepositoryRef{FullName: "o/r"},
		Environment: &PreReceiveEnvironmentRef{ID: 3}, Enforcement: Ptr(EnforcementTesting), AllowDownstreamConfiguration: Ptr(false),
	}); err != nil {
		t.Fatalf("Update: %v", err)
	}
}

func TestPreReceiveHooksService_Delete(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodDelete, Path: "/admin/pre-receive-hooks/1", Preview: mediaTypeEyeScreamPreview, Status: http.StatusNoContent})
	resp, err := env.Client.PreReceiveHooks.Delete(context.Background(), 1)
	requireStatus(t, resp, err, http.StatusNoContent)
}

func wantOrgHook(enforcement Enforcement, configURL string, downstream bool) *OrgPreReceiveHook {
	return &OrgPreReceiveHook{ID: 42, Name: "Check Commits", Enforcement: enforcement, ConfigurationURL: configURL, AllowDownstreamConfiguration: downstream}
}

func TestPreReceiveHooksService_ListForOrg(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("GET /orgs/{org}/pre-receive-hooks", func(w http.ResponseWriter, r *http.Request) {
		// The organization is one escaped segment.
		call{Method: http.MethodGet, Path: "/orgs/octo%20org%2Fx%3F/pre-receive-hooks", Query: url.Values{"sort": {"updated"}, "direction": {"asc"}, "page": {"3"}}, Preview: mediaTypeEyeScreamPreview}.verify(t, r)
		writeFixture(t, w, http.StatusOK, "pre_receive_hooks/list_for_org.json")
	})
	got, _, err := env.Client.PreReceiveHooks.ListForOrg(context.Background(), "octo org/x?", &PreReceiveListOptions{
		Sort: PreReceiveSortUpdated, Direction: "asc", ListOptions: ListOptions{Page: 3},
	})
	require.NoError(t, err, "ListForOrg")
	assertFields(t, "ListForOrg", got, []*OrgPreReceiveHook{
		wantOrgHook(EnforcementDisabled, "https://github.example.com/api/v3/admin/pre-receive-hooks/42", true),
	})
	assertFixtureFullyMapped(t, "pre_receive_hooks/list_for_org.json", []*OrgPreReceiveHook{})
}

func TestPreReceiveHooksService_ListForOrgIter(t *testing.T) {
	// The iteration starts at the caller's page.
	opts := &PreReceiveListOptions{Sort: PreReceiveSortName, ListOptions: ListOptions{Page: 2}}
	runWalkCases(t, []walkCase{{name: "from page 2", path: "/orgs/octo-org/pre-receive-hooks", preview: mediaTypeEyeScreamPreview, pages: []walkPage{
		{query: url.Values{"page": {"2"}, "sort": {"name"}}, next: "sort=name&page=3", reply: `[{"id": 1}, {"id": 2}]`},
		{query: url.Values{"page": {"3"}, "sort": {"name"}}, reply: `[{"id": 3}]`},
	}, walk: func(ctx context.Context, c *Client) ([]int64, error) {
		return collectIDs(c.PreReceiveHooks.ListForOrgIter(ctx, "octo-org", opts), func(h *OrgPreReceiveHook) int64 { return h.ID })
	}, want: []int64{1, 2, 3}}})
	require.Equal(t, 2, opts.Page, "opts.Page (unchanged)")
}

func TestPreReceiveHooksService_GetForOrg(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/orgs/octo-org/pre-receive-hooks/42", Preview: mediaTypeEyeScreamPreview, Reply: "pre_receive_hooks/get_for_org.json"})
	got, _, err := env.Client.PreReceiveHooks.GetForOrg(context.Background(), "octo-org", 42)
	require.NoError(t, err, "GetForOrg")
	assertFields(t, "GetForOrg", got, wantOrgHook(EnforcementDisabled, "https://github.example.com/api/v3/admin/pre-receive-hooks/42", true))
	assertFixtureFullyMapped(t, "pre_receive_hooks/get_for_org.json", OrgPreReceiveHook{})
}

func TestPreReceiveHooksService_UpdateForOrg(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPatch, Path: "/orgs/octocat/pre-receive-hooks/42", Preview: mediaTypeEyeScreamPreview, JSON: `{"enforcement":"enabled","allow_downstream_configuration":false}`, Reply: "pre_receive_hooks/update_for_org.json"})
	got, _, err := env.Client.PreReceiveHooks.UpdateForOrg(context.Background(), "octocat", 42, UpdateOrgPreReceiveHookRequest{
		Enforcement: Ptr(EnforcementEnabled), AllowDownstreamConfiguration: Ptr(false),
	})
	require.NoError(t, err, "UpdateForOrg")
	assertFields(t, "UpdateForOrg", got, wantOrgHook(EnforcementEnabled, "https://github.example.com/api/v3/orgs/octocat/pre-receive-hooks/42", false))
	assertFixtureFullyMapped(t, "pre_receive_hooks/update_for_org.json", OrgPreReceiveHook{})
}

func TestPreReceiveHooksService_RemoveForOrg(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodDelete, Path: "/orgs/octo-org/pre-receive-hooks/42", Preview: mediaTypeEyeScreamPreview, Reply: "pre_receive_hooks/remove_for_org.json"})
	got, resp, err := env.Client.PreReceiveHooks.RemoveForOrg(context.Background(), "octo-org", 42)
	requireStatus(t, resp, err, http.StatusOK)
	assertFields(t, "RemoveForOrg", got, wantOrgHook(EnforcementDisabled, "https://github.example.com/api/v3/admin/pre-receive-hooks/42", true))
	assertFixtureFullyMapped(t, "pre_receive_hooks/remove_for_org.json", OrgPreReceiveHook{})
}

func TestPreReceiveHooksService_ListForRepo(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("GET /repos/{owner}/{repo}/pre-receive-hooks", func(w http.ResponseWriter, r *http.Request) {
		// Owner and repository are one escaped segment each.
		call{Method: http.MethodGet, Path: "/repos/octo%2Fcat/hello%20world%23/pre-receive-hooks", Query: url.Values{"sort": {"name"}, "per_page": {"10"}}, Preview: mediaTypeEyeScreamPreview}.verify(t, r)
		writeFixture(t, w, http.StatusOK, "pre_receive_hooks/list_for_repo.json")
	})
	got, _, err := env.Client.PreReceiveHooks.ListForRepo(context.Background(), "octo/cat", "hello world#", &PreReceiveListOptions{
		Sort: PreReceiveSortName, ListOptions: ListOptions{PerPage: 10},
	})
	require.NoError(t, err, "ListForRepo")
	assertFields(t, "ListForRepo", got, []*RepoPreReceiveHook{
		{ID: 42, Name: "Check Commits", Enforcement: EnforcementDisabled, ConfigurationURL: "https://github.example.com/api/v3/orgs/octocat/pre-receive-hooks/42"},
	})
	assertFixtureFullyMapped(t, "pre_receive_hooks/list_for_repo.json", []*RepoPreReceiveHook{})
}

func TestPreReceiveHooksService_ListForRepoIter(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/repos/octocat/hello-world/pre-receive-hooks", Preview: mediaTypeEyeScreamPreview, Reply: "pre_receive_hooks/list_for_repo.json"})
	var n int
	for h, err := range env.Client.PreReceiveHooks.ListForRepoIter(context.Background(), "octocat", "hello-world", nil) {
		require.NoError(t, err, "ListForRepoIter")
		if h.ID != 42 {
			t.Errorf("hook %d, want 42", h.ID)
		}
		n++
	}
	if n != 1 {
		t.Errorf("%d hooks, want 1", n)
	}
}

func TestPreReceiveHooksService_GetForRepo(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/repos/octocat/hello-world/pre-receive-hooks/42", Preview: mediaTypeEyeScreamPreview, Reply: "pre_receive_hooks/get_for_repo.json"})
	got, _, err := env.Client.PreReceiveHooks.GetForRepo(context.Background(), "octocat", "hello-world", 42)
	require.NoError(t, err, "GetForRepo")
	assertFields(t, "GetForRepo", got, &RepoPreReceiveHook{
		ID: 42, Name: "Check Commits", Enforcement: EnforcementDisabled,
		ConfigurationURL: "https://github.example.com/api/v3/orgs/octocat/pre-receive-hooks/42",
	})
	assertFixtureFullyMapped(t, "pre_receive_hooks/get_for_repo.json", RepoPreReceiveHook{})
}

func TestPreReceiveHooksService_UpdateForRepo(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPatch, Path: "/repos/octocat/hello-world/pre-receive-hooks/42", Preview: mediaTypeEyeScreamPreview, JSON: `{"enforcement":"enabled"}`, Reply: "pre_receive_hooks/update_for_repo.json"})
	got, _, err := env.Client.PreReceiveHooks.UpdateForRepo(context.Background(), "octocat", "hello-world", 42, UpdateRepoPreReceiveHookRequest{
		Enforcement: Ptr(EnforcementEnabled),
	})
	require.NoError(t, err, "UpdateForRepo")
	assertFields(t, "UpdateForRepo", got, &RepoPreReceiveHook{
		ID: 42, Name: "Check Commits", Enforcement: EnforcementEnabled,
		ConfigurationURL: "https://github.example.com/api/v3/repos/octocat/hello-world/pre-receive-hooks/42",
	})
	assertFixtureFullyMapped(t, "pre_receive_hooks/update_for_repo.json", RepoPreReceiveHook{})
}

func TestPreReceiveHooksService_RemoveForRepo(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodDelete, Path: "/repos/octocat/hello-world/pre-receive-hooks/42", Preview: mediaTypeEyeScreamPreview, Reply: "pre_receive_hooks/remove_for_repo.json"})
	got, resp, err := env.Client.PreReceiveHooks.RemoveForRepo(context.Background(), "octocat", "hello-world", 42)
	requireStatus(t, resp, err, http.StatusOK)
	assertFields(t, "RemoveForRepo", got, &RepoPreReceiveHook{
		ID: 42, Name: "Check Commits", Enforcement: EnforcementDisabled,
		ConfigurationURL: "https://github.example.com/api/v3/orgs/octocat/pre-receive-hooks/42",
	})
	assertFixtureFullyMapped(t, "pre_receive_hooks/remove_for_repo.json", RepoPreReceiveHook{})
}

func TestPreReceiveHooksService_badPathArguments(t *testing.T) {
	env := setup(t) // no handler: nothing may be sent
	ctx := context.Background()
	errs := []error{}
	_, _, err := env.Client.PreReceiveHooks.ListForOrg(ctx, "", nil)
	errs = append(errs, err)
	_, _, err = env.Client.PreReceiveHooks.GetForOrg(ctx, "..", 1)
	errs = append(errs, err)
	_, _, err = env.Client.PreReceiveHooks.RemoveForRepo(ctx, "octocat", ".", 1)
	errs = append(errs, err)
	_, _, err = env.Client.PreReceiveHooks.UpdateForRepo(ctx, "", "r", 1, UpdateRepoPreReceiveHookRequest{})
	errs = append(errs, err)
	for i, err := range errs {
		if !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("call %d: error = %v, want ErrInvalidArgument", i, err)
		}
	}
}
