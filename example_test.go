package ghesadmin_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"sync/atomic"
	"time"

	"github.com/ghesadmin/ghesadmin"
)

// A stand-in administration port for the examples: it answers the
// maintenance endpoint of the Management Console.
func exampleConsoleServer() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if user, pass, ok := r.BasicAuth(); !ok || user != "api_key" || pass != "console-password" {
			http.Error(w, `{"message":"Bad credentials"}`, http.StatusUnauthorized)
			return
		}
		switch r.Method + " " + r.URL.Path {
		case "POST /setup/api/maintenance":
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"status":"on","scheduled_time":"","connection_services":[{"name":"git operations","number":0}]}`)
		default:
			http.NotFound(w, r)
		}
	}))
}

// Turn maintenance mode on now through the Management Console (GHES 3.14
// and earlier). The console is on the administration port; its password goes
// as basic authentication.
func ExampleManagementConsoleService_SetMaintenance() {
	console := exampleConsoleServer()
	defer console.Close()

	client, err := ghesadmin.NewClient("https://ghe.example.com",
		ghesadmin.WithManagementConsole(console.URL, "console-password"))
	if err != nil {
		log.Fatal(err)
	}
	st, _, err := client.ManagementConsole.SetMaintenance(context.Background(),
		ghesadmin.MaintenanceRequest{Enabled: true, When: ghesadmin.Ptr("now")})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("maintenance:", st.Status)
	for _, s := range st.ConnectionServices {
		fmt.Printf("%s: %d\n", s.Name, s.Number)
	}
	// Output:
	// maintenance: on
	// git operations: 0
}

// Read the settings, change one, write them back and apply them. Settings
// the SDK does not know survive the round trip.
func ExampleManagementConsoleService_UpdateSettings() {
	ctx := context.Background()
	client, err := ghesadmin.NewClient("https://ghe.example.com",
		ghesadmin.WithManagementConsole("", "console-password")) // https://ghe.example.com:8443
	if err != nil {
		log.Fatal(err)
	}
	settings, _, err := client.ManagementConsole.Settings(ctx)
	if err != nil {
		log.Fatal(err)
	}
	settings.Enterprise.SMTP.Enabled = ghesadmin.Ptr(true)
	if _, err := client.ManagementConsole.UpdateSettings(ctx, *settings); err != nil {
		log.Fatal(err)
	}
	if _, err := client.ManagementConsole.StartConfiguration(ctx); err != nil {
		log.Fatal(err)
	}
	if _, _, err := client.ManagementConsole.WaitForConfiguration(ctx); err != nil {
		log.Fatal(err)
	}
}

// A stand-in GHES for the Manage and Meta examples: GET /api/v3/meta on
// the API origin, and the config apply endpoints of the Manage GHES API on
// the administration origin.
func exampleManageServers() (api, admin *httptest.Server) {
	api = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v3/meta" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"verifiable_password_authentication":true,"installed_version":"3.16.1"}`)
	}))
	admin = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if user, pass, ok := r.BasicAuth(); !ok || user != "api_key" || pass != "console-password" {
			http.Error(w, `{"message":"Bad credentials"}`, http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		switch r.Method + " " + r.URL.Path {
		case "POST /manage/v1/config/apply":
			_, _ = io.WriteString(w, `{"run_id":"d34db33f"}`)
		case "GET /manage/v1/config/apply":
			_, _ = io.WriteString(w, `{"running":false,"successful":true,"nodes":[{"run_id":"d34db33f","hostname":"ghes-01.lan","running":false,"successful":true}]}`)
		default:
			http.NotFound(w, r)
		}
	}))
	return api, admin
}

// Learn which administration API the server has from its version.
func ExampleAdminAPIForVersion() {
	for _, v := range []string{"enterprise-server@2.22.0", "3.12.4", "3.16.1"} {
		api, err := ghesadmin.AdminAPIForVersion(v)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %s\n", v, api)
	}
	// Output:
	// enterprise-server@2.22.0: ManagementConsole
	// 3.12.4: ManagementConsole+Manage+ManageMaintenance+ManageConfig
	// 3.16.1: Manage+ManageMaintenance+ManageConfig
}

