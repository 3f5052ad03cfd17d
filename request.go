package ghesadmin

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-querystring/query"
)

// request describes one call: every service method builds one and hands it
// to Client.call, the single request path of the SDK.
type request struct {
	method string
	// console sends the request to the administration port instead of the
	// REST API.
	console bool
	// path is relative to the backend's base URL and already escaped
	// (build it with escapePath).
	path string
	// query is an …Options struct encoded with go-querystring (a nil
	// pointer means no query), or url.Values.
	query any
	// json is a request body sent as application/json.
	json any
	// form is a request body sent as application/x-www-form-urlencoded.
	form url.Values
	// multipart writes a multipart/form-data body; it is streamed, so such
	// a request is never retried.
	multipart func(*multipart.Writer) error
	// preview is a preview media type sent in Accept after the v3 one.
	preview string
	// accept replaces the Accept header when set.
	accept string
	// contentType replaces the Content-Type of a json body when set
	// (application/scim+json).
	contentType string
}

// validator is implemented by option structs that can check their values
// before a request is sent.
type validator interface {
	validate() error
}

// ErrNoConsolePassword is returned, before anything is sent, by the
// ManagementConsole and Manage services when no administration password is
// configured (for the Manage service, neither the shared password nor a
// console user account).
var ErrNoConsolePassword = errors.New("ghesadmin: no Management Console password configured: create the client with ghesadmin.WithManagementConsole(url, password) (or, for the Manage API, ghesadmin.WithManagementConsoleUser(url, user, password))")

// call builds the request r, sends it with retries and decodes a 2xx body
// into out (a pointer, an io.Writer, or nil to discard).
//
// A call whose operation the server's known release lacks is refused before
// anything is built or sent (version.go); every reply teaches the client the
// release it names.
func (c *Client) call(ctx context.Context, r *request, out any) (*Response, error) {
	if err := c.checkRequest(r); err != nil {
		return nil, err
	}
	req, err := c.newRequest(ctx, r)
	if err != nil {
		return nil, err
	}
	resp, err := c.send(ctx, req, out, c.backendOf(r), true)
	c.learnFrom(resp)
	return resp, err
}

func (c *Client) newRequest(ctx context.Context, r *request) (*http.Request, error) {
	if ctx == nil {
		return nil, errors.New("ghesadmin: nil context")
	}
	b := c.backendOf(r)
	if r.console && b.creds == nil {
		return nil, ErrNoConsolePassword
	}

	var sb strings.Builder
	sb.Grow(len(b.baseStr) + len(r.path) + 32)
	sb.WriteString(b.baseStr)
	sb.WriteString(r.path)
	if r.query != nil {
		if err := c.writeQuery(&sb, r.query); err != nil {
			return nil, err
		}
	}

	var (
		body        io.Reader
		contentType []string
	)
	switch {
	case r.json != nil:
		buf, err := json.Marshal(r.json)
		if err != nil {
			return nil, fmt.Errorf("ghesadmin: encoding the body of %s %s: %w", r.method, r.path, err)
		}
		body, contentType = bytes.NewReader(buf), c.headers.contentJSON
		if r.contentType != "" {
			contentType = []string{r.contentType}
		}
	case r.form != nil:
		body, contentType = strings.NewReader(r.form.Encode()), c.headers.contentForm
	case r.multipart != nil:
		pr, pw := io.Pipe()
		mw := multipart.NewWriter(pw)
		contentType = []string{mw.FormDataContentType()}
		write := r.multipart
		go func() {
			err := write(mw)
			if err == nil {
				err = mw.Close()
			}
			pw.CloseWithError(err)
		}()
		body = pr
	}

	req, err := http.NewRequestWithContext(ctx, r.method, sb.String(), body)
	if err != nil {
		if pr, ok := body.(*io.PipeReader); ok {
			pr.Close()
		}
		return nil, fmt.Errorf("ghesadmin: %s %s: %w", r.method, r.path, unwrapURLError(err))
	}
	if body == nil && (r.method == http.MethodPost || r.method == http.MethodPut || r.method == http.MethodPatch) {
		// An explicit empty body: Go then sends "Content-Length: 0",
		// which GHES needs on PUT /users/{u}/site_admin and the like.
		req.Body = http.NoBody
		req.GetBody = func() (io.ReadCloser, error) { return http.NoBody, nil }
	}
	h := req.Header
	switch {
	case r.accept != "":
		h["Accept"] = []string{r.accept}
	case r.preview != "":
		if v, ok := c.headers.acceptByExt[r.preview]; ok {
			h["Accept"] = v
		} else {
			h["Accept"] = []string{mediaTypeV3 + ", " + r.preview}
		}
	default:
		h["Accept"] = c.headers.acceptV3
	}
	if contentType != nil {
		h["Content-Type"] = contentType
	}
	h["User-Agent"] = c.headers.userAgent
	return req, nil
}

