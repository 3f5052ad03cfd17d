package ghestest

import (
	"net/http"
)

// statsRoutes are the endpoints of the SDK's stats.go.
var statsRoutes = []route{
	{"GET /enterprise/stats/all", accessAdmin, "", hStats("all")},
	{"GET /enterprise/stats/comments", accessAdmin, "", hStats("comments")},
	{"GET /enterprise/stats/gists", accessAdmin, "", hStats("gists")},
	{"GET /enterprise/stats/hooks", accessAdmin, "", hStats("hooks")},
	{"GET /enterprise/stats/issues", accessAdmin, "", hStats("issues")},
	{"GET /enterprise/stats/milestones", accessAdmin, "", hStats("milestones")},
	{"GET /enterprise/stats/orgs", accessAdmin, "", hStats("orgs")},
	{"GET /enterprise/stats/pages", accessAdmin, "", hStats("pages")},
	{"GET /enterprise/stats/pulls", accessAdmin, "", hStats("pulls")},
	{"GET /enterprise/stats/repos", accessAdmin, "", hStats("repos")},
	{"GET /enterprise/stats/users", accessAdmin, "", hStats("users")},
	{"GET /enterprise/stats/security-products", accessAdmin, "", hStats("security-products")},
}

func hStats(area string) handler {
	return func(c *call) {
		all := c.s.st.stats()
		if area == "all" {
			delete(all, "security-products")
			c.json(http.StatusOK, all)
			return
		}
		c.json(http.StatusOK, all[area])
	}
}

// stats computes the statistics from the state.
func (st *state) stats() map[string]any {
	var root, fork, orgRepos, pushes, wikis, pages, archived int
	for _, r := range st.repos {
		if r.fork {
			fork++
		} else {
			root++
		}
		if st.orgByLogin(r.owner) != nil {
			orgRepos++
		}
		pushes += r.pushes
		if r.wiki {
			wikis++
		}
		if r.pages {
			pages++
		}
		if r.archived {
			archived++
		}
	}
	var active int
	for _, h := range st.hooks {
		if h.active {
			active++
		}
	}
	var disabledOrgs, members int
	for _, o := range st.orgs {
		if o.disabled {
			disabledOrgs++
		}
	}
	for _, t := range st.teams {
		members += len(t.members)
	}
	var admins, suspended int
	for _, u := range st.users {
		if u.siteAdmin {
			admins++
		}
		if u.suspended {
			suspended++
		}
	}
	return map[string]any{
		"repos":      map[string]int{"total_repos": len(st.repos), "root_repos": root, "fork_repos": fork, "org_repos": orgRepos, "total_pushes": pushes, "total_wikis": wikis},
		"hooks":      map[string]int{"total_hooks": len(st.hooks), "active_hooks": active, "inactive_hooks": len(st.hooks) - active},
		"pages":      map[string]int{"total_pages": pages},
		"orgs":       map[string]int{"total_orgs": len(st.orgs), "disabled_orgs": disabledOrgs, "total_teams": len(st.teams), "total_team_members": members},
		"users":      map[string]int{"total_users": len(st.users), "admin_users": admins, "suspended_users": suspended},
		"pulls":      map[string]int{"total_pulls": 0, "merged_pulls": 0, "mergeable_pulls": 0, "unmergeable_pulls": 0},
		"issues":     map[string]int{"total_issues": 0, "open_issues": 0, "closed_issues": 0},
		"milestones": map[string]int{"total_milestones": 0, "open_milestones": 0, "closed_milestones": 0},
		"gists":      map[string]int{"total_gists": 0, "private_gists": 0, "public_gists": 0},
		"comments":   map[string]int{"total_commit_comments": 0, "total_gist_comments": 0, "total_issue_comments": 0, "total_pull_request_comments": 0},
		"security-products": map[string]int{
			"total_repos": len(st.repos), "nonarchived_repos": len(st.repos) - archived,
			"secret_scanning_enabled_repos": 0, "secret_scanning_push_protection_enabled_repos": 0,
			"code_scanning_enabled_repos": 0, "code_scanning_pr_reviews_enabled_repos": 0,
			"code_scanning_default_setup_enabled_repos": 0, "code_scanning_default_setup_eligible_repos": 0,
			"dependabot_alerts_enabled_repos": 0, "dependabot_security_updates_enabled_repos": 0,
			"dependabot_version_updates_enabled_repos": 0, "advanced_security_enabled_repos": 0,
			"active_committers": 0, "purchased_committers": 0, "maximum_committers": 0,
			"secret_protection_licenses": 0, "secret_protection_active_committers": 0,
			"code_security_licenses": 0, "code_security_active_committers": 0,
		},
	}
}
