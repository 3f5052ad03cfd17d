package ghesadmin

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/nacl/box"
)

// webServer is a server for the web origin and the REST API at once, as on
// a real appliance, recording the Authorization header of every request.
type webServer struct {
	*httptest.Server
	mu    sync.Mutex
	auth  map[string][]string // path → Authorization headers
	polls int
}

func newWebServer(t *testing.T, h func(w http.ResponseWriter, r *http.Request, n int)) *webServer {
	ws := &webServer{auth: map[string][]string{}}
	ws.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ws.mu.Lock()
		ws.auth[r.URL.Path] = append(ws.auth[r.URL.Path], r.Header.Get("Authorization"))
		n := len(ws.auth[r.URL.Path])
		ws.mu.Unlock()
		h(w, r, n)
	}))
	t.Cleanup(ws.Close)
	return ws
}

const siteAdminToken = "ghp_siteadmin_secret_0123456789"

func TestReportsWaitThenStreamTypedRows(t *testing.T) {
	csvBody := "created_at,id,login,email,role,suspended?,last_logged_ip,repos,ssh_keys,org_memberships,dormant?,last_active,raw_login,2fa_enabled?,favourite_colour\n" +
		"2024-01-02T03:04:05Z,42,mona,mona@example.com,admin,false,10.0.0.1,3,1,2,true,2024-02-01T00:00:00Z,Mona,true,teal\n" +
		"2024-01-02T03:04:05Z,43,hubot,,user,true,,many,0,0,maybe,,hubot,false,\n"
	ws := newWebServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch r.URL.Path {
		case "/stafftools/reports/dormant_users.csv":
			if n < 3 {
				w.WriteHeader(http.StatusAccepted)
				return
			}
			w.Header().Set("Content-Type", "text/csv")
			_, _ = w.Write([]byte(csvBody))
		case "/api/v3/meta":
			writeJSON(w, 200, `{"installed_version":"3.19.0"}`)
		default:
			http.NotFound(w, r)
		}
	})
	c, err := NewClient(ws.URL, WithToken(testToken), WithSiteAdmin("boss", siteAdminToken))
	if err != nil {
		t.Fatal(err)
	}
	if c.WebURL() != ws.URL+"/" {
		t.Errorf("WebURL = %q", c.WebURL())
	}
	ctx := context.Background()
	var rows []*UserReportRow
	for r, err := range c.Reports.DormantUsers(ctx, WaitInterval(time.Millisecond)) {
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
	if _, _, err := c.Meta.Get(ctx); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows", len(rows))
	}
	mona, hubot := rows[0], rows[1]
	wantMona := UserReportRow{CreatedAt: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), ID: 42, Login: "mona", Email: "mona@example.com", Role: "admin",
		LastLoggedIP: "10.0.0.1", Repos: 3, SSHKeys: 1, OrgMemberships: 2, Dormant: true, LastActive: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC),
		RawLogin: "Mona", TwoFactorEnabled: true, Extra: map[string]string{"favourite_colour": "teal"}}
	if fmt.Sprintf("%+v", *mona) != fmt.Sprintf("%+v", wantMona) {
		t.Errorf("row 1 = %+v\nwant    %+v", *mona, wantMona)
	}
	// Values that do not parse are kept by column name; the row survives.
	if !hubot.Suspended || hubot.Repos != 0 || hubot.Extra["repos"] != "many" || hubot.Extra["dormant?"] != "maybe" || !hubot.LastActive.IsZero() {
		t.Errorf("row 2 = %+v", *hubot)
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	reports := ws.auth["/stafftools/reports/dormant_users.csv"]
	if len(reports) != 3 {
		t.Errorf("%d report requests, want 3 (202, 202, 200)", len(reports))
	}
	for _, a := range reports {
		if a != basicAuth("boss", siteAdminToken) {
			t.Errorf("report request Authorization %q, want the site admin's basic credentials", a)
		}
	}
	for _, a := range ws.auth["/api/v3/meta"] {
		if a != "token "+testToken {
			t.Errorf("API request Authorization %q: the site admin's credentials went to the REST API", a)
		}
	}
}

func TestReportsRefuseUnknownKindBeforeSending(t *testing.T) {
	ws := newWebServer(t, func(w http.ResponseWriter, r *http.Request, n int) { t.Errorf("sent %s", r.URL.Path) })
	c, _ := NewClient(ws.URL, WithSiteAdmin("boss", siteAdminToken))
	for _, name := range []string{"everyone", "../api/v3/users", "", "ALL_USERS"} {
		_, err := c.openReport(context.Background(), ReportKind(name), nil)
		if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), "no such report") {
			t.Errorf("report %q: %v", name, err)
		}
		if _, err := ParseReportKind(name); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("ParseReportKind(%q) = %v", name, err)
		}
	}
	for _, k := range ReportKinds() {
		if got, err := ParseReportKind(string(k) + ".csv"); err != nil || got != k {
			t.Errorf("ParseReportKind(%s.csv) = %q, %v", k, got, err)
		}
	}
	// A bad wait option is refused before sending too.
	for _, err := range c.Reports.AllUsers(context.Background(), WaitInterval(0)) {
		if !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("WaitInterval(0): %v", err)
		}
	}
}

