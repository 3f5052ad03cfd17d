package main

import (
	"bufio"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
)

func TestRunServesUntilCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-console-addr", "127.0.0.1:0", "-version", "2.22.6", "-token", "t0ken", "-console-password", "pw"}, pw)
		pw.Close()
	}()

	lines := map[string]string{}
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok {
			lines[k] = strings.TrimSpace(v)
		}
		if strings.HasPrefix(sc.Text(), "Press Ctrl-C") {
			break
		}
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	if lines["admin token"] != "t0ken" || lines["console password"] != "pw" {
		t.Fatalf("printed %v", lines)
	}

	client, err := ghesadmin.NewClient(lines["REST API"], ghesadmin.WithToken("t0ken"),
		ghesadmin.WithManagementConsole(lines["administration"], "pw"))
	if err != nil {
		t.Fatal(err)
	}
	meta, resp, err := client.Meta.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if meta.InstalledVersion != "2.22.6" || !strings.Contains(resp.EnterpriseVersion, "2.22.6") {
		t.Errorf("version %q, header %q", meta.InstalledVersion, resp.EnterpriseVersion)
	}
	if _, _, err := client.ManagementConsole.MaintenanceStatus(ctx); err != nil {
		t.Errorf("console: %v", err)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("run did not return after its context ended")
	}
}

func TestRunHelpAndBadFlags(t *testing.T) {
	var sb strings.Builder
	if err := run(context.Background(), []string{"-h"}, &sb); err != nil || !strings.Contains(sb.String(), "-console-addr") {
		t.Errorf("-h: err %v, output %q", err, sb.String())
	}
	if err := run(context.Background(), []string{"-nope"}, io.Discard); err == nil {
		t.Error("an unknown flag was accepted")
	}
	// Bounded, so that a server started by mistake ends the test.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := run(ctx, []string{"-version", "", "-addr", "127.0.0.1:0", "-console-addr", "127.0.0.1:0"}, io.Discard); err == nil {
		t.Error("an empty version was accepted")
	}
}
