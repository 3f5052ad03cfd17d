package ghesadmin

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The audit log of acmeCorp, an enterprise slug that needs escaping.
const auditLogPath = "/enterprises/" + acmeCorpEscaped + "/audit-log"

// auditLogFixtureEvent is testdata/auditlog/events.json[0] decoded: every
// documented property, and two undocumented keys kept in Extra.
func auditLogFixtureEvent() AuditLogEvent {
	return AuditLogEvent{
		Timestamp:     1735787045123,
		DocumentID:    "Xy1Zt8Kq3LmN0pQrStUvWw",
		Action:        "hook.config_changed",
		Active:        Ptr(true),
		ActiveWas:     Ptr(false),
		Actor:         "octoadmin",
		ActorID:       1001,
		ActorLocation: map[string]any{"country_name": "Germany", "country_code": "DE"},
		Data:          map[string]any{"method": "PATCH", "request_id": "a1b2:c3d4", "status_code": float64(200)},
		OrgID:         77,
		UserID:        1002,
		BusinessID:    3,
		BlockedUser:   "spammer",
		Business:      "acme corp",
		Config: []map[string]any{
			{"content_type": "json", "insecure_ssl": "0", "url": "https://hooks.example.com/new"},
		},
		ConfigWas: []map[string]any{
			{"content_type": "form", "insecure_ssl": "1", "url": "https://hooks.example.com/old"},
		},
		ContentType:           "json",
		OperationType:         "modify",
		CreatedAt:             1735787045000,
		DeployKeyFingerprint:  "SHA256:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
		Emoji:                 ":rocket:",
		Events:                []map[string]any{{"name": "push"}},
		EventsWere:            []map[string]any{{"name": "pull_request"}},
		Explanation:           "rotated after the incident",
		Fingerprint:           "SHA256:ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvu",
		HookID:                42,
		LimitedAvailability:   Ptr(false),
		Message:               "config updated",
		Name:                  "ci-hook",
		OldUser:               "mona-old",
		OpenSSHPublicKey:      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAbc mona@example",
		Org:                   "octo-org",
		PreviousVisibility:    "private",
		ReadOnly:              Ptr(true),
		Repo:                  "octo-org/widgets",
		Repository:            "octo-org/widgets",
		RepositoryPublic:      Ptr(false),
		TargetLogin:           "hubot",
		Team:                  "octo-org/reviewers",
		TransportProtocol:     1,
		TransportProtocolName: "http",
		User:                  "mona",
		Visibility:            "internal",
		// Only the undocumented keys: a documented key the struct lacked
		// would land here too and fail the comparison.
		Extra: map[string]json.RawMessage{
			"actor_ip": json.RawMessage(`"192.0.2.10"`),
			"from":     json.RawMessage(`"stafftools/hooks#update"`),
		},
	}
}

func TestAuditLogList(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: auditLogPath, Query: url.Values{
		"phrase":   {"action:hook.config_changed actor:octoadmin created:>=2026-01-01"},
		"include":  {"all"},
		"before":   {"MS42NjQ1MzQ1NjUwMDFlKzEyfGxNUDNCaA"},
		"order":    {"asc"},
		"page":     {"2"},
		"per_page": {"50"},
	}, Reply: "auditlog/events.json"})
	events, resp, err := env.Client.AuditLog.List(context.Background(), acmeCorp, &AuditLogOptions{
		Phrase:      "action:hook.config_changed actor:octoadmin created:>=2026-01-01",
		Include:     AuditLogIncludeAll,
		Before:      "MS42NjQ1MzQ1NjUwMDFlKzEyfGxNUDNCaA",
		Order:       AuditLogOrderAsc,
		ListOptions: ListOptions{Page: 2, PerPage: 50},
	})
	requireStatus(t, resp, err, http.StatusOK)
	require.Len(t, events, 1)
	assertFields(t, "event", *events[0], auditLogFixtureEvent())
	assert.Equal(t, time.UnixMilli(1735787045000).UTC(), events[0].CreatedTime())
	assertCoversFixture(t, "auditlog/events.json", []*AuditLogEvent{})
}

