package ghestest

import (
	"fmt"
	"net/http"
)

// organizationsRoutes are the endpoints of the SDK's organizations.go.
var organizationsRoutes = []route{
	{"POST /admin/organizations", accessAdmin, "", hCreateOrg},
	{"PATCH /admin/organizations/{org}", accessAdmin, "", hRenameOrg},
	{"GET /orgs/{org}", accessPublic, "", hGetOrg},
	{"GET /organizations", accessPublic, "", hListOrgs},
}

func hCreateOrg(c *call) {
	var body struct {
		Login       *string `json:"login"`
		Admin       *string `json:"admin"`
		ProfileName *string `json:"profile_name"`
	}
	if !c.decode(&body, false) {
		return
	}
	if body.Login == nil || *body.Login == "" {
		c.invalid("Organization", "login", "missing_field", "login is required")
		return
	}
	if body.Admin == nil || *body.Admin == "" {
		c.invalid("Organization", "admin", "missing_field", "admin is required")
		return
	}
	st := c.s.st
	login := *body.Login
	if !c.freeLogin("Organization", login, nil) {
		return
	}
	admin := st.userByLogin(*body.Admin)
	if admin == nil {
		c.invalid("Organization", "admin", "invalid", "admin is not a user")
		return
	}
	o := &orgRec{id: st.id(), login: login, admin: admin.login, createdAt: c.s.now()}
	if body.ProfileName != nil {
		o.profileName = *body.ProfileName
	}
	st.orgs = append(st.orgs, o)
	c.json(http.StatusCreated, c.orgJSON(o))
}

func hRenameOrg(c *call) {
	st := c.s.st
	o := st.orgByLogin(c.r.PathValue("org"))
	if o == nil {
		c.notFound()
		return
	}
	var body struct {
		Login *string `json:"login"`
	}
	if !c.decode(&body, false) {
		return
	}
	if body.Login == nil || *body.Login == "" {
		c.invalid("Organization", "login", "missing_field", "login is required")
		return
	}
	login := *body.Login
	if !c.freeLogin("Organization", login, o) {
		return
	}
	st.renameOwner(o.login, login)
	o.login = login
	c.json(http.StatusAccepted, map[string]string{
		"message": "Job queued to rename organization. It may take a few minutes to complete.",
		"url":     fmt.Sprintf("%s/organizations/%d", c.apiBase(), o.id),
	})
}

// fullOrgJSON is the organization-full schema of GET /orgs/{org}.
func (c *call) fullOrgJSON(o *orgRec) obj {
	j := c.orgJSON(o).with(c.profile(o.login, "", o.createdAt, o.createdAt), obj{
		{"blog", nil}, {"is_verified", false},
		{"has_organization_projects", true}, {"has_repository_projects", true},
		{"html_url", c.webBase() + "/" + o.login}, {"type", "Organization"},
	})
	if o.profileName != "" {
		j = j.set("name", o.profileName)
	}
	return j
}

// hListOrgs answers GET /organizations like hListUsers.
func hListOrgs(c *call) {
	out := []obj{}
	for _, o := range sincePage(c, c.s.st.orgs, func(o *orgRec) int64 { return o.id }) {
		out = append(out, c.orgJSON(o))
	}
	c.json(http.StatusOK, out)
}

func hGetOrg(c *call) {
	o := c.s.st.orgByLogin(c.r.PathValue("org"))
	if o == nil {
		c.notFound()
		return
	}
	c.json(http.StatusOK, c.fullOrgJSON(o))
}
