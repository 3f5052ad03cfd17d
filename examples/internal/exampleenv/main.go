package exampleenv

import (
	"context"
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
