package ghesadmin

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// The Management Console API lives on the administration port
// (https://HOST:8443, see WithManagementConsole), not under /api/v3. Every
// call authenticates with HTTP basic authentication "api_key:<password>" and
// is refused before sending, with ErrNoConsolePassword, when the client has
// no console password. Request bodies are application/x-www-form-urlencoded
// (the "maintenance" and "settings" fields hold JSON documents), except the
// license uploads, which are multipart/form-data.
//
// GHES 3.15 removed the Management Console: use the Manage service there.

// ConfigurationStepStatus is the state of one step of a configuration run.
type ConfigurationStepStatus string

// The states of a configuration step.
const (
	ConfigurationPending     ConfigurationStepStatus = "PENDING"
	ConfigurationConfiguring ConfigurationStepStatus = "CONFIGURING"
	ConfigurationDone        ConfigurationStepStatus = "DONE"
	ConfigurationFailed      ConfigurationStepStatus = "FAILED"
)

// ConfigurationStatus is the progress of the most recent configuration run
// (GET /setup/api/configcheck).
type ConfigurationStatus struct {
	// Status is the overall state, such as "running", "success" or
	// "failed".
	Status   string               `json:"status"`
	Progress []*ConfigurationStep `json:"progress"`
}

// ConfigurationStep is one step of a configuration run.
type ConfigurationStep struct {
	Status ConfigurationStepStatus `json:"status"`
	// Key names the step, such as "Appliance core components".
	Key string `json:"key"`
}

// ConfigurationError reports a configuration run that failed, as seen by
// WaitForConfiguration.
type ConfigurationError struct {
	// Step is the key of the first failed step, or "" when only the
	// overall status said the run failed.
	Step string
	// Status is the last status read.
	Status *ConfigurationStatus
}

// Error names the failed step.
func (e *ConfigurationError) Error() string {
	if e.Step != "" {
		return fmt.Sprintf("ghesadmin: configuration failed at step %q", e.Step)
	}
	s := ""
	if e.Status != nil {
		s = e.Status.Status
	}
	return fmt.Sprintf("ghesadmin: configuration failed (status %q)", s)
}

// MaintenanceStatus is the maintenance state of a Management Console
// appliance.
type MaintenanceStatus struct {
	// Status is "on", "off" or "scheduled".
	Status string `json:"status"`
	// ScheduledTime is the time maintenance is scheduled for, in the
	// console's own words ("Tuesday, January 22 at 15:34 -0800"), so it is
	// kept as text.
	ScheduledTime      string               `json:"scheduled_time"`
	ConnectionServices []*ConnectionService `json:"connection_services"`
}

// ConnectionService counts the connections of one service that maintenance
// mode waits for.
type ConnectionService struct {
	Name string `json:"name"`
	// Number is documented as an integer; GHES 2.x sends it as a string
	// ("0"), which FlexInt reads too.
	Number FlexInt `json:"number"`
}

// MaintenanceRequest turns maintenance mode on or off
// (POST /setup/api/maintenance). It is sent as the JSON document of the
// "maintenance" form field.
type MaintenanceRequest struct {
	// Enabled turns maintenance mode on (true) or off (false).
	Enabled bool `json:"enabled"`
	// When is when maintenance starts: nil or "now" for at once, or a time
	// the appliance parses with its natural-language date parser, such as
	// "tomorrow at 3pm", "in 30 minutes", "2026-01-22 15:34" or ISO 8601
	// ("2026-01-22T15:34:00-08:00"). A time without an offset, and every
	// natural-language time, is read in the appliance's time zone (its
	// system clock, UTC unless changed); an ISO 8601 time with an offset is
	// absolute. MaintenanceAt(t) gives the unambiguous form of a time.Time.
	// A time in the past means now. When is ignored when Enabled is false.
	When *string `json:"when,omitempty"`
}

// MaintenanceAt formats t for MaintenanceRequest.When as the appliance
// parses it without ambiguity: ISO 8601 with t's own offset
// ("2026-01-22T15:34:00-08:00"), whatever the appliance's time zone. It is
// the typed way to schedule, as ManageMaintenanceRequest.When is:
//
//	client.ManagementConsole.SetMaintenance(ctx, ghesadmin.MaintenanceRequest{
//		Enabled: true, When: ghesadmin.MaintenanceAt(time.Now().Add(time.Hour))})
func MaintenanceAt(t time.Time) *string {
	s := t.Truncate(time.Second).Format(time.RFC3339)
	return &s
}

