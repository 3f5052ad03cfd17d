package e2e_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

// An admin suspends two users, then walks the audit log filtered by action
// and actor, one event per page, so the walk follows the after cursor of
// every next link.
func TestAuditLogWalkFilteredByActionAndActor(t *testing.T) {
	seed := []ghestest.Option{
		ghestest.WithUsers(ghestest.User{Login: "mona"}, ghestest.User{Login: "hubot"}, ghestest.User{Login: "octocat"}),
		ghestest.WithAuditEvents(ghestest.AuditEvent{Action: "user.suspend", Actor: "someone-else", User: "octocat", At: time.Now().Add(-48 * time.Hour)}),
	}
	onFakes(t, []string{"3.14.0", "3.19.0"}, seed, func(t *testing.T, ctx context.Context, srv *ghestest.Server, c *ghesadmin.Client) {
		ent, admin := srv.Enterprise(), srv.AdminLogin()
		for _, u := range []string{"mona", "hubot"} {
			_, err := c.Users.Suspend(ctx, u, "offboarded")
			must(t, "suspend "+u, err)
		}
		_, _, err := c.Users.Create(ctx, ghesadmin.CreateUserRequest{Login: "newbie", Email: ghesadmin.Ptr("newbie@example.com")})
		must(t, "create", err)

		opts := &ghesadmin.AuditLogOptions{
			Phrase:      "action:user.suspend actor:" + admin,
			ListOptions: ghesadmin.ListOptions{PerPage: 1},
		}
		users := collect(t, "walk", c.AuditLog.ListIter(ctx, ent, opts), func(e *ghesadmin.AuditLogEvent) string {
			if e.Action != "user.suspend" || e.Actor != admin || e.CreatedTime().IsZero() {
				t.Errorf("event %+v", e)
			}
			return e.User
		})
		if got := strings.Join(users, ","); got != "hubot,mona" {
			t.Errorf("suspended by %s: %s, want hubot,mona (newest first)", admin, got)
		}
		if opts.After != "" || opts.PerPage != 1 {
			t.Errorf("ListIter modified the options: %+v", opts)
		}
		// One page by hand: the next link carries the after cursor.
		page, resp, err := c.AuditLog.List(ctx, ent, opts)
		must(t, "list", err)
		if len(page) != 1 || !strings.Contains(resp.NextURL, "after=") {
			t.Errorf("first page: %d events, next %q", len(page), resp.NextURL)
		}
		// created: ranges, and the action of every event by anyone.
		since := time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)
		recent := collect(t, "recent", c.AuditLog.ListIter(ctx, ent, &ghesadmin.AuditLogOptions{Phrase: "action:user.* created:>=" + since, Order: ghesadmin.AuditLogOrderAsc}), func(e *ghesadmin.AuditLogEvent) string { return e.Action + ":" + e.User })
		if got := strings.Join(recent, " "); got != "user.suspend:mona user.suspend:hubot user.create:newbie" {
			t.Errorf("recent user events: %s", got)
		}
		// Bad options are refused before sending.
		_, _, err = c.AuditLog.List(ctx, ent, &ghesadmin.AuditLogOptions{Order: "sideways"})
		if !errors.Is(err, ghesadmin.ErrInvalidArgument) {
			t.Errorf("bad order: %v", err)
		}
		_, _, err = c.AuditLog.List(ctx, "", nil)
		if !errors.Is(err, ghesadmin.ErrInvalidArgument) {
			t.Errorf("empty enterprise: %v", err)
		}
		// A phrase the server refuses is its 422.
		_, _, err = c.AuditLog.List(ctx, ent, &ghesadmin.AuditLogOptions{Phrase: "created:yesterday"})
		var er *ghesadmin.ErrorResponse
		if !errors.As(err, &er) || er.StatusCode() != 422 {
			t.Errorf("bad phrase: %v", err)
		}
	})
}

