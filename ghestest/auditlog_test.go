package ghestest

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/csv"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/nacl/box"
)

func auditPath(s *Server, rest string) string {
	return "/enterprises/" + s.Enterprise() + "/audit-log" + rest
}

func auditActionsOf(t *testing.T, r reply) []string {
	t.Helper()
	wantStatus(t, r, http.StatusOK)
	var out []string
	for _, e := range r.list(t) {
		out = append(out, e["action"].(string)+"/"+str(e["actor"])+"/"+str(e["user"]))
	}
	return out
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func TestAuditLogRecordsTheFakesOwnChanges(t *testing.T) {
	s := New(t, WithClock(func() time.Time { return testNow }))
	wantStatus(t, api(t, s, "POST", "/admin/users", `{"login":"mona","email":"mona@example.com"}`), http.StatusCreated)
	wantStatus(t, api(t, s, "PUT", "/users/mona/suspended", `{"reason":"left"}`), http.StatusNoContent)
	// A refused change records nothing.
	wantStatus(t, api(t, s, "PUT", "/users/"+s.AdminLogin()+"/suspended", ``), http.StatusForbidden)
	wantStatus(t, api(t, s, "POST", "/admin/organizations", `{"login":"acme","admin":"`+s.AdminLogin()+`"}`), http.StatusCreated)

	r := api(t, s, "GET", auditPath(s, ""), "")
	got := strings.Join(auditActionsOf(t, r), " ")
	admin := s.AdminLogin()
	want := "org.create/" + admin + "/ user.suspend/" + admin + "/mona user.create/" + admin + "/mona"
	if got != want {
		t.Fatalf("audit log = %q, want %q (newest first)", got, want)
	}
	e := r.list(t)[0]
	if e["org"] != "acme" || e["created_at"].(float64) != float64(testNow.UnixMilli()) || e["@timestamp"] != e["created_at"] {
		t.Errorf("org.create event = %v", e)
	}
	asc := auditActionsOf(t, api(t, s, "GET", auditPath(s, "?order=asc"), ""))
	if !strings.HasPrefix(asc[0], "user.create/") {
		t.Errorf("order=asc starts with %s", asc[0])
	}
	if n := len(s.AuditEvents()); n != 3 {
		t.Errorf("AuditEvents has %d events, want 3", n)
	}
	if l := api(t, s, "GET", auditPath(s, "?include=git"), "").list(t); len(l) != 0 {
		t.Errorf("include=git listed %d web events", len(l))
	}
}

func TestAuditLogPhraseQualifiers(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 1, d, 10, 0, 0, 0, time.UTC) }
	s := New(t, WithClock(func() time.Time { return testNow }), WithAuditEvents(
		AuditEvent{Action: "user.login", Actor: "mona", User: "mona", At: day(2)},
		AuditEvent{Action: "user.suspend", Actor: "boss", User: "mona", At: day(10)},
		AuditEvent{Action: "user.login", Actor: "hubot", User: "hubot", At: day(20)},
		AuditEvent{Action: "repo.create", Actor: "mona", At: day(31)},
	))
	for _, tc := range []struct {
		phrase string
		want   string
	}{
		{"action:user.login", "user.login/hubot/hubot user.login/mona/mona"},
		{"actor:mona", "repo.create/mona/ user.login/mona/mona"},
		{"action:user.* actor:mona", "user.login/mona/mona"},
		{"-action:user.login", "repo.create/mona/ user.suspend/boss/mona"},
		{"user:mona", "user.suspend/boss/mona user.login/mona/mona"},
		{"created:2024-01-10", "user.suspend/boss/mona"},
		{"created:2024-01-02..2024-01-10", "user.suspend/boss/mona user.login/mona/mona"},
		{"created:>2024-01-10", "repo.create/mona/ user.login/hubot/hubot"},
		{"created:>=2024-01-10 created:<2024-01-31", "user.login/hubot/hubot user.suspend/boss/mona"},
		{"created:<=2024-01-02", "user.login/mona/mona"},
	} {
		r := api(t, s, "GET", auditPath(s, "?phrase="+url.QueryEscape(tc.phrase)), "")
		if got := strings.Join(auditActionsOf(t, r), " "); got != tc.want {
			t.Errorf("phrase %q: %q, want %q", tc.phrase, got, tc.want)
		}
	}
	for _, bad := range []string{"created:yesterday", "colour:blue", "mona", "action:"} {
		r := api(t, s, "GET", auditPath(s, "?phrase="+url.QueryEscape(bad)), "")
		wantStatus(t, r, http.StatusUnprocessableEntity)
	}
	wantStatus(t, api(t, s, "GET", auditPath(s, "?order=sideways"), ""), http.StatusUnprocessableEntity)
	wantStatus(t, api(t, s, "GET", auditPath(s, "?include=ftp"), ""), http.StatusUnprocessableEntity)
}

