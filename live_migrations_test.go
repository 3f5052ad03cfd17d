package ghesadmin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// A migration ID that needs escaping: it must reach the server as one
// segment.
const (
	weirdMigrationID    = "lm 1/2"
	weirdMigrationIDEsc = "lm%201%2F2"
)

func migrationTime(s string) *time.Time {
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &tm
}

// wantLiveMigration is the migration of testdata/live_migrations/list.json
// and details.json, decoded.
func wantLiveMigration() LiveMigration {
	return LiveMigration{
		MigrationID: "lm_01HZX4", Status: LiveMigrationStatusInProgress,
		SourceOrganizationLogin: "octo-org", TargetOrganizationLogin: "octo-target",
		SourceRepositoryName: "hello-world", TargetRepositoryName: "hello-world-moved",
		TargetVisibility: LiveMigrationInternal, TargetAPIEndpoint: "https://target.example.com/api/v3", TargetMigrationID: 4242,
		CreatedAt: migrationTime("2025-06-01T10:00:00Z"), StartedAt: migrationTime("2025-06-01T10:05:00Z"),
		CompletedAt: migrationTime("2025-06-01T12:00:00Z"), ExpiresAt: migrationTime("2025-06-08T10:00:00Z"),
		Repositories: []LiveMigrationRepository{{SourceRepositoryURL: "https://ghes.test/octo-org/hello-world",
			TargetRepositoryURL: "https://target.example.com/octo-target/hello-world-moved", Status: "syncing"}},
	}
}

func wantPhaseCount(b int64) *LiveMigrationPhaseCount {
	return &LiveMigrationPhaseCount{Total: b, TotalPending: b + 1, TotalProcessed: b + 2, TotalFailed: b + 3, TotalEligible: b + 4, TotalAcknowledged: b + 5,
		Breakdown: []LiveMigrationBreakdown{{State: "processed", Kind: "issue", Type: "backfill", Count: b + 6}}}
}