// TestAuditLogListCursorAndValues: the other cursor and the other values of
// the enums reach the query; no options send none.
func TestAuditLogListCursorAndValues(t *testing.T) {
	for _, tc := range []struct {
		opts  *AuditLogOptions
		query url.Values
	}{
		{nil, nil},
		{&AuditLogOptions{}, nil},
		{&AuditLogOptions{After: "Y3Vyc29yOjE=", Include: AuditLogIncludeGit, Order: AuditLogOrderDesc}, url.Values{"after": {"Y3Vyc29yOjE="}, "include": {"git"}, "order": {"desc"}}},
		{&AuditLogOptions{Include: AuditLogIncludeWeb, Phrase: "repo:octo-org/widgets"}, url.Values{"include": {"web"}, "phrase": {"repo:octo-org/widgets"}}},
	} {
		env := mock(t)
		env.expect(t, call{Method: http.MethodGet, Path: auditLogPath, Query: tc.query, ReplyJSON: `[]`})
		events, resp, err := env.Client.AuditLog.List(context.Background(), acmeCorp, tc.opts)
		requireStatus(t, resp, err, http.StatusOK)
		assert.Empty(t, events, "query %v", tc.query)
	}
}

func TestAuditLogListNotFound(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: auditLogPath, Status: http.StatusNotFound, ReplyJSON: `{"message":"Not Found","documentation_url":"https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/audit-log#get-the-audit-log-for-an-enterprise"}`})
	events, resp, err := env.Client.AuditLog.List(context.Background(), acmeCorp, nil)
	require.ErrorIs(t, err, ErrNotFound)
	assert.Nil(t, events)
	require.NotNil(t, resp)
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	var er *ErrorResponse
	require.ErrorAs(t, err, &er)
	assert.Equal(t, "Not Found", er.Message)
}

// TestAuditLogListIter walks three pages by the next link: by cursor (the
// `after` of each link replaces the caller's cursor, the other options
// stay) and by page number; each page's query is exact.
func TestAuditLogListIter(t *testing.T) {
	link := func(q string) http.Header {
		return http.Header{"Link": {`<https://ghes.test/api/v3/enterprises/acme%20corp/audit-log?` + q + `>; rel="next"`}}
	}
	base := url.Values{"phrase": {"actor:mona"}, "include": {"all"}, "order": {"asc"}}
	with := func(kv ...string) url.Values {
		q := url.Values{}
		for k, v := range base {
			q[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			q.Set(kv[i], kv[i+1])
		}
		return q
	}
	for _, tc := range []struct {
		name  string
		opts  AuditLogOptions
		pages []url.Values // the query of each page
		links []string     // the next link's query of each page but the last
	}{
		{
			name:  "cursor",
			opts:  AuditLogOptions{Before: "b0", ListOptions: ListOptions{PerPage: 2}},
			pages: []url.Values{with("before", "b0", "per_page", "2"), with("after", "c1", "per_page", "2"), with("after", "c2", "per_page", "2")},
			links: []string{"after=c1&per_page=2&phrase=actor%3Amona", "after=c2&per_page=2&phrase=actor%3Amona"},
		},
		{
			name:  "page",
			opts:  AuditLogOptions{},
			pages: []url.Values{with(), with("page", "2", "per_page", "30"), with("page", "3", "per_page", "30")},
			links: []string{"page=2&per_page=30", "page=3&per_page=30"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := mock(t)
			for i, q := range tc.pages {
				c := call{Method: http.MethodGet, Path: auditLogPath, Query: q, ReplyJSON: fmt.Sprintf(`[{"action":"a.%d","actor":"mona"},{"action":"b.%d"}]`, i+1, i+1)}
				if i < len(tc.links) {
					c.ReplyHeader = link(tc.links[i])
				}
				env.expect(t, c)
			}
			opts := tc.opts
			opts.Phrase, opts.Include, opts.Order = "actor:mona", AuditLogIncludeAll, AuditLogOrderAsc
			caller := opts
			var got []string
			for e, err := range env.Client.AuditLog.ListIter(context.Background(), acmeCorp, &opts) {
				require.NoError(t, err)
				got = append(got, e.Action)
			}
			assert.Equal(t, []string{"a.1", "b.1", "a.2", "b.2", "a.3", "b.3"}, got)
			assert.Equal(t, caller, opts, "ListIter modified the caller's options")
		})
	}
}

func TestAuditLogListIterStopsOnALoop(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: auditLogPath, Query: url.Values{"after": {"loop"}}, ReplyJSON: `[{"action":"x"}]`,
		ReplyHeader: http.Header{"Link": {`<https://ghes.test/api/v3/enterprises/acme%20corp/audit-log?after=loop>; rel="next"`}}})
	var errs []error
	n := 0
	for _, err := range env.Client.AuditLog.ListIter(context.Background(), acmeCorp, &AuditLogOptions{After: "loop"}) {
		n++
		if err != nil {
			errs = append(errs, err)
		}
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrPaginationLoop)
	assert.LessOrEqual(t, n, 3)
}

