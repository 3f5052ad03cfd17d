package e2e_test

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

// actionsSeed seeds the fakes of the Actions tests: a user, three
// organizations and a busy runner.
var actionsSeed = []ghestest.Option{
	ghestest.WithUsers(ghestest.User{Login: "hubot", Email: "hubot@example.com"}),
	ghestest.WithOrgs(ghestest.Org{Login: "github", Admin: "hubot"}, ghestest.Org{Login: "octo-org", Admin: "hubot"}, ghestest.Org{Login: "third", Admin: "hubot"}),
	ghestest.WithRunners(ghestest.Runner{Name: "busy-runner", Busy: true}),
}

func orgLogins(orgs []*ghesadmin.Organization) []string {
	var out []string
	for _, o := range orgs {
		out = append(out, o.Login)
	}
	slices.Sort(out)
	return out
}

func runnerNames(rs []*ghesadmin.Runner) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Name)
	}
	slices.Sort(out)
	return out
}

func TestActionsRunnerGroups(t *testing.T) {
	onFakes(t, versions, actionsSeed, func(t *testing.T, c context.Context, srv *ghestest.Server, client *ghesadmin.Client) {
		ent := srv.Enterprise()
		gh, octo, third := srv.OrgID("github"), srv.OrgID("octo-org"), srv.OrgID("third")

		g, resp, err := client.Actions.CreateRunnerGroup(c, ent, ghesadmin.CreateRunnerGroupRequest{
			Name: "octo-runner-group", Visibility: ghesadmin.Ptr(ghesadmin.RunnerGroupVisibilitySelected),
			SelectedOrganizationIDs: []int64{gh}, AllowsPublicRepositories: ghesadmin.Ptr(true),
		})
		must(t, "CreateRunnerGroup", err)
		wantStatus(t, "CreateRunnerGroup", resp, http.StatusCreated)
		if g.ID == 0 || g.ID != srv.RunnerGroupID("octo-runner-group") || g.Name != "octo-runner-group" || g.Visibility != ghesadmin.RunnerGroupVisibilitySelected ||
			g.Default || !g.AllowsPublicRepositories || !strings.HasSuffix(g.SelectedOrganizationsURL, "/runner-groups/"+strconv.FormatInt(g.ID, 10)+"/organizations") ||
			!strings.HasSuffix(g.RunnersURL, "/runners") {
			t.Errorf("CreateRunnerGroup: %+v", g)
		}
		_, _, err = client.Actions.CreateRunnerGroup(c, ent, ghesadmin.CreateRunnerGroupRequest{Name: "octo-runner-group"})
		wantValidation(t, "CreateRunnerGroup taken name", err, "RunnerGroup", "name", "already_exists", "taken")

		got, _, err := client.Actions.GetRunnerGroup(c, ent, g.ID)
		must(t, "GetRunnerGroup", err)
		if got.Name != g.Name || got.Visibility != g.Visibility || got.SelectedOrganizationsURL != g.SelectedOrganizationsURL {
			t.Errorf("GetRunnerGroup: %+v", got)
		}

		// The enterprise ID "1" works as the slug does.
		groups, _, err := client.Actions.ListRunnerGroups(c, "1", nil)
		must(t, "ListRunnerGroups", err)
		if groups.TotalCount != 2 || len(groups.RunnerGroups) != 2 || !groups.RunnerGroups[0].Default || groups.RunnerGroups[1].ID != g.ID {
			t.Fatalf("ListRunnerGroups: %+v", groups)
		}
		visible := func(org string) []string {
			t.Helper()
			return collect(t, "ListRunnerGroupsIter", client.Actions.ListRunnerGroupsIter(c, ent, &ghesadmin.ListRunnerGroupsOptions{VisibleToOrganization: org, ListOptions: ghesadmin.ListOptions{PerPage: 1}}), func(rg *ghesadmin.RunnerGroup) string { return rg.Name })
		}
		if got := visible("octo-org"); !slices.Equal(got, []string{"Default"}) {
			t.Errorf("visible to octo-org: %v", got)
		}
		if got := visible("github"); !slices.Equal(got, []string{"Default", "octo-runner-group"}) {
			t.Errorf("visible to github: %v", got)
		}

		up, _, err := client.Actions.UpdateRunnerGroup(c, ent, g.ID, ghesadmin.UpdateRunnerGroupRequest{Name: ghesadmin.Ptr("ops-runners"), AllowsPublicRepositories: ghesadmin.Ptr(false)})
		must(t, "UpdateRunnerGroup", err)
		if up.Name != "ops-runners" || up.AllowsPublicRepositories || up.Visibility != ghesadmin.RunnerGroupVisibilitySelected {
			t.Errorf("UpdateRunnerGroup: %+v", up)
		}

		// The selected organizations.
		orgs, _, err := client.Actions.ListRunnerGroupOrganizations(c, ent, g.ID, nil)
		must(t, "ListRunnerGroupOrganizations", err)
		if orgs.TotalCount != 1 || !slices.Equal(orgLogins(orgs.Organizations), []string{"github"}) || orgs.Organizations[0].ID != gh {
			t.Errorf("ListRunnerGroupOrganizations: %+v", orgs)
		}
		resp, err = client.Actions.SetRunnerGroupOrganizations(c, ent, g.ID, []int64{octo, third})
		must(t, "SetRunnerGroupOrganizations", err)
		wantStatus(t, "SetRunnerGroupOrganizations", resp, http.StatusNoContent)
		resp, err = client.Actions.AddRunnerGroupOrganization(c, ent, g.ID, gh)
		must(t, "AddRunnerGroupOrganization", err)
		wantStatus(t, "AddRunnerGroupOrganization", resp, http.StatusNoContent)
		srv.ResetRequestCounts()
		all := walk(t, "ListRunnerGroupOrganizationsIter", client.Actions.ListRunnerGroupOrganizationsIter(c, ent, g.ID, &ghesadmin.ListOptions{PerPage: 1}))
		if !slices.Equal(orgLogins(all), []string{"github", "octo-org", "third"}) {
			t.Errorf("after set and add: %v", orgLogins(all))
		}
		if n := srv.RequestCount("GET", "/enterprises/"+ent+"/actions/runner-groups/"+strconv.FormatInt(g.ID, 10)+"/organizations"); n != 3 {
			t.Errorf("ListRunnerGroupOrganizationsIter: %d requests, want 3", n)
		}
		resp, err = client.Actions.RemoveRunnerGroupOrganization(c, ent, g.ID, third)
		must(t, "RemoveRunnerGroupOrganization", err)
		wantStatus(t, "RemoveRunnerGroupOrganization", resp, http.StatusNoContent)
		orgs, _, err = client.Actions.ListRunnerGroupOrganizations(c, ent, g.ID, nil)
		must(t, "ListRunnerGroupOrganizations after remove", err)
		if !slices.Equal(orgLogins(orgs.Organizations), []string{"github", "octo-org"}) || orgs.TotalCount != 2 {
			t.Errorf("after remove: %+v", orgLogins(orgs.Organizations))
		}
		if got := visible("third"); !slices.Equal(got, []string{"Default"}) {
			t.Errorf("visible to third after remove: %v", got)
		}
		_, err = client.Actions.AddRunnerGroupOrganization(c, ent, g.ID, 999999)
		wantIs(t, "AddRunnerGroupOrganization unknown", err, ghesadmin.ErrNotFound, http.StatusNotFound)

		resp, err = client.Actions.DeleteRunnerGroup(c, ent, g.ID)
		must(t, "DeleteRunnerGroup", err)
		wantStatus(t, "DeleteRunnerGroup", resp, http.StatusNoContent)
		_, _, err = client.Actions.GetRunnerGroup(c, ent, g.ID)
		wantIs(t, "GetRunnerGroup deleted", err, ghesadmin.ErrNotFound, http.StatusNotFound)
		_, _, err = client.Actions.ListRunnerGroups(c, "no-such-enterprise", nil)
		wantIs(t, "ListRunnerGroups unknown enterprise", err, ghesadmin.ErrNotFound, http.StatusNotFound)
	})
}