// writeQuery validates an …Options value (or url.Values) and writes it to
// sb as the query of the URL, with its leading '?', or nothing when it is
// empty. The bytes are those of query.Values(opts).Encode(); a queryPlan
// writes them without go-querystring's per-call reflection when it can.
func (c *Client) writeQuery(sb *strings.Builder, opts any) error {
	rv := reflect.ValueOf(opts)
	if rv.Kind() == reflect.Pointer && rv.IsNil() {
		return nil
	}
	var q string
	switch o := opts.(type) {
	case url.Values:
		q = o.Encode()
	default:
		if v, ok := opts.(validator); ok {
			if err := v.validate(); err != nil {
				return err
			}
		}
		sv := rv
		for sv.Kind() == reflect.Pointer && !sv.IsNil() {
			sv = sv.Elem()
		}
		if sv.Kind() == reflect.Struct {
			if p := c.queryPlans.plan(sv.Type()); p != nil {
				p.write(sb, sv)
				return nil
			}
		}
		v, err := query.Values(opts)
		if err != nil {
			return fmt.Errorf("ghesadmin: encoding the query: %w", err)
		}
		q = v.Encode()
	}
	if q != "" {
		sb.WriteByte('?')
		sb.WriteString(q)
	}
	return nil
}

// NewRequest builds a request for path, relative to the REST API base URL
// ("admin/hooks"), with body encoded as JSON when it is not nil. It carries
// the SDK's Accept and User-Agent headers; Do adds the credentials. Use it
// with Do to call an endpoint this SDK does not cover.
func (c *Client) NewRequest(ctx context.Context, method, path string, body any) (*http.Request, error) {
	if strings.HasPrefix(path, "/") {
		return nil, fmt.Errorf("ghesadmin: path %q must be relative to the base URL (no leading slash)", path)
	}
	return c.newRequest(ctx, &request{method: method, path: path, json: body})
}

// Do sends req, retrying as the client's RetryPolicy allows, and decodes a
// 2xx response body into v: a pointer to decode JSON into, an io.Writer to
// copy the body to, or nil to discard it. A non-2xx response becomes an
// *ErrorResponse (or one of the more specific errors of errors.go).
//
// Credentials are added to a copy of req for each attempt, and only when req
// goes to the REST API origin (the token) or the administration port origin
// (the console password): a request to any other host carries none.
//
// When the server's GHES release is known (see Client.ServerVersion) and req
// calls an operation of the SDK's table that this release lacks, Do refuses
// it before sending, with an *UnsupportedVersionError, as the service
// methods do; a request for any other path is sent as is.
//
// The returned *Response is non-nil whenever a response was received, even
// with an error.
func (c *Client) Do(ctx context.Context, req *http.Request, v any) (*Response, error) {
	if ctx == nil {
		return nil, errors.New("ghesadmin: nil context")
	}
	if req == nil || req.URL == nil {
		return nil, errors.New("ghesadmin: nil request")
	}
	b := c.backendFor(req.URL)
	if err := c.checkRaw(req, b); err != nil {
		return nil, err
	}
	resp, err := c.send(ctx, req, v, b, false)
	c.learnFrom(resp)
	return resp, err
}

