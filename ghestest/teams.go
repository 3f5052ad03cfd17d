package ghestest

import (
	"net/http"
	"strings"
	"time"
)

// teamsRoutes are the endpoints of the SDK's teams.go.
var teamsRoutes = []route{
	{"GET /orgs/{org}/teams/{team_slug}", accessPublic, "", hGetTeam},
}

func hGetTeam(c *call) {
	o := c.s.st.orgByLogin(c.r.PathValue("org"))
	if o == nil {
		c.notFound()
		return
	}
	slug := c.r.PathValue("team_slug")
	for _, t := range c.s.st.teams {
		if t.orgID == o.id && strings.EqualFold(t.slug, slug) {
			// The team-full schema of GET /orgs/{org}/teams/{team_slug}.
			at := o.createdAt.UTC().Truncate(time.Second)
			c.json(http.StatusOK, c.teamJSON(t).with(obj{
				{"members_count", len(t.members)}, {"repos_count", 0},
				{"created_at", at}, {"updated_at", at}, {"organization", c.fullOrgJSON(o)},
			}))
			return
		}
	}
	c.notFound()
}
