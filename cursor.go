package ghesadmin

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
)

// This file has the options of the lists that are not paged by page
// numbers alone, and how each reads the position of a page (seeker, in
// pagination.go): a `since` cursor, `before`/`after` cursors, the audit
// log's cursors or page numbers, SCIM's startIndex, live migrations'
// next_cursor and the config apply events' last_request_id.

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

func (o *ListSinceOptions) start() position {
	return position{"since", strconv.FormatInt(o.Since, 10)}
}

// seek follows the next link's `since`, which only moves forward: a
// cursor that does not is ErrPaginationLoop.
func (o *ListSinceOptions) seek(q url.Values) (position, error) {
	since, err := strconv.ParseInt(q.Get("since"), 10, 64)
	if err != nil || since < 0 {
		return position{}, errors.New("it has no numeric since cursor")
	}
	if since <= o.Since {
		return position{}, fmt.Errorf("%w (since=%d after since=%d)", ErrPaginationLoop, since, o.Since)
	}
	o.Since, o.PerPage = since, perPageIn(q, o.PerPage)
	return o.start(), nil
}

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

// check refuses a page size out of range and both cursors at once, naming
// the method that received them.
func (o ListCursorOptions) check(method string) error {
	if o.PerPage < 0 || o.PerPage > MaxPerPage {
		return fmt.Errorf("%w: %s: PerPage is %d; it must be between 1 and %d (0 for the default)", ErrInvalidArgument, method, o.PerPage, MaxPerPage)
	}
	if o.Before != "" && o.After != "" {
		return fmt.Errorf("%w: %s: Before and After are both set; give one", ErrInvalidArgument, method)
	}
	return nil
}

func (o *ListCursorOptions) start() position { return cursorStart(o.After, o.Before, nil) }

func (o *ListCursorOptions) seek(q url.Values) (position, error) {
	o.PerPage = perPageIn(q, o.PerPage)
	return seekCursor(q, &o.After, &o.Before, nil)
}

// cursorStart is the position of options with an after and a before
// cursor, and for the lists that also take one, a page number (page not
// nil).
func cursorStart(after, before string, page *int) position {
	switch {
	case after != "":
		return position{"after", after}
	case before != "":
		return position{"before", before}
	case page != nil:
		return pageAt(max(*page, 1))
	}
	return position{}
}

// seekCursor moves after, before and page (nil for the lists without page
// numbers) to the position of q: its after cursor, its before cursor, or
// its page number. A position replaces the others.
func seekCursor(q url.Values, after, before *string, page *int) (position, error) {
	a, b := q.Get("after"), q.Get("before")
	n, numbered := numberIn(q, "page", 1)
	switch {
	case a == "" && b == "" && (page == nil || !numbered):
		if page == nil {
			return position{}, errors.New("it has no before or after cursor")
		}
		return position{}, errors.New("it has no before or after cursor nor page number")
	case a != "":
		b, n = "", 0
	case b != "":
		n = 0
	}
	*after, *before = a, b
	if page != nil {
		*page = n
	}
	return cursorStart(a, b, page), nil
}

func (o *ListCodeScanningAlertsOptions) start() position {
	return cursorStart(o.After, o.Before, &o.Page)
}

func (o *ListCodeScanningAlertsOptions) seek(q url.Values) (position, error) {
	o.PerPage = perPageIn(q, o.PerPage)
	return seekCursor(q, &o.After, &o.Before, &o.Page)
}

func (o *AuditLogOptions) start() position { return cursorStart(o.After, o.Before, &o.Page) }

func (o *AuditLogOptions) seek(q url.Values) (position, error) {
	o.PerPage = perPageIn(q, o.PerPage)
	return seekCursor(q, &o.After, &o.Before, &o.Page)
}

// start asks for startIndex 1 when the options name none: every request
// of a SCIM walk names its window.
func (o *SCIMListUsersOptions) start() position {
	o.StartIndex = max(o.StartIndex, 1)
	return position{"startIndex", strconv.Itoa(o.StartIndex)}
}

func (o *SCIMListUsersOptions) seek(q url.Values) (position, error) {
	return seekStartIndex(q, &o.StartIndex)
}

// start asks for startIndex 1 when the options name none: every request
// of a SCIM walk names its window.
func (o *SCIMListGroupsOptions) start() position {
	o.StartIndex = max(o.StartIndex, 1)
	return position{"startIndex", strconv.Itoa(o.StartIndex)}
}

func (o *SCIMListGroupsOptions) seek(q url.Values) (position, error) {
	return seekStartIndex(q, &o.StartIndex)
}

// seekStartIndex moves a SCIM window to the startIndex of q, which only
// moves forward: one that does not is ErrPaginationLoop.
func seekStartIndex(q url.Values, start *int) (position, error) {
	n, ok := numberIn(q, "startIndex", 1)
	switch {
	case !ok:
		return position{}, errors.New("it has no startIndex")
	case n <= *start:
		return position{}, fmt.Errorf("%w (startIndex=%d after startIndex=%d)", ErrPaginationLoop, n, *start)
	}
	*start = n
	return position{"startIndex", strconv.Itoa(n)}, nil
}

// scimNext is the position of the SCIM page after the one that starts at
// start and brought got resources (RFC 7644 §3.4.2.4: itemsPerPage counts
// them) of total: nil when the page reaches totalResults or is empty.
func scimNext(start, got, total int) url.Values {
	if got == 0 || start+got > total {
		return nil
	}
	return url.Values{"startIndex": {strconv.Itoa(start + got)}}
}

// cursorNext is the position a cursor from a reply's body stands for, as
// the query parameter name: nil for an empty cursor, the end.
func cursorNext(name, cursor string) url.Values {
	if cursor == "" {
		return nil
	}
	return url.Values{name: {cursor}}
}

func (o *ListLiveMigrationsOptions) start() position { return position{"after", o.After} }

func (o *ListLiveMigrationsOptions) seek(q url.Values) (position, error) {
	if q.Get("after") == "" {
		return position{}, errors.New("it has no after cursor")
	}
	o.After = q.Get("after")
	return o.start(), nil
}

func (o *ConfigApplyEventsOptions) start() position {
	return position{"last_request_id", o.LastRequestID}
}

func (o *ConfigApplyEventsOptions) seek(q url.Values) (position, error) {
	if q.Get("last_request_id") == "" {
		return position{}, errors.New("it has no last_request_id")
	}
	o.LastRequestID = q.Get("last_request_id")
	return o.start(), nil
}
