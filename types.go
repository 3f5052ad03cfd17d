package ghesadmin

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
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
// encodes as RFC 3339. JSON null and "" decode to the zero time.
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
			return err
		}
		*t = v
		return nil
	}
	sec, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return fmt.Errorf("ghesadmin: %s is not a time GHES uses", b)
	}
	*t = Timestamp{time.Unix(sec, 0).UTC()}
	return nil
}

// MarshalJSON encodes the time as RFC 3339, or null when it is zero.
func (t Timestamp) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.Time.Format(time.RFC3339))
}

// Equal reports whether t and u are the same instant.
func (t Timestamp) Equal(u Timestamp) bool { return t.Time.Equal(u.Time) }