func TestReportsWaitEndsWithTheContext(t *testing.T) {
	ws := newWebServer(t, func(w http.ResponseWriter, r *http.Request, n int) { w.WriteHeader(http.StatusAccepted) })
	c, _ := NewClient(ws.URL, WithSiteAdmin("boss", siteAdminToken))
	ctx, cancel := context.WithCancel(context.Background())
	polls := 0
	seq := c.Reports.AllRepositories(ctx, WaitBackoff(time.Millisecond, 2*time.Millisecond))
	go func() {
		for {
			ws.mu.Lock()
			n := len(ws.auth["/stafftools/reports/all_repositories.csv"])
			ws.mu.Unlock()
			if n >= 3 {
				cancel()
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()
	for _, err := range seq {
		polls++
		if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "waiting for report all_repositories") {
			t.Errorf("err = %v", err)
		}
	}
	if polls != 1 {
		t.Errorf("%d yields, want the one error", polls)
	}
}

func TestReportsErrorsCarryNoCredential(t *testing.T) {
	ws := newWebServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 401, `{"message":"Bad credentials `+r.Header.Get("Authorization")+` `+siteAdminToken+`"}`)
	})
	var logs bytes.Buffer
	c, _ := NewClient(ws.URL, WithSiteAdmin("boss", siteAdminToken), WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	for _, err := range c.Reports.AllUsers(context.Background()) {
		var er *ErrorResponse
		if !errors.As(err, &er) || er.StatusCode() != 401 {
			t.Fatalf("err = %v", err)
		}
		for _, s := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err), logs.String(), c.String()} {
			if strings.Contains(s, siteAdminToken) || strings.Contains(s, basicAuth("boss", siteAdminToken)[6:]) {
				t.Errorf("a credential leaked: %s", s)
			}
		}
	}
	if !strings.Contains(logs.String(), "stafftools/reports/all_users.csv") {
		t.Errorf("the report request was not logged: %s", logs.String())
	}
}

func TestWithSiteAdminValidated(t *testing.T) {
	for _, tc := range [][2]string{{"", "tok"}, {"a:b", "tok"}, {"boss", ""}, {"boss", "to\nk"}} {
		if _, err := NewClient("https://ghe.example.com", WithSiteAdmin(tc[0], tc[1])); err == nil {
			t.Errorf("WithSiteAdmin(%q, %q) accepted", tc[0], tc[1])
		}
	}
	c, _ := NewClient("https://ghe.example.com/prefix/api/v3", WithSiteAdmin("boss", "tok"))
	if c.WebURL() != "https://ghe.example.com/prefix/" {
		t.Errorf("WebURL = %q", c.WebURL())
	}
}

func TestStreamSecretSealAndRedaction(t *testing.T) {
	pub, priv, err := box.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	key := &AuditLogStreamKey{KeyID: "k1", Key: base64.StdEncoding.EncodeToString(pub[:])}
	const plain = "splunk-hec-token-123"
	sealed, err := key.Seal(plain)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := base64.StdEncoding.DecodeString(sealed)
	if err != nil {
		t.Fatal(err)
	}
	opened, ok := box.OpenAnonymous(nil, raw, pub, priv)
	if !ok || string(opened) != plain {
		t.Fatalf("the sealed box does not open to the secret (%q, %v)", opened, ok)
	}
	if strings.Contains(sealed, plain) {
		t.Error("the sealed value contains the secret")
	}
	secret := StreamSecret(plain)
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("x", "secret", secret)
	j, _ := json.Marshal(struct{ S StreamSecret }{secret})
	for _, s := range []string{fmt.Sprint(secret), fmt.Sprintf("%v|%+v|%#v|%s|%q|%x", secret, secret, secret, secret, secret, secret), secret.String(), logs.String(), string(j)} {
		if strings.Contains(s, plain) || strings.Contains(s, fmt.Sprintf("%x", plain)) {
			t.Errorf("the secret printed: %s", s)
		}
	}
	for _, bad := range []*AuditLogStreamKey{{Key: "not base64!"}, {Key: base64.StdEncoding.EncodeToString([]byte("short"))}} {
		_, err := bad.Seal(secret)
		if !errors.Is(err, ErrBadStreamKey) || strings.Contains(err.Error(), plain) {
			t.Errorf("bad key: %v", err)
		}
	}
	if _, err := key.Seal(""); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("empty secret: %v", err)
	}
}