var linkRel = regexp.MustCompile(`<([^>]+)>; rel="(\w+)"`)

func links(r reply) map[string]string {
	out := map[string]string{}
	for _, m := range linkRel.FindAllStringSubmatch(r.header.Get("Link"), -1) {
		out[m[2]] = m[1]
	}
	return out
}

func TestAuditLogCursorPages(t *testing.T) {
	var seed []AuditEvent
	for i := 1; i <= 5; i++ {
		seed = append(seed, AuditEvent{Action: "user.login", Actor: "u" + string(rune('0'+i)), At: time.Date(2024, 1, i, 0, 0, 0, 0, time.UTC)})
	}
	s := New(t, WithAuditEvents(seed...))
	u := s.APIURL() + strings.TrimPrefix(auditPath(s, "?per_page=2&phrase=action%3Auser.login"), "/")
	var actors []string
	pages := 0
	for u != "" {
		r := do(t, req{method: "GET", url: u, token: s.Token()})
		wantStatus(t, r, http.StatusOK)
		pages++
		for _, e := range r.list(t) {
			actors = append(actors, e["actor"].(string))
		}
		l := links(r)
		if pages > 1 && l["prev"] == "" {
			t.Errorf("page %d has no prev link", pages)
		}
		if next := l["next"]; next != "" {
			nu, _ := url.Parse(next)
			if nu.Query().Get("after") == "" || nu.Query().Get("phrase") != "action:user.login" {
				t.Errorf("next link %s lacks the after cursor or the phrase", next)
			}
		}
		u = l["next"]
		if pages > 5 {
			t.Fatal("the next links never end")
		}
	}
	if got := strings.Join(actors, ","); pages != 3 || got != "u5,u4,u3,u2,u1" {
		t.Fatalf("%d pages, actors %s", pages, got)
	}
	wantStatus(t, api(t, s, "GET", auditPath(s, "?after=bogus"), ""), http.StatusUnprocessableEntity)
	wantStatus(t, api(t, s, "GET", auditPath(s, "?after="+auditCursor(1)+"&before="+auditCursor(2)), ""), http.StatusUnprocessableEntity)
	// A non-administrator gets 404, another enterprise too.
	wantStatus(t, api(t, s, "GET", "/enterprises/other/audit-log", ""), http.StatusNotFound)
}

