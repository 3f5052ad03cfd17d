// Package exampleenv is the setup the example programs share: the process
// wiring of main, the flag parsing, and the GHES to work on — the instance
// named by the environment, or a fake GHES started for the run.
//
// The environment:
//
//	GHES_URL, GHES_TOKEN    a real GHES and a site administrator's token (both or neither)
//	GHES_LOGIN              that administrator's login, for the examples that sign in
//	                        as a site administrator (Options.SiteAdminReason)
//	GHES_CONSOLE_PASSWORD   the Management Console password: adds the administration port
//	GHES_CONSOLE_URL        the administration port's URL (default https://HOST:8443,
//	                        or http://HOST:8080 for an http GHES_URL)
package exampleenv

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

// Vars are the environment variables the examples read.
var Vars = []string{"GHES_URL", "GHES_TOKEN", "GHES_LOGIN", "GHES_CONSOLE_URL", "GHES_CONSOLE_PASSWORD"}

// Flags returns an empty flag set for the program name that prints its
// usage and errors on out.
func Flags(name string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	return fs
}

// Parse parses args into fs. stop is true when the program must end at
// once, returning err: nil after -h (the usage is printed), the parse
// error otherwise.
func Parse(fs *flag.FlagSet, args []string) (stop bool, err error) {
	err = fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return true, nil
	}
	return err != nil, err
}

// Env is the GHES the environment names.
type Env struct {
	URL, Token, Login           string
	ConsoleURL, ConsolePassword string
}

// FromEnv reads the environment.
func FromEnv() Env {
	return Env{
		URL:             os.Getenv("GHES_URL"),
		Token:           os.Getenv("GHES_TOKEN"),
		Login:           os.Getenv("GHES_LOGIN"),
		ConsoleURL:      os.Getenv("GHES_CONSOLE_URL"),
		ConsolePassword: os.Getenv("GHES_CONSOLE_PASSWORD"),
	}
}

// Options tell Connect what an example needs.
type Options struct {
	// Fake starts the fake GHES used when the environment names none.
	Fake func() (*ghestest.Server, error)
	// ConsoleReason, when set, makes GHES_CONSOLE_PASSWORD required on a
	// real GHES; it is the reason the error gives.
	ConsoleReason string
	// SiteAdminReason, when set, makes GHES_LOGIN required on a real GHES:
	// the client then also signs in as that site administrator with the
	// token (ghesadmin.WithSiteAdmin); it is the reason the error gives.
	SiteAdminReason string
	// Check, when set, checks the parsed flags before any GHES is reached.
	Check func() error
}

// Target is the GHES an example works on.
type Target struct {
	// Client is wired to the GHES: its token, and the administration port
	// when there is a console password.
	Client *ghesadmin.Client
	// Env is the environment read.
	Env Env
	// Fake is the fake started for this run; nil on a real GHES.
	Fake *ghestest.Server
}

// Required returns value, what the flag name was given; when it is empty,
// onFake on the fake, and an error on a real GHES, where the flag is
// required.
func (t *Target) Required(name, value, onFake string) (string, error) {
	switch {
	case value != "":
		return value, nil
	case t.Fake != nil:
		return onFake, nil
	}
	return "", errors.New("-" + name + " is required on a real GHES")
}

// Close stops the fake, if one was started.
func (t *Target) Close() {
	if t.Fake != nil {
		t.Fake.Close()
	}
}

// Connect returns a client for the GHES named by GHES_URL and GHES_TOKEN
// or, when neither is set, for a fake started by opts.Fake and announced on
// out. Close releases it.
func Connect(out io.Writer, opts Options) (*Target, error) {
	env := FromEnv()
	switch {
	case env.URL != "" && env.Token != "":
		if opts.ConsoleReason != "" && env.ConsolePassword == "" {
			return nil, errors.New("set GHES_CONSOLE_PASSWORD: " + opts.ConsoleReason)
		}
		if opts.SiteAdminReason != "" && env.Login == "" {
			return nil, errors.New("set GHES_LOGIN: " + opts.SiteAdminReason)
		}
		o := []ghesadmin.Option{ghesadmin.WithToken(env.Token)}
		if opts.SiteAdminReason != "" {
			o = append(o, ghesadmin.WithSiteAdmin(env.Login, env.Token))
		}
		if env.ConsolePassword != "" {
			o = append(o, ghesadmin.WithManagementConsole(env.ConsoleURL, env.ConsolePassword))
		}
		client, err := ghesadmin.NewClient(env.URL, o...)
		if err != nil {
			return nil, err
		}
		return &Target{Client: client, Env: env}, nil
	case env.URL != "" || env.Token != "":
		return nil, errors.New("set both GHES_URL and GHES_TOKEN to use a real GHES, or neither to use the fake")
	}
	srv, err := opts.Fake()
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(out, "Using a fake GHES %s at %s (set GHES_URL and GHES_TOKEN to use a real one)\n", srv.Version(), srv.URL())
	client, err := srv.Client()
	if err != nil {
		srv.Close()
		return nil, err
	}
	return &Target{Client: client, Env: env, Fake: srv}, nil
}
