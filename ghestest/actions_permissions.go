package ghestest

import (
	"net/http"
	"slices"
)

// permissionsBase is the URL of the enterprise's Actions permissions.
func (c *call) permissionsBase() string {
	return c.apiBase() + "/enterprises/" + c.s.cfg.enterprise + "/actions/permissions"
}

func hGetActionsPermissions(c *call) {
	p := c.s.st.pol()
	out := map[string]any{"enabled_organizations": p.enabledOrgs}
	if p.enabledOrgs == "selected" {
		out["selected_organizations_url"] = c.permissionsBase() + "/organizations"
	}
	if p.enabledOrgs != "none" {
		out["allowed_actions"] = p.allowedAct
		if p.allowedAct == "selected" {
			out["selected_actions_url"] = c.permissionsBase() + "/selected-actions"
		}
	}
	if c.polSince(3, 19) {
		out["sha_pinning_required"] = p.shaPinning
	}
	c.json(http.StatusOK, out)
}

// polEnum answers 422 and returns false unless v is one of want.
func (c *call) polEnum(resource, field, v string, want ...string) bool {
	if slices.Contains(want, v) {
		return true
	}
	c.invalid(resource, field, "invalid", field+" must be one of: "+polQuoted(want))
	return false
}

func polQuoted(s []string) string {
	out := ""
	for i, v := range s {
		if i > 0 {
			out += ", "
		}
		out += `"` + v + `"`
	}
	return out
}

const resActions = "ActionsPermissions"

func hSetActionsPermissions(c *call) {
	var b struct {
		EnabledOrgs *string `json:"enabled_organizations"`
		AllowedAct  *string `json:"allowed_actions"`
		SHAPinning  *bool   `json:"sha_pinning_required"`
	}
	if !c.decode(&b, false) {
		return
	}
	if b.EnabledOrgs == nil {
		c.invalid(resActions, "enabled_organizations", "missing_field", "enabled_organizations is required")
		return
	}
	if !c.polEnum(resActions, "enabled_organizations", *b.EnabledOrgs, "all", "none", "selected") {
		return
	}
	if b.AllowedAct != nil && !c.polEnum(resActions, "allowed_actions", *b.AllowedAct, "all", "local_only", "selected") {
		return
	}
	p := c.s.st.pol()
	p.enabledOrgs = *b.EnabledOrgs
	assign(&p.allowedAct, b.AllowedAct)
	if b.SHAPinning != nil && c.polSince(3, 19) {
		p.shaPinning = *b.SHAPinning
	}
	c.noContent()
}

func hListActionsOrgs(c *call) {
	orgs := []*orgRec{}
	for _, id := range c.s.st.pol().selectedOrgs {
		if o := c.s.st.orgByID(id); o != nil {
			orgs = append(orgs, o)
		}
	}
	wrappedPage(c, "organizations", orgs, c.orgJSON)
}

