package ghesadmin

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// The values a method could not read reach Response.Unread on every path of
// the request core: a list returned as a slice (fetchSlice), a wrapped list
// page (wrappedOut), an object (fetch, lenientTarget), an audit log event
// (its own UnmarshalJSON) and a reply read by a decode hook (stats sections,
// Manage.DownloadUpgrade). A reply read whole has no Unread.
func TestResponseUnread(t *testing.T) {
	ctx := context.Background()
	env := setup(t)
	env.API.HandleFunc("GET /admin/keys", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, `[{"id":1,"key":"AAAA"},{"id":"two","key":"BBBB"},{"id":"3","key":"CCCC"}]`)
	})
	env.API.HandleFunc("GET /enterprises/{enterprise}/actions/runners", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, `{"total_count":2,"runners":[`+
			`{"id":5,"name":"a","labels":[{"id":1,"name":"x"}]},`+
			`{"id":6,"name":"b","labels":[{"id":2,"name":{"text":"y"}},{"id":3,"name":"z"}]}]}`)
	})
	env.API.HandleFunc("GET /admin/hooks/{id}", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, `{"id":1,"name":"web","active":true,"config":{"url":{"href":"https://example.com"},"content_type":"json","insecure_ssl":["0"]}}`)
	})
	env.API.HandleFunc("GET /enterprises/{enterprise}/audit-log", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, `[{"action":"user.suspend","actor_id":"many","user_id":"7"},{"action":"user.create","actor_id":8}]`)
	})
	env.API.HandleFunc("GET /users/{username}", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, `{"login":"mona","id":"12"}`)
	})

	t.Run("list", func(t *testing.T) {
		keys, resp, err := env.Client.Users.ListPublicKeys(ctx, nil)
		require.NoError(t, err)
		require.Len(t, keys, 3)
		require.Equal(t, []int64{1, 0, 3}, []int64{keys[0].ID, keys[1].ID, keys[2].ID})
		require.Equal(t, "BBBB", keys[1].Key)
		require.Equal(t, []UnreadValue{{Path: "[1].id", Value: json.RawMessage(`"two"`)}}, resp.Unread)
	})
	t.Run("wrapped list", func(t *testing.T) {
		rs, resp, err := env.Client.Actions.ListRunners(ctx, "acme", nil)
		require.NoError(t, err)
		require.Len(t, rs.Runners, 2)
		require.Equal(t, []*RunnerLabel{{ID: 2}, {ID: 3, Name: "z"}}, rs.Runners[1].Labels)
		require.Equal(t, "x", rs.Runners[0].Labels[0].Name)
		require.Equal(t, []UnreadValue{{Path: "runners[1].labels[0].name", Value: json.RawMessage(`{"text":"y"}`)}}, resp.Unread)
	})
	t.Run("object, nested paths, an object where a string is documented", func(t *testing.T) {
		h, resp, err := env.Client.AdminHooks.Get(ctx, 1)
		require.NoError(t, err)
		require.Equal(t, GlobalHookConfig{ContentType: HookContentTypeJSON}, h.Config)
		require.Equal(t, "web", h.Name)
		require.ElementsMatch(t, []UnreadValue{
			{Path: "config.url", Value: json.RawMessage(`{"href":"https://example.com"}`)},
			{Path: "config.insecure_ssl", Value: json.RawMessage(`["0"]`)},
		}, resp.Unread)
	})
	t.Run("audit log event", func(t *testing.T) {
		events, resp, err := env.Client.AuditLog.List(ctx, "acme", nil)
		require.NoError(t, err)
		require.Len(t, events, 2)
		require.Equal(t, int64(0), events[0].ActorID)
		require.Equal(t, int64(7), events[0].UserID)
		require.Equal(t, "user.suspend", events[0].Action)
		require.Equal(t, int64(8), events[1].ActorID)
		require.Equal(t, []UnreadValue{{Path: "[0].actor_id", Value: json.RawMessage(`"many"`)}}, resp.Unread)
	})
	t.Run("read whole", func(t *testing.T) {
		u, resp, err := env.Client.Users.Get(ctx, "mona")
		require.NoError(t, err)
		require.Equal(t, int64(12), u.ID)
		require.Nil(t, resp.Unread)
	})
	t.Run("decode hook", func(t *testing.T) {
		env := mock(t)
		env.expect(t, call{Console: true, Method: http.MethodPost, Path: "/manage/v1/upgrade/download", JSON: `{}`, Status: http.StatusAccepted,
			ReplyJSON: `{"message":"started","download_id":"d1","max_parallel":"all","total_nodes":2}`})
		d, resp, err := env.Client.Manage.DownloadUpgrade(ctx, UpgradeDownloadRequest{})
		require.NoError(t, err)
		require.Equal(t, &UpgradeDownloadOrchestration{Message: "started", DownloadID: "d1", TotalNodes: 2}, d.Orchestration)
		require.Equal(t, []UnreadValue{{Path: "max_parallel", Value: json.RawMessage(`"all"`)}}, resp.Unread)
	})
}

// A plain json.Unmarshal of an audit log event still fails on a value it
// cannot read (the event has no Response to keep it on), naming the field.
func TestAuditLogEventUnreadValueIsATypeError(t *testing.T) {
	var e AuditLogEvent
	err := json.Unmarshal([]byte(`{"action":"a","actor_id":"many"}`), &e)
	var te *json.UnmarshalTypeError
	require.ErrorAs(t, err, &te)
	require.Equal(t, "actor_id", te.Field)
	// A value it can convert is converted.
	require.NoError(t, json.Unmarshal([]byte(`{"action":"a","actor_id":"7"}`), &e))
	require.Equal(t, int64(7), e.ActorID)
}

// The exception README's "Tolerant replies" names: a value whose type's own
// decoder refuses it without a type error (time.Time given a number) gives
// encoding/json no path to record, so the reply is still a *DecodeError.
func TestTimeAsNumberIsStillADecodeError(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/admin/hooks/1", Preview: mediaTypeSuperproPreview,
		ReplyJSON: `{"id":1,"name":"web","created_at":1635940599}`})
	_, _, err := env.Client.AdminHooks.Get(context.Background(), 1)
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	require.Equal(t, http.StatusOK, de.Status)
}

// The SDK's own scalar types refuse a value with a type error, so that the
// value is kept unread and the rest of the reply is read.
func TestOwnScalarTypesKeepWhatTheyCannotRead(t *testing.T) {
	var v struct {
		F FlexFloat     `json:"f"`
		I FlexInt       `json:"i"`
		S FlexString    `json:"s"`
		T Timestamp     `json:"t"`
		L LicenseSeats  `json:"l"`
		P PropertyValue `json:"p"`
		N int           `json:"n"`
	}
	unread, err := decodeLenient([]byte(`{"f":"n/a","i":{"x":1},"s":{},"t":"n/a","l":{},"p":{"y":2},"n":3}`), &v)
	require.NoError(t, err)
	require.Equal(t, 3, v.N)
	require.ElementsMatch(t, []UnreadValue{
		{Path: "f", Value: json.RawMessage(`"n/a"`)},
		{Path: "i", Value: json.RawMessage(`{"x":1}`)},
		{Path: "s", Value: json.RawMessage(`{}`)},
		{Path: "t", Value: json.RawMessage(`"n/a"`)},
		{Path: "l", Value: json.RawMessage(`{}`)},
		{Path: "p", Value: json.RawMessage(`{"y":2}`)},
	}, unread)
}
