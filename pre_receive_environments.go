package ghesadmin

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"time"
)

// DownloadState is the state of the latest download of a pre-receive
// environment's tarball.
type DownloadState string

// The download states GHES reports.
const (
	DownloadStateNotStarted DownloadState = "not_started"
	DownloadStateInProgress DownloadState = "in_progress"
	DownloadStateSuccess    DownloadState = "success"
	DownloadStateFailed     DownloadState = "failed"
)

// PreReceiveEnvironment is an environment in which pre-receive hook scripts
// run: a tarball downloaded from ImageURL, or the default environment that
// ships with GHES.
type PreReceiveEnvironment struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	// ImageURL is where the environment's tarball is downloaded from
	// ("githubenterprise://internal" for the default environment).
	ImageURL string `json:"image_url"`
	URL      string `json:"url"`
	HTMLURL  string `json:"html_url"`
	// DefaultEnvironment is true for the environment that ships with
	// GHES; it cannot be modified or deleted.
	DefaultEnvironment bool      `json:"default_environment"`
	CreatedAt          time.Time `json:"created_at"`
	// HooksCount is the number of pre-receive hooks using the environment.
	HooksCount int `json:"hooks_count"`
	// Download is the status of the latest download of the tarball.
	Download PreReceiveEnvironmentDownload `json:"download"`
}

// PreReceiveEnvironmentDownload is the status of the latest download of a
// pre-receive environment's tarball.
type PreReceiveEnvironmentDownload struct {
	URL   string        `json:"url"`
	State DownloadState `json:"state"`
	// DownloadedAt is when the latest download started; nil when none
	// has (the API returns null).
	DownloadedAt *time.Time `json:"downloaded_at"`
	// Message holds the error messages of a failed download; nil
	// otherwise (the API returns null).
	Message *string `json:"message"`
}

// PreReceiveSort is the order of a list of pre-receive environments or
// hooks.
type PreReceiveSort string

// The sort orders of the pre-receive lists.
const (
	PreReceiveSortCreated PreReceiveSort = "created"
	PreReceiveSortUpdated PreReceiveSort = "updated"
	PreReceiveSortName    PreReceiveSort = "name"
)

// PreReceiveListOptions selects and orders a page of pre-receive
// environments or hooks (at the instance, organization or repository level).
type PreReceiveListOptions struct {
	// Sort is created (the default), updated or name.
	Sort PreReceiveSort `url:"sort,omitempty"`
	// Direction is DirectionAsc or DirectionDesc (the default).
	Direction Direction `url:"direction,omitempty"`

	ListOptions
}

func (o PreReceiveListOptions) validate() error {
	return firstError(
		checkEnum("", "PreReceiveListOptions.Sort", o.Sort, true, PreReceiveSortCreated, PreReceiveSortUpdated, PreReceiveSortName),
		o.Direction.validate("PreReceiveListOptions.Direction"),
		o.ListOptions.validate(),
	)
}

// CreatePreReceiveEnvironmentRequest is the body of
// PreReceiveEnvironmentsService.Create.
type CreatePreReceiveEnvironmentRequest struct {
	// Name is the environment's name.
	Name string `json:"name"`
	// ImageURL is the URL the environment's tarball is downloaded from.
	ImageURL string `json:"image_url"`
}

// UpdatePreReceiveEnvironmentRequest is the body of
// PreReceiveEnvironmentsService.Update; nil fields are left unchanged.
type UpdatePreReceiveEnvironmentRequest struct {
	Name     *string `json:"name,omitempty"`
	ImageURL *string `json:"image_url,omitempty"`
}

// List returns one page of the pre-receive environments.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/pre-receive-environments#list-pre-receive-environments
//
// GHES API: GET /admin/pre-receive-environments (GHES 2.22 and later).
//
//meta:operation GET /admin/pre-receive-environments
func (s *PreReceiveEnvironmentsService) List(ctx context.Context, opts *PreReceiveListOptions) ([]*PreReceiveEnvironment, *Response, error) {
	return fetchSlice[*PreReceiveEnvironment](ctx, s.backend, &request{op: "PreReceiveEnvironments.List", method: http.MethodGet, path: "admin/pre-receive-environments", query: opts, preview: mediaTypeEyeScreamPreview})
}

