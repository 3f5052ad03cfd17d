package ghesadmin

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"time"
)

// GlobalHook is a global webhook: it receives user, organization, team,
// repository and membership events of the whole instance.
type GlobalHook struct {
	// Type is "Global".
	Type   string   `json:"type"`
	ID     int64    `json:"id"`
	Name   string   `json:"name"`
	Active bool     `json:"active"`
	Events []string `json:"events"`
	// Config is the delivery configuration. Its Secret comes back masked
	// ("********") or absent: it cannot be read back.
	Config    GlobalHookConfig `json:"config"`
	UpdatedAt time.Time        `json:"updated_at"`
	CreatedAt time.Time        `json:"created_at"`
	URL       string           `json:"url"`
	PingURL   string           `json:"ping_url"`
}

// GlobalHookConfig is the delivery configuration of a global webhook, as
// GHES returns it.
type GlobalHookConfig struct {
	URL         string          `json:"url"`
	ContentType HookContentType `json:"content_type"`
	InsecureSSL HookInsecureSSL `json:"insecure_ssl"`
	// Secret is "********" when a secret is set, "" otherwise: GHES never
	// returns the secret itself.
	Secret string `json:"secret"`
}

// HookContentType is how a webhook serialises its payloads.
type HookContentType string

// Webhook content types.
const (
	// HookContentTypeJSON sends application/json payloads.
	HookContentTypeJSON HookContentType = "json"
	// HookContentTypeForm sends application/x-www-form-urlencoded
	// payloads (the server's default).
	HookContentTypeForm HookContentType = "form"
)

// HookInsecureSSL says whether deliveries verify the receiver's TLS
// certificate. GHES sends it as a string; a number is accepted too.
type HookInsecureSSL string

// Values of HookInsecureSSL.
const (
	// HookVerifySSL verifies the certificate (the server's default).
	HookVerifySSL HookInsecureSSL = "0"
	// HookInsecureSkipVerify does not verify the certificate: anyone on
	// the network path can read and forge deliveries.
	HookInsecureSkipVerify HookInsecureSSL = "1"
)

// UnmarshalJSON accepts "0", "1", 0, 1 and null (and any other string or
// number, kept as text); another JSON value is a *json.UnmarshalTypeError.
func (v *HookInsecureSSL) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		*v = ""
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*v = HookInsecureSSL(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		// A type error, which encoding/json names with its path: the
		// SDK's reader keeps the value in Response.Unread.
		return typeError(b, *v)
	}
	*v = HookInsecureSSL(n.String())
	return nil
}

// GlobalHookConfigRequest is the configuration sent by Create and Update.
type GlobalHookConfigRequest struct {
	// URL receives the payloads.
	URL string `json:"url"`
	// ContentType is HookContentTypeForm when nil.
	ContentType *HookContentType `json:"content_type,omitempty"`
	// Secret, when set, signs each delivery (X-Hub-Signature). It is
	// write-only: GHES returns it masked.
	Secret *string `json:"secret,omitempty"`
	// InsecureSSL is HookVerifySSL when nil.
	InsecureSSL *HookInsecureSSL `json:"insecure_ssl,omitempty"`
}

func (c *GlobalHookConfigRequest) validate(what string) error {
	if c.URL == "" {
		return fmt.Errorf("%w: %s.Config.URL is empty", ErrInvalidArgument, what)
	}
	if c.ContentType != nil {
		switch *c.ContentType {
		case HookContentTypeJSON, HookContentTypeForm:
		default:
			return fmt.Errorf("%w: %s.Config.ContentType is %q; want %q or %q", ErrInvalidArgument, what,
				string(*c.ContentType), HookContentTypeJSON, HookContentTypeForm)
		}
	}
	if c.InsecureSSL != nil {
		switch *c.InsecureSSL {
		case HookVerifySSL, HookInsecureSkipVerify:
		default:
			return fmt.Errorf("%w: %s.Config.InsecureSSL is %q; want %q or %q", ErrInvalidArgument, what,
				string(*c.InsecureSSL), HookVerifySSL, HookInsecureSkipVerify)
		}
	}
	return nil
}

// CreateGlobalHookRequest is the body of AdminHooksService.Create.
type CreateGlobalHookRequest struct {
	// Name must be "web"; an empty Name is sent as "web".
	Name   string                  `json:"name"`
	Config GlobalHookConfigRequest `json:"config"`
	// Events are the events that trigger the hook; GHES subscribes to
	// "user" and "organization" when Events is empty.
	Events []string `json:"events,omitempty"`
	// Active is true when nil.
	Active *bool `json:"active,omitempty"`
}

func (r CreateGlobalHookRequest) validate() error {
	return r.Config.validate("CreateGlobalHookRequest")
}

