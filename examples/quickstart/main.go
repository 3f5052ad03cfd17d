// Command quickstart is the first program to run with ghesadmin.
//
// With nothing configured it starts ghestest, the SDK's in-memory fake GHES,
// and runs a whole administration workflow against it: users, public keys,
// pre-receive environments and hooks, an Actions runner group, and
// maintenance mode through the administration API the release serves.
//
//	go run ./examples/quickstart                  # fake GHES 3.14.0 (Manage API)
//	go run ./examples/quickstart -version 2.22.6  # fake GHES 2.22.6 (Management Console)
//
// With GHES_URL and GHES_TOKEN (a site administrator's token) set, it takes
// a read-only tour of that instance instead: version, license, stats, global
// webhooks and pre-receive environments. With GHES_CONSOLE_PASSWORD too it
// reads the maintenance status on the administration port
// (GHES_CONSOLE_URL, default https://HOST:8443, or http://HOST:8080 for an
// http GHES_URL, which is where `go run ./cmd/ghesfake` puts it).
package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/examples/internal/exampleenv"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

func main() { exampleenv.Main("quickstart", run) }

// run is the whole program; main only wires it to the process.
func run(ctx context.Context, out io.Writer, args []string) error {
	fs := exampleenv.Flags("quickstart", out)
	version := fs.String("version", ghestest.DefaultVersion, "GHES version of the fake server (used when GHES_URL is not set)")
	fake := func() (*ghestest.Server, error) { return startFake(*version) }
	return exampleenv.Run(fs, args, exampleenv.Options{Fake: fake}, func(ghes *exampleenv.Target) error {
		if ghes.Fake == nil {
			return tour(ctx, out, ghes.Client, ghes.Env.ConsolePassword != "")
		}
		// The fake hands out a client with its admin token and console
		// password, exactly as ghesadmin.NewClient would be configured.
		return workflow(ctx, out, ghes.Client, ghes.Fake.Enterprise())
	})
}

// startFake starts ghestest with a few users, public keys spread over
// several pages, an organization and a repository holding hook scripts.
func startFake(version string) (*ghestest.Server, error) {
	day := 24 * time.Hour
	created := time.Now().Add(-30 * day)
	var keys []ghestest.PublicKey
	for i, owner := range []string{"alice", "alice", "bob", "bob", "carol", "carol", "dave", "octo-contractor"} {
		keys = append(keys, ghestest.PublicKey{
			User:      owner,
			Title:     fmt.Sprintf("%s-laptop-%d", owner, i+1),
			Key:       fmt.Sprintf("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFF1aWNrc3RhcnQta2V5LW51bWJlci0%d", i+1),
			CreatedAt: created.Add(time.Duration(i) * day),
		})
	}
	return ghestest.NewServer(
		ghestest.WithVersion(version),
		ghestest.WithUsers(
			ghestest.User{Login: "alice", Email: "alice@example.com", SiteAdmin: true},
			ghestest.User{Login: "bob", Email: "bob@example.com"},
			ghestest.User{Login: "carol", Email: "carol@example.com"},
			ghestest.User{Login: "dave", Email: "dave@example.com"},
			ghestest.User{Login: "octo-contractor", Email: "contractor@example.com"},
		),
		ghestest.WithOrgs(ghestest.Org{Login: "acme", ProfileName: "ACME Corp", Admin: "alice"}),
		ghestest.WithRepos(ghestest.Repo{Owner: "acme", Name: "hook-scripts"}),
		ghestest.WithPublicKeys(keys...),
	)
}

