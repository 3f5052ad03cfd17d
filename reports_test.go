package ghesadmin

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	c, err := NewClient(ws.URL, WithToken(testToken), WithSiteAdmin("boss", testSiteAdminToken))
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
		if a != basicAuth("boss", testSiteAdminToken) {
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
	c, _ := NewClient(ws.URL, WithSiteAdmin("boss", testSiteAdminToken))
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
	// The context is cancelled once the client has closed the body of the
	// first 202: it is then past the request and in the hour-long wait,
	// which must end with the context.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	closed := 0
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		resp, err := http.DefaultTransport.RoundTrip(r)
		if err == nil {
			resp.Body = &onClose{ReadCloser: resp.Body, f: func() {
				if closed++; closed == 1 {
					cancel()
				}
			}}
		}
		return resp, err
	})}
	c, err := NewClient(ws.URL, WithSiteAdmin("boss", testSiteAdminToken), WithHTTPClient(hc))
	require.NoError(t, err)
	polls := 0
	for _, err := range c.Reports.AllRepositories(ctx, WaitInterval(time.Hour)) {
		polls++
		if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "waiting for report all_repositories") {
			t.Errorf("err = %v", err)
		}
	}
	if polls != 1 {
		t.Errorf("%d yields, want the one error", polls)
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if n := len(ws.auth["/stafftools/reports/all_repositories.csv"]); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

// onClose calls f once when the body is closed.
type onClose struct {
	io.ReadCloser
	f    func()
	done bool
}

func (b *onClose) Close() error {
	err := b.ReadCloser.Close()
	if !b.done {
		b.done = true
		b.f()
	}
	return err
}

func TestReportsErrorsCarryNoCredential(t *testing.T) {
	ws := newWebServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 401, `{"message":"Bad credentials `+r.Header.Get("Authorization")+` `+testSiteAdminToken+`"}`)
	})
	var logs bytes.Buffer
	c, _ := NewClient(ws.URL, WithSiteAdmin("boss", testSiteAdminToken), WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	for _, err := range c.Reports.AllUsers(context.Background()) {
		var er *ErrorResponse
		if !errors.As(err, &er) || er.StatusCode() != 401 {
			t.Fatalf("err = %v", err)
		}
		for _, s := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err), logs.String(), c.String()} {
			if strings.Contains(s, testSiteAdminToken) || strings.Contains(s, basicAuth("boss", testSiteAdminToken)[6:]) {
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

// reportRowsOf collects the rows of a report walk, stopping at an error.
func reportRowsOf[T any](seq func(yield func(*T, error) bool)) ([]*T, error) {
	var rows []*T
	for r, err := range seq {
		if err != nil {
			return rows, err
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// TestReportsDownloads: each report is a GET of its CSV on the web origin
// (not /api/v3) with Accept text/csv and the site administrator's basic
// credentials (the API token is never sent there), and its fixture, with
// every documented column, decodes into typed rows with nothing left in
// Extra.
func TestReportsDownloads(t *testing.T) {
	ctx := context.Background()
	day := func(s string) time.Time { return mustTime(t, s) }
	users := []*UserReportRow{
		{CreatedAt: day("2024-01-02T03:04:05Z"), ID: 42, Login: "mona", Email: "mona@example.com", Role: "admin", Suspended: false,
			LastLoggedIP: "192.0.2.10", Repos: 3, SSHKeys: 1, OrgMemberships: 2, Dormant: true, LastActive: day("2025-11-30T08:00:00Z"),
			RawLogin: "Mona.Lisa", TwoFactorEnabled: true},
		{CreatedAt: day("2024-06-07T08:09:10Z"), ID: 43, Login: "hubot", Email: "hubot@example.com", Role: "user", Suspended: true, RawLogin: "hubot"},
	}
	orgs := []*OrganizationReportRow{{ID: 77, CreatedAt: day("2023-03-04T05:06:07Z"), Login: "octo-org", Email: "billing@octo.example.com",
		Owners: 2, Members: 41, Teams: 7, Repos: 130, TwoFactorRequired: true}}
	repos := []*RepositoryReportRow{{CreatedAt: day("2022-09-10T11:12:13Z"), OwnerID: 77, OwnerType: "Organization", OwnerName: "octo-org",
		ID: 1296269, Name: "widgets", Visibility: "internal", ReadableSize: "1.2 MB", RawSize: 1258291, Collaborators: 5, Fork: true}}
	for _, tc := range []struct {
		kind    ReportKind
		fixture string
		run     func(r *ReportsService) (any, error)
		want    any
	}{
		{ReportAllUsers, "reports/users.csv", func(r *ReportsService) (any, error) { return reportRowsOf(r.AllUsers(ctx)) }, users},
		{ReportActiveUsers, "reports/users.csv", func(r *ReportsService) (any, error) { return reportRowsOf(r.ActiveUsers(ctx)) }, users},
		{ReportDormantUsers, "reports/users.csv", func(r *ReportsService) (any, error) { return reportRowsOf(r.DormantUsers(ctx)) }, users},
		{ReportSuspendedUsers, "reports/users.csv", func(r *ReportsService) (any, error) { return reportRowsOf(r.SuspendedUsers(ctx)) }, users},
		{ReportAllOrganizations, "reports/organizations.csv", func(r *ReportsService) (any, error) { return reportRowsOf(r.AllOrganizations(ctx)) }, orgs},
		{ReportAllRepositories, "reports/repositories.csv", func(r *ReportsService) (any, error) { return reportRowsOf(r.AllRepositories(ctx)) }, repos},
	} {
		t.Run(string(tc.kind), func(t *testing.T) {
			env := mock(t, WithSiteAdmin(testSiteAdminLogin, testSiteAdminToken))
			env.expect(t, call{Web: true, Method: http.MethodGet, Path: "/stafftools/reports/" + string(tc.kind) + ".csv", Accept: "text/csv",
				Reply: tc.fixture, ReplyHeader: http.Header{"Content-Type": {"text/csv; charset=utf-8"}}})
			got, err := tc.run(env.Client.Reports)
			require.NoError(t, err)
			assertFields(t, string(tc.kind), got, tc.want)
		})
	}
}

// TestReportsDownloadErrors: a 404 (no site-admin rights, or a report GHES
// does not serve) is ErrNotFound, a 401 ErrUnauthorized; the walk yields
// the one error and no row.
func TestReportsDownloadErrors(t *testing.T) {
	for _, tc := range []struct {
		status int
		want   error
	}{
		{http.StatusNotFound, ErrNotFound},
		{http.StatusUnauthorized, ErrUnauthorized},
	} {
		env := mock(t, WithSiteAdmin(testSiteAdminLogin, testSiteAdminToken))
		env.expect(t, call{Web: true, Method: http.MethodGet, Path: "/stafftools/reports/all_users.csv", Accept: "text/csv",
			Status: tc.status, ReplyJSON: `{"message":"Not Found"}`})
		rows, err := reportRowsOf(env.Client.Reports.AllUsers(context.Background()))
		assert.Empty(t, rows)
		assert.ErrorIs(t, err, tc.want, "status %d", tc.status)
	}
}
