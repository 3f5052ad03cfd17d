package ghesadmin

import (
	"context"
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

// TestPreReceiveHooksEndpoints checks the request of every pre-receive
// hook call (the preview in Accept, escaped segments) and every field of
// its reply.
func TestPreReceiveHooksEndpoints(t *testing.T) {
	preview := func(method, path, body, reply string) call {
		return call{Method: method, Path: path, Preview: mediaTypeEyeScreamPreview, JSON: body, Reply: reply}
	}
	created := func(c call) call { c.Status = http.StatusCreated; return c }
	const (
		admin = "/admin/pre-receive-hooks"
		repo  = "/repos/octocat/hello-world/pre-receive-hooks/42"
	)
	p := func(c *Client) *PreReceiveHooksService { return c.PreReceiveHooks }
	updated := wantCheckCommits(t)
	updated.AllowDownstreamConfiguration = true
	updated.Environment = *wantDefaultEnv(t, 1, DownloadStateSuccess)
	adminOrgHook := wantOrgHook(EnforcementDisabled, "https://github.example.com/api/v3/admin/pre-receive-hooks/42", true)
	repoHook := func(e Enforcement, configURL string) *RepoPreReceiveHook {
		return &RepoPreReceiveHook{ID: 42, Name: "Check Commits", Enforcement: e, ConfigurationURL: configURL}
	}
	orgRepoHook := repoHook(EnforcementDisabled, "https://github.example.com/api/v3/orgs/octocat/pre-receive-hooks/42")
	runStrictEndpointCases(t, []endpointCase{
		{"List", call{Method: http.MethodGet, Path: admin, Query: url.Values{"sort": {"created"}, "direction": {"desc"}, "per_page": {"100"}}, Preview: mediaTypeEyeScreamPreview, Reply: "pre_receive_hooks/list.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return p(c).List(ctx, &PreReceiveListOptions{Sort: PreReceiveSortCreated, Direction: "desc", ListOptions: ListOptions{PerPage: 100}})
			}, []*PreReceiveHook{wantCheckCommits(t)}},
		// The reference's request example.
		{"Create", created(preview(http.MethodPost, admin, `{"name":"Check Commits","script":"scripts/commit_check.sh","enforcement":"disabled","allow_downstream_configuration":false,"script_repository":{"full_name":"DevIT/hooks"},"environment":{"id":2}}`, "pre_receive_hooks/create.json")),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return p(c).Create(ctx, CreatePreReceiveHookRequest{
					Name:                         "Check Commits",
					Script:                       "scripts/commit_check.sh",
					ScriptRepository:             PreReceiveScriptRepositoryRef{FullName: "DevIT/hooks"},
					Environment:                  PreReceiveEnvironmentRef{ID: 2},
					Enforcement:                  Ptr(EnforcementDisabled),
					AllowDownstreamConfiguration: Ptr(false),
				})
			}, wantCheckCommits(t)},
		{"Create required fields only", created(preview(http.MethodPost, admin, `{"name":"n","script":"s.sh","script_repository":{"full_name":"o/r"},"environment":{"id":1}}`, "pre_receive_hooks/create.json")),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return p(c).Create(ctx, CreatePreReceiveHookRequest{
					Name: "n", Script: "s.sh", ScriptRepository: PreReceiveScriptRepositoryRef{FullName: "o/r"}, Environment: PreReceiveEnvironmentRef{ID: 1},
				})
			}, wantCheckCommits(t)},
		{"Get", preview(http.MethodGet, admin+"/1", "", "pre_receive_hooks/get.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) { return p(c).Get(ctx, 1) }, wantCheckCommits(t)},
		// The reference's request example.
		{"Update", preview(http.MethodPatch, admin+"/1", `{"name":"Check Commits","environment":{"id":1},"allow_downstream_configuration":true}`, "pre_receive_hooks/update.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return p(c).Update(ctx, 1, UpdatePreReceiveHookRequest{
					Name:                         Ptr("Check Commits"),
					Environment:                  &PreReceiveEnvironmentRef{ID: 1},
					AllowDownstreamConfiguration: Ptr(true),
				})
			}, updated},
		{"Update every field", preview(http.MethodPatch, admin+"/1", `{"name":"n","script":"s.sh","script_repository":{"full_name":"o/r"},"environment":{"id":3},"enforcement":"testing","allow_downstream_configuration":false}`, "pre_receive_hooks/update.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return p(c).Update(ctx, 1, UpdatePreReceiveHookRequest{
					Name: Ptr("n"), Script: Ptr("s.sh"), ScriptRepository: &PreReceiveScriptRepositoryRef{FullName: "o/r"},
					Environment: &PreReceiveEnvironmentRef{ID: 3}, Enforcement: Ptr(EnforcementTesting), AllowDownstreamConfiguration: Ptr(false),
				})
			}, updated},
		{"Delete", call{Method: http.MethodDelete, Path: admin + "/1", Preview: mediaTypeEyeScreamPreview, Status: http.StatusNoContent},
			func(ctx context.Context, c *Client) (any, *Response, error) { return noResult(p(c).Delete(ctx, 1)) }, nil},
		// The organization is one escaped segment.
		{"ListForOrg", call{Method: http.MethodGet, Path: "/orgs/octo%20org%2Fx%3F/pre-receive-hooks", Query: url.Values{"sort": {"updated"}, "direction": {"asc"}, "page": {"3"}}, Preview: mediaTypeEyeScreamPreview, Reply: "pre_receive_hooks/list_for_org.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return p(c).ListForOrg(ctx, "octo org/x?", &PreReceiveListOptions{Sort: PreReceiveSortUpdated, Direction: "asc", ListOptions: ListOptions{Page: 3}})
			}, []*OrgPreReceiveHook{adminOrgHook}},
		{"GetForOrg", preview(http.MethodGet, "/orgs/octo-org/pre-receive-hooks/42", "", "pre_receive_hooks/get_for_org.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return p(c).GetForOrg(ctx, "octo-org", 42)
			}, adminOrgHook},
		{"UpdateForOrg", preview(http.MethodPatch, "/orgs/octocat/pre-receive-hooks/42", `{"enforcement":"enabled","allow_downstream_configuration":false}`, "pre_receive_hooks/update_for_org.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return p(c).UpdateForOrg(ctx, "octocat", 42, UpdateOrgPreReceiveHookRequest{Enforcement: Ptr(EnforcementEnabled), AllowDownstreamConfiguration: Ptr(false)})
			}, wantOrgHook(EnforcementEnabled, "https://github.example.com/api/v3/orgs/octocat/pre-receive-hooks/42", false)},
		{"RemoveForOrg", preview(http.MethodDelete, "/orgs/octo-org/pre-receive-hooks/42", "", "pre_receive_hooks/remove_for_org.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return p(c).RemoveForOrg(ctx, "octo-org", 42)
			}, adminOrgHook},
		// Owner and repository are one escaped segment each.
		{"ListForRepo", call{Method: http.MethodGet, Path: "/repos/octo%2Fcat/hello%20world%23/pre-receive-hooks", Query: url.Values{"sort": {"name"}, "per_page": {"10"}}, Preview: mediaTypeEyeScreamPreview, Reply: "pre_receive_hooks/list_for_repo.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return p(c).ListForRepo(ctx, "octo/cat", "hello world#", &PreReceiveListOptions{Sort: PreReceiveSortName, ListOptions: ListOptions{PerPage: 10}})
			}, []*RepoPreReceiveHook{orgRepoHook}},
		{"GetForRepo", preview(http.MethodGet, repo, "", "pre_receive_hooks/get_for_repo.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return p(c).GetForRepo(ctx, "octocat", "hello-world", 42)
			}, orgRepoHook},
		{"UpdateForRepo", preview(http.MethodPatch, repo, `{"enforcement":"enabled"}`, "pre_receive_hooks/update_for_repo.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return p(c).UpdateForRepo(ctx, "octocat", "hello-world", 42, UpdateRepoPreReceiveHookRequest{Enforcement: Ptr(EnforcementEnabled)})
			}, repoHook(EnforcementEnabled, "https://github.example.com/api/v3/repos/octocat/hello-world/pre-receive-hooks/42")},
		{"RemoveForRepo", preview(http.MethodDelete, repo, "", "pre_receive_hooks/remove_for_repo.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return p(c).RemoveForRepo(ctx, "octocat", "hello-world", 42)
			}, orgRepoHook},
	})
}

