package ghesadmin

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"strconv"
)

// nextLink is the query of a reply's Link `next` URL.
type nextLink struct{ q url.Values }

// get returns the query value name ("" when absent).
func (n nextLink) get(name string) string { return n.q.Get(name) }

// int returns the query value name as a number (0 when absent or not one).
func (n nextLink) int(name string) int {
	v, err := strconv.Atoi(n.q.Get(name))
	if err != nil || v < 0 {
		return 0
	}
	return v
}

// iterateNext is the body of an …Iter method over a list paged by the
// reply's `next` link, whatever its cursor (`after`/`before` strings, a page
// number): it copies opts (never modified), calls list, yields the items,
// then lets apply copy the next link's cursor into the options and asks
// again, until a reply has no next link or no items. A next link that is
// not a URL ends the walk with an error, and one that repeats a link
// already followed with ErrPaginationLoop; the context's end stops it too.
func iterateNext[O any, T any](ctx context.Context, opts *O, list func(context.Context, *O) ([]T, *Response, error), apply func(*O, nextLink)) iter.Seq2[T, error] {
	var o O
	if opts != nil {
		o = *opts
	}
	return func(yield func(T, error) bool) {
		var zero T
		q := o
		seen := map[string]bool{}
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
			u, err := url.Parse(resp.NextURL)
			if err != nil {
				yield(zero, fmt.Errorf("ghesadmin: the next link is not a URL: %w", err))
				return
			}
			key := u.RawQuery
			if seen[key] {
				yield(zero, fmt.Errorf("%w (next link query %q)", ErrPaginationLoop, boundText(key, 200)))
				return
			}
			seen[key] = true
			apply(&q, nextLink{q: u.Query()})
		}
	}
}
