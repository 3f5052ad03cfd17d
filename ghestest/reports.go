package ghestest

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The site-admin reports (/stafftools/reports/NAME.csv on the web origin,
// outside /api/v3): the first request of each report answers 202 Accepted
// while "GHES generates it", every later one 200 with the CSV, made from
// the fake's state at that moment.

// dormancyThreshold is how long without activity makes a user dormant.
const dormancyThreshold = 90 * 24 * time.Hour

var reportHeaders = map[string][]string{
	"users":         {"created_at", "id", "login", "email", "role", "suspended?", "last_logged_ip", "repos", "ssh_keys", "org_memberships", "dormant?", "last_active", "raw_login", "2fa_enabled?"},
	"organizations": {"id", "created_at", "login", "email", "owners", "members", "teams", "repos", "2fa_required?"},
	"repositories":  {"created_at", "owner_id", "owner_type", "owner_name", "id", "name", "visibility", "readable_size", "raw_size", "collaborators", "fork?", "deleted?"},
}

func (s *Server) reportRoutes(m *http.ServeMux) {
	for _, name := range []string{"all_users", "active_users", "dormant_users", "suspended_users", "all_organizations", "all_repositories"} {
		s.route(m, "GET /stafftools/reports/"+name+".csv", accessAdmin, "", hReport(name))
	}
}

func hReport(name string) handler {
	return func(c *call) {
		// The web origin takes basic authentication (login and token),
		// not the API's token header.
		if login, _, ok := c.r.BasicAuth(); !ok || !strings.EqualFold(login, c.actor.login) {
			c.json(http.StatusUnauthorized, errBody{Message: "Requires basic authentication as the token's owner", DocumentationURL: docsBase})
			return
		}
		a := &c.s.st.audit
		if a.reports == nil {
			a.reports = map[string]bool{}
		}
		if !a.reports[name] {
			a.reports[name] = true
			c.w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			c.w.WriteHeader(http.StatusAccepted)
			_, _ = c.w.Write([]byte("Report is being generated. Try again in a few minutes.\n"))
			return
		}
		c.w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		c.w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
		c.w.WriteHeader(http.StatusOK)
		w := csv.NewWriter(c.w)
		switch name {
		case "all_organizations":
			_ = w.Write(reportHeaders["organizations"])
			c.orgRows(w)
		case "all_repositories":
			_ = w.Write(reportHeaders["repositories"])
			c.repoRows(w)
		default:
			_ = w.Write(reportHeaders["users"])
			c.userRows(w, name)
		}
		w.Flush()
	}
}

func yesNo(b bool) string { return strconv.FormatBool(b) }

func (c *call) lastActive(u *userRec) time.Time {
	if t, ok := c.s.cfg.audit.lastActive[strings.ToLower(u.login)]; ok {
		return t
	}
	last := u.createdAt
	for _, e := range c.s.st.audit.events {
		if strings.EqualFold(e.actor, u.login) && e.at.After(last) {
			last = e.at
		}
	}
	return last
}

func (c *call) userRows(w *csv.Writer, name string) {
	st := c.s.st
	now := c.s.now()
	for _, u := range st.users {
		last := c.lastActive(u)
		dormant := now.Sub(last) > dormancyThreshold
		switch name {
		case "active_users":
			if dormant || u.suspended {
				continue
			}
		case "dormant_users":
			if !dormant {
				continue
			}
		case "suspended_users":
			if !u.suspended {
				continue
			}
		}
		role := "user"
		if u.siteAdmin {
			role = "admin"
		}
		repos, keys, orgs := 0, 0, 0
		for _, r := range st.repos {
			if strings.EqualFold(r.owner, u.login) {
				repos++
			}
		}
		for _, k := range st.keys {
			if k.userID == u.id {
				keys++
			}
		}
		for _, o := range st.orgs {
			if strings.EqualFold(o.admin, u.login) {
				orgs++
			}
		}
		_ = w.Write([]string{
			u.createdAt.UTC().Format(time.RFC3339), strconv.FormatInt(u.id, 10), u.login, u.email, role,
			yesNo(u.suspended), "127.0.0.1", strconv.Itoa(repos), strconv.Itoa(keys), strconv.Itoa(orgs),
			yesNo(dormant), last.UTC().Format(time.RFC3339), u.login, "false",
		})
	}
}

func (c *call) orgRows(w *csv.Writer) {
	st := c.s.st
	for _, o := range st.orgs {
		owners, teams, repos := 0, 0, 0
		if o.admin != "" {
			owners = 1
		}
		members := map[string]bool{}
		if o.admin != "" {
			members[strings.ToLower(o.admin)] = true
		}
		for _, t := range st.teams {
			if t.orgID == o.id {
				teams++
				for _, m := range t.members {
					members[strings.ToLower(m)] = true
				}
			}
		}
		for _, r := range st.repos {
			if strings.EqualFold(r.owner, o.login) {
				repos++
			}
		}
		_ = w.Write([]string{
			strconv.FormatInt(o.id, 10), o.createdAt.UTC().Format(time.RFC3339), o.login, "",
			strconv.Itoa(owners), strconv.Itoa(len(members)), strconv.Itoa(teams), strconv.Itoa(repos), "false",
		})
	}
}

func (c *call) repoRows(w *csv.Writer) {
	st := c.s.st
	for _, r := range st.repos {
		ownerType, ownerID := "User", int64(0)
		if o := st.orgByLogin(r.owner); o != nil {
			ownerType, ownerID = "Organization", o.id
		} else if u := st.userByLogin(r.owner); u != nil {
			ownerID = u.id
		}
		size := int64(1024 * (1 + r.pushes))
		_ = w.Write([]string{
			c.s.now().UTC().Format(time.RFC3339), strconv.FormatInt(ownerID, 10), ownerType, r.owner,
			strconv.FormatInt(r.id, 10), r.name, "public", strconv.FormatInt(size/1024, 10) + " KB",
			strconv.FormatInt(size, 10), "0", yesNo(r.fork), "false",
		})
	}
}

// WebURL is the instance's web origin, where the site-admin reports are
// served (/stafftools/reports/…), without a trailing slash.
func (s *Server) WebURL() string { return s.apiURL }
