package ghesadmin

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// serveSequence answers each request to pattern with the next body of
// bodies (the last one repeated) and counts the requests.
func serveSequence(t *testing.T, mux *http.ServeMux, pattern string, check func(*http.Request), bodies ...string) *atomic.Int32 {
	var n atomic.Int32
	mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		check(r)
		i := int(n.Add(1)) - 1
		writeJSON(w, http.StatusOK, bodies[min(i, len(bodies)-1)])
	})
	return &n
}

func TestManagementConsole_WaitForMaintenance(t *testing.T) {
	fast := WaitInterval(time.Millisecond)
	check := func(r *http.Request) {
		call{Console: true, Method: http.MethodGet, Path: "/setup/api/maintenance"}.verify(t, r)
	}
	t.Run("scheduled then on", func(t *testing.T) {
		env := setup(t)
		n := serveSequence(t, env.Console, "GET /setup/api/maintenance", check,
			`{"status":"scheduled","scheduled_time":"Thursday, January 22 at 15:00 +0000","connection_services":[]}`,
			`{"status":"scheduled","scheduled_time":"Thursday, January 22 at 15:00 +0000","connection_services":[]}`,
			`{"status":"on","scheduled_time":null,"connection_services":[{"name":"git operations","number":2}]}`)
		st, resp, err := env.Client.ManagementConsole.WaitForMaintenance(context.Background(), fast)
		require.NoError(t, err)
		if st.Status != "on" || len(st.ConnectionServices) != 1 || st.ConnectionServices[0].Number != 2 || resp.StatusCode != 200 || n.Load() != 3 {
			t.Errorf("status %+v after %d polls", st, n.Load())
		}
	})
	t.Run("off", func(t *testing.T) {
		env := setup(t)
		n := serveSequence(t, env.Console, "GET /setup/api/maintenance", check, `{"status":"off","scheduled_time":null,"connection_services":[]}`)
		st, _, err := env.Client.ManagementConsole.WaitForMaintenance(context.Background(), fast)
		if !errors.Is(err, ErrMaintenanceOff) || st == nil || st.Status != "off" || n.Load() != 1 {
			t.Errorf("err = %v, status %+v, %d polls", err, st, n.Load())
		}
	})
	t.Run("context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		env := setup(t, WithHTTPClient(&http.Client{Transport: cancelAfterBody{cancel}}))
		serveSequence(t, env.Console, "GET /setup/api/maintenance", check, `{"status":"scheduled"}`)
		_, _, err := env.Client.ManagementConsole.WaitForMaintenance(ctx, WaitInterval(time.Hour))
		if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), `status "scheduled"`) {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("bad option", func(t *testing.T) {
		env := setup(t) // no handler: a request fails the test
		if _, _, err := env.Client.ManagementConsole.WaitForMaintenance(context.Background(), WaitInterval(0)); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("err = %v", err)
		}
	})
}

func TestManage_WaitForMaintenance(t *testing.T) {
	fast := WaitInterval(time.Millisecond)
	node := func(host, status string) string {
		return `{"hostname":"` + host + `","uuid":"u-` + host + `","status":"` + status + `","scheduled_time":"","connection_services":[],"can_unset_maintenance":true,"ip_exception_list":[],"maintenance_mode_message":""}`
	}
	t.Run("every node on", func(t *testing.T) {
		env := setup(t)
		n := serveSequence(t, env.Console, "GET /manage/v1/maintenance", func(r *http.Request) {
			call{Console: true, Method: http.MethodGet, Path: "/manage/v1/maintenance", Query: url.Values{"uuid": {"u-a"}}}.verify(t, r)
		},
			"["+node("a", "scheduled")+","+node("b", "on")+"]",
			"["+node("a", "on")+","+node("b", "on")+"]")
		nodes, _, err := env.Client.Manage.WaitForMaintenance(context.Background(), &ManageNodeOptions{UUID: "u-a"}, fast)
		require.NoError(t, err)
		if len(nodes) != 2 || nodes[0].Status != "on" || n.Load() != 2 {
			t.Errorf("nodes %v after %d polls", nodes, n.Load())
		}
	})
	t.Run("a node off", func(t *testing.T) {
		env := setup(t)
		serveSequence(t, env.Console, "GET /manage/v1/maintenance", func(*http.Request) {}, "["+node("a", "on")+","+node("b", "off")+"]")
		_, _, err := env.Client.Manage.WaitForMaintenance(context.Background(), nil, fast)
		if !errors.Is(err, ErrMaintenanceOff) || !strings.Contains(err.Error(), "node b") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		env := setup(t, WithHTTPClient(&http.Client{Transport: cancelAfterBody{cancel}}))
		serveSequence(t, env.Console, "GET /manage/v1/maintenance", func(*http.Request) {}, "["+node("a", "scheduled")+"]")
		if _, _, err := env.Client.Manage.WaitForMaintenance(ctx, nil, WaitInterval(time.Hour)); !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), `node "a"`) {
			t.Errorf("err = %v", err)
		}
	})
}

