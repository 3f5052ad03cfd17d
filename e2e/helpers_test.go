// Package e2e_test runs the SDK's REST workflows end to end against the
// ghestest fake: every call goes through Server.Client() and the SDK's
// service methods, so a wrong path, query, body, preview header or JSON tag
// on either side makes a test fail.
package e2e_test

import (
	"context"
	"errors"
	"iter"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

// versions are the GHES versions every workflow runs against: 2.22, where
// the fake requires the preview media types (so a passing run proves the SDK
// sends them), and 3.x.
var versions = []string{"2.22.6", "3.14.0"}

// latest is the version of the 3.x-only endpoints.
const latest = "3.22.0"

// fastWait polls fast: the fake's state machines finish after a few reads.
var fastWait = ghesadmin.WaitInterval(time.Millisecond)

// onFakes runs f as a parallel subtest for every version in vs, each
// against its own fake GHES of that version started with opts, with a
// client wired to it and a context bounded as ctx's.
func onFakes(t *testing.T, vs []string, opts []ghestest.Option, f func(t *testing.T, ctx context.Context, srv *ghestest.Server, client *ghesadmin.Client)) {
	t.Helper()
	for _, v := range vs {
		t.Run(v, func(t *testing.T) {
			t.Parallel()
			srv, client, ctx := startCtx(t, v, opts...)
			f(t, ctx, srv, client)
		})
	}
}

// startCtx starts a fake GHES as start does and returns it with its client
// and a context bounded as ctx's.
func startCtx(t *testing.T, version string, opts ...ghestest.Option) (*ghestest.Server, *ghesadmin.Client, context.Context) {
	t.Helper()
	srv, client := start(t, version, opts...)
	return srv, client, ctx(t)
}

// start starts a fake GHES of the version with opts and returns it with a
// client wired to it.
func start(t *testing.T, version string, opts ...ghestest.Option) (*ghestest.Server, *ghesadmin.Client) {
	t.Helper()
	srv := ghestest.New(t, append([]ghestest.Option{ghestest.WithVersion(version)}, opts...)...)
	client, err := srv.Client()
	if err != nil {
		t.Fatalf("srv.Client: %v", err)
	}
	return srv, client
}

// ctx returns a context bounded so that a hung request fails the test
// instead of the whole run.
func ctx(t *testing.T) context.Context {
	t.Helper()
	c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return c
}

// walk runs the iterator to its end, failing the test (with what) at its
// first error, and returns what it yielded.
func walk[T any](t *testing.T, what string, seq iter.Seq2[T, error]) []T {
	t.Helper()
	return collect(t, what, seq, func(v T) T { return v })
}

// collect runs the iterator to its end as walk does and returns f of every
// item it yielded.
func collect[T, R any](t *testing.T, what string, seq iter.Seq2[T, error], f func(T) R) []R {
	t.Helper()
	var all []R
	for v, err := range seq {
		must(t, what, err)
		all = append(all, f(v))
	}
	return all
}

func must(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func wantStatus(t *testing.T, what string, resp *ghesadmin.Response, status int) {
	t.Helper()
	if resp == nil || resp.Response == nil {
		t.Fatalf("%s: no response", what)
	}
	if resp.StatusCode != status {
		t.Fatalf("%s: status %d, want %d", what, resp.StatusCode, status)
	}
}

// wantValidation checks that err is a 422 *ValidationError whose Message is
// "Validation Failed" and whose field errors include one with the resource,
// field (may be "") and code, and a message containing msg.
func wantValidation(t *testing.T, what string, err error, resource, field, code, msg string) *ghesadmin.ValidationError {
	t.Helper()
	var ve *ghesadmin.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("%s: error %v (%T), want *ghesadmin.ValidationError", what, err, err)
	}
	if ve.StatusCode() != 422 {
		t.Fatalf("%s: status %d, want 422", what, ve.StatusCode())
	}
	if ve.Message != "Validation Failed" {
		t.Errorf("%s: Message %q, want %q", what, ve.Message, "Validation Failed")
	}
	for _, fe := range ve.Errors {
		if fe.Resource == resource && fe.Field == field && fe.Code == code && strings.Contains(fe.Message, msg) {
			return ve
		}
	}
	t.Fatalf("%s: field errors %+v, want one {%s %s %s %q}", what, ve.Errors, resource, field, code, msg)
	return nil
}

// wantIs checks errors.Is(err, target) and that err is an *ErrorResponse of
// the status.
func wantIs(t *testing.T, what string, err, target error, status int) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Fatalf("%s: error %v, want errors.Is %v", what, err, target)
	}
	var er *ghesadmin.ErrorResponse
	if !errors.As(err, &er) || er.StatusCode() != status {
		t.Fatalf("%s: error %v, want an *ErrorResponse with status %d", what, err, status)
	}
}

