package ghestest

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// sortDir validates sort and direction against the allowed sorts; it
// answers 422 and returns false for a value outside them.
func (c *call) sortDir(allowed ...string) (string, bool, bool) {
	q := c.r.URL.Query()
	by := q.Get("sort")
	if by == "" {
		by = allowed[0]
	}
	if !slices.Contains(allowed, by) {
		c.invalid("", "sort", "invalid", "sort must be one of: "+strings.Join(allowed, ", "))
		return "", false, false
	}
	dir := q.Get("direction")
	switch dir {
	case "", "desc":
		return by, true, true
	case "asc":
		return by, false, true
	}
	c.invalid("", "direction", "invalid", "direction must be asc or desc")
	return "", false, false
}

// sincePage returns the records whose id is above the `since` query
// parameter, at most per_page of them (default 30, at most 100), and sets
// the Link header as GHES does: a next link with since set to the last id
// returned (when more follow) and a first link with the {?since} template.
func sincePage[T any](c *call, all []*T, id func(*T) int64) []*T {
	q := c.r.URL.Query()
	var since int64
	if v := q.Get("since"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			c.invalid("", "since", "invalid", "since must be an integer")
			return nil
		}
		since = n
	}
	perPage := defaultPerPage
	if v, err := strconv.Atoi(q.Get("per_page")); err == nil && v > 0 {
		perPage = min(v, maxPerPage)
	}
	sorted := slices.Clone(all)
	slices.SortFunc(sorted, func(a, b *T) int { return cmp.Compare(id(a), id(b)) })
	var page []*T
	more := false
	for _, r := range sorted {
		if id(r) <= since {
			continue
		}
		if len(page) == perPage {
			more = true
			break
		}
		page = append(page, r)
	}
	base := url.URL{Scheme: "http", Host: c.r.Host, Path: "/api/v3" + c.r.URL.Path}
	links := []string{}
	if more {
		next := base
		next.RawQuery = url.Values{"per_page": {strconv.Itoa(perPage)}, "since": {strconv.FormatInt(id(page[len(page)-1]), 10)}}.Encode()
		links = append(links, "<"+next.String()+`>; rel="next"`)
	}
	links = append(links, "<"+base.String()+`{?since}>; rel="first"`)
	c.w.Header().Set("Link", strings.Join(links, ", "))
	return page
}

// sortRecs orders items by created (id order), updated or name.
func sortRecs[T any](items []T, by string, desc bool, id func(T) int64, updated func(T) time.Time, name func(T) string) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		var less, eq bool
		switch by {
		case "updated":
			ua, ub := updated(a), updated(b)
			less, eq = ua.Before(ub), ua.Equal(ub)
		case "name":
			na, nb := strings.ToLower(name(a)), strings.ToLower(name(b))
			less, eq = na < nb, na == nb
		}
		if by == "created" || eq {
			less = id(a) < id(b)
		}
		if desc {
			return !less
		}
		return less
	})
}

const (
	defaultPerPage = 30
	maxPerPage     = 100
)

// pageOf returns the page of items the request asks for and sets the Link
// header with next, prev, first and last relations when there is more than
// one page.
func pageOf[T any](w http.ResponseWriter, r *http.Request, items []T) []T {
	q := r.URL.Query()
	perPage := defaultPerPage
	if v, err := strconv.Atoi(q.Get("per_page")); err == nil && v > 0 {
		perPage = min(v, maxPerPage)
	}
	page := 1
	if v, err := strconv.Atoi(q.Get("page")); err == nil && v > 0 {
		page = v
	}
	last := (len(items) + perPage - 1) / perPage
	if last < 1 {
		last = 1
	}
	if last > 1 {
		var links []string
		link := func(p int, rel string) {
			// Lists are all on the REST API, whose mux stripped "/api/v3".
			u := url.URL{Scheme: "http", Host: r.Host, Path: "/api/v3" + r.URL.Path}
			if r.URL.RawPath != "" {
				u.RawPath = "/api/v3" + r.URL.RawPath
			}
			v := r.URL.Query()
			v.Set("page", strconv.Itoa(p))
			v.Set("per_page", strconv.Itoa(perPage))
			u.RawQuery = v.Encode()
			links = append(links, "<"+u.String()+`>; rel="`+rel+`"`)
		}
		if page < last {
			link(page+1, "next")
			link(last, "last")
		}
		if page > 1 {
			link(1, "first")
			link(min(page-1, last), "prev")
		}
		w.Header().Set("Link", strings.Join(links, ", "))
	}
	if page > last {
		return []T{}
	}
	start := (page - 1) * perPage
	if start >= len(items) {
		return []T{}
	}
	end := min(start+perPage, len(items))
	return items[start:end]
}

// wrappedPage answers a wrapped list ({"total_count": …, key: […]}): the
// count of all, and the requested page of all, each item written by conv.
func wrappedPage[T, J any](c *call, key string, all []T, conv func(T) J) {
	c.json(http.StatusOK, map[string]any{"total_count": len(all), key: pageJSON(c, all, conv)})
}

// pageReply answers the requested page of all as a JSON array, each item
// written by conv.
func pageReply[T, J any](c *call, all []T, conv func(T) J) {
	c.json(http.StatusOK, pageJSON(c, all, conv))
}

// pageJSON is the requested page of all (setting the Link header), each
// item written by conv; an empty page is [], never null.
func pageJSON[T, J any](c *call, all []T, conv func(T) J) []J {
	out := []J{}
	for _, x := range pageOf(c.w, c.r, all) {
		out = append(out, conv(x))
	}
	return out
}
