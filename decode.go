package ghesadmin

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

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

// openBody is the output of a call whose 2xx body the caller reads itself
// (it closes resp.Body): the body is handed over open, unread.
type openBody struct {
	resp *http.Response
}

// listDecoder is implemented by the outputs of lists (fetchSlice, and fetch
// of a page of a wrapped list). decodeBody reads their body with readList,
// which counts the elements as it reads and refuses more than itemLimit
// before any is built, and hands decodeList the JSON value read (never
// empty), to be decoded in one pass.
type listDecoder interface {
	itemLimit() int
	decodeList(b []byte) error
}

// maxListBuffer bounds the buffer allocated up front from a Content-Length:
// a longer body grows it as it is read.
const maxListBuffer = 1 << 20

// bodyBuffer returns an empty buffer for the body of br: sized from the
// Content-Length when the server sent one (a single allocation for the
// whole body, at most maxListBuffer up front), 512 bytes otherwise.
func bodyBuffer(br *bodyReader, contentLength int64) []byte {
	size := int64(512)
	if contentLength >= 0 {
		size = min(contentLength+1, maxListBuffer, br.n) // +1: room for the read that reports io.EOF
	}
	return make([]byte, 0, max(size, 1))
}

// readMore reads once from br into the spare capacity of b, doubling b when
// it is full. (append alone grows a slice of more than 256 bytes by a
// quarter to a half at a time: a body of unknown length, chunked or
// compressed, was then copied some fifteen times on its way to 100 KiB, and
// about five times its size allocated.)
func readMore(br *bodyReader, b []byte) ([]byte, error) {
	if len(b) == cap(b) {
		b = append(make([]byte, 0, 2*cap(b)), b...)
	}
	n, err := br.Read(b[len(b):cap(b)])
	return b[:len(b)+n], err
}

// jsonStart reports whether c can start a JSON value: a body that starts
// with anything else (an HTML page, binary garbage) is not read further.
func jsonStart(c byte) bool {
	switch c {
	case '{', '[', '"', '-', 't', 'f', 'n', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return true
	}
	return false
}

// readValue reads the body of br into one buffer (bodyBuffer), stopping at
// once when its first byte other than white space cannot start a JSON value.
func readValue(br *bodyReader, contentLength int64) ([]byte, error) {
	b := bodyBuffer(br, contentLength)
	checked := false
	for {
		from := len(b)
		var err error
		b, err = readMore(br, b)
		if !checked {
			for _, c := range b[from:] {
				if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
					continue
				}
				if !jsonStart(c) {
					return b, nil
				}
				checked = true
				break
			}
		}
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// readList reads the first JSON value of br into one buffer (bodyBuffer),
// counting with listScan the elements of the top-level array, or of the
// arrays that are members of the top-level object, as the bytes arrive: a
// value with more than limit elements is refused with ErrTooManyItems as
// soon as the one over the limit starts, without reading the rest. Bytes
// after the value are left unread (as a streaming decoder leaves them); a
// body of white space only returns io.EOF.
func readList(br *bodyReader, contentLength int64, limit int) ([]byte, error) {
	b := bodyBuffer(br, contentLength)
	s := listScan{start: -1}
	for {
		from := len(b)
		var err error
		b, err = readMore(br, b)
		done := s.feed(b, from)
		if s.items() > limit {
			return nil, fmt.Errorf("%w (more than %d)", ErrTooManyItems, limit)
		}
		switch {
		case done:
			return b[s.start:s.end], nil
		case err == io.EOF && s.start < 0:
			return nil, io.EOF
		case err == io.EOF:
			return b[s.start:], nil // a scalar, or a value cut short: json.Unmarshal says which
		case err != nil:
			return nil, err
		}
	}
}

// listScan follows the structure of a JSON value as its bytes arrive,
// building nothing: where it starts and ends, and how many elements the
// top-level array, or the largest array that is a member of the top-level
// object, holds.
type listScan struct {
	start, end int // offsets of the value in the body; start -1 and end 0 until known
	depth      int
	counting   int  // the depth inside the array being counted, 0 when none
	pending    bool // the next value at depth counting starts a new element
	n, most    int  // elements of the array being counted, most of those done
	inString   bool
	topObject  bool
}

// items returns the most elements seen in one counted array so far.
func (s *listScan) items() int { return max(s.most, s.n) }

// feed scans b[from:] (b holds the body read so far) and reports whether
// the value ended, at s.end. A value that is a scalar other than a string
// only ends with the body.
func (s *listScan) feed(b []byte, from int) bool {
	for i := from; i < len(b); i++ {
		if s.inString {
			// Jump to the next quote; it ends the string unless an odd
			// number of backslashes precedes it (the opening quote stops
			// the count, b holds the whole string).
			j := bytes.IndexByte(b[i:], '"')
			if j < 0 {
				return false
			}
			i += j
			k := i - 1
			for b[k] == '\\' {
				k--
			}
			if (i-1-k)%2 == 1 {
				continue // an escaped quote
			}
			s.inString = false
			if s.depth == 0 {
				s.end = i + 1
				return true
			}
			continue
		}
		c := b[i]
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		}
		if s.start < 0 {
			s.start = i
			s.topObject = c == '{'
			if !jsonStart(c) { // not JSON: json.Unmarshal says so
				s.end = i + 1
				return true
			}
		}
		if s.pending && s.depth == s.counting && c != ']' {
			s.n, s.pending = s.n+1, false
		}
		switch c {
		case '"':
			s.inString = true
		case '{', '[':
			if c == '[' && (s.depth == 0 || (s.depth == 1 && s.topObject)) {
				s.counting, s.pending, s.n = s.depth+1, true, 0
			}
			s.depth++
		case '}', ']':
			if s.depth == s.counting {
				s.most, s.n, s.counting, s.pending = max(s.most, s.n), 0, 0, false
			}
			s.depth--
			if s.depth <= 0 {
				s.end = i + 1
				return true
			}
		case ',':
			if s.depth == s.counting {
				s.pending = true
			}
		}
	}
	return false
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
	switch t := v.(type) {
	case listDecoder:
		var b []byte
		b, err = readList(br, hresp.ContentLength, t.itemLimit())
		if err == nil && br.n > 0 {
			err = t.decodeList(b)
		}
	case *lenientTarget:
		var b []byte
		b, err = readValue(br, hresp.ContentLength)
		if err == nil && br.n > 0 {
			err = t.decodeBuffered(b)
		}
	default:
		err = json.NewDecoder(br).Decode(v)
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
