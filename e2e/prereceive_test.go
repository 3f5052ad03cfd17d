package e2e_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

const (
	msgDefaultEnv      = "Cannot modify or delete the default environment"
	msgEnvHasHooks     = "Cannot delete environment that has hooks"
	msgEnvDownloading  = "Cannot delete environment when download is in progress"
	msgDownloadRunning = "Can not start a new download when a download is in progress"
)

// preReceiveSeed seeds the fakes of the pre-receive tests: a user, an
// organization, the repositories of hook scripts, and three status reads
// per download.
var preReceiveSeed = []ghestest.Option{
	ghestest.WithUsers(ghestest.User{Login: "hubot", Email: "hubot@example.com"}),
	ghestest.WithOrgs(ghestest.Org{Login: "github", Admin: "hubot"}),
	ghestest.WithRepos(ghestest.Repo{Owner: "github", Name: "hook-scripts"}, ghestest.Repo{Owner: "github", Name: "app"}, ghestest.Repo{Owner: "hubot", Name: "dotfiles"}),
	ghestest.WithStatusReads(3),
}

func envNames(envs []*ghesadmin.PreReceiveEnvironment) []string {
	var out []string
	for _, e := range envs {
		out = append(out, e.Name)
	}
	return out
}

// TestPreReceiveEnvironments runs the environment workflow. On 2.22 the
// fake answers 415 without the eye-scream preview.
func TestPreReceiveEnvironments(t *testing.T) {
	onFakes(t, versions, preReceiveSeed, func(t *testing.T, c context.Context, srv *ghestest.Server, client *ghesadmin.Client) {

		// The default environment cannot be changed.
		def := srv.DefaultEnvironmentID()
		_, _, err := client.PreReceiveEnvironments.Update(c, def, ghesadmin.UpdatePreReceiveEnvironmentRequest{Name: ghesadmin.Ptr("mine")})
		wantValidation(t, "Update default", err, "PreReceiveEnvironment", "", "custom", msgDefaultEnv)
		_, err = client.PreReceiveEnvironments.Delete(c, def)
		wantValidation(t, "Delete default", err, "PreReceiveEnvironment", "", "custom", msgDefaultEnv)
		_, _, err = client.PreReceiveEnvironments.StartDownload(c, def)
		wantValidation(t, "StartDownload default", err, "PreReceiveEnvironment", "", "custom", msgDefaultEnv)
		d, _, err := client.PreReceiveEnvironments.Get(c, def)
		must(t, "Get default", err)
		if !d.DefaultEnvironment || d.Name != "Default" || d.ImageURL != "githubenterprise://internal" || d.Download.State != ghesadmin.DownloadStateSuccess {
			t.Errorf("default environment: %+v", d)
		}

		// Create three.
		env, resp, err := client.PreReceiveEnvironments.Create(c, ghesadmin.CreatePreReceiveEnvironmentRequest{Name: "DevTools Hook Env", ImageURL: "https://files.example.com/devtools.tar.gz"})
		must(t, "Create", err)
		wantStatus(t, "Create", resp, http.StatusCreated)
		if env.ID == 0 || env.Name != "DevTools Hook Env" || env.ImageURL != "https://files.example.com/devtools.tar.gz" || env.DefaultEnvironment || env.HooksCount != 0 ||
			env.Download.State != ghesadmin.DownloadStateNotStarted || env.Download.DownloadedAt != nil || env.Download.Message != nil ||
			!strings.HasSuffix(env.URL, "/admin/pre-receive-environments/"+strconv.FormatInt(env.ID, 10)) ||
			env.Download.URL != env.URL+"/downloads/latest" || env.CreatedAt.IsZero() {
			t.Errorf("Create: %+v", env)
		}
		broken, _, err := client.PreReceiveEnvironments.Create(c, ghesadmin.CreatePreReceiveEnvironmentRequest{Name: "broken env", ImageURL: "https://files.broken.invalid/env.tar.gz"})
		must(t, "Create broken", err)
		_, _, err = client.PreReceiveEnvironments.Create(c, ghesadmin.CreatePreReceiveEnvironmentRequest{Name: "Alpha", ImageURL: "https://files.example.com/alpha.tar.gz"})
		must(t, "Create alpha", err)
		_, _, err = client.PreReceiveEnvironments.Create(c, ghesadmin.CreatePreReceiveEnvironmentRequest{Name: "alpha", ImageURL: "https://files.example.com/other.tar.gz"})
		wantValidation(t, "Create taken name", err, "PreReceiveEnvironment", "name", "already_exists", "taken")

		// List with sort, one per page.
		list := func(opts *ghesadmin.PreReceiveListOptions) []string {
			t.Helper()
			out := walk(t, "ListIter", client.PreReceiveEnvironments.ListIter(c, opts))
			return envNames(out)
		}
		srv.ResetRequestCounts()
		byName := list(&ghesadmin.PreReceiveListOptions{Sort: ghesadmin.PreReceiveSortName, Direction: ghesadmin.DirectionAsc, ListOptions: ghesadmin.ListOptions{PerPage: 1}})
		if want := []string{"Alpha", "broken env", "Default", "DevTools Hook Env"}; !slices.Equal(byName, want) {
			t.Fatalf("sorted by name: %v, want %v", byName, want)
		}
		if n := srv.RequestCount("GET", "/admin/pre-receive-environments"); n != 4 {
			t.Errorf("ListIter: %d requests for 4 environments one per page", n)
		}
		if got := list(&ghesadmin.PreReceiveListOptions{Sort: ghesadmin.PreReceiveSortName, ListOptions: ghesadmin.ListOptions{PerPage: 3}}); !slices.Equal(got, []string{"DevTools Hook Env", "Default", "broken env", "Alpha"}) {
			t.Errorf("sorted by name desc: %v", got)
		}
		if got := list(&ghesadmin.PreReceiveListOptions{Direction: ghesadmin.DirectionAsc}); !slices.Equal(got, []string{"Default", "DevTools Hook Env", "broken env", "Alpha"}) {
			t.Errorf("sorted by creation: %v", got)
		}

		// Update.
		up, _, err := client.PreReceiveEnvironments.Update(c, env.ID, ghesadmin.UpdatePreReceiveEnvironmentRequest{Name: ghesadmin.Ptr("DevTools Env")})
		must(t, "Update", err)
		if up.Name != "DevTools Env" || up.ImageURL != env.ImageURL {
			t.Errorf("Update: %+v", up)
		}

		// Download: 202, a second start and a delete are refused while it
		// runs, then it reaches success.
		dl, resp, err := client.PreReceiveEnvironments.StartDownload(c, env.ID)
		must(t, "StartDownload", err)
		wantStatus(t, "StartDownload", resp, http.StatusAccepted)
		if dl.State == ghesadmin.DownloadStateSuccess || dl.State == ghesadmin.DownloadStateFailed || dl.URL != env.Download.URL {
			t.Errorf("StartDownload: %+v", dl)
		}
		_, _, err = client.PreReceiveEnvironments.StartDownload(c, env.ID)
		wantValidation(t, "StartDownload in progress", err, "PreReceiveEnvironment", "", "custom", msgDownloadRunning)
		_, err = client.PreReceiveEnvironments.Delete(c, env.ID)
		wantValidation(t, "Delete while downloading", err, "PreReceiveEnvironment", "", "custom", msgEnvDownloading)
		srv.ResetRequestCounts()
		dl, _, err = client.PreReceiveEnvironments.WaitForDownload(c, env.ID, fastWait)
		must(t, "WaitForDownload", err)
		if dl.State != ghesadmin.DownloadStateSuccess || dl.DownloadedAt == nil || dl.Message != nil {
			t.Fatalf("WaitForDownload: %+v", dl)
		}
		if n := srv.RequestCount("GET", "/admin/pre-receive-environments/"+strconv.FormatInt(env.ID, 10)+"/downloads/latest"); n != 3 {
			t.Errorf("WaitForDownload polled %d times, want 3 (the fake's status reads)", n)
		}
		got, _, err := client.PreReceiveEnvironments.Get(c, env.ID)
		must(t, "Get after download", err)
		if got.Download.State != ghesadmin.DownloadStateSuccess || got.Download.DownloadedAt == nil || !got.Download.DownloadedAt.Equal(*dl.DownloadedAt) {
			t.Errorf("Get after download: %+v", got.Download)
		}

		// An unreachable image fails with its message.
		_, _, err = client.PreReceiveEnvironments.StartDownload(c, broken.ID)
		must(t, "StartDownload broken", err)
		dl, _, err = client.PreReceiveEnvironments.WaitForDownload(c, broken.ID, fastWait)
		var de *ghesadmin.PreReceiveDownloadError
		if !errors.As(err, &de) {
			t.Fatalf("WaitForDownload broken: %v (%T), want *PreReceiveDownloadError", err, err)
		}
		if de.EnvironmentID != broken.ID || !strings.Contains(de.Message, "files.broken.invalid") || !strings.Contains(err.Error(), de.Message) {
			t.Errorf("PreReceiveDownloadError: %+v", de)
		}
		if dl == nil || dl.State != ghesadmin.DownloadStateFailed || dl.Message == nil || *dl.Message != de.Message {
			t.Errorf("WaitForDownload broken: status %+v", dl)
		}
		st, _, err := client.PreReceiveEnvironments.DownloadStatus(c, broken.ID)
		must(t, "DownloadStatus broken", err)
		if st.State != ghesadmin.DownloadStateFailed || st.Message == nil || *st.Message != de.Message {
			t.Errorf("DownloadStatus broken: %+v", st)
		}

		// An environment with hooks cannot be deleted.
		hook, _, err := client.PreReceiveHooks.Create(c, ghesadmin.CreatePreReceiveHookRequest{
			Name: "check", Script: "check.sh",
			ScriptRepository: ghesadmin.PreReceiveScriptRepositoryRef{FullName: "github/hook-scripts"},
			Environment:      ghesadmin.PreReceiveEnvironmentRef{ID: env.ID},
		})
		must(t, "PreReceiveHooks.Create", err)
		if got, _, _ := client.PreReceiveEnvironments.Get(c, env.ID); got == nil || got.HooksCount != 1 {
			t.Errorf("HooksCount after a hook: %+v", got)
		}
		_, err = client.PreReceiveEnvironments.Delete(c, env.ID)
		wantValidation(t, "Delete with hooks", err, "PreReceiveEnvironment", "", "custom", msgEnvHasHooks)
		_, err = client.PreReceiveHooks.Delete(c, hook.ID)
		must(t, "PreReceiveHooks.Delete", err)
		resp, err = client.PreReceiveEnvironments.Delete(c, env.ID)
		must(t, "Delete", err)
		wantStatus(t, "Delete", resp, http.StatusNoContent)
		_, _, err = client.PreReceiveEnvironments.Get(c, env.ID)
		wantIs(t, "Get deleted", err, ghesadmin.ErrNotFound, http.StatusNotFound)
	})
}