// send sends req to backend b (nil: no credentials) with retries. owned
// says req was built by this package for this call only, so the first
// attempt may use it without a copy.
//
// A 2xx body is decoded inside the retry loop: a body cut short by the
// connection (a read error other than a clean end) on a retryable request
// is retried like a transport error, unless part of it was already copied
// to the caller's io.Writer.
func (c *Client) send(ctx context.Context, req *http.Request, v any, b *backend, owned bool) (*Response, error) {
	policy := c.retry
	if p, ok := ctx.Value(retryKey{}).(RetryPolicy); ok {
		policy = p
	}
	retryable := isIdempotent(req.Method) &&
		(req.Body == nil || req.Body == http.NoBody || req.GetBody != nil)
	hc := c.api.http
	if b != nil {
		hc = b.http
	}
	// A call whose context has already ended sends nothing, and says which
	// call it was.
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("ghesadmin: %s %s: %w", req.Method, req.URL.Path, err)
	}

	for attempt := 1; ; attempt++ {
		areq := req
		if !owned || attempt > 1 {
			areq = req.Clone(ctx)
			if attempt > 1 && req.GetBody != nil {
				body, err := req.GetBody()
				if err != nil {
					return nil, fmt.Errorf("ghesadmin: %s %s: rewinding the body: %w", req.Method, req.URL.Path, err)
				}
				areq.Body = body
			}
		}
		if b != nil && b.creds != nil {
			areq.Header["Authorization"] = b.creds.header
		}

		var start time.Time // read only when logging: time.Now is not free
		if c.logger != nil {
			start = time.Now()
		}
		hresp, err := hc.Do(areq)
		last := attempt >= policy.MaxAttempts
		if err != nil {
			scrubCredentials(areq, nil)
			err = c.redactErr(unwrapURLError(err))
			c.logAttempt(ctx, req, attempt, 0, start, "", err)
			if ctxErr := ctx.Err(); ctxErr != nil {
				return nil, fmt.Errorf("ghesadmin: %s %s: %w", req.Method, req.URL.Path, ctxErr)
			}
			if b != nil && b.guessed {
				err = fmt.Errorf("ghesadmin: %s %s: %w%s", req.Method, req.URL.Path, err, b.guessHint())
			} else {
				err = fmt.Errorf("ghesadmin: %s %s: %w", req.Method, req.URL.Path, err)
			}
			if !retryable || last {
				return nil, err
			}
			if werr := sleep(ctx, policy.backoff(attempt)); werr != nil {
				return nil, fmt.Errorf("ghesadmin: %s %s: %w (while waiting to retry after: %w)", req.Method, req.URL.Path, werr, err)
			}
			continue
		}

		// Before anything reads the headers (the Link header becomes
		// Response.NextURL): no credential a server echoes survives.
		c.redactHeader(hresp.Header)
		resp := newResponse(hresp)
		c.logAttempt(ctx, req, attempt, hresp.StatusCode, start, resp.RequestID, nil)

		if hresp.StatusCode >= 200 && hresp.StatusCode < 300 {
			cut, err := decodeBody(hresp, v, req)
			c.scrubResponse(areq, hresp)
			if err == nil {
				return resp, nil
			}
			err = c.redactErr(err)
			if !cut || ctx.Err() != nil || !retryable || last {
				return resp, err
			}
			if werr := sleep(ctx, policy.backoff(attempt)); werr != nil {
				return resp, fmt.Errorf("ghesadmin: %s %s: %w (while waiting to retry after: %w)", req.Method, req.URL.Path, werr, err)
			}
			continue
		}

		rerr := checkResponse(hresp, req)
		c.scrubResponse(areq, hresp)
		c.redactErrorResponse(rerr)
		if b != nil && b == c.console {
			var er *ErrorResponse
			if errors.As(rerr, &er) {
				switch {
				case hresp.StatusCode == http.StatusUnauthorized:
					er.hint = consoleAuthHint
				case hresp.StatusCode == http.StatusNotFound && b.guessed:
					er.hint = b.guessHint()
				}
			}
		}
		if retryable && !last {
			if wait, ok := retryWait(policy, attempt, hresp, rerr); ok {
				if werr := sleep(ctx, wait); werr != nil {
					// Both the context's error and the reply stay
					// reachable (errors.Is, errors.As).
					return resp, fmt.Errorf("ghesadmin: %s %s: %w (while waiting to retry after: %w)", req.Method, req.URL.Path, werr, rerr)
				}
				continue
			}
		}
		return resp, rerr
	}
}

// scrubResponse removes the credentials from every request a caller can
// reach through a Response or an error (the final request and, after
// redirects, each request of the chain through Request.Response.Request),
// once the body is closed, and redacts them from the headers of every
// response of the chain, so that printing them shows no secret.
func (c *Client) scrubResponse(areq *http.Request, hresp *http.Response) {
	scrubCredentials(areq, hresp)
	// hresp's own headers were redacted when it arrived; those of the
	// redirects before it are redacted here.
	for r := hresp; r.Request != nil && r.Request.Response != nil; {
		r = r.Request.Response
		c.redactHeader(r.Header)
	}
}

// scrubCredentials removes the Authorization header from areq and from every
// request of hresp's redirect chain.
func scrubCredentials(areq *http.Request, hresp *http.Response) {
	delete(areq.Header, "Authorization")
	// Each request of a redirect chain links to the response that led to
	// it, whose Request is the one before: follow the chain to its start.
	// The chain is at most as long as the redirects followed (10).
	for r := hresp; r != nil && r.Request != nil; r = r.Request.Response {
		if r.Request != areq {
			delete(r.Request.Header, "Authorization")
		}
	}
}

