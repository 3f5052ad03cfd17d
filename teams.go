package ghesadmin

import (
	"context"
	"net/http"
)

// TeamsService looks up the teams of organizations (/orgs/{org}/teams).
type TeamsService service

// GetBySlug returns one team of an organization by its slug (the team's
// name in lower case with hyphens, as in its URL). Use its ID with
// LDAP.UpdateTeamMapping and LDAP.SyncTeam. A missing team or organization
// is ErrNotFound.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/teams/teams#get-a-team-by-name
//
// GHES API: GET /orgs/{org}/teams/{team_slug} (GHES 2.22 and later).
//
//meta:operation GET /orgs/{org}/teams/{team_slug}
func (s *TeamsService) GetBySlug(ctx context.Context, org, slug string) (*Team, *Response, error) {
	return fetch[Team](ctx, s.backend, &request{op: "Teams.GetBySlug", method: http.MethodGet, path: "orgs/{org}/teams/{team_slug}", args: []any{org, slug}})
}
