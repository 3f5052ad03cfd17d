package ghesadmin

import (
	"context"
	"fmt"
	"iter"
)

// iterateAfter walks a list paged by an opaque `after` cursor that each
// reply names (a next_cursor member or the after of the Link next URL):
// list returns the items of the page at a cursor and the next cursor, ""
// at the end. A cursor seen before ends the walk with ErrPaginationLoop;
// the context's end stops it too.
func iterateAfter[T any](ctx context.Context, after string, list func(ctx context.Context, after string) ([]T, string, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		seen := map[string]bool{after: true}
		cur := after
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			items, next, err := list(ctx, cur)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if next == "" || len(items) == 0 {
				return
			}
			if seen[next] {
				yield(zero, fmt.Errorf("%w (after=%q repeats)", ErrPaginationLoop, next))
				return
			}
			seen[next] = true
			cur = next
		}
	}
}
