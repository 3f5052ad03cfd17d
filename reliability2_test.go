package ghesadmin

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The tests of issue 13 ("Reliability II") and of the error messages of
// issue 16 that live in the request path.

// fastRetries retries quickly, so that retry tests do not wait.
var fastRetries = WithRetry(RetryPolicy{MaxAttempts: 3, MinBackoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond})

// Item 1: a retry wait cut short by the context keeps the server's answer.
func TestRetryWaitCutShortKeepsReply(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.Header().Set("Retry-After", "30")
		writeJSON(w, http.StatusTooManyRequests, `{"message":"You have exceeded a secondary rate limit."}`)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL, WithToken(testToken), WithRetry(RetryPolicy{MaxAttempts: 3}))
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, resp, err := c.Users.ListPublicKeys(ctx, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want it to wrap context.DeadlineExceeded", err)
	}
	if !errors.Is(err, ErrRateLimited) {
		t.Errorf("err = %v, want it to wrap ErrRateLimited", err)
	}
	var srl *SecondaryRateLimitError
	if !errors.As(err, &srl) || srl.RetryAfter != 30*time.Second {
		t.Errorf("errors.As(*SecondaryRateLimitError) failed or RetryAfter is wrong: %v", err)
	}
	if resp == nil || resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("resp = %v, want the 429", resp)
	}
	if err != nil && !strings.HasPrefix(err.Error(), "ghesadmin: GET /api/v3/admin/keys: context deadline exceeded (while waiting to retry after: ") {
		t.Errorf("err = %q, want it to name the call and the wait", err)
	}
	if got := n.Load(); got != 1 {
		t.Errorf("%d requests, want 1", got)
	}
}

// Item 1, the 5xx path: a 503 whose Retry-After outlives the context.
func TestRetryWaitCutShortKeeps503(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "30")
		writeJSON(w, http.StatusServiceUnavailable, `{"message":"down for maintenance"}`)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL, WithToken(testToken))
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, _, err = c.Stats.Repos(ctx)
	var er *ErrorResponse
	if !errors.Is(err, context.DeadlineExceeded) || !errors.As(err, &er) || er.StatusCode() != 503 || er.Message != "down for maintenance" {
		t.Errorf("err = %v, want both the deadline and the 503 reachable", err)
	}
}

// connCounter is an httptest server that counts the TCP connections it
// accepts.
func connCounter(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int32) {
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, &conns
}

// Item 2: a 2xx reply that is not JSON does not cost a connection.
func TestUndecodableReplyKeepsConnection(t *testing.T) {
	page := "<!DOCTYPE html><html><head><title>Sign in</title></head><body>" + strings.Repeat("<p>proxy login</p>", 500) + "</body></html>"
	srv, conns := connCounter(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = io.WriteString(w, page)
	})
	c, err := NewClient(srv.URL, WithToken(testToken), WithoutRetries())
	require.NoError(t, err)
	for i := 0; i < 40; i++ {
		_, _, err := c.Stats.Repos(context.Background())
		var de *DecodeError
		if !errors.As(err, &de) {
			t.Fatalf("call %d: err = %v, want a *DecodeError", i, err)
		}
		// The same for a list reply, decoded element by element.
		if _, _, err := c.Users.ListPublicKeys(context.Background(), nil); !errors.As(err, &de) {
			t.Fatalf("call %d: err = %v, want a *DecodeError", i, err)
		}
	}
	if got := conns.Load(); got > 2 {
		t.Errorf("80 undecodable replies opened %d connections, want them reused", got)
	}
}

// linkedKeyPages serves /api/v3/admin/keys as pages of 2 keys (ids 2p-1, 2p),
// with the Link header that linkFor returns for page p, and counts the
// requests.
func linkedKeyPages(t *testing.T, linkFor func(base string, p int) string) (*Client, *atomic.Int32) {
	var n atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		p, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if p == 0 {
			p = 1
		}
		if l := linkFor(srv.URL+"/api/v3/admin/keys", p); l != "" {
			w.Header().Set("Link", l)
		}
		writeJSON(w, 200, fmt.Sprintf(`[{"id":%d},{"id":%d}]`, 2*p-1, 2*p))
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL, WithToken(testToken), WithoutRetries(), WithPagePrefetch(4))
	require.NoError(t, err)
	return c, &n
}

