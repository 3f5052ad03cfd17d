package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

func TestRunServesUntilCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-console-addr", "127.0.0.1:0", "-version", "2.22.6", "-token", "t0ken", "-console-password", "pw"}, pw)
		pw.Close()
	}()

	lines := map[string]string{}
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok {
			lines[k] = strings.TrimSpace(v)
		}
		if strings.HasPrefix(sc.Text(), "Press Ctrl-C") {
			break
		}
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	if lines["admin token"] != "t0ken" || lines["console password"] != "pw" {
		t.Fatalf("printed %v", lines)
	}

	client, err := ghesadmin.NewClient(lines["REST API"], ghesadmin.WithToken("t0ken"),
		ghesadmin.WithManagementConsole(lines["administration"], "pw"))
	if err != nil {
		t.Fatal(err)
	}
	meta, resp, err := client.Meta.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if meta.InstalledVersion != "2.22.6" || !strings.Contains(resp.EnterpriseVersion, "2.22.6") {
		t.Errorf("version %q, header %q", meta.InstalledVersion, resp.EnterpriseVersion)
	}
	if _, _, err := client.ManagementConsole.MaintenanceStatus(ctx); err != nil {
		t.Errorf("console: %v", err)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("run did not return after its context ended")
	}
}

func TestRunHelpAndBadFlags(t *testing.T) {
	var sb strings.Builder
	if err := run(context.Background(), []string{"-h"}, &sb); err != nil || !strings.Contains(sb.String(), "-console-addr") ||
		!strings.Contains(sb.String(), "-seed") || !strings.Contains(sb.String(), `"runner_groups"`) || !strings.Contains(sb.String(), "127.0.0.1:3000") {
		t.Errorf("-h: err %v, output %q", err, sb.String())
	}
	if err := run(context.Background(), []string{"-nope"}, io.Discard); err == nil {
		t.Error("an unknown flag was accepted")
	}
	// Bounded, so that a server started by mistake ends the test.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := run(ctx, []string{"-version", "", "-addr", "127.0.0.1:0", "-console-addr", "127.0.0.1:0"}, io.Discard); err == nil {
		t.Error("an empty version was accepted")
	}
}

// startRun runs ghesfake with args and returns the printed "key: value"
// lines and export lines, and a stop function.
func startRun(t *testing.T, args ...string) (map[string]string, []string, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, args, pw)
		pw.Close()
	}()
	lines := map[string]string{}
	var exports []string
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "export ") {
			exports = append(exports, sc.Text())
		} else if k, v, ok := strings.Cut(sc.Text(), ":"); ok {
			lines[k] = strings.TrimSpace(v)
		}
		if strings.HasPrefix(sc.Text(), "Press Ctrl-C") {
			break
		}
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	if len(lines) == 0 {
		cancel()
		t.Fatalf("run printed nothing: %v", <-done)
	}
	return lines, exports, func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v", err)
		}
	}
}

// parseExports reads `export K=V K=V` lines into a map.
func parseExports(t *testing.T, lines []string) map[string]string {
	t.Helper()
	env := map[string]string{}
	for _, l := range lines {
		for _, kv := range strings.Fields(strings.TrimPrefix(l, "export ")) {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				t.Fatalf("bad export %q", l)
			}
			env[k] = strings.Trim(v, "'")
		}
	}
	return env
}

