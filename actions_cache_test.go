package ghesadmin

import (
	"net/http"
	"testing"
)

func actionsCache(c *Client) *ActionsCacheService { return c.ActionsCache }

const acPolicy = "/actions/cache/usage-policy"

func TestActionsCacheEndpoints(t *testing.T) {
	ac := actionsCache
	type svc = *ActionsCacheService
	runEndpointCases(t, []endpointCase{
		{"GetUsage", acmeCall(http.MethodGet, "/actions/cache/usage", "", "actions_cache/usage.json"), enterpriseGet(ac, svc.GetUsage),
			&ActionsCacheUsage{TotalActiveCachesCount: 3, TotalActiveCachesSizeInBytes: 10737418240}},
		{"GetUsagePolicy", acmeCall(http.MethodGet, acPolicy, "", "actions_cache/usage_policy.json"), enterpriseGet(ac, svc.GetUsagePolicy),
			&ActionsCacheUsagePolicy{RepoCacheSizeLimitInGB: 10, MaxRepoCacheSizeLimitInGB: 15}},
		{"SetUsagePolicy every field", acmeCall(http.MethodPatch, acPolicy, `{"repo_cache_size_limit_in_gb":0,"max_repo_cache_size_limit_in_gb":15}`, ""),
			enterpriseSet(ac, svc.SetUsagePolicy, SetActionsCacheUsagePolicyRequest{RepoCacheSizeLimitInGB: Ptr(0), MaxRepoCacheSizeLimitInGB: Ptr(15)}), nil},
		{"SetUsagePolicy maximum only", acmeCall(http.MethodPatch, acPolicy, `{"max_repo_cache_size_limit_in_gb":1}`, ""),
			enterpriseSet(ac, svc.SetUsagePolicy, SetActionsCacheUsagePolicyRequest{MaxRepoCacheSizeLimitInGB: Ptr(1)}), nil},
		{"SetUsagePolicy 422", errorCall(http.MethodPatch, acPolicy, `{"repo_cache_size_limit_in_gb":500}`, http.StatusUnprocessableEntity, replyValidation),
			enterpriseSet(ac, svc.SetUsagePolicy, SetActionsCacheUsagePolicyRequest{RepoCacheSizeLimitInGB: Ptr(500)}), validationErrors},
	})
}

func TestActionsCacheRefusesBadInput(t *testing.T) {
	set := func(body SetActionsCacheUsagePolicyRequest) endpointFunc {
		return enterpriseSet(actionsCache, (*ActionsCacheService).SetUsagePolicy, body)
	}
	const m = "ActionsCache.SetUsagePolicy"
	runRefusedCases(t, []refusedCase{
		{"nothing set", set(SetActionsCacheUsagePolicyRequest{}), []string{m, "RepoCacheSizeLimitInGB", "MaxRepoCacheSizeLimitInGB"}},
		{"negative limit", set(SetActionsCacheUsagePolicyRequest{RepoCacheSizeLimitInGB: Ptr(-1)}), []string{m, "RepoCacheSizeLimitInGB is -1"}},
		{"zero maximum", set(SetActionsCacheUsagePolicyRequest{MaxRepoCacheSizeLimitInGB: Ptr(0)}), []string{m, "MaxRepoCacheSizeLimitInGB is 0"}},
		{"limit above maximum", set(SetActionsCacheUsagePolicyRequest{RepoCacheSizeLimitInGB: Ptr(20), MaxRepoCacheSizeLimitInGB: Ptr(15)}), []string{m, "RepoCacheSizeLimitInGB (20)", "MaxRepoCacheSizeLimitInGB (15)"}},
	})
}
