package ghestest

import (
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"
)

func TestAnnouncementExpiresAndDismissible(t *testing.T) {
	var mu sync.Mutex
	now := testNow
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	s := New(t, WithClock(clock), WithVersion("3.19.0"))

	got := api(t, s, "GET", "/enterprise/announcement", "").obj(t)
	if got["announcement"] != nil || got["expires_at"] != nil || got["user_dismissible"] != false {
		t.Fatalf("no banner: %v", got)
	}
	exp := testNow.Add(2 * time.Hour).Format(time.RFC3339)
	r := api(t, s, "PATCH", "/enterprise/announcement", `{"announcement":"Maintenance at 22:00","expires_at":"`+exp+`","user_dismissible":true}`)
	wantStatus(t, r, http.StatusOK)
	got = r.obj(t)
	if got["announcement"] != "Maintenance at 22:00" || got["expires_at"] != "2024-05-01T14:00:00.000+00:00" || got["user_dismissible"] != true {
		t.Fatalf("set: %v", got)
	}
	if got := api(t, s, "GET", "/enterprise/announcement", "").obj(t); got["announcement"] != "Maintenance at 22:00" {
		t.Fatalf("before expiry: %v", got)
	}
	mu.Lock()
	now = now.Add(2 * time.Hour)
	mu.Unlock()
	got = api(t, s, "GET", "/enterprise/announcement", "").obj(t)
	if got["announcement"] != nil || got["expires_at"] != nil || got["user_dismissible"] != false {
		t.Fatalf("after expiry the banner is still there: %v", got)
	}

	// A banner without expiry stays until it is removed.
	wantStatus(t, api(t, s, "PATCH", "/enterprise/announcement", `{"announcement":"Welcome"}`), http.StatusOK)
	if got := api(t, s, "GET", "/enterprise/announcement", "").obj(t); got["announcement"] != "Welcome" || got["expires_at"] != nil {
		t.Fatalf("no expiry: %v", got)
	}
	wantStatus(t, api(t, s, "DELETE", "/enterprise/announcement", ""), http.StatusNoContent)
	if got := api(t, s, "GET", "/enterprise/announcement", "").obj(t); got["announcement"] != nil {
		t.Fatalf("after remove: %v", got)
	}

	want422(t, api(t, s, "PATCH", "/enterprise/announcement", `{"expires_at":null}`), "announcement is required")
	want422(t, api(t, s, "PATCH", "/enterprise/announcement", `{"announcement":"x","expires_at":"tomorrow"}`), "expires_at must be an ISO 8601 time")
	want422(t, api(t, s, "PATCH", "/enterprise/announcement", `{"announcement":"x","expires_at":"2020-01-01T00:00:00Z"}`), "expires_at must be in the future")
}

func TestAnnouncementBefore314HasNoUserDismissible(t *testing.T) {
	s := New(t, WithVersion("3.13.0"))
	got := api(t, s, "PATCH", "/enterprise/announcement", `{"announcement":"x","user_dismissible":true}`).obj(t)
	if _, ok := got["user_dismissible"]; ok {
		t.Fatalf("3.13 sent user_dismissible: %v", got)
	}
}