// AuthorizedKey is an SSH key allowed to reach the administrative shell.
type AuthorizedKey struct {
	Key string `json:"key"`
	// PrettyPrint is the key type and fingerprint ("pretty-print").
	PrettyPrint string `json:"pretty-print"`
}

// SetupRequest holds the optional fields of the first license upload
// (POST /setup/api/start).
type SetupRequest struct {
	// Password sets the Management Console password. It is needed only
	// when no password was set through the web interface.
	Password *string
	// Settings are installation settings to apply with the license.
	Settings *ConsoleSettings
}

// ConfigurationStatus returns the progress of the most recent configuration
// run.
//
// GitHub API docs: https://docs.github.com/enterprise-server@2.22/rest/reference/enterprise-admin#get-the-configuration-status
//
// GHES API: GET /setup/api/configcheck (GHES 2.22 to 3.14).
//
//meta:operation GET /setup/api/configcheck
func (s *ManagementConsoleService) ConfigurationStatus(ctx context.Context) (*ConfigurationStatus, *Response, error) {
	return fetch[ConfigurationStatus](ctx, s.backend, &request{op: "ManagementConsole.ConfigurationStatus", method: http.MethodGet, path: "setup/api/configcheck"})
}

// StartConfiguration starts a configuration run, so that changed settings
// take effect. The appliance answers 202 Accepted; follow the run with
// ConfigurationStatus or WaitForConfiguration.
//
// GitHub API docs: https://docs.github.com/enterprise-server@2.22/rest/reference/enterprise-admin#start-a-configuration-process
//
// GHES API: POST /setup/api/configure (GHES 2.22 to 3.14).
//
//meta:operation POST /setup/api/configure
func (s *ManagementConsoleService) StartConfiguration(ctx context.Context) (*Response, error) {
	return s.backend.call(ctx, &request{op: "ManagementConsole.StartConfiguration", method: http.MethodPost, path: "setup/api/configure"}, nil)
}

// defaultWaitInterval is how often WaitForConfiguration and
// WaitForConfigApply poll by default.
const defaultWaitInterval = 5 * time.Second

// WaitForConfiguration polls GET /setup/api/configcheck until the
// configuration run finishes. It returns the last status and nil when every
// step is DONE (or the overall status is "success"), and a
// *ConfigurationError naming the step when a step is FAILED (or the overall
// status is "failed" or "failure"). It stops when ctx ends, with ctx's error.
// It polls every 5 seconds unless a WaitOption says otherwise.
//
// GHES API: GET /setup/api/configcheck (GHES 2.22 to 3.14).
//
//meta:operation GET /setup/api/configcheck
func (s *ManagementConsoleService) WaitForConfiguration(ctx context.Context, opts ...WaitOption) (*ConfigurationStatus, *Response, error) {
	cfg, err := newWaitConfig(defaultWaitInterval, defaultWaitInterval, opts)
	if err != nil {
		return nil, nil, err
	}
	wait := cfg.interval
	for {
		st, resp, err := s.ConfigurationStatus(ctx)
		if err != nil {
			return nil, resp, err
		}
		if done, err := st.finished(); done {
			return st, resp, err
		}
		if err := sleep(ctx, wait); err != nil {
			return st, resp, fmt.Errorf("ghesadmin: waiting for the configuration run: %w", err)
		}
		wait = cfg.next(wait)
	}
}

// finished tells whether the run is over and, if it failed, why.
func (st *ConfigurationStatus) finished() (bool, error) {
	for _, p := range st.Progress {
		if p != nil && p.Status == ConfigurationFailed {
			return true, &ConfigurationError{Step: p.Key, Status: st}
		}
	}
	switch strings.ToLower(st.Status) {
	case "success":
		return true, nil
	case "failed", "failure", "error":
		return true, &ConfigurationError{Status: st}
	}
	if len(st.Progress) == 0 {
		return false, nil
	}
	for _, p := range st.Progress {
		if p == nil || p.Status != ConfigurationDone {
			return false, nil
		}
	}
	return true, nil
}

// MaintenanceStatus returns the maintenance state and the connections it
// waits for.
//
// GitHub API docs: https://docs.github.com/enterprise-server@2.22/rest/reference/enterprise-admin#get-the-maintenance-status
//
// GHES API: GET /setup/api/maintenance (GHES 2.22 to 3.14).
//
//meta:operation GET /setup/api/maintenance
func (s *ManagementConsoleService) MaintenanceStatus(ctx context.Context) (*MaintenanceStatus, *Response, error) {
	return fetch[MaintenanceStatus](ctx, s.backend, &request{op: "ManagementConsole.MaintenanceStatus", method: http.MethodGet, path: "setup/api/maintenance"})
}

