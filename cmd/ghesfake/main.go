// Command ghesfake runs the ghestest fake GitHub Enterprise Server as a
// standalone server, for trying the SDK or other tools against it:
//
//	go run ./cmd/ghesfake -version 3.14.0 [-seed seed.json]
//
// By default the REST API listens on 127.0.0.1:3000 and the administration
// port on 127.0.0.1:8080, the port the SDK derives for an http URL, so
// NewClient("http://127.0.0.1:3000", WithManagementConsole("", password))
// reaches both. It prints the URLs, the admin token and the console password,
// then ready-to-paste `export GHES_URL=… GHES_CONSOLE_URL=… GHES_TOKEN=…
// GHES_CONSOLE_PASSWORD=…` lines, and runs until interrupted. -seed loads
// users, organizations, teams, repositories, keys, tokens, runner groups and
// runners from a JSON file (format in -h). The state is in memory and lost on
// exit.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/ghesadmin/ghesadmin/ghestest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "ghesfake:", err)
		os.Exit(1)
	}
}

// The default listen addresses: the administration port is on the port the
// SDK derives for an http URL (8080), on the same host as the REST API.
const (
	defaultAddr        = "127.0.0.1:3000"
	defaultConsoleAddr = "127.0.0.1:8080"
)

// run serves until ctx ends.
func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("ghesfake", flag.ContinueOnError)
	addr := fs.String("addr", defaultAddr, "listen address of the REST API")
	consoleAddr := fs.String("console-addr", defaultConsoleAddr, "listen address of the administration port (Management Console, /manage/v1); 8080 is the port the SDK derives for an http URL")
	seedFile := fs.String("seed", "", "JSON file of users, orgs, teams, repos, keys, tokens, runner groups and runners to start with (format below)")
	version := fs.String("version", ghestest.DefaultVersion, "GHES version to report, such as 2.22.5 or 3.14.0")
	token := fs.String("token", "", "admin token (default: generated)")
	password := fs.String("console-password", "", "Management Console password (default: generated)")
	enterprise := fs.String("enterprise", ghestest.DefaultEnterprise, "enterprise slug of the Actions endpoints")
	fs.SetOutput(out)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: ghesfake [flags]\n\nRuns a fake GitHub Enterprise Server (REST API and administration port).\n\nFlags:")
		fs.PrintDefaults()
		fmt.Fprintln(fs.Output(), "\nSeed file (-seed):\n\n"+ghestest.SeedFormat)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	opts := []ghestest.Option{
		ghestest.WithAddr(*addr, *consoleAddr),
		ghestest.WithVersion(*version),
		ghestest.WithEnterprise(*enterprise),
	}
	if *token != "" {
		opts = append(opts, ghestest.WithAdminToken(*token))
	}
	if *password != "" {
		opts = append(opts, ghestest.WithConsolePassword(*password))
	}
	if *seedFile != "" {
		f, err := os.Open(*seedFile)
		if err != nil {
			return fmt.Errorf("-seed: %w", err)
		}
		seed, err := ghestest.ReadSeed(f)
		_ = f.Close()
		if err != nil {
			return fmt.Errorf("-seed %s: %w", *seedFile, err)
		}
		opts = append(opts, ghestest.WithSeed(seed))
	}
	srv, err := ghestest.NewServer(opts...)
	if err != nil {
		return err
	}
	defer srv.Close()

	fmt.Fprintf(out, "GHES %s fake\n", srv.Version())
	fmt.Fprintf(out, "REST API:          %s\n", srv.APIURL())
	fmt.Fprintf(out, "administration:    %s\n", srv.ConsoleURL())
	fmt.Fprintf(out, "admin login:       %s\n", srv.AdminLogin())
	fmt.Fprintf(out, "admin token:       %s\n", srv.Token())
	fmt.Fprintf(out, "console password:  %s\n", srv.ConsolePassword())
	fmt.Fprintf(out, "enterprise:        %s\n", srv.Enterprise())
	fmt.Fprintln(out, "For the examples and your tools:")
	fmt.Fprintf(out, "export GHES_URL=%s GHES_CONSOLE_URL=%s\n", shellQuote(srv.URL()), shellQuote(srv.ConsoleURL()))
	fmt.Fprintf(out, "export GHES_TOKEN=%s GHES_CONSOLE_PASSWORD=%s\n", shellQuote(srv.Token()), shellQuote(srv.ConsolePassword()))
	fmt.Fprintf(out, "export GHES_LOGIN=%s\n", shellQuote(srv.AdminLogin()))
	fmt.Fprintln(out, "Press Ctrl-C to stop.")
	<-ctx.Done()
	return nil
}

// shellQuote quotes s for a POSIX shell when it has characters that need it.
func shellQuote(s string) string {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.:/@%+=,", r)) {
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	return s
}
