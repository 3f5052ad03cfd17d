package ghesadmin

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"time"
)

// Runner is a self-hosted runner.
type Runner struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	// OS is the runner's operating system, such as "linux" or "macos".
	OS string `json:"os"`
	// Status is "online" or "offline".
	Status string `json:"status"`
	// Busy is true while the runner runs a job.
	Busy bool `json:"busy"`
	// Ephemeral is true for a runner that takes one job only (GHES 3.x).
	Ephemeral bool `json:"ephemeral"`
	// Version is the runner application's version (GHES 3.x).
	Version string `json:"version"`
	// Labels are the runner's labels (GHES 3.x).
	Labels []*RunnerLabel `json:"labels"`
	// RunnerGroupID is the runner's group (GHES 3.6 and later), or nil
	// when the server does not say.
	RunnerGroupID *int64 `json:"runner_group_id,omitempty"`
}

// RunnerLabelType tells whether a runner label was set by the runner or by
// a user.
type RunnerLabelType string

// The types of runner labels.
const (
	// RunnerLabelReadOnly is a default label the runner sets itself.
	RunnerLabelReadOnly RunnerLabelType = "read-only"
	// RunnerLabelCustom is a label a user added.
	RunnerLabelCustom RunnerLabelType = "custom"
)

// RunnerLabel is a label of a self-hosted runner.
type RunnerLabel struct {
	ID   int64           `json:"id"`
	Name string          `json:"name"`
	Type RunnerLabelType `json:"type"`
}

// Runners is one page of runners with the total count.
type Runners struct {
	TotalCount int       `json:"total_count"`
	Runners    []*Runner `json:"runners"`
}

// RunnerLabels are the labels of a runner with their count.
type RunnerLabels struct {
	TotalCount int            `json:"total_count"`
	Labels     []*RunnerLabel `json:"labels"`
}

// RunnerApplication is a runner application binary that can be downloaded.
type RunnerApplication struct {
	OS           string `json:"os"`
	Architecture string `json:"architecture"`
	DownloadURL  string `json:"download_url"`
	Filename     string `json:"filename"`
	// TempDownloadToken authorises the download on an air-gapped
	// instance (GHES 3.x). String never shows it.
	TempDownloadToken string `json:"temp_download_token,omitempty"`
	// SHA256Checksum is the binary's checksum (GHES 3.x).
	SHA256Checksum string `json:"sha256_checksum,omitempty"`
}

// String shows the application without its download token.
func (a RunnerApplication) String() string {
	tok := ""
	if a.TempDownloadToken != "" {
		tok = " temp_download_token:[REDACTED]"
	}
	return fmt.Sprintf("{os:%s architecture:%s filename:%s download_url:%s sha256_checksum:%s%s}",
		a.OS, a.Architecture, a.Filename, a.DownloadURL, a.SHA256Checksum, tok)
}

// GoString is String, so that %#v does not show the token either.
func (a RunnerApplication) GoString() string { return a.String() }

// RunnerToken is a registration or remove token for the runner's config
// script. It expires after one hour. String never shows the token.
type RunnerToken struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expires_at"`
	// Permissions are the token's permissions, by name ("contents" →
	// "read"), when the server lists them.
	Permissions map[string]string `json:"permissions,omitempty"`
	// RepositorySelection is "all" or "selected", when the server says.
	RepositorySelection string `json:"repository_selection,omitempty"`
	// Repositories are the repositories the token is limited to, kept as
	// the server sent them (full repository objects).
	Repositories []json.RawMessage `json:"repositories,omitempty"`
	// SingleFile is the one file the token is limited to, if any.
	SingleFile *string `json:"single_file,omitempty"`
}

// String shows the expiry, not the token.
func (t RunnerToken) String() string {
	return fmt.Sprintf("{token:[REDACTED] expires_at:%s}", t.ExpiresAt.Format(time.RFC3339))
}

// GoString is String, so that %#v does not show the token either.
func (t RunnerToken) GoString() string { return t.String() }