// SetMaintenance turns maintenance mode on (now or at a given time, see
// MaintenanceRequest.When and MaintenanceAt) or off, and returns the new
// maintenance state: "scheduled" for a future time, "on" once it started.
// WaitForMaintenance waits until it is on.
//
// GitHub API docs: https://docs.github.com/enterprise-server@2.22/rest/reference/enterprise-admin#enable-or-disable-maintenance-mode
//
// GHES API: POST /setup/api/maintenance (GHES 2.22 to 3.14).
//
//meta:operation POST /setup/api/maintenance
func (s *ManagementConsoleService) SetMaintenance(ctx context.Context, req MaintenanceRequest) (*MaintenanceStatus, *Response, error) {
	if req.When != nil && strings.TrimSpace(*req.When) == "" {
		return nil, nil, fmt.Errorf("%w: ManagementConsole.SetMaintenance: When is empty; leave it nil or say \"now\"", ErrInvalidArgument)
	}
	doc, err := json.Marshal(req)
	if err != nil {
		return nil, nil, fmt.Errorf("ghesadmin: encoding the maintenance request: %w", err)
	}
	return fetch[MaintenanceStatus](ctx, s.backend, &request{
		op:     "ManagementConsole.SetMaintenance",
		method: http.MethodPost,
		path:   "setup/api/maintenance",
		form:   url.Values{"maintenance": {string(doc)}},
	})
}

// Settings returns the appliance settings. Keys the SDK does not know are
// kept in the Extra fields, so that passing the result, changed, to
// UpdateSettings loses nothing.
//
// GitHub API docs: https://docs.github.com/enterprise-server@2.22/rest/reference/enterprise-admin#get-settings
//
// GHES API: GET /setup/api/settings (GHES 2.22 to 3.14).
//
//meta:operation GET /setup/api/settings
func (s *ManagementConsoleService) Settings(ctx context.Context) (*ConsoleSettings, *Response, error) {
	return fetch[ConsoleSettings](ctx, s.backend, &request{op: "ManagementConsole.Settings", method: http.MethodGet, path: "setup/api/settings"})
}

// UpdateSettings changes the appliance settings. Only the fields that are
// set (non-nil) and the Extra keys are sent, as the JSON document of the
// "settings" form field; the appliance keeps the others. Changes take effect
// after a configuration run (StartConfiguration).
//
// For a partial update, set only what changes:
//
//	settings := ghesadmin.ConsoleSettings{Enterprise: &ghesadmin.EnterpriseSettings{
//		PublicPages: ghesadmin.Ptr(true),
//	}}
//
// GitHub API docs: https://docs.github.com/enterprise-server@2.22/rest/reference/enterprise-admin#set-settings
//
// GHES API: PUT /setup/api/settings (GHES 2.22 to 3.14).
//
//meta:operation PUT /setup/api/settings
func (s *ManagementConsoleService) UpdateSettings(ctx context.Context, settings ConsoleSettings) (*Response, error) {
	doc, err := json.Marshal(settings)
	if err != nil {
		return nil, fmt.Errorf("ghesadmin: encoding the settings: %w", err)
	}
	return s.backend.call(ctx, &request{
		op:     "ManagementConsole.UpdateSettings",
		method: http.MethodPut,
		path:   "setup/api/settings",
		form:   url.Values{"settings": {string(doc)}},
	}, nil)
}

// AuthorizedKeys returns the SSH keys allowed to reach the administrative
// shell.
//
// GitHub API docs: https://docs.github.com/enterprise-server@2.22/rest/reference/enterprise-admin#get-all-authorized-ssh-keys
//
// GHES API: GET /setup/api/settings/authorized-keys (GHES 2.22 to 3.14).
//
//meta:operation GET /setup/api/settings/authorized-keys
func (s *ManagementConsoleService) AuthorizedKeys(ctx context.Context) ([]*AuthorizedKey, *Response, error) {
	return fetchSlice[*AuthorizedKey](ctx, s.backend, &request{op: "ManagementConsole.AuthorizedKeys", method: http.MethodGet, path: "setup/api/settings/authorized-keys"})
}

// AddAuthorizedKey authorizes a public SSH key for the administrative shell
// and returns the keys now authorized.
//
// GitHub API docs: https://docs.github.com/enterprise-server@2.22/rest/reference/enterprise-admin#add-an-authorized-ssh-key
//
// GHES API: POST /setup/api/settings/authorized-keys (GHES 2.22 to 3.14).
//
//meta:operation POST /setup/api/settings/authorized-keys
func (s *ManagementConsoleService) AddAuthorizedKey(ctx context.Context, publicKey string) ([]*AuthorizedKey, *Response, error) {
	return s.authorizedKey(ctx, "ManagementConsole.AddAuthorizedKey", http.MethodPost, publicKey)
}