func TestLiveMigrationsEndpoints(t *testing.T) {
	m := wantLiveMigration()
	details := LiveMigrationDetails{
		Migration: &m,
		TargetState: &LiveMigrationTargetState{Status: "syncing", LastUpdated: migrationTime("2025-06-01T11:00:00Z"),
			RepositorySummaries: []LiveMigrationRepoSummary{{Namespace: "octo-target", Repository: "hello-world-moved", Total: 100, TotalBackfill: 60,
				TotalLiveUpdate: 40, TotalProcessed: 90, TotalFailed: 1, TotalPending: 9, TotalEligible: 95, TotalAcknowledged: 89,
				InitialGitPushComplete: true, Backfill: wantPhaseCount(10), LiveUpdate: wantPhaseCount(20)}},
			RepositoryProgress: []LiveMigrationRepoProgress{{RepositoryNWO: "octo-target/hello-world-moved", BackfillResourcesAdded: 61,
				BackfillResourcesProcessed: 62, BackfillResourcesFailed: 63, BackfillResourcesEligible: 64, BackfillResourcesAcknowledged: 65,
				LiveUpdateResourcesAdded: 41, LiveUpdateResourcesProcessed: 42, LiveUpdateResourcesEligible: 43, LiveUpdateResourcesAcknowledged: 44,
				LiveUpdateResourcesFailed: 45, AllResourcesSent: true, InitialGitPushComplete: true}},
		},
		CombinedState: &LiveMigrationCombinedState{Status: "ready_for_cutover", DisplayMessage: "Ready for cutover", ReadyForCutover: true,
			CutoverBlockers: []string{"open pull requests"},
			Repositories:    []LiveMigrationRepoPhase{{RepositoryNWO: "octo-org/hello-world", Phase: "live_update", DisplayStatus: "Syncing"}}},
		Messages: []LiveMigrationMessage{{MessageType: "info", Message: "Backfill complete", CreatedAt: migrationTime("2025-06-01T11:30:00Z")}},
	}
	vis := LiveMigrationPrivate
	create := CreateLiveMigrationRequest{SourceOrganizationLogin: "octo-org", SourceRepositoryName: "hello-world",
		TargetOrganizationLogin: "octo-target", TargetRepositoryName: "hello-world-moved",
		TargetAPIEndpoint: "https://target.example.com/api/v3", PATName: "target-pat"}
	createJSON := `"source_organization_login":"octo-org","source_repository_name":"hello-world","target_organization_login":"octo-target",
		"target_repository_name":"hello-world-moved","target_api_endpoint":"https://target.example.com/api/v3","pat_name":"target-pat"`
	createVis := create
	createVis.TargetVisibility = &vis

	runEndpointCases(t, []endpointCase{
		{"List", call{Method: http.MethodGet, Path: "/enterprise/live-migrations",
			Query: url.Values{"page_size": {"25"}, "after": {"Y3Vyc29yOjE="}, "status": {"in_progress"}}, Reply: "live_migrations/list.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.LiveMigrations
				return deref(s.List(ctx, &ListLiveMigrationsOptions{PageSize: 25, After: "Y3Vyc29yOjE=", Status: LiveMigrationStatusInProgress}))
			}, LiveMigrations{Migrations: []*LiveMigration{&m}, TotalCount: 1, NextCursor: "Y3Vyc29yOjI="}},
		{"List/no options", call{Method: http.MethodGet, Path: "/enterprise/live-migrations", Reply: "live_migrations/list.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.LiveMigrations
				return deref(s.List(ctx, nil))
			},
			LiveMigrations{Migrations: []*LiveMigration{&m}, TotalCount: 1, NextCursor: "Y3Vyc29yOjI="}},
		{"Create", call{Method: http.MethodPost, Path: "/enterprise/live-migrations", JSON: "{" + createJSON + "}",
			Status: http.StatusCreated, Reply: "live_migrations/created.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.LiveMigrations
				return deref(s.Create(ctx, create))
			},
			LiveMigrationCreated{MigrationID: "lm_01HZX4", ExpiresAt: migrationTime("2025-06-08T10:00:00Z")}},
		{"Create/visibility", call{Method: http.MethodPost, Path: "/enterprise/live-migrations", JSON: "{" + createJSON + `,"target_visibility":"private"}`,
			Status: http.StatusCreated, Reply: "live_migrations/created.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.LiveMigrations
				return deref(s.Create(ctx, createVis))
			},
			LiveMigrationCreated{MigrationID: "lm_01HZX4", ExpiresAt: migrationTime("2025-06-08T10:00:00Z")}},
		{"Get", call{Method: http.MethodGet, Path: "/enterprise/live-migrations/" + weirdMigrationIDEsc, Reply: "live_migrations/details.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.LiveMigrations
				return deref(s.Get(ctx, weirdMigrationID))
			}, details},
		{"RevertCutover", call{Method: http.MethodPost, Path: "/enterprise/live-migrations/" + weirdMigrationIDEsc + "/revert-cutover", Reply: "live_migrations/revert.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				s := c.LiveMigrations
				return deref(s.RevertCutover(ctx, weirdMigrationID))
			}, LiveMigrationRevertResult{Success: true, UnarchivedSourceRepository: true, InProgressMigrationTerminated: true}},
	})
	assertCoversFixture(t, "live_migrations/list.json", LiveMigrations{})
	assertCoversFixture(t, "live_migrations/details.json", LiveMigrationDetails{})
	assertCoversFixture(t, "live_migrations/created.json", LiveMigrationCreated{})
	assertCoversFixture(t, "live_migrations/revert.json", LiveMigrationRevertResult{})
}