func TestMaintenanceAtSchedulesUnambiguously(t *testing.T) {
	pst := time.FixedZone("PST", -8*3600)
	at := time.Date(2026, 1, 22, 15, 34, 12, 999, pst)
	if got := *MaintenanceAt(at); got != "2026-01-22T15:34:12-08:00" {
		t.Errorf("MaintenanceAt = %q", got)
	}
	env := mock(t)
	env.expect(t, call{Console: true, Method: http.MethodPost, Path: "/setup/api/maintenance", Form: url.Values{"maintenance": {`{"enabled":true,"when":"2026-01-22T23:34:12Z"}`}}, ReplyJSON: `{"status":"scheduled","scheduled_time":"Thursday, January 22 at 23:34 +0000","connection_services":[]}`})
	st, _, err := env.Client.ManagementConsole.SetMaintenance(context.Background(), MaintenanceRequest{Enabled: true, When: MaintenanceAt(at.UTC())})
	if err != nil || st.Status != "scheduled" {
		t.Fatalf("%+v, %v", st, err)
	}
	// An empty When is refused before sending.
	if _, _, err := env.Client.ManagementConsole.SetMaintenance(context.Background(), MaintenanceRequest{Enabled: true, When: Ptr(" ")}); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("empty When: err = %v", err)
	}
}

// cancelAfterBody is a transport that cancels a context once the first
// reply's body has been read and closed: the next thing the caller does,
// waiting between polls, sees the context end.
type cancelAfterBody struct{ cancel context.CancelFunc }

func (c cancelAfterBody) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err == nil {
		resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: c.cancel}
	}
	return resp, err
}

type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c *cancelOnClose) Close() error { err := c.ReadCloser.Close(); c.cancel(); return err }

func TestWaitForConfigApplyNamesTheLatestRun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := setup(t, WithHTTPClient(&http.Client{Transport: cancelAfterBody{cancel}}))
	env.Console.HandleFunc("GET /manage/v1/config/apply", func(w http.ResponseWriter, r *http.Request) {
		call{Console: true, Method: http.MethodGet, Path: "/manage/v1/config/apply"}.verify(t, r)
		writeJSON(w, http.StatusOK, `{"running":true,"successful":false,"nodes":[{"run_id":"","hostname":"a","running":true,"successful":false}]}`)
	})
	_, _, err := env.Client.Manage.WaitForConfigApply(ctx, "", WaitInterval(time.Hour))
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "waiting for config apply the latest run") || strings.Contains(err.Error(), `run ""`) {
		t.Errorf("err = %v", err)
	}
	if got := (&ConfigApplyError{}).Error(); got != "ghesadmin: config apply the latest run failed" {
		t.Errorf("ConfigApplyError = %q", got)
	}
	if got := (&ConfigApplyError{RunID: "r1"}).Error(); got != `ghesadmin: config apply run "r1" failed` {
		t.Errorf("ConfigApplyError = %q", got)
	}
}