// GenerateJITConfigRequest is the body of ActionsService.GenerateJITConfig.
type GenerateJITConfigRequest struct {
	// Name is the new runner's name.
	Name string `json:"name"`
	// RunnerGroupID is the group the runner joins.
	RunnerGroupID int64 `json:"runner_group_id"`
	// Labels are the runner's labels: 1 to 100.
	Labels []string `json:"labels"`
	// WorkFolder is the runner's working directory (default "_work").
	WorkFolder *string `json:"work_folder,omitempty"`
}

// JITRunnerConfig is the configuration of a just-in-time runner. String
// never shows the encoded configuration, which holds credentials.
type JITRunnerConfig struct {
	Runner *Runner `json:"runner"`
	// EncodedJITConfig is passed to the runner application as
	// --jitconfig.
	EncodedJITConfig string `json:"encoded_jit_config"`
}

// String shows the runner, not the configuration.
func (c JITRunnerConfig) String() string {
	if c.Runner == nil {
		return "{runner:<nil> encoded_jit_config:[REDACTED]}"
	}
	return fmt.Sprintf("{runner:{id:%d name:%s} encoded_jit_config:[REDACTED]}", c.Runner.ID, c.Runner.Name)
}

// GoString is String, so that %#v does not show the configuration either.
func (c JITRunnerConfig) GoString() string { return c.String() }

// ListRunnersOptions selects a page of the runners of an enterprise.
type ListRunnersOptions struct {
	// Name keeps only the runner with this name.
	Name string `url:"name,omitempty"`

	ListOptions
}

// maxRunnerLabels is the most labels a request may carry.
const maxRunnerLabels = 100

func checkRunnerLabels(what string, labels []string, minCount int) error {
	if len(labels) < minCount || len(labels) > maxRunnerLabels {
		return fmt.Errorf("%w: %s takes %d to %d labels, not %d", ErrInvalidArgument, what, minCount, maxRunnerLabels, len(labels))
	}
	return nil
}

// ListRunners returns one page of the self-hosted runners of an enterprise
// (a slug or ID), with the total count.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runners#list-self-hosted-runners-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/runners (GHES 2.22 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/runners
func (s *ActionsService) ListRunners(ctx context.Context, enterprise string, opts *ListRunnersOptions) (*Runners, *Response, error) {
	return fetch[Runners](ctx, s.backend, &request{op: "Actions.ListRunners", method: http.MethodGet, path: "enterprises/{enterprise}/actions/runners", args: []any{enterprise}, query: opts})
}

// ListRunnersIter walks every page of the self-hosted runners of an
// enterprise, yielding the runners, starting at opts.Page. opts is not
// modified.
//
// Deleting while iterating is not safe: the list is paged by position, so
// each deletion moves the next items one place up and the following page
// starts past some of them, which are then never yielded. Collect what to
// delete first, then delete (or list page 1 again until it is empty).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runners#list-self-hosted-runners-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/runners (GHES 2.22 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/runners
func (s *ActionsService) ListRunnersIter(ctx context.Context, enterprise string, opts *ListRunnersOptions) iter.Seq2[*Runner, error] {
	return paginate(ctx, s.backend, opts, linkedItems(bind(s.ListRunners, enterprise), func(w *Runners) []*Runner { return w.Runners }))
}

// ListRunnerApplications returns the runner application binaries that can
// be downloaded.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runners#list-runner-applications-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/runners/downloads (GHES 2.22 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/runners/downloads
func (s *ActionsService) ListRunnerApplications(ctx context.Context, enterprise string) ([]*RunnerApplication, *Response, error) {
	return fetchSlice[*RunnerApplication](ctx, s.backend, &request{op: "Actions.ListRunnerApplications", method: http.MethodGet, path: "enterprises/{enterprise}/actions/runners/downloads", args: []any{enterprise}})
}

// CreateRegistrationToken returns a token to register a runner with the
// enterprise (./config.sh --token TOKEN). It expires after one hour.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runners#create-a-registration-token-for-an-enterprise
//
// GHES API: POST /enterprises/{enterprise}/actions/runners/registration-token (GHES 2.22 and later).
//
//meta:operation POST /enterprises/{enterprise}/actions/runners/registration-token
func (s *ActionsService) CreateRegistrationToken(ctx context.Context, enterprise string) (*RunnerToken, *Response, error) {
	return s.runnerToken(ctx, "Actions.CreateRegistrationToken", enterprise, "registration-token")
}