// workflow is what a site administrator does in a day, through the SDK.
func workflow(ctx context.Context, out io.Writer, client *ghesadmin.Client, enterprise string) error {
	// The administration port changed with GHES 3.9 to 3.12 (the Manage
	// API added in stages, maintenance in 3.10) and 3.15 (Management
	// Console removed): ask the server which it has.
	meta, _, err := client.Meta.Get(ctx)
	if err != nil {
		return fmt.Errorf("read the version: %w", err)
	}
	apis, _, err := client.Meta.AdminAPI(ctx)
	if err != nil {
		return fmt.Errorf("read the administration API: %w", err)
	}
	fmt.Fprintf(out, "GHES %s serves the %s administration API\n", meta.InstalledVersion, apis)

	fmt.Fprintln(out, "\nUsers")
	user, _, err := client.Users.Create(ctx, ghesadmin.CreateUserRequest{Login: "hubot-ci", Email: ghesadmin.Ptr("hubot-ci@example.com")})
	if err != nil {
		return fmt.Errorf("create a user: %w", err)
	}
	fmt.Fprintf(out, "  created %s (id %d)\n", user.Login, user.ID)
	if _, err := client.Users.Promote(ctx, user.Login); err != nil {
		return fmt.Errorf("promote %s: %w", user.Login, err)
	}
	fmt.Fprintf(out, "  promoted %s to site administrator\n", user.Login)
	const leaver, reason = "octo-contractor", "Contract ended"
	if _, err := client.Users.Suspend(ctx, leaver, reason); err != nil {
		return fmt.Errorf("suspend %s: %w", leaver, err)
	}
	fmt.Fprintf(out, "  suspended %s: %q\n", leaver, reason)

	const perPage = 3
	fmt.Fprintf(out, "\nPublic keys (%d per page)\n", perPage)
	n := 0
	for key, err := range client.Users.ListPublicKeysIter(ctx, &ghesadmin.ListPublicKeysOptions{
		Direction:   ghesadmin.DirectionAsc,
		ListOptions: ghesadmin.ListOptions{PerPage: perPage},
	}) {
		if err != nil {
			return fmt.Errorf("list public keys: %w", err)
		}
		n++
		fmt.Fprintf(out, "  #%-3d %-26s created %s\n", key.ID, key.Title, key.CreatedAt.Format(time.DateOnly))
	}
	fmt.Fprintf(out, "  %d keys on %d pages\n", n, (n+perPage-1)/perPage)

	fmt.Fprintln(out, "\nPre-receive hooks")
	env, _, err := client.PreReceiveEnvironments.Create(ctx, ghesadmin.CreatePreReceiveEnvironmentRequest{
		Name:     "alpine-node",
		ImageURL: "https://images.example.com/alpine-node.tar.gz",
	})
	if err != nil {
		return fmt.Errorf("create a pre-receive environment: %w", err)
	}
	if _, _, err := client.PreReceiveEnvironments.StartDownload(ctx, env.ID); err != nil {
		return fmt.Errorf("download environment %d: %w", env.ID, err)
	}
	dl, _, err := client.PreReceiveEnvironments.WaitForDownload(ctx, env.ID, ghesadmin.WaitInterval(20*time.Millisecond))
	if err != nil {
		return fmt.Errorf("download environment %d: %w", env.ID, err)
	}
	fmt.Fprintf(out, "  environment %q (id %d) downloaded: %s\n", env.Name, env.ID, dl.State)
	hook, _, err := client.PreReceiveHooks.Create(ctx, ghesadmin.CreatePreReceiveHookRequest{
		Name:                         "reject-large-files",
		Script:                       "reject-large-files.sh",
		ScriptRepository:             ghesadmin.PreReceiveScriptRepositoryRef{FullName: "acme/hook-scripts"},
		Environment:                  ghesadmin.PreReceiveEnvironmentRef{ID: env.ID},
		Enforcement:                  ghesadmin.Ptr(ghesadmin.EnforcementEnabled),
		AllowDownstreamConfiguration: ghesadmin.Ptr(true),
	})
	if err != nil {
		return fmt.Errorf("create a pre-receive hook: %w", err)
	}
	fmt.Fprintf(out, "  hook %q (id %d): %s everywhere\n", hook.Name, hook.ID, hook.Enforcement)
	orgHook, _, err := client.PreReceiveHooks.UpdateForOrg(ctx, "acme", hook.ID, ghesadmin.UpdateOrgPreReceiveHookRequest{
		Enforcement: ghesadmin.Ptr(ghesadmin.EnforcementTesting),
	})
	if err != nil {
		return fmt.Errorf("override hook %d for acme: %w", hook.ID, err)
	}
	fmt.Fprintf(out, "  hook %q: %s in organization acme\n", orgHook.Name, orgHook.Enforcement)

	fmt.Fprintln(out, "\nActions")
	org, _, err := client.Organizations.Create(ctx, ghesadmin.CreateOrganizationRequest{Login: "platform", Admin: user.Login})
	if err != nil {
		return fmt.Errorf("create an organization: %w", err)
	}
	fmt.Fprintf(out, "  created organization %s (id %d)\n", org.Login, org.ID)
	group, _, err := client.Actions.CreateRunnerGroup(ctx, enterprise, ghesadmin.CreateRunnerGroupRequest{
		Name:                    "linux-builders",
		Visibility:              ghesadmin.Ptr(ghesadmin.RunnerGroupVisibilitySelected),
		SelectedOrganizationIDs: []int64{org.ID},
	})
	if err != nil {
		return fmt.Errorf("create a runner group: %w", err)
	}
	var orgs []string
	for o, err := range client.Actions.ListRunnerGroupOrganizationsIter(ctx, enterprise, group.ID, nil) {
		if err != nil {
			return fmt.Errorf("list the organizations of runner group %d: %w", group.ID, err)
		}
		orgs = append(orgs, o.Login)
	}
	fmt.Fprintf(out, "  runner group %q (id %d) visible to: %s\n", group.Name, group.ID, strings.Join(orgs, ", "))

	if apis.Has(ghesadmin.AdminAPIManageMaintenance) {
		fmt.Fprintln(out, "\nMaintenance (Manage API, /manage/v1)")
		return maintenanceManage(ctx, out, client)
	}
	fmt.Fprintln(out, "\nMaintenance (Management Console, /setup/api)")
	return maintenanceConsole(ctx, out, client)
}

