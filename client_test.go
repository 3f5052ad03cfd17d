package ghesadmin

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestNewClientBaseURL(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		console string
		wantErr string
	}{
		{in: "https://ghe.example.com", want: "https://ghe.example.com/api/v3/", console: "https://ghe.example.com:8443/"},
		{in: "https://ghe.example.com/", want: "https://ghe.example.com/api/v3/", console: "https://ghe.example.com:8443/"},
		{in: "https://ghe.example.com/api/v3", want: "https://ghe.example.com/api/v3/"},
		{in: "https://ghe.example.com/api/v3/", want: "https://ghe.example.com/api/v3/"},
		{in: "https://ghe.example.com/api/v3//", want: "https://ghe.example.com/api/v3/"},
		{in: "http://10.0.0.5:8080", want: "http://10.0.0.5:8080/api/v3/", console: "http://10.0.0.5:8080/"},
		{in: "http://ghe.internal", want: "http://ghe.internal/api/v3/", console: "http://ghe.internal:8080/"},
		{in: "https://ghe.example.com/prefix", want: "https://ghe.example.com/prefix/api/v3/"},
		{in: "https://[::1]:8443", want: "https://[::1]:8443/api/v3/", console: "https://[::1]:8443/"},
		{in: "HTTPS://GHE.example.com", want: "https://GHE.example.com/api/v3/"},
		{in: "", wantErr: "empty"},
		{in: "   ", wantErr: "empty"},
		{in: "ghe.example.com", wantErr: "scheme"},
		{in: "ftp://ghe.example.com", wantErr: "scheme"},
		{in: "https://", wantErr: "no host"},
		{in: "https://:443", wantErr: "no host"},
		{in: "https://ghe.example.com:99999", wantErr: "port"},
		{in: "https://admin:hunter2@ghe.example.com", wantErr: "credentials"},
		{in: "https://ghe.example.com/api/v3?x=1", wantErr: "query"},
		{in: "https://ghe.example.com/#frag", wantErr: "fragment"},
		{in: "https://ghe.example.com/%zz", wantErr: "cannot be parsed"},
		{in: "://bad", wantErr: "cannot be parsed"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, err := NewClient(tt.in)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("NewClient(%q) = %v, want an error containing %q", tt.in, c.BaseURL(), tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error = %q, want it to contain %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "hunter2") {
					t.Errorf("error leaks the password in the URL: %q", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("NewClient(%q): %v", tt.in, err)
			}
			if got := c.BaseURL(); got != tt.want {
				t.Errorf("BaseURL = %q, want %q", got, tt.want)
			}
			if tt.console != "" && c.ManagementConsoleURL() != tt.console {
				t.Errorf("ManagementConsoleURL = %q, want %q", c.ManagementConsoleURL(), tt.console)
			}
		})
	}
}

