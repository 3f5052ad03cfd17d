package ghestest

import (
	"fmt"
	"net/http"
	"slices"
)

// runnerGroupsRoutes are the endpoints of the SDK's runner_groups.go; ent
// checks the enterprise of the path first.
var runnerGroupsRoutes = []route{
	{"GET /enterprises/{enterprise}/actions/runner-groups", accessAdmin, "", ent(hListGroups)},
	{"POST /enterprises/{enterprise}/actions/runner-groups", accessAdmin, "", ent(hCreateGroup)},
	{"GET /enterprises/{enterprise}/actions/runner-groups/{group_id}", accessAdmin, "", ent(hGetGroup)},
	{"PATCH /enterprises/{enterprise}/actions/runner-groups/{group_id}", accessAdmin, "", ent(hUpdateGroup)},
	{"DELETE /enterprises/{enterprise}/actions/runner-groups/{group_id}", accessAdmin, "", ent(hDeleteGroup)},
	{"GET /enterprises/{enterprise}/actions/runner-groups/{group_id}/organizations", accessAdmin, "", ent(hListGroupOrgs)},
	{"PUT /enterprises/{enterprise}/actions/runner-groups/{group_id}/organizations", accessAdmin, "", ent(hSetGroupOrgs)},
	{"PUT /enterprises/{enterprise}/actions/runner-groups/{group_id}/organizations/{org_id}", accessAdmin, "", ent(hAddGroupOrg)},
	{"DELETE /enterprises/{enterprise}/actions/runner-groups/{group_id}/organizations/{org_id}", accessAdmin, "", ent(hRemoveGroupOrg)},
	{"GET /enterprises/{enterprise}/actions/runner-groups/{group_id}/runners", accessAdmin, "", ent(hListGroupRunners)},
	{"PUT /enterprises/{enterprise}/actions/runner-groups/{group_id}/runners", accessAdmin, "", ent(hSetGroupRunners)},
	{"PUT /enterprises/{enterprise}/actions/runner-groups/{group_id}/runners/{runner_id}", accessAdmin, "", ent(hAddGroupRunner)},
	{"DELETE /enterprises/{enterprise}/actions/runner-groups/{group_id}/runners/{runner_id}", accessAdmin, "", ent(hRemoveGroupRunner)},
}

type groupJSON struct {
	ID                           int64    `json:"id"`
	Name                         string   `json:"name"`
	Visibility                   string   `json:"visibility"`
	Default                      bool     `json:"default"`
	SelectedOrganizationsURL     string   `json:"selected_organizations_url,omitempty"`
	RunnersURL                   string   `json:"runners_url"`
	AllowsPublicRepositories     bool     `json:"allows_public_repositories"`
	RestrictedToWorkflows        bool     `json:"restricted_to_workflows"`
	SelectedWorkflows            []string `json:"selected_workflows"`
	WorkflowRestrictionsReadOnly bool     `json:"workflow_restrictions_read_only"`
}

func (c *call) groupJSON(g *runnerGroupRec) groupJSON {
	base := fmt.Sprintf("%s/enterprises/%s/actions/runner-groups/%d", c.apiBase(), c.s.cfg.enterprise, g.id)
	j := groupJSON{ID: g.id, Name: g.name, Visibility: g.visibility, Default: g.isDefault, RunnersURL: base + "/runners",
		AllowsPublicRepositories: g.allowsPublic, RestrictedToWorkflows: g.restrictedToWorkflows, SelectedWorkflows: append([]string{}, g.selectedWorkflows...)}
	if g.visibility == "selected" {
		j.SelectedOrganizationsURL = base + "/organizations"
	}
	return j
}

func (c *call) pathGroup() *runnerGroupRec {
	return pathRecord(c, "group_id", c.s.st.groupByID)
}