// An admin streams the audit log to Datadog, rotates the token while
// pausing the stream, and removes it.
func TestAuditLogStreamLifecycle(t *testing.T) {
	srv, c, ctx := startCtx(t, "3.19.0")
	ent := srv.Enterprise()
	key, _, err := c.AuditLog.GetStreamKey(ctx, ent)
	must(t, "stream key", err)
	secret := ghesadmin.StreamSecret("dd-api-key-1")
	if s := fmt.Sprintf("%v %s %+v %#v %q", secret, secret, secret, secret, secret); strings.Contains(s, "dd-api-key") {
		t.Fatalf("a StreamSecret printed itself: %s", s)
	}
	sealed, err := key.Seal(secret)
	must(t, "seal", err)
	body := ghesadmin.AuditLogStreamRequest{Enabled: true, VendorSpecific: &ghesadmin.DatadogStreamConfig{EncryptedToken: sealed, Site: ghesadmin.DatadogEU1, KeyID: key.KeyID}}
	st, _, err := c.AuditLog.CreateStream(ctx, ent, body)
	must(t, "create", err)
	if st.StreamType != ghesadmin.StreamDatadog || !st.Enabled || st.PausedAt != nil || st.CreatedAt.IsZero() {
		t.Errorf("created %+v", st)
	}
	if got := srv.StreamSecrets(st.ID)["encrypted_token"]; got != "dd-api-key-1" {
		t.Fatalf("the server opened %q", got)
	}

	sealed2, err := key.Seal("dd-api-key-2")
	must(t, "seal 2", err)
	body.Enabled = false
	body.VendorSpecific = &ghesadmin.DatadogStreamConfig{EncryptedToken: sealed2, Site: ghesadmin.DatadogEU1, KeyID: key.KeyID}
	up, _, err := c.AuditLog.UpdateStream(ctx, ent, st.ID, body)
	must(t, "update", err)
	if up.Enabled || up.PausedAt == nil {
		t.Errorf("paused stream %+v", up)
	}
	if got := srv.StreamSecrets(st.ID)["encrypted_token"]; got != "dd-api-key-2" {
		t.Errorf("after rotation the server holds %q", got)
	}
	list, _, err := c.AuditLog.ListStreams(ctx, ent)
	must(t, "list", err)
	if len(list) != 1 || list[0].ID != st.ID {
		t.Errorf("streams %+v", list)
	}
	got, _, err := c.AuditLog.GetStream(ctx, ent, st.ID)
	must(t, "get", err)
	if got.StreamDetails != "EU1" {
		t.Errorf("details %q", got.StreamDetails)
	}
	_, err = c.AuditLog.DeleteStream(ctx, ent, st.ID)
	must(t, "delete", err)
	_, _, err = c.AuditLog.GetStream(ctx, ent, st.ID)
	wantIs(t, "deleted", err, ghesadmin.ErrNotFound, 404)

	// The stream's life is in the audit log.
	acts := collect(t, "audit", c.AuditLog.ListIter(ctx, ent, &ghesadmin.AuditLogOptions{Phrase: "action:audit_log_streaming.*", Order: ghesadmin.AuditLogOrderAsc}), func(e *ghesadmin.AuditLogEvent) string { return e.Action })
	if strings.Join(acts, ",") != "audit_log_streaming.create,audit_log_streaming.update,audit_log_streaming.destroy" {
		t.Errorf("stream events %v", acts)
	}
	// Strict writer: a config missing its secret is refused before sending.
	before := srv.RequestCount("POST", "/enterprises/"+ent+"/audit-log/streams")
	_, _, err = c.AuditLog.CreateStream(ctx, ent, ghesadmin.AuditLogStreamRequest{VendorSpecific: &ghesadmin.SplunkStreamConfig{Domain: "s", Port: 8088, KeyID: key.KeyID}})
	if !errors.Is(err, ghesadmin.ErrInvalidArgument) || !strings.Contains(err.Error(), "AuditLog.CreateStream: SplunkStreamConfig.EncryptedToken is empty") {
		t.Errorf("no token: %v", err)
	}
	if srv.RequestCount("POST", "/enterprises/"+ent+"/audit-log/streams") != before {
		t.Error("a refused stream was sent")
	}
	// Streams are 3.16 and later.
	_, old := start(t, "3.15.0")
	_, _, err = old.AuditLog.ListStreams(ctx, ent)
	if !errors.Is(err, ghesadmin.ErrUnsupportedVersion) {
		var er *ghesadmin.ErrorResponse
		if !errors.As(err, &er) || er.StatusCode() != 404 {
			t.Errorf("3.15 streams: %v", err)
		}
	}
}