// ListIter walks every page of the pre-receive environments, starting at
// opts.Page. opts is not modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/pre-receive-environments#list-pre-receive-environments
//
// GHES API: GET /admin/pre-receive-environments (GHES 2.22 and later).
//
//meta:operation GET /admin/pre-receive-environments
func (s *PreReceiveEnvironmentsService) ListIter(ctx context.Context, opts *PreReceiveListOptions) iter.Seq2[*PreReceiveEnvironment, error] {
	return paginate(ctx, s.backend, opts, linked(s.List))
}

// Create creates a pre-receive environment. GHES then downloads its tarball
// in the background: follow it with WaitForDownload.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/pre-receive-environments#create-a-pre-receive-environment
//
// GHES API: POST /admin/pre-receive-environments (GHES 2.22 and later).
//
//meta:operation POST /admin/pre-receive-environments
func (s *PreReceiveEnvironmentsService) Create(ctx context.Context, body CreatePreReceiveEnvironmentRequest) (*PreReceiveEnvironment, *Response, error) {
	return fetch[PreReceiveEnvironment](ctx, s.backend, &request{op: "PreReceiveEnvironments.Create", method: http.MethodPost, path: "admin/pre-receive-environments", json: body, preview: mediaTypeEyeScreamPreview})
}

// Get returns one pre-receive environment.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/pre-receive-environments#get-a-pre-receive-environment
//
// GHES API: GET /admin/pre-receive-environments/{pre_receive_environment_id} (GHES 2.22 and later).
//
//meta:operation GET /admin/pre-receive-environments/{pre_receive_environment_id}
func (s *PreReceiveEnvironmentsService) Get(ctx context.Context, id int64) (*PreReceiveEnvironment, *Response, error) {
	return fetch[PreReceiveEnvironment](ctx, s.backend, &request{op: "PreReceiveEnvironments.Get", method: http.MethodGet, path: "admin/pre-receive-environments/{pre_receive_environment_id}", args: []any{id}, preview: mediaTypeEyeScreamPreview})
}

// Update changes the name or image URL of a pre-receive environment. The
// default environment cannot be modified: GHES answers with a
// *ValidationError ("Cannot modify or delete the default environment").
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/pre-receive-environments#update-a-pre-receive-environment
//
// GHES API: PATCH /admin/pre-receive-environments/{pre_receive_environment_id} (GHES 2.22 and later).
//
//meta:operation PATCH /admin/pre-receive-environments/{pre_receive_environment_id}
func (s *PreReceiveEnvironmentsService) Update(ctx context.Context, id int64, body UpdatePreReceiveEnvironmentRequest) (*PreReceiveEnvironment, *Response, error) {
	return fetch[PreReceiveEnvironment](ctx, s.backend, &request{op: "PreReceiveEnvironments.Update", method: http.MethodPatch, path: "admin/pre-receive-environments/{pre_receive_environment_id}", args: []any{id}, json: body, preview: mediaTypeEyeScreamPreview})
}

// Delete deletes a pre-receive environment. GHES refuses with a
// *ValidationError to delete the default environment, an environment that
// hooks use, or one whose download is in progress; the error's Errors carry
// the reason.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/pre-receive-environments#delete-a-pre-receive-environment
//
// GHES API: DELETE /admin/pre-receive-environments/{pre_receive_environment_id} (GHES 2.22 and later).
//
//meta:operation DELETE /admin/pre-receive-environments/{pre_receive_environment_id}
func (s *PreReceiveEnvironmentsService) Delete(ctx context.Context, id int64) (*Response, error) {
	return s.backend.call(ctx, &request{op: "PreReceiveEnvironments.Delete", method: http.MethodDelete, path: "admin/pre-receive-environments/{pre_receive_environment_id}", args: []any{id}, preview: mediaTypeEyeScreamPreview}, nil)
}