func hListGroups(c *call) {
	groups := c.s.st.groups
	if org := c.r.URL.Query().Get("visible_to_organization"); org != "" {
		o := c.s.st.orgByLogin(org)
		groups = []*runnerGroupRec{}
		for _, g := range c.s.st.groups {
			if o != nil && (g.visibility == "all" || slices.Contains(g.orgIDs, o.id)) {
				groups = append(groups, g)
			}
		}
	}
	wrappedPage(c, "runner_groups", groups, c.groupJSON)
}

type groupBody struct {
	Name                     *string   `json:"name"`
	Visibility               *string   `json:"visibility"`
	SelectedOrganizationIDs  *[]int64  `json:"selected_organization_ids"`
	Runners                  *[]int64  `json:"runners"`
	AllowsPublicRepositories *bool     `json:"allows_public_repositories"`
	RestrictedToWorkflows    *bool     `json:"restricted_to_workflows"`
	SelectedWorkflows        *[]string `json:"selected_workflows"`
}

const resGroup = "RunnerGroup"

func (c *call) applyGroup(g *runnerGroupRec, b *groupBody, create bool) bool {
	st := c.s.st
	if b.Name != nil || create {
		if b.Name == nil || *b.Name == "" {
			c.invalid(resGroup, "name", "missing_field", "name is required")
			return false
		}
		if o := st.groupByName(*b.Name); o != nil && o.id != g.id {
			c.invalid(resGroup, "name", "already_exists", "Name has already been taken")
			return false
		}
		g.name = *b.Name
	}
	if b.Visibility != nil {
		v := *b.Visibility
		if v != "all" && v != "selected" && !(v == "private" && !create) {
			c.invalid(resGroup, "visibility", "invalid", "visibility must be one of: selected, all")
			return false
		}
		g.visibility = v
	}
	if b.SelectedOrganizationIDs != nil {
		ids := []int64{}
		for _, id := range *b.SelectedOrganizationIDs {
			if st.orgByID(id) == nil {
				c.invalid(resGroup, "selected_organization_ids", "invalid", fmt.Sprintf("organization %d does not exist", id))
				return false
			}
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		g.orgIDs = ids
	}
	if b.Runners != nil {
		for _, id := range *b.Runners {
			if st.runnerByID(id) == nil {
				c.invalid(resGroup, "runners", "invalid", fmt.Sprintf("runner %d does not exist", id))
				return false
			}
		}
	}
	assign(&g.allowsPublic, b.AllowsPublicRepositories)
	assign(&g.restrictedToWorkflows, b.RestrictedToWorkflows)
	if b.SelectedWorkflows != nil {
		g.selectedWorkflows = append([]string{}, *b.SelectedWorkflows...)
	}
	return true
}

func hCreateGroup(c *call) {
	var b groupBody
	if !c.decode(&b, false) {
		return
	}
	g := &runnerGroupRec{visibility: "all", selectedWorkflows: []string{}}
	if !c.applyGroup(g, &b, true) {
		return
	}
	st := c.s.st
	g.id = st.id()
	st.groups = append(st.groups, g)
	if b.Runners != nil {
		for _, id := range *b.Runners {
			st.runnerByID(id).groupID = g.id
		}
	}
	c.json(http.StatusCreated, c.groupJSON(g))
}

func hGetGroup(c *call) {
	if g := c.pathGroup(); g != nil {
		c.json(http.StatusOK, c.groupJSON(g))
	}
}

func hUpdateGroup(c *call) {
	g := c.pathGroup()
	if g == nil {
		return
	}
	var b groupBody
	if !c.decode(&b, true) {
		return
	}
	b.SelectedOrganizationIDs, b.Runners = nil, nil // not part of this endpoint
	cp := *g
	if !c.applyGroup(&cp, &b, false) {
		return
	}
	*g = cp
	c.json(http.StatusOK, c.groupJSON(g))
}

func hDeleteGroup(c *call) {
	g := c.pathGroup()
	if g == nil {
		return
	}
	if g.isDefault {
		c.invalid(resGroup, "", "custom", "The default runner group cannot be deleted")
		return
	}
	st := c.s.st
	def := st.defaultGroup()
	for _, r := range st.runners {
		if r.groupID == g.id {
			r.groupID = def.id
		}
	}
	st.groups = slices.DeleteFunc(st.groups, func(x *runnerGroupRec) bool { return x == g })
	c.noContent()
}

func hListGroupOrgs(c *call) {
	g := c.pathGroup()
	if g == nil {
		return
	}
	orgs := []*orgRec{}
	for _, id := range g.orgIDs {
		if o := c.s.st.orgByID(id); o != nil {
			orgs = append(orgs, o)
		}
	}
	wrappedPage(c, "organizations", orgs, c.orgJSON)
}

func hSetGroupOrgs(c *call) {
	g := c.pathGroup()
	if g == nil {
		return
	}
	var b struct {
		IDs *[]int64 `json:"selected_organization_ids"`
	}
	if !c.decode(&b, false) {
		return
	}
	if b.IDs == nil {
		c.invalid(resGroup, "selected_organization_ids", "missing_field", "selected_organization_ids is required")
		return
	}
	if !c.applyGroup(g, &groupBody{SelectedOrganizationIDs: b.IDs}, false) {
		return
	}
	c.noContent()
}

func (c *call) pathOrgID() *orgRec {
	return pathRecord(c, "org_id", c.s.st.orgByID)
}

// pathGroupAnd finds the {group_id} group, then the member that
// pathMember finds; the member is nil after a 404 for either.
func pathGroupAnd[T any](c *call, pathMember func() *T) (*runnerGroupRec, *T) {
	g := c.pathGroup()
	if g == nil {
		return nil, nil
	}
	return g, pathMember()
}

func hAddGroupOrg(c *call) {
	g, o := pathGroupAnd(c, c.pathOrgID)
	if o == nil {
		return
	}
	if !slices.Contains(g.orgIDs, o.id) {
		g.orgIDs = append(g.orgIDs, o.id)
	}
	c.noContent()
}

func hRemoveGroupOrg(c *call) {
	g, o := pathGroupAnd(c, c.pathOrgID)
	if o == nil {
		return
	}
	g.orgIDs = slices.DeleteFunc(g.orgIDs, func(id int64) bool { return id == o.id })
	c.noContent()
}

func hListGroupRunners(c *call) {
	g := c.pathGroup()
	if g == nil {
		return
	}
	rs := []*runnerRec{}
	for _, r := range c.s.st.runners {
		if r.groupID == g.id {
			rs = append(rs, r)
		}
	}
	wrappedPage(c, "runners", rs, c.s.st.runnerJSON)
}

func hSetGroupRunners(c *call) {
	g := c.pathGroup()
	if g == nil {
		return
	}
	var b struct {
		Runners *[]int64 `json:"runners"`
	}
	if !c.decode(&b, false) {
		return
	}
	if b.Runners == nil {
		c.invalid(resGroup, "runners", "missing_field", "runners is required")
		return
	}
	st := c.s.st
	for _, id := range *b.Runners {
		if st.runnerByID(id) == nil {
			c.invalid(resGroup, "runners", "invalid", fmt.Sprintf("runner %d does not exist", id))
			return
		}
	}
	def := st.defaultGroup()
	for _, r := range st.runners {
		switch {
		case slices.Contains(*b.Runners, r.id):
			r.groupID = g.id
		case r.groupID == g.id:
			r.groupID = def.id
		}
	}
	c.noContent()
}

func hAddGroupRunner(c *call) {
	if g, r := pathGroupAnd(c, c.pathRunner); r != nil {
		r.groupID = g.id
		c.noContent()
	}
}

func hRemoveGroupRunner(c *call) {
	g, r := pathGroupAnd(c, c.pathRunner)
	if r == nil {
		return
	}
	if r.groupID == g.id {
		r.groupID = c.s.st.defaultGroup().id
	}
	c.noContent()
}