// CreateRemoveToken returns a token to remove a runner from the enterprise
// (./config.sh remove --token TOKEN). It expires after one hour.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runners#create-a-remove-token-for-an-enterprise
//
// GHES API: POST /enterprises/{enterprise}/actions/runners/remove-token (GHES 2.22 and later).
//
//meta:operation POST /enterprises/{enterprise}/actions/runners/remove-token
func (s *ActionsService) CreateRemoveToken(ctx context.Context, enterprise string) (*RunnerToken, *Response, error) {
	return s.runnerToken(ctx, "Actions.CreateRemoveToken", enterprise, "remove-token")
}

func (s *ActionsService) runnerToken(ctx context.Context, method, enterprise, kind string) (*RunnerToken, *Response, error) {
	return fetch[RunnerToken](ctx, s.backend, &request{op: method, method: http.MethodPost, path: "enterprises/{enterprise}/actions/runners/" + kind, args: []any{enterprise}})
}

// GenerateJITConfig creates a just-in-time runner in the enterprise and
// returns its configuration (GHES 3.x). body.Labels must hold 1 to 100
// labels; other counts are refused before sending.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runners#create-configuration-for-a-just-in-time-runner-for-an-enterprise
//
// GHES API: POST /enterprises/{enterprise}/actions/runners/generate-jitconfig (GHES 3.10 and later).
//
//meta:operation POST /enterprises/{enterprise}/actions/runners/generate-jitconfig
func (s *ActionsService) GenerateJITConfig(ctx context.Context, enterprise string, body GenerateJITConfigRequest) (*JITRunnerConfig, *Response, error) {
	if err := checkRunnerLabels("GenerateJITConfig", body.Labels, 1); err != nil {
		return nil, nil, err
	}
	return fetch[JITRunnerConfig](ctx, s.backend, &request{op: "Actions.GenerateJITConfig", method: http.MethodPost, path: "enterprises/{enterprise}/actions/runners/generate-jitconfig", args: []any{enterprise}, json: body})
}

// GetRunner returns one self-hosted runner of an enterprise.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runners#get-a-self-hosted-runner-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/runners/{runner_id} (GHES 2.22 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/runners/{runner_id}
func (s *ActionsService) GetRunner(ctx context.Context, enterprise string, runnerID int64) (*Runner, *Response, error) {
	return fetch[Runner](ctx, s.backend, &request{op: "Actions.GetRunner", method: http.MethodGet, path: "enterprises/{enterprise}/actions/runners/{runner_id}", args: []any{enterprise, runnerID}})
}

// DeleteRunner forces the removal of a self-hosted runner from an
// enterprise, for a runner whose machine no longer exists.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runners#delete-a-self-hosted-runner-from-an-enterprise
//
// GHES API: DELETE /enterprises/{enterprise}/actions/runners/{runner_id} (GHES 2.22 and later).
//
//meta:operation DELETE /enterprises/{enterprise}/actions/runners/{runner_id}
func (s *ActionsService) DeleteRunner(ctx context.Context, enterprise string, runnerID int64) (*Response, error) {
	return s.backend.call(ctx, &request{op: "Actions.DeleteRunner", method: http.MethodDelete, path: "enterprises/{enterprise}/actions/runners/{runner_id}", args: []any{enterprise, runnerID}}, nil)
}

// ListRunnerLabels returns the labels of a self-hosted runner (GHES 3.x).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runners#list-labels-for-a-self-hosted-runner-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/runners/{runner_id}/labels (GHES 3.4 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/runners/{runner_id}/labels
func (s *ActionsService) ListRunnerLabels(ctx context.Context, enterprise string, runnerID int64) (*RunnerLabels, *Response, error) {
	return s.runnerLabels(ctx, "Actions.ListRunnerLabels", http.MethodGet, enterprise, runnerID, nil)
}

