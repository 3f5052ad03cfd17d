package e2e_test

import (
	"errors"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

// TestAnnouncementMaintenanceBanner sets a maintenance banner that expires,
// sees it, and sees it gone once the fake's clock passes its expiry.
func TestAnnouncementMaintenanceBanner(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2025, 6, 1, 18, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv, client, c := startCtx(t, "3.19.0", ghestest.WithClock(clock))

	none, _, err := client.Announcement.Get(c)
	must(t, "Get", err)
	if none.Announcement != "" || !none.ExpiresAt.IsZero() || none.UserDismissible {
		t.Fatalf("no banner yet: %+v", none)
	}

	end := now.Add(4 * time.Hour)
	set, resp, err := client.Announcement.Set(c, ghesadmin.SetAnnouncementRequest{
		Announcement:    "Maintenance window: **22:00 UTC**, expect 10 minutes of downtime.",
		ExpiresAt:       &end,
		UserDismissible: ghesadmin.Ptr(true),
	})
	must(t, "Set", err)
	wantStatus(t, "Set", resp, http.StatusOK)
	if set.Announcement != "Maintenance window: **22:00 UTC**, expect 10 minutes of downtime." || !set.ExpiresAt.Time.Equal(end) || !set.UserDismissible {
		t.Fatalf("Set: %+v", set)
	}
	got, _, err := client.Announcement.Get(c)
	must(t, "Get", err)
	if got.Announcement != set.Announcement || !got.ExpiresAt.Time.Equal(end) || !got.UserDismissible {
		t.Fatalf("Get before expiry: %+v", got)
	}

	mu.Lock()
	now = end
	mu.Unlock()
	got, _, err = client.Announcement.Get(c)
	must(t, "Get", err)
	if got.Announcement != "" || !got.ExpiresAt.IsZero() || got.UserDismissible {
		t.Fatalf("Get after expiry: %+v", got)
	}

	// A banner without expiry stays until removed.
	_, _, err = client.Announcement.Set(c, ghesadmin.SetAnnouncementRequest{Announcement: "Welcome to the new instance"})
	must(t, "Set", err)
	resp, err = client.Announcement.Remove(c)
	must(t, "Remove", err)
	wantStatus(t, "Remove", resp, http.StatusNoContent)
	got, _, err = client.Announcement.Get(c)
	must(t, "Get", err)
	if got.Announcement != "" {
		t.Fatalf("Get after Remove: %+v", got)
	}

	// An expiry in the past is GHES's 422; an empty message is refused
	// before sending.
	past := now.Add(-time.Minute)
	_, _, err = client.Announcement.Set(c, ghesadmin.SetAnnouncementRequest{Announcement: "late", ExpiresAt: &past})
	wantValidation(t, "Set in the past", err, "Announcement", "expires_at", "invalid", "in the future")
	before := srv.RequestCount("PATCH", "/enterprise/announcement")
	if _, _, err := client.Announcement.Set(c, ghesadmin.SetAnnouncementRequest{}); !errors.Is(err, ghesadmin.ErrInvalidArgument) {
		t.Errorf("Set with no message: %v, want ErrInvalidArgument", err)
	}
	if n := srv.RequestCount("PATCH", "/enterprise/announcement"); n != before {
		t.Errorf("a refused Set was sent")
	}
}

// TestActionsPolicyRestrictToSelected restricts GitHub Actions to selected
// organizations and allowed actions, then tightens the 3.19 policies.
func TestActionsPolicyRestrictToSelected(t *testing.T) {
	srv, client := start(t, "3.19.0", actionsSeed...)
	c := ctx(t)
	ent := srv.Enterprise()
	ap := client.ActionsPermissions
	gh, octo, third := srv.OrgID("github"), srv.OrgID("octo-org"), srv.OrgID("third")

	p, _, err := ap.Get(c, ent)
	must(t, "Get", err)
	if p.EnabledOrganizations != ghesadmin.EnabledOrganizationsAll || p.AllowedActions != ghesadmin.AllowedActionsAll {
		t.Fatalf("defaults: %+v", p)
	}

	resp, err := ap.Set(c, ent, ghesadmin.SetActionsPermissionsRequest{
		EnabledOrganizations: ghesadmin.EnabledOrganizationsSelected,
		AllowedActions:       ghesadmin.Ptr(ghesadmin.AllowedActionsSelected),
		SHAPinningRequired:   ghesadmin.Ptr(true),
	})
	must(t, "Set", err)
	wantStatus(t, "Set", resp, http.StatusNoContent)
	_, err = ap.SetSelectedOrganizations(c, ent, []int64{gh, octo})
	must(t, "SetSelectedOrganizations", err)
	_, err = ap.EnableSelectedOrganization(c, ent, third)
	must(t, "EnableSelectedOrganization", err)
	_, err = ap.DisableSelectedOrganization(c, ent, gh)
	must(t, "DisableSelectedOrganization", err)
	_, err = ap.SetSelectedActions(c, ent, ghesadmin.SetSelectedActionsRequest{
		GitHubOwnedAllowed: ghesadmin.Ptr(true), VerifiedAllowed: ghesadmin.Ptr(false),
		PatternsAllowed: []string{"docker/*", "monalisa/octocat@*"},
	})
	must(t, "SetSelectedActions", err)

	p, _, err = ap.Get(c, ent)
	must(t, "Get", err)
	if p.EnabledOrganizations != ghesadmin.EnabledOrganizationsSelected || p.AllowedActions != ghesadmin.AllowedActionsSelected ||
		!p.SHAPinningRequired || p.SelectedOrganizationsURL == "" || p.SelectedActionsURL == "" {
		t.Fatalf("after Set: %+v", p)
	}
	page, _, err := ap.ListSelectedOrganizations(c, ent, &ghesadmin.ListOptions{PerPage: 1})
	must(t, "ListSelectedOrganizations", err)
	if page.TotalCount != 2 || len(page.Organizations) != 1 {
		t.Fatalf("ListSelectedOrganizations: %+v", page)
	}
	all := walk(t, "ListSelectedOrganizationsIter", ap.ListSelectedOrganizationsIter(c, ent, &ghesadmin.ListOptions{PerPage: 1}))
	if got := orgLogins(all); !slices.Equal(got, []string{"octo-org", "third"}) {
		t.Fatalf("selected organizations %v", got)
	}
	sa, _, err := ap.GetSelectedActions(c, ent)
	must(t, "GetSelectedActions", err)
	if !sa.GitHubOwnedAllowed || sa.VerifiedAllowed || !slices.Equal(sa.PatternsAllowed, []string{"docker/*", "monalisa/octocat@*"}) {
		t.Fatalf("GetSelectedActions: %+v", sa)
	}

	// An organization that does not exist: 422, nothing changes.
	_, err = ap.SetSelectedOrganizations(c, ent, []int64{octo, 987654})
	wantValidation(t, "SetSelectedOrganizations", err, "Organization", "selected_organization_ids", "invalid", "987654 does not exist")
	page, _, err = ap.ListSelectedOrganizations(c, ent, nil)
	must(t, "ListSelectedOrganizations", err)
	if page.TotalCount != 2 {
		t.Errorf("a refused set changed the selection: %+v", page)
	}

	// Workflow token, retention, forks, self-hosted runners.
	_, err = ap.SetWorkflowPermissions(c, ent, ghesadmin.SetWorkflowPermissionsRequest{
		DefaultWorkflowPermissions: ghesadmin.Ptr(ghesadmin.DefaultWorkflowPermissionsRead), CanApprovePullRequestReviews: ghesadmin.Ptr(false)})
	must(t, "SetWorkflowPermissions", err)
	wp, _, err := ap.GetWorkflowPermissions(c, ent)
	must(t, "GetWorkflowPermissions", err)
	if wp.DefaultWorkflowPermissions != ghesadmin.DefaultWorkflowPermissionsRead || wp.CanApprovePullRequestReviews {
		t.Errorf("GetWorkflowPermissions: %+v", wp)
	}
	_, err = ap.SetArtifactAndLogRetention(c, ent, ghesadmin.SetArtifactAndLogRetentionRequest{Days: 30})
	must(t, "SetArtifactAndLogRetention", err)
	ret, _, err := ap.GetArtifactAndLogRetention(c, ent)
	must(t, "GetArtifactAndLogRetention", err)
	if ret.Days != 30 || ret.MaximumAllowedDays < 30 {
		t.Errorf("GetArtifactAndLogRetention: %+v", ret)
	}
	_, err = ap.SetArtifactAndLogRetention(c, ent, ghesadmin.SetArtifactAndLogRetentionRequest{Days: ret.MaximumAllowedDays + 1})
	wantValidation(t, "SetArtifactAndLogRetention above the maximum", err, "ArtifactAndLogRetention", "days", "invalid", "between 1 and")
	_, err = ap.SetForkPRContributorApproval(c, ent, ghesadmin.SetForkPRContributorApprovalRequest{ApprovalPolicy: ghesadmin.ForkPRApprovalAllExternalContributors})
	must(t, "SetForkPRContributorApproval", err)
	fa, _, err := ap.GetForkPRContributorApproval(c, ent)
	must(t, "GetForkPRContributorApproval", err)
	if fa.ApprovalPolicy != ghesadmin.ForkPRApprovalAllExternalContributors {
		t.Errorf("GetForkPRContributorApproval: %+v", fa)
	}
	_, err = ap.SetForkPRWorkflowsPrivateRepos(c, ent, ghesadmin.SetForkPRWorkflowsPrivateReposRequest{
		RunWorkflowsFromForkPullRequests: true, SendSecretsAndVariables: ghesadmin.Ptr(false), RequireApprovalForForkPRWorkflows: ghesadmin.Ptr(true)})
	must(t, "SetForkPRWorkflowsPrivateRepos", err)
	fw, _, err := ap.GetForkPRWorkflowsPrivateRepos(c, ent)
	must(t, "GetForkPRWorkflowsPrivateRepos", err)
	if !fw.RunWorkflowsFromForkPullRequests || !fw.RequireApprovalForForkPRWorkflows || fw.SendSecretsAndVariables || fw.SendWriteTokensToWorkflows {
		t.Errorf("GetForkPRWorkflowsPrivateRepos: %+v", fw)
	}
	_, err = ap.SetSelfHostedRunners(c, ent, ghesadmin.SelfHostedRunnersPermissions{DisableSelfHostedRunnersForAllOrgs: true})
	must(t, "SetSelfHostedRunners", err)
	sh, _, err := ap.GetSelfHostedRunners(c, ent)
	must(t, "GetSelfHostedRunners", err)
	if !sh.DisableSelfHostedRunnersForAllOrgs {
		t.Errorf("GetSelfHostedRunners: %+v", sh)
	}
}

// TestActionsPolicyRefusedBeforeSending: bad input never reaches the server.
func TestActionsPolicyRefusedBeforeSending(t *testing.T) {
	srv, client, c := startCtx(t, "3.19.0")
	ent := srv.Enterprise()
	ap := client.ActionsPermissions
	for _, tc := range []struct {
		name string
		call func() error
	}{
		{"Set unknown enabled_organizations", func() error {
			_, err := ap.Set(c, ent, ghesadmin.SetActionsPermissionsRequest{EnabledOrganizations: "some"})
			return err
		}},
		{"Set unknown allowed_actions", func() error {
			_, err := ap.Set(c, ent, ghesadmin.SetActionsPermissionsRequest{EnabledOrganizations: ghesadmin.EnabledOrganizationsAll, AllowedActions: ghesadmin.Ptr(ghesadmin.AllowedActions("any"))})
			return err
		}},
		{"SetSelectedOrganizations zero ID", func() error { _, err := ap.SetSelectedOrganizations(c, ent, []int64{0}); return err }},
		{"SetSelectedActions empty pattern", func() error {
			_, err := ap.SetSelectedActions(c, ent, ghesadmin.SetSelectedActionsRequest{PatternsAllowed: []string{""}})
			return err
		}},
		{"SetWorkflowPermissions unknown", func() error {
			_, err := ap.SetWorkflowPermissions(c, ent, ghesadmin.SetWorkflowPermissionsRequest{DefaultWorkflowPermissions: ghesadmin.Ptr(ghesadmin.DefaultWorkflowPermissions("admin"))})
			return err
		}},
		{"SetArtifactAndLogRetention 0 days", func() error {
			_, err := ap.SetArtifactAndLogRetention(c, ent, ghesadmin.SetArtifactAndLogRetentionRequest{Days: 0})
			return err
		}},
		{"SetForkPRContributorApproval empty", func() error {
			_, err := ap.SetForkPRContributorApproval(c, ent, ghesadmin.SetForkPRContributorApprovalRequest{})
			return err
		}},
		{"SetUsagePolicy nothing", func() error {
			_, err := client.ActionsCache.SetUsagePolicy(c, ent, ghesadmin.SetActionsCacheUsagePolicyRequest{})
			return err
		}},
		{"SetUsagePolicy limit above max", func() error {
			_, err := client.ActionsCache.SetUsagePolicy(c, ent, ghesadmin.SetActionsCacheUsagePolicyRequest{RepoCacheSizeLimitInGB: ghesadmin.Ptr(30), MaxRepoCacheSizeLimitInGB: ghesadmin.Ptr(20)})
			return err
		}},
		{"Get empty enterprise", func() error { _, _, err := ap.Get(c, ""); return err }},
	} {
		if err := tc.call(); !errors.Is(err, ghesadmin.ErrInvalidArgument) {
			t.Errorf("%s: %v, want ErrInvalidArgument", tc.name, err)
		}
	}
	for _, m := range []string{"PUT", "PATCH", "GET"} {
		for _, p := range []string{"/enterprises/" + ent + "/actions/permissions", "/enterprises/" + ent + "/actions/permissions/organizations",
			"/enterprises/" + ent + "/actions/permissions/selected-actions", "/enterprises/" + ent + "/actions/permissions/workflow",
			"/enterprises/" + ent + "/actions/permissions/artifact-and-log-retention", "/enterprises/" + ent + "/actions/permissions/fork-pr-contributor-approval",
			"/enterprises/" + ent + "/actions/cache/usage-policy"} {
			if n := srv.RequestCount(m, p); n != 0 {
				t.Errorf("%d refused requests reached %s %s", n, m, p)
			}
		}
	}
}

// TestActionsPolicyReleases: the 3.19 policies are refused before sending
// on an older release.
func TestActionsPolicyReleases(t *testing.T) {
	srv, client, c := startCtx(t, "3.14.0")
	ent := srv.Enterprise()
	// The client learns the release from this first reply.
	wp, _, err := client.ActionsPermissions.GetWorkflowPermissions(c, ent)
	must(t, "GetWorkflowPermissions on 3.14", err)
	if wp.DefaultWorkflowPermissions != ghesadmin.DefaultWorkflowPermissionsRead {
		t.Errorf("GetWorkflowPermissions: %+v", wp)
	}
	_, _, err = client.ActionsPermissions.GetArtifactAndLogRetention(c, ent)
	wantUnsupported(t, srv, "GetArtifactAndLogRetention", err, "GET", "/enterprises/"+ent+"/actions/permissions/artifact-and-log-retention")
	_, err = client.ActionsPermissions.SetSelfHostedRunners(c, ent, ghesadmin.SelfHostedRunnersPermissions{})
	wantUnsupported(t, srv, "SetSelfHostedRunners", err, "PUT", "/enterprises/"+ent+"/actions/permissions/self-hosted-runners")
}

// TestActionsCachePolicy reads the cache usage and raises the cache limits
// within GHES's maximum.
func TestActionsCachePolicy(t *testing.T) {
	srv, client, c := startCtx(t, "3.19.0")
	ent := srv.Enterprise()
	if err := srv.SetActionsCacheUsage(5, 3344284); err != nil {
		t.Fatal(err)
	}
	u, _, err := client.ActionsCache.GetUsage(c, ent)
	must(t, "GetUsage", err)
	if u.TotalActiveCachesCount != 5 || u.TotalActiveCachesSizeInBytes != 3344284 {
		t.Fatalf("GetUsage: %+v", u)
	}
	pol, _, err := client.ActionsCache.GetUsagePolicy(c, ent)
	must(t, "GetUsagePolicy", err)
	if pol.RepoCacheSizeLimitInGB != 10 || pol.MaxRepoCacheSizeLimitInGB < pol.RepoCacheSizeLimitInGB {
		t.Fatalf("GetUsagePolicy: %+v", pol)
	}
	_, err = client.ActionsCache.SetUsagePolicy(c, ent, ghesadmin.SetActionsCacheUsagePolicyRequest{RepoCacheSizeLimitInGB: ghesadmin.Ptr(pol.MaxRepoCacheSizeLimitInGB + 1)})
	wantValidation(t, "SetUsagePolicy above the maximum", err, "ActionsCacheUsagePolicy", "repo_cache_size_limit_in_gb", "invalid", "less than or equal to")
	resp, err := client.ActionsCache.SetUsagePolicy(c, ent, ghesadmin.SetActionsCacheUsagePolicyRequest{
		RepoCacheSizeLimitInGB: ghesadmin.Ptr(40), MaxRepoCacheSizeLimitInGB: ghesadmin.Ptr(50)})
	must(t, "SetUsagePolicy", err)
	wantStatus(t, "SetUsagePolicy", resp, http.StatusNoContent)
	pol, _, err = client.ActionsCache.GetUsagePolicy(c, ent)
	must(t, "GetUsagePolicy", err)
	if pol.RepoCacheSizeLimitInGB != 40 || pol.MaxRepoCacheSizeLimitInGB != 50 {
		t.Fatalf("GetUsagePolicy after set: %+v", pol)
	}
}
