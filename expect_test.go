package ghesadmin

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fixed origins of the unit tests' mock transport.
const (
	mockAPIURL     = "https://ghes.test/api/v3/"
	mockConsoleURL = "https://ghes.test:8443"
)

// The site administrator of WithSiteAdmin in the tests of the web origin.
const (
	testSiteAdminLogin = "site-boss"
	testSiteAdminToken = "ghp_SITEADMIN0123456789secret"
)

// authKind is the credential a request must carry.
type authKind int

const (
	authDefault    authKind = iota // the token for the API, api_key basic auth for the console
	authToken                      // "token <testToken>"
	authConsole                    // basic api_key:<testConsolePassword>
	authManageUser                 // basic <testManageUser>:<testManagePassword>
	authSiteAdmin                  // basic <testSiteAdminLogin>:<testSiteAdminToken>, and never the API token
)

// call is one expected request and the reply the mock gives it. Every field
// of the request is checked exactly: a zero field means "none" (no query, no
// preview, no body and no Content-Type).
type call struct {
	Console bool   // the administration port instead of the REST API
	Web     bool   // the instance's web origin (https://ghes.test/, the site-admin reports) instead of the REST API
	Method  string // HTTP method
	Path    string // the escaped path (API paths without /api/v3)
	Query   url.Values
	Preview string // the preview media type added to Accept
	// Accept replaces the whole expected Accept header when set (SCIM's
	// application/scim+json); Preview is then unused.
	Accept string
	Auth   authKind // the credential; authDefault follows Console

	// ContentType is the expected Content-Type of the JSON body when it is
	// not application/json (SCIM's application/scim+json).
	ContentType string

	JSON     string          // an exact JSON body (compared by value)
	Form     url.Values      // an exact form body
	FormJSON [2]string       // a form body of one field whose value is a JSON document: {field, JSON}
	Parts    []multipartPart // an exact, streamed multipart/form-data body
	// Body checks a body the fields above cannot describe (it is called
	// with the request as the server would see it).
	Body func(t *testing.T, r *http.Request)

	Status      int         // the reply's status (200 when 0)
	Reply       string      // the reply's body: testdata/<Reply>
	ReplyJSON   string      // the reply's body, literally
	ReplyHeader http.Header // more reply headers
}

// mockEnv is a client whose transport is httpmock's: the REST API is at
// mockAPIURL and the administration port at mockConsoleURL. A request no
// expectation matches fails the test, and so does an expectation that is
// never requested.
type mockEnv struct {
	Client    *Client
	Transport *httpmock.MockTransport

	mu    sync.Mutex
	calls []*expectation
}

type expectation struct {
	call
	hits int
}

// mock returns a mockEnv with a token, a console password and retries off;
// opts come after and may change them.
func mock(t *testing.T, opts ...Option) *mockEnv {
	t.Helper()
	env := &mockEnv{Transport: httpmock.NewMockTransport()}
	env.Transport.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		return env.respond(t, r)
	})
	all := append([]Option{
		WithToken(testToken),
		WithManagementConsole(mockConsoleURL, testConsolePassword),
		WithHTTPClient(&http.Client{Transport: env.Transport}),
		WithoutRetries(),
	}, opts...)
	c, err := NewClient(mockAPIURL, all...)
	require.NoError(t, err, "NewClient")
	env.Client = c
	t.Cleanup(func() {
		env.mu.Lock()
		defer env.mu.Unlock()
		for _, e := range env.calls {
			assert.NotZero(t, e.hits, "expected request never sent: %s %s", e.Method, e.Path)
		}
	})
	return env
}

// expect adds c to the expected requests. A request matches the first
// expectation with its origin, method and escaped path (and, among several
// of those, its query); it may be sent any number of times.
func (env *mockEnv) expect(t *testing.T, c call) {
	t.Helper()
	require.NotEmpty(t, c.Method, "call.Method")
	require.NotEmpty(t, c.Path, "call.Path")
	env.mu.Lock()
	defer env.mu.Unlock()
	env.calls = append(env.calls, &expectation{call: c})
}

