package ghesadmin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// fetch sends r and decodes the reply into a new T: the body of every method
// that returns a value. Replies are decoded leniently (decodeLenient).
//
// A page of a paginated list that wraps its items ({"total_count": …,
// "runners": […]}) is refused with ErrTooManyItems when one of its arrays
// holds more than MaxPerPage elements, before any of them is built.
func fetch[T any](ctx context.Context, b *backend, r *request) (*T, *Response, error) {
	v := new(T)
	var out any = &lenientTarget{v}
	if _, ok := r.query.(pageable); ok {
		out = &wrappedOut{v: v, limit: MaxPerPage}
	}
	resp, err := b.call(ctx, r, out)
	if err != nil {
		return nil, resp, err
	}
	return v, resp, nil
}

// wrappedOut is the output of a page of a wrapped list: its arrays are
// counted before the page is decoded into v.
type wrappedOut struct {
	v     any
	limit int
}

func (w *wrappedOut) decodeList(dec *json.Decoder) error {
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return err
	}
	if n := memberArrayCommas(raw); n >= w.limit {
		return fmt.Errorf("%w (more than %d)", ErrTooManyItems, w.limit)
	}
	return decodeLenient(raw, w.v)
}

// memberArrayCommas returns the largest number of commas between the
// elements of an array that is a member of the top-level object of raw
// (one less than its number of elements): a scan that builds nothing.
func memberArrayCommas(raw []byte) int {
	depth, n, most := 0, 0, 0
	inString, escaped, inArray := false, false, false
	for _, b := range raw {
		if inString {
			switch {
			case escaped:
				escaped = false
			case b == '\\':
				escaped = true
			case b == '"':
				inString = false
			}
			continue
		}
		switch b {
		case '"':
			inString = true
		case '{', '[':
			if depth == 1 && b == '[' {
				inArray, n = true, 0
			}
			depth++
		case '}', ']':
			depth--
			if depth == 1 && inArray {
				inArray, most = false, max(most, n)
			}
		case ',':
			if depth == 2 && inArray {
				n++
			}
		}
	}
	return max(most, n)
}

// fetchSlice sends r and decodes the reply, a JSON array, into a []T: the
// body of every method that returns a list as a slice.
//
// The array is decoded one element at a time, and a reply with more
// elements than a page can hold (MaxPerPage for a paginated list,
// maxListItems for any other) is refused with ErrTooManyItems before more
// are built: decoding costs at most that many elements, however small each
// one is on the wire.
func fetchSlice[T any](ctx context.Context, b *backend, r *request) ([]T, *Response, error) {
	out := listOut[T]{limit: maxListItems}
	if _, ok := r.query.(pageable); ok {
		out.limit = MaxPerPage
	}
	resp, err := b.call(ctx, r, &out)
	if err != nil {
		return nil, resp, err
	}
	return out.items, resp, nil
}

// maxListItems bounds the elements of a list reply that is not paginated.
const maxListItems = 10000

// ErrTooManyItems is wrapped by the *DecodeError of a list reply with more
// elements than the SDK accepts: more than MaxPerPage on one page of a
// paginated list, more than 10,000 in any other list.
var ErrTooManyItems = errors.New("ghesadmin: the list reply has more items than the SDK accepts")

// listOut is the output of fetchSlice: a JSON array decoded one element at
// a time, refused beyond limit elements.
type listOut[T any] struct {
	items []T
	limit int
}

func (l *listOut[T]) decodeList(dec *json.Decoder) error {
	l.items = nil // a retried attempt starts over
	tok, err := dec.Token()
	if err != nil {
		return err // io.EOF: an empty body, an empty list
	}
	if tok == nil {
		return nil // null
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return &json.UnmarshalTypeError{Value: fmt.Sprintf("%v", tok), Type: reflect.TypeOf(l.items)}
	}
	for dec.More() {
		if len(l.items) == l.limit {
			return fmt.Errorf("%w (more than %d)", ErrTooManyItems, l.limit)
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		var zero T
		l.items = append(l.items, zero)
		if err := decodeLenient(raw, &l.items[len(l.items)-1]); err != nil {
			return err
		}
	}
	_, err = dec.Token() // the closing ']'
	return err
}

// pageable is implemented by *ListOptions and, through embedding, by every
// …Options type of a paginated list.
type pageable interface {
	listOptions() *ListOptions
}

func (o *ListOptions) listOptions() *ListOptions { return o }
