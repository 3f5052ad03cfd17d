package ghesadmin

import (
	"context"
	"net/http"
	"testing"
)

// schemaPatternOverride is a pattern of
// secret_scanning/pattern_configurations.json.
func schemaPatternOverride() *SecretPatternOverride {
	return &SecretPatternOverride{
		TokenType:            "value-of-token_type",
		CustomPatternVersion: Ptr("value-of-custom_pattern_version"),
		Slug:                 "value-of-slug",
		DisplayName:          "value-of-display_name",
		AlertTotal:           7,
		AlertTotalPercentage: 7,
		FalsePositives:       7,
		FalsePositiveRate:    7,
		BypassRate:           7,
		DefaultSetting:       PushProtectionDisabled,
		EnterpriseSetting:    Ptr(PushProtectionNotSet),
		Setting:              PushProtectionNotSet,
	}
}

func TestSecretScanningListPatternConfigurations(t *testing.T) {
	testReplyCases(t, "secret_scanning/pattern_configurations.json", SecretPatternConfigurations{
		PatternConfigVersion:     Ptr("value-of-pattern_config_version"),
		ProviderPatternOverrides: []*SecretPatternOverride{schemaPatternOverride()},
		CustomPatternOverrides:   []*SecretPatternOverride{schemaPatternOverride()},
	}, []replyCase[SecretPatternConfigurations]{{"ListPatternConfigurations", call{Method: http.MethodGet, Path: "/enterprises/" + acmeCorpEscaped + "/secret-scanning/pattern-configurations"},
		func(c *Client) (*SecretPatternConfigurations, *Response, error) {
			return c.SecretScanning.ListPatternConfigurations(context.Background(), acmeCorp)
		}}})
}

func TestSecretScanningUpdatePatternConfigurations(t *testing.T) {
	for _, tc := range []bodyCase[UpdateSecretPatternConfigurationsRequest]{
		{"every field", UpdateSecretPatternConfigurationsRequest{
			PatternConfigVersion: Ptr("0ujsswThIGTUYm2K8FjOOfXtY1K"),
			ProviderPatternSettings: []*ProviderPatternSetting{
				{TokenType: "GITHUB_PERSONAL_ACCESS_TOKEN", PushProtectionSetting: PushProtectionEnabled},
				{TokenType: "AWS_ACCESS_KEY_ID", PushProtectionSetting: PushProtectionNotSet},
			},
			CustomPatternSettings: []*CustomPatternSetting{
				{TokenType: "cp_2", CustomPatternVersion: Ptr("0ujsswThIGTUYm2K8FjOOfXtY1K"), PushProtectionSetting: PushProtectionDisabled},
			},
		}, `{"pattern_config_version":"0ujsswThIGTUYm2K8FjOOfXtY1K",
			"provider_pattern_settings":[{"token_type":"GITHUB_PERSONAL_ACCESS_TOKEN","push_protection_setting":"enabled"},
				{"token_type":"AWS_ACCESS_KEY_ID","push_protection_setting":"not-set"}],
			"custom_pattern_settings":[{"token_type":"cp_2","custom_pattern_version":"0ujsswThIGTUYm2K8FjOOfXtY1K","push_protection_setting":"disabled"}]}`},
		{"optional fields absent", UpdateSecretPatternConfigurationsRequest{
			CustomPatternSettings: []*CustomPatternSetting{{TokenType: "cp_3", PushProtectionSetting: PushProtectionEnabled}},
		}, `{"custom_pattern_settings":[{"token_type":"cp_3","push_protection_setting":"enabled"}]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := mock(t)
			env.expect(t, call{Method: http.MethodPatch, Path: "/enterprises/" + acmeCorpEscaped + "/secret-scanning/pattern-configurations", JSON: tc.json, Reply: "secret_scanning/pattern_version.json"})
			got, resp, err := env.Client.SecretScanning.UpdatePatternConfigurations(context.Background(), acmeCorp, tc.body)
			requireStatus(t, resp, err, http.StatusOK)
			assertFields(t, "version", *got, SecretPatternConfigVersion{PatternConfigVersion: "value-of-pattern_config_version"})
		})
	}
	assertCoversFixture(t, "secret_scanning/pattern_version.json", SecretPatternConfigVersion{})
}

func TestSecretScanningPatternErrorReplies(t *testing.T) {
	path := "/enterprises/" + acmeCorpEscaped + "/secret-scanning/pattern-configurations"
	testErrorReplies(t, []errorReply{
		{"ListPatternConfigurations", call{Method: http.MethodGet, Path: path}, []int{403, 404}, func(ctx context.Context, c *Client) (*Response, error) {
			_, r, err := c.SecretScanning.ListPatternConfigurations(ctx, acmeCorp)
			return r, err
		}},
		{"UpdatePatternConfigurations", call{Method: http.MethodPatch, Path: path, JSON: `{"pattern_config_version":"v1"}`}, []int{400, 403, 404, 409, 422},
			func(ctx context.Context, c *Client) (*Response, error) {
				_, r, err := c.SecretScanning.UpdatePatternConfigurations(ctx, acmeCorp, UpdateSecretPatternConfigurationsRequest{PatternConfigVersion: Ptr("v1")})
				return r, err
			}},
	})
}

func TestSecretScanningPatternArgumentsRefused(t *testing.T) {
	env := mock(t) // no expectations: a request sent fails the test
	ctx, s := context.Background(), env.Client.SecretScanning
	const up = "SecretScanning.UpdatePatternConfigurations"
	update := func(r UpdateSecretPatternConfigurationsRequest) error {
		return second3(s.UpdatePatternConfigurations(ctx, "e", r))
	}
	checkRefusals(t, []refusal{
		{up + ": ProviderPatternSettings[0].PushProtectionSetting", update(UpdateSecretPatternConfigurationsRequest{
			ProviderPatternSettings: []*ProviderPatternSetting{{TokenType: "t", PushProtectionSetting: "on"}}}), up, "ProviderPatternSettings[0].PushProtectionSetting"},
		{up + ": ProviderPatternSettings[0].TokenType", update(UpdateSecretPatternConfigurationsRequest{
			ProviderPatternSettings: []*ProviderPatternSetting{{PushProtectionSetting: PushProtectionEnabled}}}), up, "ProviderPatternSettings[0].TokenType"},
		{up + ": CustomPatternSettings[0].PushProtectionSetting", update(UpdateSecretPatternConfigurationsRequest{
			CustomPatternSettings: []*CustomPatternSetting{{TokenType: "t", PushProtectionSetting: PushProtectionNotSet}}}), up, "CustomPatternSettings[0].PushProtectionSetting"},
		{up + ": CustomPatternSettings[1].TokenType", update(UpdateSecretPatternConfigurationsRequest{
			CustomPatternSettings: []*CustomPatternSetting{{TokenType: "t", PushProtectionSetting: PushProtectionEnabled}, nil}}), up, "CustomPatternSettings[1].TokenType"},
		{up + ": enterprise", second3(s.UpdatePatternConfigurations(ctx, "", UpdateSecretPatternConfigurationsRequest{})), up, "enterprise"},
		{"SecretScanning.ListPatternConfigurations: enterprise", second3(s.ListPatternConfigurations(ctx, "")), "SecretScanning.ListPatternConfigurations", "enterprise"},
	})
}
