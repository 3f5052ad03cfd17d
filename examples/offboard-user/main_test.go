package main

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/examples/internal/exampletest"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

func TestRunOnTheFake(t *testing.T) {
	out := exampletest.RunOnFake(t, "3.14.0", run)
	exampletest.Contains(t, out,
		"Offboarding octo-contractor\n",
		`  suspended: "Offboarded: left the company"`,
		"  revoked the impersonation token",
		`"deploy script" (scopes: repo)`,
		`"org automation" (scopes: admin:org)`,
		`"work laptop"`,
		`"home desktop"`,
		"Done: octo-contractor is suspended, 2 tokens and 2 keys removed",
	)
	// Colleagues keep their credentials.
	if strings.Contains(out, "mona") || strings.Contains(out, `"CI"`) {
		t.Errorf("another user's credentials were touched:\n%s", out)
	}
}

func TestRunFlags(t *testing.T) {
	out := exampletest.RunOnFake(t, "3.14.0", run, "-user", "mona", "-reason", "Moved to the vendor's instance", "-dry-run")
	exampletest.Contains(t, out,
		"Dry run: nothing changes.",
		"Offboarding mona\n",
		`  would have suspended: "Moved to the vendor's instance"`,
		`  would have deleted token `,
		`  would have deleted public key `,
		"Dry run: mona would lose 1 tokens and 1 keys",
	)

	// On a real GHES (here the fake, reached through the environment) the
	// user must be named.
	srv := ghestest.New(t)
	exampletest.AsReal(t, srv, false)
	if err := run(exampletest.Ctx(t), io.Discard, nil); err == nil || !strings.Contains(err.Error(), "-user is required") {
		t.Errorf("run on a real GHES without -user: err = %v", err)
	}
	// An unknown user is an error.
	if err := run(exampletest.Ctx(t), io.Discard, []string{"-user", "nobody"}); err == nil {
		t.Error("offboarding an unknown user succeeded")
	}
}

// TestOffboardState checks the server's state, not only the output.
func TestOffboardState(t *testing.T) {
	srv, client := exampletest.Fake(t, startFake)
	ctx := exampletest.Ctx(t)
	// An impersonation token to revoke.
	if _, resp, err := client.Users.CreateImpersonationToken(ctx, fakeUser, []string{"repo"}); err != nil || resp.StatusCode != 201 {
		t.Fatalf("CreateImpersonationToken: %v", err)
	}

	// A dry run changes nothing.
	if err := offboard(ctx, io.Discard, client, fakeUser, "dry", true); err != nil {
		t.Fatalf("offboard (dry run): %v", err)
	}
	if u, _ := srv.User(fakeUser); u.Suspended {
		t.Fatal("a dry run suspended the user")
	}
	tokensBefore, keysBefore := owned(t, srv, client, fakeUser)
	if tokensBefore != 2 || keysBefore != 2 {
		t.Fatalf("after a dry run the user holds %d tokens and %d keys, want 2 and 2", tokensBefore, keysBefore)
	}

	if err := offboard(ctx, io.Discard, client, fakeUser, "Contract ended", false); err != nil {
		t.Fatalf("offboard: %v", err)
	}
	if u, _ := srv.User(fakeUser); !u.Suspended || u.SuspendReason != "Contract ended" {
		t.Errorf("the user is not suspended with the reason: %+v", u)
	}
	if n := srv.RequestCount("GET", "/users/"+fakeUser); n != 2 {
		t.Errorf("GET /users/%s sent %d times, want once per run (Users.Get)", fakeUser, n)
	}
	if tokens, keys := owned(t, srv, client, fakeUser); tokens != 0 || keys != 0 {
		t.Errorf("the user still holds %d tokens and %d keys", tokens, keys)
	}
	if tokens, keys := owned(t, srv, client, "mona"); tokens != 1 || keys != 1 {
		t.Errorf("mona holds %d tokens and %d keys, want 1 and 1 (untouched)", tokens, keys)
	}
	// The impersonation token is gone: asking again creates a new one.
	if _, resp, err := client.Users.CreateImpersonationToken(ctx, fakeUser, []string{"repo"}); err != nil || resp.StatusCode != 201 {
		t.Errorf("the impersonation token was not revoked (status %v, err %v)", resp, err)
	}
}

// owned counts the personal access tokens and public keys of login.
func owned(t *testing.T, srv *ghestest.Server, client *ghesadmin.Client, login string) (tokens, keys int) {
	t.Helper()
	ctx := exampletest.Ctx(t)
	id := srv.UserID(login)
	if id == 0 {
		t.Fatalf("no user %s", login)
	}
	for tok, err := range client.Users.ListTokensIter(ctx, nil) {
		if err != nil {
			t.Fatal(err)
		}
		if tok.User != nil && tok.User.Login == login {
			tokens++
		}
	}
	for key, err := range client.Users.ListPublicKeysIter(ctx, nil) {
		if err != nil {
			t.Fatal(err)
		}
		if key.UserID != nil && *key.UserID == id {
			keys++
		}
	}
	return tokens, keys
}

// TestUnknownUserChangesNothing: the login is looked up before anything is
// changed.
func TestUnknownUserChangesNothing(t *testing.T) {
	srv, client := exampletest.Fake(t, startFake)
	err := offboard(exampletest.Ctx(t), io.Discard, client, "nobody", "x", false)
	if !errors.Is(err, ghesadmin.ErrNotFound) {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
	if n := srv.RequestCount("PUT", "/users/nobody/suspended"); n != 0 {
		t.Errorf("suspend was sent %d times", n)
	}
}

// TestNoRawRequests: the example uses the SDK's methods only.
func TestNoRawRequests(t *testing.T) { exampletest.NoRawRequests(t) }