// Item 3: prefetch stops at the page with no next link, whatever the first
// page's last link promised.
func TestPrefetchStopsAtPageWithoutNext(t *testing.T) {
	for _, last := range []int{40, 1 << 30} {
		t.Run(strconv.Itoa(last), func(t *testing.T) {
			c, n := linkedKeyPages(t, func(base string, p int) string {
				l := fmt.Sprintf(`<%s?page=%d>; rel="last"`, base, last)
				if p < 3 {
					l += fmt.Sprintf(`, <%s?page=%d>; rel="next"`, base, p+1)
				}
				return l
			})
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			var ids []int64
			for k, err := range c.Users.ListPublicKeysIter(ctx, nil) {
				require.NoError(t, err)
				ids = append(ids, k.ID)
			}
			if fmt.Sprint(ids) != "[1 2 3 4 5 6]" {
				t.Errorf("yielded %v, want the 6 keys of pages 1 to 3", ids)
			}
			// Page 1, then a window of 4 (2..5), then one launch after
			// page 2 (6): at most 1 + 4 + 1 requests.
			if got := n.Load(); got > 6 {
				t.Errorf("%d requests for a 3-page list", got)
			}
		})
	}
}

// Item 3: a page that announces fewer pages than the first one bounds the
// window, and a next link that skips pages is followed, not guessed.
func TestPrefetchFollowsWhatPagesAnnounce(t *testing.T) {
	c, n := linkedKeyPages(t, func(base string, p int) string {
		switch p {
		case 1:
			return fmt.Sprintf(`<%s?page=2>; rel="next", <%s?page=100>; rel="last"`, base, base)
		case 2:
			return fmt.Sprintf(`<%s?page=3>; rel="next", <%s?page=3>; rel="last"`, base, base)
		case 3:
			return fmt.Sprintf(`<%s?page=7>; rel="next", <%s?page=7>; rel="last"`, base, base)
		}
		return ""
	})
	var ids []int64
	for k, err := range c.Users.ListPublicKeysIter(context.Background(), nil) {
		require.NoError(t, err)
		ids = append(ids, k.ID)
	}
	if fmt.Sprint(ids) != "[1 2 3 4 5 6 13 14]" {
		t.Errorf("yielded %v, want pages 1, 2, 3 and 7", ids)
	}
	if got := n.Load(); got > 1+4+1 {
		t.Errorf("%d requests", got)
	}
}

