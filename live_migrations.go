package ghesadmin

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"time"
)

// LiveMigrationsService drives live migrations of repositories from this
// instance to another (/enterprise/live-migrations, GHES 3.17 and later):
// create, start, pause, resume, cut over, revert the cutover, cancel.
type LiveMigrationsService service

// LiveMigrationStatus is the state of a live migration. Unknown values are
// kept on decode.
type LiveMigrationStatus string

// The states of a live migration, and LiveMigrationStatusAll for a list.
const (
	LiveMigrationStatusCreated    LiveMigrationStatus = "created"
	LiveMigrationStatusQueued     LiveMigrationStatus = "queued"
	LiveMigrationStatusInProgress LiveMigrationStatus = "in_progress"
	LiveMigrationStatusPaused     LiveMigrationStatus = "paused"
	LiveMigrationStatusCompleted  LiveMigrationStatus = "completed"
	LiveMigrationStatusFailed     LiveMigrationStatus = "failed"
	LiveMigrationStatusTerminated LiveMigrationStatus = "terminated"
	// LiveMigrationStatusAll lists migrations in every state.
	LiveMigrationStatusAll LiveMigrationStatus = "all"
)

// LiveMigrationVisibility is the visibility of the migrated repository.
type LiveMigrationVisibility string

// The visibilities a migrated repository may get.
const (
	LiveMigrationPrivate  LiveMigrationVisibility = "private"
	LiveMigrationInternal LiveMigrationVisibility = "internal"
)

// LiveMigration is one live migration.
type LiveMigration struct {
	MigrationID             string                    `json:"migration_id"`
	Status                  LiveMigrationStatus       `json:"status"`
	SourceOrganizationLogin string                    `json:"source_organization_login"`
	TargetOrganizationLogin string                    `json:"target_organization_login"`
	SourceRepositoryName    string                    `json:"source_repository_name"`
	TargetRepositoryName    string                    `json:"target_repository_name"`
	TargetVisibility        LiveMigrationVisibility   `json:"target_visibility"`
	TargetAPIEndpoint       string                    `json:"target_api_endpoint"`
	TargetMigrationID       int64                     `json:"target_migration_id"`
	CreatedAt               *time.Time                `json:"created_at"`
	StartedAt               *time.Time                `json:"started_at"`
	CompletedAt             *time.Time                `json:"completed_at"`
	ExpiresAt               *time.Time                `json:"expires_at"`
	Repositories            []LiveMigrationRepository `json:"repositories"`
}

// LiveMigrationRepository is a repository of a live migration.
type LiveMigrationRepository struct {
	SourceRepositoryURL string `json:"source_repository_url"`
	TargetRepositoryURL string `json:"target_repository_url"`
	Status              string `json:"status"`
}

// LiveMigrations is one page of live migrations. NextCursor, when not
// empty, is the After of the next page.
type LiveMigrations struct {
	Migrations []*LiveMigration `json:"migrations"`
	TotalCount int              `json:"total_count"`
	NextCursor string           `json:"next_cursor,omitempty"`
}

// LiveMigrationDetails is a live migration with the state of its target
// and its messages.
type LiveMigrationDetails struct {
	Migration     *LiveMigration              `json:"migration"`
	TargetState   *LiveMigrationTargetState   `json:"target_state"`
	CombinedState *LiveMigrationCombinedState `json:"combined_state"`
	Messages      []LiveMigrationMessage      `json:"messages"`
}

// LiveMigrationTargetState is what the target instance reports.
type LiveMigrationTargetState struct {
	Status              string                      `json:"status"`
	LastUpdated         *time.Time                  `json:"last_updated"`
	TargetUnavailable   bool                        `json:"target_unavailable"`
	RepositorySummaries []LiveMigrationRepoSummary  `json:"repository_summaries"`
	RepositoryProgress  []LiveMigrationRepoProgress `json:"repository_progress"`
}

// LiveMigrationRepoSummary counts the resources of one migrated repository.
type LiveMigrationRepoSummary struct {
	Namespace              string                   `json:"namespace"`
	Repository             string                   `json:"repository"`
	Total                  int64                    `json:"total"`
	TotalBackfill          int64                    `json:"total_backfill"`
	TotalLiveUpdate        int64                    `json:"total_live_update"`
	TotalProcessed         int64                    `json:"total_processed"`
	TotalFailed            int64                    `json:"total_failed"`
	TotalPending           int64                    `json:"total_pending"`
	TotalEligible          int64                    `json:"total_eligible"`
	TotalAcknowledged      int64                    `json:"total_acknowledged"`
	InitialGitPushComplete bool                     `json:"initial_git_push_complete"`
	Backfill               *LiveMigrationPhaseCount `json:"backfill"`
	LiveUpdate             *LiveMigrationPhaseCount `json:"live_update"`
}