func TestNewClientOptions(t *testing.T) {
	bad := []struct {
		name string
		opt  Option
		want string
	}{
		{"empty token", WithToken(""), "token is empty"},
		{"token with newline", WithToken("abc\r\nX-Evil: 1"), "line break"},
		{"basic no user", WithBasicAuth("", "p"), "username is empty"},
		{"basic colon", WithBasicAuth("a:b", "p"), "contains ':'"},
		{"basic no password", WithBasicAuth("a", ""), "password is empty"},
		{"nil http client", WithHTTPClient(nil), "client is nil"},
		{"empty UA", WithUserAgent(" "), "user agent is empty"},
		{"UA newline", WithUserAgent("a\nb"), "line break"},
		{"negative attempts", WithRetry(RetryPolicy{MaxAttempts: -1}), "MaxAttempts"},
		{"too many attempts", WithRetry(RetryPolicy{MaxAttempts: 11}), "MaxAttempts"},
		{"negative backoff", WithRetry(RetryPolicy{MinBackoff: -time.Second}), "negative"},
		{"min above max", WithRetry(RetryPolicy{MinBackoff: 2 * time.Second, MaxBackoff: time.Second}), "larger"},
		{"nil logger", WithLogger(nil), "logger is nil"},
		{"console no password", WithManagementConsole("https://ghe:8443", ""), "password is empty"},
		{"console bad URL", WithManagementConsole("ghe:8443", "pw"), "scheme"},
		{"console URL with query", WithManagementConsole("https://ghe:8443/?a=b", "pw"), "query"},
		{"CA not PEM", WithManagementConsoleCA([]byte("not a cert")), "no PEM"},
		{"prefetch negative", WithPagePrefetch(-1), "outside"},
		{"prefetch too large", WithPagePrefetch(33), "outside"},
		{"nil option", nil, "option 0 is nil"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewClient("https://ghe.example.com", tt.opt)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}

	c, err := NewClient("https://ghe.example.com",
		WithManagementConsole("https://admin.example.com:9443/setup/api/", "pw"),
		WithPagePrefetch(4), WithUserAgent("my-tool/1.0"))
	require.NoError(t, err)
	if got := c.ManagementConsoleURL(); got != "https://admin.example.com:9443/" {
		t.Errorf("ManagementConsoleURL = %q", got)
	}
	if c.prefetch != 4 || c.userAgent != "my-tool/1.0" {
		t.Errorf("prefetch = %d, userAgent = %q", c.prefetch, c.userAgent)
	}
	if c.Users == nil || c.Actions == nil || c.Manage == nil || c.ManagementConsole == nil || c.Meta == nil ||
		c.AdminHooks == nil || c.LDAP == nil || c.License == nil || c.Stats == nil || c.Organizations == nil ||
		c.PreReceiveEnvironments == nil || c.PreReceiveHooks == nil {
		t.Error("a service is nil")
	}
}

func TestWithHTTPClientIsNotMutated(t *testing.T) {
	hc := &http.Client{Timeout: 3 * time.Second}
	c, err := NewClient("https://ghe.example.com", WithHTTPClient(hc), WithToken("t"))
	require.NoError(t, err)
	if hc.CheckRedirect != nil || hc.Transport != nil || hc.Timeout != 3*time.Second {
		t.Errorf("the caller's client was modified: %+v", hc)
	}
	if c.api.http == hc {
		t.Error("the client uses the caller's *http.Client itself, not a copy")
	}
	if c.api.http.Timeout != 3*time.Second {
		t.Errorf("the copy lost the caller's settings: timeout %v", c.api.http.Timeout)
	}
}

func TestRequestHeaders(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/plain", Status: http.StatusNoContent})
	env.expect(t, call{Method: http.MethodPost, Path: "/preview", Preview: mediaTypeSuperproPreview, JSON: `{"name":"web","active":true}`, Status: http.StatusCreated})
	env.expect(t, call{Method: http.MethodPut, Path: "/empty", Status: http.StatusNoContent})
	ctx := context.Background()
	if _, err := env.Client.api.call(ctx, &request{method: http.MethodGet, path: "plain"}, nil); err != nil {
		t.Fatal(err)
	}
	body := map[string]any{"name": "web", "active": true}
	if _, err := env.Client.api.call(ctx, &request{method: http.MethodPost, path: "preview", json: body, preview: mediaTypeSuperproPreview}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Client.api.call(ctx, &request{method: http.MethodPut, path: "empty"}, nil); err != nil {
		t.Fatal(err)
	}
}

func TestBasicAuthAndConsoleAuth(t *testing.T) {
	env := setup(t, WithBasicAuth("site-admin", "pa55"))
	env.API.HandleFunc("GET /x", func(w http.ResponseWriter, r *http.Request) {
		u, p, ok := r.BasicAuth()
		if !ok || u != "site-admin" || p != "pa55" {
			t.Errorf("basic auth = %q %q %v", u, p, ok)
		}
		w.WriteHeader(204)
	})
	env.Console.HandleFunc("GET /setup/api/settings", func(w http.ResponseWriter, r *http.Request) {
		call{Console: true, Method: http.MethodGet, Path: "/setup/api/settings"}.verify(t, r)
		writeJSON(w, 200, `{}`)
	})
	ctx := context.Background()
	if _, err := env.Client.api.call(ctx, &request{method: "GET", path: "x"}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Client.console.call(ctx, &request{method: "GET", path: "setup/api/settings"}, nil); err != nil {
		t.Fatal(err)
	}
}

func TestConsoleWithoutPasswordFailsBeforeSending(t *testing.T) {
	sent := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { sent = true }))
	defer srv.Close()
	c, err := NewClient(srv.URL, WithToken(testToken))
	require.NoError(t, err)
	_, err = c.console.call(context.Background(), &request{method: "GET", path: "setup/api/settings"}, nil)
	if !errors.Is(err, ErrNoConsolePassword) || !strings.Contains(err.Error(), "WithManagementConsole") {
		t.Fatalf("err = %v, want ErrNoConsolePassword naming the option", err)
	}
	if sent {
		t.Error("a request was sent")
	}
}

func TestEscapePath(t *testing.T) {
	tests := []struct {
		format string
		args   []any
		want   string
		err    string
	}{
		{"users/{username}/site_admin", []any{"octocat"}, "users/octocat/site_admin", ""},
		{"users/{username}", []any{"a/b"}, "users/a%2Fb", ""},
		{"users/{username}", []any{"a?b#c"}, "users/a%3Fb%23c", ""},
		{"users/{username}", []any{"100%"}, "users/100%25", ""},
		{"users/{username}", []any{"a b"}, "users/a%20b", ""},
		{"users/{username}", []any{"zoë"}, "users/zo%C3%AB", ""},
		{"users/{username}", []any{"..%2F"}, "users/..%252F", ""},
		{"repos/{owner}/{repo}/hooks/{hook_id}", []any{"o", "r", int64(7)}, "repos/o/r/hooks/7", ""},
		{"users/{username}", []any{""}, "", "ghesadmin: Users.Test: username is empty"},
		{"users/{username}", []any{"."}, "", `ghesadmin: Users.Test: username (".") is a relative path segment`},
		{"users/{username}", []any{".."}, "", `ghesadmin: Users.Test: username ("..") is a relative path segment`},
		{"repos/{owner}/{repo}", []any{"o", ".."}, "", `ghesadmin: Users.Test: repo ("..") is a relative path segment`},
	}
	for _, tt := range tests {
		got, err := escapePath("Users.Test", tt.format, tt.args...)
		if tt.err != "" {
			var ae *ArgumentError
			if err == nil || !errors.Is(err, ErrInvalidArgument) || !errors.As(err, &ae) || err.Error() != tt.err {
				t.Errorf("escapePath(%q, %v) = %q, %v; want %q (ErrInvalidArgument)", tt.format, tt.args, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("escapePath(%q, %v) = %q, %v; want %q", tt.format, tt.args, got, err, tt.want)
		}
	}
	// A template that does not match its arguments is a programming error,
	// reported rather than sent.
	for _, bad := range []struct {
		format string
		args   []any
	}{{"users/{username}", nil}, {"users/{username}/{x}", []any{"a"}}, {"users/{username}", []any{1.5}}} {
		if p, err := escapePath("Users.Test", bad.format, bad.args...); err == nil {
			t.Errorf("escapePath(%q, %v) = %q, nil; want an error", bad.format, bad.args, p)
		}
	}
}

func TestEscapedPathOnTheWire(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("GET /users/{name}", func(w http.ResponseWriter, r *http.Request) {
		call{Method: http.MethodGet, Path: "/users/a%2Fb%3Fc%23d%25e%20f%C3%AB"}.verify(t, r)
		if got := r.PathValue("name"); got != "a/b?c#d%e fë" {
			t.Errorf("the server decoded %q", got)
		}
		w.WriteHeader(204)
	})
	p, err := escapePath("Users.Test", "users/{username}", "a/b?c#d%e fë")
	require.NoError(t, err)
	if _, err := env.Client.api.call(context.Background(), &request{method: "GET", path: p}, nil); err != nil {
		t.Fatal(err)
	}
}

func TestResponseHeaders(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("GET /x", func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Link", `<https://ghe/api/v3/x?page=3&per_page=2>; rel="next", <https://ghe/api/v3/x?page=1&per_page=2>; rel="prev", <https://ghe/api/v3/x?page=1&per_page=2>; rel="first", <https://ghe/api/v3/x?page=9&per_page=2>; rel="last"`)
		h.Set("X-RateLimit-Limit", "5000")
		h.Set("X-RateLimit-Remaining", "4999")
		h.Set("X-RateLimit-Used", "1")
		h.Set("X-RateLimit-Reset", "1700000000")
		h.Set("X-RateLimit-Resource", "core")
		h.Set("X-GitHub-Request-Id", "ABCD:1234")
		h.Set("X-GitHub-Enterprise-Version", "3.14.2")
		writeJSON(w, 200, `{}`)
	})
	resp, err := env.Client.api.call(context.Background(), &request{method: "GET", path: "x"}, nil)
	require.NoError(t, err)
	if resp.NextPage != 3 || resp.PrevPage != 1 || resp.FirstPage != 1 || resp.LastPage != 9 {
		t.Errorf("pages = %d %d %d %d", resp.NextPage, resp.PrevPage, resp.FirstPage, resp.LastPage)
	}
	if resp.NextURL != "https://ghe/api/v3/x?page=3&per_page=2" {
		t.Errorf("NextURL = %q", resp.NextURL)
	}
	want := Rate{Limit: 5000, Remaining: 4999, Used: 1, Reset: time.Unix(1700000000, 0), Resource: "core"}
	if !resp.Rate.Reset.Equal(want.Reset) || resp.Rate.Limit != 5000 || resp.Rate.Remaining != 4999 || resp.Rate.Used != 1 || resp.Rate.Resource != "core" {
		t.Errorf("Rate = %+v, want %+v", resp.Rate, want)
	}
	if resp.RequestID != "ABCD:1234" || resp.EnterpriseVersion != "3.14.2" {
		t.Errorf("RequestID = %q, EnterpriseVersion = %q", resp.RequestID, resp.EnterpriseVersion)
	}
	if resp.StatusCode != 200 {
		t.Errorf("StatusCode = %d", resp.StatusCode)
	}
}

func TestDecodeBody(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("GET /garbage", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte("<html>proxy login</html>"))
	})
	env.API.HandleFunc("GET /empty", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(202) })
	env.API.HandleFunc("GET /raw", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("raw bytes")) })
	ctx := context.Background()
	var v map[string]any
	resp, err := env.Client.api.call(ctx, &request{method: "GET", path: "garbage"}, &v)
	var de *DecodeError
	if !errors.As(err, &de) || de.Status != 200 || resp == nil {
		t.Fatalf("err = %v, want a *DecodeError with the response", err)
	}
	if _, err := env.Client.api.call(ctx, &request{method: "GET", path: "empty"}, &v); err != nil {
		t.Errorf("an empty 202 body: %v", err)
	}
	var sb strings.Builder
	if _, err := env.Client.api.call(ctx, &request{method: "GET", path: "raw"}, &sb); err != nil || sb.String() != "raw bytes" {
		t.Errorf("io.Writer target: %q, %v", sb.String(), err)
	}
}

