package exampleenv

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

// RunFunc is an example's whole program: main only wires it to the process.
type RunFunc func(ctx context.Context, out io.Writer, args []string) error

// Main runs run with the process's arguments and standard output, under a
// context cancelled on interrupt; when run fails it prints "name: error" on
// standard error and exits with status 1.
func Main(name string, run RunFunc) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Stdout, os.Args[1:])
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, name+":", err)
		os.Exit(1)
	}
}

// Run is the setup every example shares around its own work: it parses
// args into fs (after -h it returns nil once the usage is printed), checks
// them with opts.Check, connects as Connect does (announcing a fake on fs's
// output), runs work on the GHES and releases it.
func Run(fs *flag.FlagSet, args []string, opts Options, work func(ghes *Target) error) error {
	if stop, err := Parse(fs, args); stop {
		return err
	}
	if opts.Check != nil {
		if err := opts.Check(); err != nil {
			return err
		}
	}
	ghes, err := Connect(fs.Output(), opts)
	if err != nil {
		return err
	}
	defer ghes.Close()
	return work(ghes)
}
