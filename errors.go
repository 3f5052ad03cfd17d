package ghesadmin

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Sentinel errors, matched with errors.Is against any error the SDK returns
// for a reply with that meaning.
var (
	// ErrNotFound: 404. On administration endpoints GHES also answers 404
	// when the token lacks site-admin rights.
	ErrNotFound = errors.New("ghesadmin: not found")
	// ErrUnauthorized: 401, missing or bad credentials.
	ErrUnauthorized = errors.New("ghesadmin: unauthorized")
	// ErrForbidden: 403.
	ErrForbidden = errors.New("ghesadmin: forbidden")
	// ErrRateLimited: a primary or secondary rate limit.
	ErrRateLimited = errors.New("ghesadmin: rate limited")
)

// maxErrorBody bounds how much of an error body is read.
const maxErrorBody = 1 << 20

// An ErrorResponse is a non-2xx reply. The more specific errors
// (*ValidationError, *RateLimitError, *SecondaryRateLimitError) wrap one, so
// errors.As(err, &er) with er *ErrorResponse works for them too.
type ErrorResponse struct {
	// Response is the HTTP response; its Body is already read and closed.
	Response *http.Response `json:"-"`
	// Message is the "message" of the JSON body or, for a body that is not
	// JSON (an HTML page from a proxy), a short excerpt of it.
	Message string `json:"message"`
	// Errors are the field errors of the body.
	Errors []FieldError `json:"errors,omitempty"`
	// DocumentationURL is the "documentation_url" of the body.
	DocumentationURL string `json:"documentation_url,omitempty"`

	// hint is what the SDK adds to the message: how to fix the call.
	hint string
	// backend is the backend that answered (nil for a request given to Do
	// for another origin).
	backend *backend
	// retry says whether the reply is worth another attempt.
	retry retryAdvice
}

// A FieldError is one entry of the "errors" array of an error body. A bare
// string entry is kept in Message.
type FieldError struct {
	Resource string `json:"resource,omitempty"`
	Field    string `json:"field,omitempty"`
	Code     string `json:"code,omitempty"`
	Message  string `json:"message,omitempty"`
}

// UnmarshalJSON accepts an object or a bare string.
func (f *FieldError) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = FieldError{Message: s}
		return nil
	}
	type plain FieldError
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*f = FieldError(p)
	return nil
}

// String reads "resource.field code message", leaving out what is empty.
func (f FieldError) String() string {
	var parts []string
	if f.Resource != "" || f.Field != "" {
		parts = append(parts, strings.Trim(f.Resource+"."+f.Field, "."))
	}
	if f.Code != "" {
		parts = append(parts, f.Code)
	}
	if f.Message != "" {
		parts = append(parts, f.Message)
	}
	return strings.Join(parts, " ")
}