// origin returns the origin and path prefix the request was sent to.
func mockOrigin(r *http.Request) (console, web bool, path string, ok bool) {
	p := r.URL.EscapedPath()
	switch {
	case r.URL.Scheme == "https" && r.URL.Host == "ghes.test" && len(p) >= len("/api/v3/") && p[:len("/api/v3/")] == "/api/v3/":
		return false, false, p[len("/api/v3"):], true
	case r.URL.Scheme == "https" && r.URL.Host == "ghes.test":
		return false, true, p, true
	case r.URL.Scheme == "https" && r.URL.Host == "ghes.test:8443":
		return true, false, p, true
	}
	return false, false, p, false
}

func (env *mockEnv) respond(t *testing.T, r *http.Request) (*http.Response, error) {
	console, web, path, ok := mockOrigin(r)
	if !ok {
		t.Errorf("request to an unknown origin: %s %s", r.Method, r.URL.Redacted())
		return httpmock.NewStringResponse(http.StatusTeapot, "unknown origin"), nil
	}
	env.mu.Lock()
	var match *expectation
	for _, e := range env.calls {
		if e.Console != console || e.Web != web || e.Method != r.Method || e.Path != path {
			continue
		}
		if match == nil || (!equalQuery(match.Query, r.URL.Query()) && equalQuery(e.Query, r.URL.Query())) {
			match = e
		}
	}
	if match != nil {
		match.hits++
	}
	env.mu.Unlock()
	if match == nil {
		t.Errorf("unexpected request: %s %s (console %v, web %v)", r.Method, r.URL.EscapedPath(), console, web)
		return httpmock.NewStringResponse(http.StatusTeapot, "no expectation"), nil
	}
	match.check(t, r)
	return match.reply(t), nil
}

func equalQuery(a, b url.Values) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return assert.ObjectsAreEqual(a, b)
}

// verify asserts, in a handler of a real server (tests that need real
// connections or reply by logic), everything check does plus the method and
// the escaped path as the handler sees it.
func (c call) verify(t *testing.T, r *http.Request) {
	t.Helper()
	assert.Equal(t, c.Method, r.Method, "method")
	assert.Equal(t, c.Path, r.URL.EscapedPath(), "escaped path")
	c.check(t, r)
}

// checkedBelow is a call's Body for handlers that read and check the body
// themselves after verify.
func checkedBelow(*testing.T, *http.Request) {}