func TestPreReceiveHooks(t *testing.T) {
	onFakes(t, versions, preReceiveSeed, func(t *testing.T, c context.Context, srv *ghestest.Server, client *ghesadmin.Client) {
		env, _, err := client.PreReceiveEnvironments.Create(c, ghesadmin.CreatePreReceiveEnvironmentRequest{Name: "env", ImageURL: "https://files.example.com/env.tar.gz"})
		must(t, "Create environment", err)

		// The script repository must exist.
		_, _, err = client.PreReceiveHooks.Create(c, ghesadmin.CreatePreReceiveHookRequest{
			Name: "nope", Script: "x.sh", ScriptRepository: ghesadmin.PreReceiveScriptRepositoryRef{FullName: "github/missing"}, Environment: ghesadmin.PreReceiveEnvironmentRef{ID: env.ID},
		})
		wantValidation(t, "Create with an unknown repository", err, "PreReceiveHook", "script_repository", "invalid", "does not exist")

		open, resp, err := client.PreReceiveHooks.Create(c, ghesadmin.CreatePreReceiveHookRequest{
			Name: "check-commits", Script: "scripts/check_commits.sh",
			ScriptRepository:             ghesadmin.PreReceiveScriptRepositoryRef{FullName: "github/hook-scripts"},
			Environment:                  ghesadmin.PreReceiveEnvironmentRef{ID: env.ID},
			Enforcement:                  ghesadmin.Ptr(ghesadmin.EnforcementTesting),
			AllowDownstreamConfiguration: ghesadmin.Ptr(true),
		})
		must(t, "Create", err)
		wantStatus(t, "Create", resp, http.StatusCreated)
		if open.ID == 0 || open.Name != "check-commits" || open.Script != "scripts/check_commits.sh" || open.Enforcement != ghesadmin.EnforcementTesting || !open.AllowDownstreamConfiguration {
			t.Errorf("Create: %+v", open)
		}
		if sr := open.ScriptRepository; sr.ID != srv.RepoID("github", "hook-scripts") || sr.FullName != "github/hook-scripts" || !strings.HasSuffix(sr.URL, "/repos/github/hook-scripts") {
			t.Errorf("Create: script repository %+v", sr)
		}
		if open.Environment.ID != env.ID || open.Environment.Name != "env" || open.Environment.HooksCount != 1 {
			t.Errorf("Create: environment %+v", open.Environment)
		}
		locked, _, err := client.PreReceiveHooks.Create(c, ghesadmin.CreatePreReceiveHookRequest{
			Name: "block-secrets", Script: "scripts/secrets.sh",
			ScriptRepository: ghesadmin.PreReceiveScriptRepositoryRef{FullName: "github/hook-scripts"},
			Environment:      ghesadmin.PreReceiveEnvironmentRef{ID: srv.DefaultEnvironmentID()},
			Enforcement:      ghesadmin.Ptr(ghesadmin.EnforcementEnabled),
		})
		must(t, "Create locked", err)
		if locked.AllowDownstreamConfiguration || locked.Enforcement != ghesadmin.EnforcementEnabled {
			t.Errorf("Create locked: %+v", locked)
		}

		// Admin level: list sorted, get, update.
		names := collect(t, "ListIter", client.PreReceiveHooks.ListIter(c, &ghesadmin.PreReceiveListOptions{Sort: ghesadmin.PreReceiveSortName, Direction: ghesadmin.DirectionAsc, ListOptions: ghesadmin.ListOptions{PerPage: 1}}), func(h *ghesadmin.PreReceiveHook) string { return h.Name })
		if !slices.Equal(names, []string{"block-secrets", "check-commits"}) {
			t.Errorf("ListIter by name: %v", names)
		}
		page, _, err := client.PreReceiveHooks.List(c, &ghesadmin.PreReceiveListOptions{Direction: ghesadmin.DirectionAsc})
		must(t, "List", err)
		if len(page) != 2 || page[0].ID != open.ID || page[1].ID != locked.ID {
			t.Errorf("List by creation: %+v", page)
		}
		up, _, err := client.PreReceiveHooks.Update(c, open.ID, ghesadmin.UpdatePreReceiveHookRequest{Name: ghesadmin.Ptr("check-commits-v2"), Script: ghesadmin.Ptr("scripts/v2.sh")})
		must(t, "Update", err)
		if up.Name != "check-commits-v2" || up.Script != "scripts/v2.sh" || up.Enforcement != ghesadmin.EnforcementTesting || !up.AllowDownstreamConfiguration {
			t.Errorf("Update: %+v", up)
		}
		got, _, err := client.PreReceiveHooks.Get(c, open.ID)
		must(t, "Get", err)
		if got.Name != "check-commits-v2" || got.ScriptRepository.FullName != "github/hook-scripts" {
			t.Errorf("Get: %+v", got)
		}

		adminURL := "/admin/pre-receive-hooks/" + strconv.FormatInt(open.ID, 10)
		orgURL := "/orgs/github/pre-receive-hooks/" + strconv.FormatInt(open.ID, 10)
		repoURL := "/repos/github/app/pre-receive-hooks/" + strconv.FormatInt(open.ID, 10)

		// Organization level: inherits, overrides, removes the override.
		oh, _, err := client.PreReceiveHooks.GetForOrg(c, "github", open.ID)
		must(t, "GetForOrg", err)
		if oh.Enforcement != ghesadmin.EnforcementTesting || !strings.HasSuffix(oh.ConfigurationURL, adminURL) || !oh.AllowDownstreamConfiguration || oh.Name != "check-commits-v2" {
			t.Errorf("GetForOrg inherited: %+v", oh)
		}
		oh, _, err = client.PreReceiveHooks.UpdateForOrg(c, "github", open.ID, ghesadmin.UpdateOrgPreReceiveHookRequest{Enforcement: ghesadmin.Ptr(ghesadmin.EnforcementEnabled)})
		must(t, "UpdateForOrg", err)
		if oh.Enforcement != ghesadmin.EnforcementEnabled || !strings.HasSuffix(oh.ConfigurationURL, orgURL) || !oh.AllowDownstreamConfiguration {
			t.Errorf("UpdateForOrg: %+v", oh)
		}
		orgHooks := walk(t, "ListForOrgIter", client.PreReceiveHooks.ListForOrgIter(c, "github", &ghesadmin.PreReceiveListOptions{Direction: ghesadmin.DirectionAsc, ListOptions: ghesadmin.ListOptions{PerPage: 1}}))
		if len(orgHooks) != 2 || orgHooks[0].Enforcement != ghesadmin.EnforcementEnabled || orgHooks[1].ID != locked.ID || orgHooks[1].AllowDownstreamConfiguration {
			t.Errorf("ListForOrgIter: %+v", orgHooks)
		}
		oh, resp, err = client.PreReceiveHooks.RemoveForOrg(c, "github", open.ID)
		must(t, "RemoveForOrg", err)
		wantStatus(t, "RemoveForOrg", resp, http.StatusOK)
		if oh.Enforcement != ghesadmin.EnforcementTesting || !strings.HasSuffix(oh.ConfigurationURL, adminURL) {
			t.Errorf("RemoveForOrg: %+v, want the instance's testing", oh)
		}
		// The instance level forbids overriding the locked hook.
		_, _, err = client.PreReceiveHooks.UpdateForOrg(c, "github", locked.ID, ghesadmin.UpdateOrgPreReceiveHookRequest{Enforcement: ghesadmin.Ptr(ghesadmin.EnforcementDisabled)})
		wantValidation(t, "UpdateForOrg locked", err, "PreReceiveHook", "", "custom", "allow_downstream_configuration")
		if oh, _, _ := client.PreReceiveHooks.GetForOrg(c, "github", locked.ID); oh == nil || oh.Enforcement != ghesadmin.EnforcementEnabled {
			t.Errorf("the refused override changed the hook: %+v", oh)
		}

		// Repository level under an organization override.
		_, _, err = client.PreReceiveHooks.UpdateForOrg(c, "github", open.ID, ghesadmin.UpdateOrgPreReceiveHookRequest{Enforcement: ghesadmin.Ptr(ghesadmin.EnforcementEnabled)})
		must(t, "UpdateForOrg again", err)
		rh, _, err := client.PreReceiveHooks.UpdateForRepo(c, "github", "app", open.ID, ghesadmin.UpdateRepoPreReceiveHookRequest{Enforcement: ghesadmin.Ptr(ghesadmin.EnforcementDisabled)})
		must(t, "UpdateForRepo", err)
		if rh.Enforcement != ghesadmin.EnforcementDisabled || !strings.HasSuffix(rh.ConfigurationURL, repoURL) || rh.Name != "check-commits-v2" {
			t.Errorf("UpdateForRepo: %+v", rh)
		}
		rh, _, err = client.PreReceiveHooks.GetForRepo(c, "github", "app", open.ID)
		must(t, "GetForRepo", err)
		if rh.Enforcement != ghesadmin.EnforcementDisabled {
			t.Errorf("GetForRepo: %+v", rh)
		}
		repoHooks := walk(t, "ListForRepoIter", client.PreReceiveHooks.ListForRepoIter(c, "github", "app", &ghesadmin.PreReceiveListOptions{Direction: ghesadmin.DirectionAsc, ListOptions: ghesadmin.ListOptions{PerPage: 1}}))
		if len(repoHooks) != 2 || repoHooks[0].Enforcement != ghesadmin.EnforcementDisabled || repoHooks[1].Enforcement != ghesadmin.EnforcementEnabled {
			t.Errorf("ListForRepoIter: %+v", repoHooks)
		}
		rh, resp, err = client.PreReceiveHooks.RemoveForRepo(c, "github", "app", open.ID)
		must(t, "RemoveForRepo", err)
		wantStatus(t, "RemoveForRepo", resp, http.StatusOK)
		if rh.Enforcement != ghesadmin.EnforcementEnabled || !strings.HasSuffix(rh.ConfigurationURL, orgURL) {
			t.Errorf("RemoveForRepo: %+v, want the organization's enabled", rh)
		}
		// A user's repository inherits from the instance.
		rh, _, err = client.PreReceiveHooks.GetForRepo(c, "hubot", "dotfiles", open.ID)
		must(t, "GetForRepo user repo", err)
		if rh.Enforcement != ghesadmin.EnforcementTesting || !strings.HasSuffix(rh.ConfigurationURL, adminURL) {
			t.Errorf("GetForRepo user repo: %+v", rh)
		}

		// The organization forbids its repositories to override; the
		// instance forbids it for the locked hook.
		_, _, err = client.PreReceiveHooks.UpdateForOrg(c, "github", open.ID, ghesadmin.UpdateOrgPreReceiveHookRequest{AllowDownstreamConfiguration: ghesadmin.Ptr(false)})
		must(t, "UpdateForOrg downstream false", err)
		_, _, err = client.PreReceiveHooks.UpdateForRepo(c, "github", "app", open.ID, ghesadmin.UpdateRepoPreReceiveHookRequest{Enforcement: ghesadmin.Ptr(ghesadmin.EnforcementDisabled)})
		wantValidation(t, "UpdateForRepo under a locked org", err, "PreReceiveHook", "", "custom", "allow_downstream_configuration")
		_, _, err = client.PreReceiveHooks.UpdateForRepo(c, "hubot", "dotfiles", locked.ID, ghesadmin.UpdateRepoPreReceiveHookRequest{Enforcement: ghesadmin.Ptr(ghesadmin.EnforcementDisabled)})
		wantValidation(t, "UpdateForRepo locked", err, "PreReceiveHook", "", "custom", "allow_downstream_configuration")

		// Delete both.
		for _, id := range []int64{open.ID, locked.ID} {
			resp, err := client.PreReceiveHooks.Delete(c, id)
			must(t, "Delete", err)
			wantStatus(t, "Delete", resp, http.StatusNoContent)
			_, _, err = client.PreReceiveHooks.Get(c, id)
			wantIs(t, "Get deleted", err, ghesadmin.ErrNotFound, http.StatusNotFound)
		}
		_, _, err = client.PreReceiveHooks.GetForOrg(c, "nope", open.ID)
		wantIs(t, "GetForOrg unknown org", err, ghesadmin.ErrNotFound, http.StatusNotFound)
	})
}
