package ghestest

import (
	"errors"
	"net/http"
)

// SetActionsCacheUsage sets the enterprise's Actions cache usage that GET
// /enterprises/{enterprise}/actions/cache/usage reports: the number of
// active caches and their total size in bytes. Both must be 0 or more.
func (s *Server) SetActionsCacheUsage(count int, sizeInBytes int64) error {
	if count < 0 || sizeInBytes < 0 {
		return errors.New("ghestest: SetActionsCacheUsage: negative usage")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.st.pol()
	p.cacheCount, p.cacheBytes = count, sizeInBytes
	return nil
}

func hGetCacheUsage(c *call) {
	p := c.s.st.pol()
	c.json(http.StatusOK, map[string]any{"total_active_caches_count": p.cacheCount, "total_active_caches_size_in_bytes": p.cacheBytes})
}

func hGetCachePolicy(c *call) {
	p := c.s.st.pol()
	c.json(http.StatusOK, map[string]any{"repo_cache_size_limit_in_gb": p.repoCacheGB, "max_repo_cache_size_limit_in_gb": p.maxRepoCache})
}

// hSetCachePolicy sets the policy: the repository limit may not exceed the
// maximum (the new one, or the current one when only the limit is sent),
// and neither may be negative.
func hSetCachePolicy(c *call) {
	var b struct {
		Repo *int `json:"repo_cache_size_limit_in_gb"`
		Max  *int `json:"max_repo_cache_size_limit_in_gb"`
	}
	if !c.decode(&b, false) {
		return
	}
	const res = "ActionsCacheUsagePolicy"
	p := c.s.st.pol()
	repo, maxGB := p.repoCacheGB, p.maxRepoCache
	assign(&repo, b.Repo)
	assign(&maxGB, b.Max)
	switch {
	case b.Repo != nil && *b.Repo < 0:
		c.invalid(res, "repo_cache_size_limit_in_gb", "invalid", "repo_cache_size_limit_in_gb must be 0 or more")
	case b.Max != nil && *b.Max < 1:
		c.invalid(res, "max_repo_cache_size_limit_in_gb", "invalid", "max_repo_cache_size_limit_in_gb must be 1 or more")
	case repo > maxGB:
		c.invalid(res, "repo_cache_size_limit_in_gb", "invalid", "repo_cache_size_limit_in_gb must be less than or equal to max_repo_cache_size_limit_in_gb ("+polItoa(maxGB)+")")
	default:
		p.repoCacheGB, p.maxRepoCache = repo, maxGB
		c.noContent()
	}
}

// actionsCacheRoutes are the routes of the enterprise's Actions cache usage and policy.
var actionsCacheRoutes = []route{
	{"GET /enterprises/{enterprise}/actions/cache/usage", accessAdmin, "", ent(hGetCacheUsage)},
	{"GET /enterprises/{enterprise}/actions/cache/usage-policy", accessAdmin, "", ent(hGetCachePolicy)},
	{"PATCH /enterprises/{enterprise}/actions/cache/usage-policy", accessAdmin, "", ent(hSetCachePolicy)},
}