func unwrapURLError(err error) error {
	// *url.Error repeats the whole URL; the message already names the
	// method and path.
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// backendFor returns the backend whose origin u belongs to, or nil.
func (c *Client) backendFor(u *url.URL) *backend {
	switch {
	case sameOrigin(u, c.api.base):
		return c.api
	case sameOrigin(u, c.console.base):
		if c.manage != c.console && strings.HasPrefix(u.EscapedPath(), c.console.base.EscapedPath()+"manage/") {
			return c.manage
		}
		return c.console
	}
	return nil
}

// headerValues are the header values a Client sends on every request,
// built once by NewClient and only read afterwards.
type headerValues struct {
	userAgent   []string
	acceptV3    []string
	acceptByExt map[string][]string // preview media type → Accept value
	contentJSON []string
	contentForm []string
}

func newHeaderValues(userAgent string) headerValues {
	h := headerValues{
		userAgent:   []string{userAgent},
		acceptV3:    []string{mediaTypeV3},
		acceptByExt: make(map[string][]string),
		contentJSON: []string{"application/json"},
		contentForm: []string{"application/x-www-form-urlencoded"},
	}
	for _, p := range []string{mediaTypeSuperproPreview, mediaTypeEyeScreamPreview, mediaTypeHellcatPreview} {
		h.acceptByExt[p] = []string{mediaTypeV3 + ", " + p}
	}
	return h
}

func isIdempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// maxSuccessBody bounds how much of a 2xx body is decoded: far above any
// administration response, far below what would hurt a process.
const maxSuccessBody = 32 << 20

// maxDrain bounds how much of an unread body is discarded so that the
// connection can be reused; a longer remainder closes the connection.
const maxDrain = 64 << 10

// bodyReader reads a response body up to a limit (io.LimitedReader) and
// remembers whether the body itself failed, as opposed to ending cleanly:
// a connection dropped in the middle of the body.
type bodyReader struct {
	r      io.Reader
	n      int64 // bytes left before the limit
	broken bool  // the body returned an error other than io.EOF
}

func (b *bodyReader) Read(p []byte) (int, error) {
	if b.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > b.n {
		p = p[:b.n]
	}
	n, err := b.r.Read(p)
	b.n -= int64(n)
	if err != nil && err != io.EOF {
		b.broken = true
	}
	return n, err
}

// drain discards up to maxDrain bytes of what is left of the body, so the
// connection can be reused.
func (b *bodyReader) drain() {
	b.n = maxDrain
	_, _ = io.Copy(io.Discard, b)
}

// listDecoder is implemented by the outputs that decode a JSON array one
// element at a time (fetchSlice), so that a reply with too many elements is
// refused before they are all built.
type listDecoder interface {
	decodeList(dec *json.Decoder) error
}

// decodeBody decodes a 2xx response body into v and closes it, after
// draining a bounded remainder on every path so the connection can be
// reused. cut reports a body cut short by the connection (a transport
// fault, retryable on an idempotent request); for an io.Writer it is only
// reported when nothing was written to it yet.
func decodeBody(hresp *http.Response, v any, req *http.Request) (cut bool, err error) {
	defer hresp.Body.Close()
	br := &bodyReader{r: hresp.Body, n: maxSuccessBody + 1}
	switch v := v.(type) {
	case nil:
		br.drain()
		return false, nil
	case io.Writer:
		br.n = 1<<63 - 1 // a download is not bounded
		n, err := io.Copy(v, br)
		if err != nil {
			return br.broken && n == 0, fmt.Errorf("ghesadmin: %s %s: reading the response: %w", req.Method, req.URL.Path, err)
		}
		return false, nil
	}
	dec := json.NewDecoder(br)
	if ld, ok := v.(listDecoder); ok {
		err = ld.decodeList(dec)
	} else {
		err = dec.Decode(v)
	}
	switch {
	case br.broken && err != nil:
		// The connection failed in the middle of the body: a transport
		// error, not a reply that is not JSON.
		return true, fmt.Errorf("ghesadmin: %s %s: reading the response: %w", req.Method, req.URL.Path, err)
	case err == io.EOF:
		return false, nil // an empty body
	case br.n <= 0:
		return false, fmt.Errorf("ghesadmin: %s %s: the response body is larger than %d bytes", req.Method, req.URL.Path, maxSuccessBody)
	case err != nil:
		br.drain()
		return false, &DecodeError{Method: req.Method, Path: req.URL.Path, Status: hresp.StatusCode, Err: err}
	}
	br.drain()
	return false, nil
}

// DecodeError reports a 2xx response whose body is not the JSON the SDK
// expects, such as an HTML page from a proxy.
type DecodeError struct {
	Method string // the HTTP method of the call
	Path   string // the URL path of the call
	Status int    // the HTTP status of the reply
	Err    error  // the JSON decoding error
}

// Error names the call, the status and the JSON error.
func (e *DecodeError) Error() string {
	msg := ""
	if e.Err != nil {
		msg = boundText(e.Err.Error(), maxErrorText)
	}
	return fmt.Sprintf("ghesadmin: %s %s: %d response is not the expected JSON: %s", e.Method, e.Path, e.Status, msg)
}

// Unwrap returns the JSON error.
func (e *DecodeError) Unwrap() error { return e.Err }

func (c *Client) logAttempt(ctx context.Context, req *http.Request, attempt, status int, start time.Time, requestID string, err error) {
	if c.logger == nil || !c.logger.Enabled(ctx, slog.LevelDebug) {
		return
	}
	d := time.Since(start)
	attrs := []slog.Attr{
		slog.String("method", req.Method),
		slog.String("host", req.URL.Host),
		slog.String("path", req.URL.EscapedPath()),
		slog.Int("status", status),
		slog.Duration("duration", d),
		slog.Int("attempt", attempt),
		slog.String("request_id", requestID),
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", unwrapURLError(err).Error()))
	}
	c.logger.LogAttrs(ctx, slog.LevelDebug, "ghesadmin request", attrs...)
}

func basicAuth(user, password string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+password))
}