// TestLiveMigrationsActions checks the state changes: POST, 204, and a
// body only for a cutover with options.
func TestLiveMigrationsActions(t *testing.T) {
	base := "/enterprise/live-migrations/" + weirdMigrationIDEsc + "/"
	post := func(action, body string) call {
		return call{Method: http.MethodPost, Path: base + action, JSON: body, Status: http.StatusNoContent}
	}
	action := func(run func(s *LiveMigrationsService, ctx context.Context, id string) (*Response, error)) endpointFunc {
		return func(ctx context.Context, c *Client) (any, *Response, error) {
			return noResult(run(c.LiveMigrations, ctx, weirdMigrationID))
		}
	}
	cutover := func(opts *LiveMigrationCutoverOptions) endpointFunc {
		return func(ctx context.Context, c *Client) (any, *Response, error) {
			return noResult(c.LiveMigrations.Cutover(ctx, weirdMigrationID, opts))
		}
	}
	type s = *LiveMigrationsService
	runEndpointCases(t, []endpointCase{
		{"Start", post("start", ""), action(s.Start), nil},
		{"Pause", post("pause", ""), action(s.Pause), nil},
		{"Resume", post("resume", ""), action(s.Resume), nil},
		{"Cancel", post("cancel", ""), action(s.Cancel), nil},
		{"Cutover", post("cutover", ""), cutover(nil), nil},
		{"Cutover/force", post("cutover", `{"force":true}`), cutover(&LiveMigrationCutoverOptions{Force: Ptr(true)}), nil},
		{"Cutover/no force", post("cutover", `{"force":false}`), cutover(&LiveMigrationCutoverOptions{Force: Ptr(false)}), nil},
	})
}

// TestLiveMigrationsListIter walks three pages by next_cursor, keeping the
// page size and status on every page.
func TestLiveMigrationsListIter(t *testing.T) {
	env := mock(t)
	cursors := []string{"", "c2", "c3", ""}
	for i := 0; i < 3; i++ {
		q := url.Values{"page_size": {"1"}, "status": {"all"}}
		if cursors[i] != "" {
			q.Set("after", cursors[i])
		}
		env.expect(t, call{Method: http.MethodGet, Path: "/enterprise/live-migrations", Query: q,
			ReplyJSON: fmt.Sprintf(`{"migrations":[{"migration_id":"m%d"}],"total_count":3,"next_cursor":%q}`, i+1, cursors[i+1])})
	}
	opts := &ListLiveMigrationsOptions{PageSize: 1, Status: LiveMigrationStatusAll}
	var ids []string
	for m, err := range env.Client.LiveMigrations.ListIter(context.Background(), opts) {
		require.NoError(t, err)
		ids = append(ids, m.MigrationID)
	}
	require.Equal(t, []string{"m1", "m2", "m3"}, ids)
	require.Empty(t, opts.After, "the caller's options are not modified")
}

