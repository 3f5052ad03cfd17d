package ghesadmin

import (
	"context"
	"iter"
)

// fetch sends r and decodes the reply into a new T: the body of every method
// that returns a value. Replies are decoded leniently (decodeLenient).
func fetch[T any](ctx context.Context, c *Client, r *request) (*T, *Response, error) {
	v := new(T)
	resp, err := c.call(ctx, r, &lenientTarget{v})
	if err != nil {
		return nil, resp, err
	}
	return v, resp, nil
}

// fetchSlice sends r and decodes the reply, a JSON array, into a []T: the
// body of every method that returns a list as a slice.
func fetchSlice[T any](ctx context.Context, c *Client, r *request) ([]T, *Response, error) {
	var v []T
	resp, err := c.call(ctx, r, &lenientTarget{&v})
	if err != nil {
		return nil, resp, err
	}
	return v, resp, nil
}

// pageable is implemented by *ListOptions and, through embedding, by every
// …Options type of a paginated list.
type pageable interface {
	listOptions() *ListOptions
}

func (o *ListOptions) listOptions() *ListOptions { return o }

// iterate is the body of every …Iter method: it copies the caller's options
// (which are never modified), and walks the pages with paginate, calling
// list with a copy whose Page is set. list returns the items of one page
// (for a wrapped list, the wrapper's items).
func iterate[O any, PO interface {
	*O
	pageable
}, T any](ctx context.Context, c *Client, opts *O, list func(ctx context.Context, opts *O) ([]T, *Response, error)) iter.Seq2[T, error] {
	var o O
	if opts != nil {
		o = *opts
	}
	return paginate(ctx, c, PO(&o).listOptions().Page, func(ctx context.Context, page int) ([]T, *Response, error) {
		q := o
		if page > 0 {
			PO(&q).listOptions().Page = page
		}
		return list(ctx, &q)
	})
}