func TestActionsRunners(t *testing.T) {
	onFakes(t, versions, actionsSeed, func(t *testing.T, c context.Context, srv *ghestest.Server, client *ghesadmin.Client) {
		ent := srv.Enterprise()

		reg, resp, err := client.Actions.CreateRegistrationToken(c, ent)
		must(t, "CreateRegistrationToken", err)
		wantStatus(t, "CreateRegistrationToken", resp, http.StatusCreated)
		if reg.Token == "" || strings.Contains(reg.String(), reg.Token) {
			t.Errorf("CreateRegistrationToken: empty token or String shows it: %v", reg)
		}
		if d := time.Until(reg.ExpiresAt); d < 58*time.Minute || d > 61*time.Minute {
			t.Errorf("CreateRegistrationToken: expires in %v, want about 1h", d)
		}
		var names []string
		for i := range 7 {
			name := "runner-" + strconv.Itoa(i)
			if _, err := srv.RegisterRunner(reg.Token, name, "gpu"); err != nil {
				t.Fatalf("RegisterRunner %s: %v", name, err)
			}
			names = append(names, name)
		}
		names = append(names, "busy-runner")
		slices.Sort(names)

		// Eight runners, three per page.
		srv.ResetRequestCounts()
		listed := walk(t, "ListRunnersIter", client.Actions.ListRunnersIter(c, ent, &ghesadmin.ListRunnersOptions{ListOptions: ghesadmin.ListOptions{PerPage: 3}}))
		if !slices.Equal(runnerNames(listed), names) {
			t.Fatalf("ListRunnersIter: %v, want %v", runnerNames(listed), names)
		}
		if n := srv.RequestCount("GET", "/enterprises/"+ent+"/actions/runners"); n != 3 {
			t.Errorf("ListRunnersIter: %d requests, want 3", n)
		}
		page, resp, err := client.Actions.ListRunners(c, ent, &ghesadmin.ListRunnersOptions{ListOptions: ghesadmin.ListOptions{Page: 2, PerPage: 3}})
		must(t, "ListRunners page 2", err)
		if page.TotalCount != 8 || len(page.Runners) != 3 || resp.NextPage != 3 || resp.LastPage != 3 || resp.PrevPage != 1 {
			t.Errorf("ListRunners page 2: total %d, %d runners, next %d last %d prev %d", page.TotalCount, len(page.Runners), resp.NextPage, resp.LastPage, resp.PrevPage)
		}

		// The name filter.
		one, _, err := client.Actions.ListRunners(c, ent, &ghesadmin.ListRunnersOptions{Name: "runner-3"})
		must(t, "ListRunners by name", err)
		if one.TotalCount != 1 || len(one.Runners) != 1 || one.Runners[0].Name != "runner-3" || one.Runners[0].ID != srv.RunnerID("runner-3") {
			t.Fatalf("ListRunners by name: %+v", one)
		}
		r3 := one.Runners[0]
		if r3.OS != "linux" || r3.Status != "online" || r3.Busy {
			t.Errorf("runner-3: %+v", r3)
		}
		var labels []string
		for _, l := range r3.Labels {
			labels = append(labels, l.Name+":"+string(l.Type))
		}
		if !slices.Equal(labels, []string{"self-hosted:read-only", "X64:read-only", "Linux:read-only", "gpu:custom"}) {
			t.Errorf("runner-3 labels: %v", labels)
		}

		// Group runners.
		g, _, err := client.Actions.CreateRunnerGroup(c, ent, ghesadmin.CreateRunnerGroupRequest{Name: "builders"})
		must(t, "CreateRunnerGroup", err)
		if g.Visibility != ghesadmin.RunnerGroupVisibilityAll || g.SelectedOrganizationsURL != "" {
			t.Errorf("CreateRunnerGroup defaults: %+v", g)
		}
		id := func(name string) int64 { return srv.RunnerID(name) }
		groupRunners := func(groupID int64) []string {
			t.Helper()
			return runnerNames(walk(t, "ListRunnerGroupRunnersIter", client.Actions.ListRunnerGroupRunnersIter(c, ent, groupID, &ghesadmin.ListOptions{PerPage: 1})))
		}
		resp, err = client.Actions.AddRunnerGroupRunner(c, ent, g.ID, id("runner-0"))
		must(t, "AddRunnerGroupRunner", err)
		wantStatus(t, "AddRunnerGroupRunner", resp, http.StatusNoContent)
		if got := groupRunners(g.ID); !slices.Equal(got, []string{"runner-0"}) {
			t.Errorf("after add: %v", got)
		}
		resp, err = client.Actions.SetRunnerGroupRunners(c, ent, g.ID, []int64{id("runner-1"), id("runner-2"), id("runner-3")})
		must(t, "SetRunnerGroupRunners", err)
		wantStatus(t, "SetRunnerGroupRunners", resp, http.StatusNoContent)
		if got := groupRunners(g.ID); !slices.Equal(got, []string{"runner-1", "runner-2", "runner-3"}) {
			t.Errorf("after set: %v", got)
		}
		resp, err = client.Actions.RemoveRunnerGroupRunner(c, ent, g.ID, id("runner-2"))
		must(t, "RemoveRunnerGroupRunner", err)
		wantStatus(t, "RemoveRunnerGroupRunner", resp, http.StatusNoContent)
		gr, _, err := client.Actions.ListRunnerGroupRunners(c, ent, g.ID, nil)
		must(t, "ListRunnerGroupRunners", err)
		if gr.TotalCount != 2 || !slices.Equal(runnerNames(gr.Runners), []string{"runner-1", "runner-3"}) {
			t.Errorf("after remove: %d %v", gr.TotalCount, runnerNames(gr.Runners))
		}
		def := srv.RunnerGroupID("Default")
		if got := groupRunners(def); len(got) != 6 || !slices.Contains(got, "runner-0") || !slices.Contains(got, "runner-2") {
			t.Errorf("default group: %v", got)
		}

		// Get and delete.
		r4, _, err := client.Actions.GetRunner(c, ent, id("runner-4"))
		must(t, "GetRunner", err)
		if r4.Name != "runner-4" || r4.ID != id("runner-4") || r4.OS != "linux" || r4.Status != "online" {
			t.Errorf("GetRunner: %+v", r4)
		}
		resp, err = client.Actions.DeleteRunner(c, ent, r4.ID)
		must(t, "DeleteRunner", err)
		wantStatus(t, "DeleteRunner", resp, http.StatusNoContent)
		_, _, err = client.Actions.GetRunner(c, ent, r4.ID)
		wantIs(t, "GetRunner deleted", err, ghesadmin.ErrNotFound, http.StatusNotFound)
		// A busy runner cannot be deleted (422, documented in 3.22).
		_, err = client.Actions.DeleteRunner(c, ent, id("busy-runner"))
		var ve *ghesadmin.ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("DeleteRunner busy: %v, want *ValidationError", err)
		}

		// A remove token lets a runner unregister itself.
		rm, resp, err := client.Actions.CreateRemoveToken(c, ent)
		must(t, "CreateRemoveToken", err)
		wantStatus(t, "CreateRemoveToken", resp, http.StatusCreated)
		if d := time.Until(rm.ExpiresAt); d < 58*time.Minute || d > 61*time.Minute {
			t.Errorf("CreateRemoveToken: expires in %v", d)
		}
		if err := srv.UnregisterRunner(rm.Token, id("runner-5")); err != nil {
			t.Fatalf("UnregisterRunner: %v", err)
		}
		if _, err := srv.RegisterRunner(rm.Token, "sneaky"); err == nil {
			t.Error("a remove token registered a runner")
		}
		left, _, err := client.Actions.ListRunners(c, ent, nil)
		must(t, "ListRunners after", err)
		if left.TotalCount != 6 || slices.Contains(runnerNames(left.Runners), "runner-5") {
			t.Errorf("after delete and unregister: %v", runnerNames(left.Runners))
		}

		apps, _, err := client.Actions.ListRunnerApplications(c, ent)
		must(t, "ListRunnerApplications", err)
		if len(apps) == 0 || apps[0].OS == "" || apps[0].DownloadURL == "" || apps[0].Filename == "" {
			t.Errorf("ListRunnerApplications: %v", apps)
		}

		// Deleting the group moves its runners to the default group.
		_, err = client.Actions.DeleteRunnerGroup(c, ent, g.ID)
		must(t, "DeleteRunnerGroup", err)
		if got := groupRunners(def); !slices.Contains(got, "runner-1") || !slices.Contains(got, "runner-3") {
			t.Errorf("default group after DeleteRunnerGroup: %v", got)
		}

		// Labels (3.4) and JIT configuration (3.10) are 3.x endpoints:
		// the client, which learnt the release from the replies above,
		// refuses them before sending, and the fake answers 404.
		if strings.HasPrefix(srv.Version(), "2.") {
			_, _, err = client.Actions.ListRunnerLabels(c, ent, id("runner-0"))
			wantUnsupported(t, srv, "ListRunnerLabels on 2.22", err, "GET", fmt.Sprintf("/enterprises/%s/actions/runners/%d/labels", ent, id("runner-0")))
			_, _, err = client.Actions.GenerateJITConfig(c, ent, ghesadmin.GenerateJITConfigRequest{Name: "jit", RunnerGroupID: def, Labels: []string{"self-hosted"}})
			wantUnsupported(t, srv, "GenerateJITConfig on 2.22", err, "POST", "/enterprises/"+ent+"/actions/runners/generate-jitconfig")
		}
	})
}

