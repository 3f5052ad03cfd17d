package ghestest

import "time"

// securitySeed is what the code security, custom property and alert
// options seed.
type securitySeed struct {
	codeScanning   []CodeScanningAlert
	dependabot     []DependabotAlert
	secretScanning []SecretScanningAlert
	orgProperties  []OrgCustomProperty
}

// CodeScanningAlert seeds a code scanning alert. Repo is "owner/name" of a
// seeded repository.
type CodeScanningAlert struct {
	Repo string `json:"repo"`
	// State is open (the default), closed, dismissed or fixed.
	State string `json:"state,omitempty"`
	// Severity is the rule's security severity: low, medium, high or
	// critical.
	Severity string `json:"severity,omitempty"`
	RuleID   string `json:"rule_id,omitempty"`
	// ToolName is the analysis tool (default "CodeQL").
	ToolName string `json:"tool_name,omitempty"`
	// Path is the file the alert is in.
	Path string `json:"path,omitempty"`
	// Assignee is a login the alert is assigned to, if any.
	Assignee  string    `json:"assignee,omitempty"`
	CreatedAt time.Time `json:"created_at,omitempty"`
}

// DependabotAlert seeds a Dependabot alert. Repo is "owner/name" of a
// seeded repository.
type DependabotAlert struct {
	Repo string `json:"repo"`
	// State is open (the default), dismissed, fixed or auto_dismissed.
	State string `json:"state,omitempty"`
	// Severity is low, medium, high or critical (default medium).
	Severity string `json:"severity,omitempty"`
	// Ecosystem is the package's ecosystem (default "npm").
	Ecosystem string `json:"ecosystem,omitempty"`
	Package   string `json:"package,omitempty"`
	// Scope is runtime (the default) or development.
	Scope     string    `json:"scope,omitempty"`
	GHSAID    string    `json:"ghsa_id,omitempty"`
	CVEID     string    `json:"cve_id,omitempty"`
	Patched   string    `json:"patched,omitempty"`
	CreatedAt time.Time `json:"created_at,omitempty"`
}

// SecretScanningAlert seeds a secret scanning alert. Repo is "owner/name"
// of a seeded repository.
type SecretScanningAlert struct {
	Repo string `json:"repo"`
	// State is open (the default) or resolved.
	State string `json:"state,omitempty"`
	// Resolution of a resolved alert: false_positive, wont_fix, revoked,
	// used_in_tests.
	Resolution string `json:"resolution,omitempty"`
	// SecretType is the pattern's token type (default
	// "github_personal_access_token").
	SecretType string `json:"secret_type,omitempty"`
	Secret     string `json:"secret,omitempty"`
	// Validity is active, inactive or unknown (the default).
	Validity         string    `json:"validity,omitempty"`
	PubliclyLeaked   bool      `json:"publicly_leaked,omitempty"`
	MultiRepo        bool      `json:"multi_repo,omitempty"`
	CreatedAt        time.Time `json:"created_at,omitempty"`
	PushProtectionBy string    `json:"push_protection_bypassed_by,omitempty"`
}

// OrgCustomProperty seeds a custom property an organization defines, which
// the enterprise can promote.
type OrgCustomProperty struct {
	Org  string `json:"org"`
	Name string `json:"name"`
	// ValueType is string (the default), single_select, multi_select or
	// true_false.
	ValueType     string   `json:"value_type,omitempty"`
	AllowedValues []string `json:"allowed_values,omitempty"`
	Required      bool     `json:"required,omitempty"`
	DefaultValue  string   `json:"default_value,omitempty"`
}

// WithCodeScanningAlerts seeds code scanning alerts.
func WithCodeScanningAlerts(alerts ...CodeScanningAlert) Option {
	return func(c *config) error {
		c.security.codeScanning = append(c.security.codeScanning, alerts...)
		return nil
	}
}

// WithDependabotAlerts seeds Dependabot alerts.
func WithDependabotAlerts(alerts ...DependabotAlert) Option {
	return func(c *config) error { c.security.dependabot = append(c.security.dependabot, alerts...); return nil }
}

// WithSecretScanningAlerts seeds secret scanning alerts.
func WithSecretScanningAlerts(alerts ...SecretScanningAlert) Option {
	return func(c *config) error {
		c.security.secretScanning = append(c.security.secretScanning, alerts...)
		return nil
	}
}

// WithOrgCustomProperties seeds organization custom properties.
func WithOrgCustomProperties(props ...OrgCustomProperty) Option {
	return func(c *config) error {
		c.security.orgProperties = append(c.security.orgProperties, props...)
		return nil
	}
}
