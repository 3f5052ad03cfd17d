package ghestest

import (
	"net/http"
)

// ldapRoutes are the endpoints of the SDK's ldap.go.
var ldapRoutes = []route{
	{"PATCH /admin/ldap/teams/{team_id}/mapping", accessAdmin, previewHellcat, hLDAPTeamMapping},
	{"POST /admin/ldap/teams/{team_id}/sync", accessAdmin, "", hLDAPTeamSync},
	{"PATCH /admin/ldap/users/{username}/mapping", accessAdmin, "", hLDAPUserMapping},
	{"POST /admin/ldap/users/{username}/sync", accessAdmin, "", hLDAPUserSync},
}

func decodeLDAPDN(c *call, resource string) (string, bool) {
	var body struct {
		LDAPDN *string `json:"ldap_dn"`
	}
	if !c.decode(&body, false) {
		return "", false
	}
	if body.LDAPDN == nil || *body.LDAPDN == "" {
		c.invalid(resource, "ldap_dn", "missing_field", "ldap_dn is required")
		return "", false
	}
	return *body.LDAPDN, true
}

func hLDAPTeamMapping(c *call) {
	id, ok := c.pathID("team_id")
	if !ok {
		return
	}
	t := c.s.st.teamByID(id)
	if t == nil {
		c.notFound()
		return
	}
	dn, ok := decodeLDAPDN(c, "Team")
	if !ok {
		return
	}
	t.ldapDN = dn
	c.json(http.StatusOK, c.teamJSON(t))
}

func hLDAPTeamSync(c *call) {
	id, ok := c.pathID("team_id")
	if !ok {
		return
	}
	if c.s.st.teamByID(id) == nil {
		c.notFound()
		return
	}
	c.json(http.StatusCreated, map[string]string{"status": "queued"})
}

func hLDAPUserMapping(c *call) {
	u := c.pathUser()
	if u == nil {
		return
	}
	dn, ok := decodeLDAPDN(c, "User")
	if !ok {
		return
	}
	u.ldapDN = dn
	c.json(http.StatusOK, c.ldapUserJSON(u, dn))
}

func hLDAPUserSync(c *call) {
	if c.pathUser() == nil {
		return
	}
	c.json(http.StatusCreated, map[string]string{"status": "queued"})
}
