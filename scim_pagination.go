package ghesadmin

import (
	"context"
	"fmt"
	"iter"
)

// iterateSCIM walks a SCIM list (RFC 7644 §3.4.2.4) from the 1-based index
// start (0: 1): list returns the resources of the page that starts at an
// index and the reply's totalResults; the next page starts after the last
// resource received. The walk ends with a page that is empty or reaches
// totalResults, with the first error, or when the context ends. A page
// whose totalResults grows past what can be walked does not loop: the
// index only moves forward.
func iterateSCIM[T any](ctx context.Context, start int, list func(ctx context.Context, start int) ([]T, int, error)) iter.Seq2[T, error] {
	if start < 1 {
		start = 1
	}
	return func(yield func(T, error) bool) {
		var zero T
		next := start
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			items, total, err := list(ctx, next)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if len(items) == 0 || next+len(items) > total {
				return
			}
			if next+len(items) <= next {
				yield(zero, fmt.Errorf("%w (startIndex=%d)", ErrPaginationLoop, next))
				return
			}
			next += len(items)
		}
	}
}
