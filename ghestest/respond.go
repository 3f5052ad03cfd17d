package ghestest

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/ghesadmin/ghesadmin/internal/ops"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// notFoundJSON answers every request no route matches with GHES's JSON 404.
func notFoundJSON(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	fmt.Fprintf(w, "{\"message\":\"Not Found\",\"documentation_url\":%q}\n", docsBase)
}

const docsBase = "https://docs.github.com/enterprise-server/rest"

// access is who may call an endpoint.
type access int

const (
	accessPublic   access = iota // no credentials needed
	accessAdmin                  // site administrators; others get 404
	accessAdmin403               // site administrators; others get 403
	accessConsole                // administration port: basic api_key:<password>
)

// Preview media types that GHES 2.22 requires.
const (
	previewSuperpro  = "superpro-preview"
	previewEyeScream = "eye-scream-preview"
	previewHellcat   = "hellcat-preview"
)

// call is one request being served; s.mu is held while a handler runs.
type call struct {
	s     *Server
	w     http.ResponseWriter
	r     *http.Request
	actor *userRec
	token *tokenRec
}

type handler func(c *call)

// route registers pattern ("METHOD /path/{name}") on mux with its access
// rule and its 2.22 preview (or ""). register calls it for every row of the
// areas' route tables (mux.go). The releases that serve it come from
// the operation table (internal/ops): the route's path, with its wildcards,
// names a documented operation, and a release that lacks the operation
// answers GHES's 404. A pattern that names no operation of the table is
// served on every release (see TestUnlistedRoutes).
func (s *Server) route(mux *http.ServeMux, pattern string, acc access, preview string, h handler) {
	op, listed := operationOf(pattern)
	s.routes = append(s.routes, routeInfo{pattern: pattern, op: op, listed: listed})
	mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		sw := &statusWriter{ResponseWriter: w}
		c := &call{s: s, w: sw, r: r}
		if listed && !op.Has(s.release()) {
			c.notInRelease()
			return
		}
		switch acc {
		case accessPublic:
			// Credentials are optional, but wrong ones are refused, as
			// GHES answers 401 Bad credentials on every endpoint.
			if r.Header.Get("Authorization") != "" && !c.authenticate() {
				return
			}
		case accessConsole:
			user, pass, ok := r.BasicAuth()
			if !ok || user != "api_key" || pass != s.cfg.consolePassword {
				c.json(http.StatusUnauthorized, errBody{Message: "Bad credentials"})
				return
			}
		case accessAdmin, accessAdmin403:
			if !c.authenticate() {
				return
			}
			if !c.actor.siteAdmin {
				if acc == accessAdmin403 {
					c.json(http.StatusForbidden, errBody{Message: "You must be a site administrator to perform this action.", DocumentationURL: docsBase})
				} else {
					c.notFound()
				}
				return
			}
		}
		if preview != "" && s.major < 3 && !strings.Contains(r.Header.Get("Accept"), preview) {
			c.json(http.StatusUnsupportedMediaType, errBody{
				Message:          "If you would like to help us test this API during its preview period, you must specify a custom media type in the 'Accept' header (application/vnd.github." + preview + "). Please see the docs for full details.",
				DocumentationURL: docsBase,
			})
			return
		}
		h(c)
		s.recordAudit(c, pattern, sw.status)
	})
}

// routeInfo is one registered route and the operation it serves.
type routeInfo struct {
	pattern string
	op      ops.Operation
	listed  bool // op is an operation of the table
}

// operationOf returns the operation of the table that a mux pattern
// ("GET /admin/pre-receive-hooks/{id}") serves: same method, same literal
// segments, a wildcard wherever the documented template has a parameter,
// whatever the names.
func operationOf(pattern string) (ops.Operation, bool) {
	method, path, ok := strings.Cut(pattern, " ")
	if !ok {
		return ops.Operation{}, false
	}
	want := shapeOf(path)
	for _, o := range ops.Operations() {
		if o.Method == method && shapeOf(o.Path) == want {
			return o, true
		}
	}
	return ops.Operation{}, false
}

// shapeOf replaces every "{name}" segment of a path template with "{}".
func shapeOf(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
			segs[i] = "{}"
		}
	}
	return strings.Join(segs, "/")
}

// authenticate sets c.actor from the Authorization header, answering 401
// when it cannot.
func (c *call) authenticate() bool {
	h := c.r.Header.Get("Authorization")
	var tok string
	switch {
	case h == "":
		c.json(http.StatusUnauthorized, errBody{Message: "Requires authentication", DocumentationURL: docsBase})
		return false
	case strings.HasPrefix(strings.ToLower(h), "token "):
		tok = strings.TrimSpace(h[len("token "):])
	case strings.HasPrefix(strings.ToLower(h), "bearer "):
		tok = strings.TrimSpace(h[len("bearer "):])
	default:
		if _, pass, ok := c.r.BasicAuth(); ok {
			tok = pass
		}
	}
	for _, t := range c.s.st.tokens {
		if tok != "" && t.value == tok {
			u := c.s.st.userByID(t.userID)
			if u == nil || u.suspended {
				break
			}
			c.actor, c.token = u, t
			return true
		}
	}
	c.json(http.StatusUnauthorized, errBody{Message: "Bad credentials", DocumentationURL: docsBase})
	return false
}

