package ghestest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Seed is the whole initial state of a fake, as one value: what WithUsers,
// WithOrgs, WithTeams, WithRepos, WithPublicKeys, WithTokens,
// WithRunnerGroups, WithRunners and the With…Alerts options seed one by one. Its JSON form is the
// seed file of `ghesfake -seed` (see SeedFormat); ReadSeed reads it.
type Seed struct {
	Users        []User        `json:"users,omitempty"`
	Orgs         []Org         `json:"orgs,omitempty"`
	Teams        []Team        `json:"teams,omitempty"`
	Repos        []Repo        `json:"repos,omitempty"`
	PublicKeys   []PublicKey   `json:"public_keys,omitempty"`
	Tokens       []Token       `json:"tokens,omitempty"`
	RunnerGroups []RunnerGroup `json:"runner_groups,omitempty"`
	Runners      []Runner      `json:"runners,omitempty"`
	// Alerts of the enterprise's repositories (GHES 3.x).
	CodeScanningAlerts   []CodeScanningAlert   `json:"code_scanning_alerts,omitempty"`
	DependabotAlerts     []DependabotAlert     `json:"dependabot_alerts,omitempty"`
	SecretScanningAlerts []SecretScanningAlert `json:"secret_scanning_alerts,omitempty"`
}

// SeedFormat documents the JSON of a seed file; `ghesfake -h` prints it.
const SeedFormat = `A seed file is one JSON object; every key is optional and every list is
seeded in this order (later entries may name earlier ones):

  {
    "users":  [{"login": "mona", "email": "mona@example.com", "site_admin": false,
                "suspended": false, "suspend_reason": "", "ldap_dn": ""}],
    "orgs":   [{"login": "acme", "profile_name": "Acme", "admin": "mona", "disabled": false}],
    "teams":  [{"org": "acme", "name": "Site Reliability", "members": ["mona"], "ldap_dn": ""}],
    "repos":  [{"owner": "acme", "name": "app", "fork": false, "wiki": false, "pages": false,
                "archived": false, "pushes": 0}],
    "public_keys": [{"user": "mona", "title": "laptop", "key": "ssh-ed25519 AAAA…",
                "repo": "", "read_only": false, "verified": true,
                "created_at": "2024-01-02T03:04:05Z", "last_used": "2024-06-01T00:00:00Z"}],
    "tokens": [{"user": "mona", "value": "ghp_mona", "note": "ci", "scopes": ["repo"]}],
    "runner_groups": [{"name": "restricted", "visibility": "selected", "orgs": ["acme"],
                "allows_public_repositories": false}],
    "runners": [{"name": "build-1", "os": "linux", "status": "online", "busy": false,
                "ephemeral": false, "labels": ["gpu"], "group": "restricted"}],
    "code_scanning_alerts": [{"repo": "acme/app", "state": "open", "severity": "high",
                "rule_id": "js/xss", "tool_name": "CodeQL", "path": "src/app.js"}],
    "dependabot_alerts": [{"repo": "acme/app", "state": "open", "severity": "critical",
                "ecosystem": "npm", "package": "lodash", "scope": "runtime",
                "ghsa_id": "GHSA-…", "cve_id": "CVE-…", "patched": "4.17.21"}],
    "secret_scanning_alerts": [{"repo": "acme/app", "state": "open",
                "secret_type": "github_personal_access_token", "validity": "active"}]
  }

Logins follow GHES's rules (letters, digits, single hyphens). A key's "repo"
("owner/name") makes it a deploy key. A token's value authenticates REST calls
as its user. "visibility" is "all" (default) or "selected"; a runner's "os" is
linux (default), macos or windows, its "status" online (default) or offline,
and its "group" a runner group name ("" = Default). An alert's "repo" is
"owner/name" of a seeded repository; its state, severity and the like take
the values GHES documents (see WithCodeScanningAlerts and the others). Times
are RFC 3339.
An unknown key is an error.`

// ReadSeed decodes a seed file (see SeedFormat). Unknown keys and trailing
// data are errors, so a typo does not silently seed nothing.
func ReadSeed(r io.Reader) (Seed, error) {
	var s Seed
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return Seed{}, fmt.Errorf("ghestest: reading the seed: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Seed{}, errors.New("ghestest: reading the seed: data after the JSON object")
	}
	return s, nil
}

// WithSeed adds everything in seed to the initial state, as the With…
// options of each kind would.
func WithSeed(seed Seed) Option {
	return func(c *config) error {
		c.users = append(c.users, seed.Users...)
		c.orgs = append(c.orgs, seed.Orgs...)
		c.teams = append(c.teams, seed.Teams...)
		c.repos = append(c.repos, seed.Repos...)
		c.keys = append(c.keys, seed.PublicKeys...)
		c.tokens = append(c.tokens, seed.Tokens...)
		c.runnerGroups = append(c.runnerGroups, seed.RunnerGroups...)
		c.runners = append(c.runners, seed.Runners...)
		c.security.codeScanning = append(c.security.codeScanning, seed.CodeScanningAlerts...)
		c.security.dependabot = append(c.security.dependabot, seed.DependabotAlerts...)
		c.security.secretScanning = append(c.security.secretScanning, seed.SecretScanningAlerts...)
		return nil
	}
}