// Ask the server for its version, then apply the configuration with the
// API it has and wait for the run to finish.
func ExampleManageService_WaitForConfigApply() {
	api, admin := exampleManageServers()
	defer api.Close()
	defer admin.Close()

	ctx := context.Background()
	client, err := ghesadmin.NewClient(api.URL,
		ghesadmin.WithToken("ghp_example"),
		ghesadmin.WithManagementConsole(admin.URL, "console-password"))
	if err != nil {
		log.Fatal(err)
	}
	meta, _, err := client.Meta.Get(ctx)
	if err != nil {
		log.Fatal(err)
	}
	adminAPI, err := ghesadmin.AdminAPIForVersion(meta.InstalledVersion)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("GHES", meta.InstalledVersion, "has", adminAPI)
	if !adminAPI.Has(ghesadmin.AdminAPIManageConfig) { // GHES 3.12 and later
		return // use client.ManagementConsole instead
	}
	run, _, err := client.Manage.ConfigApply(ctx, ghesadmin.ConfigApplyRequest{})
	if err != nil {
		log.Fatal(err)
	}
	st, _, err := client.Manage.WaitForConfigApply(ctx, run.RunID, ghesadmin.WaitInterval(10*time.Millisecond))
	if err != nil {
		log.Fatal(err) // a *ghesadmin.ConfigApplyError names the failed node and step
	}
	fmt.Println("run", run.RunID, "successful:", st.Successful)
	// Output:
	// GHES 3.16.1 has Manage+ManageMaintenance+ManageConfig
	// run d34db33f successful: true
}

// Upload a new license file, streamed from disk, and apply it.
func ExampleManageService_UploadLicense() {
	client, err := ghesadmin.NewClient("https://ghe.example.com",
		ghesadmin.WithManagementConsole("https://ghe.example.com:8443", os.Getenv("GHES_CONSOLE_PASSWORD")))
	if err != nil {
		log.Fatal(err)
	}
	f, err := os.Open("enterprise.ghl")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	out, _, err := client.Manage.UploadLicense(context.Background(), f, &ghesadmin.UploadLicenseOptions{Apply: ghesadmin.Ptr(true)})
	if err != nil {
		log.Fatal(err)
	}
	for _, line := range out {
		fmt.Println(line.Output)
	}
}

// Read the installed version and the administration API it implies.
func ExampleMetaService_AdminAPI() {
	api, admin := exampleManageServers()
	defer api.Close()
	defer admin.Close()

	client, err := ghesadmin.NewClient(api.URL, ghesadmin.WithToken("ghp_example"))
	if err != nil {
		log.Fatal(err)
	}
	adminAPI, _, err := client.Meta.AdminAPI(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("Management Console:", adminAPI.HasManagementConsole())
	fmt.Println("Manage GHES API:", adminAPI.HasManage())
	// Output:
	// Management Console: false
	// Manage GHES API: true
}

// exampleClient starts a stand-in for a GHES instance whose every request
// handler answers (only for the examples: use a real instance or
// ghestest), and returns a client of it with a token and the function that
// stops it.
func exampleClient(handler http.HandlerFunc) (*ghesadmin.Client, func()) {
	srv := httptest.NewServer(handler)
	client, err := ghesadmin.NewClient(srv.URL, ghesadmin.WithToken("ghp_example"))
	if err != nil {
		log.Fatal(err)
	}
	return client, srv.Close
}

// exampleReply answers every request with status and a JSON body.
func exampleReply(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { exampleStubJSON(w, status, body) }
}

// examplePages answers a list of two pages at path: the first (no key in
// the query) with first and a next link to path?key=next, the other with
// rest.
func examplePages(path, key, next, first, rest string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get(key) == "" {
			w.Header().Set("Link", `<http://`+r.Host+path+`?`+key+`=`+next+`>; rel="next"`)
			exampleStubJSON(w, http.StatusOK, first)
			return
		}
		exampleStubJSON(w, http.StatusOK, rest)
	}
}