func TestActionsPermissionsSelectedOrganizations(t *testing.T) {
	s := New(t, WithVersion("3.19.0"), WithOrgs(Org{Login: "acme"}, Org{Login: "octo"}, Org{Login: "zeta"}))
	base := "/enterprises/" + s.Enterprise() + "/actions/permissions"
	got := api(t, s, "GET", base, "").obj(t)
	if got["enabled_organizations"] != "all" || got["allowed_actions"] != "all" || got["sha_pinning_required"] != false {
		t.Fatalf("defaults: %v", got)
	}
	if _, ok := got["selected_organizations_url"]; ok {
		t.Errorf("selected_organizations_url with all: %v", got)
	}

	wantStatus(t, api(t, s, "PUT", base, `{"enabled_organizations":"selected","allowed_actions":"selected","sha_pinning_required":true}`), http.StatusNoContent)
	got = api(t, s, "GET", base, "").obj(t)
	if got["enabled_organizations"] != "selected" || got["allowed_actions"] != "selected" || got["sha_pinning_required"] != true ||
		got["selected_organizations_url"] != s.APIURL()+"enterprises/"+s.Enterprise()+"/actions/permissions/organizations" ||
		got["selected_actions_url"] != s.APIURL()+"enterprises/"+s.Enterprise()+"/actions/permissions/selected-actions" {
		t.Fatalf("after set: %v", got)
	}

	acme, octo, zeta := s.OrgID("acme"), s.OrgID("octo"), s.OrgID("zeta")
	wantStatus(t, api(t, s, "PUT", base+"/organizations", fmt.Sprintf(`{"selected_organization_ids":[%d,%d]}`, acme, octo)), http.StatusNoContent)
	wantStatus(t, api(t, s, "PUT", fmt.Sprintf("%s/organizations/%d", base, zeta), ""), http.StatusNoContent)
	wantStatus(t, api(t, s, "DELETE", fmt.Sprintf("%s/organizations/%d", base, acme), ""), http.StatusNoContent)
	var page struct {
		TotalCount    int `json:"total_count"`
		Organizations []struct {
			Login string `json:"login"`
		} `json:"organizations"`
	}
	r := api(t, s, "GET", base+"/organizations?per_page=1", "")
	r.decode(t, &page)
	if page.TotalCount != 2 || len(page.Organizations) != 1 || page.Organizations[0].Login != "octo" || r.header.Get("Link") == "" {
		t.Fatalf("page 1: %s (Link %q)", r.body, r.header.Get("Link"))
	}
	api(t, s, "GET", base+"/organizations?per_page=1&page=2", "").decode(t, &page)
	if len(page.Organizations) != 1 || page.Organizations[0].Login != "zeta" {
		t.Fatalf("page 2: %+v", page)
	}

	// An organization that does not exist: 422, the set is unchanged.
	want422(t, api(t, s, "PUT", base+"/organizations", fmt.Sprintf(`{"selected_organization_ids":[%d,999999]}`, acme)), "organization 999999 does not exist")
	want422(t, api(t, s, "PUT", base+"/organizations", `{}`), "selected_organization_ids is required")
	api(t, s, "GET", base+"/organizations", "").decode(t, &page)
	if page.TotalCount != 2 {
		t.Errorf("a refused PUT changed the set: %+v", page)
	}
	wantStatus(t, api(t, s, "PUT", base+"/organizations/999999", ""), http.StatusNotFound)

	want422(t, api(t, s, "PUT", base, `{"allowed_actions":"all"}`), "enabled_organizations is required")
	want422(t, api(t, s, "PUT", base, `{"enabled_organizations":"some"}`), `enabled_organizations must be one of: "all", "none", "selected"`)
	want422(t, api(t, s, "PUT", base, `{"enabled_organizations":"all","allowed_actions":"any"}`), `allowed_actions must be one of: "all", "local_only", "selected"`)

	// none hides the actions policy.
	wantStatus(t, api(t, s, "PUT", base, `{"enabled_organizations":"none"}`), http.StatusNoContent)
	if got := api(t, s, "GET", base, "").obj(t); got["allowed_actions"] != nil {
		t.Errorf("none still shows allowed_actions: %v", got)
	}
}

