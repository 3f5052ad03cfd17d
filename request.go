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
}

// validator is implemented by option structs that can check their values
// before a request is sent.
type validator interface {
	validate() error
}

// ErrNoConsolePassword is returned, before anything is sent, by the
// ManagementConsole and Manage services when no administration password is
// configured.
var ErrNoConsolePassword = errors.New("ghesadmin: no Management Console password configured: create the client with ghesadmin.WithManagementConsole(url, password)")

// call builds the request r, sends it with retries and decodes a 2xx body
// into out (a pointer, an io.Writer, or nil to discard).
func (c *Client) call(ctx context.Context, r *request, out any) (*Response, error) {
	req, err := c.newRequest(ctx, r)
	if err != nil {
		return nil, err
	}
	b := c.api
	if r.console {
		b = c.console
	}
	return c.send(ctx, req, out, b, true)
}

func (c *Client) newRequest(ctx context.Context, r *request) (*http.Request, error) {
	if ctx == nil {
		return nil, errors.New("ghesadmin: nil context")
	}
	b := c.api
	if r.console {
		b = c.console
		if b.creds == nil {
			return nil, ErrNoConsolePassword
		}
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
// The returned *Response is non-nil whenever a response was received, even
// with an error.
func (c *Client) Do(ctx context.Context, req *http.Request, v any) (*Response, error) {
	if ctx == nil {
		return nil, errors.New("ghesadmin: nil context")
	}
	if req == nil || req.URL == nil {
		return nil, errors.New("ghesadmin: nil request")
	}
	return c.send(ctx, req, v, c.backendFor(req.URL), false)
}

// send sends req to backend b (nil: no credentials) with retries. owned
// says req was built by this package for this call only, so the first
// attempt may use it without a copy.
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
			c.logAttempt(ctx, req, attempt, 0, start, "", err)
			if ctxErr := ctx.Err(); ctxErr != nil {
				return nil, fmt.Errorf("ghesadmin: %s %s: %w", req.Method, req.URL.Path, ctxErr)
			}
			err = fmt.Errorf("ghesadmin: %s %s: %w", req.Method, req.URL.Path, unwrapURLError(err))
			if !retryable || last {
				return nil, err
			}
			if werr := sleep(ctx, policy.backoff(attempt)); werr != nil {
				return nil, fmt.Errorf("%w (while waiting to retry after: %v)", werr, err)
			}
			continue
		}

		resp := newResponse(hresp)
		c.logAttempt(ctx, req, attempt, hresp.StatusCode, start, resp.RequestID, nil)

		if hresp.StatusCode >= 200 && hresp.StatusCode < 300 {
			err := decodeBody(hresp, v, req)
			scrubCredentials(areq, hresp)
			return resp, err
		}

		rerr := checkResponse(hresp, req)
		scrubCredentials(areq, hresp)
		if retryable && !last {
			if wait, ok := retryWait(policy, attempt, hresp, rerr); ok {
				if werr := sleep(ctx, wait); werr != nil {
					return resp, fmt.Errorf("%w (while waiting to retry after: %v)", werr, rerr)
				}
				continue
			}
		}
		return resp, rerr
	}
}

// scrubCredentials removes the credentials from the requests a caller can
// reach through a Response or an error, once the body is closed, so that
// printing them shows no secret.
func scrubCredentials(areq *http.Request, hresp *http.Response) {
	delete(areq.Header, "Authorization")
	if hresp != nil && hresp.Request != nil && hresp.Request != areq {
		delete(hresp.Request.Header, "Authorization")
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

// decodeBody decodes a 2xx response body into v and closes it.
func decodeBody(hresp *http.Response, v any, req *http.Request) error {
	defer hresp.Body.Close()
	switch v := v.(type) {
	case nil:
		_, _ = io.Copy(io.Discard, io.LimitReader(hresp.Body, 64<<10))
		return nil
	case io.Writer:
		if _, err := io.Copy(v, hresp.Body); err != nil {
			return fmt.Errorf("ghesadmin: %s %s: reading the response: %w", req.Method, req.URL.Path, err)
		}
		return nil
	}
	lr := &io.LimitedReader{R: hresp.Body, N: maxSuccessBody + 1}
	err := json.NewDecoder(lr).Decode(v)
	switch {
	case err == io.EOF:
		return nil // an empty body
	case lr.N <= 0:
		return fmt.Errorf("ghesadmin: %s %s: the response body is larger than %d bytes", req.Method, req.URL.Path, maxSuccessBody)
	case err != nil:
		return &DecodeError{Method: req.Method, Path: req.URL.Path, Status: hresp.StatusCode, Err: err}
	}
	// Drain what follows the value, up to 64 KiB, so the connection can be
	// reused (io.CopyN without its second LimitedReader).
	lr.N = 64 << 10
	_, _ = io.Copy(io.Discard, lr)
	return nil
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
	return fmt.Sprintf("ghesadmin: %s %s: %d response is not the expected JSON: %v", e.Method, e.Path, e.Status, e.Err)
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