// TestLiveMigrationsErrorReplies: the error statuses the descriptions list
// decode to the SDK's errors.
func TestLiveMigrationsErrorReplies(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		status int
		call   call
		run    func(s *LiveMigrationsService) error
		check  func(t *testing.T, err error)
	}{
		{http.StatusBadRequest, call{Method: http.MethodGet, Path: "/enterprise/live-migrations"},
			func(s *LiveMigrationsService) error { return second3(s.List(ctx, nil)) }, nil},
		{http.StatusUnauthorized, call{Method: http.MethodGet, Path: "/enterprise/live-migrations/x"},
			func(s *LiveMigrationsService) error { return second3(s.Get(ctx, "x")) },
			func(t *testing.T, err error) { require.ErrorIs(t, err, ErrUnauthorized) }},
		{http.StatusForbidden, call{Method: http.MethodPost, Path: "/enterprise/live-migrations/x/start"},
			func(s *LiveMigrationsService) error { return second2(s.Start(ctx, "x")) },
			func(t *testing.T, err error) { require.ErrorIs(t, err, ErrForbidden) }},
		{http.StatusNotFound, call{Method: http.MethodPost, Path: "/enterprise/live-migrations/x/pause"},
			func(s *LiveMigrationsService) error { return second2(s.Pause(ctx, "x")) },
			func(t *testing.T, err error) { require.ErrorIs(t, err, ErrNotFound) }},
		{http.StatusConflict, call{Method: http.MethodPost, Path: "/enterprise/live-migrations/x/resume"},
			func(s *LiveMigrationsService) error { return second2(s.Resume(ctx, "x")) }, nil},
		{http.StatusUnprocessableEntity, call{Method: http.MethodPost, Path: "/enterprise/live-migrations/x/cancel"},
			func(s *LiveMigrationsService) error { return second2(s.Cancel(ctx, "x")) },
			func(t *testing.T, err error) {
				var ve *ValidationError
				require.ErrorAs(t, err, &ve)
				require.Equal(t, []FieldError{{Resource: "LiveMigration", Code: "invalid", Field: "status"}}, ve.Errors)
			}},
		{http.StatusInternalServerError, call{Method: http.MethodPost, Path: "/enterprise/live-migrations/x/cutover"},
			func(s *LiveMigrationsService) error { return second2(s.Cutover(ctx, "x", nil)) }, nil},
		{http.StatusNotImplemented, call{Method: http.MethodGet, Path: "/enterprise/live-migrations"},
			func(s *LiveMigrationsService) error { return second3(s.List(ctx, nil)) }, nil},
		{http.StatusServiceUnavailable, call{Method: http.MethodPost, Path: "/enterprise/live-migrations/x/revert-cutover"},
			func(s *LiveMigrationsService) error { return second3(s.RevertCutover(ctx, "x")) }, nil},
	} {
		t.Run(fmt.Sprint(tc.status), func(t *testing.T) {
			env := mock(t)
			c := tc.call
			c.Status = tc.status
			c.ReplyJSON = `{"message":"refused","errors":[{"resource":"LiveMigration","code":"invalid","field":"status"}],"documentation_url":"https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/live-migrations"}`
			env.expect(t, c)
			err := tc.run(env.Client.LiveMigrations)
			var er *ErrorResponse
			require.True(t, errors.As(err, &er), "err = %T %v, want an *ErrorResponse", err, err)
			require.Equal(t, tc.status, er.StatusCode())
			require.Equal(t, "refused", er.Message)
			if tc.check != nil {
				tc.check(t, err)
			}
		})
	}
}

func TestLiveMigrationsRefusedBeforeSending(t *testing.T) {
	env := mock(t) // no expectation: anything sent fails the test
	s, ctx := env.Client.LiveMigrations, context.Background()
	ok := CreateLiveMigrationRequest{SourceOrganizationLogin: "a", SourceRepositoryName: "b", TargetOrganizationLogin: "c",
		TargetRepositoryName: "d", TargetAPIEndpoint: "https://target.example.com/api/v3", PATName: "p"}
	with := func(f func(r *CreateLiveMigrationRequest)) CreateLiveMigrationRequest { r := ok; f(&r); return r }
	public := LiveMigrationVisibility("public")
	checkRefusals(t, []refusal{
		{"no source org", second3(s.Create(ctx, with(func(r *CreateLiveMigrationRequest) { r.SourceOrganizationLogin = "" }))), "LiveMigrations.Create", "SourceOrganizationLogin"},
		{"no pat", second3(s.Create(ctx, with(func(r *CreateLiveMigrationRequest) { r.PATName = "" }))), "LiveMigrations.Create", "PATName"},
		{"endpoint not a URL", second3(s.Create(ctx, with(func(r *CreateLiveMigrationRequest) { r.TargetAPIEndpoint = "target.example.com" }))), "LiveMigrations.Create", "TargetAPIEndpoint"},
		{"public", second3(s.Create(ctx, with(func(r *CreateLiveMigrationRequest) { r.TargetVisibility = &public }))), "LiveMigrations.Create", "TargetVisibility"},
		{"status", second3(s.List(ctx, &ListLiveMigrationsOptions{Status: "done"})), "LiveMigrations.List", "ListLiveMigrationsOptions.Status"},
		{"page size", second3(s.List(ctx, &ListLiveMigrationsOptions{PageSize: -1})), "LiveMigrations.List", "ListLiveMigrationsOptions.PageSize"},
		{"empty id", second3(s.Get(ctx, "")), "LiveMigrations.Get", "migration_id"},
		{"dot id", second2(s.Cutover(ctx, "..", nil)), "LiveMigrations.Cutover", "migration_id"},
		{"revert empty id", second3(s.RevertCutover(ctx, "")), "LiveMigrations.RevertCutover", "migration_id"},
	})
}
