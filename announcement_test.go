package ghesadmin

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// setAnnouncement adapts Announcement.Set with body to endpointCase.do.
func setAnnouncement(body SetAnnouncementRequest) endpointFunc {
	return func(ctx context.Context, c *Client) (any, *Response, error) { return c.Announcement.Set(ctx, body) }
}

func TestAnnouncementEndpoints(t *testing.T) {
	const path = "/enterprise/announcement"
	const message = "Very **important** announcement about _something_."
	expiry := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	banner := &Announcement{Announcement: message, ExpiresAt: Timestamp{expiry}, UserDismissible: true}
	get := func(ctx context.Context, c *Client) (any, *Response, error) { return c.Announcement.Get(ctx) }
	runEndpointCases(t, []endpointCase{
		{"Get", call{Method: http.MethodGet, Path: path, Reply: "announcement/banner.json"}, get, banner},
		{"Get no banner", call{Method: http.MethodGet, Path: path, ReplyJSON: `{"announcement":null,"expires_at":null,"user_dismissible":false}`}, get, &Announcement{}},
		{"Set every field", call{Method: http.MethodPatch, Path: path, JSON: `{"announcement":"` + message + `","expires_at":"2021-01-01T00:00:00Z","user_dismissible":true}`, Reply: "announcement/banner.json"},
			setAnnouncement(SetAnnouncementRequest{Announcement: message, ExpiresAt: &expiry, UserDismissible: Ptr(true)}), banner},
		{"Set message only", call{Method: http.MethodPatch, Path: path, JSON: `{"announcement":"Maintenance tonight"}`, ReplyJSON: `{"announcement":"Maintenance tonight","expires_at":null,"user_dismissible":false}`},
			setAnnouncement(SetAnnouncementRequest{Announcement: "Maintenance tonight"}), &Announcement{Announcement: "Maintenance tonight"}},
		{"Remove", call{Method: http.MethodDelete, Path: path, Status: http.StatusNoContent},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.Announcement.Remove(ctx))
			}, nil},
	})
}

func TestAnnouncementRefusesBadInput(t *testing.T) {
	runRefusedCases(t, []refusedCase{
		{"empty message", setAnnouncement(SetAnnouncementRequest{UserDismissible: Ptr(true)}), []string{"Announcement.Set", "SetAnnouncementRequest.Announcement"}},
		{"zero expiry", setAnnouncement(SetAnnouncementRequest{Announcement: "x", ExpiresAt: &time.Time{}}), []string{"Announcement.Set", "SetAnnouncementRequest.ExpiresAt"}},
	})
}
