// Command offboard-user locks a departing user out of GHES: it suspends the
// account with a reason, revokes the user's impersonation token, and deletes
// the user's personal access tokens and public SSH keys.
//
//	go run ./examples/offboard-user                       # on a fake GHES, offboards a seeded user
//	GHES_URL=https://ghe.example.com GHES_TOKEN=... \
//	    go run ./examples/offboard-user -user mona -reason "Left the company"
//
// With GHES_URL and GHES_TOKEN (a site administrator's token) set, it works
// on that instance, and -user is required; add -dry-run to see what would
// change. Without them it starts ghestest, the SDK's in-memory fake, seeded
// with a few users, keys and tokens.
package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/examples/internal/exampleenv"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

// fakeUser is the user offboarded on the fake when -user is not given.
const fakeUser = "octo-contractor"

func main() { exampleenv.Main("offboard-user", run) }

func run(ctx context.Context, out io.Writer, args []string) error {
	fs := exampleenv.Flags("offboard-user", out)
	login := fs.String("user", "", "login of the user to offboard (on the fake: "+fakeUser+")")
	reason := fs.String("reason", "Offboarded: left the company", "suspension reason, shown to site administrators")
	dryRun := fs.Bool("dry-run", false, "print what would change, change nothing")
	return exampleenv.Run(fs, args, exampleenv.Options{Fake: startFake}, func(ghes *exampleenv.Target) error {
		user, err := ghes.Required("user", *login, fakeUser)
		if err != nil {
			return err
		}
		return offboard(ctx, out, ghes.Client, user, *reason, *dryRun)
	})
}

// startFake seeds a departing contractor with keys and tokens, next to
// colleagues whose keys and tokens must survive.
func startFake() (*ghestest.Server, error) {
	return ghestest.NewServer(
		ghestest.WithUsers(
			ghestest.User{Login: fakeUser, Email: "contractor@example.com"},
			ghestest.User{Login: "mona", Email: "mona@example.com"},
		),
		ghestest.WithPublicKeys(
			ghestest.PublicKey{User: fakeUser, Title: "work laptop", Key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9mZmJvYXJkLXdvcmstbGFwdG9w"},
			ghestest.PublicKey{User: fakeUser, Title: "home desktop", Key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9mZmJvYXJkLWhvbWUtZGVza3RvcA=="},
			ghestest.PublicKey{User: "mona", Title: "mona's laptop", Key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9mZmJvYXJkLW1vbmEtbGFwdG9w"},
		),
		ghestest.WithTokens(
			ghestest.Token{User: fakeUser, Value: "ghp_contractorDeployToken000000000001", Note: "deploy script", Scopes: []string{"repo"}},
			ghestest.Token{User: fakeUser, Value: "ghp_contractorAdminToken0000000000002", Note: "org automation", Scopes: []string{"admin:org"}},
			ghestest.Token{User: "mona", Value: "ghp_monaToken000000000000000000000003", Note: "CI", Scopes: []string{"repo"}},
		),
	)
}

// offboard suspends login and removes every credential it holds.
func offboard(ctx context.Context, out io.Writer, client *ghesadmin.Client, login, reason string, dryRun bool) error {
	would := ""
	if dryRun {
		would = "would have "
		fmt.Fprintln(out, "Dry run: nothing changes.")
	}
	fmt.Fprintf(out, "Offboarding %s\n", login)

	// The key listing names owners by ID only: look the login up first
	// (which also stops here, before any change, when there is no such user).
	user, _, err := client.Users.Get(ctx, login)
	if err != nil {
		return fmt.Errorf("look up %s: %w", login, err)
	}
	userID := user.ID
	fmt.Fprintf(out, "  user ID %d\n", userID)

	// Suspend first: the account cannot sign in while the rest is cleaned up.
	if !dryRun {
		if _, err := client.Users.Suspend(ctx, login, reason); err != nil {
			return fmt.Errorf("suspend %s: %w", login, err)
		}
	}
	fmt.Fprintf(out, "  %ssuspended: %q\n", would, reason)

	if !dryRun {
		if _, err := client.Users.DeleteImpersonationToken(ctx, login); err != nil {
			return fmt.Errorf("revoke the impersonation token of %s: %w", login, err)
		}
	}
	fmt.Fprintf(out, "  %srevoked the impersonation token\n", would)

	// Collect first, delete after: deleting while paging would shift the
	// pages and skip some (see ListTokensIter).
	var tokens []*ghesadmin.Authorization
	for tok, err := range client.Users.ListTokensIter(ctx, &ghesadmin.ListOptions{PerPage: 100}) {
		if err != nil {
			return fmt.Errorf("list personal access tokens: %w", err)
		}
		if tok.User != nil && tok.User.ID == userID {
			tokens = append(tokens, tok)
		}
	}
	for _, tok := range tokens {
		if !dryRun {
			if _, err := client.Users.DeleteToken(ctx, tok.ID); err != nil {
				return fmt.Errorf("delete token %d of %s: %w", tok.ID, login, err)
			}
		}
		fmt.Fprintf(out, "  %sdeleted token %d %q (scopes: %s)\n", would, tok.ID, deref(tok.Note), strings.Join(tok.Scopes, ", "))
	}

	var keys []*ghesadmin.PublicKey
	for key, err := range client.Users.ListPublicKeysIter(ctx, &ghesadmin.ListPublicKeysOptions{ListOptions: ghesadmin.ListOptions{PerPage: 100}}) {
		if err != nil {
			return fmt.Errorf("list public keys: %w", err)
		}
		if key.UserID != nil && *key.UserID == userID {
			keys = append(keys, key)
		}
	}
	for _, key := range keys {
		if !dryRun {
			if _, err := client.Users.DeletePublicKey(ctx, strconv.FormatInt(key.ID, 10)); err != nil {
				return fmt.Errorf("delete key %d of %s: %w", key.ID, login, err)
			}
		}
		fmt.Fprintf(out, "  %sdeleted public key %d %q\n", would, key.ID, key.Title)
	}

	if dryRun {
		fmt.Fprintf(out, "Dry run: %s would lose %d tokens and %d keys\n", login, len(tokens), len(keys))
		return nil
	}
	fmt.Fprintf(out, "Done: %s is suspended, %d tokens and %d keys removed\n", login, len(tokens), len(keys))
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
