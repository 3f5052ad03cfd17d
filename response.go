package ghesadmin

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Response wraps the HTTP response of a call with what GHES says in its
// headers. It is returned even with an error when a response was received.
type Response struct {
	*http.Response

	// Pagination, from the Link header. A zero page means "no such link".
	NextPage  int
	PrevPage  int
	FirstPage int
	LastPage  int
	// NextURL is the next link as sent by the server, or "" (also when
	// the link holds one of the client's credentials: it is not followed).
	NextURL string

	// Rate is the rate limit status, when the server sends it (GHES
	// often has rate limiting off, in which case it is zero).
	Rate Rate
	// RequestID is the X-GitHub-Request-Id header: quote it to GitHub
	// support.
	RequestID string
	// EnterpriseVersion is the X-GitHub-Enterprise-Version header, such
	// as "3.14.2" or "enterprise-server@2.22.0".
	EnterpriseVersion string

	// Unread lists the values of the reply that the SDK could not read
	// into their documented Go type ("many" where a count is documented,
	// an object where a string is), one entry per value. Such a
	// field keeps its zero value and the rest of the reply is read as
	// usual; the value is kept here as sent, so nothing is lost. It is
	// nil when the whole reply was read (a scalar of another JSON type
	// that can be converted, such as "12" for a number, is converted and
	// not listed), and always nil from Client.Do, which decodes into its
	// v with encoding/json as is. The …Iter methods do not show the
	// Responses of their pages: call the List method page by page to see
	// what a walk could not read.
	Unread []UnreadValue
}

func newResponse(r *http.Response) *Response {
	resp := &Response{Response: r}
	h := r.Header
	// Relations may come in several Link header lines.
	resp.applyLinks(parseLinkHeader(strings.Join(h.Values("Link"), ", ")))
	resp.Rate = parseRate(h)
	resp.RequestID = h.Get(headerRequestID)
	resp.EnterpriseVersion = h.Get(headerEnterpriseVersion)
	return resp
}

// links are the relations of a Link header.
type links struct {
	next, prev, first, last string
}

// parseLinkHeader reads an RFC 8288 Link header, keeping the next, prev,
// first and last relations. It never fails: what it cannot read it skips.
// A link's target is between '<' and '>' (it may hold commas); its
// parameters run to the next comma outside quotes.
func parseLinkHeader(h string) links {
	var l links
	for s := h; ; {
		start := strings.IndexByte(s, '<')
		if start < 0 {
			return l
		}
		end := strings.IndexByte(s[start:], '>')
		if end < 0 {
			return l
		}
		target := strings.TrimSpace(s[start+1 : start+end])
		var params string
		params, s = splitParams(s[start+end+1:])
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(p, "=")
			if !ok || !strings.EqualFold(strings.TrimSpace(k), "rel") {
				continue
			}
			for _, rel := range strings.Fields(strings.Trim(strings.TrimSpace(v), `"`)) {
				switch strings.ToLower(rel) {
				case "next":
					l.next = target
				case "prev", "previous":
					l.prev = target
				case "first":
					l.first = target
				case "last":
					l.last = target
				}
			}
		}
	}
}

// splitParams cuts s at its first comma outside quotes.
func splitParams(s string) (params, rest string) {
	inQuote := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			inQuote = !inQuote
		case ',':
			if !inQuote {
				return s[:i], s[i+1:]
			}
		}
	}
	return s, ""
}

func (r *Response) applyLinks(l links) {
	r.NextURL = l.next
	r.NextPage = pageOf(l.next)
	r.PrevPage = pageOf(l.prev)
	r.FirstPage = pageOf(l.first)
	r.LastPage = pageOf(l.last)
}

// pageOf returns the page query parameter of a link, or 0.
func pageOf(link string) int {
	if link == "" {
		return 0
	}
	u, err := url.Parse(link)
	if err != nil {
		return 0
	}
	n, err := strconv.Atoi(u.Query().Get("page"))
	if err != nil || n < 1 {
		return 0
	}
	return n
}
