package ghesadmin

import (
	"context"
	"net/http"
	"testing"
)

func TestActionsCacheEndpoints(t *testing.T) {
	policy := "/actions/cache/usage-policy"
	runEndpointCases(t, []endpointCase{
		{
			name: "GetUsage",
			call: call{Method: http.MethodGet, Path: acmePath("/actions/cache/usage"), Reply: "actions_cache/usage.json"},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.ActionsCache.GetUsage(ctx, acmeEnterprise)
			},
			want: &ActionsCacheUsage{TotalActiveCachesCount: 3, TotalActiveCachesSizeInBytes: 10737418240},
		},
		{
			name: "GetUsagePolicy",
			call: call{Method: http.MethodGet, Path: acmePath(policy), Reply: "actions_cache/usage_policy.json"},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.ActionsCache.GetUsagePolicy(ctx, acmeEnterprise)
			},
			want: &ActionsCacheUsagePolicy{RepoCacheSizeLimitInGB: 10, MaxRepoCacheSizeLimitInGB: 15},
		},
		{
			name: "SetUsagePolicy every field",
			call: call{Method: http.MethodPatch, Path: acmePath(policy), JSON: `{"repo_cache_size_limit_in_gb":0,"max_repo_cache_size_limit_in_gb":15}`, Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsCache.SetUsagePolicy(ctx, acmeEnterprise, SetActionsCacheUsagePolicyRequest{RepoCacheSizeLimitInGB: Ptr(0), MaxRepoCacheSizeLimitInGB: Ptr(15)}))
			},
		},
		{
			name: "SetUsagePolicy maximum only",
			call: call{Method: http.MethodPatch, Path: acmePath(policy), JSON: `{"max_repo_cache_size_limit_in_gb":1}`, Status: http.StatusNoContent},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsCache.SetUsagePolicy(ctx, acmeEnterprise, SetActionsCacheUsagePolicyRequest{MaxRepoCacheSizeLimitInGB: Ptr(1)}))
			},
		},
	})
	runErrorCases(t, []errorCase{
		{
			name: "SetUsagePolicy 422",
			call: call{Method: http.MethodPatch, Path: acmePath(policy), JSON: `{"repo_cache_size_limit_in_gb":500}`, Status: http.StatusUnprocessableEntity, ReplyJSON: replyValidation},
			do: func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.ActionsCache.SetUsagePolicy(ctx, acmeEnterprise, SetActionsCacheUsagePolicyRequest{RepoCacheSizeLimitInGB: Ptr(500)}))
			},
		},
	})
}

func TestActionsCacheRefusesBadInput(t *testing.T) {
	set := func(body SetActionsCacheUsagePolicyRequest) func(context.Context, *Client) error {
		return func(ctx context.Context, c *Client) error {
			_, err := c.ActionsCache.SetUsagePolicy(ctx, acmeEnterprise, body)
			return err
		}
	}
	const m = "ActionsCache.SetUsagePolicy"
	runRefusedCases(t, []refusedCase{
		{"nothing set", set(SetActionsCacheUsagePolicyRequest{}), []string{m, "RepoCacheSizeLimitInGB", "MaxRepoCacheSizeLimitInGB"}},
		{"negative limit", set(SetActionsCacheUsagePolicyRequest{RepoCacheSizeLimitInGB: Ptr(-1)}), []string{m, "RepoCacheSizeLimitInGB is -1"}},
		{"zero maximum", set(SetActionsCacheUsagePolicyRequest{MaxRepoCacheSizeLimitInGB: Ptr(0)}), []string{m, "MaxRepoCacheSizeLimitInGB is 0"}},
		{"limit above maximum", set(SetActionsCacheUsagePolicyRequest{RepoCacheSizeLimitInGB: Ptr(20), MaxRepoCacheSizeLimitInGB: Ptr(15)}), []string{m, "RepoCacheSizeLimitInGB (20)", "MaxRepoCacheSizeLimitInGB (15)"}},
	})
}
