package ghesadmin

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

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

// openBody is the output of a call whose 2xx body the caller reads itself
// (it closes resp.Body): the body is handed over open, unread.
type openBody struct {
	resp *http.Response
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
	if t, ok := v.(*openBody); ok {
		// The caller reads (and closes) the body itself: a streamed
		// download such as a report's CSV rows.
		t.resp = hresp
		return false, nil
	}
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
