// Command runner-cleanup tidies the enterprise's self-hosted runners: it
// deletes the offline ones and moves every runner with a given label into a
// runner group restricted to a few organizations (created when missing),
// looking the organizations up by login.
//
//	go run ./examples/runner-cleanup                     # on a fake GHES with 2,500 runners
//	GHES_URL=https://ghe.example.com GHES_TOKEN=... \
//	    go run ./examples/runner-cleanup -enterprise acme -label gpu -group gpu-runners -orgs ml,research
//
// With GHES_URL and GHES_TOKEN (a site administrator's token with
// admin:enterprise) set, it works on that instance; add -dry-run to see
// what would change. Without them it starts ghestest, the SDK's in-memory
// fake, seeded with 2,500 runners.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/examples/internal/exampleenv"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

func main() { exampleenv.Main("runner-cleanup", run) }

// plan is what the cleanup does.
type plan struct {
	Enterprise    string
	Label         string   // runners with this label move to Group
	Group         string   // the restricted runner group
	Orgs          []string // organization logins that may use Group
	DeleteOffline bool
	DryRun        bool
}

func run(ctx context.Context, out io.Writer, args []string) error {
	fs := exampleenv.Flags("runner-cleanup", out)
	p := plan{}
	fs.StringVar(&p.Enterprise, "enterprise", "", "enterprise slug (on the fake: "+ghestest.DefaultEnterprise+")")
	fs.StringVar(&p.Label, "label", "gpu", "label of the runners to move into the group")
	fs.StringVar(&p.Group, "group", "gpu-runners", "name of the restricted runner group (created when missing)")
	orgs := fs.String("orgs", "ml,research", "comma-separated logins of the organizations that may use the group")
	fs.BoolVar(&p.DeleteOffline, "delete-offline", true, "delete the runners that are offline")
	fs.BoolVar(&p.DryRun, "dry-run", false, "print what would change, change nothing")
	check := func() error {
		for _, o := range strings.Split(*orgs, ",") {
			if o = strings.TrimSpace(o); o != "" {
				p.Orgs = append(p.Orgs, o)
			}
		}
		if len(p.Orgs) == 0 || p.Label == "" || p.Group == "" {
			return errors.New("-orgs, -label and -group must not be empty")
		}
		return nil
	}
	fake := func() (*ghestest.Server, error) { return startFake(2500) }
	return exampleenv.Run(fs, args, exampleenv.Options{Fake: fake, Check: check}, func(ghes *exampleenv.Target) (err error) {
		if p.Enterprise, err = ghes.Required("enterprise", p.Enterprise, ghestest.DefaultEnterprise); err != nil {
			return err
		}
		return cleanup(ctx, out, ghes.Client, p)
	})
}

// startFake seeds n runners: every 10th offline, every 4th labelled gpu,
// and the organizations of the default plan plus one that must not get
// access.
func startFake(n int) (*ghestest.Server, error) {
	runners := make([]ghestest.Runner, 0, n)
	for i := 0; i < n; i++ {
		r := ghestest.Runner{Name: fmt.Sprintf("runner-%04d", i)}
		if i%10 == 9 {
			r.Status = "offline"
		}
		if i%4 == 0 {
			r.Labels = []string{"gpu"}
		}
		runners = append(runners, r)
	}
	return ghestest.NewServer(ghestest.WithVersion("3.14.0"), ghestest.WithRunners(runners...),
		ghestest.WithOrgs(ghestest.Org{Login: "ml"}, ghestest.Org{Login: "research"}, ghestest.Org{Login: "marketing"}))
}

