package ghesadmin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// assertValidation checks that err is a 422 *ValidationError with the
// reference's error body.
func assertValidation(t *testing.T, err error, resource, code, message string) {
	t.Helper()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error = %v (%T), want a *ValidationError", err, err)
	}
	if ve.StatusCode() != http.StatusUnprocessableEntity {
		t.Errorf("status = %d, want 422", ve.StatusCode())
	}
	if ve.Message != "Validation Failed" {
		t.Errorf("Message = %q, want %q", ve.Message, "Validation Failed")
	}
	want := []FieldError{{Resource: resource, Code: code, Message: message}}
	assert.Equal(t, want, ve.Errors, "Errors")
	if !strings.Contains(err.Error(), message) {
		t.Errorf("error text %q does not carry %q", err.Error(), message)
	}
	assertNoSecret(t, "error", err.Error())
}

func timePtr(t *testing.T, s string) *time.Time {
	v := mustTime(t, s)
	return &v
}

// Example values of the reference, shared by the pre-receive tests.
func wantDevToolsEnv(t *testing.T, state DownloadState, downloadedAt *time.Time) *PreReceiveEnvironment {
	return &PreReceiveEnvironment{
		ID:                 2,
		Name:               "DevTools Hook Env",
		ImageURL:           "https://my_file_server/path/to/devtools_env.tar.gz",
		URL:                "https://github.example.com/api/v3/admin/pre-receive-environments/2",
		HTMLURL:            "https://github.example.com/admin/pre-receive-environments/2",
		DefaultEnvironment: false,
		CreatedAt:          mustTime(t, "2016-05-20T11:35:45-05:00"),
		HooksCount:         1,
		Download: PreReceiveEnvironmentDownload{
			URL:          "https://github.example.com/api/v3/admin/pre-receive-environments/2/downloads/latest",
			State:        state,
			DownloadedAt: downloadedAt,
			Message:      nil,
		},
	}
}

// wantDefaultEnv is the reference's built-in environment with its count of
// hooks and the state of its last download.
func wantDefaultEnv(t *testing.T, hooks int, state DownloadState) *PreReceiveEnvironment {
	return &PreReceiveEnvironment{
		ID:                 1,
		Name:               "Default",
		ImageURL:           "githubenterprise://internal",
		URL:                "https://github.example.com/api/v3/admin/pre-receive-environments/1",
		HTMLURL:            "https://github.example.com/admin/pre-receive-environments/1",
		DefaultEnvironment: true,
		CreatedAt:          mustTime(t, "2016-05-20T11:35:45-05:00"),
		HooksCount:         hooks,
		Download: PreReceiveEnvironmentDownload{
			URL:          "https://github.example.com/api/v3/admin/pre-receive-environments/1/downloads/latest",
			State:        state,
			DownloadedAt: timePtr(t, "2016-05-26T07:42:53-05:00"),
		},
	}
}

