package ghesadmin

import (
	"context"
	"fmt"
	"net/http"
)

// ActionsCacheService reads an enterprise's GitHub Actions cache usage and
// manages its cache size policy (GitHub's docs: actions/cache).
type ActionsCacheService service

// ActionsCacheUsage is the GitHub Actions cache usage of an enterprise.
type ActionsCacheUsage struct {
	// TotalActiveCachesCount is the number of active caches.
	TotalActiveCachesCount int `json:"total_active_caches_count"`
	// TotalActiveCachesSizeInBytes is their total size.
	TotalActiveCachesSizeInBytes int64 `json:"total_active_caches_size_in_bytes"`
}

// ActionsCacheUsagePolicy is an enterprise's GitHub Actions cache size
// policy for its repositories.
type ActionsCacheUsagePolicy struct {
	// RepoCacheSizeLimitInGB is the default cache size limit of a
	// repository, in GB.
	RepoCacheSizeLimitInGB int `json:"repo_cache_size_limit_in_gb"`
	// MaxRepoCacheSizeLimitInGB is the largest limit a repository may be
	// given, in GB.
	MaxRepoCacheSizeLimitInGB int `json:"max_repo_cache_size_limit_in_gb"`
}

// SetActionsCacheUsagePolicyRequest is the body of
// ActionsCacheService.SetUsagePolicy; a nil field is left unchanged.
type SetActionsCacheUsagePolicyRequest struct {
	// RepoCacheSizeLimitInGB may not exceed the maximum.
	RepoCacheSizeLimitInGB *int `json:"repo_cache_size_limit_in_gb,omitempty"`
	// MaxRepoCacheSizeLimitInGB may not exceed the instance's limit.
	MaxRepoCacheSizeLimitInGB *int `json:"max_repo_cache_size_limit_in_gb,omitempty"`
}

func (r SetActionsCacheUsagePolicyRequest) validate() error {
	const m = "ActionsCache.SetUsagePolicy: SetActionsCacheUsagePolicyRequest"
	if r.RepoCacheSizeLimitInGB == nil && r.MaxRepoCacheSizeLimitInGB == nil {
		return fmt.Errorf("%w: %s sets nothing; set RepoCacheSizeLimitInGB or MaxRepoCacheSizeLimitInGB", ErrInvalidArgument, m)
	}
	if v := r.RepoCacheSizeLimitInGB; v != nil && *v < 0 {
		return fmt.Errorf("%w: %s.RepoCacheSizeLimitInGB is %d; want 0 or more", ErrInvalidArgument, m, *v)
	}
	if v := r.MaxRepoCacheSizeLimitInGB; v != nil && *v < 1 {
		return fmt.Errorf("%w: %s.MaxRepoCacheSizeLimitInGB is %d; want 1 or more", ErrInvalidArgument, m, *v)
	}
	if r.RepoCacheSizeLimitInGB != nil && r.MaxRepoCacheSizeLimitInGB != nil && *r.RepoCacheSizeLimitInGB > *r.MaxRepoCacheSizeLimitInGB {
		return fmt.Errorf("%w: %s.RepoCacheSizeLimitInGB (%d) is above MaxRepoCacheSizeLimitInGB (%d)", ErrInvalidArgument, m, *r.RepoCacheSizeLimitInGB, *r.MaxRepoCacheSizeLimitInGB)
	}
	return nil
}

// GetUsage returns the GitHub Actions cache usage of an enterprise.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/cache#get-github-actions-cache-usage-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/cache/usage (GHES 3.4 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/cache/usage
func (s *ActionsCacheService) GetUsage(ctx context.Context, enterprise string) (*ActionsCacheUsage, *Response, error) {
	return fetch[ActionsCacheUsage](ctx, s.backend, &request{op: "ActionsCache.GetUsage", method: http.MethodGet, path: "enterprises/{enterprise}/actions/cache/usage", args: []any{enterprise}})
}

// GetUsagePolicy returns an enterprise's GitHub Actions cache size policy.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/cache#get-github-actions-cache-usage-policy-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/actions/cache/usage-policy (GHES 3.4 and later).
//
//meta:operation GET /enterprises/{enterprise}/actions/cache/usage-policy
func (s *ActionsCacheService) GetUsagePolicy(ctx context.Context, enterprise string) (*ActionsCacheUsagePolicy, *Response, error) {
	return fetch[ActionsCacheUsagePolicy](ctx, s.backend, &request{op: "ActionsCache.GetUsagePolicy", method: http.MethodGet, path: "enterprises/{enterprise}/actions/cache/usage-policy", args: []any{enterprise}})
}

// SetUsagePolicy sets an enterprise's GitHub Actions cache size policy. A
// limit above the maximum is a *ValidationError (422).
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/actions/cache#set-github-actions-cache-usage-policy-for-an-enterprise
//
// GHES API: PATCH /enterprises/{enterprise}/actions/cache/usage-policy (GHES 3.4 and later).
//
//meta:operation PATCH /enterprises/{enterprise}/actions/cache/usage-policy
func (s *ActionsCacheService) SetUsagePolicy(ctx context.Context, enterprise string, body SetActionsCacheUsagePolicyRequest) (*Response, error) {
	return s.backend.call(ctx, &request{op: "ActionsCache.SetUsagePolicy", method: http.MethodPatch, path: "enterprises/{enterprise}/actions/cache/usage-policy", args: []any{enterprise}, json: body}, nil)
}