// AddRunnerLabels adds custom labels to a self-hosted runner and returns
// all its labels (GHES 3.x). labels must hold 1 to 100 names; other counts
// are refused before sending.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runners#add-custom-labels-to-a-self-hosted-runner-for-an-enterprise
//
// GHES API: POST /enterprises/{enterprise}/actions/runners/{runner_id}/labels (GHES 3.4 and later).
//
//meta:operation POST /enterprises/{enterprise}/actions/runners/{runner_id}/labels
func (s *ActionsService) AddRunnerLabels(ctx context.Context, enterprise string, runnerID int64, labels []string) (*RunnerLabels, *Response, error) {
	if err := checkRunnerLabels("AddRunnerLabels", labels, 1); err != nil {
		return nil, nil, err
	}
	return s.runnerLabels(ctx, "Actions.AddRunnerLabels", http.MethodPost, enterprise, runnerID, labels)
}

// SetRunnerLabels replaces the custom labels of a self-hosted runner and
// returns all its labels (GHES 3.x). labels may be empty (it removes every
// custom label) and hold at most 100 names.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runners#set-custom-labels-for-a-self-hosted-runner-for-an-enterprise
//
// GHES API: PUT /enterprises/{enterprise}/actions/runners/{runner_id}/labels (GHES 3.4 and later).
//
//meta:operation PUT /enterprises/{enterprise}/actions/runners/{runner_id}/labels
func (s *ActionsService) SetRunnerLabels(ctx context.Context, enterprise string, runnerID int64, labels []string) (*RunnerLabels, *Response, error) {
	if err := checkRunnerLabels("SetRunnerLabels", labels, 0); err != nil {
		return nil, nil, err
	}
	return s.runnerLabels(ctx, "Actions.SetRunnerLabels", http.MethodPut, enterprise, runnerID, actionsNonNil(labels))
}

// RemoveRunnerLabels removes every custom label of a self-hosted runner and
// returns the labels left, the read-only ones (GHES 3.x).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runners#remove-all-custom-labels-from-a-self-hosted-runner-for-an-enterprise
//
// GHES API: DELETE /enterprises/{enterprise}/actions/runners/{runner_id}/labels (GHES 3.4 and later).
//
//meta:operation DELETE /enterprises/{enterprise}/actions/runners/{runner_id}/labels
func (s *ActionsService) RemoveRunnerLabels(ctx context.Context, enterprise string, runnerID int64) (*RunnerLabels, *Response, error) {
	return s.runnerLabels(ctx, "Actions.RemoveRunnerLabels", http.MethodDelete, enterprise, runnerID, nil)
}

// RemoveRunnerLabel removes one custom label from a self-hosted runner and
// returns the labels left (GHES 3.x).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runners#remove-a-custom-label-from-a-self-hosted-runner-for-an-enterprise
//
// GHES API: DELETE /enterprises/{enterprise}/actions/runners/{runner_id}/labels/{name} (GHES 3.4 and later).
//
//meta:operation DELETE /enterprises/{enterprise}/actions/runners/{runner_id}/labels/{name}
func (s *ActionsService) RemoveRunnerLabel(ctx context.Context, enterprise string, runnerID int64, name string) (*RunnerLabels, *Response, error) {
	return fetch[RunnerLabels](ctx, s.backend, &request{op: "Actions.RemoveRunnerLabel", method: http.MethodDelete, path: "enterprises/{enterprise}/actions/runners/{runner_id}/labels/{name}", args: []any{enterprise, runnerID, name}})
}

// runnerLabels sends a request to a runner's labels; a non-nil names is
// sent as {"labels": names}.
func (s *ActionsService) runnerLabels(ctx context.Context, op, method, enterprise string, runnerID int64, names []string) (*RunnerLabels, *Response, error) {
	r := &request{op: op, method: method, path: "enterprises/{enterprise}/actions/runners/{runner_id}/labels", args: []any{enterprise, runnerID}}
	if names != nil {
		r.json = struct {
			Labels []string `json:"labels"`
		}{Labels: names}
	}
	return fetch[RunnerLabels](ctx, s.backend, r)
}
