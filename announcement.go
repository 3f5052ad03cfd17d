package ghesadmin

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// AnnouncementService manages the global announcement banner that GHES
// shows to every user (GitHub's docs: enterprise-admin/announcement).
type AnnouncementService service

// Announcement is the global announcement banner.
type Announcement struct {
	// Announcement is the banner's message in GitHub Flavored Markdown;
	// "" when no banner is set (GHES sends null).
	Announcement string `json:"announcement"`
	// ExpiresAt is when the banner disappears by itself; zero when it
	// never expires (GHES sends null).
	ExpiresAt Timestamp `json:"expires_at"`
	// UserDismissible is true when each user may dismiss the banner
	// (GHES 3.14 and later; false before).
	UserDismissible bool `json:"user_dismissible"`
}

// SetAnnouncementRequest is the body of AnnouncementService.Set.
type SetAnnouncementRequest struct {
	// Announcement is the message, in GitHub Flavored Markdown. It may not
	// be empty: call Remove to take the banner down.
	Announcement string `json:"announcement"`
	// ExpiresAt is when the banner disappears by itself; nil for a banner
	// that stays until it is removed.
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
	// UserDismissible lets each user dismiss the banner (GHES 3.14 and
	// later); nil leaves GHES's default (false).
	UserDismissible *bool `json:"user_dismissible,omitempty"`
}

func (r SetAnnouncementRequest) validate() error {
	if r.Announcement == "" {
		return fmt.Errorf("%w: Announcement.Set: SetAnnouncementRequest.Announcement is empty (call Announcement.Remove to take the banner down)", ErrInvalidArgument)
	}
	if r.ExpiresAt != nil && r.ExpiresAt.IsZero() {
		return fmt.Errorf("%w: Announcement.Set: SetAnnouncementRequest.ExpiresAt is the zero time (leave it nil for a banner that never expires)", ErrInvalidArgument)
	}
	return nil
}

// Get returns the global announcement banner. With no banner set (or an
// expired one) its Announcement is "".
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/announcement#get-the-global-announcement-banner
//
// GHES API: GET /enterprise/announcement (GHES 3.4 and later).
//
//meta:operation GET /enterprise/announcement
func (s *AnnouncementService) Get(ctx context.Context) (*Announcement, *Response, error) {
	return fetch[Announcement](ctx, s.backend, &request{op: "Announcement.Get", method: http.MethodGet, path: "enterprise/announcement"})
}

// Set sets the global announcement banner, replacing the one shown, and
// returns it.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/announcement#set-the-global-announcement-banner
//
// GHES API: PATCH /enterprise/announcement (GHES 3.4 and later).
//
//meta:operation PATCH /enterprise/announcement
func (s *AnnouncementService) Set(ctx context.Context, body SetAnnouncementRequest) (*Announcement, *Response, error) {
	return fetch[Announcement](ctx, s.backend, &request{op: "Announcement.Set", method: http.MethodPatch, path: "enterprise/announcement", json: body})
}

// Remove takes the global announcement banner down.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/announcement#remove-the-global-announcement-banner
//
// GHES API: DELETE /enterprise/announcement (GHES 3.4 and later).
//
//meta:operation DELETE /enterprise/announcement
func (s *AnnouncementService) Remove(ctx context.Context) (*Response, error) {
	return s.backend.call(ctx, &request{op: "Announcement.Remove", method: http.MethodDelete, path: "enterprise/announcement"}, nil)
}