func labelNames(ls *ghesadmin.RunnerLabels) []string {
	var out []string
	for _, l := range ls.Labels {
		out = append(out, l.Name)
	}
	return out
}

func TestActionsRunnerLabelsAndJIT(t *testing.T) {
	t.Parallel()
	srv, client := start(t, latest, actionsSeed...)
	c := ctx(t)
	ent := srv.Enterprise()
	reg, _, err := client.Actions.CreateRegistrationToken(c, ent)
	must(t, "CreateRegistrationToken", err)
	rid, err := srv.RegisterRunner(reg.Token, "labelled", "gpu")
	must(t, "RegisterRunner", err)
	readOnly := []string{"self-hosted", "X64", "Linux"}

	ls, resp, err := client.Actions.ListRunnerLabels(c, ent, rid)
	must(t, "ListRunnerLabels", err)
	wantStatus(t, "ListRunnerLabels", resp, http.StatusOK)
	if ls.TotalCount != 4 || !slices.Equal(labelNames(ls), append(slices.Clone(readOnly), "gpu")) ||
		ls.Labels[0].Type != ghesadmin.RunnerLabelReadOnly || ls.Labels[3].Type != ghesadmin.RunnerLabelCustom || ls.Labels[3].ID == 0 {
		t.Fatalf("ListRunnerLabels: %+v", ls)
	}

	ls, _, err = client.Actions.AddRunnerLabels(c, ent, rid, []string{"ssd", "gpu"})
	must(t, "AddRunnerLabels", err)
	if ls.TotalCount != 5 || !slices.Equal(labelNames(ls), append(slices.Clone(readOnly), "gpu", "ssd")) {
		t.Errorf("AddRunnerLabels: %v", labelNames(ls))
	}
	ls, _, err = client.Actions.SetRunnerLabels(c, ent, rid, []string{"arm-cache", "big"})
	must(t, "SetRunnerLabels", err)
	if !slices.Equal(labelNames(ls), append(slices.Clone(readOnly), "arm-cache", "big")) {
		t.Errorf("SetRunnerLabels: %v", labelNames(ls))
	}
	ls, resp, err = client.Actions.RemoveRunnerLabel(c, ent, rid, "arm-cache")
	must(t, "RemoveRunnerLabel", err)
	wantStatus(t, "RemoveRunnerLabel", resp, http.StatusOK)
	if !slices.Equal(labelNames(ls), append(slices.Clone(readOnly), "big")) {
		t.Errorf("RemoveRunnerLabel: %v", labelNames(ls))
	}
	_, _, err = client.Actions.RemoveRunnerLabel(c, ent, rid, "self-hosted")
	wantValidation(t, "RemoveRunnerLabel read-only", err, "Runner", "name", "custom", "Read-only")
	_, _, err = client.Actions.RemoveRunnerLabel(c, ent, rid, "nope")
	wantIs(t, "RemoveRunnerLabel unknown", err, ghesadmin.ErrNotFound, http.StatusNotFound)
	ls, _, err = client.Actions.RemoveRunnerLabels(c, ent, rid)
	must(t, "RemoveRunnerLabels", err)
	if ls.TotalCount != 3 || !slices.Equal(labelNames(ls), readOnly) {
		t.Errorf("RemoveRunnerLabels: %+v", labelNames(ls))
	}
	r, _, err := client.Actions.GetRunner(c, ent, rid)
	must(t, "GetRunner", err)
	if len(r.Labels) != 3 {
		t.Errorf("GetRunner after RemoveRunnerLabels: %d labels", len(r.Labels))
	}

	def := srv.RunnerGroupID("Default")
	jit, resp, err := client.Actions.GenerateJITConfig(c, ent, ghesadmin.GenerateJITConfigRequest{
		Name: "jit-runner", RunnerGroupID: def, Labels: []string{"self-hosted", "ephemeral-pool"}, WorkFolder: ghesadmin.Ptr("_jit"),
	})
	must(t, "GenerateJITConfig", err)
	wantStatus(t, "GenerateJITConfig", resp, http.StatusCreated)
	if jit.Runner == nil || jit.Runner.Name != "jit-runner" || jit.Runner.ID == 0 || jit.Runner.ID != srv.RunnerID("jit-runner") {
		t.Fatalf("GenerateJITConfig: runner %+v", jit.Runner)
	}
	if raw, err := base64.StdEncoding.DecodeString(jit.EncodedJITConfig); err != nil || !strings.Contains(string(raw), "_jit") {
		t.Errorf("GenerateJITConfig: encoded config %q: %v", raw, err)
	}
	if strings.Contains(jit.String(), jit.EncodedJITConfig) {
		t.Error("JITRunnerConfig.String shows the configuration")
	}
	var names []string
	for _, l := range jit.Runner.Labels {
		names = append(names, l.Name)
	}
	if !slices.Contains(names, "ephemeral-pool") {
		t.Errorf("GenerateJITConfig labels: %v", names)
	}
	_, _, err = client.Actions.GenerateJITConfig(c, ent, ghesadmin.GenerateJITConfigRequest{Name: "jit-runner", RunnerGroupID: def, Labels: []string{"x"}})
	var er *ghesadmin.ErrorResponse
	if !errors.As(err, &er) || er.StatusCode() != http.StatusConflict {
		t.Errorf("GenerateJITConfig taken name: %v, want 409", err)
	}
	_, _, err = client.Actions.GenerateJITConfig(c, ent, ghesadmin.GenerateJITConfigRequest{Name: "other", RunnerGroupID: 987654, Labels: []string{"x"}})
	wantIs(t, "GenerateJITConfig unknown group", err, ghesadmin.ErrNotFound, http.StatusNotFound)
}
