package ghesadmin

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Test credentials. They are recognisable so that tests can assert they never
// leak into URLs, errors or logs.
const (
	testToken           = "ghp_TESTTOKEN0123456789secret"
	testConsolePassword = "console-PASSWORD-0123456789"
	// A Management Console user account (WithManagementConsoleUser).
	testManageUser     = "ops-admin"
	testManagePassword = "manage-USER-PASSWORD-987654"
)

// Per-endpoint tests use mock and call (expect_test.go). testEnv is for the
// tests that need real connections or reply by logic (paging, retries,
// redirects); their handlers check requests with call.verify.
//
// testEnv is a client wired to two httptest servers: the REST API (served
// only under /api/v3/) and the administration port. Handlers are registered
// on API and Console with paths relative to those prefixes for the API
// ("/admin/hooks") and absolute for the console ("/setup/api/settings").
// A request to a path no handler is registered for fails the test.
type testEnv struct {
	Client     *Client
	API        *http.ServeMux
	Console    *http.ServeMux
	APIServer  *httptest.Server
	ConsoleSrv *httptest.Server
}

// setup starts the two servers and a client with a token, a console
// password, and retries off (tests of retries turn them back on with opts).
func setup(t *testing.T, opts ...Option) *testEnv {
	t.Helper()
	env := &testEnv{API: http.NewServeMux(), Console: http.NewServeMux()}

	apiRoot := http.NewServeMux()
	apiRoot.Handle("/api/v3/", http.StripPrefix("/api/v3", strictMux(t, "API", env.API)))
	apiRoot.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("API request outside /api/v3/: %s %s", r.Method, r.URL.EscapedPath())
		http.Error(w, "outside /api/v3/", http.StatusBadRequest)
	})
	env.APIServer = httptest.NewServer(apiRoot)
	t.Cleanup(env.APIServer.Close)

	env.ConsoleSrv = httptest.NewServer(strictMux(t, "console", env.Console))
	t.Cleanup(env.ConsoleSrv.Close)

	all := append([]Option{
		WithToken(testToken),
		WithManagementConsole(env.ConsoleSrv.URL, testConsolePassword),
		WithoutRetries(),
	}, opts...)
	c, err := NewClient(env.APIServer.URL, all...)
	require.NoError(t, err, "NewClient")
	env.Client = c
	return env
}

// strictMux fails the test for a request that no pattern of mux matches.
func strictMux(t *testing.T, name string, mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern == "" {
			t.Errorf("%s: unexpected request %s %s", name, r.Method, r.URL.EscapedPath())
			http.Error(w, "no handler", http.StatusTeapot)
			return
		}
		mux.ServeHTTP(w, r)
	})
}

func testHeader(t *testing.T, r *http.Request, key, want string) {
	t.Helper()
	if got := r.Header.Get(key); got != want {
		t.Errorf("header %s = %q, want %q", key, got, want)
	}
}

// fixture returns testdata/name.
func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", filepath.FromSlash(name)))
	require.NoError(t, err, "fixture")
	return b
}

// writeFixture answers with status and testdata/name as a JSON body.
func writeFixture(t *testing.T, w http.ResponseWriter, status int, name string) {
	t.Helper()
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(fixture(t, name))
}

// writeJSON answers with status and body.
func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// mustTime parses an RFC 3339 time.
func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatalf("time %q: %v", s, err)
	}
	return v
}

// assertNoSecret fails when s contains a test credential.
func assertNoSecret(t *testing.T, what, s string) {
	t.Helper()
	for _, secret := range []string{testToken, testConsolePassword, testManagePassword} {
		if strings.Contains(s, secret) {
			t.Errorf("%s leaks a secret: %q", what, s)
		}
	}
	if strings.Contains(s, basicAuth("api_key", testConsolePassword)[len("Basic "):]) {
		t.Errorf("%s leaks the encoded console credentials: %q", what, s)
	}
	if strings.Contains(s, basicAuth(testManageUser, testManagePassword)[len("Basic "):]) {
		t.Errorf("%s leaks the encoded console user credentials: %q", what, s)
	}
}

// capture is a bytes.Buffer for log output.
type capture = bytes.Buffer
