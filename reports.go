package ghesadmin

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"iter"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ReportsService downloads the site-admin reports of the instance's web
// origin (/stafftools/reports/NAME.csv, not part of the REST API): GHES
// answers 202 Accepted while it generates a report, then 200 with CSV. Each
// method waits for the report (polling with backoff, bounded only by the
// context; tune it with WaitInterval or WaitBackoff), then yields its rows
// one at a time as they arrive: a report of any size walks in constant
// memory. Authenticate with WithSiteAdmin.
type ReportsService service

// ReportKind names a site-admin report.
type ReportKind string

// The reports GHES has.
const (
	ReportAllUsers         ReportKind = "all_users"
	ReportActiveUsers      ReportKind = "active_users"
	ReportDormantUsers     ReportKind = "dormant_users"
	ReportSuspendedUsers   ReportKind = "suspended_users"
	ReportAllOrganizations ReportKind = "all_organizations"
	ReportAllRepositories  ReportKind = "all_repositories"
)

// ReportKinds are the reports GHES has.
func ReportKinds() []ReportKind {
	return []ReportKind{ReportAllUsers, ReportActiveUsers, ReportDormantUsers, ReportSuspendedUsers, ReportAllOrganizations, ReportAllRepositories}
}

// ParseReportKind returns the report named name ("dormant_users", with or
// without ".csv"), or an error wrapping ErrInvalidArgument for a name GHES
// does not have.
func ParseReportKind(name string) (ReportKind, error) {
	k := ReportKind(strings.TrimSuffix(name, ".csv"))
	if err := k.validate(); err != nil {
		return "", err
	}
	return k, nil
}

func (k ReportKind) validate() error {
	for _, have := range ReportKinds() {
		if k == have {
			return nil
		}
	}
	return fmt.Errorf("%w: report %q: GHES has no such report (it has all_users, active_users, dormant_users, suspended_users, all_organizations and all_repositories)", ErrInvalidArgument, boundText(string(k), 100))
}

// UserReportRow is a row of the user reports (all, active, dormant and
// suspended users), with the columns GHES documents. A column GHES adds is
// kept in Extra by name, and so is a documented one whose value does not
// parse.
type UserReportRow struct {
	// CreatedAt is when the account was created.
	CreatedAt time.Time `csv:"created_at"`
	// ID is the account ID.
	ID int64 `csv:"id"`
	// Login is the account's login.
	Login string `csv:"login"`
	// Email is the account's primary email address.
	Email string `csv:"email"`
	// Role is "admin" or "user".
	Role string `csv:"role"`
	// Suspended says whether the account is suspended.
	Suspended bool `csv:"suspended?"`
	// LastLoggedIP is the last IP address that signed in.
	LastLoggedIP string `csv:"last_logged_ip"`
	// Repos is the number of repositories the account owns.
	Repos int64 `csv:"repos"`
	// SSHKeys is the number of SSH keys of the account.
	SSHKeys int64 `csv:"ssh_keys"`
	// OrgMemberships is the number of organizations the account belongs to.
	OrgMemberships int64 `csv:"org_memberships"`
	// Dormant says whether the account is dormant.
	Dormant bool `csv:"dormant?"`
	// LastActive is the account's last activity (zero when never active).
	LastActive time.Time `csv:"last_active"`
	// RawLogin is the login as the identity provider gives it.
	RawLogin string `csv:"raw_login"`
	// TwoFactorEnabled says whether the user has two-factor authentication.
	TwoFactorEnabled bool `csv:"2fa_enabled?"`

	// Extra holds the columns above that did not parse and the columns
	// GHES sends that are not documented, by name.
	Extra map[string]string
}

// OrganizationReportRow is a row of the all_organizations report.
type OrganizationReportRow struct {
	ID        int64     `csv:"id"`
	CreatedAt time.Time `csv:"created_at"`
	Login     string    `csv:"login"`
	Email     string    `csv:"email"`
	// Owners, Members, Teams and Repos are counts.
	Owners  int64 `csv:"owners"`
	Members int64 `csv:"members"`
	Teams   int64 `csv:"teams"`
	Repos   int64 `csv:"repos"`
	// TwoFactorRequired says whether the organization requires
	// two-factor authentication.
	TwoFactorRequired bool `csv:"2fa_required?"`

	// Extra holds unparsed and undocumented columns, by name.
	Extra map[string]string
}

