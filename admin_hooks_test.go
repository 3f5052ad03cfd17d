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

func TestAdminHooksList(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/admin/hooks", Query: url.Values{"page": {"2"}, "per_page": {"10"}}, Preview: mediaTypeSuperproPreview, Reply: "admin_hooks/list.json"})
	hooks, _, err := env.Client.AdminHooks.List(context.Background(), &ListOptions{Page: 2, PerPage: 10})
	require.NoError(t, err, "List")
	want := wantGlobalHook(t)
	assertFields(t, "hooks", hooks, []*GlobalHook{&want})
	assertCoversFixture(t, "admin_hooks/list.json", []*GlobalHook{})
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

func TestAdminHooksCreate(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/admin/hooks", Preview: mediaTypeSuperproPreview, JSON: `{"name":"web","events":["organization","user"],"config":{"url":"https://example.com/webhook","content_type":"json","secret":"secret"}}`, Status: http.StatusCreated, Reply: "admin_hooks/create.json"})
	hook, resp, err := env.Client.AdminHooks.Create(context.Background(), CreateGlobalHookRequest{
		Name:   "web",
		Events: []string{"organization", "user"},
		Config: GlobalHookConfigRequest{
			URL:         "https://example.com/webhook",
			ContentType: Ptr(HookContentTypeJSON),
			Secret:      Ptr("secret"),
		},
	})
	requireStatus(t, resp, err, http.StatusCreated)
	assertFields(t, "hook", *hook, wantGlobalHook(t))
	assertCoversFixture(t, "admin_hooks/create.json", GlobalHook{})
}

func TestAdminHooksCreateDefaults(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("POST /admin/hooks", func(w http.ResponseWriter, r *http.Request) {
		// The name defaults to "web"; nothing else unset is sent.
		call{Method: http.MethodPost, Path: "/admin/hooks", Preview: mediaTypeSuperproPreview, JSON: `{"name":"web","config":{"url":"https://example.com/webhook","insecure_ssl":"1"},"active":false}`}.verify(t, r)
		writeFixture(t, w, http.StatusCreated, "admin_hooks/create.json")
	})
	_, _, err := env.Client.AdminHooks.Create(context.Background(), CreateGlobalHookRequest{
		Config: GlobalHookConfigRequest{URL: "https://example.com/webhook", InsecureSSL: Ptr(HookInsecureSkipVerify)},
		Active: Ptr(false),
	})
	require.NoError(t, err, "Create")
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

func TestAdminHooksGet(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/admin/hooks/42", Preview: mediaTypeSuperproPreview, Reply: "admin_hooks/get.json"})
	hook, _, err := env.Client.AdminHooks.Get(context.Background(), 42)
	require.NoError(t, err, "Get")
	assertFields(t, "hook", *hook, wantGlobalHook(t))
	assertCoversFixture(t, "admin_hooks/get.json", GlobalHook{})
}

func TestAdminHooksGetNotFound(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/admin/hooks/404", Preview: mediaTypeSuperproPreview, Status: http.StatusNotFound, ReplyJSON: `{"message":"Not Found"}`})
	hook, resp, err := env.Client.AdminHooks.Get(context.Background(), 404)
	if !errors.Is(err, ErrNotFound) || hook != nil || resp == nil || resp.StatusCode != http.StatusNotFound {
		t.Fatalf("Get = %v, %v, %v", hook, resp, err)
	}
}

func TestAdminHooksUpdate(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPatch, Path: "/admin/hooks/42", Preview: mediaTypeSuperproPreview, JSON: `{"events":["organization"],"config":{"url":"https://example.com/webhook"}}`, Reply: "admin_hooks/update.json"})
	hook, _, err := env.Client.AdminHooks.Update(context.Background(), 42, UpdateGlobalHookRequest{
		Events: []string{"organization"},
		Config: &GlobalHookConfigRequest{URL: "https://example.com/webhook"},
	})
	require.NoError(t, err, "Update")
	// The reply of the reference: the omitted content type was reset to
	// "form" and the omitted secret removed.
	assertFields(t, "hook", *hook, GlobalHook{
		Type:   "Global",
		ID:     1,
		Name:   "web",
		Active: true,
		Events: []string{"organization"},
		Config: GlobalHookConfig{
			URL:         "https://example.com",
			ContentType: HookContentTypeForm,
			InsecureSSL: HookVerifySSL,
			Secret:      "",
		},
		UpdatedAt: mustTime(t, "2017-12-07T00:14:59Z"),
		CreatedAt: mustTime(t, "2017-12-07T00:14:59Z"),
		URL:       "https://api.github.com/admin/hooks/1",
		PingURL:   "https://api.github.com/admin/hooks/1/pings",
	})
	assertCoversFixture(t, "admin_hooks/update.json", GlobalHook{})
}

func TestAdminHooksUpdateFull(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPatch, Path: "/admin/hooks/7", Preview: mediaTypeSuperproPreview, JSON: `{"config":{"url":"https://example.com/webhook","content_type":"form","secret":"new","insecure_ssl":"0"},"events":["user"],"active":false}`, Reply: "admin_hooks/update.json"})
	_, _, err := env.Client.AdminHooks.Update(context.Background(), 7, UpdateGlobalHookRequest{
		Config: &GlobalHookConfigRequest{
			URL:         "https://example.com/webhook",
			ContentType: Ptr(HookContentTypeForm),
			Secret:      Ptr("new"),
			InsecureSSL: Ptr(HookVerifySSL),
		},
		Events: []string{"user"},
		Active: Ptr(false),
	})
	require.NoError(t, err, "Update")
}

func TestAdminHooksUpdateInvalid(t *testing.T) {
	env := setup(t)
	_, _, err := env.Client.AdminHooks.Update(context.Background(), 1, UpdateGlobalHookRequest{
		Config: &GlobalHookConfigRequest{URL: "https://x", ContentType: Ptr(HookContentType("JSON"))},
	})
	require.ErrorIs(t, err, ErrInvalidArgument)
}

func TestAdminHooksDelete(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodDelete, Path: "/admin/hooks/42", Preview: mediaTypeSuperproPreview, Status: http.StatusNoContent})
	resp, err := env.Client.AdminHooks.Delete(context.Background(), 42)
	requireStatus(t, resp, err, http.StatusNoContent)
}

func TestAdminHooksPing(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/admin/hooks/42/pings", Preview: mediaTypeSuperproPreview, Status: http.StatusNoContent})
	resp, err := env.Client.AdminHooks.Ping(context.Background(), 42)
	requireStatus(t, resp, err, http.StatusNoContent)
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
