package ghesadmin

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// justiceLeague is the team of the reference's examples, mapped to its LDAP
// group, as decoded from testdata/ldap/update_team_mapping.json (and, with
// more fields, teams/get_by_slug.json).
func justiceLeague() Team {
	return Team{
		LDAPDN:              "cn=Enterprise Ops,ou=teams,dc=github,dc=com",
		ID:                  1,
		NodeID:              "MDQ6VGVhbTE=",
		URL:                 "https://api.github.com/teams/1",
		HTMLURL:             "https://github.com/orgs/github/teams/justice-league",
		Name:                "Justice League",
		Slug:                "justice-league",
		Description:         Ptr("A great team."),
		Privacy:             TeamPrivacyClosed,
		NotificationSetting: TeamNotificationsEnabled,
		Permission:          "admin",
		MembersURL:          "https://api.github.com/teams/1/members{/member}",
		RepositoriesURL:     "https://api.github.com/teams/1/repos",
		Parent:              nil,
	}
}

func TestLDAPUpdateTeamMapping(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPatch, Path: "/admin/ldap/teams/42/mapping", Preview: mediaTypeHellcatPreview, JSON: `{"ldap_dn":"cn=Enterprise Ops,ou=teams,dc=github,dc=com"}`, Reply: "ldap/update_team_mapping.json"})
	team, _, err := env.Client.LDAP.UpdateTeamMapping(context.Background(), 42, "cn=Enterprise Ops,ou=teams,dc=github,dc=com")
	require.NoError(t, err, "UpdateTeamMapping")
	assertFields(t, "team", *team, justiceLeague())
	assertCoversFixture(t, "ldap/update_team_mapping.json", Team{})
}

func TestLDAPUpdateTeamMappingChildTeam(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPatch, Path: "/admin/ldap/teams/7/mapping", Preview: "application/vnd.github.hellcat-preview+json", JSON: `{"ldap_dn":"cn=child"}`, ReplyJSON: `{"id":7,"name":"child","description":null,"privacy":"secret","parent":{"id":1,"name":"Justice League","slug":"justice-league","description":"A great team.","privacy":"closed","parent":null},"ldap_dn":"cn=child"}`})
	team, _, err := env.Client.LDAP.UpdateTeamMapping(context.Background(), 7, "cn=child")
	require.NoError(t, err, "UpdateTeamMapping")
	assertFields(t, "team", *team, Team{
		ID: 7, Name: "child", Description: nil, Privacy: TeamPrivacySecret, LDAPDN: "cn=child",
		Parent: &Team{ID: 1, Name: "Justice League", Slug: "justice-league", Description: Ptr("A great team."), Privacy: TeamPrivacyClosed},
	})
}

func TestLDAPUpdateTeamMappingNotAdmin(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPatch, Path: "/admin/ldap/teams/1/mapping", Preview: "application/vnd.github.hellcat-preview+json", JSON: `{"ldap_dn":"cn=x"}`, Status: http.StatusNotFound, ReplyJSON: `{"message":"Not Found"}`})
	_, _, err := env.Client.LDAP.UpdateTeamMapping(context.Background(), 1, "cn=x")
	require.ErrorIs(t, err, ErrNotFound)
}

func TestLDAPSyncTeam(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/admin/ldap/teams/42/sync", Status: http.StatusCreated, Reply: "ldap/sync_team.json"})
	status, resp, err := env.Client.LDAP.SyncTeam(context.Background(), 42)
	requireStatus(t, resp, err, http.StatusCreated)
	assertFields(t, "status", *status, LDAPSyncStatus{Status: "queued"})
	assertCoversFixture(t, "ldap/sync_team.json", LDAPSyncStatus{})
}

func TestLDAPUpdateUserMapping(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPatch, Path: "/admin/ldap/users/" + weirdUserEscaped + "/mapping", JSON: `{"ldap_dn":"uid=asdf,ou=users,dc=github,dc=com"}`, Reply: "ldap/update_user_mapping.json"})
	user, _, err := env.Client.LDAP.UpdateUserMapping(context.Background(), weirdUser, "uid=asdf,ou=users,dc=github,dc=com")
	require.NoError(t, err, "UpdateUserMapping")
	want := octocatProfile(t)
	want.LDAPDN = "uid=asdf,ou=users,dc=github,dc=com"
	want.PrivateGists = 81
	want.TotalPrivateRepos = 100
	want.OwnedPrivateRepos = 100
	want.DiskUsage = 10000
	want.Collaborators = 8
	want.TwoFactorAuthentication = true
	want.Plan = &UserPlan{Name: "Medium", Space: 400, PrivateRepos: 20, Collaborators: 0}
	want.SuspendedAt = nil
	want.BusinessPlus = false
	assertFields(t, "user", *user, want)
	assertCoversFixture(t, "ldap/update_user_mapping.json", User{})
}

func TestLDAPUpdateUserMappingSuspendedUser(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPatch, Path: "/admin/ldap/users/gone/mapping", JSON: `{"ldap_dn":"uid=gone"}`, ReplyJSON: `{"login":"gone","id":9,"gravatar_id":null,"name":null,"email":null,"hireable":null,"suspended_at":"2024-05-06T07:08:09Z","business_plus":true,"ldap_dn":"uid=gone"}`})
	user, _, err := env.Client.LDAP.UpdateUserMapping(context.Background(), "gone", "uid=gone")
	require.NoError(t, err, "UpdateUserMapping")
	assertFields(t, "user", *user, User{
		Login: "gone", ID: 9, GravatarID: nil, Name: nil, Email: nil, Hireable: nil,
		SuspendedAt: Ptr(mustTime(t, "2024-05-06T07:08:09Z")), BusinessPlus: true, LDAPDN: "uid=gone",
	})
}

func TestLDAPSyncUser(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/admin/ldap/users/" + weirdUserEscaped + "/sync", Status: http.StatusCreated, Reply: "ldap/sync_user.json"})
	status, resp, err := env.Client.LDAP.SyncUser(context.Background(), weirdUser)
	requireStatus(t, resp, err, http.StatusCreated)
	assertFields(t, "status", *status, LDAPSyncStatus{Status: "queued"})
	assertCoversFixture(t, "ldap/sync_user.json", LDAPSyncStatus{})
}

func TestLDAPRefusesBadUsernames(t *testing.T) {
	env := setup(t)
	for _, name := range []string{"", ".", ".."} {
		if _, _, err := env.Client.LDAP.UpdateUserMapping(context.Background(), name, "uid=x"); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("UpdateUserMapping(%q): err = %v", name, err)
		}
		if _, _, err := env.Client.LDAP.SyncUser(context.Background(), name); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("SyncUser(%q): err = %v", name, err)
		}
	}
}
