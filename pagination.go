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
	if o.PerPage < 0 || o.PerPage > MaxPerPage {
		return fmt.Errorf("%w: ListOptions.PerPage is %d; it must be between 1 and %d (0 for the default)", ErrInvalidArgument, o.PerPage, MaxPerPage)
	}
	return nil
}

// ErrPaginationLoop is returned by an iterator when the server's next link
// points to a page the iterator has already read.
var ErrPaginationLoop = errors.New("ghesadmin: the next link repeats a page already read")

// pageFetcher fetches one page of a list: page is the page number, or 0 for
// the one the caller's options ask for.
type pageFetcher[T any] func(ctx context.Context, page int) ([]T, *Response, error)

// paginate is the one pagination engine behind every …Iter method. It walks
// the pages lazily, following the next links; it stops when the consumer
// stops, when ctx ends (yielding an error that names the request and wraps
// ctx's error), or with ErrPaginationLoop when a next link repeats a page.
// With WithPagePrefetch(n), once a reply announces a last page, it fetches
// up to n pages ahead concurrently and still yields the items in order,
// stopping at the first page that has no next link. No goroutine outlives
// the iteration.
func paginate[T any](ctx context.Context, prefetch int, start int, fetch pageFetcher[T]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		page := start
		seen := make(map[int]bool)
		for {
			// A context that has ended fails the fetch before anything
			// is sent, with an error that names the request.
			items, resp, err := fetch(ctx, page)
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
			seen[max(page, 1)] = true
			next := resp.NextPage
			switch {
			case next == 0 && resp.NextURL != "":
				yield(zero, fmt.Errorf("ghesadmin: the next link %q has no page number", boundText(resp.NextURL, 200)))
				return
			case next == 0:
				return
			case seen[next]:
				yield(zero, fmt.Errorf("%w (page %d)", ErrPaginationLoop, next))
				return
			}
			if prefetch > 0 && resp.LastPage > next {
				r := prefetchPages(ctx, prefetch, next, resp.LastPage, seen, fetch, yield)
				if r.stop {
					return
				}
				next = r.next
				if next == 0 {
					return
				}
				if seen[next] {
					yield(zero, fmt.Errorf("%w (page %d)", ErrPaginationLoop, next))
					return
				}
			}
			page = next
		}
	}
}

type pageResult[T any] struct {
	items   []T
	next    int    // the page the next link names, or 0
	nextURL string // the next link, or ""
	last    int    // the page the last link names, or 0
	err     error
}

// prefetched is how a prefetch run ended.
type prefetched struct {
	next int  // the page to continue with sequentially, or 0: the end
	stop bool // the iteration must stop (error yielded, or consumer done)
}

// prefetchPages fetches pages from from onwards with up to n requests in
// flight and yields their items in page order, marking each yielded page in
// seen. The window never goes past the last page announced by the latest
// page read in order (the first reply's last link is only a promise), and
// it ends at the first page whose next link does not name the page after
// it: the pages launched beyond it are cancelled and their items never
// yielded. It returns where a sequential walk continues.
func prefetchPages[T any](ctx context.Context, n, from, last int, seen map[int]bool, fetch pageFetcher[T], yield func(T, error) bool) prefetched {
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
				r.next, r.nextURL, r.last = resp.NextPage, resp.NextURL, resp.LastPage
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
				launched = page + 1 + len(queue)
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
			yield(zero, fmt.Errorf("ghesadmin: the next link %q has no page number", boundText(r.nextURL, 200)))
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
