package ghestest

import (
	"cmp"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// lookupRoutes serves the lookups every admin tool needs: a user or an
// organization by login, the lists of users and organizations (paged with a
// `since` cursor, as GHES does), and a team by organization and slug.
func (s *Server) lookupRoutes(m *http.ServeMux) {
	s.route(m, "GET /users", accessPublic, "", hListUsers)
	s.route(m, "GET /organizations", accessPublic, "", hListOrgs)
	s.route(m, "GET /orgs/{org}", accessPublic, "", hGetOrg)
	s.route(m, "GET /orgs/{org}/teams/{team_slug}", accessPublic, "", hGetTeam)
}

// fullUserJSON is the public-user schema of GET /users/{username}.
type fullUserJSON struct {
	simpleUserJSON
	Name            *string    `json:"name"`
	Company         *string    `json:"company"`
	Blog            string     `json:"blog"`
	Location        *string    `json:"location"`
	Email           *string    `json:"email"`
	Hireable        *bool      `json:"hireable"`
	Bio             *string    `json:"bio"`
	TwitterUsername *string    `json:"twitter_username,omitempty"`
	PublicRepos     int        `json:"public_repos"`
	PublicGists     int        `json:"public_gists"`
	Followers       int        `json:"followers"`
	Following       int        `json:"following"`
	CreatedAt       time.Time  `json:"created_at"`
	UpdatedAt       time.Time  `json:"updated_at"`
	SuspendedAt     *time.Time `json:"suspended_at,omitempty"`
}

func (c *call) fullUserJSON(u *userRec) fullUserJSON {
	j := fullUserJSON{
		simpleUserJSON: c.userJSON(u),
		CreatedAt:      u.createdAt.UTC().Truncate(time.Second),
		UpdatedAt:      u.updatedAt.UTC().Truncate(time.Second),
	}
	if u.email != "" {
		e := u.email
		j.Email = &e
	}
	for _, r := range c.s.st.repos {
		if strings.EqualFold(r.owner, u.login) {
			j.PublicRepos++
		}
	}
	// suspended_at is part of the user on GHES 3.x (2.22 does not send it).
	if c.s.major >= 3 && u.suspended {
		at := u.suspendedAt
		if at.IsZero() {
			at = u.createdAt
		}
		t := at.UTC().Truncate(time.Second)
		j.SuspendedAt = &t
	}
	return j
}

// fullOrgJSON is the organization-full schema of GET /orgs/{org}.
type fullOrgJSON struct {
	orgJSON
	Name                    *string   `json:"name"`
	Company                 *string   `json:"company"`
	Blog                    *string   `json:"blog"`
	Location                *string   `json:"location"`
	Email                   *string   `json:"email"`
	IsVerified              bool      `json:"is_verified"`
	HasOrganizationProjects bool      `json:"has_organization_projects"`
	HasRepositoryProjects   bool      `json:"has_repository_projects"`
	PublicRepos             int       `json:"public_repos"`
	PublicGists             int       `json:"public_gists"`
	Followers               int       `json:"followers"`
	Following               int       `json:"following"`
	HTMLURL                 string    `json:"html_url"`
	CreatedAt               time.Time `json:"created_at"`
	UpdatedAt               time.Time `json:"updated_at"`
	Type                    string    `json:"type"`
}

func (c *call) fullOrgJSON(o *orgRec) fullOrgJSON {
	j := fullOrgJSON{
		orgJSON:                 c.orgJSON(o),
		HasOrganizationProjects: true, HasRepositoryProjects: true,
		HTMLURL:   c.webBase() + "/" + o.login,
		CreatedAt: o.createdAt.UTC().Truncate(time.Second),
		UpdatedAt: o.createdAt.UTC().Truncate(time.Second),
		Type:      "Organization",
	}
	if o.profileName != "" {
		n := o.profileName
		j.Name = &n
	}
	for _, r := range c.s.st.repos {
		if strings.EqualFold(r.owner, o.login) {
			j.PublicRepos++
		}
	}
	return j
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

// hListUsers answers GET /users: user accounts in id order after `since`,
// per_page at a time, with a Link next URL carrying the last id.
func hListUsers(c *call) {
	out := []simpleUserJSON{}
	for _, u := range sincePage(c, c.s.st.users, func(u *userRec) int64 { return u.id }) {
		out = append(out, c.userJSON(u))
	}
	c.json(http.StatusOK, out)
}

// hListOrgs answers GET /organizations like hListUsers.
func hListOrgs(c *call) {
	out := []orgJSON{}
	for _, o := range sincePage(c, c.s.st.orgs, func(o *orgRec) int64 { return o.id }) {
		out = append(out, c.orgJSON(o))
	}
	c.json(http.StatusOK, out)
}

// sincePage returns the records whose id is above the `since` query
// parameter, at most per_page of them (default 30, at most 100), and sets
// the Link header as GHES does: a next link with since set to the last id
// returned (when more follow) and a first link with the {?since} template.
func sincePage[T any](c *call, all []*T, id func(*T) int64) []*T {
	q := c.r.URL.Query()
	var since int64
	if v := q.Get("since"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			c.invalid("", "since", "invalid", "since must be an integer")
			return nil
		}
		since = n
	}
	perPage := defaultPerPage
	if v, err := strconv.Atoi(q.Get("per_page")); err == nil && v > 0 {
		perPage = min(v, maxPerPage)
	}
	sorted := slices.Clone(all)
	slices.SortFunc(sorted, func(a, b *T) int { return cmp.Compare(id(a), id(b)) })
	var page []*T
	more := false
	for _, r := range sorted {
		if id(r) <= since {
			continue
		}
		if len(page) == perPage {
			more = true
			break
		}
		page = append(page, r)
	}
	base := url.URL{Scheme: "http", Host: c.r.Host, Path: "/api/v3" + c.r.URL.Path}
	links := []string{}
	if more {
		next := base
		next.RawQuery = url.Values{"per_page": {strconv.Itoa(perPage)}, "since": {strconv.FormatInt(id(page[len(page)-1]), 10)}}.Encode()
		links = append(links, "<"+next.String()+`>; rel="next"`)
	}
	links = append(links, "<"+base.String()+`{?since}>; rel="first"`)
	c.w.Header().Set("Link", strings.Join(links, ", "))
	return page
}

func hGetOrg(c *call) {
	o := c.s.st.orgByLogin(c.r.PathValue("org"))
	if o == nil {
		c.notFound()
		return
	}
	c.json(http.StatusOK, c.fullOrgJSON(o))
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

// notFoundJSON answers every request no route matches with GHES's JSON 404.
func notFoundJSON(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	fmt.Fprintf(w, "{\"message\":\"Not Found\",\"documentation_url\":%q}\n", docsBase)
}
