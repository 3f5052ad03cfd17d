package ghesadmin

import (
	"context"
	"net/http"
	"testing"
	"time"
)

func TestAnnouncementEndpoints(t *testing.T) {
	const path = "/enterprise/announcement"
	banner := &Announcement{
		Announcement:    "Very **important** announcement about _something_.",
		ExpiresAt:       Timestamp{time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)},
		UserDismissible: true,
	}
	runEndpointCases(t, []endpointCase{
		{
			name: "Get",
			call: call{Method: http.MethodGet, Path: path, Reply: "announcement/banner.json"},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.Announcement.Get(ctx)
			},
			want: banner,
		},
		{
			name: "Get no banner",
			call: call{Method: http.MethodGet, Path: path, ReplyJSON: `{"announcement":null,"expires_at":null,"user_dismissible":false}`},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.Announcement.Get(ctx)
			},
			want: &Announcement{},
		},
		{
			name: "Set every field",
			call: call{Method: http.MethodPatch, Path: path, JSON: `{"announcement":"Very **important** announcement about _something_.","expires_at":"2021-01-01T00:00:00Z","user_dismissible":true}`, Reply: "announcement/banner.json"},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.Announcement.Set(ctx, SetAnnouncementRequest{
					Announcement:    "Very **important** announcement about _something_.",
					ExpiresAt:       Ptr(time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)),
					UserDismissible: Ptr(true),
				})
			},
			want: banner,
		},
		{
			name: "Set message only",
			call: call{Method: http.MethodPatch, Path: path, JSON: `{"announcement":"Maintenance tonight"}`, ReplyJSON: `{"announcement":"Maintenance tonight","expires_at":null,"user_dismissible":false}`},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.Announcement.Set(ctx, SetAnnouncementRequest{Announcement: "Maintenance tonight"})
			},
			want: &Announcement{Announcement: "Maintenance tonight"},
		},
		{
			name: "Remove",
			call: call{Method: http.MethodDelete, Path: path, Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.Announcement.Remove(ctx))
			},
		},
	})
}

func TestAnnouncementRefusesBadInput(t *testing.T) {
	set := func(body SetAnnouncementRequest) func(context.Context, *Client) error {
		return func(ctx context.Context, c *Client) error {
			_, _, err := c.Announcement.Set(ctx, body)
			return err
		}
	}
	runRefusedCases(t, []refusedCase{
		{"empty message", set(SetAnnouncementRequest{UserDismissible: Ptr(true)}), []string{"Announcement.Set", "SetAnnouncementRequest.Announcement"}},
		{"zero expiry", set(SetAnnouncementRequest{Announcement: "x", ExpiresAt: &time.Time{}}), []string{"Announcement.Set", "SetAnnouncementRequest.ExpiresAt"}},
	})
}
