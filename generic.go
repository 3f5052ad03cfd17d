package ghesadmin

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
)

// fetch sends r and decodes the reply into a new T: the body of every method
// that returns a value. Replies are decoded straight into T, and leniently
// (decodeLenient) when that fails (lenientTarget).
//
// A page of a paginated list that wraps its items ({"total_count": …,
// "runners": […]}) is refused with ErrTooManyItems when one of its arrays
// holds more than MaxPerPage elements, before any of them is built.
func fetch[T any](ctx context.Context, b *backend, r *request) (*T, *Response, error) {
	v := new(T)
	var out any = &lenientTarget{v: v}
	if _, ok := r.query.(pageable); ok {
		out = &wrappedOut{v: v, limit: MaxPerPage}
	}
	resp, err := b.call(ctx, r, out)
	if err != nil {
		return nil, resp, err
	}
	return v, resp, nil
}

// wrappedOut is the output of a page of a wrapped list: the elements of
// the arrays that are members of the page are counted as the body is read
// (readList), before the page is decoded into v.
type wrappedOut struct {
	v      any
	limit  int
	unread []UnreadValue
}

func (w *wrappedOut) itemLimit() int { return w.limit }

func (w *wrappedOut) unreadValues() []UnreadValue { return w.unread }

func (w *wrappedOut) decodeList(b []byte) (err error) {
	w.unread, err = decodeLenient(b, w.v)
	return err
}

// fetchSlice sends r and decodes the reply, a JSON array, into a []T: the
// body of every method that returns a list as a slice.
//
// The elements are counted as the body is read, and a reply with more
// elements than a page can hold (MaxPerPage for a paginated list,
// maxListItems for any other) is refused with ErrTooManyItems before any is
// built or the rest is read: decoding costs at most that many elements,
// however small each one is on the wire.
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

// listOut is the output of fetchSlice: a JSON array whose elements are
// counted as the body is read (readList, which builds nothing), refused
// beyond limit elements before any is built.
//
// The array is decoded in one json.Unmarshal straight into the typed slice;
// only when that reports a type error (a scalar of another JSON type than
// the field's) is it decoded again by decodeLenient, so the tolerant reader
// costs nothing on a reply that matches the documentation; the values it
// could not read are kept in unread (call puts them on
// Response.Unread).
type listOut[T any] struct {
	items  []T
	limit  int
	unread []UnreadValue
}

func (l *listOut[T]) itemLimit() int { return l.limit }

func (l *listOut[T]) unreadValues() []UnreadValue { return l.unread }

func (l *listOut[T]) decodeList(b []byte) error {
	l.items, l.unread = nil, nil    // a retried attempt starts over
	if b[0] != '[' && b[0] != 'n' { // not an array, not null
		return &json.UnmarshalTypeError{Value: string(b[:min(len(b), 16)]), Type: reflect.TypeOf(l.items)}
	}
	err := json.Unmarshal(b, &l.items)
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		l.items = nil
		l.unread, err = decodeLenient(b, &l.items)
	}
	return err
}

// pageable is implemented by *ListOptions and, through embedding, by every
// …Options type of a paginated list.
type pageable interface {
	listOptions() *ListOptions
}

func (o *ListOptions) listOptions() *ListOptions { return o }