// maintenanceManage turns maintenance on and off through the Manage GHES
// API (GHES 3.10 and later).
func maintenanceManage(ctx context.Context, out io.Writer, client *ghesadmin.Client) error {
	if _, _, err := client.Manage.SetMaintenance(ctx, ghesadmin.ManageMaintenanceRequest{
		Enabled:                true,
		MaintenanceModeMessage: ghesadmin.Ptr("Back in ten minutes."),
	}); err != nil {
		return fmt.Errorf("turn maintenance on: %w", err)
	}
	nodes, _, err := client.Manage.MaintenanceStatus(ctx, nil)
	if err != nil {
		return fmt.Errorf("read the maintenance status: %w", err)
	}
	for _, n := range nodes {
		fmt.Fprintf(out, "  %s: %s (%q)\n", n.Hostname, n.Status, n.MaintenanceModeMessage)
	}
	if _, _, err := client.Manage.SetMaintenance(ctx, ghesadmin.ManageMaintenanceRequest{Enabled: false}); err != nil {
		return fmt.Errorf("turn maintenance off: %w", err)
	}
	if nodes, _, err = client.Manage.MaintenanceStatus(ctx, nil); err != nil {
		return fmt.Errorf("read the maintenance status: %w", err)
	}
	for _, n := range nodes {
		fmt.Fprintf(out, "  %s: %s\n", n.Hostname, n.Status)
	}
	return nil
}

// maintenanceConsole turns maintenance on and off through the Management
// Console API (GHES 3.14 and earlier).
func maintenanceConsole(ctx context.Context, out io.Writer, client *ghesadmin.Client) error {
	st, _, err := client.ManagementConsole.SetMaintenance(ctx, ghesadmin.MaintenanceRequest{Enabled: true, When: ghesadmin.Ptr("now")})
	if err != nil {
		return fmt.Errorf("turn maintenance on: %w", err)
	}
	fmt.Fprintf(out, "  maintenance %s since %s\n", st.Status, st.ScheduledTime)
	if st, _, err = client.ManagementConsole.SetMaintenance(ctx, ghesadmin.MaintenanceRequest{Enabled: false}); err != nil {
		return fmt.Errorf("turn maintenance off: %w", err)
	}
	fmt.Fprintf(out, "  maintenance %s\n", st.Status)
	return nil
}

// tour reads, and never changes, a real instance.
// console tells whether the client has the administration port.
func tour(ctx context.Context, out io.Writer, client *ghesadmin.Client, console bool) error {
	meta, _, err := client.Meta.Get(ctx)
	if err != nil {
		return fmt.Errorf("read the version: %w", err)
	}
	apis, err := ghesadmin.AdminAPIForVersion(meta.InstalledVersion)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "GHES %s at %s (administration API: %s)\n", meta.InstalledVersion, client.BaseURL(), apis)

	lic, _, err := client.License.Get(ctx)
	if err != nil {
		return fmt.Errorf("read the license: %w", err)
	}
	fmt.Fprintf(out, "License: %d seats used of %s, expires %s\n", lic.SeatsUsed, lic.Seats, lic.ExpireAt.Format(time.DateOnly))

	stats, _, err := client.Stats.All(ctx)
	if err != nil {
		return fmt.Errorf("read the stats: %w", err)
	}
	fmt.Fprintf(out, "Stats: %d users (%d admins, %d suspended), %d organizations, %d repositories\n",
		stats.Users.TotalUsers, stats.Users.AdminUsers, stats.Users.SuspendedUsers, stats.Orgs.TotalOrgs, stats.Repos.TotalRepos)

	fmt.Fprintln(out, "Global webhooks:")
	hooks := 0
	for h, err := range client.AdminHooks.ListIter(ctx, nil) {
		if err != nil {
			return fmt.Errorf("list global webhooks: %w", err)
		}
		hooks++
		fmt.Fprintf(out, "  #%d %s active=%t events=%v\n", h.ID, h.Config.URL, h.Active, h.Events)
	}
	if hooks == 0 {
		fmt.Fprintln(out, "  none")
	}
	fmt.Fprintln(out, "Pre-receive environments:")
	for e, err := range client.PreReceiveEnvironments.ListIter(ctx, nil) {
		if err != nil {
			return fmt.Errorf("list pre-receive environments: %w", err)
		}
		fmt.Fprintf(out, "  #%d %s (%d hooks)\n", e.ID, e.Name, e.HooksCount)
	}

	if !console {
		fmt.Fprintln(out, "Set GHES_CONSOLE_PASSWORD to read the maintenance status too.")
		return nil
	}
	if apis.Has(ghesadmin.AdminAPIManageMaintenance) {
		nodes, _, err := client.Manage.MaintenanceStatus(ctx, nil)
		if err != nil {
			return fmt.Errorf("read the maintenance status: %w", err)
		}
		for _, n := range nodes {
			fmt.Fprintf(out, "Maintenance on %s: %s\n", n.Hostname, n.Status)
		}
		return nil
	}
	st, _, err := client.ManagementConsole.MaintenanceStatus(ctx)
	if err != nil {
		return fmt.Errorf("read the maintenance status: %w", err)
	}
	fmt.Fprintf(out, "Maintenance: %s\n", st.Status)
	return nil
}
