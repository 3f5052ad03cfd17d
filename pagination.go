package ghesadmin

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/url"
	"strconv"
	"sync"
)

// ListOptions selects a page of a paginated list. The zero value asks for
// the server's defaults (page 1, 30 items).
type ListOptions struct {
	// Page is the page to fetch, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the number of items per page, at most 100.
	PerPage int `url:"per_page,omitempty"`
}

// MaxPerPage is the largest page size GHES serves.
const MaxPerPage = 100

func (o ListOptions) validate() error {
	if o.Page < 0 {
		return fmt.Errorf("%w: ListOptions.Page is %d; pages start at 1", ErrInvalidArgument, o.Page)
	}
	return checkPerPage("ListOptions", o.PerPage)
}

// checkPerPage refuses a page size outside 0..MaxPerPage in the options
// type named typ.
func checkPerPage(typ string, perPage int) error {
	if perPage < 0 || perPage > MaxPerPage {
		return fmt.Errorf("%w: %s.PerPage is %d; it must be between 1 and %d (0 for the default)", ErrInvalidArgument, typ, perPage, MaxPerPage)
	}
	return nil
}

// ErrPaginationLoop is returned by an iterator when the server's next link
// points to a page the iterator has already read.
var ErrPaginationLoop = errors.New("ghesadmin: the next link repeats a page already read")

// A position is where a page of a list starts, as the list's options read
// it: the query parameter that picks the page (page, since, after, before,
// startIndex, last_request_id) and its value. Two pages at the same
// position are the same page.
type position struct{ name, value string }

// pageAt is the position of page number n.
func pageAt(n int) position { return position{"page", strconv.Itoa(n)} }

// pageNumber returns the page number of a page-numbered position.
func (p position) pageNumber() (int, bool) {
	if p.name != "page" {
		return 0, false
	}
	n, err := strconv.Atoi(p.value)
	return n, err == nil
}

// seeker is implemented by the options of every paged list (by *ListOptions
// and, through embedding, by the …Options types that embed it; cursor.go
// has the others): start returns the position of the first page the walk
// reads (setting on the options what every request of the walk must send),
// and seek moves the options to the position that q names, the query of a
// next link or the cursor a reply's body announces, and returns it.
type seeker interface {
	start() position
	seek(q url.Values) (position, error)
}

func (o *ListOptions) start() position { return pageAt(max(o.Page, 1)) }

func (o *ListOptions) seek(q url.Values) (position, error) {
	n, ok := numberIn(q, "page", 1)
	if !ok {
		return position{}, errors.New("it has no page number")
	}
	o.Page = n
	o.PerPage = perPageIn(q, o.PerPage)
	return pageAt(n), nil
}

// numberIn reads the query value name as a number of at least least.
func numberIn(q url.Values, name string, least int) (int, bool) {
	n, err := strconv.Atoi(q.Get(name))
	return n, err == nil && n >= least
}

// perPageIn is the page size a next link names, or cur when it names none
// the SDK would send.
func perPageIn(q url.Values, cur int) int {
	if n, ok := numberIn(q, "per_page", 1); ok && n <= MaxPerPage {
		return n
	}
	return cur
}

// A listPage is one reply of a list: its items, the reply, and what it
// announces of the next page: the next link (link), or for the lists whose
// replies carry their cursor in the body, the query that cursor stands for
// (next). Neither: the list ends here.
type listPage[T any] struct {
	items []T
	resp  *Response
	link  string
	next  url.Values
}

// linked turns the method that returns one page of a list paged by its
// Link header into the page function of paginate.
func linked[O, T any](list func(context.Context, *O) ([]T, *Response, error)) func(context.Context, *O) (listPage[T], error) {
	return func(ctx context.Context, o *O) (listPage[T], error) {
		items, resp, err := list(ctx, o)
		p := listPage[T]{items: items, resp: resp}
		if resp != nil {
			p.link = resp.NextURL
		}
		return p, err
	}
}