// StartDownload starts a new download of the environment's tarball from its
// image URL (202 Accepted) and returns the new download's status. GHES
// refuses with a *ValidationError for the default environment or while a
// download is in progress.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/pre-receive-environments#start-a-pre-receive-environment-download
//
// GHES API: POST /admin/pre-receive-environments/{pre_receive_environment_id}/downloads (GHES 2.22 and later).
//
//meta:operation POST /admin/pre-receive-environments/{pre_receive_environment_id}/downloads
func (s *PreReceiveEnvironmentsService) StartDownload(ctx context.Context, id int64) (*PreReceiveEnvironmentDownload, *Response, error) {
	return fetch[PreReceiveEnvironmentDownload](ctx, s.backend, &request{op: "PreReceiveEnvironments.StartDownload", method: http.MethodPost, path: "admin/pre-receive-environments/{pre_receive_environment_id}/downloads", args: []any{id}, preview: mediaTypeEyeScreamPreview})
}

// DownloadStatus returns the status of the latest download of the
// environment's tarball.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/pre-receive-environments#get-the-download-status-for-a-pre-receive-environment
//
// GHES API: GET /admin/pre-receive-environments/{pre_receive_environment_id}/downloads/latest (GHES 2.22 and later).
//
//meta:operation GET /admin/pre-receive-environments/{pre_receive_environment_id}/downloads/latest
func (s *PreReceiveEnvironmentsService) DownloadStatus(ctx context.Context, id int64) (*PreReceiveEnvironmentDownload, *Response, error) {
	return fetch[PreReceiveEnvironmentDownload](ctx, s.backend, &request{op: "PreReceiveEnvironments.DownloadStatus", method: http.MethodGet, path: "admin/pre-receive-environments/{pre_receive_environment_id}/downloads/latest", args: []any{id}, preview: mediaTypeEyeScreamPreview})
}

// Default polling of WaitForDownload: the first wait is 1s, each next one
// doubles, up to 15s.
const (
	defaultDownloadPollInterval    = time.Second
	defaultDownloadMaxPollInterval = 15 * time.Second
)

// PreReceiveDownloadError is returned by WaitForDownload when the download
// ends in the failed state.
type PreReceiveDownloadError struct {
	// EnvironmentID is the pre-receive environment whose download failed.
	EnvironmentID int64
	// Message is the download's message, the error GHES reported.
	Message string
}

// Error names the environment and carries the download's message.
func (e *PreReceiveDownloadError) Error() string {
	msg := e.Message
	if msg == "" {
		msg = "no message"
	}
	return fmt.Sprintf("ghesadmin: the download of pre-receive environment %d failed: %s", e.EnvironmentID, boundText(msg, maxErrorText))
}

// WaitForDownload polls the latest download of a pre-receive environment
// (DownloadStatus) until it is success or failed, with a bounded
// exponential backoff (1s, doubling up to 15s, unless a WaitOption says otherwise), and returns its final
// status. A not_started or in_progress download is polled again. A failed
// download returns the status and a *PreReceiveDownloadError carrying its
// message. An error of a status request is returned at once.
//
// WaitForDownload has no time limit of its own: bound it with ctx. When ctx
// ends, it returns promptly with the last status seen and an error wrapping
// ctx's error.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/pre-receive-environments#get-the-download-status-for-a-pre-receive-environment
//
// GHES API: GET /admin/pre-receive-environments/{pre_receive_environment_id}/downloads/latest (GHES 2.22 and later).
//
//meta:operation GET /admin/pre-receive-environments/{pre_receive_environment_id}/downloads/latest
func (s *PreReceiveEnvironmentsService) WaitForDownload(ctx context.Context, id int64, opts ...WaitOption) (*PreReceiveEnvironmentDownload, *Response, error) {
	w, err := newWaitConfig(defaultDownloadPollInterval, defaultDownloadMaxPollInterval, opts)
	if err != nil {
		return nil, nil, err
	}
	wait := w.interval
	for {
		dl, resp, err := s.DownloadStatus(ctx, id)
		if err != nil {
			return nil, resp, err
		}
		switch dl.State {
		case DownloadStateSuccess:
			return dl, resp, nil
		case DownloadStateFailed:
			e := &PreReceiveDownloadError{EnvironmentID: id}
			if dl.Message != nil {
				e.Message = *dl.Message
			}
			return dl, resp, e
		}
		if err := sleep(ctx, wait); err != nil {
			return dl, resp, fmt.Errorf("ghesadmin: waiting for the download of pre-receive environment %d (last state %q): %w", id, dl.State, err)
		}
		wait = w.next(wait)
	}
}
