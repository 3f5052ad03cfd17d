package main

import (
	"strings"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/examples/internal/exampletest"
)

func TestDryRunThenApplyOnTheFake(t *testing.T) {
	reportWait = ghesadmin.WaitInterval(time.Millisecond)
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{nil, []string{"  skip old-admin: a site administrator", "  keep back-from-leave: user.login on",
			"  would suspend sleepy (last active", "1 users would suspend (dry run: add -apply to suspend them)"}},
		{[]string{"-apply", "-days", "100"}, []string{"  suspended sleepy", "1 users suspended\n"}},
		{[]string{"-days", "160"}, []string{"  would suspend sleepy", "1 users would suspend"}},
		{[]string{"-days", "400"}, []string{"0 users would suspend"}},
	} {
		out := exampletest.RunOnFake(t, "3.19.0", run, tc.args...)
		exampletest.Contains(t, out, tc.want...)
		if strings.Contains(out, "busy") || strings.Contains(out, "gone") {
			t.Errorf("run %v: an active or suspended user is in the plan:\n%s", tc.args, out)
		}
	}
	if _, err := exampletest.Run(t, run, "-days", "0"); err == nil {
		t.Error("-days 0 accepted")
	}
}