func hSetActionsOrgs(c *call) {
	var b struct {
		IDs *[]int64 `json:"selected_organization_ids"`
	}
	if !c.decode(&b, false) {
		return
	}
	if b.IDs == nil {
		c.invalid(resActions, "selected_organization_ids", "missing_field", "selected_organization_ids is required")
		return
	}
	ids := []int64{}
	for _, id := range *b.IDs {
		if c.s.st.orgByID(id) == nil {
			c.invalid("Organization", "selected_organization_ids", "invalid", "organization "+polItoa(id)+" does not exist")
			return
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	c.s.st.pol().selectedOrgs = ids
	c.noContent()
}

func hEnableActionsOrg(c *call) {
	o := c.pathOrgID()
	if o == nil {
		return
	}
	p := c.s.st.pol()
	if !slices.Contains(p.selectedOrgs, o.id) {
		p.selectedOrgs = append(p.selectedOrgs, o.id)
	}
	c.noContent()
}

func hDisableActionsOrg(c *call) {
	o := c.pathOrgID()
	if o == nil {
		return
	}
	p := c.s.st.pol()
	p.selectedOrgs = slices.DeleteFunc(p.selectedOrgs, func(id int64) bool { return id == o.id })
	c.noContent()
}

func hGetSelectedActions(c *call) {
	p := c.s.st.pol()
	out := map[string]any{"github_owned_allowed": p.githubOwned, "patterns_allowed": append([]string{}, p.patterns...)}
	if c.polSince(3, 14) {
		out["verified_allowed"] = p.verified
	}
	c.json(http.StatusOK, out)
}

func hSetSelectedActions(c *call) {
	var b struct {
		GitHubOwned *bool     `json:"github_owned_allowed"`
		Verified    *bool     `json:"verified_allowed"`
		Patterns    *[]string `json:"patterns_allowed"`
	}
	if !c.decode(&b, false) {
		return
	}
	if b.Patterns != nil {
		for _, pat := range *b.Patterns {
			if pat == "" {
				c.invalid("SelectedActions", "patterns_allowed", "invalid", "patterns_allowed may not contain an empty pattern")
				return
			}
		}
	}
	p := c.s.st.pol()
	assign(&p.githubOwned, b.GitHubOwned)
	if b.Verified != nil && c.polSince(3, 14) {
		p.verified = *b.Verified
	}
	if b.Patterns != nil {
		p.patterns = append([]string{}, *b.Patterns...)
	}
	c.noContent()
}

func hGetWorkflowPerms(c *call) {
	p := c.s.st.pol()
	c.json(http.StatusOK, map[string]any{"default_workflow_permissions": p.workflowPerms, "can_approve_pull_request_reviews": p.canApprovePRs})
}

func hSetWorkflowPerms(c *call) {
	var b struct {
		Perms      *string `json:"default_workflow_permissions"`
		CanApprove *bool   `json:"can_approve_pull_request_reviews"`
	}
	if !c.decode(&b, false) {
		return
	}
	if b.Perms != nil && !c.polEnum("WorkflowPermissions", "default_workflow_permissions", *b.Perms, "read", "write") {
		return
	}
	p := c.s.st.pol()
	assign(&p.workflowPerms, b.Perms)
	assign(&p.canApprovePRs, b.CanApprove)
	c.noContent()
}

func hGetRetention(c *call) {
	c.json(http.StatusOK, map[string]any{"days": c.s.st.pol().retentionDays, "maximum_allowed_days": maxRetentionDays})
}

func hSetRetention(c *call) {
	var b struct {
		Days *int `json:"days"`
	}
	if !c.decode(&b, false) {
		return
	}
	const res = "ArtifactAndLogRetention"
	switch {
	case b.Days == nil:
		c.invalid(res, "days", "missing_field", "days is required")
	case *b.Days < 1 || *b.Days > maxRetentionDays:
		c.invalid(res, "days", "invalid", "days must be between 1 and "+polItoa(maxRetentionDays))
	default:
		c.s.st.pol().retentionDays = *b.Days
		c.noContent()
	}
}

func hGetForkApproval(c *call) {
	c.json(http.StatusOK, map[string]any{"approval_policy": c.s.st.pol().forkApproval})
}

func hSetForkApproval(c *call) {
	var b struct {
		Policy *string `json:"approval_policy"`
	}
	if !c.decode(&b, false) {
		return
	}
	const res = "ForkPrContributorApproval"
	if b.Policy == nil {
		c.invalid(res, "approval_policy", "missing_field", "approval_policy is required")
		return
	}
	if !c.polEnum(res, "approval_policy", *b.Policy, "first_time_contributors_new_to_github", "first_time_contributors", "all_external_contributors") {
		return
	}
	c.s.st.pol().forkApproval = *b.Policy
	c.noContent()
}

func hGetForkPrivate(c *call) {
	p := c.s.st.pol()
	c.json(http.StatusOK, map[string]any{
		"run_workflows_from_fork_pull_requests":  p.forkRun,
		"send_write_tokens_to_workflows":         p.forkWriteTok,
		"send_secrets_and_variables":             p.forkSecrets,
		"require_approval_for_fork_pr_workflows": p.forkApprove,
	})
}

func hSetForkPrivate(c *call) {
	var b struct {
		Run      *bool `json:"run_workflows_from_fork_pull_requests"`
		WriteTok *bool `json:"send_write_tokens_to_workflows"`
		Secrets  *bool `json:"send_secrets_and_variables"`
		Approve  *bool `json:"require_approval_for_fork_pr_workflows"`
	}
	if !c.decode(&b, false) {
		return
	}
	if b.Run == nil {
		c.invalid("ForkPrWorkflowsPrivateRepos", "run_workflows_from_fork_pull_requests", "missing_field", "run_workflows_from_fork_pull_requests is required")
		return
	}
	p := c.s.st.pol()
	p.forkRun = *b.Run
	assign(&p.forkWriteTok, b.WriteTok)
	assign(&p.forkSecrets, b.Secrets)
	assign(&p.forkApprove, b.Approve)
	c.noContent()
}

func hGetSelfHosted(c *call) {
	c.json(http.StatusOK, map[string]any{"disable_self_hosted_runners_for_all_orgs": c.s.st.pol().noSelfHosted})
}

func hSetSelfHosted(c *call) {
	var b struct {
		Disable *bool `json:"disable_self_hosted_runners_for_all_orgs"`
	}
	if !c.decode(&b, false) {
		return
	}
	if b.Disable == nil {
		c.invalid("SelfHostedRunnersPermissions", "disable_self_hosted_runners_for_all_orgs", "missing_field", "disable_self_hosted_runners_for_all_orgs is required")
		return
	}
	c.s.st.pol().noSelfHosted = *b.Disable
	c.noContent()
}

// actionsPermissionsRoutes are the routes of the enterprise's Actions policy (/enterprises/{enterprise}/actions/permissions).
var actionsPermissionsRoutes = []route{
	{"GET /enterprises/{enterprise}/actions/permissions", accessAdmin, "", ent(hGetActionsPermissions)},
	{"PUT /enterprises/{enterprise}/actions/permissions", accessAdmin, "", ent(hSetActionsPermissions)},
	{"GET /enterprises/{enterprise}/actions/permissions/organizations", accessAdmin, "", ent(hListActionsOrgs)},
	{"PUT /enterprises/{enterprise}/actions/permissions/organizations", accessAdmin, "", ent(hSetActionsOrgs)},
	{"PUT /enterprises/{enterprise}/actions/permissions/organizations/{org_id}", accessAdmin, "", ent(hEnableActionsOrg)},
	{"DELETE /enterprises/{enterprise}/actions/permissions/organizations/{org_id}", accessAdmin, "", ent(hDisableActionsOrg)},
	{"GET /enterprises/{enterprise}/actions/permissions/selected-actions", accessAdmin, "", ent(hGetSelectedActions)},
	{"PUT /enterprises/{enterprise}/actions/permissions/selected-actions", accessAdmin, "", ent(hSetSelectedActions)},
	{"GET /enterprises/{enterprise}/actions/permissions/workflow", accessAdmin, "", ent(hGetWorkflowPerms)},
	{"PUT /enterprises/{enterprise}/actions/permissions/workflow", accessAdmin, "", ent(hSetWorkflowPerms)},
	{"GET /enterprises/{enterprise}/actions/permissions/artifact-and-log-retention", accessAdmin, "", ent(hGetRetention)},
	{"PUT /enterprises/{enterprise}/actions/permissions/artifact-and-log-retention", accessAdmin, "", ent(hSetRetention)},
	{"GET /enterprises/{enterprise}/actions/permissions/fork-pr-contributor-approval", accessAdmin, "", ent(hGetForkApproval)},
	{"PUT /enterprises/{enterprise}/actions/permissions/fork-pr-contributor-approval", accessAdmin, "", ent(hSetForkApproval)},
	{"GET /enterprises/{enterprise}/actions/permissions/fork-pr-workflows-private-repos", accessAdmin, "", ent(hGetForkPrivate)},
	{"PUT /enterprises/{enterprise}/actions/permissions/fork-pr-workflows-private-repos", accessAdmin, "", ent(hSetForkPrivate)},
	{"GET /enterprises/{enterprise}/actions/permissions/self-hosted-runners", accessAdmin, "", ent(hGetSelfHosted)},
	{"PUT /enterprises/{enterprise}/actions/permissions/self-hosted-runners", accessAdmin, "", ent(hSetSelfHosted)},
}
