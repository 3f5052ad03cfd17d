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

// fullTeamJSON is the team-full schema of GET /orgs/{org}/teams/{team_slug}.
type fullTeamJSON struct {
	teamJSON
	MembersCount int         `json:"members_count"`
	ReposCount   int         `json:"repos_count"`
	CreatedAt    time.Time   `json:"created_at"`
	UpdatedAt    time.Time   `json:"updated_at"`
	Organization fullOrgJSON `json:"organization"`
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
			org := c.fullOrgJSON(o)
			c.json(http.StatusOK, fullTeamJSON{
				teamJSON: c.teamJSON(t), MembersCount: len(t.members),
				CreatedAt: o.createdAt.UTC().Truncate(time.Second), UpdatedAt: o.createdAt.UTC().Truncate(time.Second),
				Organization: org,
			})
			return
		}
	}
	c.notFound()
}