// LiveMigrationPhaseCount counts the resources of one phase (backfill or
// live update).
type LiveMigrationPhaseCount struct {
	Total             int64                    `json:"total"`
	TotalPending      int64                    `json:"total_pending"`
	TotalProcessed    int64                    `json:"total_processed"`
	TotalFailed       int64                    `json:"total_failed"`
	TotalEligible     int64                    `json:"total_eligible"`
	TotalAcknowledged int64                    `json:"total_acknowledged"`
	Breakdown         []LiveMigrationBreakdown `json:"breakdown"`
}

// LiveMigrationBreakdown counts the resources of one state, kind and type.
type LiveMigrationBreakdown struct {
	State string `json:"state"`
	Kind  string `json:"kind"`
	Type  string `json:"type"`
	Count int64  `json:"count"`
}

// LiveMigrationRepoProgress is the progress of one migrated repository.
type LiveMigrationRepoProgress struct {
	RepositoryNWO                   string `json:"repository_nwo"`
	BackfillResourcesAdded          int64  `json:"backfill_resources_added"`
	BackfillResourcesProcessed      int64  `json:"backfill_resources_processed"`
	BackfillResourcesFailed         int64  `json:"backfill_resources_failed"`
	BackfillResourcesEligible       int64  `json:"backfill_resources_eligible"`
	BackfillResourcesAcknowledged   int64  `json:"backfill_resources_acknowledged"`
	LiveUpdateResourcesAdded        int64  `json:"live_update_resources_added"`
	LiveUpdateResourcesProcessed    int64  `json:"live_update_resources_processed"`
	LiveUpdateResourcesEligible     int64  `json:"live_update_resources_eligible"`
	LiveUpdateResourcesAcknowledged int64  `json:"live_update_resources_acknowledged"`
	LiveUpdateResourcesFailed       int64  `json:"live_update_resources_failed"`
	AllResourcesSent                bool   `json:"all_resources_sent"`
	InitialGitPushComplete          bool   `json:"initial_git_push_complete"`
	RepositoryLocked                bool   `json:"repository_locked"`
}

// LiveMigrationCombinedState is the state of both sides of a migration.
type LiveMigrationCombinedState struct {
	Status          string                   `json:"status"`
	DisplayMessage  string                   `json:"display_message"`
	ReadyForCutover bool                     `json:"ready_for_cutover"`
	CutoverBlockers []string                 `json:"cutover_blockers"`
	Repositories    []LiveMigrationRepoPhase `json:"repositories"`
}

// LiveMigrationRepoPhase is the phase of one migrated repository.
type LiveMigrationRepoPhase struct {
	RepositoryNWO string `json:"repository_nwo"`
	Phase         string `json:"phase"`
	DisplayStatus string `json:"display_status"`
}

// LiveMigrationMessage is a message of a live migration.
type LiveMigrationMessage struct {
	MessageType string     `json:"message_type"`
	Message     string     `json:"message"`
	CreatedAt   *time.Time `json:"created_at"`
}

// LiveMigrationCreated is the reply of LiveMigrationsService.Create.
type LiveMigrationCreated struct {
	MigrationID string     `json:"migration_id"`
	ExpiresAt   *time.Time `json:"expires_at"`
}

// LiveMigrationRevertResult is the reply of RevertCutover.
type LiveMigrationRevertResult struct {
	Success                       bool `json:"success"`
	UnarchivedSourceRepository    bool `json:"unarchived_source_repository"`
	InProgressCutoverTerminated   bool `json:"in_progress_cutover_terminated"`
	InProgressMigrationTerminated bool `json:"in_progress_migration_terminated"`
}

// CreateLiveMigrationRequest is the body of LiveMigrationsService.Create.
type CreateLiveMigrationRequest struct {
	SourceOrganizationLogin string `json:"source_organization_login"`
	SourceRepositoryName    string `json:"source_repository_name"`
	TargetOrganizationLogin string `json:"target_organization_login"`
	TargetRepositoryName    string `json:"target_repository_name"`
	// TargetAPIEndpoint is the REST API URL of the target instance.
	TargetAPIEndpoint string `json:"target_api_endpoint"`
	// PATName names the stored personal access token for the target (the
	// token itself is configured on the instance, never sent here).
	PATName          string                   `json:"pat_name"`
	TargetVisibility *LiveMigrationVisibility `json:"target_visibility,omitempty"`
}