func sealFor(t *testing.T, key, secret string) string {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(key)
	if err != nil || len(raw) != 32 {
		t.Fatalf("stream key %q is not a 32-byte Base64 key", key)
	}
	var pub [32]byte
	copy(pub[:], raw)
	sealed, err := box.SealAnonymous(nil, []byte(secret), &pub, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(sealed)
}

func TestAuditLogStreamsCRUD(t *testing.T) {
	s := New(t, WithVersion("3.19.0"), WithClock(func() time.Time { return testNow }))
	k := api(t, s, "GET", auditPath(s, "/stream-key"), "").obj(t)
	keyID, key := k["key_id"].(string), k["key"].(string)
	body := func(enabled, keyID, token string) string {
		return `{"enabled":` + enabled + `,"stream_type":"Datadog","vendor_specific":{"encrypted_token":"` + token + `","site":"EU1","key_id":"` + keyID + `"}}`
	}
	r := api(t, s, "POST", auditPath(s, "/streams"), body("true", keyID, sealFor(t, key, "dd-secret")))
	wantStatus(t, r, http.StatusOK)
	st := r.obj(t)
	id := int64(st["id"].(float64))
	if st["stream_type"] != "Datadog" || st["stream_details"] != "EU1" || st["enabled"] != true || st["paused_at"] != nil {
		t.Errorf("created stream = %v", st)
	}
	if got := s.StreamSecrets(id)["encrypted_token"]; got != "dd-secret" {
		t.Errorf("the fake opened %q, want the sealed secret", got)
	}
	if l := api(t, s, "GET", auditPath(s, "/streams"), "").list(t); len(l) != 1 {
		t.Errorf("%d streams listed", len(l))
	}
	path := auditPath(s, "/streams/"+strconv.FormatInt(id, 10))
	r = api(t, s, "PUT", path, body("false", keyID, sealFor(t, key, "dd-secret-2")))
	wantStatus(t, r, http.StatusOK)
	if up := r.obj(t); up["enabled"] != false || up["paused_at"] == nil {
		t.Errorf("disabled stream = %v; want paused_at set", up)
	}
	if got := s.StreamSecrets(id)["encrypted_token"]; got != "dd-secret-2" {
		t.Errorf("after update the fake holds %q", got)
	}
	// 422s: another key id, a secret not sealed for the key, a missing key, an unknown type.
	wantStatus(t, api(t, s, "POST", auditPath(s, "/streams"), body("true", "other", sealFor(t, key, "x"))), http.StatusUnprocessableEntity)
	wantStatus(t, api(t, s, "POST", auditPath(s, "/streams"), body("true", keyID, base64.StdEncoding.EncodeToString([]byte("plain text, not sealed at all, long enough")))), http.StatusUnprocessableEntity)
	wantStatus(t, api(t, s, "POST", auditPath(s, "/streams"), `{"enabled":true,"stream_type":"Datadog","vendor_specific":{"site":"EU1","key_id":"`+keyID+`"}}`), http.StatusUnprocessableEntity)
	wantStatus(t, api(t, s, "POST", auditPath(s, "/streams"), `{"enabled":true,"stream_type":"Kafka","vendor_specific":{}}`), http.StatusUnprocessableEntity)

	wantStatus(t, api(t, s, "DELETE", path, ""), http.StatusNoContent)
	wantStatus(t, api(t, s, "GET", path, ""), http.StatusNotFound)
	// The stream's life is in the audit log.
	acts := auditActionsOf(t, api(t, s, "GET", auditPath(s, "?phrase=action:audit_log_streaming.*"), ""))
	if len(acts) != 3 {
		t.Errorf("stream events = %v", acts)
	}
	// Streams are 3.16 and later.
	old := New(t, WithVersion("3.15.0"))
	wantStatus(t, api(t, old, "GET", auditPath(old, "/streams"), ""), http.StatusNotFound)
}

func TestReportsAcceptedThenCSV(t *testing.T) {
	s := New(t, WithClock(func() time.Time { return testNow }),
		WithUsers(User{Login: "mona", Email: "mona@example.com"}, User{Login: "old", Email: "old@example.com"}, User{Login: "gone", Suspended: true}),
		WithLastActive(map[string]time.Time{"old": testNow.AddDate(0, -6, 0)}))
	get := func(name string, basic *[2]string) reply {
		return do(t, req{method: "GET", url: s.WebURL() + "/stafftools/reports/" + name + ".csv", basic: basic})
	}
	admin := &[2]string{s.AdminLogin(), s.Token()}
	wantStatus(t, get("dormant_users", nil), http.StatusUnauthorized)
	// The API's token header is not the web origin's authentication.
	wantStatus(t, do(t, req{method: "GET", url: s.WebURL() + "/stafftools/reports/dormant_users.csv", token: s.Token()}), http.StatusUnauthorized)
	wantStatus(t, get("dormant_users", admin), http.StatusAccepted)
	r := get("dormant_users", admin)
	wantStatus(t, r, http.StatusOK)
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("Content-Type %q", ct)
	}
	recs, err := csv.NewReader(strings.NewReader(string(r.body))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != strings.Join(reportHeaders["users"], ",") || len(recs) != 2 || recs[1][2] != "old" || recs[1][10] != "true" {
		t.Fatalf("dormant_users.csv = %q", recs)
	}
	wantStatus(t, get("suspended_users", admin), http.StatusAccepted)
	r = get("suspended_users", admin)
	if !strings.Contains(string(r.body), ",gone,") || strings.Contains(string(r.body), ",mona,") {
		t.Errorf("suspended_users.csv = %s", r.body)
	}
	// Only reports GHES has; only for site administrators.
	wantStatus(t, get("everything", admin), http.StatusNotFound)
	wantStatus(t, do(t, req{method: "GET", url: s.APIURL() + "stafftools/reports/all_users.csv", basic: admin}), http.StatusNotFound)
}