func TestRedirects(t *testing.T) {
	var otherGotAuth, otherHit bool
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		otherHit = true
		otherGotAuth = r.Header.Get("Authorization") != ""
		w.WriteHeader(204)
	}))
	defer other.Close()

	env := setup(t)
	env.API.HandleFunc("GET /same", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/api/v3/target", http.StatusMovedPermanently)
	})
	env.API.HandleFunc("GET /target", func(w http.ResponseWriter, r *http.Request) {
		testHeader(t, r, "Authorization", "token "+testToken)
		writeJSON(w, 200, `{"ok":true}`)
	})
	env.API.HandleFunc("GET /elsewhere", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/steal", http.StatusFound)
	})
	ctx := context.Background()
	var v struct{ OK bool }
	if _, err := env.Client.api.call(ctx, &request{method: "GET", path: "same"}, &v); err != nil || !v.OK {
		t.Fatalf("same-origin redirect: %v %+v", err, v)
	}
	resp, err := env.Client.api.call(ctx, &request{method: "GET", path: "elsewhere"}, nil)
	if err == nil {
		t.Fatal("a redirect to another origin was followed")
	}
	if otherHit || otherGotAuth {
		t.Errorf("the other host was contacted (auth sent: %v)", otherGotAuth)
	}
	if resp == nil || resp.StatusCode != http.StatusFound || !strings.Contains(err.Error(), "another origin") {
		t.Errorf("resp = %v, err = %v", resp, err)
	}
	assertNoSecret(t, "redirect error", err.Error())

	// Do with a request to a foreign host carries no credentials at all.
	req, _ := http.NewRequest("GET", other.URL+"/direct", nil)
	if _, err := env.Client.Do(ctx, req, nil); err != nil {
		t.Fatal(err)
	}
	if otherGotAuth {
		t.Error("Do sent the token to a host that is not the API")
	}
}