// TestPreReceiveEnvironmentsEndpoints checks the request of every
// pre-receive environment call (the preview in Accept) and every field of
// its reply.
func TestPreReceiveEnvironmentsEndpoints(t *testing.T) {
	const envs = "/admin/pre-receive-environments"
	preview := func(method, path, body string, status int, reply string) call {
		return call{Method: method, Path: envs + path, Preview: mediaTypeEyeScreamPreview, JSON: body, Status: status, Reply: reply}
	}
	p := func(c *Client) *PreReceiveEnvironmentsService { return c.PreReceiveEnvironments }
	download := func(state DownloadState, at *time.Time) *PreReceiveEnvironmentDownload {
		return &PreReceiveEnvironmentDownload{URL: "https://github.example.com/api/v3/admin/pre-receive-environments/3/downloads/latest", State: state, DownloadedAt: at, Message: nil}
	}
	runStrictEndpointCases(t, []endpointCase{
		{"List", call{Method: http.MethodGet, Path: envs, Query: url.Values{"sort": {"name"}, "direction": {"asc"}, "page": {"2"}, "per_page": {"50"}}, Preview: mediaTypeEyeScreamPreview, Reply: "pre_receive_environments/list.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return p(c).List(ctx, &PreReceiveListOptions{Sort: PreReceiveSortName, Direction: "asc", ListOptions: ListOptions{Page: 2, PerPage: 50}})
			}, []*PreReceiveEnvironment{
				wantDefaultEnv(t, 14, DownloadStateNotStarted),
				wantDevToolsEnv(t, DownloadStateSuccess, timePtr(t, "2016-05-26T07:42:53-05:00")),
			}},
		{"Create", preview(http.MethodPost, "", `{"name":"DevTools Hook Env","image_url":"https://my_file_server/path/to/devtools_env.tar.gz"}`, http.StatusCreated, "pre_receive_environments/create.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return p(c).Create(ctx, CreatePreReceiveEnvironmentRequest{Name: "DevTools Hook Env", ImageURL: "https://my_file_server/path/to/devtools_env.tar.gz"})
			}, wantDevToolsEnv(t, DownloadStateNotStarted, nil)},
		{"Get", preview(http.MethodGet, "/2", "", 0, "pre_receive_environments/get.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) { return p(c).Get(ctx, 2) },
			wantDevToolsEnv(t, DownloadStateNotStarted, nil)},
		{"Update", preview(http.MethodPatch, "/2", `{"name":"DevTools Hook Env"}`, 0, "pre_receive_environments/update.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return p(c).Update(ctx, 2, UpdatePreReceiveEnvironmentRequest{Name: Ptr("DevTools Hook Env")})
			}, wantDevToolsEnv(t, DownloadStateSuccess, timePtr(t, "2016-05-26T07:42:53-05:00"))},
		{"Delete", preview(http.MethodDelete, "/2", "", http.StatusNoContent, ""),
			func(ctx context.Context, c *Client) (any, *Response, error) { return noResult(p(c).Delete(ctx, 2)) }, nil},
		{"StartDownload", preview(http.MethodPost, "/3/downloads", "", http.StatusAccepted, "pre_receive_environments/start_download.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) { return p(c).StartDownload(ctx, 3) },
			download(DownloadStateNotStarted, nil)},
		{"DownloadStatus", preview(http.MethodGet, "/3/downloads/latest", "", 0, "pre_receive_environments/download_status.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) { return p(c).DownloadStatus(ctx, 3) },
			download(DownloadStateSuccess, timePtr(t, "2016-05-26T07:42:53-05:00"))},
	})
}

func TestPreReceiveListOptions_validate(t *testing.T) {
	list := func(opts *PreReceiveListOptions) endpointFunc {
		return func(ctx context.Context, c *Client) (any, *Response, error) {
			return c.PreReceiveEnvironments.List(ctx, opts)
		}
	}
	runRefusedCases(t, []refusedCase{
		{"sort", list(&PreReceiveListOptions{Sort: "pushed"}), []string{`PreReceiveListOptions.Sort is "pushed"`}},
		{"direction", list(&PreReceiveListOptions{Direction: "up"}), []string{`PreReceiveListOptions.Direction is "up"`}},
		{"per_page", list(&PreReceiveListOptions{ListOptions: ListOptions{PerPage: 101}}), []string{"ListOptions.PerPage is 101"}},
	})
}

func TestPreReceiveEnvironmentsService_ListIter(t *testing.T) {
	opts := &PreReceiveListOptions{Sort: PreReceiveSortUpdated, ListOptions: ListOptions{PerPage: 1}}
	before := *opts
	query := url.Values{"sort": {"updated"}, "per_page": {"1"}}
	base := "/admin/pre-receive-environments?sort=updated&per_page=1&page="
	runWalkCases(t, []walkCase{{name: "three pages", path: "/admin/pre-receive-environments", preview: mediaTypeEyeScreamPreview, pages: []walkPage{
		{query: query, next: pageLinks(base, "2", "next", "3", "last"), reply: `[{"id": 1, "name": "env-1"}]`},
		{query: withPage(query, "2"), next: pageLinks(base, "3", "next", "3", "last"), reply: `[{"id": 2, "name": "env-2"}]`},
		{query: withPage(query, "3"), reply: `[{"id": 3, "name": "env-3"}]`},
	}, walk: func(ctx context.Context, c *Client) ([]int64, error) {
		return collectIDs(c.PreReceiveEnvironments.ListIter(ctx, opts), func(e *PreReceiveEnvironment) int64 { return e.ID })
	}, want: []int64{1, 2, 3}}})
	require.Equal(t, before, *opts, "ListIter changed the options")
}

func TestPreReceiveEnvironmentsService_Update_defaultEnvironment(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPatch, Path: "/admin/pre-receive-environments/1", Preview: mediaTypeEyeScreamPreview, JSON: `{"name":"x","image_url":"https://example.com/env.tar.gz"}`, Status: http.StatusUnprocessableEntity, Reply: "pre_receive_environments/update_422.json"})
	got, resp, err := env.Client.PreReceiveEnvironments.Update(context.Background(), 1, UpdatePreReceiveEnvironmentRequest{
		Name: Ptr("x"), ImageURL: Ptr("https://example.com/env.tar.gz"),
	})
	if got != nil {
		t.Errorf("Update returned %+v with an error", got)
	}
	if resp == nil || resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("resp = %v, want the 422 response", resp)
	}
	assertValidation(t, err, "PreReceiveEnvironment", "custom", "Cannot modify or delete the default environment")
}