func TestActionsPermissionsPolicies(t *testing.T) {
	s := New(t, WithVersion("3.19.0"))
	base := "/enterprises/" + s.Enterprise() + "/actions/permissions"

	// Selected actions: fields merge, patterns replace.
	wantStatus(t, api(t, s, "PUT", base+"/selected-actions", `{"verified_allowed":true,"patterns_allowed":["docker/*","monalisa/octocat@*"]}`), http.StatusNoContent)
	got := api(t, s, "GET", base+"/selected-actions", "").obj(t)
	if got["github_owned_allowed"] != true || got["verified_allowed"] != true || fmt.Sprint(got["patterns_allowed"]) != "[docker/* monalisa/octocat@*]" {
		t.Fatalf("selected actions: %v", got)
	}
	wantStatus(t, api(t, s, "PUT", base+"/selected-actions", `{"github_owned_allowed":false,"patterns_allowed":[]}`), http.StatusNoContent)
	got = api(t, s, "GET", base+"/selected-actions", "").obj(t)
	if got["github_owned_allowed"] != false || got["verified_allowed"] != true || fmt.Sprint(got["patterns_allowed"]) != "[]" {
		t.Fatalf("selected actions cleared: %v", got)
	}

	// Workflow permissions.
	if got := api(t, s, "GET", base+"/workflow", "").obj(t); got["default_workflow_permissions"] != "read" || got["can_approve_pull_request_reviews"] != false {
		t.Fatalf("workflow defaults: %v", got)
	}
	wantStatus(t, api(t, s, "PUT", base+"/workflow", `{"default_workflow_permissions":"write","can_approve_pull_request_reviews":true}`), http.StatusNoContent)
	if got := api(t, s, "GET", base+"/workflow", "").obj(t); got["default_workflow_permissions"] != "write" || got["can_approve_pull_request_reviews"] != true {
		t.Fatalf("workflow: %v", got)
	}
	want422(t, api(t, s, "PUT", base+"/workflow", `{"default_workflow_permissions":"admin"}`), `default_workflow_permissions must be one of: "read", "write"`)

	// Retention, within 1..400 days.
	if got := api(t, s, "GET", base+"/artifact-and-log-retention", "").obj(t); got["days"] != 90.0 || got["maximum_allowed_days"] != 400.0 {
		t.Fatalf("retention defaults: %v", got)
	}
	wantStatus(t, api(t, s, "PUT", base+"/artifact-and-log-retention", `{"days":30}`), http.StatusNoContent)
	if got := api(t, s, "GET", base+"/artifact-and-log-retention", "").obj(t); got["days"] != 30.0 {
		t.Fatalf("retention: %v", got)
	}
	want422(t, api(t, s, "PUT", base+"/artifact-and-log-retention", `{"days":0}`), "days must be between 1 and 400")
	want422(t, api(t, s, "PUT", base+"/artifact-and-log-retention", `{"days":401}`), "days must be between 1 and 400")
	want422(t, api(t, s, "PUT", base+"/artifact-and-log-retention", `{}`), "days is required")

	// Fork pull requests.
	wantStatus(t, api(t, s, "PUT", base+"/fork-pr-contributor-approval", `{"approval_policy":"all_external_contributors"}`), http.StatusNoContent)
	if got := api(t, s, "GET", base+"/fork-pr-contributor-approval", "").obj(t); got["approval_policy"] != "all_external_contributors" {
		t.Fatalf("approval: %v", got)
	}
	want422(t, api(t, s, "PUT", base+"/fork-pr-contributor-approval", `{"approval_policy":"nobody"}`),
		`approval_policy must be one of: "first_time_contributors_new_to_github", "first_time_contributors", "all_external_contributors"`)
	wantStatus(t, api(t, s, "PUT", base+"/fork-pr-workflows-private-repos", `{"run_workflows_from_fork_pull_requests":true,"require_approval_for_fork_pr_workflows":true}`), http.StatusNoContent)
	got = api(t, s, "GET", base+"/fork-pr-workflows-private-repos", "").obj(t)
	if got["run_workflows_from_fork_pull_requests"] != true || got["require_approval_for_fork_pr_workflows"] != true || got["send_write_tokens_to_workflows"] != false || got["send_secrets_and_variables"] != false {
		t.Fatalf("fork workflows: %v", got)
	}
	want422(t, api(t, s, "PUT", base+"/fork-pr-workflows-private-repos", `{"send_secrets_and_variables":true}`), "run_workflows_from_fork_pull_requests is required")

	// Self-hosted runners.
	wantStatus(t, api(t, s, "PUT", base+"/self-hosted-runners", `{"disable_self_hosted_runners_for_all_orgs":true}`), http.StatusNoContent)
	if got := api(t, s, "GET", base+"/self-hosted-runners", "").obj(t); got["disable_self_hosted_runners_for_all_orgs"] != true {
		t.Fatalf("self-hosted: %v", got)
	}
	want422(t, api(t, s, "PUT", base+"/self-hosted-runners", `{}`), "disable_self_hosted_runners_for_all_orgs is required")
}