// Item 4: credentials echoed by a server never reach an error string or
// anything reachable from an error or a Response.
func TestEchoedCredentialsRedacted(t *testing.T) {
	basic := base64.StdEncoding.EncodeToString([]byte("api_key:" + testConsolePassword))
	echo := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Echo", r.Header.Get("Authorization"))
		w.Header().Set("WWW-Authenticate", `Basic realm="`+testToken+`"`)
		w.Header().Set("Link", `<`+"http://"+r.Host+`/api/v3/admin/keys?page=2&t=`+testToken+`>; rel="next"`)
		body, _ := json.Marshal(map[string]any{
			"message":           "Bad credentials: " + r.Header.Get("Authorization") + " token=" + testToken + " pw=" + testConsolePassword + " b64=" + basic,
			"documentation_url": "https://docs.example/?t=" + testToken,
			"errors":            []map[string]string{{"resource": testToken, "field": testConsolePassword, "code": basic, "message": testToken}},
		})
		writeJSON(w, http.StatusUnauthorized, string(body))
	}
	env := setup(t)
	env.API.HandleFunc("GET /enterprise/stats/repos", echo)
	env.API.HandleFunc("GET /admin/keys", echo)
	env.Console.HandleFunc("GET /setup/api/maintenance", echo)
	env.Console.HandleFunc("GET /manage/v1/maintenance", echo)
	env.API.HandleFunc("GET /admin/hooks/{id}", func(w http.ResponseWriter, r *http.Request) {
		// A 2xx reply whose decoding error quotes the token (a time.Time
		// that cannot be parsed is an error that quotes it).
		writeJSON(w, 200, `{"id":1,"created_at":"`+testToken+`"}`)
	})
	env.API.HandleFunc("GET /enterprise/settings/license", func(w http.ResponseWriter, r *http.Request) {
		// A 2xx reply with a value the tolerant reader keeps unread.
		writeJSON(w, 200, `{"seats":10,"expire_at":"`+testToken+`"}`)
	})
	calls := map[string]func() (*Response, error){
		"Stats.Repos": func() (*Response, error) { _, r, err := env.Client.Stats.Repos(context.Background()); return r, err },
		"Users.ListPublicKeys": func() (*Response, error) {
			_, r, err := env.Client.Users.ListPublicKeys(context.Background(), nil)
			return r, err
		},
		"ManagementConsole.MaintenanceStatus": func() (*Response, error) {
			_, r, err := env.Client.ManagementConsole.MaintenanceStatus(context.Background())
			return r, err
		},
		"Manage.MaintenanceStatus": func() (*Response, error) {
			_, r, err := env.Client.Manage.MaintenanceStatus(context.Background(), nil)
			return r, err
		},
		"AdminHooks.Get": func() (*Response, error) {
			_, r, err := env.Client.AdminHooks.Get(context.Background(), 1)
			return r, err
		},
	}
	for name, call := range calls {
		resp, err := call()
		if err == nil {
			t.Fatalf("%s: no error", name)
		}
		assertNoSecret(t, name+" error", err.Error())
		assertNoSecret(t, name+" %+v of the error", fmt.Sprintf("%+v", err))
		if resp == nil {
			t.Fatalf("%s: no response", name)
		}
		assertNoSecret(t, name+" response headers", fmt.Sprintf("%v", resp.Header))
		assertNoSecret(t, name+" next link", resp.NextURL)
		var er *ErrorResponse
		if errors.As(err, &er) {
			assertNoSecret(t, name+" ErrorResponse fields", fmt.Sprintf("%s %s %+v", er.Message, er.DocumentationURL, er.Errors))
			if !strings.Contains(er.Message, "[REDACTED]") {
				t.Errorf("%s: Message %q does not say what was redacted", name, er.Message)
			}
		}
	}
	// A value kept unread is redacted too, and stays JSON.
	lic, resp, err := env.Client.License.Get(context.Background())
	require.NoError(t, err)
	require.Equal(t, 10, lic.Seats.Count)
	require.Equal(t, []UnreadValue{{Path: "expire_at", Value: json.RawMessage(`"[REDACTED]"`)}}, resp.Unread)
}

// Item 4, basic authentication: the password and its base64 form.
func TestEchoedBasicAuthRedacted(t *testing.T) {
	const user, pass = "hubot", "basic-PASSWORD-98765"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusUnauthorized, `{"message":"refused `+r.Header.Get("Authorization")+` (`+pass+`)"}`)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL, WithBasicAuth(user, pass), WithoutRetries())
	require.NoError(t, err)
	_, _, err = c.Stats.Repos(context.Background())
	if err == nil {
		t.Fatal("no error")
	}
	enc := base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
	if s := err.Error(); strings.Contains(s, pass) || strings.Contains(s, enc) {
		t.Errorf("error leaks the basic credentials: %s", s)
	}
}

