package ghestest

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

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