// escapePath builds a path from template, written with the documented
// parameter names ("users/{username}/suspended"): each {name} is replaced,
// in order, by one argument, a string escaped as a single path segment or an
// integer in decimal. A string argument that is empty, "." or ".." is
// refused with an *ArgumentError naming method (the Go method, such as
// "Users.Suspend") and the parameter, so that no call can reach another
// endpoint than the one it names.
func escapePath(method, template string, args ...any) (string, error) {
	var b strings.Builder
	rest := template
	for i := 0; ; i++ {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			b.WriteString(rest)
			break
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 || i >= len(args) {
			return "", fmt.Errorf("ghesadmin: %s: internal error: path template %q does not match its %d arguments", method, template, len(args))
		}
		name := rest[open+1 : open+end]
		b.WriteString(rest[:open])
		rest = rest[open+end+1:]
		switch a := args[i].(type) {
		case string:
			switch a {
			case "":
				return "", &ArgumentError{Method: method, Parameter: name, Position: i, Reason: "is empty"}
			case ".", "..":
				return "", &ArgumentError{Method: method, Parameter: name, Position: i, Value: a, Reason: "is a relative path segment"}
			}
			b.WriteString(url.PathEscape(a))
		case int64:
			b.WriteString(strconv.FormatInt(a, 10))
		case int:
			b.WriteString(strconv.Itoa(a))
		default:
			return "", fmt.Errorf("ghesadmin: %s: internal error: path argument %s has type %T", method, name, a)
		}
		if i == len(args)-1 && strings.IndexByte(rest, '{') >= 0 {
			return "", fmt.Errorf("ghesadmin: %s: internal error: path template %q does not match its %d arguments", method, template, len(args))
		}
	}
	return b.String(), nil
}

// ArgumentError reports a path argument that the SDK refuses to send. Its
// message names the method and the parameter:
// "ghesadmin: Users.Suspend: username is empty".
type ArgumentError struct {
	// Method is the Go method that refused the argument, such as
	// "Users.Suspend".
	Method string
	// Parameter is the documented name of the path parameter, such as
	// "username" or "runner_group_id".
	Parameter string
	// Position is the index of the argument among the method's path
	// arguments, from 0.
	Position int
	// Value is the refused value ("" when it was empty).
	Value string
	// Reason says why it was refused.
	Reason string
}

// Error names the method, the refused parameter and the reason.
func (e *ArgumentError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("ghesadmin: %s: %s %s", e.Method, e.Parameter, e.Reason)
	}
	return fmt.Sprintf("ghesadmin: %s: %s (%q) %s", e.Method, e.Parameter, e.Value, e.Reason)
}

// Is makes errors.Is(err, ErrInvalidArgument) true.
func (e *ArgumentError) Is(target error) bool { return target == ErrInvalidArgument }

// ErrInvalidArgument matches every error about an argument refused before
// sending (errors.Is).
var ErrInvalidArgument = errors.New("ghesadmin: invalid argument")

// itoa is strconv.FormatInt for int64 ids.
func itoa(n int64) string { return strconv.FormatInt(n, 10) }