// Item 5: after two same-origin redirects, no request of the chain carries
// Authorization.
func TestRedirectChainScrubbed(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("GET /a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/api/v3/b", http.StatusFound) })
	env.API.HandleFunc("GET /b", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Echo", r.Header.Get("Authorization")) // a proxy echoing the token
		http.Redirect(w, r, "/api/v3/c", http.StatusFound)
	})
	env.API.HandleFunc("GET /c", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			t.Error("the token was not sent after a same-origin redirect")
		}
		writeJSON(w, 404, `{"message":"Not Found"}`)
	})
	for _, out := range []any{nil, new(map[string]any)} {
		resp, _ := env.Client.api.call(context.Background(), &request{method: "GET", path: "a"}, out)
		if resp == nil {
			t.Fatal("no response")
		}
		n := 0
		for r := resp.Response; r != nil && r.Request != nil; r = r.Request.Response {
			n++
			if h := r.Request.Header.Get("Authorization"); h != "" {
				t.Errorf("request %d of the chain (%s) carries Authorization", n, r.Request.URL.Path)
			}
			assertNoSecret(t, "the headers of a response of the chain", fmt.Sprint(r.Header))
		}
		if n != 3 {
			t.Errorf("walked %d requests, want 3", n)
		}
	}
}

// Item 6: a list reply with more elements than a page holds is refused
// before they are built, so decoding costs a bounded amount of memory.
func TestListDecodingBounded(t *testing.T) {
	const size = 4 << 20
	huge := make([]byte, 0, size+2)
	huge = append(huge, '[')
	for len(huge) < size {
		huge = append(huge, "{},"...)
	}
	huge = append(huge, "{}]"...)
	env := setup(t)
	count := 0
	env.API.HandleFunc("GET /admin/keys", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch count {
		case 0:
			_, _ = w.Write(huge)
		default:
			_, _ = io.WriteString(w, "["+strings.TrimSuffix(strings.Repeat(`{"id":1},`, count), ",")+"]")
		}
	})
	var err error
	alloc := heapDuring(func() { _, _, err = env.Client.Users.ListPublicKeys(context.Background(), nil) })
	var de *DecodeError
	if !errors.Is(err, ErrTooManyItems) || !errors.As(err, &de) {
		t.Fatalf("err = %v, want a *DecodeError wrapping ErrTooManyItems", err)
	}
	// The 4 MiB reply itself is read at most once in bounded chunks; 368
	// MiB were allocated before the bound.
	if alloc > 8<<20 {
		t.Errorf("decoding a 4 MiB list reply allocated %.1f MiB", float64(alloc)/(1<<20))
	}
	t.Logf("allocated %.2f MiB; %v", float64(alloc)/(1<<20), err)

	count = MaxPerPage
	keys, _, err := env.Client.Users.ListPublicKeys(context.Background(), nil)
	if err != nil || len(keys) != MaxPerPage {
		t.Fatalf("a full page: %d keys, %v", len(keys), err)
	}
	count = MaxPerPage + 1
	if _, _, err := env.Client.Users.ListPublicKeys(context.Background(), nil); !errors.Is(err, ErrTooManyItems) {
		t.Errorf("a page of %d: err = %v, want ErrTooManyItems", count, err)
	}
}

// Item 6: a list that is not paginated is bounded too (10,000 elements).
func TestUnpaginatedListDecodingBounded(t *testing.T) {
	env := setup(t)
	n := maxListItems
	env.Console.HandleFunc("GET /setup/api/settings/authorized-keys", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, "["+strings.TrimSuffix(strings.Repeat(`{"key":"k"},`, n), ",")+"]")
	})
	keys, _, err := env.Client.ManagementConsole.AuthorizedKeys(context.Background())
	if err != nil || len(keys) != maxListItems {
		t.Fatalf("%d keys, %v", len(keys), err)
	}
	n++
	if _, _, err := env.Client.ManagementConsole.AuthorizedKeys(context.Background()); !errors.Is(err, ErrTooManyItems) {
		t.Errorf("err = %v, want ErrTooManyItems", err)
	}
}

