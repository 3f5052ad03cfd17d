package ghesadmin

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Organization is an organization as the administration endpoints return it
// (POST /admin/organizations, the organizations of a runner group).
type Organization struct {
	Login            string `json:"login"`
	ID               int64  `json:"id"`
	NodeID           string `json:"node_id"`
	URL              string `json:"url"`
	ReposURL         string `json:"repos_url"`
	EventsURL        string `json:"events_url"`
	HooksURL         string `json:"hooks_url"`
	IssuesURL        string `json:"issues_url"`
	MembersURL       string `json:"members_url"`
	PublicMembersURL string `json:"public_members_url"`
	AvatarURL        string `json:"avatar_url"`
	// Description is nil when the API returns null.
	Description *string `json:"description"`

	// Full form only (Organizations.Get); zero in the short form that
	// Create and List return.
	Name                         *string           `json:"name"`
	Company                      *string           `json:"company"`
	Blog                         *string           `json:"blog"`
	Location                     *string           `json:"location"`
	Email                        *string           `json:"email"`
	TwitterUsername              *string           `json:"twitter_username"`
	IsVerified                   bool              `json:"is_verified"`
	HasOrganizationProjects      bool              `json:"has_organization_projects"`
	HasRepositoryProjects        bool              `json:"has_repository_projects"`
	PublicRepos                  int               `json:"public_repos"`
	PublicGists                  int               `json:"public_gists"`
	Followers                    int               `json:"followers"`
	Following                    int               `json:"following"`
	HTMLURL                      string            `json:"html_url"`
	CreatedAt                    time.Time         `json:"created_at"`
	UpdatedAt                    time.Time         `json:"updated_at"`
	Type                         string            `json:"type"`
	TotalPrivateRepos            int               `json:"total_private_repos"`
	OwnedPrivateRepos            int               `json:"owned_private_repos"`
	PrivateGists                 int               `json:"private_gists"`
	DiskUsage                    int               `json:"disk_usage"`
	Collaborators                int               `json:"collaborators"`
	BillingEmail                 *string           `json:"billing_email"`
	Plan                         *OrganizationPlan `json:"plan"`
	DefaultRepositoryPermission  *string           `json:"default_repository_permission"`
	MembersCanCreateRepositories *bool             `json:"members_can_create_repositories"`
	TwoFactorRequirementEnabled  *bool             `json:"two_factor_requirement_enabled"`
	// MembersAllowedRepositoryCreationType is "all", "private" or "none".
	MembersAllowedRepositoryCreationType string `json:"members_allowed_repository_creation_type"`
	MembersCanCreatePublicRepositories   bool   `json:"members_can_create_public_repositories"`
	MembersCanCreatePrivateRepositories  bool   `json:"members_can_create_private_repositories"`
	MembersCanCreateInternalRepositories bool   `json:"members_can_create_internal_repositories"`
	MembersCanCreatePages                bool   `json:"members_can_create_pages"`
	MembersCanForkPrivateRepositories    *bool  `json:"members_can_fork_private_repositories"`
	WebCommitSignoffRequired             bool   `json:"web_commit_signoff_required"`
	// ArchivedAt is nil unless the organization is archived.
	ArchivedAt *time.Time `json:"archived_at"`
}

// OrganizationPlan is the plan of an organization (full form).
type OrganizationPlan struct {
	Name         string `json:"name"`
	Space        int    `json:"space"`
	PrivateRepos int    `json:"private_repos"`
	FilledSeats  int    `json:"filled_seats"`
	Seats        int    `json:"seats"`
}

// Timestamp is a time that GHES writes in one of several formats: RFC 3339
// ("2016-02-06T12:41:52-06:00"), the license format
// ("2016/02/06 12:41:52 -0600"), or Unix seconds. It decodes all of them and
// encodes as RFC 3339, keeping fractional seconds. JSON null and "" decode to the zero time.
type Timestamp struct {
	time.Time
}

// timestampLayouts are the text formats Timestamp accepts, most common first.
var timestampLayouts = [...]string{
	time.RFC3339Nano,
	"2006/01/02 15:04:05 -0700",
	"2006/01/02 15:04:05 MST",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02T15:04:05",
	"2006-01-02",
}

// ParseTimestamp parses s in any format Timestamp accepts.
func ParseTimestamp(s string) (Timestamp, error) {
	if s == "" {
		return Timestamp{}, nil
	}
	for _, layout := range timestampLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return Timestamp{t}, nil
		}
	}
	if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
		return Timestamp{time.Unix(sec, 0).UTC()}, nil
	}
	return Timestamp{}, fmt.Errorf("ghesadmin: %q is not a time format GHES uses", s)
}