func TestPreReceiveEnvironmentsService_Delete_refused(t *testing.T) {
	// The reference's example, then the other documented messages.
	t.Run("default environment (reference example)", func(t *testing.T) {
		env := setup(t)
		env.API.HandleFunc("DELETE /admin/pre-receive-environments/{id}", func(w http.ResponseWriter, r *http.Request) {
			writeFixture(t, w, http.StatusUnprocessableEntity, "pre_receive_environments/delete_422.json")
		})
		_, err := env.Client.PreReceiveEnvironments.Delete(context.Background(), 1)
		assertValidation(t, err, "PreReceiveEnvironment", "custom", "Cannot modify or delete the default environment")
	})
	for _, msg := range []string{
		"Cannot delete environment that has hooks",
		"Cannot delete environment when download is in progress",
	} {
		t.Run(msg, func(t *testing.T) {
			env := setup(t)
			env.API.HandleFunc("DELETE /admin/pre-receive-environments/{id}", func(w http.ResponseWriter, r *http.Request) {
				writeJSON(w, http.StatusUnprocessableEntity, fmt.Sprintf(`{"message":"Validation Failed","errors":[{"resource":"PreReceiveEnvironment","code":"custom","message":%q}]}`, msg))
			})
			_, err := env.Client.PreReceiveEnvironments.Delete(context.Background(), 2)
			assertValidation(t, err, "PreReceiveEnvironment", "custom", msg)
		})
	}
}

func TestPreReceiveEnvironmentsService_StartDownload_inProgress(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/admin/pre-receive-environments/3/downloads", Preview: mediaTypeEyeScreamPreview, Status: http.StatusUnprocessableEntity, Reply: "pre_receive_environments/start_download_422.json"})
	got, _, err := env.Client.PreReceiveEnvironments.StartDownload(context.Background(), 3)
	if got != nil {
		t.Errorf("StartDownload returned %+v with an error", got)
	}
	assertValidation(t, err, "PreReceiveEnvironment", "custom", "Can not start a new download when a download is in progress")
}

