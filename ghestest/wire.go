package ghestest

import (
	"encoding/base64"
	"fmt"
	"strings"
	"time"
)

// Replies are built as obj values with the JSON member names the GHES
// reference documents, independently of the ghesadmin SDK's structs.

func nodeID(kind string, id int64) string {
	return base64.StdEncoding.EncodeToString([]byte(fmt.Sprintf("%02d:%s%d", len(kind), kind, id)))
}

// userJSON is the simple user ("simple-user") of u.
func (c *call) userJSON(u *userRec) obj {
	api, web := c.apiBase(), c.webBase()
	base := api + "/users/" + u.login
	return obj{
		{"login", u.login}, {"id", u.id}, {"node_id", nodeID("User", u.id)},
		{"avatar_url", fmt.Sprintf("%s/avatars/u/%d", web, u.id)}, {"gravatar_id", ""},
		{"url", base}, {"html_url", web + "/" + u.login},
		{"followers_url", base + "/followers"}, {"following_url", base + "/following{/other_user}"},
		{"gists_url", base + "/gists{/gist_id}"}, {"starred_url", base + "/starred{/owner}{/repo}"},
		{"subscriptions_url", base + "/subscriptions"}, {"organizations_url", base + "/orgs"},
		{"repos_url", base + "/repos"}, {"events_url", base + "/events{/privacy}"},
		{"received_events_url", base + "/received_events"},
		{"type", "User"}, {"site_admin", u.siteAdmin},
	}
}

// ldapUserJSON is the full user ("ldap-mapping-user") that
// PATCH /admin/ldap/users/{username}/mapping returns: the LDAP DN, the
// simple user, the public profile and the private counters.
func (c *call) ldapUserJSON(u *userRec, dn string) obj {
	return obj{{"ldap_dn", dn}}.with(c.userJSON(u), c.profile(u.login, u.email, u.createdAt, u.updatedAt), obj{
		{"blog", nil}, {"hireable", nil}, {"bio", nil}, {"twitter_username", nil},
		{"private_gists", 0}, {"total_private_repos", 0}, {"owned_private_repos", 0},
		{"disk_usage", 0}, {"collaborators", 0}, {"two_factor_authentication", false},
		{"suspended_at", u.suspendedSince()}, {"suspended", u.suspended},
	})
}

// suspendedSince is when u was suspended (to the second), or nil when it
// is not suspended. A user seeded suspended without a time counts from its
// creation.
func (u *userRec) suspendedSince() *time.Time {
	if !u.suspended {
		return nil
	}
	at := u.suspendedAt
	if at.IsZero() {
		at = u.createdAt
	}
	at = at.UTC().Truncate(time.Second)
	return &at
}

// orgJSON is the short organization ("organization-simple") of o.
func (c *call) orgJSON(o *orgRec) obj {
	base := c.apiBase() + "/orgs/" + o.login
	return obj{
		{"login", o.login}, {"id", o.id}, {"node_id", nodeID("Organization", o.id)},
		{"url", base}, {"repos_url", base + "/repos"}, {"events_url", base + "/events"}, {"hooks_url", base + "/hooks"},
		{"issues_url", base + "/issues"}, {"members_url", base + "/members{/member}"},
		{"public_members_url", base + "/public_members{/member}"},
		{"avatar_url", fmt.Sprintf("%s/avatars/u/%d", c.webBase(), o.id)},
		{"description", o.profileName},
	}
}

// teamJSON is the team of t with its LDAP DN ("ldap-mapping-team").
func (c *call) teamJSON(t *teamRec) obj {
	org := c.s.st.orgByID(t.orgID)
	orgLogin := ""
	if org != nil {
		orgLogin = org.login
	}
	base := fmt.Sprintf("%s/teams/%d", c.apiBase(), t.id)
	return obj{
		{"ldap_dn", t.ldapDN}, {"id", t.id}, {"node_id", nodeID("Team", t.id)},
		{"url", base}, {"html_url", c.webBase() + "/orgs/" + orgLogin + "/teams/" + t.slug},
		{"name", t.name}, {"slug", t.slug}, {"description", nil},
		{"privacy", "closed"}, {"notification_setting", "notifications_enabled"}, {"permission", "pull"},
		{"members_url", base + "/members{/member}"}, {"repositories_url", base + "/repos"},
		{"parent", nil},
	}
}

// profile is what the full user, the LDAP-mapped user and the full
// organization share: the public profile of the account login, with its
// email (null when empty), the repositories it owns, and its times to the
// second.
func (c *call) profile(login, email string, created, updated time.Time) obj {
	var mail *string
	if email != "" {
		mail = &email
	}
	repos := 0
	for _, r := range c.s.st.repos {
		if strings.EqualFold(r.owner, login) {
			repos++
		}
	}
	return obj{
		{"name", nil}, {"company", nil}, {"location", nil}, {"email", mail},
		{"public_repos", repos}, {"public_gists", 0}, {"followers", 0}, {"following", 0},
		{"created_at", created.UTC().Truncate(time.Second)}, {"updated_at", updated.UTC().Truncate(time.Second)},
	}
}
