package ghesadmin

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"

	"github.com/google/go-querystring/query"
)

// request describes one call: every service method builds one and hands it
// to its backend's call, the single request path of the SDK. Where it goes
// is the service's business (service.backend), not the request's. call
// checks its arguments before anything is built or sent (prepare).
type request struct {
	// op is the Go method as users call it ("Users.Suspend"): every
	// argument refused before sending names it.
	op     string
	method string
	// path is relative to the backend's base URL, written with the
	// documented parameter names ("users/{username}/suspended"); each
	// {name} takes one of args, in order (escapePath, when the call is
	// prepared: from then on path is escaped and args is nil).
	path string
	args []any
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
	// decode, when set, reads a 2xx reply's body (one JSON value, empty
	// for an empty body) instead of the output given to call; the values
	// it could not read become Response.Unread, and the error it returns
	// becomes a *DecodeError naming this request.
	decode func(status int, raw []byte) ([]UnreadValue, error)
}

// validator is implemented by the option structs and request bodies that
// check their values before a request is sent.
type validator interface {
	validate() error
}

// checker is implemented by the option structs and request bodies whose
// check names the Go method op itself, because its message depends on it
// (a type shared by several methods). A type has one of validate and check.
type checker interface {
	check(op string) error
}

// prepare checks r's arguments before anything is built or sent, naming
// r.op in every refusal: it fills r.path with r.args (escapePath), then
// checks r.query and r.json where they have a validate or check method
// (checkArgument). A prepared request stays as it is.
func (r *request) prepare() error {
	if len(r.args) > 0 || strings.IndexByte(r.path, '{') >= 0 {
		path, err := escapePath(r.op, r.path, r.args...)
		if err != nil {
			return err
		}
		r.path, r.args = path, nil
	}
	if err := checkArgument(r.op, r.query); err != nil {
		return err
	}
	return checkArgument(r.op, r.json)
}

// newRequest builds the HTTP request of r for backend b, without
// credentials (send adds them to each attempt).
func (b *backend) newRequest(ctx context.Context, r *request) (*http.Request, error) {
	if ctx == nil {
		return nil, errors.New("ghesadmin: nil context")
	}
	if b.creds == nil && b.missingCreds != nil {
		return nil, b.missingCreds
	}
	u := b.baseStr + r.path
	if r.query != nil {
		q, err := encodeQuery(r.query)
		if err != nil {
			return nil, err
		}
		if q != "" {
			u += "?" + q
		}
	}

	var (
		body        io.Reader
		contentType string
	)
	switch {
	case r.json != nil:
		buf, err := json.Marshal(r.json)
		if err != nil {
			return nil, fmt.Errorf("ghesadmin: encoding the body of %s %s: %w", r.method, r.path, err)
		}
		body, contentType = bytes.NewReader(buf), "application/json"
		if r.contentType != "" {
			contentType = r.contentType
		}
	case r.form != nil:
		body, contentType = strings.NewReader(r.form.Encode()), "application/x-www-form-urlencoded"
	case r.multipart != nil:
		pr, pw := io.Pipe()
		mw := multipart.NewWriter(pw)
		contentType = mw.FormDataContentType()
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

	req, err := http.NewRequestWithContext(ctx, r.method, u, body)
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
	accept := mediaTypeV3
	switch {
	case r.accept != "":
		accept = r.accept
	case r.preview != "":
		accept = mediaTypeV3 + ", " + r.preview
	}
	req.Header.Set("Accept", accept)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("User-Agent", b.client.userAgent)
	return req, nil
}

// encodeQuery encodes an …Options value (validated by prepare) with
// go-querystring; url.Values are encoded as they are. A nil pointer encodes
// as "".
func encodeQuery(opts any) (string, error) {
	if uv, ok := opts.(url.Values); ok {
		return uv.Encode(), nil
	}
	if isNilPointer(opts) {
		return "", nil
	}
	v, err := query.Values(opts)
	if err != nil {
		return "", fmt.Errorf("ghesadmin: encoding the query: %w", err)
	}
	return v.Encode(), nil
}

// checkArgument checks v, an …Options value or a request body, with its
// check or validate method, if it has one, so that the error names the Go
// method op as well as the field: "ghesadmin: invalid argument:
// SCIM.ListUsers: SCIMListUsersOptions.Count is -1; …". A validate message
// that already starts with op is kept as it is. A nil v is valid.
func checkArgument(op string, v any) error {
	if v == nil || isNilPointer(v) {
		return nil
	}
	var err error
	switch v := v.(type) {
	case validator:
		err = v.validate()
	case checker:
		return v.check(op)
	}
	if err == nil {
		return nil
	}
	if !errors.Is(err, ErrInvalidArgument) {
		return fmt.Errorf("ghesadmin: %s: %w", op, err)
	}
	msg := strings.TrimPrefix(err.Error(), ErrInvalidArgument.Error()+": ")
	if op == "" || strings.HasPrefix(msg, op+": ") {
		return err
	}
	return fmt.Errorf("%w: %s: %s", ErrInvalidArgument, op, msg)
}

// firstError returns the first error that is not nil: the result of a
// validate method written as the list of its checks, in order.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// refuseIf is the ErrInvalidArgument error "…: <format>" when bad holds,
// nil otherwise: one check of a validate method.
func refuseIf(bad bool, format string, args ...any) error {
	if !bad {
		return nil
	}
	return fmt.Errorf("%w: %s", ErrInvalidArgument, fmt.Sprintf(format, args...))
}

// isNilPointer says v is a nil pointer (a nil …Options).
func isNilPointer(v any) bool {
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

// NewRequest builds a request for path, relative to the REST API base URL
// ("admin/hooks"), with body encoded as JSON when it is not nil. It carries
// the SDK's Accept and User-Agent headers; Do adds the credentials. Use it
// with Do to call an endpoint this SDK does not cover.
func (c *Client) NewRequest(ctx context.Context, method, path string, body any) (*http.Request, error) {
	if strings.HasPrefix(path, "/") {
		return nil, fmt.Errorf("ghesadmin: path %q must be relative to the base URL (no leading slash)", path)
	}
	return c.api.newRequest(ctx, &request{method: method, path: path, json: body})
}

// escapePath builds a path from template, written with the documented
// parameter names ("users/{username}/suspended"): each {name} is replaced,
// in order, by one argument, a string escaped as a single path segment or an
// integer in decimal. A string argument that is empty, "." or "..", or a
// positiveID that is not positive, is refused with an *ArgumentError naming
// method (the Go method, such as "Users.Suspend") and the parameter, so that
// no call can reach another endpoint than the one it names.
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
		case positiveID:
			if a <= 0 {
				return "", &ArgumentError{Method: method, Parameter: name, Position: i, Value: strconv.FormatInt(int64(a), 10), Reason: "is not a positive ID"}
			}
			b.WriteString(strconv.FormatInt(int64(a), 10))
		case int:
			b.WriteString(strconv.Itoa(a))
		default:
			return "", fmt.Errorf("ghesadmin: %s: internal error: path argument %s has type %T", method, name, a)
		}
	}
	if strings.Count(template, "{") != len(args) {
		return "", fmt.Errorf("ghesadmin: %s: internal error: path template %q does not match its %d arguments", method, template, len(args))
	}
	return b.String(), nil
}

// positiveID is a path argument that must be a positive ID: escapePath
// refuses 0 and negative values with an *ArgumentError.
type positiveID int64

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
