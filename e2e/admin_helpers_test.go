package e2e_test

import (
	"context"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

// The administration port tests: the SDK's ManagementConsole and Manage
// services, through ghestest.Server.Client, against the fake GHES.

// adminWait polls fast: the fake's state machines finish after a few reads.
var adminWait = ghesadmin.WaitInterval(time.Millisecond)

// Two public keys in OpenSSH format for the administrative shell.
const (
	adminKeyA = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHN0YXRpYy1rZXktYS1mb3ItZTJlLXRlc3RzLW9ubHk= ops@a"
	adminKeyB = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC0c3RhdGljLWtleS1iLWZvci1lMmUtdGVzdHM= ops@b"
)

// adminServer starts the fake at version and returns it with a client
// wired to both of its ports.
func adminServer(t *testing.T, version string, opts ...ghestest.Option) (*ghestest.Server, *ghesadmin.Client) {
	t.Helper()
	srv := ghestest.New(t, append([]ghestest.Option{ghestest.WithVersion(version)}, opts...)...)
	c, err := srv.Client()
	if err != nil {
		t.Fatalf("Client: %v", err)
	}
	return srv, c
}

// adminCtx is a context bounded well below the suite's budget.
func adminCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}