func TestActionsPermissionsReleases(t *testing.T) {
	s := New(t, WithVersion("3.18.0"))
	base := "/enterprises/" + s.Enterprise() + "/actions/permissions"
	for _, p := range []string{"/artifact-and-log-retention", "/fork-pr-contributor-approval", "/fork-pr-workflows-private-repos", "/self-hosted-runners"} {
		wantStatus(t, api(t, s, "GET", base+p, ""), http.StatusNotFound)
	}
	if got := api(t, s, "GET", base, "").obj(t); got["sha_pinning_required"] != nil {
		t.Errorf("3.18 sent sha_pinning_required: %v", got)
	}
	if got := api(t, s, "GET", base+"/selected-actions", "").obj(t); got["verified_allowed"] != true && got["verified_allowed"] != false {
		t.Errorf("3.18 lacks verified_allowed: %v", got)
	}
	old := New(t, WithVersion("3.4.0"))
	wantStatus(t, api(t, old, "GET", "/enterprises/"+old.Enterprise()+"/actions/permissions/workflow", ""), http.StatusNotFound)
	if got := api(t, old, "GET", "/enterprises/"+old.Enterprise()+"/actions/permissions/selected-actions", "").obj(t); got["verified_allowed"] != nil {
		t.Errorf("3.4 sent verified_allowed: %v", got)
	}
}

func TestActionsCacheUsageAndPolicy(t *testing.T) {
	s := New(t)
	base := "/enterprises/" + s.Enterprise() + "/actions/cache"
	if got := api(t, s, "GET", base+"/usage", "").obj(t); got["total_active_caches_count"] != 0.0 || got["total_active_caches_size_in_bytes"] != 0.0 {
		t.Fatalf("usage: %v", got)
	}
	if err := s.SetActionsCacheUsage(5, 3344284); err != nil {
		t.Fatal(err)
	}
	if err := s.SetActionsCacheUsage(-1, 0); err == nil {
		t.Error("negative usage accepted")
	}
	if got := api(t, s, "GET", base+"/usage", "").obj(t); got["total_active_caches_count"] != 5.0 || got["total_active_caches_size_in_bytes"] != 3344284.0 {
		t.Fatalf("usage: %v", got)
	}

	if got := api(t, s, "GET", base+"/usage-policy", "").obj(t); got["repo_cache_size_limit_in_gb"] != 10.0 || got["max_repo_cache_size_limit_in_gb"] != 25.0 {
		t.Fatalf("policy defaults: %v", got)
	}
	wantStatus(t, api(t, s, "PATCH", base+"/usage-policy", `{"repo_cache_size_limit_in_gb":20}`), http.StatusNoContent)
	want422(t, api(t, s, "PATCH", base+"/usage-policy", `{"repo_cache_size_limit_in_gb":26}`),
		"repo_cache_size_limit_in_gb must be less than or equal to max_repo_cache_size_limit_in_gb (25)")
	want422(t, api(t, s, "PATCH", base+"/usage-policy", `{"max_repo_cache_size_limit_in_gb":15}`),
		"repo_cache_size_limit_in_gb must be less than or equal to max_repo_cache_size_limit_in_gb (15)")
	want422(t, api(t, s, "PATCH", base+"/usage-policy", `{"repo_cache_size_limit_in_gb":-1}`), "repo_cache_size_limit_in_gb must be 0 or more")
	wantStatus(t, api(t, s, "PATCH", base+"/usage-policy", `{"repo_cache_size_limit_in_gb":40,"max_repo_cache_size_limit_in_gb":50}`), http.StatusNoContent)
	got := api(t, s, "GET", base+"/usage-policy", "").obj(t)
	if got["repo_cache_size_limit_in_gb"] != 40.0 || got["max_repo_cache_size_limit_in_gb"] != 50.0 {
		t.Fatalf("policy: %v", got)
	}
	// Another enterprise is not found.
	wantStatus(t, api(t, s, "GET", "/enterprises/other/actions/cache/usage-policy", ""), http.StatusNotFound)
}
