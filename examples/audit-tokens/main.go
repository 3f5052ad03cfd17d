// Command audit-tokens lists every personal access token that carries an
// administrative scope, as an aligned table: who owns it, what it is for,
// which admin scopes it holds, when it was created and when it expires.
//
//	go run ./examples/audit-tokens                                   # on a fake GHES
//	go run ./examples/audit-tokens -scopes site_admin,admin:enterprise
//	GHES_URL=https://ghe.example.com GHES_TOKEN=... go run ./examples/audit-tokens
//
// With GHES_URL and GHES_TOKEN (a site administrator's token) set, it reads
// that instance; it changes nothing. Without them it starts ghestest, the
// SDK's in-memory fake, seeded with tokens of several users.
package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/examples/internal/exampleenv"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

// defaultScopes are the scopes that administer the instance, the enterprise
// or an organization.
const defaultScopes = "site_admin,admin:enterprise,admin:org"

func main() { exampleenv.Main("audit-tokens", run) }

func run(ctx context.Context, out io.Writer, args []string) error {
	fs := exampleenv.Flags("audit-tokens", out)
	scopeList := fs.String("scopes", defaultScopes, "comma-separated scopes that make a token administrative")
	var scopes []string
	check := func() error {
		for _, s := range strings.Split(*scopeList, ",") {
			if s = strings.TrimSpace(s); s != "" {
				scopes = append(scopes, s)
			}
		}
		if len(scopes) == 0 {
			return errors.New("-scopes names no scope")
		}
		return nil
	}
	return exampleenv.Run(fs, args, exampleenv.Options{Fake: startFake, Check: check}, func(ghes *exampleenv.Target) error {
		if ghes.Fake != nil {
			fmt.Fprintln(out)
		}
		return audit(ctx, out, ghes.Client, scopes)
	})
}

// startFake seeds tokens with and without admin scopes across several users.
func startFake() (*ghestest.Server, error) {
	return ghestest.NewServer(
		ghestest.WithUsers(
			ghestest.User{Login: "alice", Email: "alice@example.com", SiteAdmin: true},
			ghestest.User{Login: "bob", Email: "bob@example.com"},
			ghestest.User{Login: "carol", Email: "carol@example.com"},
			ghestest.User{Login: "release-bot", Email: "release-bot@example.com"},
		),
		ghestest.WithTokens(
			ghestest.Token{User: "alice", Value: "ghp_aliceMaintenanceScript00000000001", Note: "maintenance script", Scopes: []string{"site_admin", "repo"}},
			ghestest.Token{User: "bob", Value: "ghp_bobLaptop0000000000000000000000002", Note: "laptop", Scopes: []string{"repo", "read:org"}},
			ghestest.Token{User: "carol", Value: "ghp_carolOrgAutomation000000000000003", Note: "team sync", Scopes: []string{"admin:org", "read:user"}},
			ghestest.Token{User: "release-bot", Value: "ghp_releaseBotPipeline0000000000000004", Note: "release pipeline", Scopes: []string{"admin:enterprise", "write:packages"}},
			ghestest.Token{User: "carol", Value: "ghp_carolGists000000000000000000000005", Note: "gists", Scopes: []string{"gist"}},
		),
	)
}

// audit prints the tokens holding one of scopes, by owner.
func audit(ctx context.Context, out io.Writer, client *ghesadmin.Client, scopes []string) error {
	type finding struct {
		tok    *ghesadmin.Authorization
		owner  string
		scopes []string
	}
	var found []finding
	total := 0
	for tok, err := range client.Users.ListTokensIter(ctx, &ghesadmin.ListOptions{PerPage: 100}) {
		if err != nil {
			return fmt.Errorf("list personal access tokens: %w", err)
		}
		total++
		var admin []string
		for _, s := range tok.Scopes {
			if slices.Contains(scopes, s) {
				admin = append(admin, s)
			}
		}
		if len(admin) == 0 {
			continue
		}
		owner := "?"
		if tok.User != nil {
			owner = tok.User.Login
		}
		found = append(found, finding{tok: tok, owner: owner, scopes: admin})
	}
	slices.SortFunc(found, func(a, b finding) int {
		return cmp.Or(strings.Compare(a.owner, b.owner), cmp.Compare(a.tok.ID, b.tok.ID))
	})

	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "USER\tID\tTOKEN\tNOTE\tADMIN SCOPES\tCREATED\tEXPIRES")
	for _, f := range found {
		expires := "never"
		if f.tok.ExpiresAt != nil {
			expires = f.tok.ExpiresAt.Format(time.DateOnly)
		}
		fmt.Fprintf(tw, "%s\t%d\t…%s\t%s\t%s\t%s\t%s\n", f.owner, f.tok.ID, deref(f.tok.TokenLastEight), deref(f.tok.Note),
			strings.Join(f.scopes, ","), f.tok.CreatedAt.Format(time.DateOnly), expires)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(out, "\n%d of %d personal access tokens hold %s\n", len(found), total, strings.Join(scopes, ", "))
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
