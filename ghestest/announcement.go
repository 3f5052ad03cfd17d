package ghestest

import (
	"encoding/json"
	"net/http"
	"time"
)

// announcementTime is how GHES writes the banner's expiry.
const announcementTime = "2006-01-02T15:04:05.000-07:00"

type announcementJSON struct {
	Announcement    *string `json:"announcement"`
	ExpiresAt       *string `json:"expires_at"`
	UserDismissible *bool   `json:"user_dismissible,omitempty"`
}

// announcement returns the banner as GHES shows it: an expired banner is
// gone (and removed), and user_dismissible exists from GHES 3.14.
func (c *call) announcement() announcementJSON {
	p := c.s.st.pol()
	if p.expiresAt != nil && !c.s.now().Before(*p.expiresAt) {
		p.message, p.expiresAt, p.userDismissible = nil, nil, false
	}
	j := announcementJSON{Announcement: p.message}
	if p.expiresAt != nil {
		s := p.expiresAt.Format(announcementTime)
		j.ExpiresAt = &s
	}
	if c.polSince(3, 14) {
		d := p.userDismissible
		j.UserDismissible = &d
	}
	return j
}

func hGetAnnouncement(c *call) { c.json(http.StatusOK, c.announcement()) }

func hSetAnnouncement(c *call) {
	var b struct {
		Announcement    json.RawMessage `json:"announcement"`
		ExpiresAt       *string         `json:"expires_at"`
		UserDismissible *bool           `json:"user_dismissible"`
	}
	if !c.decode(&b, false) {
		return
	}
	const res = "Announcement"
	var msg *string
	switch {
	case b.Announcement == nil:
		c.invalid(res, "announcement", "missing_field", "announcement is required")
		return
	case string(b.Announcement) != "null":
		var m string
		if err := json.Unmarshal(b.Announcement, &m); err != nil {
			c.invalid(res, "announcement", "invalid", "announcement must be a string")
			return
		}
		if m != "" {
			msg = &m
		}
	}
	var exp *time.Time
	if b.ExpiresAt != nil && *b.ExpiresAt != "" {
		t, err := time.Parse(time.RFC3339Nano, *b.ExpiresAt)
		if err != nil {
			c.invalid(res, "expires_at", "invalid", "expires_at must be an ISO 8601 time")
			return
		}
		if !t.After(c.s.now()) {
			c.invalid(res, "expires_at", "invalid", "expires_at must be in the future")
			return
		}
		exp = &t
	}
	p := c.s.st.pol()
	p.message, p.expiresAt = msg, exp
	if msg == nil {
		p.expiresAt = nil
	}
	p.userDismissible = false
	if b.UserDismissible != nil && c.polSince(3, 14) {
		p.userDismissible = *b.UserDismissible
	}
	c.json(http.StatusOK, c.announcement())
}

func hRemoveAnnouncement(c *call) {
	p := c.s.st.pol()
	p.message, p.expiresAt, p.userDismissible = nil, nil, false
	c.noContent()
}

// announcementRoutes are the routes of the announcement banner (/enterprise/announcement).
var announcementRoutes = []route{
	{"GET /enterprise/announcement", accessAdmin, "", hGetAnnouncement},
	{"PATCH /enterprise/announcement", accessAdmin, "", hSetAnnouncement},
	{"DELETE /enterprise/announcement", accessAdmin, "", hRemoveAnnouncement},
}
