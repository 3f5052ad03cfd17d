package ghesadmin

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"strconv"
)

// ListCursorOptions are the query parameters of the lists that GHES pages
// with `before`/`after` cursors (the enterprise's alert lists, code
// security configurations). The cursors come from the Link header of a
// reply (Response.NextURL and friends); the zero value starts at the
// beginning with the server's page size.
type ListCursorOptions struct {
	// Before lists the items before this cursor.
	Before string `url:"before,omitempty"`
	// After lists the items after this cursor.
	After string `url:"after,omitempty"`
	// PerPage is the number of items per page, at most 100.
	PerPage int `url:"per_page,omitempty"`
}

func (o ListCursorOptions) validate() error { return o.check("ListCursorOptions") }

// check refuses a page size out of range and both cursors at once, naming
// the method (or the type) that received them.
func (o ListCursorOptions) check(method string) error {
	if o.PerPage < 0 || o.PerPage > MaxPerPage {
		return fmt.Errorf("%w: %s: PerPage is %d; it must be between 1 and %d (0 for the default)", ErrInvalidArgument, method, o.PerPage, MaxPerPage)
	}
	if o.Before != "" && o.After != "" {
		return fmt.Errorf("%w: %s: Before and After are both set; give one", ErrInvalidArgument, method)
	}
	return nil
}

func (o *ListCursorOptions) cursorOptions() *ListCursorOptions { return o }

// cursorable is implemented by *ListCursorOptions and, through embedding,
// by every …Options type of a cursor-paged list.
type cursorable interface {
	cursorOptions() *ListCursorOptions
}

// pageSetter is implemented by the options of the lists that accept a page
// number beside the cursors; the walk follows a next link that carries a
// page number with it.
type pageSetter interface {
	setPage(int)
}

// iterateCursor is the body of the …Iter methods over cursor-paged lists.
// It copies opts (never modified), calls list, yields the items, and
// follows the next link of each reply: its `after` or `before` cursor, or
// its `page` number for the lists that have one, until a reply has no next
// link. A next link with none of them ends the walk with an error, one
// that repeats a position already read with ErrPaginationLoop; the
// context's end stops it too.
func iterateCursor[O any, PO interface {
	*O
	cursorable
}, T any](ctx context.Context, opts *O, list func(context.Context, *O) ([]T, *Response, error)) iter.Seq2[T, error] {
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
			key, err := followNext(PO(&q), resp.NextURL)
			if err != nil {
				yield(zero, err)
				return
			}
			if seen[key] {
				yield(zero, fmt.Errorf("%w (%s)", ErrPaginationLoop, key))
				return
			}
			seen[key] = true
		}
	}
}

// followNext sets the position of the next link on q and returns it as a
// key for loop detection.
func followNext(q cursorable, next string) (string, error) {
	u, err := url.Parse(next)
	if err != nil {
		return "", fmt.Errorf("ghesadmin: the next link %q is not a URL: %w", next, err)
	}
	v := u.Query()
	c := q.cursorOptions()
	switch {
	case v.Get("after") != "":
		c.After, c.Before = v.Get("after"), ""
		return "after=" + c.After, nil
	case v.Get("before") != "":
		c.Before, c.After = v.Get("before"), ""
		return "before=" + c.Before, nil
	}
	if ps, ok := q.(pageSetter); ok && v.Get("page") != "" {
		p, err := strconv.Atoi(v.Get("page"))
		if err != nil || p < 1 {
			return "", fmt.Errorf("ghesadmin: the next link %q has no valid page number", next)
		}
		ps.setPage(p)
		return "page=" + strconv.Itoa(p), nil
	}
	return "", fmt.Errorf("ghesadmin: the next link %q has no before, after or page to follow", next)
}