// linkedItems is linked for a list whose pages wrap their items
// ({"total_count": …, "runners": […]}): items reads them from a page.
func linkedItems[O, W, T any](list func(context.Context, *O) (*W, *Response, error), items func(*W) []T) func(context.Context, *O) (listPage[T], error) {
	return linked(func(ctx context.Context, o *O) ([]T, *Response, error) {
		w, resp, err := list(ctx, o)
		if err != nil {
			return nil, resp, err
		}
		return items(w), resp, nil
	})
}

// cursored turns the method that returns one page of a list whose replies
// name the next page in their body (a cursor, a start index) into the page
// function of paginate: page reads a reply's items and the query of the
// next page (nil: none), given the options that asked for it.
func cursored[O, W, T any](list func(context.Context, *O) (*W, *Response, error), page func(*O, *W) ([]T, url.Values)) func(context.Context, *O) (listPage[T], error) {
	return func(ctx context.Context, o *O) (listPage[T], error) {
		w, resp, err := list(ctx, o)
		if err != nil {
			return listPage[T]{resp: resp}, err
		}
		items, next := page(o, w)
		return listPage[T]{items: items, resp: resp, next: next}, nil
	}
}

// bind, bind2 and bind3 give a list method its path arguments, leaving
// the options: the list function of linked, linkedItems or cursored.
func bind[A, O, R any](list func(context.Context, A, *O) (R, *Response, error), a A) func(context.Context, *O) (R, *Response, error) {
	return func(ctx context.Context, o *O) (R, *Response, error) { return list(ctx, a, o) }
}

func bind2[A, B, O, R any](list func(context.Context, A, B, *O) (R, *Response, error), a A, b B) func(context.Context, *O) (R, *Response, error) {
	return func(ctx context.Context, o *O) (R, *Response, error) { return list(ctx, a, b, o) }
}

func bind3[A, B, C, O, R any](list func(context.Context, A, B, C, *O) (R, *Response, error), a A, b B, c C) func(context.Context, *O) (R, *Response, error) {
	return func(ctx context.Context, o *O) (R, *Response, error) { return list(ctx, a, b, c, o) }
}

// announced returns the query of the next page p announces; nil: none.
func (p *listPage[T]) announced() (url.Values, error) {
	if p.link == "" {
		return p.next, nil
	}
	u, err := url.Parse(p.link)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // *url.Error repeats the whole link
		}
		return nil, fmt.Errorf("ghesadmin: the next link %q is not a URL: %w", boundText(p.link, 200), err)
	}
	return u.Query(), nil
}

// follow moves o to the position p announces, and marks it read. end says
// p announces none: no next link or cursor, or no items (a list that
// announces more after an empty page is not followed). A position already
// read is ErrPaginationLoop.
func follow[T any](o seeker, p *listPage[T], seen map[position]bool) (pos position, end bool, err error) {
	q, err := p.announced()
	if err != nil || q == nil || len(p.items) == 0 {
		return pos, err == nil, err
	}
	pos, err = o.seek(q)
	switch {
	case errors.Is(err, ErrPaginationLoop):
	case err != nil && p.link != "":
		err = fmt.Errorf("ghesadmin: the next link %q cannot be followed: %w", boundText(p.link, 200), err)
	case err != nil:
		err = fmt.Errorf("ghesadmin: the reply's next cursor cannot be followed: %w", err)
	case seen[pos]:
		err = fmt.Errorf("%w (%s=%s)", ErrPaginationLoop, pos.name, boundText(pos.value, 200))
	}
	seen[pos] = true
	return pos, false, err
}