// RepositoryReportRow is a row of the all_repositories report.
type RepositoryReportRow struct {
	CreatedAt time.Time `csv:"created_at"`
	OwnerID   int64     `csv:"owner_id"`
	// OwnerType is "User" or "Organization".
	OwnerType string `csv:"owner_type"`
	OwnerName string `csv:"owner_name"`
	ID        int64  `csv:"id"`
	Name      string `csv:"name"`
	// Visibility is "public", "private" or "internal".
	Visibility string `csv:"visibility"`
	// ReadableSize is the size as GHES prints it ("1.2 MB").
	ReadableSize string `csv:"readable_size"`
	// RawSize is the size in bytes.
	RawSize       int64 `csv:"raw_size"`
	Collaborators int64 `csv:"collaborators"`
	Fork          bool  `csv:"fork?"`
	Deleted       bool  `csv:"deleted?"`

	// Extra holds unparsed and undocumented columns, by name.
	Extra map[string]string
}

// AllUsers waits for the all_users report and yields its rows.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/admin/monitoring-activity-in-your-enterprise/exploring-user-activity-in-your-enterprise/accessing-reports-for-your-instance
//
// GHES API: GET /stafftools/reports/all_users.csv (GHES 2.22 and later).
//
//meta:operation GET /stafftools/reports/all_users.csv
func (s *ReportsService) AllUsers(ctx context.Context, opts ...WaitOption) iter.Seq2[*UserReportRow, error] {
	return reportRows[UserReportRow](ctx, s.backend.client, ReportAllUsers, opts)
}

// ActiveUsers waits for the active_users report and yields its rows.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/admin/monitoring-activity-in-your-enterprise/exploring-user-activity-in-your-enterprise/accessing-reports-for-your-instance
//
// GHES API: GET /stafftools/reports/active_users.csv (GHES 2.22 and later).
//
//meta:operation GET /stafftools/reports/active_users.csv
func (s *ReportsService) ActiveUsers(ctx context.Context, opts ...WaitOption) iter.Seq2[*UserReportRow, error] {
	return reportRows[UserReportRow](ctx, s.backend.client, ReportActiveUsers, opts)
}

// DormantUsers waits for the dormant_users report and yields its rows.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/admin/monitoring-activity-in-your-enterprise/exploring-user-activity-in-your-enterprise/accessing-reports-for-your-instance
//
// GHES API: GET /stafftools/reports/dormant_users.csv (GHES 2.22 and later).
//
//meta:operation GET /stafftools/reports/dormant_users.csv
func (s *ReportsService) DormantUsers(ctx context.Context, opts ...WaitOption) iter.Seq2[*UserReportRow, error] {
	return reportRows[UserReportRow](ctx, s.backend.client, ReportDormantUsers, opts)
}

// SuspendedUsers waits for the suspended_users report and yields its rows.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/admin/monitoring-activity-in-your-enterprise/exploring-user-activity-in-your-enterprise/accessing-reports-for-your-instance
//
// GHES API: GET /stafftools/reports/suspended_users.csv (GHES 2.22 and later).
//
//meta:operation GET /stafftools/reports/suspended_users.csv
func (s *ReportsService) SuspendedUsers(ctx context.Context, opts ...WaitOption) iter.Seq2[*UserReportRow, error] {
	return reportRows[UserReportRow](ctx, s.backend.client, ReportSuspendedUsers, opts)
}

// AllOrganizations waits for the all_organizations report and yields its
// rows.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/admin/monitoring-activity-in-your-enterprise/exploring-user-activity-in-your-enterprise/accessing-reports-for-your-instance
//
// GHES API: GET /stafftools/reports/all_organizations.csv (GHES 2.22 and later).
//
//meta:operation GET /stafftools/reports/all_organizations.csv
func (s *ReportsService) AllOrganizations(ctx context.Context, opts ...WaitOption) iter.Seq2[*OrganizationReportRow, error] {
	return reportRows[OrganizationReportRow](ctx, s.backend.client, ReportAllOrganizations, opts)
}

// AllRepositories waits for the all_repositories report and yields its
// rows.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/admin/monitoring-activity-in-your-enterprise/exploring-user-activity-in-your-enterprise/accessing-reports-for-your-instance
//
// GHES API: GET /stafftools/reports/all_repositories.csv (GHES 2.22 and later).
//
//meta:operation GET /stafftools/reports/all_repositories.csv
func (s *ReportsService) AllRepositories(ctx context.Context, opts ...WaitOption) iter.Seq2[*RepositoryReportRow, error] {
	return reportRows[RepositoryReportRow](ctx, s.backend.client, ReportAllRepositories, opts)
}

// Default polling of a report being generated: 2s, doubling up to 30s.
const (
	defaultReportWait    = 2 * time.Second
	defaultReportWaitMax = 30 * time.Second
)