// cleanup applies p and prints what it did.
func cleanup(ctx context.Context, out io.Writer, client *ghesadmin.Client, p plan) error {
	would := ""
	if p.DryRun {
		would = "would have "
		fmt.Fprintln(out, "Dry run: nothing changes.")
	}

	// Runner groups take organization IDs: look the logins up first, so a
	// typo stops the run before anything changes.
	var orgIDs []int64
	for _, login := range p.Orgs {
		org, _, err := client.Organizations.Get(ctx, login)
		if err != nil {
			return fmt.Errorf("look up organization %s: %w", login, err)
		}
		orgIDs = append(orgIDs, org.ID)
	}

	// Read every runner first: deleting while iterating would shift the
	// pages and skip runners (see ListRunnersIter).
	var offline, move []int64
	total := 0
	for r, err := range client.Actions.ListRunnersIter(ctx, p.Enterprise, &ghesadmin.ListRunnersOptions{ListOptions: ghesadmin.ListOptions{PerPage: 100}}) {
		if err != nil {
			return fmt.Errorf("list runners: %w", err)
		}
		total++
		switch {
		case p.DeleteOffline && r.Status == "offline" && !r.Busy:
			offline = append(offline, r.ID)
		case hasLabel(r, p.Label):
			move = append(move, r.ID)
		}
	}
	fmt.Fprintf(out, "%d runners: %d offline, %d labelled %s\n", total, len(offline), len(move), p.Label)

	for _, id := range offline {
		if p.DryRun {
			continue
		}
		if _, err := client.Actions.DeleteRunner(ctx, p.Enterprise, id); err != nil && !errors.Is(err, ghesadmin.ErrNotFound) {
			return fmt.Errorf("delete runner %d: %w", id, err)
		}
	}
	fmt.Fprintf(out, "  %sdeleted %d offline runners\n", would, len(offline))

	group, err := findGroup(ctx, client, p.Enterprise, p.Group)
	if err != nil {
		return err
	}
	selected := ghesadmin.RunnerGroupVisibilitySelected
	switch {
	case p.DryRun:
	case group == nil:
		group, _, err = client.Actions.CreateRunnerGroup(ctx, p.Enterprise, ghesadmin.CreateRunnerGroupRequest{
			Name: p.Group, Visibility: &selected, SelectedOrganizationIDs: orgIDs,
		})
		if err != nil {
			return fmt.Errorf("create runner group %s: %w", p.Group, err)
		}
	default:
		if _, _, err := client.Actions.UpdateRunnerGroup(ctx, p.Enterprise, group.ID, ghesadmin.UpdateRunnerGroupRequest{Visibility: &selected}); err != nil {
			return fmt.Errorf("restrict runner group %s: %w", p.Group, err)
		}
		if _, err := client.Actions.SetRunnerGroupOrganizations(ctx, p.Enterprise, group.ID, orgIDs); err != nil {
			return fmt.Errorf("set the organizations of %s: %w", p.Group, err)
		}
	}
	fmt.Fprintf(out, "  %srestricted group %q to %s\n", would, p.Group, strings.Join(p.Orgs, ", "))

	if !p.DryRun {
		// One request moves them all (it replaces the group's runners).
		if _, err := client.Actions.SetRunnerGroupRunners(ctx, p.Enterprise, group.ID, move); err != nil {
			return fmt.Errorf("move runners into %s: %w", p.Group, err)
		}
	}
	fmt.Fprintf(out, "  %smoved %d runners into %q\n", would, len(move), p.Group)
	return nil
}

// findGroup returns the enterprise's runner group named name, or nil.
func findGroup(ctx context.Context, client *ghesadmin.Client, enterprise, name string) (*ghesadmin.RunnerGroup, error) {
	for g, err := range client.Actions.ListRunnerGroupsIter(ctx, enterprise, nil) {
		if err != nil {
			return nil, fmt.Errorf("list runner groups: %w", err)
		}
		if g.Name == name {
			return g, nil
		}
	}
	return nil, nil
}

func hasLabel(r *ghesadmin.Runner, label string) bool {
	for _, l := range r.Labels {
		if l != nil && strings.EqualFold(l.Name, label) {
			return true
		}
	}
	return false
}