// UnmarshalJSON decodes a string in any accepted format, a number of Unix
// seconds, or null.
func (t *Timestamp) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		*t = Timestamp{}
		return nil
	}
	if b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		v, err := ParseTimestamp(s)
		if err != nil {
			return typeError(b, *t)
		}
		*t = v
		return nil
	}
	sec, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return typeError(b, *t)
	}
	*t = Timestamp{time.Unix(sec, 0).UTC()}
	return nil
}

// MarshalJSON encodes the time as RFC 3339 with its fractional seconds, if
// any (what was decoded is encoded), or null when it is zero.
func (t Timestamp) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.Time.Format(time.RFC3339Nano))
}

// Equal reports whether t and u are the same instant.
func (t Timestamp) Equal(u Timestamp) bool { return t.Time.Equal(u.Time) }

// FlexInt is an integer that GHES sends as a JSON number or, on some
// releases, as a string (the Management Console of GHES 2.x sends
// connection counts as "0"). It decodes a number, a string holding a
// number, "" and null (as 0), and encodes as a number.
type FlexInt int

// UnmarshalJSON reads a number, a string holding a number, "" or null.
func (n *FlexInt) UnmarshalJSON(b []byte) error {
	v, err := flexInt64(b)
	if err != nil {
		return typeError(b, *n)
	}
	*n = FlexInt(v)
	return nil
}

// flexInt64 reads an integer sent as a JSON number, a string holding one,
// "" or null (0).
func flexInt64(b []byte) (int64, error) {
	text, err := scalarText(b)
	if err != nil {
		return 0, err
	}
	if text == "" {
		return 0, nil
	}
	v, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(text, 64)
		if ferr != nil || f != float64(int64(f)) {
			return 0, fmt.Errorf("ghesadmin: %s is not an integer", b)
		}
		v = int64(f)
	}
	return v, nil
}

// FlexString is text that GHES sends as a JSON string or, on some servers,
// as a number or a boolean (the Manage GHES API's license sends
// "supportKey": false). It decodes any JSON scalar as its text (null as "")
// and encodes as a string.
type FlexString string

// UnmarshalJSON reads a string, a number, a boolean or null as text.
func (s *FlexString) UnmarshalJSON(b []byte) error {
	text, err := scalarText(b)
	if err != nil {
		return typeError(b, *s)
	}
	*s = FlexString(text)
	return nil
}

// String returns the text.
func (s FlexString) String() string { return string(s) }

// scalarText returns the text of a JSON scalar: a string's content, a
// number's or a boolean's literal, "" for null. An object or array is an
// error.
func scalarText(b []byte) (string, error) {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		return "", nil
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return "", err
		}
		return strings.TrimSpace(s), nil
	case b[0] == '{' || b[0] == '[':
		return "", fmt.Errorf("ghesadmin: %.40s is not a JSON scalar", b)
	}
	if !json.Valid(b) {
		return "", fmt.Errorf("ghesadmin: %.40s is not JSON", b)
	}
	return string(b), nil
}

// FlexFloat is a number that GHES sends as a JSON number or, in some
// releases' descriptions, as a string holding one (GHES 3.17–3.19 document
// an advisory's EPSS percentile as "0.16001e0"). It decodes a number, a
// string holding a number, "" and null (as 0). The value as sent is kept:
// while Value is unchanged it is encoded exactly as it came (a string stays
// a string, "0.16001e0" keeps its digits); a changed or new Value is encoded
// as a JSON number.
type FlexFloat struct {
	// Value is the number; 0 for null or "".
	Value float64
	// raw is the JSON value as sent, and rawValue what it was read as.
	raw      string
	rawValue float64
}

// NewFlexFloat returns a FlexFloat holding v, encoded as a JSON number.
func NewFlexFloat(v float64) FlexFloat { return FlexFloat{Value: v} }

// Float64 returns the number.
func (f FlexFloat) Float64() float64 { return f.Value }

// UnmarshalJSON reads a number, a string holding a number, "" or null.
func (f *FlexFloat) UnmarshalJSON(b []byte) error {
	text, err := scalarText(b)
	if err != nil {
		return typeError(b, *f)
	}
	var v float64
	if text != "" {
		v, err = strconv.ParseFloat(text, 64)
		if err != nil {
			return typeError(b, *f)
		}
	}
	*f = FlexFloat{Value: v, raw: string(bytes.TrimSpace(b)), rawValue: v}
	return nil
}

// MarshalJSON writes the value as it was sent while Value is unchanged,
// otherwise Value as a JSON number.
func (f FlexFloat) MarshalJSON() ([]byte, error) {
	if f.raw != "" && f.Value == f.rawValue {
		return []byte(f.raw), nil
	}
	return json.Marshal(f.Value)
}
