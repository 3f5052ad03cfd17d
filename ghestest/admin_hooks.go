package ghestest

import (
	"fmt"
	"net/http"
	"slices"
	"time"
)

// adminHooksRoutes are the endpoints of the SDK's admin_hooks.go.
var adminHooksRoutes = []route{
	{"GET /admin/hooks", accessAdmin, previewSuperpro, hListHooks},
	{"POST /admin/hooks", accessAdmin, previewSuperpro, hCreateHook},
	{"GET /admin/hooks/{hook_id}", accessAdmin, previewSuperpro, hGetHook},
	{"PATCH /admin/hooks/{hook_id}", accessAdmin, previewSuperpro, hUpdateHook},
	{"DELETE /admin/hooks/{hook_id}", accessAdmin, previewSuperpro, hDeleteHook},
	{"POST /admin/hooks/{hook_id}/pings", accessAdmin, previewSuperpro, hPingHook},
}

// hookJSON is the global webhook h; a secret is never read back, only
// masked.
func (c *call) hookJSON(h *hookRec) obj {
	cfg := obj{{"url", h.url}, {"content_type", h.contentType}, {"insecure_ssl", h.insecureSSL}}
	if h.secret != "" {
		cfg = cfg.set("secret", "********")
	}
	u := fmt.Sprintf("%s/admin/hooks/%d", c.apiBase(), h.id)
	return obj{
		{"type", "Global"}, {"id", h.id}, {"name", h.name}, {"active", h.active},
		{"events", append([]string{}, h.events...)}, {"config", cfg},
		{"updated_at", h.updatedAt.UTC().Truncate(time.Second)}, {"created_at", h.createdAt.UTC().Truncate(time.Second)},
		{"url", u}, {"ping_url", u + "/pings"},
	}
}

type hookConfigBody struct {
	URL         *string `json:"url"`
	ContentType *string `json:"content_type"`
	Secret      *string `json:"secret"`
	InsecureSSL *string `json:"insecure_ssl"`
}

type hookBody struct {
	Name   *string         `json:"name"`
	Config *hookConfigBody `json:"config"`
	Events *[]string       `json:"events"`
	Active *bool           `json:"active"`
}

// applyConfig replaces the hook's configuration, as GHES does: keys left
// out go back to their defaults.
func (c *call) applyConfig(h *hookRec, cfg *hookConfigBody) bool {
	if cfg.URL == nil || *cfg.URL == "" {
		c.invalid("Hook", "url", "missing_field", "url is required")
		return false
	}
	ct, ssl, secret := "form", "0", ""
	if cfg.ContentType != nil {
		ct = *cfg.ContentType
		if ct != "json" && ct != "form" {
			c.invalid("Hook", "content_type", "invalid", "content_type must be json or form")
			return false
		}
	}
	if cfg.InsecureSSL != nil {
		ssl = *cfg.InsecureSSL
		if ssl != "0" && ssl != "1" {
			c.invalid("Hook", "insecure_ssl", "invalid", `insecure_ssl must be "0" or "1"`)
			return false
		}
	}
	if cfg.Secret != nil {
		secret = *cfg.Secret
	}
	h.url, h.contentType, h.insecureSSL, h.secret = *cfg.URL, ct, ssl, secret
	return true
}

func hListHooks(c *call) {
	pageReply(c, c.s.st.hooks, c.hookJSON)
}

func hCreateHook(c *call) {
	var body hookBody
	if !c.decode(&body, false) {
		return
	}
	if body.Name == nil || *body.Name == "" {
		c.invalid("Hook", "name", "missing_field", "name is required")
		return
	}
	if *body.Name != "web" {
		c.invalid("Hook", "name", "invalid", `name must be "web"`)
		return
	}
	if body.Config == nil {
		c.invalid("Hook", "config", "missing_field", "config is required")
		return
	}
	now := c.s.now()
	h := &hookRec{id: c.s.st.id(), name: "web", active: true, events: []string{"user", "organization"}, createdAt: now, updatedAt: now}
	if !c.applyConfig(h, body.Config) {
		return
	}
	if body.Events != nil {
		h.events = append([]string{}, *body.Events...)
	}
	if body.Active != nil {
		h.active = *body.Active
	}
	c.s.st.hooks = append(c.s.st.hooks, h)
	c.json(http.StatusCreated, c.hookJSON(h))
}

func (c *call) pathHook() *hookRec {
	return pathRecord(c, "hook_id", c.s.st.hookByID)
}

func hGetHook(c *call) {
	if h := c.pathHook(); h != nil {
		c.json(http.StatusOK, c.hookJSON(h))
	}
}

func hUpdateHook(c *call) {
	h := c.pathHook()
	if h == nil {
		return
	}
	var body hookBody
	if !c.decode(&body, false) {
		return
	}
	// "Parameters that are not provided will be overwritten with the
	// default value or removed if no default exists": events default to
	// user and organization, active to true.
	cp := *h
	if body.Config != nil && !c.applyConfig(&cp, body.Config) {
		return
	}
	cp.events, cp.active = []string{"user", "organization"}, true
	if body.Events != nil {
		cp.events = append([]string{}, *body.Events...)
	}
	if body.Active != nil {
		cp.active = *body.Active
	}
	cp.updatedAt = c.s.now()
	*h = cp
	c.json(http.StatusOK, c.hookJSON(h))
}

func hDeleteHook(c *call) {
	h := c.pathHook()
	if h == nil {
		return
	}
	c.s.st.hooks = slices.DeleteFunc(c.s.st.hooks, func(x *hookRec) bool { return x == h })
	c.noContent()
}

func hPingHook(c *call) {
	if h := c.pathHook(); h != nil {
		h.pings++
		c.noContent()
	}
}