type errBody struct {
	Message          string       `json:"message"`
	Errors           []fieldError `json:"errors,omitempty"`
	DocumentationURL string       `json:"documentation_url,omitempty"`
}

type fieldError struct {
	Resource string `json:"resource,omitempty"`
	Field    string `json:"field,omitempty"`
	Code     string `json:"code"`
	Message  string `json:"message,omitempty"`
}

func (c *call) json(status int, v any) {
	c.w.Header().Set("Content-Type", "application/json; charset=utf-8")
	c.w.WriteHeader(status)
	if v == nil {
		return
	}
	enc := json.NewEncoder(c.w)
	_ = enc.Encode(v)
}

func (c *call) noContent() { c.w.WriteHeader(http.StatusNoContent) }

// notInRelease answers the 404 of a GHES release that lacks the
// operation, with that release's documentation URL.
func (c *call) notInRelease() {
	c.json(http.StatusNotFound, errBody{
		Message:          "Not Found",
		DocumentationURL: "https://docs.github.com/enterprise-server@" + c.s.release().String() + "/rest",
	})
}

func (c *call) notFound() {
	c.json(http.StatusNotFound, errBody{Message: "Not Found", DocumentationURL: docsBase})
}

// invalid answers 422 Validation Failed with one error.
func (c *call) invalid(resource, field, code, message string) {
	c.json(http.StatusUnprocessableEntity, errBody{
		Message:          "Validation Failed",
		Errors:           []fieldError{{Resource: resource, Field: field, Code: code, Message: message}},
		DocumentationURL: docsBase,
	})
}

func (c *call) badRequest(msg string) {
	c.json(http.StatusBadRequest, errBody{Message: msg, DocumentationURL: docsBase})
}

// decode reads a JSON body into v. An empty body leaves v alone when
// optional. It answers 400 and returns false on bad JSON.
func (c *call) decode(v any, optional bool) bool {
	body, err := io.ReadAll(io.LimitReader(c.r.Body, 1<<20))
	if err != nil {
		c.badRequest("Problems reading the request body")
		return false
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		if optional {
			return true
		}
		c.badRequest("Problems parsing JSON")
		return false
	}
	if err := json.Unmarshal(body, v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			c.invalid("", te.Field, "invalid", "Invalid request. "+te.Field+" has the wrong type.")
			return false
		}
		c.badRequest("Problems parsing JSON")
		return false
	}
	return true
}

// assign sets *dst to *v when the request sent v (v is not nil).
func assign[T any](dst, v *T) {
	if v != nil {
		*dst = *v
	}
}

// bodyString decodes a JSON object body and returns its string member name
// ("" when absent or null), answering as decode does when the body is not
// an object or the member is not a string.
func (c *call) bodyString(name string) (string, bool) {
	var b map[string]any
	if !c.decode(&b, false) {
		return "", false
	}
	switch v := b[name].(type) {
	case string:
		return v, true
	case nil:
		return "", true
	}
	c.invalid("", name, "invalid", "Invalid request. "+name+" has the wrong type.")
	return "", false
}

// oneOf reports whether v is one of allowed, answering GHES's 422
// ("field must be a, b or c") when it is not.
func (c *call) oneOf(resource, field, v string, allowed ...string) bool {
	if slices.Contains(allowed, v) {
		return true
	}
	list := allowed[len(allowed)-1]
	if len(allowed) > 1 {
		list = strings.Join(allowed[:len(allowed)-1], ", ") + " or " + list
	}
	c.invalid(resource, field, "invalid", field+" must be "+list)
	return false
}

// pathRecord reads the integer path value name and looks it up; it answers
// 404 when there is no such record (pathID answers a malformed one).
func pathRecord[T any](c *call, name string, lookup func(int64) *T) *T {
	id, ok := c.pathID(name)
	if !ok {
		return nil
	}
	r := lookup(id)
	if r == nil {
		c.notFound()
	}
	return r
}

// pathID parses a numeric path value, answering 404 when it is not one.
func (c *call) pathID(name string) (int64, bool) {
	id, err := strconv.ParseInt(c.r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		c.notFound()
		return 0, false
	}
	return id, true
}

// apiBase is the REST API base URL without a trailing slash.
func (c *call) apiBase() string { return c.s.apiURL + "/api/v3" }

func (c *call) webBase() string { return c.s.apiURL }