func (r CreateLiveMigrationRequest) validate() error {
	const m = "LiveMigrations.Create"
	var visibility LiveMigrationVisibility
	if r.TargetVisibility != nil {
		visibility = *r.TargetVisibility
	}
	return firstError(
		required(m, "CreateLiveMigrationRequest",
			"SourceOrganizationLogin", r.SourceOrganizationLogin, "SourceRepositoryName", r.SourceRepositoryName,
			"TargetOrganizationLogin", r.TargetOrganizationLogin, "TargetRepositoryName", r.TargetRepositoryName,
			"TargetAPIEndpoint", r.TargetAPIEndpoint, "PATName", r.PATName),
		refuseIf(!isHTTPURL(r.TargetAPIEndpoint), "%s: CreateLiveMigrationRequest.TargetAPIEndpoint %q is not an http(s) URL", m, r.TargetAPIEndpoint),
		checkEnum(m, "CreateLiveMigrationRequest.TargetVisibility", visibility, true, LiveMigrationPrivate, LiveMigrationInternal),
	)
}

// isHTTPURL says s is an absolute http(s) URL with a host.
func isHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// ListLiveMigrationsOptions selects a page of live migrations.
type ListLiveMigrationsOptions struct {
	// PageSize is the number of migrations per page (0: the server's).
	PageSize int `url:"page_size,omitempty"`
	// After is the cursor of the page: NextCursor of the previous one.
	After string `url:"after,omitempty"`
	// Status keeps the migrations in this state ("" or
	// LiveMigrationStatusAll: every state).
	Status LiveMigrationStatus `url:"status,omitempty"`
}

func (o ListLiveMigrationsOptions) validate() error {
	return firstError(
		refuseIf(o.PageSize < 0 || o.PageSize > 1<<31-1, "ListLiveMigrationsOptions.PageSize is %d; it must be positive (0 for the default)", o.PageSize),
		checkEnum("", "ListLiveMigrationsOptions.Status", o.Status, true, LiveMigrationStatusCreated, LiveMigrationStatusQueued, LiveMigrationStatusInProgress, LiveMigrationStatusPaused,
			LiveMigrationStatusCompleted, LiveMigrationStatusFailed, LiveMigrationStatusTerminated, LiveMigrationStatusAll),
	)
}

// List returns one page of the live migrations, with the total count and
// the cursor of the next page.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/live-migrations#list-enterprise-live-migrations
//
// GHES API: GET /enterprise/live-migrations (GHES 3.17 and later).
//
//meta:operation GET /enterprise/live-migrations
func (s *LiveMigrationsService) List(ctx context.Context, opts *ListLiveMigrationsOptions) (*LiveMigrations, *Response, error) {
	return fetch[LiveMigrations](ctx, s.backend, &request{op: "LiveMigrations.List", method: http.MethodGet, path: "enterprise/live-migrations", query: opts})
}

// ListIter walks every page of the live migrations, following each page's
// next_cursor from opts.After. opts is not modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/live-migrations#list-enterprise-live-migrations
//
// GHES API: GET /enterprise/live-migrations (GHES 3.17 and later).
//
//meta:operation GET /enterprise/live-migrations
func (s *LiveMigrationsService) ListIter(ctx context.Context, opts *ListLiveMigrationsOptions) iter.Seq2[*LiveMigration, error] {
	return paginate(ctx, s.backend, opts, cursored(s.List, func(_ *ListLiveMigrationsOptions, l *LiveMigrations) ([]*LiveMigration, url.Values) {
		return l.Migrations, cursorNext("after", l.NextCursor)
	}))
}

// Create creates a live migration of a repository to another instance. It
// does not start it: call Start.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/live-migrations#create-an-enterprise-live-migration
//
// GHES API: POST /enterprise/live-migrations (GHES 3.17 and later).
//
//meta:operation POST /enterprise/live-migrations
func (s *LiveMigrationsService) Create(ctx context.Context, req CreateLiveMigrationRequest) (*LiveMigrationCreated, *Response, error) {
	return fetch[LiveMigrationCreated](ctx, s.backend, &request{op: "LiveMigrations.Create", method: http.MethodPost, path: "enterprise/live-migrations", json: req})
}