// RemoveAuthorizedKey removes an authorized SSH key and returns the keys
// still authorized.
//
// GitHub API docs: https://docs.github.com/enterprise-server@2.22/rest/reference/enterprise-admin#remove-an-authorized-ssh-key
//
// GHES API: DELETE /setup/api/settings/authorized-keys (GHES 2.22 to 3.14).
//
//meta:operation DELETE /setup/api/settings/authorized-keys
func (s *ManagementConsoleService) RemoveAuthorizedKey(ctx context.Context, publicKey string) ([]*AuthorizedKey, *Response, error) {
	return s.authorizedKey(ctx, "ManagementConsole.RemoveAuthorizedKey", http.MethodDelete, publicKey)
}

func (s *ManagementConsoleService) authorizedKey(ctx context.Context, op, method, publicKey string) ([]*AuthorizedKey, *Response, error) {
	if strings.TrimSpace(publicKey) == "" {
		return nil, nil, fmt.Errorf("%w: the public key is empty", ErrInvalidArgument)
	}
	return fetchSlice[*AuthorizedKey](ctx, s.backend, &request{
		op:     op,
		method: method,
		path:   "setup/api/settings/authorized-keys",
		form:   url.Values{"authorized_key": {publicKey}},
	})
}

// UploadLicense uploads the license of a new appliance (the content of its
// .ghl file, streamed from license) with, optionally, the console password and
// initial settings. The appliance answers 202 Accepted; start the
// configuration with StartConfiguration.
//
// The body is multipart/form-data, as real appliances were sent it and as
// GitHub's 3.x descriptions document: a "license" file part (file name
// "enterprise.ghl"), then a "password" field and a "settings" field (the
// settings as a JSON document) when set. The request is streamed, so it is
// never retried.
//
// This endpoint does not check the console password. On an appliance that
// has none yet, configure the client with the password you are setting
// (WithManagementConsole(url, pw)) and pass the same one in req.Password.
//
// GitHub API docs: https://docs.github.com/enterprise-server@2.22/rest/reference/enterprise-admin#create-a-github-license
//
// GHES API: POST /setup/api/start (GHES 2.22 to 3.14).
//
//meta:operation POST /setup/api/start
func (s *ManagementConsoleService) UploadLicense(ctx context.Context, license io.Reader, req SetupRequest) (*Response, error) {
	if license == nil {
		return nil, fmt.Errorf("%w: ManagementConsole.UploadLicense: the license is nil", ErrInvalidArgument)
	}
	var settings []byte
	if req.Settings != nil {
		doc, err := json.Marshal(req.Settings)
		if err != nil {
			return nil, fmt.Errorf("ghesadmin: encoding the settings: %w", err)
		}
		settings = doc
	}
	return s.backend.call(ctx, &request{
		op:     "ManagementConsole.UploadLicense",
		method: http.MethodPost,
		path:   "setup/api/start",
		multipart: func(mw *multipart.Writer) error {
			if err := writeLicensePart(mw, license); err != nil {
				return err
			}
			if req.Password != nil {
				if err := mw.WriteField("password", *req.Password); err != nil {
					return err
				}
			}
			if settings != nil {
				return mw.WriteField("settings", string(settings))
			}
			return nil
		},
	}, nil)
}

// UpgradeLicense installs a new license (the content of its .ghl file,
// streamed from license) and starts a configuration run. The appliance
// answers 202 Accepted. A nil license sends no "license" part, which the
// reference allows.
//
// Like UploadLicense, the body is multipart/form-data with the license as a
// "license" file part, as real appliances were sent it; it is streamed, so
// it is never retried.
//
// GitHub API docs: https://docs.github.com/enterprise-server@2.22/rest/reference/enterprise-admin#upgrade-a-license
//
// GHES API: POST /setup/api/upgrade (GHES 2.22 to 3.14).
//
//meta:operation POST /setup/api/upgrade
func (s *ManagementConsoleService) UpgradeLicense(ctx context.Context, license io.Reader) (*Response, error) {
	return s.backend.call(ctx, &request{
		op:     "ManagementConsole.UpgradeLicense",
		method: http.MethodPost,
		path:   "setup/api/upgrade",
		multipart: func(mw *multipart.Writer) error {
			if license == nil {
				return nil
			}
			return writeLicensePart(mw, license)
		},
	}, nil)
}
