// Command ghesfake runs the ghestest fake GitHub Enterprise Server as a
// standalone server, for trying the SDK or other tools against it:
//
//	go run ./cmd/ghesfake -addr 127.0.0.1:8080 -console-addr 127.0.0.1:8443 -version 3.14.0
//
// It prints the URLs, the admin token and the console password, and runs
// until interrupted. The state is in memory and lost on exit.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
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

// run serves until ctx ends.
func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("ghesfake", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address of the REST API")
	consoleAddr := fs.String("console-addr", "127.0.0.1:8443", "listen address of the administration port (Management Console, /manage/v1)")
	version := fs.String("version", ghestest.DefaultVersion, "GHES version to report, such as 2.22.5 or 3.14.0")
	token := fs.String("token", "", "admin token (default: generated)")
	password := fs.String("console-password", "", "Management Console password (default: generated)")
	enterprise := fs.String("enterprise", ghestest.DefaultEnterprise, "enterprise slug of the Actions endpoints")
	fs.SetOutput(out)
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
	fmt.Fprintln(out, "Press Ctrl-C to stop.")
	<-ctx.Done()
	return nil
}