func TestSecretsNeverPrinted(t *testing.T) {
	var logs strings.Builder
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	env := mock(t, WithLogger(logger), WithRetry(RetryPolicy{MaxAttempts: 2, MinBackoff: time.Millisecond, MaxBackoff: time.Millisecond}))
	env.expect(t, call{Method: http.MethodGet, Path: "/fail", Status: 503, ReplyJSON: `{"message":"down"}`})
	env.expect(t, call{Method: http.MethodGet, Path: "/notfound", Status: 404, ReplyJSON: `{"message":"Not Found"}`})
	env.expect(t, call{Console: true, Method: http.MethodGet, Path: "/setup/api/settings", Status: 401, ReplyJSON: `{"message":"bad password"}`})
	ctx := context.Background()
	var errs []error
	for _, r := range []struct {
		*request
		b *backend
	}{
		{&request{method: "GET", path: "fail"}, env.Client.api},
		{&request{method: "GET", path: "notfound"}, env.Client.api},
		{&request{method: "GET", path: "setup/api/settings"}, env.Client.console},
	} {
		resp, err := r.b.call(ctx, r.request, nil)
		if err == nil {
			t.Fatalf("%s: no error", r.path)
		}
		errs = append(errs, err)
		assertNoSecret(t, "error", err.Error())
		assertNoSecret(t, "%+v of the error", fmt.Sprintf("%+v", err))
		assertNoSecret(t, "%#v of the error", fmt.Sprintf("%#v", err))
		if resp != nil {
			assertNoSecret(t, "request URL", resp.Request.URL.String())
			assertNoSecret(t, "the request headers reachable from the response", fmt.Sprintf("%+v", resp.Request.Header))
			var er *ErrorResponse
			if errors.As(err, &er) {
				assertNoSecret(t, "the request headers reachable from the error", fmt.Sprintf("%+v", er.Response.Request.Header))
			}
		}
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		assertNoSecret(t, "client "+verb, fmt.Sprintf(verb, env.Client))
	}
	assertNoSecret(t, "client String", env.Client.String())
	assertNoSecret(t, "debug logs", logs.String())
	if !strings.Contains(logs.String(), "attempt=2") || !strings.Contains(logs.String(), "status=503") {
		t.Errorf("the debug log lacks the attempts: %s", logs.String())
	}
	if !errors.Is(errs[1], ErrNotFound) || !errors.Is(errs[2], ErrUnauthorized) {
		t.Errorf("errors = %v", errs)
	}
}

