// Package exampletest is the scaffolding the example programs' tests share.
package exampletest

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/examples/internal/exampleenv"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

// Ctx returns a context bounded so that a hung example fails its test
// instead of the whole run.
func Ctx(t testing.TB) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// NoGHES clears the environment, so that the example uses the fake whatever
// the developer's environment says.
func NoGHES(t testing.TB) {
	t.Helper()
	for _, k := range exampleenv.Vars {
		t.Setenv(k, "")
	}
}

// AsReal points the environment at srv as if it were a real GHES: its URL
// and token, and, with console, its administration port and password.
func AsReal(t testing.TB, srv *ghestest.Server, console bool) {
	t.Helper()
	NoGHES(t)
	t.Setenv("GHES_URL", srv.URL())
	t.Setenv("GHES_TOKEN", srv.Token())
	if console {
		t.Setenv("GHES_CONSOLE_URL", srv.ConsoleURL())
		t.Setenv("GHES_CONSOLE_PASSWORD", srv.ConsolePassword())
	}
}

// Run runs the program with args and returns what it printed.
func Run(t testing.TB, run exampleenv.RunFunc, args ...string) (string, error) {
	t.Helper()
	var out strings.Builder
	err := run(Ctx(t), &out, args)
	return out.String(), err
}

// MustRun runs the program with args, fails the test if it fails, and
// returns what it printed.
func MustRun(t testing.TB, run exampleenv.RunFunc, args ...string) string {
	t.Helper()
	out, err := Run(t, run, args...)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	return out
}

// RunOnFake runs the program with args against the fake it starts (the
// environment cleared), checks that it announced a fake GHES of version,
// and returns what it printed.
func RunOnFake(t testing.TB, version string, run exampleenv.RunFunc, args ...string) string {
	t.Helper()
	NoGHES(t)
	out := MustRun(t, run, args...)
	Contains(t, out, "Using a fake GHES "+version+" at http://127.0.0.1:")
	return out
}

// Contains checks that out contains every one of want.
func Contains(t testing.TB, out string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("the output lacks %q:\n%s", w, out)
		}
	}
}

// Fake starts a fake with start, stopped when the test ends, and returns it
// with its client.
func Fake(t testing.TB, start func() (*ghestest.Server, error)) (*ghestest.Server, *ghesadmin.Client) {
	t.Helper()
	srv, err := start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	client, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	return srv, client
}

// NoRawRequests checks that the example's main.go uses the SDK's methods
// only.
func NoRawRequests(t testing.TB) {
	t.Helper()
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, raw := range []string{"NewRequest(", ".Do(ctx"} {
		if strings.Contains(string(src), raw) {
			t.Errorf("main.go makes a raw request (%s)", raw)
		}
	}
}