// TestDefaultAddressesMatchTheSDKDerivation: a client given the default REST
// URL and no console URL derives the default administration address.
func TestDefaultAddressesMatchTheSDKDerivation(t *testing.T) {
	if defaultAddr == defaultConsoleAddr {
		t.Fatal("the REST API and the administration port share an address")
	}
	client, err := ghesadmin.NewClient("http://"+defaultAddr, ghesadmin.WithManagementConsole("", "pw"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := client.ManagementConsoleURL(), "http://"+defaultConsoleAddr+"/"; got != want {
		t.Errorf("derived administration URL %q, want %q (ghesfake's -console-addr default)", got, want)
	}
}

// TestDefaultPortsLetTheSDKDeriveTheAdministrationPort runs ghesfake on its
// default ports (3000 and 8080) of a loopback address of its own, chosen at
// random in 127.0.0.0/8 so that no other process (nor another run of this
// test) holds them, and checks that a client given only the REST URL and the
// console password reaches the administration port, and that the printed
// exports are what a client needs.
func TestDefaultPortsLetTheSDKDeriveTheAdministrationPort(t *testing.T) {
	host := fmt.Sprintf("127.%d.%d.%d", 1+rand.IntN(254), rand.IntN(256), 1+rand.IntN(254))
	_, apiPort, _ := net.SplitHostPort(defaultAddr)
	_, consolePort, _ := net.SplitHostPort(defaultConsoleAddr)
	lines, exports, stop := startRun(t, "-version", "3.14.0",
		"-addr", net.JoinHostPort(host, apiPort), "-console-addr", net.JoinHostPort(host, consolePort))
	defer stop()
	env := parseExports(t, exports)
	if env["GHES_URL"] != "http://"+host+":3000" || env["GHES_CONSOLE_URL"] != "http://"+host+":8080" ||
		env["GHES_TOKEN"] != lines["admin token"] || env["GHES_CONSOLE_PASSWORD"] != lines["console password"] || env["GHES_TOKEN"] == "" {
		t.Fatalf("exports %v, lines %v", env, lines)
	}
	client, err := ghesadmin.NewClient(env["GHES_URL"], ghesadmin.WithToken(env["GHES_TOKEN"]),
		ghesadmin.WithManagementConsole("", env["GHES_CONSOLE_PASSWORD"])) // derived: same host, port 8080
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := client.ManagementConsole.MaintenanceStatus(context.Background()); err != nil {
		t.Errorf("console through the derived URL: %v", err)
	}
	if _, _, err := client.Manage.Version(context.Background(), nil); err != nil {
		t.Errorf("manage through the derived URL: %v", err)
	}
}

func TestExportsAndSeed(t *testing.T) {
	dir := t.TempDir()
	seed := filepath.Join(dir, "seed.json")
	if err := os.WriteFile(seed, []byte(`{
  "users": [{"login": "mona", "email": "mona@example.com"}, {"login": "old", "email": "old@example.com", "suspended": true, "suspend_reason": "left"}],
  "orgs": [{"login": "acme", "admin": "mona"}],
  "teams": [{"org": "acme", "name": "Site Reliability", "members": ["mona"]}],
  "repos": [{"owner": "acme", "name": "app"}],
  "public_keys": [{"user": "mona", "title": "laptop", "key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample"}],
  "tokens": [{"user": "mona", "value": "ghp_mona", "note": "ci", "scopes": ["repo"]}],
  "runner_groups": [{"name": "restricted", "visibility": "selected", "orgs": ["acme"]}],
  "runners": [{"name": "build-1", "os": "linux", "labels": ["gpu"], "group": "restricted"}, {"name": "build-2", "status": "offline"}]
}`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, exports, stop := startRun(t, "-addr", "127.0.0.1:0", "-console-addr", "127.0.0.1:0", "-seed", seed, "-version", "3.10.0")
	defer stop()
	env := parseExports(t, exports)
	if env["GHES_LOGIN"] != ghestest.DefaultAdminLogin {
		t.Errorf("GHES_LOGIN = %q, want the admin login %q (the site-admin examples need it)", env["GHES_LOGIN"], ghestest.DefaultAdminLogin)
	}
	client, err := ghesadmin.NewClient(env["GHES_URL"], ghesadmin.WithToken(env["GHES_TOKEN"]),
		ghesadmin.WithManagementConsole(env["GHES_CONSOLE_URL"], env["GHES_CONSOLE_PASSWORD"]))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if u, _, err := client.Users.Get(ctx, "mona"); err != nil || u.Login != "mona" {
		t.Errorf("seeded user: %v %v", u, err)
	}
	if team, _, err := client.Teams.GetBySlug(ctx, "acme", "site-reliability"); err != nil || team.MembersCount != 1 {
		t.Errorf("seeded team: %+v %v", team, err)
	}
	runners, _, err := client.Actions.ListRunners(ctx, "enterprise", nil)
	if err != nil || runners.TotalCount != 2 {
		t.Fatalf("seeded runners: %+v %v", runners, err)
	}
	groups, _, err := client.Actions.ListRunnerGroups(ctx, "enterprise", nil)
	if err != nil || groups.TotalCount != 2 {
		t.Fatalf("seeded groups: %+v %v", groups, err)
	}
	n := 0
	for tok, err := range client.Users.ListTokensIter(ctx, nil) {
		if err != nil {
			t.Fatal(err)
		}
		if tok.Note != nil && *tok.Note == "ci" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("seeded tokens with note ci: %d", n)
	}
	if _, _, err := client.ManagementConsole.MaintenanceStatus(ctx); err != nil {
		t.Errorf("console through GHES_CONSOLE_URL: %v", err)
	}
}

func TestBadSeedIsRefused(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"typo.json":    `{"user": [{"login": "mona"}]}`,
		"badjson.json": `{"users": [`,
		"unknown.json": `{"teams": [{"org": "nope", "name": "x"}]}`,
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		err := run(ctx, []string{"-addr", "127.0.0.1:0", "-console-addr", "127.0.0.1:0", "-seed", p}, io.Discard)
		cancel()
		if err == nil {
			t.Errorf("%s was accepted", name)
		}
	}
	if err := run(context.Background(), []string{"-seed", filepath.Join(dir, "missing.json")}, io.Discard); err == nil {
		t.Error("a missing seed file was accepted")
	}
}
