package ghesadmin

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// LicenseInfo is the enterprise license.
type LicenseInfo struct {
	// Seats is the number of seats the license grants.
	Seats LicenseSeats `json:"seats"`
	// SeatsUsed is the number of seats in use.
	SeatsUsed int `json:"seats_used"`
	// SeatsAvailable is the number of seats left.
	SeatsAvailable LicenseSeats `json:"seats_available"`
	// Kind is the license kind, such as "standard".
	Kind                string `json:"kind"`
	DaysUntilExpiration int    `json:"days_until_expiration"`
	// ExpireAt is when the license expires. GHES writes it as
	// "2016/02/06 12:41:52 -0600", not RFC 3339; Timestamp reads both.
	ExpireAt Timestamp `json:"expire_at"`
}

// LicenseSeats is a seat count that GHES sends as a number, or as the string
// "unlimited" for a license without a seat limit.
type LicenseSeats struct {
	// Count is the number of seats; 0 when Unlimited.
	Count int
	// Unlimited is true for a license without a seat limit.
	Unlimited bool
	// Text is the value as sent when it is a string that is neither a
	// number nor "unlimited" (Count is then 0). It is kept, not refused,
	// and encoded back unchanged.
	Text string
}

// String returns the count, "unlimited", or the text as sent.
func (s LicenseSeats) String() string {
	if s.Text != "" {
		return s.Text
	}
	if s.Unlimited {
		return "unlimited"
	}
	return strconv.Itoa(s.Count)
}

// UnmarshalJSON reads a number, a string holding a number, or "unlimited";
// any other string is kept in Text.
func (s *LicenseSeats) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		*s = LicenseSeats{}
		return nil
	}
	text := string(b)
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &text); err != nil {
			return err
		}
		text = strings.TrimSpace(text)
		if strings.EqualFold(text, "unlimited") {
			*s = LicenseSeats{Unlimited: true}
			return nil
		}
		if _, err := strconv.Atoi(text); err != nil {
			*s = LicenseSeats{Text: text}
			return nil
		}
	}
	n, err := strconv.Atoi(text)
	if err != nil {
		return typeError(b, *s)
	}
	*s = LicenseSeats{Count: n}
	return nil
}

// MarshalJSON writes a number, "unlimited", or the kept Text.
func (s LicenseSeats) MarshalJSON() ([]byte, error) {
	if s.Text != "" {
		return json.Marshal(s.Text)
	}
	if s.Unlimited {
		return []byte(`"unlimited"`), nil
	}
	return []byte(strconv.Itoa(s.Count)), nil
}

// Get returns the enterprise license information.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/licensing#get-license-information
//
// GHES API: GET /enterprise/settings/license (GHES 2.22 and later).
//
//meta:operation GET /enterprise/settings/license
func (s *LicenseService) Get(ctx context.Context) (*LicenseInfo, *Response, error) {
	return fetch[LicenseInfo](ctx, s.backend, &request{op: "License.Get", method: http.MethodGet, path: "enterprise/settings/license"})
}