// downloadStates serves the states in turn on GET …/downloads/latest (the
// last one from then on), and counts the requests.
func downloadStates(t *testing.T, env *testEnv, bodies ...string) *atomic.Int32 {
	var n atomic.Int32
	env.API.HandleFunc("GET /admin/pre-receive-environments/{id}/downloads/latest", func(w http.ResponseWriter, r *http.Request) {
		call{Method: http.MethodGet, Path: "/admin/pre-receive-environments/3/downloads/latest", Preview: mediaTypeEyeScreamPreview}.verify(t, r)
		i := int(n.Add(1)) - 1
		body := bodies[min(i, len(bodies)-1)]
		if strings.HasPrefix(body, "fixture:") {
			writeFixture(t, w, http.StatusOK, strings.TrimPrefix(body, "fixture:"))
			return
		}
		writeJSON(w, http.StatusOK, body)
	})
	return &n
}

const (
	downloadNotStarted = `{"url":"https://github.example.com/api/v3/admin/pre-receive-environments/3/downloads/latest","state":"not_started","downloaded_at":null,"message":null}`
	downloadInProgress = `{"url":"https://github.example.com/api/v3/admin/pre-receive-environments/3/downloads/latest","state":"in_progress","downloaded_at":"2016-05-26T07:42:53-05:00","message":null}`
	downloadFailed     = `{"url":"https://github.example.com/api/v3/admin/pre-receive-environments/3/downloads/latest","state":"failed","downloaded_at":"2016-05-26T07:42:53-05:00","message":"Failed to download image: 404 Not Found"}`
)

func TestPreReceiveEnvironmentsService_WaitForDownload_success(t *testing.T) {
	env := setup(t)
	n := downloadStates(t, env, downloadNotStarted, downloadInProgress, downloadInProgress, "fixture:pre_receive_environments/download_status.json")
	got, resp, err := env.Client.PreReceiveEnvironments.WaitForDownload(context.Background(), 3, WaitBackoff(time.Millisecond, 4*time.Millisecond))
	require.NoError(t, err, "WaitForDownload")
	if resp == nil || resp.StatusCode != http.StatusOK {
		t.Errorf("resp = %v, want the last 200", resp)
	}
	if n.Load() != 4 {
		t.Errorf("%d status requests, want 4", n.Load())
	}
	assertFields(t, "WaitForDownload", got, &PreReceiveEnvironmentDownload{
		URL:          "https://github.example.com/api/v3/admin/pre-receive-environments/3/downloads/latest",
		State:        DownloadStateSuccess,
		DownloadedAt: timePtr(t, "2016-05-26T07:42:53-05:00"),
	})
}

func TestPreReceiveEnvironmentsService_WaitForDownload_backoff(t *testing.T) {
	env := setup(t)
	var (
		mu    sync.Mutex
		times []time.Time
	)
	env.API.HandleFunc("GET /admin/pre-receive-environments/{id}/downloads/latest", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		i := len(times) - 1
		mu.Unlock()
		if i < 5 {
			writeJSON(w, http.StatusOK, downloadInProgress)
			return
		}
		writeFixture(t, w, http.StatusOK, "pre_receive_environments/download_status.json")
	})
	if _, _, err := env.Client.PreReceiveEnvironments.WaitForDownload(context.Background(), 3, WaitBackoff(5*time.Millisecond, 20*time.Millisecond)); err != nil {
		t.Fatalf("WaitForDownload: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(times) != 6 {
		t.Fatalf("%d status requests, want 6", len(times))
	}
	// The waits double from 5ms and stop growing at 20ms. A timer never
	// fires early, so these lower bounds cannot fail on a slow machine.
	for i, min := range []time.Duration{5, 10, 20, 20, 20} {
		min *= time.Millisecond
		if gap := times[i+1].Sub(times[i]); gap < min {
			t.Errorf("wait %d = %v, want at least %v", i+1, gap, min)
		}
	}
}