// Item 7: error strings stay short whatever the server sends; the typed
// errors keep the full detail.
func TestErrorStringsBounded(t *testing.T) {
	const maxLen = 4 << 10
	bigMsg := strings.Repeat("m", 900<<10)
	fieldErrs := make([]string, 18000)
	for i := range fieldErrs {
		fieldErrs[i] = `{"code":"c` + strconv.Itoa(i) + `"}`
	}
	bigSeats := strings.Repeat("9x", 2<<20)
	bigNext := strings.Repeat("n", 1<<20)
	env := setup(t)
	env.API.HandleFunc("GET /admin/hooks", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 422, `{"message":"`+bigMsg+`"}`)
	})
	env.API.HandleFunc("GET /admin/pre-receive-hooks", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 422, `{"message":"Validation Failed","errors":[`+strings.Join(fieldErrs, ",")+`]}`)
	})
	env.API.HandleFunc("GET /admin/pre-receive-environments", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 422, `{"message":"Validation Failed","errors":[{"resource":"Hook","field":"x","message":"`+bigMsg+`"}]}`)
	})
	env.API.HandleFunc("GET /enterprise/settings/license", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"seats":"`+bigSeats+`"}`)
	})
	env.API.HandleFunc("GET /admin/hooks/{id}", func(w http.ResponseWriter, r *http.Request) {
		// A time.Time that cannot be parsed: a decoding error that quotes it.
		writeJSON(w, 200, `{"id":1,"created_at":"`+bigSeats+`"}`)
	})
	env.API.HandleFunc("GET /admin/keys", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", `<`+bigNext+`>; rel="next"`)
		writeJSON(w, 200, `[{"id":1}]`)
	})
	check := func(name string, err error) {
		t.Helper()
		if err == nil {
			t.Fatalf("%s: no error", name)
		}
		if n := len(err.Error()); n > maxLen {
			t.Errorf("%s: error string of %d bytes", name, n)
		}
	}

	_, _, err := env.Client.AdminHooks.List(context.Background(), nil)
	check("900 KiB message", err)
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Message != bigMsg {
		t.Errorf("the full message is not kept")
	}
	if !strings.Contains(err.Error(), "more bytes") {
		t.Errorf("the cut message does not say it was cut: %.200s", err)
	}

	_, _, err = env.Client.PreReceiveHooks.List(context.Background(), nil)
	check("18,000 field errors", err)
	if !errors.As(err, &ve) || len(ve.Errors) != 18000 || ve.Errors[17999].Code != "c17999" {
		t.Errorf("the field errors are not all kept")
	}
	if !strings.Contains(err.Error(), "17990 more field errors") {
		t.Errorf("the error does not count the field errors left out: %.300s", err)
	}

	_, _, err = env.Client.PreReceiveEnvironments.List(context.Background(), nil)
	check("a 900 KiB field error", err)

	// A 4 MiB seats text is kept whole (the tolerant reader keeps a seats
	// string other than "unlimited"), and is no error at all.
	lic, _, err := env.Client.License.Get(context.Background())
	if err != nil || lic.Seats.Text != bigSeats {
		t.Errorf("a 4 MiB seats string: err = %.200v, text kept = %v", err, lic != nil && lic.Seats.Text == bigSeats)
	}
	_, _, err = env.Client.AdminHooks.Get(context.Background(), 1)
	check("a 4 MiB created_at string", err)
	var de *DecodeError
	if !errors.As(err, &de) || !strings.Contains(de.Err.Error(), bigSeats) {
		t.Errorf("the DecodeError does not keep the full detail")
	}

	for _, err := range env.Client.Users.ListPublicKeysIter(context.Background(), nil) {
		if err != nil {
			check("a 1 MiB next link", err)
		}
	}
	_, resp, _ := env.Client.Users.ListPublicKeys(context.Background(), nil)
	if resp == nil || resp.NextURL != bigNext {
		t.Errorf("the Response does not keep the full next link")
	}
}

// cutBody answers with a Content-Length it does not honour, then drops the
// connection: a body cut short.
func cutBody(w http.ResponseWriter, partial string) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		http.Error(w, "no hijacker", http.StatusInternalServerError)
		return
	}
	conn, buf, err := hj.Hijack()
	if err != nil {
		return
	}
	fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n%s", partial)
	_ = buf.Flush()
	_ = conn.Close()
}

// Item 8: a body cut short on an idempotent request is retried; on a POST
// it is not, nor once part of it went to the caller's io.Writer.
func TestCutBodyRetried(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		key := r.Method + " " + r.URL.Path + "?" + r.URL.Query().Get("page")
		hits[key]++
		n := hits[key]
		mu.Unlock()
		switch {
		case r.URL.Path == "/api/v3/admin/keys":
			p, _ := strconv.Atoi(r.URL.Query().Get("page"))
			if p == 0 {
				p = 1
			}
			if n == 1 {
				cutBody(w, `[{"id":`)
				return
			}
			if p == 1 {
				w.Header().Set("Link", `<`+"http://"+r.Host+`/api/v3/admin/keys?page=2>; rel="next"`)
			}
			writeJSON(w, 200, fmt.Sprintf(`[{"id":%d}]`, p))
		case r.URL.Path == "/api/v3/admin/users":
			cutBody(w, `{"login":`)
		case r.URL.Path == "/api/v3/raw":
			cutBody(w, `some bytes`)
		}
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL, WithToken(testToken), fastRetries)
	require.NoError(t, err)
	var ids []int64
	for k, err := range c.Users.ListPublicKeysIter(context.Background(), nil) {
		require.NoError(t, err, "walk")
		ids = append(ids, k.ID)
	}
	if fmt.Sprint(ids) != "[1 2]" {
		t.Errorf("walk yielded %v", ids)
	}
	mu.Lock()
	if hits["GET /api/v3/admin/keys?"] != 2 || hits["GET /api/v3/admin/keys?2"] != 2 {
		t.Errorf("requests: %v, want each page cut once and retried once", hits)
	}
	mu.Unlock()

	_, _, err = c.Users.Create(context.Background(), CreateUserRequest{Login: "hubot"})
	var de *DecodeError
	if err == nil || errors.As(err, &de) || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("POST with a cut body: err = %v, want a transport error wrapping io.ErrUnexpectedEOF", err)
	}
	req, err := c.NewRequest(context.Background(), "GET", "raw", nil)
	require.NoError(t, err)
	var buf bytes.Buffer
	if _, err := c.Do(context.Background(), req, &buf); err == nil {
		t.Error("a cut download gave no error")
	}
	mu.Lock()
	defer mu.Unlock()
	if hits["POST /api/v3/admin/users?"] != 1 {
		t.Errorf("the POST was sent %d times", hits["POST /api/v3/admin/users?"])
	}
	if hits["GET /api/v3/raw?"] != 1 {
		t.Errorf("a download already partly written was sent %d times", hits["GET /api/v3/raw?"])
	}
}

// Issue 16: a cancelled walk names the request, and still wraps
// context.Canceled.
func TestIterErrorNamesRequest(t *testing.T) {
	env := setup(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n := 0
	for _, err := range env.Client.Users.ListPublicKeysIter(ctx, nil) {
		n++
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
		if !strings.HasPrefix(err.Error(), "ghesadmin: GET ") || !strings.Contains(err.Error(), "/api/v3/admin/keys") {
			t.Errorf("err = %q, want it to name the method and URL", err)
		}
	}
	if n != 1 {
		t.Errorf("%d values yielded, want 1 error", n)
	}
}

// Issue 16: a 401 of the administration port says the console credentials
// were refused.
func TestConsole401NamesConsolePassword(t *testing.T) {
	env := setup(t)
	env.Console.HandleFunc("GET /manage/v1/maintenance", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 401, `{"message":"Bad credentials"}`)
	})
	env.API.HandleFunc("GET /enterprise/stats/repos", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 401, `{"message":"Bad credentials"}`)
	})
	_, _, err := env.Client.Manage.MaintenanceStatus(context.Background(), nil)
	if !errors.Is(err, ErrUnauthorized) || !strings.Contains(err.Error(), "Management Console") || !strings.Contains(err.Error(), "WithManagementConsole") {
		t.Errorf("err = %v, want it to say the console password was refused", err)
	}
	_, _, err = env.Client.Stats.Repos(context.Background())
	if err == nil || strings.Contains(err.Error(), "Management Console") {
		t.Errorf("REST API 401: err = %v, want no console hint", err)
	}
}

// roundTripFunc is an http.RoundTripper made of a function.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// Issue 16: an error on a derived administration-port URL says which URL
// was guessed and how to set it; a URL given to WithManagementConsole gets
// no such hint.
func TestGuessedConsoleURLHint(t *testing.T) {
	refuse := false
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if refuse {
			return nil, &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
		}
		return &http.Response{StatusCode: 404, Header: http.Header{"Content-Type": {"text/html"}}, Body: io.NopCloser(strings.NewReader("<title>Not Found</title>")), Request: r}, nil
	})}
	guessed, err := NewClient("https://ghe.test", WithToken(testToken), WithManagementConsole("", testConsolePassword), WithHTTPClient(hc), WithoutRetries())
	require.NoError(t, err)
	given, err := NewClient("https://ghe.test", WithToken(testToken), WithManagementConsole("https://admin.ghe.test:8443", testConsolePassword), WithHTTPClient(hc), WithoutRetries())
	require.NoError(t, err)
	for _, r := range []bool{false, true} {
		refuse = r
		_, _, err = guessed.Manage.MaintenanceStatus(context.Background(), nil)
		if err == nil || !strings.Contains(err.Error(), "https://ghe.test:8443/") || !strings.Contains(err.Error(), "WithManagementConsole") {
			t.Errorf("refused=%v: err = %v, want the guessed URL and the option", r, err)
		}
		if r && !errors.Is(err, syscall.ECONNREFUSED) {
			t.Errorf("the dial error is not wrapped: %v", err)
		}
		if !r && !errors.Is(err, ErrNotFound) {
			t.Errorf("the 404 is not ErrNotFound: %v", err)
		}
		_, _, err = given.Manage.MaintenanceStatus(context.Background(), nil)
		if err == nil || strings.Contains(err.Error(), "derived") {
			t.Errorf("refused=%v, given URL: err = %v, want no guess hint", r, err)
		}
	}
}

// Issue 16: the site-admin hint of a 404 is only on administration
// endpoints of the REST API.
func TestSiteAdminHintOnlyOnAdminEndpoints(t *testing.T) {
	env := setup(t)
	notFound := func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 404, `{"message":"Not Found"}`) }
	for _, p := range []string{"users/mona", "orgs/github", "meta", "admin/users/mona", "users/mona/site_admin", "users/mona/suspended", "enterprise/stats/all", "enterprises/e/actions/runners", "orgs/o/pre-receive-hooks", "repos/o/r/pre-receive-hooks/1"} {
		env.API.HandleFunc("GET /"+p, notFound)
	}
	for p, want := range map[string]bool{
		"users/mona": false, "orgs/github": false, "meta": false,
		"admin/users/mona": true, "users/mona/site_admin": true, "users/mona/suspended": true,
		"enterprise/stats/all": true, "enterprises/e/actions/runners": true,
		"orgs/o/pre-receive-hooks": true, "repos/o/r/pre-receive-hooks/1": true,
	} {
		_, err := env.Client.api.call(context.Background(), &request{method: "GET", path: p}, nil)
		if !errors.Is(err, ErrNotFound) {
			t.Fatalf("%s: err = %v", p, err)
		}
		if got := strings.Contains(err.Error(), "site-admin"); got != want {
			t.Errorf("GET %s: site-admin hint %v, want %v: %v", p, got, want, err)
		}
	}
}

// Issue 16: a URL without a scheme is echoed, without its credentials.
func TestSchemeErrorEchoesValue(t *testing.T) {
	for in, want := range map[string]string{
		"ghe.example.com":                       `"ghe.example.com"`,
		"ghe.example.com/api/v3":                `"ghe.example.com/api/v3"`,
		"hubot:s3cret-pw@ghe.example.com":       `"[REDACTED]@ghe.example.com"`,
		"ftp://hubot:s3cret-pw@ghe.example.com": `"ftp://[REDACTED]@ghe.example.com"`,
	} {
		_, err := NewClient(in)
		if err == nil || !strings.Contains(err.Error(), "http:// or https://") || !strings.Contains(err.Error(), want) {
			t.Errorf("NewClient(%q): err = %v, want it to echo %s", in, err, want)
		}
		if err != nil && strings.Contains(err.Error(), "s3cret") {
			t.Errorf("NewClient(%q): the error leaks the password: %v", in, err)
		}
		_, err = NewClient("https://ghe.example.com", WithManagementConsole(in, "pw"))
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "s3cret") {
			t.Errorf("WithManagementConsole(%q): err = %v, want it to echo %s", in, err, want)
		}
	}
}

// Item 6, wrapped lists: a page of runners with more than MaxPerPage
// elements is refused before they are built.
func TestWrappedListDecodingBounded(t *testing.T) {
	const size = 4 << 20
	huge := make([]byte, 0, size+64)
	huge = append(huge, `{"total_count":1,"runners":[`...)
	for len(huge) < size {
		huge = append(huge, "{},"...)
	}
	huge = append(huge, "{}]}"...)
	env := setup(t)
	body := huge
	env.API.HandleFunc("GET /enterprises/e/actions/runners", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	})
	var err error
	alloc := heapDuring(func() { _, _, err = env.Client.Actions.ListRunners(context.Background(), "e", nil) })
	require.ErrorIs(t, err, ErrTooManyItems)
	if alloc > 32<<20 {
		t.Errorf("decoding a 4 MiB wrapped list allocated %.1f MiB", float64(alloc)/(1<<20))
	}
	t.Logf("allocated %.2f MiB", float64(alloc)/(1<<20))
	// 100 runners, with commas and brackets in their strings and nested
	// arrays, are a page.
	item := `{"id":1,"name":"a,b]c\\\",[","labels":[{"name":"x"},{"name":"y"}]}`
	body = []byte(`{"total_count":100,"runners":[` + strings.TrimSuffix(strings.Repeat(item+",", MaxPerPage), ",") + `]}`)
	runners, _, err := env.Client.Actions.ListRunners(context.Background(), "e", nil)
	if err != nil || len(runners.Runners) != MaxPerPage || runners.Runners[0].Name != `a,b]c\",[` {
		t.Fatalf("a full page: %v", err)
	}
	body = []byte(`{"total_count":101,"runners":[` + strings.TrimSuffix(strings.Repeat(item+",", MaxPerPage+1), ",") + `]}`)
	if _, _, err := env.Client.Actions.ListRunners(context.Background(), "e", nil); !errors.Is(err, ErrTooManyItems) {
		t.Errorf("101 runners: err = %v, want ErrTooManyItems", err)
	}
}

// Item 7: a failed download's message from the server is bounded in the
// error string and kept whole in the field.
func TestDownloadErrorStringBounded(t *testing.T) {
	msg := strings.Repeat("é", 600<<10)
	e := &PreReceiveDownloadError{EnvironmentID: 1, Message: msg}
	if n := len(e.Error()); n > 4<<10 {
		t.Errorf("error string of %d bytes", n)
	}
	if !strings.HasSuffix(strings.SplitN(e.Error(), "…", 2)[0], "é") {
		t.Errorf("the message is not cut on a character boundary: %q", e.Error()[:80])
	}
	if e.Message != msg {
		t.Error("the field lost the message")
	}
}
