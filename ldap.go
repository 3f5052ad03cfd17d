package ghesadmin

import (
	"context"
	"net/http"
	"time"
)

// Team is a team as the LDAP mapping endpoint and Teams.GetBySlug return
// it. The counts, times and Organization come only from GetBySlug (the full
// form); they are zero or nil elsewhere.
type Team struct {
	ID      int64  `json:"id"`
	NodeID  string `json:"node_id"`
	URL     string `json:"url"`
	HTMLURL string `json:"html_url"`
	Name    string `json:"name"`
	Slug    string `json:"slug"`
	// Description is nil when the API returns null.
	Description *string     `json:"description"`
	Privacy     TeamPrivacy `json:"privacy"`
	// NotificationSetting is sent by GHES 3.x only.
	NotificationSetting TeamNotificationSetting `json:"notification_setting"`
	// Permission is the default repository permission of the team
	// ("pull", "push", "admin", …).
	Permission      string `json:"permission"`
	MembersURL      string `json:"members_url"`
	RepositoriesURL string `json:"repositories_url"`
	// Parent is the parent team, or nil for a top-level team.
	Parent *Team `json:"parent"`
	// LDAPDN is the distinguished name of the LDAP entry the team is
	// mapped to.
	LDAPDN string `json:"ldap_dn"`

	// Full form only (Teams.GetBySlug).
	MembersCount int       `json:"members_count"`
	ReposCount   int       `json:"repos_count"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
	// Organization is the team's organization, or nil.
	Organization *Organization `json:"organization"`

	// Type is "organization" or "enterprise" (GHES 3.14 and later).
	Type string `json:"type,omitempty"`
	// OrganizationID is the team's organization (GHES 3.14 and later).
	OrganizationID *int64 `json:"organization_id,omitempty"`
	// EnterpriseID is the team's enterprise, for an enterprise team
	// (GHES 3.14 and later).
	EnterpriseID *int64 `json:"enterprise_id,omitempty"`
}

// TeamPrivacy is who can see a team.
type TeamPrivacy string

// Team privacy levels.
const (
	// TeamPrivacySecret: only the organization owners and the team's
	// members see the team.
	TeamPrivacySecret TeamPrivacy = "secret"
	// TeamPrivacyClosed: every member of the organization sees the team.
	TeamPrivacyClosed TeamPrivacy = "closed"
)

// TeamNotificationSetting says whether mentioning a team notifies its
// members.
type TeamNotificationSetting string

// Team notification settings.
const (
	// TeamNotificationsEnabled: mentioning the team notifies its members.
	TeamNotificationsEnabled TeamNotificationSetting = "notifications_enabled"
	// TeamNotificationsDisabled: mentioning the team notifies no one.
	TeamNotificationsDisabled TeamNotificationSetting = "notifications_disabled"
)

// LDAPSyncStatus is the reply of SyncTeam and SyncUser: the sync job is
// queued ("queued"), not done.
type LDAPSyncStatus struct {
	Status string `json:"status"`
}

// ldapMapping is the body of the mapping updates.
type ldapMapping struct {
	LDAPDN string `json:"ldap_dn"`
}

// UpdateTeamMapping maps a team to the LDAP entry dn (a distinguished name
// such as "cn=Enterprise Ops,ou=teams,dc=github,dc=com") and returns the
// team. LDAP sync must be enabled. It sends the hellcat preview, which GHES
// 2.22 needs to map a child team.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/ldap#update-ldap-mapping-for-a-team
//
// GHES API: PATCH /admin/ldap/teams/{team_id}/mapping (GHES 2.22 and later).
//
//meta:operation PATCH /admin/ldap/teams/{team_id}/mapping
func (s *LDAPService) UpdateTeamMapping(ctx context.Context, teamID int64, dn string) (*Team, *Response, error) {
	return fetch[Team](ctx, s.backend, &request{op: "LDAP.UpdateTeamMapping", method: http.MethodPatch, path: "admin/ldap/teams/{team_id}/mapping", args: []any{teamID}, json: ldapMapping{LDAPDN: dn}, preview: mediaTypeHellcatPreview})
}

// SyncTeam queues an LDAP sync of a team. A 201 Created means the job is
// queued; it runs when the instance is ready.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/ldap#sync-ldap-mapping-for-a-team
//
// GHES API: POST /admin/ldap/teams/{team_id}/sync (GHES 2.22 and later).
//
//meta:operation POST /admin/ldap/teams/{team_id}/sync
func (s *LDAPService) SyncTeam(ctx context.Context, teamID int64) (*LDAPSyncStatus, *Response, error) {
	return fetch[LDAPSyncStatus](ctx, s.backend, &request{op: "LDAP.SyncTeam", method: http.MethodPost, path: "admin/ldap/teams/{team_id}/sync", args: []any{teamID}})
}

// UpdateUserMapping maps a user to the LDAP entry dn (such as
// "uid=asdf,ou=users,dc=github,dc=com") and returns the full user, with
// LDAPDN, Plan and the counts.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/ldap#update-ldap-mapping-for-a-user
//
// GHES API: PATCH /admin/ldap/users/{username}/mapping (GHES 2.22 and later).
//
//meta:operation PATCH /admin/ldap/users/{username}/mapping
func (s *LDAPService) UpdateUserMapping(ctx context.Context, username, dn string) (*User, *Response, error) {
	return fetch[User](ctx, s.backend, &request{op: "LDAP.UpdateUserMapping", method: http.MethodPatch, path: "admin/ldap/users/{username}/mapping", args: []any{username}, json: ldapMapping{LDAPDN: dn}})
}

// SyncUser queues an LDAP sync of a user. A 201 Created means the job is
// queued; it runs when the instance is ready.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/enterprise-admin/ldap#sync-ldap-mapping-for-a-user
//
// GHES API: POST /admin/ldap/users/{username}/sync (GHES 2.22 and later).
//
//meta:operation POST /admin/ldap/users/{username}/sync
func (s *LDAPService) SyncUser(ctx context.Context, username string) (*LDAPSyncStatus, *Response, error) {
	return fetch[LDAPSyncStatus](ctx, s.backend, &request{op: "LDAP.SyncUser", method: http.MethodPost, path: "admin/ldap/users/{username}/sync", args: []any{username}})
}
