package ghesadmin

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"strconv"
)

// ListSinceOptions are the query parameters of the lists that GHES pages
// with a `since` cursor instead of page numbers (GET /users,
// GET /organizations). The zero value starts at the beginning with the
// server's page size.
type ListSinceOptions struct {
	// Since lists only the accounts whose ID is greater than this one.
	Since int64 `url:"since,omitempty"`
	// PerPage is the number of items per page, at most 100.
	PerPage int `url:"per_page,omitempty"`
}

func (o ListSinceOptions) validate() error {
	if o.Since < 0 {
		return fmt.Errorf("%w: ListSinceOptions.Since is %d; it must not be negative", ErrInvalidArgument, o.Since)
	}
	if o.PerPage < 0 || o.PerPage > MaxPerPage {
		return fmt.Errorf("%w: ListSinceOptions.PerPage is %d; it must be between 1 and %d (0 for the default)", ErrInvalidArgument, o.PerPage, MaxPerPage)
	}
	return nil
}

// iterateSince is the body of every …Iter method over a `since`-cursor
// list. It copies opts (never modified), calls list, yields the items, and
// asks again with the `since` value of the reply's Link `next` URL until a
// reply has no next link. A next link without a numeric `since`, or one
// whose cursor does not move forward, ends the walk with an error
// (ErrPaginationLoop for the latter); the context's end stops it too.
func iterateSince[T any](ctx context.Context, opts *ListSinceOptions, list func(context.Context, *ListSinceOptions) ([]T, *Response, error)) iter.Seq2[T, error] {
	var o ListSinceOptions
	if opts != nil {
		o = *opts
	}
	return func(yield func(T, error) bool) {
		var zero T
		q := o
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			items, resp, err := list(ctx, &q)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if resp == nil || resp.NextURL == "" || len(items) == 0 {
				return
			}
			next, err := sinceOf(resp.NextURL)
			if err != nil {
				yield(zero, err)
				return
			}
			if next <= q.Since {
				yield(zero, fmt.Errorf("%w (since=%d after since=%d)", ErrPaginationLoop, next, q.Since))
				return
			}
			q.Since = next
		}
	}
}

// sinceOf reads the `since` cursor of a next link.
func sinceOf(next string) (int64, error) {
	u, err := url.Parse(next)
	if err != nil {
		return 0, fmt.Errorf("ghesadmin: the next link %q is not a URL: %w", next, err)
	}
	v, err := strconv.ParseInt(u.Query().Get("since"), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("ghesadmin: the next link %q has no numeric since cursor: %w", next, err)
	}
	return v, nil
}
