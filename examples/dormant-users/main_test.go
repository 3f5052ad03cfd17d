package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
)

func TestDryRunThenApplyOnTheFake(t *testing.T) {
	t.Setenv("GHES_URL", "")
	t.Setenv("GHES_LOGIN", "")
	t.Setenv("GHES_TOKEN", "")
	reportWait = ghesadmin.WaitInterval(time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{nil, []string{"Using a fake GHES 3.19.0", "  skip old-admin: a site administrator", "  keep back-from-leave: user.login on",
			"  would suspend sleepy (last active", "1 users would suspend (dry run: add -apply to suspend them)"}},
		{[]string{"-apply", "-days", "100"}, []string{"  suspended sleepy", "1 users suspended\n"}},
		{[]string{"-days", "160"}, []string{"  would suspend sleepy", "1 users would suspend"}},
		{[]string{"-days", "400"}, []string{"0 users would suspend"}},
	} {
		var out strings.Builder
		if err := run(ctx, &out, tc.args); err != nil {
			t.Fatalf("run %v: %v\n%s", tc.args, err, out.String())
		}
		for _, w := range tc.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("run %v: the output lacks %q:\n%s", tc.args, w, out.String())
			}
		}
		if strings.Contains(out.String(), "busy") || strings.Contains(out.String(), "gone") {
			t.Errorf("run %v: an active or suspended user is in the plan:\n%s", tc.args, out.String())
		}
	}
	if err := run(ctx, &strings.Builder{}, []string{"-days", "0"}); err == nil {
		t.Error("-days 0 accepted")
	}
}