// check asserts everything the request carries but its method and path,
// which the mock matched. The body stays readable afterwards.
func (c *call) check(t *testing.T, r *http.Request) {
	t.Helper()
	what := c.Method + " " + c.Path
	if len(c.Query) == 0 {
		assert.Empty(t, r.URL.RawQuery, "%s: query", what)
	} else {
		assert.Equal(t, c.Query, r.URL.Query(), "%s: query", what)
	}
	accept := "application/vnd.github+json"
	if c.Preview != "" {
		accept += ", " + c.Preview
	}
	if c.Accept != "" {
		accept = c.Accept
	}
	assert.Equal(t, accept, r.Header.Get("Accept"), "%s: Accept", what)
	assert.Equal(t, "ghesadmin-go/"+Version, r.Header.Get("User-Agent"), "%s: User-Agent", what)
	auth := c.Auth
	if auth == authDefault {
		auth = authToken
		if c.Console {
			auth = authConsole
		}
		if c.Web {
			auth = authSiteAdmin
		}
	}
	switch auth {
	case authToken:
		assert.Equal(t, "token "+testToken, r.Header.Get("Authorization"), "%s: Authorization", what)
	case authConsole, authManageUser, authSiteAdmin:
		wantUser, wantPass := "api_key", testConsolePassword
		switch auth {
		case authManageUser:
			wantUser, wantPass = testManageUser, testManagePassword
		case authSiteAdmin:
			wantUser, wantPass = testSiteAdminLogin, testSiteAdminToken
			for name, vs := range r.Header {
				for _, v := range vs {
					assert.NotContains(t, v, testToken, "%s: the API token went to the web origin in %s", what, name)
				}
			}
		}
		user, pass, ok := r.BasicAuth()
		assert.True(t, ok && user == wantUser && pass == wantPass, "%s: basic auth = (%q, %v), want %s and its password", what, user, ok, wantUser)
	}

	// The length the transport announces on the wire: an unknown length (a
	// body with ContentLength 0) is sent chunked, as -1.
	if r.ContentLength == 0 && r.Body != nil && r.Body != http.NoBody {
		r.ContentLength = -1
	}
	var body []byte
	if r.Body != nil {
		b, err := io.ReadAll(r.Body)
		require.NoError(t, err, "%s: reading the body", what)
		body = b
		r.Body = io.NopCloser(bytes.NewReader(b))
	}
	contentType := r.Header.Get("Content-Type")
	switch {
	case c.JSON != "":
		wantType := "application/json"
		if c.ContentType != "" {
			wantType = c.ContentType
		}
		assert.Equal(t, wantType, contentType, "%s: Content-Type", what)
		assert.JSONEq(t, c.JSON, string(body), "%s: JSON body", what)
	case c.Form != nil:
		assert.Equal(t, "application/x-www-form-urlencoded", contentType, "%s: Content-Type", what)
		got, err := url.ParseQuery(string(body))
		require.NoError(t, err, "%s: body %q is not a form", what, body)
		assert.Equal(t, c.Form, got, "%s: form", what)
	case c.FormJSON[0] != "":
		assert.Equal(t, "application/x-www-form-urlencoded", contentType, "%s: Content-Type", what)
		form, err := url.ParseQuery(string(body))
		require.NoError(t, err, "%s: body %q is not a form", what, body)
		require.Len(t, form, 1, "%s: form %v, want exactly the field %q", what, form, c.FormJSON[0])
		require.Len(t, form[c.FormJSON[0]], 1, "%s: form %v, want exactly the field %q", what, form, c.FormJSON[0])
		assert.JSONEq(t, c.FormJSON[1], form.Get(c.FormJSON[0]), "%s: form field %s", what, c.FormJSON[0])
	case c.Parts != nil:
		if got := readMultipart(t, r); len(c.Parts) == 0 {
			assert.Empty(t, got, "%s: multipart parts", what)
		} else {
			assert.Equal(t, c.Parts, got, "%s: multipart parts", what)
		}
	case c.Body != nil:
		c.Body(t, r)
	default:
		// No body: Content-Length 0 on the wire (the transport sends it for
		// POST, PUT and PATCH), no chunking, no Content-Type.
		assert.Empty(t, string(body), "%s: body", what)
		assert.Zero(t, r.ContentLength, "%s: ContentLength", what)
		assert.Empty(t, r.TransferEncoding, "%s: TransferEncoding", what)
		assert.Empty(t, contentType, "%s: Content-Type", what)
	}
}

// reply builds the response of the call.
func (c *call) reply(t *testing.T) *http.Response {
	status := c.Status
	if status == 0 {
		status = http.StatusOK
	}
	var body []byte
	switch {
	case c.Reply != "":
		body = fixture(t, c.Reply)
	case c.ReplyJSON != "":
		body = []byte(c.ReplyJSON)
	}
	resp := httpmock.NewBytesResponse(status, body)
	if len(body) > 0 {
		resp.Header.Set("Content-Type", "application/json; charset=utf-8")
	}
	for k, vs := range c.ReplyHeader {
		resp.Header[http.CanonicalHeaderKey(k)] = vs
	}
	return resp
}

// requireStatus requires a call to have succeeded with status.
func requireStatus(t *testing.T, resp *Response, err error, status int) {
	t.Helper()
	require.NoError(t, err)
	require.NotNil(t, resp, "response")
	require.Equal(t, status, resp.StatusCode, "status")
}

