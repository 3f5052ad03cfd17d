package exampleenv

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		args     []string
		stop     bool
		wantErr  bool
		wantName string
	}{
		{args: []string{"-name", "x"}, wantName: "x"},
		{args: []string{"-h"}, stop: true},
		{args: []string{"-nosuchflag"}, stop: true, wantErr: true},
	} {
		var usage strings.Builder
		fs := Flags("prog", &usage)
		name := fs.String("name", "", "a name")
		stop, err := Parse(fs, tc.args)
		if stop != tc.stop || (err != nil) != tc.wantErr || *name != tc.wantName {
			t.Errorf("Parse(%q) = %v, %v, name %q; want %v, error %v, name %q", tc.args, stop, err, *name, tc.stop, tc.wantErr, tc.wantName)
		}
		if tc.stop && !strings.Contains(usage.String(), "Usage of prog") {
			t.Errorf("Parse(%q) printed %q, want the usage", tc.args, usage.String())
		}
	}
}

func clearEnv(t *testing.T) {
	for _, k := range Vars {
		t.Setenv(k, "")
	}
}

func TestConnectFake(t *testing.T) {
	clearEnv(t)
	var out strings.Builder
	ghes, err := Connect(&out, Options{Fake: func() (*ghestest.Server, error) { return ghestest.NewServer(ghestest.WithVersion("3.14.0")) }})
	if err != nil {
		t.Fatal(err)
	}
	defer ghes.Close()
	if ghes.Fake == nil || ghes.Client == nil {
		t.Fatalf("Connect = %+v, want a fake and its client", ghes)
	}
	if want := "Using a fake GHES 3.14.0 at " + ghes.Fake.URL(); !strings.HasPrefix(out.String(), want) {
		t.Errorf("printed %q, want it to start with %q", out.String(), want)
	}
	if _, _, err := ghes.Client.Meta.Get(context.Background()); err != nil {
		t.Errorf("the client does not reach the fake: %v", err)
	}
}

func TestConnectReal(t *testing.T) {
	srv := ghestest.New(t)
	clearEnv(t)
	t.Setenv("GHES_URL", srv.URL())
	t.Setenv("GHES_TOKEN", srv.Token())
	started := false
	fake := Options{Fake: func() (*ghestest.Server, error) { started = true; return nil, errors.New("no") }}
	ghes, err := Connect(io.Discard, fake)
	if err != nil || ghes.Fake != nil || started {
		t.Fatalf("Connect = %+v, %v (fake started: %v); want the real GHES", ghes, err, started)
	}
	if _, _, err := ghes.Client.Users.Get(context.Background(), "ghe-admin"); err != nil {
		t.Errorf("the client does not reach the instance with its token: %v", err)
	}
	// The administration port needs the password when the example says so.
	fake.ConsoleReason = "maintenance is on the administration port"
	if _, err := Connect(io.Discard, fake); err == nil || !strings.Contains(err.Error(), "set GHES_CONSOLE_PASSWORD: maintenance is on the administration port") {
		t.Errorf("Connect without a console password: err = %v", err)
	}
	t.Setenv("GHES_CONSOLE_URL", srv.ConsoleURL())
	t.Setenv("GHES_CONSOLE_PASSWORD", srv.ConsolePassword())
	ghes, err = Connect(io.Discard, fake)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := ghes.Client.ManagementConsole.MaintenanceStatus(context.Background()); err != nil {
		t.Errorf("the client does not reach the administration port: %v", err)
	}
	// Half a configuration is refused.
	t.Setenv("GHES_TOKEN", "")
	if _, err := Connect(io.Discard, fake); err == nil || !strings.Contains(err.Error(), "set both GHES_URL and GHES_TOKEN") || started {
		t.Errorf("Connect with GHES_URL only: err = %v (fake started: %v)", err, started)
	}
}

func TestConnectSiteAdmin(t *testing.T) {
	srv := ghestest.New(t)
	clearEnv(t)
	t.Setenv("GHES_URL", srv.URL())
	t.Setenv("GHES_TOKEN", srv.Token())
	opts := Options{SiteAdminReason: "the reports are read as a site administrator"}
	if _, err := Connect(io.Discard, opts); err == nil || err.Error() != "set GHES_LOGIN: the reports are read as a site administrator" {
		t.Errorf("Connect without GHES_LOGIN: err = %v", err)
	}
	// The login signs in on the web origin: a wrong one is refused there,
	// the administrator's is not.
	report := func() error {
		ghes, err := Connect(io.Discard, opts)
		if err != nil {
			return err
		}
		for _, err := range ghes.Client.Reports.AllUsers(context.Background(), ghesadmin.WaitInterval(time.Millisecond)) {
			if err != nil {
				return err
			}
		}
		return nil
	}
	t.Setenv("GHES_LOGIN", "not-"+srv.AdminLogin())
	if err := report(); err == nil {
		t.Error("a report as another login succeeded: GHES_LOGIN is not the site administrator's login")
	}
	t.Setenv("GHES_LOGIN", srv.AdminLogin())
	if err := report(); err != nil {
		t.Errorf("a report as the site administrator: %v", err)
	}
}

func TestRequired(t *testing.T) {
	fake := &Target{Fake: &ghestest.Server{}}
	real := &Target{}
	for _, tc := range []struct {
		t           *Target
		value, want string
		wantErr     string
	}{
		{fake, "given", "given", ""},
		{real, "given", "given", ""},
		{fake, "", "fake's", ""},
		{real, "", "", "-enterprise is required on a real GHES"},
	} {
		got, err := tc.t.Required("enterprise", tc.value, "fake's")
		if got != tc.want || (err == nil) != (tc.wantErr == "") || (err != nil && err.Error() != tc.wantErr) {
			t.Errorf("Required(%q) on fake %v = %q, %v; want %q, %q", tc.value, tc.t.Fake != nil, got, err, tc.want, tc.wantErr)
		}
	}
}