// An admin reads each site-admin report: the first request of each is
// answered 202 while the report is generated, the SDK polls, then walks the
// typed rows.
func TestReportsReadEachReport(t *testing.T) {
	now := time.Now()
	srv, c := start(t, "3.19.0",
		ghestest.WithUsers(ghestest.User{Login: "mona", Email: "mona@example.com"}, ghestest.User{Login: "sleepy", Email: "sleepy@example.com"}, ghestest.User{Login: "gone", Suspended: true}),
		ghestest.WithOrgs(ghestest.Org{Login: "acme", Admin: "mona"}),
		ghestest.WithRepos(ghestest.Repo{Owner: "acme", Name: "widgets"}, ghestest.Repo{Owner: "mona", Name: "dotfiles"}),
		ghestest.WithLastActive(map[string]time.Time{"sleepy": now.AddDate(0, -6, 0)}))
	ctx := ctx(t)
	wait := ghesadmin.WaitInterval(time.Millisecond)

	logins := func(seq func(func(*ghesadmin.UserReportRow, error) bool)) []string {
		return collect(t, "user report", seq, func(r *ghesadmin.UserReportRow) string {
			if r.ID == 0 || r.CreatedAt.IsZero() || len(r.Extra) != 0 {
				t.Errorf("row %+v", r)
			}
			return r.Login
		})
	}
	admin := srv.AdminLogin()
	if got := strings.Join(logins(c.Reports.AllUsers(ctx, wait)), ","); got != admin+",mona,sleepy,gone" {
		t.Errorf("all_users: %s", got)
	}
	if got := strings.Join(logins(c.Reports.ActiveUsers(ctx, wait)), ","); got != admin+",mona" {
		t.Errorf("active_users: %s", got)
	}
	dormant := walk(t, "dormant", c.Reports.DormantUsers(ctx, wait))
	if len(dormant) != 1 || dormant[0].Login != "sleepy" || !dormant[0].Dormant || dormant[0].Email != "sleepy@example.com" ||
		now.Sub(dormant[0].LastActive) < 150*24*time.Hour {
		t.Errorf("dormant_users: %+v", dormant)
	}
	if got := strings.Join(logins(c.Reports.SuspendedUsers(ctx, wait)), ","); got != "gone" {
		t.Errorf("suspended_users: %s", got)
	}
	orgs := collect(t, "orgs", c.Reports.AllOrganizations(ctx, wait), func(o *ghesadmin.OrganizationReportRow) string {
		return fmt.Sprintf("%s owners=%d repos=%d", o.Login, o.Owners, o.Repos)
	})
	if strings.Join(orgs, ";") != "acme owners=1 repos=1" {
		t.Errorf("all_organizations: %v", orgs)
	}
	repos := collect(t, "repos", c.Reports.AllRepositories(ctx, wait), func(r *ghesadmin.RepositoryReportRow) string {
		if r.RawSize == 0 || r.ID == 0 {
			t.Errorf("repo row %+v", r)
		}
		return r.OwnerType + ":" + r.OwnerName + "/" + r.Name
	})
	if strings.Join(repos, ",") != "Organization:acme/widgets,User:mona/dotfiles" {
		t.Errorf("all_repositories: %v", repos)
	}
	// Each report was asked for twice: 202, then 200.
	for _, k := range ghesadmin.ReportKinds() {
		if n := srv.RequestCount("GET", "/stafftools/reports/"+string(k)+".csv"); n != 2 {
			t.Errorf("%s: %d requests, want 2 (202 then 200)", k, n)
		}
	}
	// A report GHES does not have is refused by name.
	if _, err := ghesadmin.ParseReportKind("everyone"); !errors.Is(err, ghesadmin.ErrInvalidArgument) {
		t.Errorf("ParseReportKind(everyone) = %v", err)
	}
	if k, err := ghesadmin.ParseReportKind("dormant_users.csv"); err != nil || k != ghesadmin.ReportDormantUsers {
		t.Errorf("ParseReportKind(dormant_users.csv) = %q, %v", k, err)
	}
	// Without the site admin's basic credentials the web origin refuses.
	tokenOnly, err := ghesadmin.NewClient(srv.APIURL(), ghesadmin.WithToken(srv.Token()))
	must(t, "client", err)
	for _, err := range tokenOnly.Reports.AllUsers(ctx, wait) {
		var er *ghesadmin.ErrorResponse
		if !errors.As(err, &er) || er.StatusCode() != 401 {
			t.Errorf("token-only report: %v", err)
		}
	}
}