// endpointCase is one call of an SDK method: the exact request it must send,
// the reply it gets and, for a method with a result, the value the reply
// must decode to.
type endpointCase struct {
	name string
	call call
	do   endpointFunc
	// want is the decoded result (a pointer or a value), nil for a method without
	// one; for an error reply (call.Status 400 or more), the sentinel error
	// (errors.Is) or the []FieldError of the *ValidationError.
	want any
}

// endpointFunc calls one SDK method and returns its result (nil for a
// method without one), its response and its error.
type endpointFunc = func(ctx context.Context, c *Client) (any, *Response, error)

// noResult adapts a method without a result to endpointCase.do.
func noResult(resp *Response, err error) (any, *Response, error) { return nil, resp, err }

// deref adapts a method with a *T result to endpointCase.do: the result
// becomes a T (nil stays nil).
func deref[T any](v *T, resp *Response, err error) (any, *Response, error) {
	if v == nil {
		return nil, resp, err
	}
	return *v, resp, err
}

// runEndpointCases sends each case once to a mock that checks the request
// exactly. A success must decode to want field by field, with a type that
// keeps every key of the reply fixture; an error reply (call.Status 400 or
// more) must decode to the typed error want describes (see endpointCase).
func runEndpointCases(t *testing.T, cases []endpointCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := mock(t)
			env.expect(t, tc.call)
			got, resp, err := tc.do(context.Background(), env.Client)
			assert.Equal(t, 1, env.Transport.GetTotalCallCount(), "requests sent")
			if tc.call.Status >= http.StatusBadRequest {
				checkErrorReply(t, tc.call.Status, resp, err, tc.want)
				return
			}
			status := tc.call.Status
			if status == 0 {
				status = http.StatusOK
			}
			requireStatus(t, resp, err, status)
			if tc.want == nil {
				assert.Nil(t, got, "result")
				return
			}
			require.NotNil(t, got, "result")
			assertFields(t, tc.name, got, tc.want)
			if tc.call.Reply != "" {
				assertCoversFixture(t, tc.call.Reply, wantValue(tc.want))
			}
		})
	}
}

// wantValue is an endpointCase's want as a value: a pointer's element.
func wantValue(want any) any {
	if v := reflect.ValueOf(want); v.Kind() == reflect.Pointer {
		return v.Elem().Interface()
	}
	return want
}

// runStrictEndpointCases is runEndpointCases for replies whose fixture
// must also be fully mapped: every key of a success's fixture has a field
// of want's type (assertFixtureFullyMapped).
func runStrictEndpointCases(t *testing.T, cases []endpointCase) {
	t.Helper()
	runEndpointCases(t, cases)
	for _, tc := range cases {
		if tc.call.Reply != "" && tc.call.Status < http.StatusBadRequest && tc.want != nil {
			assertFixtureFullyMapped(t, tc.call.Reply, wantValue(tc.want))
		}
	}
}

// refusal is one call that must be refused before sending: err is what it
// returned, and the message must name the method and the field.
type refusal struct {
	name          string
	err           error
	method, field string
}

// checkRefusals requires every call to have been refused with
// ErrInvalidArgument and a message naming its method and field. The calls
// are made on a mock with no expectation: anything sent fails the test.
func checkRefusals(t *testing.T, cases []refusal) {
	t.Helper()
	for _, tc := range cases {
		if !errors.Is(tc.err, ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", tc.name, tc.err)
			continue
		}
		if msg := tc.err.Error(); !strings.Contains(msg, tc.method) || !strings.Contains(msg, tc.field) {
			t.Errorf("%s: error %q does not name %s and %s", tc.name, msg, tc.method, tc.field)
		}
	}
}

// walkPage is one page of an …Iter walk: the exact query its request
// carries, its reply, and the query of the reply's next link ("" on the
// last page), or the reply's whole Link header when it starts with "<" (a
// page that also links its first, previous or last page; see pageLinks).
type walkPage struct {
	query url.Values
	reply string
	next  string
}