func TestPreReceiveEnvironmentsService_WaitForDownload_failed(t *testing.T) {
	env := setup(t)
	n := downloadStates(t, env, downloadInProgress, downloadFailed)
	got, _, err := env.Client.PreReceiveEnvironments.WaitForDownload(context.Background(), 3, WaitBackoff(time.Millisecond, time.Millisecond))
	var de *PreReceiveDownloadError
	if !errors.As(err, &de) {
		t.Fatalf("error = %v (%T), want a *PreReceiveDownloadError", err, err)
	}
	if de.EnvironmentID != 3 || de.Message != "Failed to download image: 404 Not Found" {
		t.Errorf("error = %+v", de)
	}
	if !strings.Contains(err.Error(), "Failed to download image: 404 Not Found") {
		t.Errorf("error text %q does not carry the message", err)
	}
	if got == nil || got.State != DownloadStateFailed || got.Message == nil || *got.Message != "Failed to download image: 404 Not Found" {
		t.Errorf("download = %+v, want the failed status", got)
	}
	if n.Load() != 2 {
		t.Errorf("%d status requests, want 2", n.Load())
	}
}

func TestPreReceiveEnvironmentsService_WaitForDownload_contextCanceled(t *testing.T) {
	env := setup(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var n atomic.Int32
	served := make(chan struct{}, 1)
	env.API.HandleFunc("GET /admin/pre-receive-environments/{id}/downloads/latest", func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		writeJSON(w, http.StatusOK, downloadInProgress)
		served <- struct{}{}
	})
	go func() {
		<-served
		time.Sleep(20 * time.Millisecond) // the client is now waiting to poll again
		cancel()
	}()
	start := time.Now()
	// An hour between polls: only the cancellation can end the wait soon.
	_, _, err := env.Client.PreReceiveEnvironments.WaitForDownload(ctx, 3, WaitBackoff(time.Hour, time.Hour))
	requireCanceledWait(t, err, start, 5*time.Second, &n)
}

func TestPreReceiveEnvironmentsService_WaitForDownload_statusError(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/admin/pre-receive-environments/3/downloads/latest", Preview: mediaTypeEyeScreamPreview, Status: http.StatusNotFound, ReplyJSON: `{"message":"Not Found"}`})
	_, resp, err := env.Client.PreReceiveEnvironments.WaitForDownload(context.Background(), 3, WaitBackoff(time.Millisecond, time.Millisecond))
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("error = %v, want ErrNotFound", err)
	}
	if resp == nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("resp = %v, want the 404", resp)
	}
}

func TestWaitOptions_invalid(t *testing.T) {
	env := setup(t) // no handler: nothing may be sent
	for _, d := range [][2]time.Duration{{0, time.Second}, {time.Second, 0}, {2 * time.Second, time.Second}, {-time.Second, time.Second}} {
		_, _, err := env.Client.PreReceiveEnvironments.WaitForDownload(context.Background(), 3, WaitBackoff(d[0], d[1]))
		if !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("WaitBackoff(%v, %v): error = %v, want ErrInvalidArgument", d[0], d[1], err)
		}
	}
	for _, d := range []time.Duration{0, -time.Second} {
		if _, _, err := env.Client.PreReceiveEnvironments.WaitForDownload(context.Background(), 3, WaitInterval(d)); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("WaitInterval(%v): error = %v, want ErrInvalidArgument", d, err)
		}
		if _, _, err := env.Client.ManagementConsole.WaitForConfiguration(context.Background(), WaitInterval(d)); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("console WaitInterval(%v): error = %v, want ErrInvalidArgument", d, err)
		}
		if _, _, err := env.Client.Manage.WaitForConfigApply(context.Background(), "r1", WaitInterval(d)); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("manage WaitInterval(%v): error = %v, want ErrInvalidArgument", d, err)
		}
	}
}

func TestDownloadWait_defaultBackoff(t *testing.T) {
	w := waitConfig{interval: defaultDownloadPollInterval, max: defaultDownloadMaxPollInterval}
	var got []time.Duration
	for d, i := w.interval, 0; i < 7; d, i = w.next(d), i+1 {
		got = append(got, d)
	}
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 15 * time.Second, 15 * time.Second, 15 * time.Second}
	assert.Equal(t, want, got, "default waits")
}