// wantUnsupported checks that a call whose operation the fake's release
// lacks was refused by the SDK before sending (ErrUnsupportedVersion, no
// request for method and path reached the fake), and that the fake itself
// answers such a request with GHES's 404.
func wantUnsupported(t *testing.T, srv *ghestest.Server, what string, err error, method, path string) {
	t.Helper()
	var uv *ghesadmin.UnsupportedVersionError
	if !errors.Is(err, ghesadmin.ErrUnsupportedVersion) || !errors.As(err, &uv) {
		t.Errorf("%s: error %v, want ErrUnsupportedVersion", what, err)
		return
	}
	if n := srv.RequestCount(method, path); n != 0 {
		t.Errorf("%s: %d requests for %s %s reached the server, want 0", what, n, method, path)
	}
	if status := rawStatus(t, srv, method, path); status != http.StatusNotFound {
		t.Errorf("%s: the fake answers %s %s with %d, want 404", what, method, path, status)
	}
}

// refusedCall is one call of an operation the fake's release lacks: the
// method and path it would send, and the call.
type refusedCall struct {
	method, path string
	do           func() error
}

// wantRefused checks wantUnsupported for every call, each named after its
// key and the fake's release.
func wantRefused(t *testing.T, srv *ghestest.Server, calls map[string]refusedCall) {
	t.Helper()
	for name, cl := range calls {
		wantUnsupported(t, srv, name+" on "+srv.Version(), cl.do(), cl.method, cl.path)
	}
}

// wantLearntThenRefused checks a release that lacks every operation of
// calls: calls[first], sent while the client does not know the release yet,
// reaches the fake and gets GHES's 404, whose reply tells the client the
// release; from then on every call is refused before sending (wantRefused).
func wantLearntThenRefused(t *testing.T, srv *ghestest.Server, c *ghesadmin.Client, first string, calls map[string]refusedCall) {
	t.Helper()
	v := srv.Version()
	if err := calls[first].do(); !errors.Is(err, ghesadmin.ErrNotFound) {
		t.Fatalf("%s on %s before the release is known: err = %v, want ErrNotFound", first, v, err)
	}
	if got := c.ServerVersion(); got != v && got != "enterprise-server@"+v {
		t.Fatalf("ServerVersion after one reply = %q, want %s", got, v)
	}
	srv.ResetRequestCounts()
	wantRefused(t, srv, calls)
}

// rawStatus sends method path to the fake with its credentials (the token on
// the REST API, the console password on the administration port) and
// returns the status, bypassing the SDK.
func rawStatus(t *testing.T, srv *ghestest.Server, method, path string) int {
	t.Helper()
	admin := strings.HasPrefix(path, "/setup/") || strings.HasPrefix(path, "/manage/")
	u := srv.APIURL() + strings.TrimPrefix(path, "/")
	if admin {
		u = strings.TrimSuffix(srv.ConsoleURL(), "/") + path
	}
	req, err := http.NewRequest(method, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	if admin {
		req.SetBasicAuth("api_key", srv.ConsolePassword())
	} else {
		req.Header.Set("Authorization", "token "+srv.Token())
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