func TestNilContextIsAnError(t *testing.T) {
	c, _ := NewClient("https://ghe.example.com")
	//lint:ignore SA1012 testing the nil-context guard
	_, err := c.api.call(nil, &request{method: "GET", path: "x"}, nil) //nolint:staticcheck
	if err == nil {
		t.Fatal("no error for a nil context")
	}
}

func TestPtr(t *testing.T) {
	p := Ptr("x")
	if *p != "x" {
		t.Fatal(*p)
	}
}

func TestPrefetchKeepsEnoughIdleConnections(t *testing.T) {
	c, err := NewClient("https://ghe.example.com", WithPagePrefetch(8))
	require.NoError(t, err)
	tr, ok := c.api.http.Transport.(*http.Transport)
	if !ok || tr.MaxIdleConnsPerHost < 9 {
		t.Fatalf("transport %T keeps %d idle connections per host, want at least 9", c.api.http.Transport, tr.MaxIdleConnsPerHost)
	}
	if tr == http.DefaultTransport {
		t.Fatal("the default transport itself was changed")
	}
	if d := http.DefaultTransport.(*http.Transport); d.MaxIdleConnsPerHost != 0 {
		t.Errorf("http.DefaultTransport was modified: MaxIdleConnsPerHost = %d", d.MaxIdleConnsPerHost)
	}
	hc := &http.Client{}
	c, err = NewClient("https://ghe.example.com", WithPagePrefetch(8), WithHTTPClient(hc))
	require.NoError(t, err)
	if c.api.http.Transport != nil {
		t.Error("the caller's transport was replaced")
	}
}
