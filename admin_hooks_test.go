package ghesadmin

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func wantGlobalHook(t *testing.T) GlobalHook {
	return GlobalHook{
		Type:   "Global",
		ID:     1,
		Name:   "web",
		Active: true,
		Events: []string{"organization", "user"},
		Config: GlobalHookConfig{
			URL:         "https://example.com",
			ContentType: HookContentTypeJSON,
			InsecureSSL: HookVerifySSL,
			Secret:      "********",
		},
		UpdatedAt: mustTime(t, "2017-12-07T00:14:59Z"),
		CreatedAt: mustTime(t, "2017-12-07T00:14:59Z"),
		URL:       "https://api.github.com/admin/hooks/1",
		PingURL:   "https://api.github.com/admin/hooks/1/pings",
	}
}

// TestAdminHooksEndpoints checks the request of every global webhook call
// (the preview in Accept) and every field of its reply.
func TestAdminHooksEndpoints(t *testing.T) {
	hooks := func(method, path, body string, status int, reply string) call {
		return call{Method: method, Path: "/admin/hooks" + path, Preview: mediaTypeSuperproPreview, JSON: body, Status: status, Reply: reply}
	}
	a := func(c *Client) *AdminHooksService { return c.AdminHooks }
	want := wantGlobalHook(t)
	// The reply of the reference to an update: the omitted content type was
	// reset to "form" and the omitted secret removed.
	updated := wantGlobalHook(t)
	updated.Events = []string{"organization"}
	updated.Config.ContentType, updated.Config.Secret = HookContentTypeForm, ""
	list := hooks(http.MethodGet, "", "", 0, "admin_hooks/list.json")
	list.Query = url.Values{"page": {"2"}, "per_page": {"10"}}
	runEndpointCases(t, []endpointCase{
		{"List", list, func(ctx context.Context, c *Client) (any, *Response, error) {
			return a(c).List(ctx, &ListOptions{Page: 2, PerPage: 10})
		}, []*GlobalHook{&want}},
		{"Create", hooks(http.MethodPost, "", `{"name":"web","events":["organization","user"],"config":{"url":"https://example.com/webhook","content_type":"json","secret":"secret"}}`, http.StatusCreated, "admin_hooks/create.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return deref(a(c).Create(ctx, CreateGlobalHookRequest{
					Name:   "web",
					Events: []string{"organization", "user"},
					Config: GlobalHookConfigRequest{URL: "https://example.com/webhook", ContentType: Ptr(HookContentTypeJSON), Secret: Ptr("secret")},
				}))
			}, want},
		// The name defaults to "web"; nothing else unset is sent.
		{"Create defaults", hooks(http.MethodPost, "", `{"name":"web","config":{"url":"https://example.com/webhook","insecure_ssl":"1"},"active":false}`, http.StatusCreated, "admin_hooks/create.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return deref(a(c).Create(ctx, CreateGlobalHookRequest{
					Config: GlobalHookConfigRequest{URL: "https://example.com/webhook", InsecureSSL: Ptr(HookInsecureSkipVerify)},
					Active: Ptr(false),
				}))
			}, want},
		{"Get", hooks(http.MethodGet, "/42", "", 0, "admin_hooks/get.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) { return deref(a(c).Get(ctx, 42)) }, want},
		{"Update", hooks(http.MethodPatch, "/42", `{"events":["organization"],"config":{"url":"https://example.com/webhook"}}`, 0, "admin_hooks/update.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return deref(a(c).Update(ctx, 42, UpdateGlobalHookRequest{Events: []string{"organization"}, Config: &GlobalHookConfigRequest{URL: "https://example.com/webhook"}}))
			}, updated},
		{"Update every field", hooks(http.MethodPatch, "/7", `{"config":{"url":"https://example.com/webhook","content_type":"form","secret":"new","insecure_ssl":"0"},"events":["user"],"active":false}`, 0, "admin_hooks/update.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return deref(a(c).Update(ctx, 7, UpdateGlobalHookRequest{
					Config: &GlobalHookConfigRequest{URL: "https://example.com/webhook", ContentType: Ptr(HookContentTypeForm), Secret: Ptr("new"), InsecureSSL: Ptr(HookVerifySSL)},
					Events: []string{"user"},
					Active: Ptr(false),
				}))
			}, updated},
		{"Delete", hooks(http.MethodDelete, "/42", "", http.StatusNoContent, ""),
			func(ctx context.Context, c *Client) (any, *Response, error) { return noResult(a(c).Delete(ctx, 42)) }, nil},
		{"Ping", hooks(http.MethodPost, "/42/pings", "", http.StatusNoContent, ""),
			func(ctx context.Context, c *Client) (any, *Response, error) { return noResult(a(c).Ping(ctx, 42)) }, nil},
	})
}

func TestAdminHooksListNotAdmin(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/admin/hooks", Preview: mediaTypeSuperproPreview, Status: http.StatusNotFound, ReplyJSON: `{"message":"Not Found"}`})
	_, _, err := env.Client.AdminHooks.List(context.Background(), nil)
	require.ErrorIs(t, err, ErrNotFound)
	for _, err := range env.Client.AdminHooks.ListIter(context.Background(), nil) {
		if !errors.Is(err, ErrNotFound) {
			t.Fatalf("ListIter: err = %v, want ErrNotFound", err)
		}
	}
}

