package ghestest

import (
	"strings"
	"time"
)

// User returns a user's current state by login (case-insensitive), and
// whether it exists. Tests use it to assert what their automation did.
func (s *Server) User(login string) (User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.st.userByLogin(login)
	if u == nil {
		return User{}, false
	}
	return User{Login: u.login, Email: u.email, SiteAdmin: u.siteAdmin, Suspended: u.suspended, LDAPDN: u.ldapDN, SuspendReason: u.suspendReason}, true
}

// UserID returns a user's id, or 0.
func (s *Server) UserID(login string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.st.userByLogin(login); u != nil {
		return u.id
	}
	return 0
}

// OrgID returns an organization's id, or 0.
func (s *Server) OrgID(login string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if o := s.st.orgByLogin(login); o != nil {
		return o.id
	}
	return 0
}

// TeamID returns the id of the team with this slug in an organization, or 0.
func (s *Server) TeamID(org, slug string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.st.orgByLogin(org)
	if o == nil {
		return 0
	}
	for _, t := range s.st.teams {
		if t.orgID == o.id && strings.EqualFold(t.slug, slug) {
			return t.id
		}
	}
	return 0
}

// RepoID returns a repository's id, or 0.
func (s *Server) RepoID(owner, name string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r := s.st.repoByName(owner, name); r != nil {
		return r.id
	}
	return 0
}

// RunnerID returns the id of the runner with this name, or 0.
func (s *Server) RunnerID(name string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.st.runners {
		if strings.EqualFold(r.name, name) {
			return r.id
		}
	}
	return 0
}

// RunnerGroupID returns the id of the runner group with this name
// ("Default" for the default group), or 0.
func (s *Server) RunnerGroupID(name string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if g := s.st.groupByName(name); g != nil {
		return g.id
	}
	return 0
}

// DefaultEnvironmentID returns the id of the default pre-receive
// environment.
func (s *Server) DefaultEnvironmentID() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.st.envs {
		if e.isDefault {
			return e.id
		}
	}
	return 0
}

// Maintenance returns the maintenance status ("off", "on" or "scheduled")
// shared by the Management Console and the Manage GHES API, and the
// scheduled start when scheduled.
func (s *Server) Maintenance() (status string, scheduled time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := &s.st.admin.maintenance
	st := m.status(s.now())
	if st == "scheduled" {
		scheduled = *m.scheduled
	}
	return st, scheduled
}

// Setting returns the value of a settings key by dotted path, such as
// "public_pages" or "smtp.address", as decoded from JSON, and whether it is
// set.
func (s *Server) Setting(path string) (any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var cur any = s.st.admin.settings
	for _, k := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[k]; !ok {
			return nil, false
		}
	}
	return cur, true
}
