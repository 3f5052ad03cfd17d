package e2e_test

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

// TestGlobalWebhooks runs the global webhook workflow. On 2.22 the fake
// answers 415 to a request without the superpro preview, so the run proves
// the SDK sends it.
func TestGlobalWebhooks(t *testing.T) {
	onFakes(t, versions, nil, func(t *testing.T, c context.Context, srv *ghestest.Server, client *ghesadmin.Client) {
		json := ghesadmin.HookContentTypeJSON
		h, resp, err := client.AdminHooks.Create(c, ghesadmin.CreateGlobalHookRequest{
			Name:   "web",
			Config: ghesadmin.GlobalHookConfigRequest{URL: "https://hooks.example.com/first", ContentType: &json, Secret: ghesadmin.Ptr("s3cr3t")},
			Events: []string{"user"},
		})
		must(t, "Create", err)
		wantStatus(t, "Create", resp, http.StatusCreated)
		if h.Type != "Global" || h.Name != "web" || !h.Active || !slices.Equal(h.Events, []string{"user"}) || h.ID == 0 {
			t.Errorf("Create: %+v", h)
		}
		wantCfg := ghesadmin.GlobalHookConfig{URL: "https://hooks.example.com/first", ContentType: json, InsecureSSL: ghesadmin.HookVerifySSL, Secret: "********"}
		if h.Config != wantCfg {
			t.Errorf("Create: config %+v, want %+v (secret masked)", h.Config, wantCfg)
		}
		if !strings.HasSuffix(h.URL, "/admin/hooks/"+strconv.FormatInt(h.ID, 10)) || h.PingURL != h.URL+"/pings" || h.CreatedAt.IsZero() {
			t.Errorf("Create: URLs %q %q, created %v", h.URL, h.PingURL, h.CreatedAt)
		}

		got, _, err := client.AdminHooks.Get(c, h.ID)
		must(t, "Get", err)
		if got.ID != h.ID || got.Config != wantCfg || !slices.Equal(got.Events, h.Events) || !got.CreatedAt.Equal(h.CreatedAt) {
			t.Errorf("Get: %+v, want %+v", got, h)
		}

		// Four more, then list them all two at a time.
		ids := []int64{h.ID}
		for i := range 4 {
			more, _, err := client.AdminHooks.Create(c, ghesadmin.CreateGlobalHookRequest{Config: ghesadmin.GlobalHookConfigRequest{URL: "https://hooks.example.com/" + strconv.Itoa(i)}})
			must(t, "Create more", err)
			// Defaults: events user and organization, form, verify SSL, no secret.
			if more.Name != "web" || !more.Active || !slices.Equal(more.Events, []string{"user", "organization"}) ||
				more.Config.ContentType != ghesadmin.HookContentTypeForm || more.Config.InsecureSSL != ghesadmin.HookVerifySSL || more.Config.Secret != "" {
				t.Errorf("Create with defaults: %+v", more)
			}
			ids = append(ids, more.ID)
		}
		srv.ResetRequestCounts()
		listed := collect(t, "ListIter", client.AdminHooks.ListIter(c, &ghesadmin.ListOptions{PerPage: 2}), func(lh *ghesadmin.GlobalHook) int64 { return lh.ID })
		if len(listed) != 5 || srv.RequestCount("GET", "/admin/hooks") != 3 {
			t.Fatalf("ListIter: %v in %d requests, want 5 hooks in 3", listed, srv.RequestCount("GET", "/admin/hooks"))
		}
		for i := range ids {
			if listed[i] != ids[i] {
				t.Fatalf("ListIter: %v, want %v", listed, ids)
			}
		}
		page, resp, err := client.AdminHooks.List(c, &ghesadmin.ListOptions{Page: 3, PerPage: 2})
		must(t, "List page 3", err)
		if len(page) != 1 || page[0].ID != ids[4] || resp.NextPage != 0 || resp.PrevPage != 2 {
			t.Errorf("List page 3: %d hooks, next %d prev %d", len(page), resp.NextPage, resp.PrevPage)
		}

		// Update replaces: what is left out goes back to its default
		// (active true, events user and organization, form, no secret).
		_, _, err = client.AdminHooks.Update(c, h.ID, ghesadmin.UpdateGlobalHookRequest{
			Config: &ghesadmin.GlobalHookConfigRequest{URL: "https://hooks.example.com/first", ContentType: &json, Secret: ghesadmin.Ptr("s3cr3t")},
			Events: []string{"organization"}, Active: ghesadmin.Ptr(false),
		})
		must(t, "Update (deactivate)", err)
		up, resp, err := client.AdminHooks.Update(c, h.ID, ghesadmin.UpdateGlobalHookRequest{
			Config: &ghesadmin.GlobalHookConfigRequest{URL: "https://hooks.example.com/moved"},
		})
		must(t, "Update", err)
		wantStatus(t, "Update", resp, http.StatusOK)
		wantUp := ghesadmin.GlobalHookConfig{URL: "https://hooks.example.com/moved", ContentType: ghesadmin.HookContentTypeForm, InsecureSSL: ghesadmin.HookVerifySSL}
		if up.Config != wantUp {
			t.Errorf("Update: config %+v, want %+v (replaced, secret removed)", up.Config, wantUp)
		}
		if !up.Active || !slices.Equal(up.Events, []string{"user", "organization"}) {
			t.Errorf("Update: active %v events %v, want the defaults true and [user organization]", up.Active, up.Events)
		}
		got, _, err = client.AdminHooks.Get(c, h.ID)
		must(t, "Get after Update", err)
		if got.Config != wantUp || got.Active != up.Active || !slices.Equal(got.Events, up.Events) {
			t.Errorf("Get after Update: %+v", got)
		}
		_, _, err = client.AdminHooks.Update(c, h.ID, ghesadmin.UpdateGlobalHookRequest{
			Config: &ghesadmin.GlobalHookConfigRequest{URL: "https://hooks.example.com/moved"}, Active: ghesadmin.Ptr(false), Events: []string{"user"},
		})
		must(t, "Update again", err)
		hs, _, err := client.Stats.Hooks(c)
		must(t, "Stats.Hooks", err)
		if *hs != (ghesadmin.HookStats{TotalHooks: 5, ActiveHooks: 4, InactiveHooks: 1}) {
			t.Errorf("Stats.Hooks %+v", *hs)
		}

		resp, err = client.AdminHooks.Ping(c, h.ID)
		must(t, "Ping", err)
		wantStatus(t, "Ping", resp, http.StatusNoContent)

		resp, err = client.AdminHooks.Delete(c, h.ID)
		must(t, "Delete", err)
		wantStatus(t, "Delete", resp, http.StatusNoContent)
		_, _, err = client.AdminHooks.Get(c, h.ID)
		wantIs(t, "Get deleted", err, ghesadmin.ErrNotFound, http.StatusNotFound)
		_, err = client.AdminHooks.Ping(c, h.ID)
		wantIs(t, "Ping deleted", err, ghesadmin.ErrNotFound, http.StatusNotFound)
	})
}