func wantOrgHook(enforcement Enforcement, configURL string, downstream bool) *OrgPreReceiveHook {
	return &OrgPreReceiveHook{ID: 42, Name: "Check Commits", Enforcement: enforcement, ConfigurationURL: configURL, AllowDownstreamConfiguration: downstream}
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

func TestPreReceiveHooksService_ListForRepoIter(t *testing.T) {
	runWalkCases(t, []walkCase{{name: "one page", path: "/repos/octocat/hello-world/pre-receive-hooks", preview: mediaTypeEyeScreamPreview, pages: []walkPage{
		{reply: string(fixture(t, "pre_receive_hooks/list_for_repo.json"))},
	}, walk: func(ctx context.Context, c *Client) ([]int64, error) {
		return collectIDs(c.PreReceiveHooks.ListForRepoIter(ctx, "octocat", "hello-world", nil), func(h *RepoPreReceiveHook) int64 { return h.ID })
	}, want: []int64{42}}})
}

func TestPreReceiveHooksService_badPathArguments(t *testing.T) {
	env := mock(t) // no expectation: anything sent fails the test
	ctx, p := context.Background(), env.Client.PreReceiveHooks
	checkRefusals(t, []refusal{
		{"empty org", second3(p.ListForOrg(ctx, "", nil)), "PreReceiveHooks.ListForOrg", "org"},
		{"org ..", second3(p.GetForOrg(ctx, "..", 1)), "PreReceiveHooks.GetForOrg", "org"},
		{"repo .", second3(p.RemoveForRepo(ctx, "octocat", ".", 1)), "PreReceiveHooks.RemoveForRepo", "repo"},
		{"empty owner", second3(p.UpdateForRepo(ctx, "", "r", 1, UpdateRepoPreReceiveHookRequest{})), "PreReceiveHooks.UpdateForRepo", "owner"},
	})
}