func TestAuditLogStreamRequestBody(t *testing.T) {
	b, err := json.Marshal(AuditLogStreamRequest{Enabled: true, VendorSpecific: &AmazonS3AccessKeysStreamConfig{
		Bucket: "b", Region: "eu-west-1", KeyID: "k", EncryptedSecretKey: "s", EncryptedAccessKeyID: "a"}})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"enabled":true,"stream_type":"Amazon S3","vendor_specific":{"bucket":"b","region":"eu-west-1","key_id":"k","encrypted_secret_key":"s","encrypted_access_key_id":"a","authentication_type":"access_keys"}}`
	if string(b) != want {
		t.Errorf("body %s\nwant %s", b, want)
	}
	b, _ = json.Marshal(AuditLogStreamRequest{VendorSpecific: &AmazonS3OIDCStreamConfig{Bucket: "b", Region: "r", KeyID: "k", ARNRole: "arn"}})
	if !strings.Contains(string(b), `"authentication_type":"oidc"`) {
		t.Errorf("oidc body %s", b)
	}
	for name, body := range map[string]AuditLogStreamRequest{
		"nil config":      {},
		"nil pointer":     {VendorSpecific: (*SplunkStreamConfig)(nil)},
		"splunk port":     {VendorSpecific: &SplunkStreamConfig{Domain: "d", Port: 0, KeyID: "k", EncryptedToken: "t"}},
		"hec path":        {VendorSpecific: &HECStreamConfig{Domain: "d", Port: 443, KeyID: "k", EncryptedToken: "t"}},
		"datadog site":    {VendorSpecific: &DatadogStreamConfig{EncryptedToken: "t", KeyID: "k", Site: "MARS"}},
		"azure container": {VendorSpecific: &AzureBlobStreamConfig{KeyID: "k", EncryptedSASURL: "u"}},
		"hub connstring":  {VendorSpecific: &AzureHubStreamConfig{Name: "n", KeyID: "k"}},
		"gcs credentials": {VendorSpecific: &GoogleCloudStreamConfig{Bucket: "b", KeyID: "k"}},
		"s3 oidc role":    {VendorSpecific: &AmazonS3OIDCStreamConfig{Bucket: "b", Region: "r", KeyID: "k"}},
		"s3 keys key id":  {VendorSpecific: &AmazonS3AccessKeysStreamConfig{Bucket: "b", Region: "r", EncryptedSecretKey: "s", EncryptedAccessKeyID: "a"}},
	} {
		if err := body.check("AuditLog.CreateStream"); !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), "AuditLog.CreateStream") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestAuditLogEventKeepsUndocumentedKeys(t *testing.T) {
	in := `{"@timestamp":1635940599755,"action":"pull_request.merge","actor":"mona-admin","actor_id":"7","actor_ip":"88.123.45.123",` +
		`"from":"pull_requests#merge","device_cookie":null,"repo_id":17,"actor_location":{"country_code":"GB","country_name":"United Kingdom"},` +
		`"data":{"method":"POST","pull_request_id":1},"created_at":1635940599755}`
	var e AuditLogEvent
	if err := decodeLenient([]byte(in), &e); err != nil {
		t.Fatal(err)
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

func TestAuditLogIterFollowsTheNextLink(t *testing.T) {
	var (
		mu      sync.Mutex
		queries []string
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		queries = append(queries, r.URL.RawQuery)
		mu.Unlock()
		next := ""
		switch r.URL.Query().Get("after") {
		case "":
			next = "c1"
		case "c1":
			next = "c2"
		case "c2":
		case "loop":
			next = "loop"
		}
		if next != "" {
			w.Header().Set("Link", fmt.Sprintf(`<http://%s/api/v3/enterprises/e/audit-log?after=%s&per_page=1&phrase=actor%%3Amona>; rel="next"`, r.Host, next))
		}
		writeJSON(w, 200, `[{"action":"a.`+r.URL.Query().Get("after")+`","actor":"mona"}]`)
	}))
	defer srv.Close()
	c, _ := NewClient(srv.URL, WithToken(testToken))
	opts := &AuditLogOptions{Phrase: "actor:mona", ListOptions: ListOptions{PerPage: 1}}
	var got []string
	for e, err := range c.AuditLog.ListIter(context.Background(), "e", opts) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, e.Action)
	}
	if strings.Join(got, ",") != "a.,a.c1,a.c2" {
		t.Errorf("events %v", got)
	}
	want := "per_page=1&phrase=actor%3Amona|after=c1&per_page=1&phrase=actor%3Amona|after=c2&per_page=1&phrase=actor%3Amona"
	if strings.Join(queries, "|") != want {
		t.Errorf("queries %v\nwant %s", queries, want)
	}
	if opts.After != "" {
		t.Error("ListIter modified the caller's options")
	}
	// A next link that repeats itself ends the walk.
	var last error
	n := 0
	for _, err := range c.AuditLog.ListIter(context.Background(), "e", &AuditLogOptions{After: "loop"}) {
		n++
		last = err
	}
	if !errors.Is(last, ErrPaginationLoop) || n > 3 {
		t.Errorf("loop: %d yields, last error %v", n, last)
	}
}

func TestAuditLogOptionsRefused(t *testing.T) {
	for name, o := range map[string]AuditLogOptions{
		"include":  {Include: "ftp"},
		"order":    {Order: "up"},
		"cursors":  {After: "a", Before: "b"},
		"phrase":   {Phrase: "a\nb"},
		"per page": {ListOptions: ListOptions{PerPage: 101}},
	} {
		if err := o.validate(); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
