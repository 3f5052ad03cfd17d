package ghestest

import (
	"encoding/base64"
	"fmt"
	"strings"
	"time"
)

// Wire types: JSON field names as the GHES reference documents them,
// written independently of the ghesadmin SDK's structs.

type simpleUserJSON struct {
	Login             string `json:"login"`
	ID                int64  `json:"id"`
	NodeID            string `json:"node_id"`
	AvatarURL         string `json:"avatar_url"`
	GravatarID        string `json:"gravatar_id"`
	URL               string `json:"url"`
	HTMLURL           string `json:"html_url"`
	FollowersURL      string `json:"followers_url"`
	FollowingURL      string `json:"following_url"`
	GistsURL          string `json:"gists_url"`
	StarredURL        string `json:"starred_url"`
	SubscriptionsURL  string `json:"subscriptions_url"`
	OrganizationsURL  string `json:"organizations_url"`
	ReposURL          string `json:"repos_url"`
	EventsURL         string `json:"events_url"`
	ReceivedEventsURL string `json:"received_events_url"`
	Type              string `json:"type"`
	SiteAdmin         bool   `json:"site_admin"`
}

// ldapUserJSON is the full user ("ldap-mapping-user") that
// PATCH /admin/ldap/users/{username}/mapping returns: the simple user, the
// public profile, the private counters and the LDAP DN.
type ldapUserJSON struct {
	LDAPDN string `json:"ldap_dn"`
	simpleUserJSON
	profileJSON
	Blog                    *string    `json:"blog"`
	Hireable                *bool      `json:"hireable"`
	Bio                     *string    `json:"bio"`
	TwitterUsername         *string    `json:"twitter_username"`
	PrivateGists            int        `json:"private_gists"`
	TotalPrivateRepos       int        `json:"total_private_repos"`
	OwnedPrivateRepos       int        `json:"owned_private_repos"`
	DiskUsage               int        `json:"disk_usage"`
	Collaborators           int        `json:"collaborators"`
	TwoFactorAuthentication bool       `json:"two_factor_authentication"`
	SuspendedAt             *time.Time `json:"suspended_at"`
	Suspended               bool       `json:"suspended"`
}

type orgJSON struct {
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
	Description      string `json:"description"`
}

type teamJSON struct {
	LDAPDN              string  `json:"ldap_dn"`
	ID                  int64   `json:"id"`
	NodeID              string  `json:"node_id"`
	URL                 string  `json:"url"`
	HTMLURL             string  `json:"html_url"`
	Name                string  `json:"name"`
	Slug                string  `json:"slug"`
	Description         *string `json:"description"`
	Privacy             string  `json:"privacy"`
	NotificationSetting string  `json:"notification_setting"`
	Permission          string  `json:"permission"`
	MembersURL          string  `json:"members_url"`
	RepositoriesURL     string  `json:"repositories_url"`
	Parent              *int64  `json:"parent"`
}

func nodeID(kind string, id int64) string {
	return base64.StdEncoding.EncodeToString([]byte(fmt.Sprintf("%02d:%s%d", len(kind), kind, id)))
}

func (c *call) userJSON(u *userRec) simpleUserJSON {
	api, web := c.apiBase(), c.webBase()
	return simpleUserJSON{
		Login: u.login, ID: u.id, NodeID: nodeID("User", u.id),
		AvatarURL:         fmt.Sprintf("%s/avatars/u/%d", web, u.id),
		URL:               api + "/users/" + u.login,
		HTMLURL:           web + "/" + u.login,
		FollowersURL:      api + "/users/" + u.login + "/followers",
		FollowingURL:      api + "/users/" + u.login + "/following{/other_user}",
		GistsURL:          api + "/users/" + u.login + "/gists{/gist_id}",
		StarredURL:        api + "/users/" + u.login + "/starred{/owner}{/repo}",
		SubscriptionsURL:  api + "/users/" + u.login + "/subscriptions",
		OrganizationsURL:  api + "/users/" + u.login + "/orgs",
		ReposURL:          api + "/users/" + u.login + "/repos",
		EventsURL:         api + "/users/" + u.login + "/events{/privacy}",
		ReceivedEventsURL: api + "/users/" + u.login + "/received_events",
		Type:              "User",
		SiteAdmin:         u.siteAdmin,
	}
}

func (c *call) orgJSON(o *orgRec) orgJSON {
	api, web := c.apiBase(), c.webBase()
	base := api + "/orgs/" + o.login
	return orgJSON{
		Login: o.login, ID: o.id, NodeID: nodeID("Organization", o.id),
		URL: base, ReposURL: base + "/repos", EventsURL: base + "/events", HooksURL: base + "/hooks",
		IssuesURL: base + "/issues", MembersURL: base + "/members{/member}",
		PublicMembersURL: base + "/public_members{/member}",
		AvatarURL:        fmt.Sprintf("%s/avatars/u/%d", web, o.id),
		Description:      o.profileName,
	}
}

func (c *call) teamJSON(t *teamRec) teamJSON {
	org := c.s.st.orgByID(t.orgID)
	orgLogin := ""
	if org != nil {
		orgLogin = org.login
	}
	api := c.apiBase()
	return teamJSON{
		LDAPDN: t.ldapDN, ID: t.id, NodeID: nodeID("Team", t.id),
		URL: fmt.Sprintf("%s/teams/%d", api, t.id), HTMLURL: c.webBase() + "/orgs/" + orgLogin + "/teams/" + t.slug,
		Name: t.name, Slug: t.slug, Privacy: "closed", NotificationSetting: "notifications_enabled", Permission: "pull",
		MembersURL: fmt.Sprintf("%s/teams/%d/members{/member}", api, t.id), RepositoriesURL: fmt.Sprintf("%s/teams/%d/repos", api, t.id),
	}
}

// profileJSON is what the full user, the LDAP-mapped user and the full
// organization share: the public profile and its counters.
type profileJSON struct {
	Name        *string   `json:"name"`
	Company     *string   `json:"company"`
	Location    *string   `json:"location"`
	Email       *string   `json:"email"`
	PublicRepos int       `json:"public_repos"`
	PublicGists int       `json:"public_gists"`
	Followers   int       `json:"followers"`
	Following   int       `json:"following"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// profile is the profile of the account login: its email (when not
// empty), the repositories it owns, and its times to the second.
func (c *call) profile(login, email string, created, updated time.Time) profileJSON {
	p := profileJSON{CreatedAt: created.UTC().Truncate(time.Second), UpdatedAt: updated.UTC().Truncate(time.Second)}
	if email != "" {
		p.Email = &email
	}
	for _, r := range c.s.st.repos {
		if strings.EqualFold(r.owner, login) {
			p.PublicRepos++
		}
	}
	return p
}
