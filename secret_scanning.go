package ghesadmin

import (
	"context"
	"fmt"
	"net/http"
)

// PushProtectionSetting is the push protection setting of a secret
// pattern.
type PushProtectionSetting string

// The push protection settings.
const (
	PushProtectionNotSet   PushProtectionSetting = "not-set"
	PushProtectionDisabled PushProtectionSetting = "disabled"
	PushProtectionEnabled  PushProtectionSetting = "enabled"
)

// SecretPatternOverride is the push protection configuration of one
// provider or custom secret pattern.
type SecretPatternOverride struct {
	TokenType            string  `json:"token_type,omitempty"`
	CustomPatternVersion *string `json:"custom_pattern_version"`
	Slug                 string  `json:"slug,omitempty"`
	DisplayName          string  `json:"display_name,omitempty"`
	AlertTotal           int     `json:"alert_total"`
	AlertTotalPercentage int     `json:"alert_total_percentage"`
	FalsePositives       int     `json:"false_positives"`
	FalsePositiveRate    int     `json:"false_positive_rate"`
	BypassRate           int     `json:"bypass_rate"`
	// DefaultSetting is the pattern's default, "enabled" or "disabled".
	DefaultSetting PushProtectionSetting `json:"default_setting,omitempty"`
	// EnterpriseSetting is the enterprise's setting, or nil.
	EnterpriseSetting *PushProtectionSetting `json:"enterprise_setting"`
	// Setting is the setting in force.
	Setting PushProtectionSetting `json:"setting,omitempty"`
}

// SecretPatternConfigurations are the push protection configurations of
// the enterprise's secret patterns (GHES 3.19 and later).
type SecretPatternConfigurations struct {
	// PatternConfigVersion identifies this version of the
	// configurations; send it back with an update.
	PatternConfigVersion     *string                  `json:"pattern_config_version"`
	ProviderPatternOverrides []*SecretPatternOverride `json:"provider_pattern_overrides"`
	CustomPatternOverrides   []*SecretPatternOverride `json:"custom_pattern_overrides"`
}

// ProviderPatternSetting sets push protection for a provider pattern.
type ProviderPatternSetting struct {
	TokenType             string                `json:"token_type"`
	PushProtectionSetting PushProtectionSetting `json:"push_protection_setting"`
}

// CustomPatternSetting sets push protection for a custom pattern.
type CustomPatternSetting struct {
	TokenType            string  `json:"token_type"`
	CustomPatternVersion *string `json:"custom_pattern_version,omitempty"`
	// PushProtectionSetting is "enabled" or "disabled".
	PushProtectionSetting PushProtectionSetting `json:"push_protection_setting"`
}

// UpdateSecretPatternConfigurationsRequest is the body of
// SecretScanningService.UpdatePatternConfigurations.
type UpdateSecretPatternConfigurationsRequest struct {
	// PatternConfigVersion is the version read last; the server refuses
	// the update (409) when the configurations changed since.
	PatternConfigVersion    *string                   `json:"pattern_config_version,omitempty"`
	ProviderPatternSettings []*ProviderPatternSetting `json:"provider_pattern_settings,omitempty"`
	CustomPatternSettings   []*CustomPatternSetting   `json:"custom_pattern_settings,omitempty"`
}

func (r UpdateSecretPatternConfigurationsRequest) check(m string) error {
	for i, p := range r.ProviderPatternSettings {
		if p == nil || p.TokenType == "" {
			return fmt.Errorf("%w: %s: ProviderPatternSettings[%d].TokenType is empty", ErrInvalidArgument, m, i)
		}
		if err := checkEnum(m, fmt.Sprintf("ProviderPatternSettings[%d].PushProtectionSetting", i), p.PushProtectionSetting, false, PushProtectionNotSet, PushProtectionDisabled, PushProtectionEnabled); err != nil {
			return err
		}
	}
	for i, p := range r.CustomPatternSettings {
		if p == nil || p.TokenType == "" {
			return fmt.Errorf("%w: %s: CustomPatternSettings[%d].TokenType is empty", ErrInvalidArgument, m, i)
		}
		if err := checkEnum(m, fmt.Sprintf("CustomPatternSettings[%d].PushProtectionSetting", i), p.PushProtectionSetting, false, PushProtectionDisabled, PushProtectionEnabled); err != nil {
			return err
		}
	}
	return nil
}

// SecretPatternConfigVersion is the reply of an update: the new version.
type SecretPatternConfigVersion struct {
	PatternConfigVersion string `json:"pattern_config_version"`
}

// ListPatternConfigurations returns the push protection configurations of
// the enterprise's secret patterns.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/secret-scanning/push-protection#list-enterprise-pattern-configurations
//
// GHES API: GET /enterprises/{enterprise}/secret-scanning/pattern-configurations (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/secret-scanning/pattern-configurations
func (s *SecretScanningService) ListPatternConfigurations(ctx context.Context, enterprise string) (*SecretPatternConfigurations, *Response, error) {
	return fetch[SecretPatternConfigurations](ctx, s.backend, &request{op: "SecretScanning.ListPatternConfigurations", method: http.MethodGet, path: "enterprises/{enterprise}/secret-scanning/pattern-configurations", args: []any{enterprise}})
}

// UpdatePatternConfigurations changes the push protection settings of
// secret patterns and returns the configurations' new version.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/secret-scanning/push-protection#update-enterprise-pattern-configurations
//
// GHES API: PATCH /enterprises/{enterprise}/secret-scanning/pattern-configurations (GHES 3.19 and later).
//
//meta:operation PATCH /enterprises/{enterprise}/secret-scanning/pattern-configurations
func (s *SecretScanningService) UpdatePatternConfigurations(ctx context.Context, enterprise string, body UpdateSecretPatternConfigurationsRequest) (*SecretPatternConfigVersion, *Response, error) {
	return fetch[SecretPatternConfigVersion](ctx, s.backend, &request{op: "SecretScanning.UpdatePatternConfigurations", method: http.MethodPatch, path: "enterprises/{enterprise}/secret-scanning/pattern-configurations", args: []any{enterprise}, json: body})
}
