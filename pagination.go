package ghesadmin

import (
	"context"
	"errors"
	"fmt"
	"iter"
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

// pageFetcher fetches one page of a list: cur is the page number or the
// `since` cursor the next link named, or, for the first page, the one the
// caller's options ask for.
type pageFetcher[T any] func(ctx context.Context, cur int64) ([]T, *Response, error)

// A walk is how the pages of a list follow each other: the next link names
// the next page by its number (?page=, ListOptions) or by a cursor, the ID
// of the last item read (?since=, ListSinceOptions).
type walk uint8

const (
	walkPages walk = iota
	walkSince
)

// next reads the cursor of the page after this one from resp's next link;
// end says there is none.
func (w walk) next(resp *Response, items int) (next int64, end bool, err error) {
	switch {
	case w == walkSince && (resp.NextURL == "" || items == 0):
		return 0, true, nil
	case w == walkSince:
		next, err = sinceOf(resp.NextURL)
		return next, false, err
	case resp.NextPage > 0:
		return int64(resp.NextPage), false, nil
	case resp.NextURL != "":
		return 0, false, errNoPageNumber(resp.NextURL)
	}
	return 0, true, nil
}

// repeats refuses a next cursor that would read a page again: a page
// number already read, or a `since` cursor that does not move forward.
func (w walk) repeats(seen map[int64]bool, cur, next int64) error {
	switch {
	case w == walkSince && next <= cur:
		return fmt.Errorf("%w (since=%d after since=%d)", ErrPaginationLoop, next, cur)
	case w == walkPages && seen[next]:
		return fmt.Errorf("%w (page %d)", ErrPaginationLoop, next)
	}
	return nil
}

func errNoPageNumber(link string) error {
	return fmt.Errorf("ghesadmin: the next link %q has no page number", boundText(link, 200))
}

// paginate is the one pagination engine behind every …Iter method. It walks
// the pages lazily, following the next links (w says what they carry); it
// stops when the consumer stops, when ctx ends (yielding an error that names
// the request and wraps ctx's error), or with ErrPaginationLoop when a next
// link repeats a page. With WithPagePrefetch(n), once a reply of a
// page-numbered list announces a last page, it fetches up to n pages ahead
// concurrently and still yields the items in order, stopping at the first
// page that has no next link. No goroutine outlives the iteration.
func paginate[T any](ctx context.Context, prefetch int, w walk, start int64, fetch pageFetcher[T]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		cur := start
		seen := make(map[int64]bool)
		for {
			// A context that has ended fails the fetch before anything
			// is sent, with an error that names the request.
			items, resp, err := fetch(ctx, cur)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if resp == nil {
				return
			}
			seen[max(cur, 1)] = true
			next, end, err := w.next(resp, len(items))
			if err == nil && !end {
				err = w.repeats(seen, cur, next)
			}
			switch {
			case err != nil:
				yield(zero, err)
				return
			case end:
				return
			}
			if w == walkPages && prefetch > 0 && int64(resp.LastPage) > next {
				r := prefetchPages(ctx, prefetch, next, int64(resp.LastPage), seen, fetch, yield)
				if r.stop {
					return
				}
				next = r.next
				if next == 0 {
					return
				}
				if err := w.repeats(seen, cur, next); err != nil {
					yield(zero, err)
					return
				}
			}
			cur = next
		}
	}
}

type pageResult[T any] struct {
	items   []T
	next    int64  // the page the next link names, or 0
	nextURL string // the next link, or ""
	last    int64  // the page the last link names, or 0
	err     error
}

// prefetched is how a prefetch run ended.
type prefetched struct {
	next int64 // the page to continue with sequentially, or 0: the end
	stop bool  // the iteration must stop (error yielded, or consumer done)
}

// prefetchPages fetches pages from from onwards with up to n requests in
// flight and yields their items in page order, marking each yielded page in
// seen. The window never goes past the last page announced by the latest
// page read in order (the first reply's last link is only a promise), and
// it ends at the first page whose next link does not name the page after
// it: the pages launched beyond it are cancelled and their items never
// yielded. It returns where a sequential walk continues.
func prefetchPages[T any](ctx context.Context, n int, from, last int64, seen map[int64]bool, fetch pageFetcher[T], yield func(T, error) bool) prefetched {
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
		p := launched
		launched++
		ch := make(chan pageResult[T], 1)
		queue = append(queue, ch)
		wg.Add(1)
		go func() {
			defer wg.Done()
			items, resp, err := fetch(ctx, p)
			r := pageResult[T]{items: items, err: err}
			if resp != nil {
				r.next, r.nextURL, r.last = int64(resp.NextPage), resp.NextURL, int64(resp.LastPage)
			}
			ch <- r
		}()
	}
	for launched <= last && len(queue) < n {
		launch()
	}
	for page := from; len(queue) > 0; page++ {
		r := <-queue[0]
		queue = queue[1:]
		if r.err != nil {
			yield(zero, r.err)
			return prefetched{stop: true}
		}
		// Launch more only on the word of this page: it names the page
		// after it, and says how far the list goes. The requests go out
		// while its items are yielded.
		more := r.next == page+1
		if more {
			if r.last > 0 {
				last = r.last
			}
			if len(queue) > 0 && launched-1 > last {
				// This page announces fewer pages than were
				// launched: drop those beyond.
				queue = queue[:max(0, last-page)]
				launched = page + 1 + int64(len(queue))
			}
			for launched <= last && len(queue) < n {
				launch()
			}
		}
		for _, it := range r.items {
			if !yield(it, nil) {
				return prefetched{stop: true}
			}
		}
		seen[page] = true
		switch {
		case more:
		case r.next == 0 && r.nextURL != "":
			yield(zero, errNoPageNumber(r.nextURL))
			return prefetched{stop: true}
		default:
			// The end of the list, or a next link that is not the
			// page launched after this one: what was fetched beyond
			// is dropped (and cancelled), never yielded, and the
			// walk goes on from the link.
			return prefetched{next: r.next}
		}
	}
	// Every launched page was read and the last one names the page
	// after it: the walk goes on from there.
	return prefetched{next: launched}
}