// Suspend a user with a reason for the audit log. The server here stands in
// for a GHES instance.
func ExampleUsersService_Suspend() {
	client, stop := exampleClient(func(w http.ResponseWriter, r *http.Request) {
		fmt.Println(r.Method, r.URL.EscapedPath())
		w.WriteHeader(http.StatusNoContent)
	})
	defer stop()

	if _, err := client.Users.Suspend(context.Background(), "monalisa", "Left the company"); err != nil {
		log.Fatal(err)
	}
	// Output:
	// PUT /api/v3/users/monalisa/suspended
}

// Walk every SSH key used in the last 90 days, most recently used first,
// across all pages.
func ExampleUsersService_ListPublicKeysIter() {
	client, stop := exampleClient(examplePages("/api/v3/admin/keys", "page", "2", `[{"id":2,"title":"laptop"}]`, `[{"id":3,"title":"ci"}]`))
	defer stop()

	opts := &ghesadmin.ListPublicKeysOptions{
		Sort:      ghesadmin.PublicKeySortAccessed,
		Direction: ghesadmin.DirectionDesc,
		Since:     time.Now().AddDate(0, 0, -90),
	}
	for key, err := range client.Users.ListPublicKeysIter(context.Background(), opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(key.ID, key.Title)
	}
	// Output:
	// 2 laptop
	// 3 ci
}

