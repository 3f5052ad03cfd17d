package ghesadmin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"
)

// call is the single request path of the service methods: it builds r for
// backend b, sends it with retries (send), and decodes a 2xx body into out
// (a pointer, an io.Writer, or nil to discard), or with r.decode.
//
// A call whose operation the server's known release lacks is refused before
// anything is built or sent (version.go); every reply teaches the client the
// release it names.
func (b *backend) call(ctx context.Context, r *request, out any) (*Response, error) {
	c := b.client
	if err := c.checkRequest(r); err != nil {
		return nil, err
	}
	req, err := b.newRequest(ctx, r)
	if err != nil {
		return nil, err
	}
	if r.decode == nil {
		resp, err := c.send(ctx, req, out, b)
		c.learnFrom(resp)
		if u, ok := out.(unreader); ok && err == nil {
			resp.Unread = c.redactUnread(u.unreadValues())
		}
		return resp, err
	}
	var raw json.RawMessage
	resp, err := c.send(ctx, req, &raw, b)
	c.learnFrom(resp)
	if err == nil {
		unread, derr := r.decode(resp.StatusCode, raw)
		if derr != nil {
			err = c.redactErr(&DecodeError{Method: r.method, Path: "/" + r.path, Status: resp.StatusCode, Err: derr})
		} else {
			resp.Unread = c.redactUnread(unread)
		}
	}
	return resp, err
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
	// send owns the request it is given: the caller's stays unmodified.
	resp, err := c.send(ctx, req.Clone(ctx), v, b)
	c.learnFrom(resp)
	return resp, err
}

// send sends req, which it owns, to backend b (nil: another origin, no
// credentials) with retries. The first attempt sends req itself, each
// retry a copy with its body rewound; every attempt carries b's
// credentials, removed again once the reply is read.
//
// A 2xx body is decoded inside the retry loop: a body cut short by the
// connection (a read error other than a clean end) on a retryable request
// is retried like a transport error, unless part of it was already copied
// to the caller's io.Writer.
func (c *Client) send(ctx context.Context, req *http.Request, v any, b *backend) (*Response, error) {
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
	// fail names the call in an error.
	fail := func(err error) error { return fmt.Errorf("ghesadmin: %s %s: %w", req.Method, req.URL.Path, err) }
	// waitFailed is the error of a retry wait that the context ended: both
	// errors stay reachable (errors.Is, errors.As).
	waitFailed := func(werr, err error) error {
		return fmt.Errorf("ghesadmin: %s %s: %w (while waiting to retry after: %w)", req.Method, req.URL.Path, werr, err)
	}
	// A call whose context has already ended sends nothing, and says which
	// call it was.
	if err := ctx.Err(); err != nil {
		return nil, fail(err)
	}

	for attempt := 1; ; attempt++ {
		areq := req
		if attempt > 1 {
			areq = req.Clone(ctx)
			if req.GetBody != nil {
				body, err := req.GetBody()
				if err != nil {
					return nil, fmt.Errorf("ghesadmin: %s %s: rewinding the body: %w", req.Method, req.URL.Path, err)
				}
				areq.Body = body
			}
		}
		if b != nil && b.creds != nil {
			areq.Header.Set("Authorization", b.creds.header)
		}

		var start time.Time // for the debug log only
		if c.debugLog(ctx) {
			start = time.Now()
		}
		hresp, err := hc.Do(areq)
		last := attempt >= policy.MaxAttempts
		if err != nil {
			scrubCredentials(areq, nil)
			err = c.redactErr(unwrapURLError(err))
			c.logAttempt(ctx, req, attempt, 0, start, "", err)
			if ctxErr := ctx.Err(); ctxErr != nil {
				return nil, fail(ctxErr)
			}
			if b != nil && b.guessed {
				err = fmt.Errorf("ghesadmin: %s %s: %w%s", req.Method, req.URL.Path, err, b.guessHint())
			} else {
				err = fail(err)
			}
			if !retryable || last {
				return nil, err
			}
			if werr := sleep(ctx, policy.backoff(attempt)); werr != nil {
				return nil, waitFailed(werr, err)
			}
			continue
		}

		// The headers are read as the server sent them (a short secret
		// must not turn rel="next" or a Retry-After into something else);
		// what the caller can see of them is redacted: the Response's
		// fields here, the headers themselves in scrubResponse.
		resp := newResponse(hresp)
		c.redactResponse(resp)
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
				return resp, waitFailed(werr, err)
			}
			continue
		}

		rerr := checkResponse(hresp, req)
		c.scrubResponse(areq, hresp)
		var er *ErrorResponse
		if !errors.As(rerr, &er) {
			return resp, rerr // checkResponse always wraps an ErrorResponse
		}
		c.redactErrorResponse(er)
		er.backend = b
		er.hint = b.hint(hresp.StatusCode)
		if retryable && !last {
			if wait, ok := retryWait(policy, attempt, er.retry); ok {
				if werr := sleep(ctx, wait); werr != nil {
					return resp, waitFailed(werr, rerr)
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
	c.redactHeader(hresp.Header)
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

func isIdempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// debugLog reports whether the client logs its requests (WithLogger, at the
// debug level).
func (c *Client) debugLog(ctx context.Context) bool {
	return c.logger != nil && c.logger.Enabled(ctx, slog.LevelDebug)
}

func (c *Client) logAttempt(ctx context.Context, req *http.Request, attempt, status int, start time.Time, requestID string, err error) {
	if !c.debugLog(ctx) {
		return
	}
	var d time.Duration
	if !start.IsZero() { // a logger enabled after the request was sent has no start
		d = time.Since(start)
	}
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