// UpdateGlobalHookRequest is the body of AdminHooksService.Update. GHES
// replaces the hook's whole configuration with it: see Update.
type UpdateGlobalHookRequest struct {
	// Config replaces the whole delivery configuration when set.
	Config *GlobalHookConfigRequest `json:"config,omitempty"`
	// Events are reset to "user" and "organization" when empty.
	Events []string `json:"events,omitempty"`
	// Active is reset to true when nil.
	Active *bool `json:"active,omitempty"`
}

func (r UpdateGlobalHookRequest) validate() error {
	if r.Config == nil {
		return nil
	}
	return r.Config.validate("UpdateGlobalHookRequest")
}

// List lists one page of the global webhooks.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/global-webhooks#list-global-webhooks
//
// GHES API: GET /admin/hooks (GHES 2.22 and later).
//
//meta:operation GET /admin/hooks
func (s *AdminHooksService) List(ctx context.Context, opts *ListOptions) ([]*GlobalHook, *Response, error) {
	return fetchSlice[*GlobalHook](ctx, s.backend, &request{op: "AdminHooks.List", method: http.MethodGet, path: "admin/hooks", query: opts, preview: mediaTypeSuperproPreview})
}

// ListIter walks every page of List from opts.Page, fetching pages as the
// loop consumes them. opts is not modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/global-webhooks#list-global-webhooks
//
// GHES API: GET /admin/hooks (GHES 2.22 and later).
//
//meta:operation GET /admin/hooks
func (s *AdminHooksService) ListIter(ctx context.Context, opts *ListOptions) iter.Seq2[*GlobalHook, error] {
	return paginate(ctx, s.backend, opts, linked(s.List))
}

// Create creates a global webhook. Config.URL is required; an unknown
// ContentType or InsecureSSL is refused before sending.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/global-webhooks#create-a-global-webhook
//
// GHES API: POST /admin/hooks (GHES 2.22 and later).
//
//meta:operation POST /admin/hooks
func (s *AdminHooksService) Create(ctx context.Context, req CreateGlobalHookRequest) (*GlobalHook, *Response, error) {
	if req.Name == "" {
		req.Name = "web"
	}
	return fetch[GlobalHook](ctx, s.backend, &request{op: "AdminHooks.Create", method: http.MethodPost, path: "admin/hooks", json: req, preview: mediaTypeSuperproPreview})
}

// Get returns one global webhook.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/global-webhooks#get-a-global-webhook
//
// GHES API: GET /admin/hooks/{hook_id} (GHES 2.22 and later).
//
//meta:operation GET /admin/hooks/{hook_id}
func (s *AdminHooksService) Get(ctx context.Context, hookID int64) (*GlobalHook, *Response, error) {
	return fetch[GlobalHook](ctx, s.backend, &request{op: "AdminHooks.Get", method: http.MethodGet, path: "admin/hooks/{hook_id}", args: []any{hookID}, preview: mediaTypeSuperproPreview})
}

// Update replaces the configuration of a global webhook.
//
// Despite the PATCH method, GHES does not merge: every field left out of req
// is reset to its default (Active to true, Events to "user" and
// "organization", Config.ContentType to "form", Config.InsecureSSL to "0") or
// removed (Config.Secret). To change one setting, send all the others again,
// including the secret, which cannot be read back from Get.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/global-webhooks#update-a-global-webhook
//
// GHES API: PATCH /admin/hooks/{hook_id} (GHES 2.22 and later).
//
//meta:operation PATCH /admin/hooks/{hook_id}
func (s *AdminHooksService) Update(ctx context.Context, hookID int64, req UpdateGlobalHookRequest) (*GlobalHook, *Response, error) {
	return fetch[GlobalHook](ctx, s.backend, &request{op: "AdminHooks.Update", method: http.MethodPatch, path: "admin/hooks/{hook_id}", args: []any{hookID}, json: req, preview: mediaTypeSuperproPreview})
}

// Delete deletes a global webhook.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/global-webhooks#delete-a-global-webhook
//
// GHES API: DELETE /admin/hooks/{hook_id} (GHES 2.22 and later).
//
//meta:operation DELETE /admin/hooks/{hook_id}
func (s *AdminHooksService) Delete(ctx context.Context, hookID int64) (*Response, error) {
	return s.backend.call(ctx, &request{op: "AdminHooks.Delete", method: http.MethodDelete, path: "admin/hooks/{hook_id}", args: []any{hookID}, preview: mediaTypeSuperproPreview}, nil)
}

// Ping sends a ping event to a global webhook.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/global-webhooks#ping-a-global-webhook
//
// GHES API: POST /admin/hooks/{hook_id}/pings (GHES 2.22 and later).
//
//meta:operation POST /admin/hooks/{hook_id}/pings
func (s *AdminHooksService) Ping(ctx context.Context, hookID int64) (*Response, error) {
	return s.backend.call(ctx, &request{op: "AdminHooks.Ping", method: http.MethodPost, path: "admin/hooks/{hook_id}/pings", args: []any{hookID}, preview: mediaTypeSuperproPreview}, nil)
}