// Create an organization managed by an existing user.
func ExampleOrganizationsService_Create() {
	client, stop := exampleClient(exampleReply(http.StatusCreated, `{"login":"octo-org","id":7,"description":null}`))
	defer stop()

	org, _, err := client.Organizations.Create(context.Background(), ghesadmin.CreateOrganizationRequest{
		Login:       "octo-org",
		Admin:       "monalisa",
		ProfileName: ghesadmin.Ptr("Octo Org"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(org.Login, org.ID)
	// Output:
	// octo-org 7
}

// Create a global webhook that receives JSON payloads signed with a secret.
// GHES returns the secret masked.
func ExampleAdminHooksService_Create() {
	client, stop := exampleClient(func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Name   string         `json:"name"`
			Config map[string]any `json:"config"`
		}
		_ = json.NewDecoder(r.Body).Decode(&body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, `{"type":"Global","id":1,"name":%q,"active":true,"events":["organization","user"],"config":{"url":%q,"content_type":%q,"insecure_ssl":"0","secret":"********"}}`,
			body.Name, body.Config["url"], body.Config["content_type"])
	})
	defer stop()

	hook, _, err := client.AdminHooks.Create(context.Background(), ghesadmin.CreateGlobalHookRequest{
		Events: []string{"organization", "user"},
		Config: ghesadmin.GlobalHookConfigRequest{
			URL:         "https://hooks.example.com/ghes",
			ContentType: ghesadmin.Ptr(ghesadmin.HookContentTypeJSON),
			Secret:      ghesadmin.Ptr("a-shared-secret"),
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(hook.ID, hook.Name, hook.Config.URL, hook.Config.ContentType, hook.Config.Secret)
	// Output:
	// 1 web https://hooks.example.com/ghes json ********
}

// Map a user to an LDAP entry, then queue a sync.
func ExampleLDAPService_UpdateUserMapping() {
	client, stop := exampleClient(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.Method {
		case http.MethodPatch:
			fmt.Fprint(w, `{"login":"monalisa","id":1,"ldap_dn":"uid=monalisa,ou=users,dc=example,dc=com"}`)
		case http.MethodPost:
			w.WriteHeader(http.StatusCreated)
			fmt.Fprint(w, `{"status":"queued"}`)
		}
	})
	defer stop()

	ctx := context.Background()
	user, _, err := client.LDAP.UpdateUserMapping(ctx, "monalisa", "uid=monalisa,ou=users,dc=example,dc=com")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(user.Login, user.LDAPDN)
	status, _, err := client.LDAP.SyncUser(ctx, "monalisa")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("sync", status.Status)
	// Output:
	// monalisa uid=monalisa,ou=users,dc=example,dc=com
	// sync queued
}

// Read the license; its expiry is parsed from GHES's own time format.
func ExampleLicenseService_Get() {
	client, stop := exampleClient(exampleReply(http.StatusOK, `{"seats":1400,"seats_used":1316,"seats_available":84,"kind":"standard","days_until_expiration":365,"expire_at":"2016/02/06 12:41:52 -0600"}`))
	defer stop()

	lic, _, err := client.License.Get(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d of %s seats used\n", lic.SeatsUsed, lic.Seats)
	fmt.Println("expires", lic.ExpireAt.UTC().Format(time.RFC3339))
	// Output:
	// 1316 of 1400 seats used
	// expires 2016-02-06T18:41:52Z
}

// Turn a login into the ID that public keys name their owner by.
func ExampleUsersService_Get() {
	client, stop := exampleClient(exampleReply(http.StatusOK, `{"login":"monalisa","id":42,"type":"User","site_admin":false}`))
	defer stop()

	user, _, err := client.Users.Get(context.Background(), "monalisa")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(user.Login, user.ID)
	// Output: monalisa 42
}

// Walk every account: GET /users pages with a since cursor, which ListIter
// follows from each reply's next link.
func ExampleUsersService_ListIter() {
	client, stop := exampleClient(examplePages("/api/v3/users", "since", "2", `[{"login":"ghe-admin","id":1},{"login":"mona","id":2}]`, `[{"login":"hubot","id":5}]`))
	defer stop()

	for u, err := range client.Users.ListIter(context.Background(), nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(u.ID, u.Login)
	}
	// Output:
	// 1 ghe-admin
	// 2 mona
	// 5 hubot
}

// Find a team's ID for the LDAP team mapping.
func ExampleTeamsService_GetBySlug() {
	client, stop := exampleClient(func(w http.ResponseWriter, r *http.Request) {
		fmt.Println(r.Method, r.URL.EscapedPath())
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"id":7,"name":"Platform Ops","slug":"platform-ops"}`)
	})
	defer stop()

	team, _, err := client.Teams.GetBySlug(context.Background(), "acme", "platform-ops")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(team.ID, team.Name)
	// Output:
	// GET /api/v3/orgs/acme/teams/platform-ops
	// 7 Platform Ops
}

// Read the user statistics.
func ExampleStatsService_Users() {
	client, stop := exampleClient(exampleReply(http.StatusOK, `{"total_users":100,"admin_users":3,"suspended_users":1}`))
	defer stop()

	users, _, err := client.Stats.Users(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d users, %d admins, %d suspended\n", users.TotalUsers, users.AdminUsers, users.SuspendedUsers)
	// Output:
	// 100 users, 3 admins, 1 suspended
}

// A value the SDK cannot read into its documented type does not fail the
// reply: the field keeps its zero value, the rest is read, and the value is
// in Response.Unread as the server sent it.
func ExampleResponse_unread() {
	client, stop := exampleClient(exampleReply(http.StatusOK, `{"total_users":"many","admin_users":3,"suspended_users":"1"}`))
	defer stop()

	users, resp, err := client.Stats.Users(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d users, %d admins, %d suspended\n", users.TotalUsers, users.AdminUsers, users.SuspendedUsers)
	for _, u := range resp.Unread {
		fmt.Printf("not read: %s = %s\n", u.Path, u.Value)
	}
	// Output:
	// 0 users, 3 admins, 1 suspended
	// not read: total_users = "many"
}

// exampleStubGHES is exampleClient for a stand-in that serves mux under
// /api/v3/.
func exampleStubGHES(mux *http.ServeMux) (*ghesadmin.Client, func()) {
	root := http.NewServeMux()
	root.Handle("/api/v3/", http.StripPrefix("/api/v3", mux))
	return exampleClient(root.ServeHTTP)
}

// exampleStubJSON answers with status and a JSON body.
func exampleStubJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// Create a pre-receive environment, download its tarball again, and wait
// until the download is done.
func ExamplePreReceiveEnvironmentsService_WaitForDownload() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /admin/pre-receive-environments", func(w http.ResponseWriter, r *http.Request) {
		exampleStubJSON(w, http.StatusCreated, `{"id":2,"name":"DevTools Hook Env","image_url":"https://files.example.com/devtools_env.tar.gz","default_environment":false,"hooks_count":0,"download":{"state":"not_started","downloaded_at":null,"message":null}}`)
	})
	mux.HandleFunc("POST /admin/pre-receive-environments/2/downloads", func(w http.ResponseWriter, r *http.Request) {
		exampleStubJSON(w, http.StatusAccepted, `{"state":"not_started","downloaded_at":null,"message":null}`)
	})
	var polls atomic.Int32
	mux.HandleFunc("GET /admin/pre-receive-environments/2/downloads/latest", func(w http.ResponseWriter, r *http.Request) {
		if polls.Add(1) < 3 {
			exampleStubJSON(w, http.StatusOK, `{"state":"in_progress","downloaded_at":"2016-05-26T07:42:53-05:00","message":null}`)
			return
		}
		exampleStubJSON(w, http.StatusOK, `{"state":"success","downloaded_at":"2016-05-26T07:42:53-05:00","message":null}`)
	})
	client, stop := exampleStubGHES(mux)
	defer stop()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()

	env, _, err := client.PreReceiveEnvironments.Create(ctx, ghesadmin.CreatePreReceiveEnvironmentRequest{
		Name:     "DevTools Hook Env",
		ImageURL: "https://files.example.com/devtools_env.tar.gz",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created", env.Name, "download", env.Download.State)

	dl, _, err := client.PreReceiveEnvironments.StartDownload(ctx, env.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("download", dl.State)

	// Poll fast here; the default starts at 1s and backs off to 15s.
	dl, _, err = client.PreReceiveEnvironments.WaitForDownload(ctx, env.ID,
		ghesadmin.WaitBackoff(time.Millisecond, 10*time.Millisecond))
	if err != nil {
		log.Fatal(err) // a *PreReceiveDownloadError carries GHES's message
	}
	fmt.Println("download", dl.State, "after", polls.Load(), "polls")
	// Output:
	// created DevTools Hook Env download not_started
	// download not_started
	// download success after 3 polls
}

// Create a pre-receive hook that repositories may configure, enforce it on
// one repository, then remove that override again.
func ExamplePreReceiveHooksService_UpdateForRepo() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /admin/pre-receive-hooks", func(w http.ResponseWriter, r *http.Request) {
		exampleStubJSON(w, http.StatusCreated, `{"id":42,"name":"Check Commits","enforcement":"disabled","script":"scripts/commit_check.sh","script_repository":{"id":595,"full_name":"DevIT/hooks"},"environment":{"id":2,"name":"DevTools Hook Env"},"allow_downstream_configuration":true}`)
	})
	mux.HandleFunc("PATCH /repos/octocat/hello-world/pre-receive-hooks/42", func(w http.ResponseWriter, r *http.Request) {
		exampleStubJSON(w, http.StatusOK, `{"id":42,"name":"Check Commits","enforcement":"enabled","configuration_url":"https://ghe.example.com/api/v3/repos/octocat/hello-world/pre-receive-hooks/42"}`)
	})
	mux.HandleFunc("DELETE /repos/octocat/hello-world/pre-receive-hooks/42", func(w http.ResponseWriter, r *http.Request) {
		exampleStubJSON(w, http.StatusOK, `{"id":42,"name":"Check Commits","enforcement":"disabled","configuration_url":"https://ghe.example.com/api/v3/admin/pre-receive-hooks/42"}`)
	})
	client, stop := exampleStubGHES(mux)
	defer stop()

	ctx := context.Background()

	hook, _, err := client.PreReceiveHooks.Create(ctx, ghesadmin.CreatePreReceiveHookRequest{
		Name:                         "Check Commits",
		Script:                       "scripts/commit_check.sh",
		ScriptRepository:             ghesadmin.PreReceiveScriptRepositoryRef{FullName: "DevIT/hooks"},
		Environment:                  ghesadmin.PreReceiveEnvironmentRef{ID: 2},
		Enforcement:                  ghesadmin.Ptr(ghesadmin.EnforcementDisabled),
		AllowDownstreamConfiguration: ghesadmin.Ptr(true),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(hook.Name, "globally", hook.Enforcement)

	repoHook, _, err := client.PreReceiveHooks.UpdateForRepo(ctx, "octocat", "hello-world", hook.ID,
		ghesadmin.UpdateRepoPreReceiveHookRequest{Enforcement: ghesadmin.Ptr(ghesadmin.EnforcementEnabled)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("octocat/hello-world:", repoHook.Enforcement)

	effective, _, err := client.PreReceiveHooks.RemoveForRepo(ctx, "octocat", "hello-world", hook.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("after removing the override:", effective.Enforcement, "from", effective.ConfigurationURL)
	// Output:
	// Check Commits globally disabled
	// octocat/hello-world: enabled
	// after removing the override: disabled from https://ghe.example.com/api/v3/admin/pre-receive-hooks/42
}

// Create a runner group for selected organizations, get a registration
// token for a new runner, and list every runner of the enterprise.
func ExampleActionsService() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /enterprises/octo-corp/actions/runner-groups", func(w http.ResponseWriter, r *http.Request) {
		exampleStubJSON(w, http.StatusCreated, `{"id":2,"name":"gpu-runners","visibility":"selected","default":false,"allows_public_repositories":false}`)
	})
	mux.HandleFunc("POST /enterprises/octo-corp/actions/runners/registration-token", func(w http.ResponseWriter, r *http.Request) {
		exampleStubJSON(w, http.StatusCreated, `{"token":"LLBF3JGZDX3P5PMEXLND6TS6FCWO6","expires_at":"2020-01-22T12:13:35.123-08:00"}`)
	})
	mux.HandleFunc("GET /enterprises/octo-corp/actions/runners", examplePages("/api/v3/enterprises/octo-corp/actions/runners", "page", "2",
		`{"total_count":2,"runners":[{"id":23,"name":"linux_runner","os":"linux","status":"online","busy":true}]}`,
		`{"total_count":2,"runners":[{"id":24,"name":"mac_runner","os":"macos","status":"offline","busy":false}]}`))
	client, stop := exampleStubGHES(mux)
	defer stop()

	ctx := context.Background()

	group, _, err := client.Actions.CreateRunnerGroup(ctx, "octo-corp", ghesadmin.CreateRunnerGroupRequest{
		Name:                    "gpu-runners",
		Visibility:              ghesadmin.Ptr(ghesadmin.RunnerGroupVisibilitySelected),
		SelectedOrganizationIDs: []int64{32, 91},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("group", group.ID, group.Name, group.Visibility)

	tok, _, err := client.Actions.CreateRegistrationToken(ctx, "octo-corp")
	if err != nil {
		log.Fatal(err)
	}
	// Pass tok.Token to ./config.sh --token; printing the value hides it.
	fmt.Println("registration token", tok)

	for runner, err := range client.Actions.ListRunnersIter(ctx, "octo-corp", nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("runner", runner.ID, runner.Name, runner.Status)
	}
	// Output:
	// group 2 gpu-runners selected
	// registration token {token:[REDACTED] expires_at:2020-01-22T12:13:35-08:00}
	// runner 23 linux_runner online
	// runner 24 mac_runner offline
}