// reportRows waits for report kind and yields its rows decoded into T.
func reportRows[T any](ctx context.Context, c *Client, kind ReportKind, opts []WaitOption) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		body, err := c.openReport(ctx, kind, opts)
		if err != nil {
			yield(nil, err)
			return
		}
		defer body.Close()
		r := csv.NewReader(body)
		r.ReuseRecord = true
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		header, err := r.Read()
		if err == io.EOF {
			return // an empty report
		}
		if err != nil {
			yield(nil, fmt.Errorf("ghesadmin: report %s: reading the header: %w", kind, err))
			return
		}
		m := newRowMapper[T](header)
		for line := 2; ; line++ {
			rec, err := r.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				if ctxErr := ctx.Err(); ctxErr != nil {
					err = ctxErr
				}
				yield(nil, fmt.Errorf("ghesadmin: report %s: row %d: %w", kind, line, c.redactErr(err)))
				return
			}
			if !yield(m.row(rec), nil) {
				return
			}
		}
	}
}

// openReport polls the report until GHES answers 200, and returns the body
// of that reply (the caller closes it). 202 replies are polled again after
// the wait of the WaitOptions.
func (c *Client) openReport(ctx context.Context, kind ReportKind, opts []WaitOption) (io.ReadCloser, error) {
	if err := kind.validate(); err != nil {
		return nil, err
	}
	cfg, err := newWaitConfig(defaultReportWait, defaultReportWaitMax, opts)
	if err != nil {
		return nil, err
	}
	wait := cfg.interval
	for {
		var body openBody
		_, err := c.web.call(ctx, &request{method: http.MethodGet, path: "stafftools/reports/" + string(kind) + ".csv", accept: "text/csv"}, &body)
		if err != nil {
			return nil, err
		}
		hresp := body.resp
		if hresp.StatusCode != http.StatusAccepted {
			return hresp.Body, nil
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(hresp.Body, maxDrain))
		hresp.Body.Close()
		if err := sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("ghesadmin: waiting for report %s: %w", kind, err)
		}
		wait = cfg.next(wait)
	}
}

// rowMapper decodes the records of one report into T by column name.
type rowMapper[T any] struct {
	cols  []rowColumn // one per column of the header
	extra int         // index of T's Extra field
}

type rowColumn struct {
	name  string
	field int // index of T's field, -1 for an undocumented column
	kind  reflect.Kind
	time  bool
}

// rowFieldCache holds, per row type, its csv column → field index.
var rowFieldCache sync.Map // reflect.Type → map[string]int

func rowFields(t reflect.Type) map[string]int {
	if m, ok := rowFieldCache.Load(t); ok {
		return m.(map[string]int)
	}
	m := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		if name := t.Field(i).Tag.Get("csv"); name != "" {
			m[name] = i
		}
	}
	rowFieldCache.Store(t, m)
	return m
}

func newRowMapper[T any](header []string) *rowMapper[T] {
	t := reflect.TypeOf((*T)(nil)).Elem()
	fields := rowFields(t)
	extra, _ := t.FieldByName("Extra")
	m := &rowMapper[T]{cols: make([]rowColumn, len(header)), extra: extra.Index[0]}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		col := rowColumn{name: h, field: -1}
		if f, ok := fields[h]; ok {
			col.field = f
			ft := t.Field(f).Type
			col.kind, col.time = ft.Kind(), ft == reflect.TypeOf(time.Time{})
		}
		m.cols[i] = col
	}
	return m
}

// row decodes one record. A value that does not parse leaves its field zero
// and is kept in Extra, like an undocumented column.
func (m *rowMapper[T]) row(rec []string) *T {
	v := new(T)
	rv := reflect.ValueOf(v).Elem()
	var extra map[string]string
	keep := func(name, val string) {
		if extra == nil {
			extra = map[string]string{}
		}
		extra[name] = val
	}
	for i, val := range rec {
		if i >= len(m.cols) {
			keep("column "+strconv.Itoa(i+1), val)
			continue
		}
		col := m.cols[i]
		if col.field < 0 {
			keep(col.name, val)
			continue
		}
		if val == "" {
			continue
		}
		f := rv.Field(col.field)
		switch {
		case col.time:
			ts, err := ParseTimestamp(val)
			if err != nil {
				keep(col.name, val)
				continue
			}
			f.Set(reflect.ValueOf(ts.Time))
		case col.kind == reflect.String:
			f.SetString(val)
		case col.kind == reflect.Int64:
			n, err := strconv.ParseInt(strings.TrimSpace(val), 10, 64)
			if err != nil {
				keep(col.name, val)
				continue
			}
			f.SetInt(n)
		case col.kind == reflect.Bool:
			switch strings.ToLower(strings.TrimSpace(val)) {
			case "true", "yes", "1", "t":
				f.SetBool(true)
			case "false", "no", "0", "f":
			default:
				keep(col.name, val)
			}
		}
	}
	if extra != nil {
		rv.Field(m.extra).Set(reflect.ValueOf(extra))
	}
	return v
}