// TestAdminHooksListIter walks three pages and stops at the missing next
// link; the caller's options are not changed.
func TestAdminHooksListIter(t *testing.T) {
	opts := &ListOptions{PerPage: 2}
	query := url.Values{"per_page": {"2"}}
	base := "/admin/hooks?per_page=2&page="
	walk := func(ctx context.Context, c *Client) ([]int64, error) {
		return collectIDs(c.AdminHooks.ListIter(ctx, opts), func(h *GlobalHook) int64 { return h.ID })
	}
	first := walkPage{query: query, next: pageLinks(base, "2", "next", "3", "last"), reply: `[{"id":1},{"id":2}]`}
	runWalkCases(t, []walkCase{{name: "three pages", path: "/admin/hooks", preview: mediaTypeSuperproPreview, pages: []walkPage{
		first,
		{query: withPage(query, "2"), next: pageLinks(base, "3", "next", "3", "last"), reply: `[{"id":3},{"id":4}]`},
		{query: withPage(query, "3"), reply: `[{"id":5}]`},
	}, walk: walk, want: []int64{1, 2, 3, 4, 5}}})
	require.Equal(t, ListOptions{PerPage: 2}, *opts, "opts changed")

	// Breaking out of the loop stops the requests.
	env := mock(t)
	expectPreviewWalk(t, env, "/admin/hooks", mediaTypeSuperproPreview, []walkPage{first})
	for range env.Client.AdminHooks.ListIter(context.Background(), opts) {
		break
	}
	require.Equal(t, 1, env.Transport.GetTotalCallCount(), "requests after break")
}

func TestAdminHooksCreateInvalid(t *testing.T) {
	env := setup(t) // nothing may be sent
	for name, req := range map[string]CreateGlobalHookRequest{
		"no url":         {Config: GlobalHookConfigRequest{}},
		"content type":   {Config: GlobalHookConfigRequest{URL: "https://x", ContentType: Ptr(HookContentType("xml"))}},
		"insecure ssl":   {Config: GlobalHookConfigRequest{URL: "https://x", InsecureSSL: Ptr(HookInsecureSSL("yes"))}},
		"secret in text": {Config: GlobalHookConfigRequest{URL: "", Secret: Ptr("s3cr3t-value")}},
	} {
		_, _, err := env.Client.AdminHooks.Create(context.Background(), req)
		if !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		} else if strings.Contains(err.Error(), "s3cr3t-value") {
			t.Errorf("%s: the error shows the secret: %v", name, err)
		}
	}
}

func TestAdminHooksCreateValidationFailed(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/admin/hooks", Preview: mediaTypeSuperproPreview, JSON: `{"name":"web","config":{"url":"x"}}`, Status: http.StatusUnprocessableEntity, ReplyJSON: `{"message":"Validation Failed","errors":[{"resource":"Hook","code":"custom","message":"Config must contain url"}]}`})
	_, _, err := env.Client.AdminHooks.Create(context.Background(), CreateGlobalHookRequest{Config: GlobalHookConfigRequest{URL: "x"}})
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Errors) != 1 || ve.Errors[0].Message != "Config must contain url" || ve.Errors[0].Resource != "Hook" {
		t.Fatalf("err = %v, want the *ValidationError", err)
	}
}

func TestAdminHooksGetNotFound(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/admin/hooks/404", Preview: mediaTypeSuperproPreview, Status: http.StatusNotFound, ReplyJSON: `{"message":"Not Found"}`})
	hook, resp, err := env.Client.AdminHooks.Get(context.Background(), 404)
	if !errors.Is(err, ErrNotFound) || hook != nil || resp == nil || resp.StatusCode != http.StatusNotFound {
		t.Fatalf("Get = %v, %v, %v", hook, resp, err)
	}
}

func TestAdminHooksUpdateInvalid(t *testing.T) {
	env := setup(t)
	_, _, err := env.Client.AdminHooks.Update(context.Background(), 1, UpdateGlobalHookRequest{
		Config: &GlobalHookConfigRequest{URL: "https://x", ContentType: Ptr(HookContentType("JSON"))},
	})
	require.ErrorIs(t, err, ErrInvalidArgument)
}

func TestHookInsecureSSLJSON(t *testing.T) {
	for in, want := range map[string]HookInsecureSSL{`"0"`: HookVerifySSL, `"1"`: HookInsecureSkipVerify, `0`: HookVerifySSL, `1`: HookInsecureSkipVerify, `null`: ""} {
		var got HookInsecureSSL
		if err := json.Unmarshal([]byte(in), &got); err != nil || got != want {
			t.Errorf("%s: got %q, %v; want %q", in, got, err, want)
		}
	}
	var v HookInsecureSSL
	if err := json.Unmarshal([]byte(`true`), &v); err == nil {
		t.Errorf("true: no error")
	}
}
