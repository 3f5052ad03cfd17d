package main

import (
	"errors"
	"io"
	"sort"
	"strings"
	"testing"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/examples/internal/exampletest"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

func TestRunOnTheFake(t *testing.T) {
	out := exampletest.RunOnFake(t, "3.14.0", run)
	exampletest.Contains(t, out,
		"2500 runners: 250 offline, 625 labelled gpu",
		"  deleted 250 offline runners",
		`  restricted group "gpu-runners" to ml, research`,
		`  moved 625 runners into "gpu-runners"`,
	)
}

// state reads the runners left and the group's runners and organizations.
func state(t *testing.T, client *ghesadmin.Client, ent string) (left, inGroup int, orgs []string) {
	t.Helper()
	ctx := exampletest.Ctx(t)
	rs, _, err := client.Actions.ListRunners(ctx, ent, nil)
	if err != nil {
		t.Fatal(err)
	}
	g, err := findGroup(ctx, client, ent, "gpu-runners")
	if err != nil {
		t.Fatal(err)
	}
	if g == nil {
		return rs.TotalCount, -1, nil
	}
	if g.Visibility != ghesadmin.RunnerGroupVisibilitySelected {
		t.Errorf("group visibility %q", g.Visibility)
	}
	grs, _, err := client.Actions.ListRunnerGroupRunners(ctx, ent, g.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	for o, err := range client.Actions.ListRunnerGroupOrganizationsIter(ctx, ent, g.ID, nil) {
		if err != nil {
			t.Fatal(err)
		}
		orgs = append(orgs, o.Login)
	}
	sort.Strings(orgs)
	return rs.TotalCount, grs.TotalCount, orgs
}

func TestCleanupState(t *testing.T) {
	srv, client := exampletest.Fake(t, func() (*ghestest.Server, error) { return startFake(400) })
	ent := srv.Enterprise()
	p := plan{Enterprise: ent, Label: "gpu", Group: "gpu-runners", Orgs: []string{"ml", "research"}, DeleteOffline: true}

	dry := p
	dry.DryRun = true
	if err := cleanup(exampletest.Ctx(t), io.Discard, client, dry); err != nil {
		t.Fatal(err)
	}
	if left, in, _ := state(t, client, ent); left != 400 || in != -1 {
		t.Fatalf("a dry run changed something: %d runners, group %d", left, in)
	}

	if err := cleanup(exampletest.Ctx(t), io.Discard, client, p); err != nil {
		t.Fatal(err)
	}
	left, in, orgs := state(t, client, ent)
	if left != 360 || in != 100 || strings.Join(orgs, ",") != "ml,research" {
		t.Errorf("after the cleanup: %d runners, %d in the group, orgs %v", left, in, orgs)
	}
	// A second run finds the group and keeps it as it should be.
	p.Orgs = []string{"ml"}
	if err := cleanup(exampletest.Ctx(t), io.Discard, client, p); err != nil {
		t.Fatal(err)
	}
	if left, in, orgs := state(t, client, ent); left != 360 || in != 100 || strings.Join(orgs, ",") != "ml" {
		t.Errorf("after a second run: %d runners, %d in the group, orgs %v", left, in, orgs)
	}
}

func TestUnknownOrgChangesNothing(t *testing.T) {
	srv, client := exampletest.Fake(t, func() (*ghestest.Server, error) { return startFake(20) })
	err := cleanup(exampletest.Ctx(t), io.Discard, client, plan{Enterprise: srv.Enterprise(), Label: "gpu", Group: "g", Orgs: []string{"ml", "nope"}, DeleteOffline: true})
	if !errors.Is(err, ghesadmin.ErrNotFound) || !strings.Contains(err.Error(), "nope") {
		t.Errorf("err = %v", err)
	}
	if n := srv.RequestCount("DELETE", "/enterprises/"+srv.Enterprise()+"/actions/runners/1"); n != 0 {
		t.Error("a runner was deleted")
	}
	if left, _, _ := state(t, client, srv.Enterprise()); left != 20 {
		t.Errorf("%d runners left", left)
	}
}

func TestRealGHESNeedsEnterprise(t *testing.T) {
	srv := ghestest.New(t)
	exampletest.AsReal(t, srv, false)
	if err := run(exampletest.Ctx(t), io.Discard, nil); err == nil || !strings.Contains(err.Error(), "-enterprise is required") {
		t.Errorf("err = %v", err)
	}
	t.Setenv("GHES_TOKEN", "")
	if err := run(exampletest.Ctx(t), io.Discard, nil); err == nil {
		t.Error("GHES_URL without GHES_TOKEN was accepted")
	}
}

// TestNoRawRequests: the example uses the SDK's methods only.
func TestNoRawRequests(t *testing.T) { exampletest.NoRawRequests(t) }