// paginate is the one pagination engine behind every …Iter method. It
// copies opts (the caller's options are never modified) and walks the
// pages lazily from the position they name: list returns the page its
// options ask for, and each page announces the position of the next one,
// by its next link (page, since, after, before…) or by a cursor in its
// body (next_cursor, startIndex); the options' seek reads it. The walk
// stops when the consumer stops, at a page that announces nothing or has
// no items, at the first error (a context that has ended fails the next
// request with an error that names it and wraps ctx's error), or with
// ErrPaginationLoop at a position already read.
//
// With WithPagePrefetch(n) on b's client, once a reply announces a
// numbered next page and a last page beyond it, up to n pages are fetched
// ahead concurrently and their items still yielded in order (see
// prefetchPages). No goroutine outlives the iteration.
func paginate[O any, PO interface {
	*O
	seeker
}, T any](ctx context.Context, b *backend, opts *O, list func(context.Context, *O) (listPage[T], error)) iter.Seq2[T, error] {
	var o O
	if opts != nil {
		o = *opts
	}
	prefetch := b.client.prefetch
	return func(yield func(T, error) bool) {
		var zero T
		q := o
		seen := map[position]bool{PO(&q).start(): true}
		for {
			p, err := list(ctx, &q)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, it := range p.items {
				if !yield(it, nil) {
					return
				}
			}
			// Follow what p announces; after a prefetch run, p is the
			// last page it read.
			for {
				pos, end, err := follow(PO(&q), &p, seen)
				if err != nil {
					yield(zero, err)
					return
				}
				if end {
					return
				}
				n, numbered := pos.pageNumber()
				if prefetch == 0 || !numbered || p.resp == nil || p.resp.LastPage <= n {
					break
				}
				base := q
				r := prefetchPages(ctx, prefetch, n, p.resp.LastPage, seen, func(ctx context.Context, k int) (listPage[T], error) {
					c := base
					if _, err := PO(&c).seek(url.Values{"page": {strconv.Itoa(k)}}); err != nil {
						return listPage[T]{}, err
					}
					return list(ctx, &c)
				}, yield)
				if r.stop {
					return
				}
				p = r.last
			}
		}
	}
}

type pageResult[T any] struct {
	p   listPage[T]
	err error
}

// prefetched is how a prefetch run ended.
type prefetched[T any] struct {
	last listPage[T] // the last page read, whose announcement the walk follows
	stop bool        // the iteration must stop (error yielded, or consumer done)
}

// prefetchPages fetches pages from from onwards with up to n requests in
// flight and yields their items in page order, marking each yielded page in
// seen. The window never goes past the last page announced by the latest
// page read in order (the first reply's last link is only a promise), and
// it ends at the first page whose next link does not name the page after
// it, or that has no items: the pages launched beyond it are cancelled and
// their items never yielded. It returns that page, whose announcement the
// walk follows.
func prefetchPages[T any](ctx context.Context, n, from, last int, seen map[position]bool, fetch func(context.Context, int) (listPage[T], error), yield func(T, error) bool) prefetched[T] {
	var zero T
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() {
		cancel()
		wg.Wait()
	}()

	queue := make([]chan pageResult[T], 0, n)
	launched := from // the next page to launch
	launch := func() {
		k := launched
		launched++
		ch := make(chan pageResult[T], 1)
		queue = append(queue, ch)
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := fetch(ctx, k)
			ch <- pageResult[T]{p: p, err: err}
		}()
	}
	for launched <= last && len(queue) < n {
		launch()
	}
	var r pageResult[T]
	for page := from; len(queue) > 0; page++ {
		r = <-queue[0]
		queue = queue[1:]
		if r.err != nil {
			yield(zero, r.err)
			return prefetched[T]{stop: true}
		}
		// Launch more only on the word of this page: it names the page
		// after it, and says how far the list goes. The requests go out
		// while its items are yielded.
		more := len(r.p.items) > 0 && r.p.resp != nil && r.p.resp.NextPage == page+1
		if more {
			if r.p.resp.LastPage > 0 {
				last = r.p.resp.LastPage
			}
			if len(queue) > 0 && launched-1 > last {
				// This page announces fewer pages than were
				// launched: drop those beyond.
				queue = queue[:max(0, last-page)]
				launched = page + 1 + len(queue)
			}
			for launched <= last && len(queue) < n {
				launch()
			}
		}
		for _, it := range r.p.items {
			if !yield(it, nil) {
				return prefetched[T]{stop: true}
			}
		}
		seen[pageAt(page)] = true
		if !more {
			// The end of the list, or a next link that is not the
			// page launched after this one: what was fetched beyond
			// is dropped (and cancelled), never yielded, and the
			// walk follows the link.
			break
		}
	}
	// Every launched page was read and the last one names the page after
	// it, or the run ended early: the walk follows the last page read.
	return prefetched[T]{last: r.p}
}