// UnmarshalJSON accepts "errors" as an array, a single string or a single
// object, and "message" of any JSON type, at the top level or, as the
// Manage GHES API sends it, inside an "error" object
// ({"error":{"message":…}}).
func (e *ErrorResponse) UnmarshalJSON(b []byte) error {
	var raw struct {
		Message          json.RawMessage `json:"message"`
		Errors           json.RawMessage `json:"errors"`
		DocumentationURL string          `json:"documentation_url"`
		Error            struct {
			Message json.RawMessage `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		// An "error" that is not an object (a string, say) is skipped;
		// encoding/json has read the other members all the same.
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) || te.Field != "error" {
			return err
		}
	}
	e.DocumentationURL = raw.DocumentationURL
	msg := raw.Message
	if len(msg) == 0 || string(msg) == "null" {
		msg = raw.Error.Message
	}
	if len(msg) > 0 {
		var s string
		if json.Unmarshal(msg, &s) == nil {
			e.Message = s
		} else if string(msg) != "null" {
			e.Message = string(msg)
		}
	}
	errs := bytes.TrimSpace(raw.Errors)
	switch {
	case len(errs) == 0 || string(errs) == "null":
	case errs[0] == '[':
		if err := json.Unmarshal(errs, &e.Errors); err != nil {
			return err
		}
	default:
		var one FieldError
		if err := json.Unmarshal(errs, &one); err != nil {
			return err
		}
		e.Errors = []FieldError{one}
	}
	return nil
}

// Error reads "ghesadmin: METHOD URL: STATUS: message [field errors]". It
// stays short whatever the server sent: the message, each field error and
// the list of field errors are cut (with "…" and a count of what was left
// out); Message and Errors keep everything.
func (e *ErrorResponse) Error() string {
	var sb strings.Builder
	sb.WriteString("ghesadmin: ")
	status := 0
	if r := e.Response; r != nil {
		status = r.StatusCode
		if r.Request != nil && r.Request.URL != nil {
			sb.WriteString(r.Request.Method)
			sb.WriteByte(' ')
			sb.WriteString(boundText(r.Request.URL.Redacted(), maxErrorText))
			sb.WriteString(": ")
		}
		sb.WriteString(statusText(r.StatusCode))
	}
	if e.Message != "" {
		sb.WriteString(": ")
		sb.WriteString(boundText(e.Message, maxErrorText))
	}
	if len(e.Errors) > 0 {
		sb.WriteString(" [")
		for i, f := range e.Errors {
			if i == maxFieldErrorsShown {
				fmt.Fprintf(&sb, "; … %d more field errors", len(e.Errors)-i)
				break
			}
			if i > 0 {
				sb.WriteString("; ")
			}
			sb.WriteString(boundText(f.String(), maxFieldErrorText))
		}
		sb.WriteByte(']')
	}
	switch {
	case e.hint != "":
		sb.WriteString(e.hint)
	case status == http.StatusNotFound && e.isAdminAPI():
		sb.WriteString(" (GHES also answers 404 when the token lacks site-admin rights)")
	}
	return sb.String()
}

// Bounds of an error string: whatever a server sends, Error() stays under a
// few KiB; the typed fields keep the full detail.
const (
	maxErrorText        = 1024 // the message, a URL, a wrapped error
	maxFieldErrorText   = 200  // one field error
	maxFieldErrorsShown = 10   // field errors listed
)

// boundText returns s cut to at most n bytes (on a rune boundary) followed by
// "…" and how many bytes were left out.
func boundText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d more bytes)", s[:cut], len(s)-cut)
}

// boundedError is an error whose message is cut to maxErrorText bytes;
// errors.Is and errors.As still reach the error it wraps.
type boundedError struct{ err error }

func (e *boundedError) Error() string { return boundText(e.err.Error(), maxErrorText) }
func (e *boundedError) Unwrap() error { return e.err }

// isAdminAPI reports a reply of a site-administration endpoint of the REST
// API, where GHES answers 404 to a token without site-admin rights (and not,
// say, GET /users/{username}, where a 404 means the user does not exist).
// The administration port's replies never are.
func (e *ErrorResponse) isAdminAPI() bool {
	if e.backend != nil && e.backend.name != "api" {
		return false
	}
	if e.Response == nil || e.Response.Request == nil || e.Response.Request.URL == nil {
		return true
	}
	return isAdminAPIPath(e.Response.Request.URL.Path)
}

// isAdminAPIPath reports whether the URL path p is one of the REST API's
// site-administration endpoints.
func isAdminAPIPath(p string) bool {
	i := strings.Index(p, "/api/v3/")
	if i < 0 {
		return false
	}
	rest := strings.Split(strings.Trim(p[i+len("/api/v3/"):], "/"), "/")
	switch rest[0] {
	case "admin", "enterprise", "enterprises":
		return true
	case "users":
		return len(rest) >= 3 && (rest[2] == "site_admin" || rest[2] == "suspended")
	case "orgs":
		return len(rest) >= 3 && rest[2] == "pre-receive-hooks"
	case "repos":
		return len(rest) >= 4 && rest[3] == "pre-receive-hooks"
	}
	return false
}

func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("%d %s", code, t)
	}
	return fmt.Sprintf("%d", code)
}

// StatusCode returns the HTTP status of the reply, or 0.
func (e *ErrorResponse) StatusCode() int {
	if e.Response == nil {
		return 0
	}
	return e.Response.StatusCode
}

// Is matches ErrNotFound (404), ErrUnauthorized (401) and ErrForbidden (403).
func (e *ErrorResponse) Is(target error) bool {
	switch target {
	case ErrNotFound:
		return e.StatusCode() == http.StatusNotFound
	case ErrUnauthorized:
		return e.StatusCode() == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode() == http.StatusForbidden
	}
	return false
}

// A ValidationError is a 422 Unprocessable Entity: the request was
// understood but refused, for the reasons in Message and Errors.
type ValidationError struct {
	*ErrorResponse
}

// Unwrap returns the ErrorResponse.
func (e *ValidationError) Unwrap() error { return e.ErrorResponse }

// A RateLimitError is a reply refused because the primary rate limit is used
// up (X-RateLimit-Remaining: 0).
type RateLimitError struct {
	*ErrorResponse
	// Rate is the rate limit status; Rate.Reset says when it resets.
	Rate Rate
}

// Unwrap returns the ErrorResponse.
func (e *RateLimitError) Unwrap() error { return e.ErrorResponse }

// Is matches ErrRateLimited, and what ErrorResponse matches.
func (e *RateLimitError) Is(target error) bool {
	return target == ErrRateLimited || e.ErrorResponse.Is(target)
}

// A SecondaryRateLimitError is a reply refused by a secondary (abuse) rate
// limit: a 403 or 429 with a Retry-After header or a message that says so.
type SecondaryRateLimitError struct {
	*ErrorResponse
	// RetryAfter is how long the server asks to wait.
	RetryAfter time.Duration
}

// Unwrap returns the ErrorResponse.
func (e *SecondaryRateLimitError) Unwrap() error { return e.ErrorResponse }

// Is matches ErrRateLimited, and what ErrorResponse matches.
func (e *SecondaryRateLimitError) Is(target error) bool {
	return target == ErrRateLimited || e.ErrorResponse.Is(target)
}

// checkResponse turns a non-2xx reply into the matching error. It reads at
// most maxErrorBody bytes of the body and closes it.
func checkResponse(r *http.Response, req *http.Request) error {
	data, _ := io.ReadAll(io.LimitReader(r.Body, maxErrorBody))
	r.Body.Close()
	if r.Request == nil {
		r.Request = req
	}
	er := &ErrorResponse{Response: r}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '{' && json.Unmarshal(trimmed, er) == nil {
		er.Response = r
	} else {
		*er = ErrorResponse{Response: r, Message: excerpt(data)}
	}
	if r.StatusCode >= 300 && r.StatusCode < 400 {
		loc := r.Header.Get("Location")
		msg := "redirect not followed: it leads to another origin"
		if loc != "" {
			msg = "redirect to " + excerptString(loc, 200) + " not followed: it leads to another origin"
		}
		er.Message = msg
	}

	retryAfter, hasRetryAfter := parseRetryAfter(r.Header.Get("Retry-After"), time.Now())
	switch r.StatusCode {
	case http.StatusUnprocessableEntity:
		return &ValidationError{ErrorResponse: er}
	case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		er.retry = retryAdvice{kind: retryTransient, wait: retryAfter, hasWait: hasRetryAfter}
	case http.StatusForbidden, http.StatusTooManyRequests:
		rate := parseRate(r.Header)
		lower := strings.ToLower(er.Message)
		secondary := hasRetryAfter || strings.Contains(lower, "secondary rate limit") || strings.Contains(lower, "abuse")
		if r.Header.Get("X-RateLimit-Remaining") == "0" && !secondary {
			if !rate.Reset.IsZero() {
				// Wait for the reset, or as long as the server says.
				wait := time.Until(rate.Reset)
				if hasRetryAfter {
					wait = retryAfter
				}
				er.retry = retryAdvice{kind: retryAfterWait, wait: max(wait, 0)}
			}
			return &RateLimitError{ErrorResponse: er, Rate: rate}
		}
		if secondary || r.StatusCode == http.StatusTooManyRequests {
			if !hasRetryAfter {
				// GitHub asks to wait at least a minute when it
				// gives no Retry-After.
				retryAfter = time.Minute
			}
			er.retry = retryAdvice{kind: retryAfterWait, wait: retryAfter}
			return &SecondaryRateLimitError{ErrorResponse: er, RetryAfter: retryAfter}
		}
	}
	if se := scimErrorOf(er, trimmed); se != nil {
		return se
	}
	return er
}

// excerpt turns a non-JSON body into a short, printable message: an HTML
// page's <title>, or the first 200 characters with whitespace folded.
func excerpt(data []byte) string {
	// The title of a page, or its first words, are near its start.
	if len(data) > 64<<10 {
		data = data[:64<<10]
	}
	s := string(data)
	// asciiLower keeps every byte offset of s, so indexes into lower are
	// indexes into s (strings.ToLower would not, for invalid UTF-8).
	lower := asciiLower(s)
	if i := strings.Index(lower, "<title>"); i >= 0 {
		if j := strings.Index(lower[i:], "</title>"); j > 0 {
			if t := excerptString(s[i+len("<title>"):i+j], 200); t != "" {
				return t
			}
		}
	}
	return excerptString(s, 200)
}

// asciiLower lower-cases the ASCII letters of s and leaves every other byte
// as it is.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func excerptString(s string, n int) string {
	var sb strings.Builder
	space := false
	count := 0
	for _, r := range s {
		if r == utf8.RuneError || (!unicode.IsPrint(r) && !unicode.IsSpace(r)) {
			continue
		}
		if unicode.IsSpace(r) {
			space = sb.Len() > 0
			continue
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		if count == n {
			sb.WriteString("…")
			break
		}
		sb.WriteRune(r)
		count++
	}
	return sb.String()
}

// redactor removes a client's credentials (and their encoded forms) from
// text that a server sent, before it reaches an error or a Response. It is
// built once by NewClient and only read afterwards.
type redactor struct {
	secrets  []string
	replacer *strings.Replacer
}

const redacted = "[REDACTED]"

func newRedactor(creds ...*credentials) *redactor {
	var secrets []string
	add := func(s string) {
		if s == "" {
			return
		}
		for _, have := range secrets {
			if have == s {
				return
			}
		}
		secrets = append(secrets, s)
	}
	for _, c := range creds {
		if c == nil {
			continue
		}
		add(c.password)
		add(url.QueryEscape(c.password))
		add(url.PathEscape(c.password))
		if c.kind == credBasic {
			add(base64.StdEncoding.EncodeToString([]byte(c.user + ":" + c.password)))
		}
	}
	if len(secrets) == 0 {
		return nil
	}
	// The longest first, so that a secret containing another is replaced
	// whole.
	sort.Slice(secrets, func(i, j int) bool { return len(secrets[i]) > len(secrets[j]) })
	pairs := make([]string, 0, 2*len(secrets))
	for _, s := range secrets {
		pairs = append(pairs, s, redacted)
	}
	return &redactor{secrets: secrets, replacer: strings.NewReplacer(pairs...)}
}

// contains reports whether s holds a secret.
func (x *redactor) contains(s string) bool {
	if x == nil {
		return false
	}
	for _, sec := range x.secrets {
		if strings.Contains(s, sec) {
			return true
		}
	}
	return false
}

// carriedBy reports whether the URL link carries a secret: as its user
// name or password, or as the whole of a query value.
func (x *redactor) carriedBy(link string) bool {
	if !x.contains(link) {
		return false // the common case: no secret in the text at all
	}
	u, err := url.Parse(link)
	if err != nil {
		return x.contains(link)
	}
	var values []string
	if u.User != nil {
		p, _ := u.User.Password()
		values = append(values, u.User.Username(), p)
	}
	for _, vs := range u.Query() {
		values = append(values, vs...)
	}
	for _, v := range values {
		if v != "" && slices.Contains(x.secrets, v) {
			return true
		}
	}
	return false
}

// string returns s without the secrets (s itself when it has none).
func (x *redactor) string(s string) string {
	if !x.contains(s) {
		return s
	}
	return x.replacer.Replace(s)
}

// redactedError is an error whose message had a secret in it; Error()
// shows it redacted, errors.Is and errors.As still reach the error.
type redactedError struct {
	err error
	x   *redactor
}

func (e *redactedError) Error() string { return e.x.string(e.err.Error()) }
func (e *redactedError) Unwrap() error { return e.err }

// redactErr returns err, wrapped so that its message shows no credential of
// the client when it holds one, and bounded in length.
func (c *Client) redactErr(err error) error {
	if err == nil {
		return nil
	}
	var de *DecodeError
	if errors.As(err, &de) && de.Err != nil && c.redact.contains(de.Err.Error()) {
		de.Err = &redactedError{err: de.Err, x: c.redact}
		return err
	}
	msg := err.Error()
	if c.redact.contains(msg) {
		err = &redactedError{err: err, x: c.redact}
	}
	if len(msg) > maxErrorText {
		err = &boundedError{err: err}
	}
	return err
}

// redactErrorResponse removes the client's credentials from what the server
// put in an error reply: message, field errors, documentation URL, headers.
func (c *Client) redactErrorResponse(er *ErrorResponse) {
	x := c.redact
	if x == nil {
		return
	}
	er.Message = x.string(er.Message)
	er.DocumentationURL = x.string(er.DocumentationURL)
	for i := range er.Errors {
		f := &er.Errors[i]
		f.Resource, f.Field, f.Code, f.Message = x.string(f.Resource), x.string(f.Field), x.string(f.Code), x.string(f.Message)
	}
}

// redactResponse removes the client's credentials from the fields of resp
// that come from headers. A pagination link that carries one (as its
// userinfo or as a query value) is dropped rather than followed with a
// credential in its URL; a secret that merely occurs in the link's text (a
// password "hooks" in /admin/hooks) does not count.
func (c *Client) redactResponse(resp *Response) {
	x := c.redact
	if x == nil {
		return
	}
	if x.carriedBy(resp.NextURL) {
		resp.NextURL, resp.NextPage = "", 0
	}
	resp.RequestID = x.string(resp.RequestID)
	resp.EnterpriseVersion = x.string(resp.EnterpriseVersion)
}

// redactUnread removes the client's credentials from the values of the
// reply the SDK could not read (a server may echo them there too); the
// values stay JSON, with [REDACTED] in place of each secret.
func (c *Client) redactUnread(unread []UnreadValue) []UnreadValue {
	for i, u := range unread {
		if s := string(u.Value); c.redact.contains(s) {
			unread[i].Value = json.RawMessage(c.redact.string(s))
		}
	}
	return unread
}

// redactHeader removes the client's credentials from the values of h, in
// place (a server or proxy may echo them in a header).
func (c *Client) redactHeader(h http.Header) {
	x := c.redact
	if x == nil {
		return
	}
	// Values are replaced in place: the map itself is not written.
	for _, vs := range h {
		for i, v := range vs {
			if x.contains(v) {
				vs[i] = x.replacer.Replace(v)
			}
		}
	}
}