// Get returns a live migration with the state of its target and its
// messages.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/live-migrations#get-an-enterprise-live-migration
//
// GHES API: GET /enterprise/live-migrations/{migration_id} (GHES 3.17 and later).
//
//meta:operation GET /enterprise/live-migrations/{migration_id}
func (s *LiveMigrationsService) Get(ctx context.Context, migrationID string) (*LiveMigrationDetails, *Response, error) {
	return fetch[LiveMigrationDetails](ctx, s.backend, &request{op: "LiveMigrations.Get", method: http.MethodGet, path: "enterprise/live-migrations/{migration_id}", args: []any{migrationID}})
}

// action posts one state change of a migration.
func (s *LiveMigrationsService) action(ctx context.Context, method, verb, migrationID string, body any) (*Response, error) {
	return s.backend.call(ctx, &request{op: method, method: http.MethodPost, path: "enterprise/live-migrations/{migration_id}/" + verb, args: []any{migrationID}, json: body}, nil)
}

// Start starts a created migration.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/live-migrations#start-an-enterprise-live-migration
//
// GHES API: POST /enterprise/live-migrations/{migration_id}/start (GHES 3.17 and later).
//
//meta:operation POST /enterprise/live-migrations/{migration_id}/start
func (s *LiveMigrationsService) Start(ctx context.Context, migrationID string) (*Response, error) {
	return s.action(ctx, "LiveMigrations.Start", "start", migrationID, nil)
}

// Pause pauses a running migration.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/live-migrations#pause-an-enterprise-live-migration
//
// GHES API: POST /enterprise/live-migrations/{migration_id}/pause (GHES 3.17 and later).
//
//meta:operation POST /enterprise/live-migrations/{migration_id}/pause
func (s *LiveMigrationsService) Pause(ctx context.Context, migrationID string) (*Response, error) {
	return s.action(ctx, "LiveMigrations.Pause", "pause", migrationID, nil)
}

// Resume resumes a paused migration.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/live-migrations#resume-an-enterprise-live-migration
//
// GHES API: POST /enterprise/live-migrations/{migration_id}/resume (GHES 3.17 and later).
//
//meta:operation POST /enterprise/live-migrations/{migration_id}/resume
func (s *LiveMigrationsService) Resume(ctx context.Context, migrationID string) (*Response, error) {
	return s.action(ctx, "LiveMigrations.Resume", "resume", migrationID, nil)
}

// LiveMigrationCutoverOptions is the optional body of Cutover.
type LiveMigrationCutoverOptions struct {
	// Force cuts over even when GHES reports cutover blockers.
	Force *bool `json:"force,omitempty"`
}

// Cutover switches a migration's repositories over to the target: the
// source repository is archived. opts may be nil.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/live-migrations#cutover-an-enterprise-live-migration
//
// GHES API: POST /enterprise/live-migrations/{migration_id}/cutover (GHES 3.17 and later).
//
//meta:operation POST /enterprise/live-migrations/{migration_id}/cutover
func (s *LiveMigrationsService) Cutover(ctx context.Context, migrationID string, opts *LiveMigrationCutoverOptions) (*Response, error) {
	var body any
	if opts != nil {
		body = opts
	}
	return s.action(ctx, "LiveMigrations.Cutover", "cutover", migrationID, body)
}

// RevertCutover reverts a cutover: the source repository is unarchived and
// a cutover or migration in progress is terminated.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/live-migrations#revert-cutover-for-an-enterprise-live-migration
//
// GHES API: POST /enterprise/live-migrations/{migration_id}/revert-cutover (GHES 3.17 and later).
//
//meta:operation POST /enterprise/live-migrations/{migration_id}/revert-cutover
func (s *LiveMigrationsService) RevertCutover(ctx context.Context, migrationID string) (*LiveMigrationRevertResult, *Response, error) {
	return fetch[LiveMigrationRevertResult](ctx, s.backend, &request{op: "LiveMigrations.RevertCutover", method: http.MethodPost, path: "enterprise/live-migrations/{migration_id}/revert-cutover", args: []any{migrationID}})
}

// Cancel cancels a migration that has not completed.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/live-migrations#cancel-an-enterprise-live-migration
//
// GHES API: POST /enterprise/live-migrations/{migration_id}/cancel (GHES 3.17 and later).
//
//meta:operation POST /enterprise/live-migrations/{migration_id}/cancel
func (s *LiveMigrationsService) Cancel(ctx context.Context, migrationID string) (*Response, error) {
	return s.action(ctx, "LiveMigrations.Cancel", "cancel", migrationID, nil)
}