// TestAuditLogListRefusesBadInput: nothing is sent (the mock has no
// expectation), and the error names the method and the field.
func TestAuditLogListRefusesBadInput(t *testing.T) {
	for _, tc := range []struct {
		enterprise string
		opts       AuditLogOptions
		field      string
	}{
		{"", AuditLogOptions{}, "enterprise"},
		{"..", AuditLogOptions{}, "enterprise"},
		{"e", AuditLogOptions{Include: "ftp"}, "AuditLogOptions.Include"},
		{"e", AuditLogOptions{Order: "up"}, "AuditLogOptions.Order"},
		{"e", AuditLogOptions{After: "a", Before: "b"}, "After and Before"},
		{"e", AuditLogOptions{Phrase: "a\nb"}, "AuditLogOptions.Phrase"},
		{"e", AuditLogOptions{ListOptions: ListOptions{PerPage: 101}}, "AuditLogOptions.PerPage"},
		{"e", AuditLogOptions{ListOptions: ListOptions{Page: -1}}, "AuditLogOptions.Page"},
	} {
		env := mock(t)
		opts := tc.opts
		_, resp, err := env.Client.AuditLog.List(context.Background(), tc.enterprise, &opts)
		assert.Nil(t, resp, "%s", tc.field)
		require.ErrorIs(t, err, ErrInvalidArgument, tc.field)
		assert.Contains(t, err.Error(), "AuditLog.List", tc.field)
		assert.Contains(t, err.Error(), tc.field)
		for _, err := range env.Client.AuditLog.ListIter(context.Background(), tc.enterprise, &opts) {
			assert.ErrorIs(t, err, ErrInvalidArgument, "ListIter %s", tc.field)
		}
	}
}

func TestAuditLogEventKeepsUndocumentedKeys(t *testing.T) {
	in := `{"@timestamp":1635940599755,"action":"pull_request.merge","actor":"mona-admin","actor_id":"7","actor_ip":"88.123.45.123",` +
		`"from":"pull_requests#merge","device_cookie":null,"repo_id":17,"actor_location":{"country_code":"GB","country_name":"United Kingdom"},` +
		`"data":{"method":"POST","pull_request_id":1},"created_at":1635940599755}`
	var e AuditLogEvent
	if unread, err := decodeLenient([]byte(in), &e); err != nil || unread != nil {
		t.Fatal(unread, err)
	}
	if e.ActorID != 7 || e.Action != "pull_request.merge" || e.CreatedTime() != time.UnixMilli(1635940599755).UTC() {
		t.Errorf("event %+v", e)
	}
	if string(e.Extra["actor_ip"]) != `"88.123.45.123"` || string(e.Extra["repo_id"]) != "17" || string(e.Extra["device_cookie"]) != "null" {
		t.Errorf("extra %v", e.Extra)
	}
	out, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var a, b map[string]any
	_ = json.Unmarshal([]byte(strings.Replace(in, `"actor_id":"7"`, `"actor_id":7`, 1)), &a)
	_ = json.Unmarshal(out, &b)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("round trip\n got %s\nwant %s", out, in)
	}
}
