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
	return checkPerPage("ListSinceOptions", o.PerPage)
}

// iterateSince is the body of every …Iter method over a `since`-cursor
// list: it copies opts (never modified) and walks the pages with paginate,
// asking each time with the `since` value of the reply's next link, until a
// reply has no next link or no items. A next link without a numeric
// `since`, or one whose cursor does not move forward (ErrPaginationLoop),
// ends the walk with an error.
func iterateSince[T any](ctx context.Context, opts *ListSinceOptions, list func(context.Context, *ListSinceOptions) ([]T, *Response, error)) iter.Seq2[T, error] {
	var o ListSinceOptions
	if opts != nil {
		o = *opts
	}
	return paginate(ctx, 0, walkSince, o.Since, func(ctx context.Context, since int64) ([]T, *Response, error) {
		q := o
		q.Since = since
		return list(ctx, &q)
	})
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
