package exampleenv

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/ghesadmin/ghesadmin/ghestest"
)

func TestRun(t *testing.T) {
	clearEnv(t)
	var started, worked int
	fake := func() (*ghestest.Server, error) { started++; return ghestest.NewServer() }
	run := func(args []string, check func() error) (string, error) {
		var out strings.Builder
		fs := Flags("prog", &out)
		fs.String("name", "", "a name")
		err := Run(fs, args, Options{Fake: fake, Check: check}, func(ghes *Target) error {
			worked++
			if _, _, err := ghes.Client.Meta.Get(context.Background()); err != nil {
				return err
			}
			if ghes.Fake == nil {
				return errors.New("no fake")
			}
			return nil
		})
		return out.String(), err
	}
	// -h prints the usage and stops before connecting.
	if out, err := run([]string{"-h"}, nil); err != nil || !strings.Contains(out, "Usage of prog") || started != 0 || worked != 0 {
		t.Errorf("Run -h = %q, %v (fakes %d, work %d); want the usage only", out, err, started, worked)
	}
	// A failed check stops before connecting.
	bad := errors.New("bad flags")
	if _, err := run(nil, func() error { return bad }); !errors.Is(err, bad) || started != 0 || worked != 0 {
		t.Errorf("Run with a failing check = %v (fakes %d, work %d); want the check's error only", err, started, worked)
	}
	// Otherwise the work runs on the fake, announced on the flags' output,
	// which is closed afterwards.
	var seen *ghestest.Server
	fake = func() (*ghestest.Server, error) { started++; s, err := ghestest.NewServer(); seen = s; return s, err }
	out, err := run([]string{"-name", "x"}, func() error { return nil })
	if err != nil || started != 1 || worked != 1 || !strings.HasPrefix(out, "Using a fake GHES ") {
		t.Fatalf("Run = %q, %v (fakes %d, work %d); want one run on the fake", out, err, started, worked)
	}
	if _, err := http.Get(seen.URL()); err == nil {
		t.Error("the fake still answers after Run")
	}
}
