package refdata

import (
	"flag"
	"fmt"
	"os"
)

// Main is a generator's main, after its flags are defined: it parses them
// and runs run; when run fails it prints "prog: error" on standard error and
// exits with status 1.
func Main(prog string, run func() error) {
	flag.Parse()
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, prog+":", err)
		os.Exit(1)
	}
}
