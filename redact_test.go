package ghesadmin

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// A secret that happens to be ordinary header text (a token "next", the
// word of rel="next") must not change what the client reads from the
// headers: the walk follows every page. What the caller sees of the
// headers is still redacted.
func TestShortSecretsLeaveTheProtocolHeadersAlone(t *testing.T) {
	const token = "next"
	// A console password that is a word of the links' paths.
	const password = "hooks"
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v3/admin/hooks" {
			http.NotFound(w, r)
			return
		}
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if page == 0 {
			page = 1
		}
		if page < 3 {
			w.Header().Set("Link", fmt.Sprintf(`<%s/api/v3/admin/hooks?page=%d>; rel="next"`, srv.URL, page+1))
		}
		w.Header().Set("X-GitHub-Request-Id", "ABCD:"+token)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `[{"id":%d,"name":"web"}]`, page)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL, WithToken(token), WithManagementConsole(srv.URL, password), WithoutRetries())
	require.NoError(t, err)

	var ids []int64
	for h, err := range c.AdminHooks.ListIter(context.Background(), nil) {
		require.NoError(t, err)
		ids = append(ids, h.ID)
	}
	require.Equal(t, []int64{1, 2, 3}, ids, "every page is followed")

	_, resp, err := c.AdminHooks.List(context.Background(), nil)
	require.NoError(t, err)
	require.Equal(t, srv.URL+"/api/v3/admin/hooks?page=2", resp.NextURL)
	require.Equal(t, 2, resp.NextPage)
	require.Equal(t, "ABCD:[REDACTED]", resp.RequestID)
	require.Equal(t, `<`+srv.URL+`/api/v3/admin/[REDACTED]?page=2>; rel="[REDACTED]"`, resp.Header.Get("Link"), "the headers the caller sees are redacted")
}

// A next link that carries a credential is dropped, not followed.
func TestNextLinkWithACredentialIsDropped(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", fmt.Sprintf(`<%s/api/v3/admin/hooks?page=2&access_token=%s>; rel="next"`, srv.URL, testToken))
		fmt.Fprint(w, `[{"id":1}]`)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL, WithToken(testToken), WithoutRetries())
	require.NoError(t, err)
	_, resp, err := c.AdminHooks.List(context.Background(), nil)
	require.NoError(t, err)
	require.Empty(t, resp.NextURL)
	require.Zero(t, resp.NextPage)
	require.NotContains(t, resp.Header.Get("Link"), testToken)
}