// expectWalk expects the requests of a walk over the list at the escaped
// API path, page by page.
func expectWalk(t *testing.T, env *mockEnv, path string, pages []walkPage) {
	t.Helper()
	expectPreviewWalk(t, env, path, "", pages)
}

// expectPreviewWalk is expectWalk for a list whose requests carry the
// preview media type in Accept.
func expectPreviewWalk(t *testing.T, env *mockEnv, path, preview string, pages []walkPage) {
	t.Helper()
	for _, p := range pages {
		c := call{Method: http.MethodGet, Path: path, Query: p.query, Preview: preview, ReplyJSON: p.reply}
		link := p.next
		if link != "" && !strings.HasPrefix(link, "<") {
			link = `<https://ghes.test/api/v3` + path + `?` + p.next + `>; rel="next"`
		}
		if link != "" {
			c.ReplyHeader = http.Header{"Link": {link}}
		}
		env.expect(t, c)
	}
}

// pageLinks is a Link header of the mock's API origin: base is an escaped
// API path and query ending in "page=", and each pair of rels is a page
// number and its relation, as pageLinks(base, "2", "next", "3", "last").
func pageLinks(base string, rels ...string) string {
	links := make([]string, 0, len(rels)/2)
	for i := 0; i+1 < len(rels); i += 2 {
		links = append(links, `<https://ghes.test/api/v3`+base+rels[i]+`>; rel="`+rels[i+1]+`"`)
	}
	return strings.Join(links, ", ")
}

// walkCase is one …Iter walk on the mock: the exact request of each page
// (its query, and preview in Accept), the IDs the walk must yield in
// order, and the client options (opts) it runs with.
type walkCase struct {
	name    string
	path    string // the escaped API path
	preview string
	pages   []walkPage
	opts    []Option
	walk    func(ctx context.Context, c *Client) ([]int64, error)
	want    []int64
}

// runWalkCases runs each walk on a mock that expects its pages and
// requires it to yield its IDs after exactly one request a page.
func runWalkCases(t *testing.T, cases []walkCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := mock(t, tc.opts...)
			expectPreviewWalk(t, env, tc.path, tc.preview, tc.pages)
			ids, err := tc.walk(context.Background(), env.Client)
			require.NoError(t, err)
			require.Equal(t, tc.want, ids, "IDs")
			assert.Equal(t, len(tc.pages), env.Transport.GetTotalCallCount(), "requests sent")
		})
	}
}

// linkedPages is a walk of n pages linked by rel="next", the way GHES
// links numbered pages: every page carries query, the pages after the
// first add page=<n>, and page p replies reply(p).
func linkedPages(query url.Values, reply func(page int) string, n int) []walkPage {
	pages := make([]walkPage, 0, n)
	for p := 1; p <= n; p++ {
		q := withPage(query, "")
		if p > 1 {
			q = withPage(query, fmt.Sprint(p))
		}
		wp := walkPage{query: q, reply: reply(p)}
		if p < n {
			wp.next = withPage(query, fmt.Sprint(p+1)).Encode()
		}
		pages = append(pages, wp)
	}
	return pages
}

// withPage returns a copy of query with page=<page> ("" adds no page: a
// walk's first request).
func withPage(query url.Values, page string) url.Values {
	q := url.Values{}
	for k, v := range query {
		q[k] = v
	}
	if page != "" {
		q.Set("page", page)
	}
	return q
}

// requireWalkIDs expects the pages of a walk at the escaped API path,
// runs walk on the mock and requires it to yield the IDs want, in order.
func requireWalkIDs(t *testing.T, path string, pages []walkPage, walk func(ctx context.Context, c *Client) ([]int64, error), want ...int64) {
	t.Helper()
	env := mock(t)
	expectWalk(t, env, path, pages)
	ids, err := walk(context.Background(), env.Client)
	require.NoError(t, err)
	require.Equal(t, want, ids)
}
