package ghestest

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// DefaultVersion is the GHES version the fake reports when WithVersion is
// not given.
const DefaultVersion = "3.14.0"

// DefaultEnterprise is the enterprise slug of the Actions endpoints when
// WithEnterprise is not given.
const DefaultEnterprise = "enterprise"

// DefaultAdminLogin is the login of the site administrator that owns the
// admin token when WithAdminLogin is not given.
const DefaultAdminLogin = "ghe-admin"

// An Option configures a Server.
type Option func(*config) error

type config struct {
	version         string
	adminToken      string
	consolePassword string
	adminLogin      string
	enterprise      string
	apiAddr         string
	consoleAddr     string
	licenseSeats    int
	licenseExpiry   time.Time
	statusReads     int
	now             func() time.Time
	users           []User
	orgs            []Org
	teams           []Team
	repos           []Repo
	keys            []PublicKey
	tokens          []Token
	runnerGroups    []RunnerGroup
	runners         []Runner
	faults          []Fault
	security        securitySeed // security_options.go
	audit           auditConfig  // auditlog.go
	ea              eaSeed
}

// User seeds a user account.
type User struct {
	Login     string `json:"login,omitempty"`
	Email     string `json:"email,omitempty"`
	SiteAdmin bool   `json:"site_admin,omitempty"`
	Suspended bool   `json:"suspended,omitempty"`
	// LDAPDN is the user's LDAP mapping, if any.
	LDAPDN string `json:"ldap_dn,omitempty"`
	// SuspendReason is the reason given when the user was suspended (the
	// reason of PUT /users/{username}/suspended, or GHES's "Suspended via
	// API by LOGIN" when none was given); "" when not suspended. GHES shows
	// it in the site admin dashboard and the audit log, not in the REST
	// API: Server.User shows it here.
	SuspendReason string `json:"suspend_reason,omitempty"`
}

// Org seeds an organization. Admin, if set, must be a seeded user login
// (or the admin login) and becomes the organization's owner.
type Org struct {
	Login       string `json:"login,omitempty"`
	ProfileName string `json:"profile_name,omitempty"`
	Admin       string `json:"admin,omitempty"`
	Disabled    bool   `json:"disabled,omitempty"`
}

// Team seeds a team of a seeded organization.
type Team struct {
	Org     string   `json:"org,omitempty"`
	Name    string   `json:"name,omitempty"`
	Members []string `json:"members,omitempty"`
	LDAPDN  string   `json:"ldap_dn,omitempty"`
}

// Repo seeds a repository; Owner is a user or organization login.
type Repo struct {
	Owner    string `json:"owner,omitempty"`
	Name     string `json:"name,omitempty"`
	Fork     bool   `json:"fork,omitempty"`
	Wiki     bool   `json:"wiki,omitempty"`
	Pages    bool   `json:"pages,omitempty"`
	Archived bool   `json:"archived,omitempty"`
	// Pushes is counted in the repository statistics.
	Pushes int `json:"pushes,omitempty"`
}

// PublicKey seeds a user's SSH key, or a deploy key when Repo
// ("owner/name") is set.
type PublicKey struct {
	User      string    `json:"user,omitempty"`
	Title     string    `json:"title,omitempty"`
	Key       string    `json:"key,omitempty"`
	Repo      string    `json:"repo,omitempty"`
	ReadOnly  bool      `json:"read_only,omitempty"`
	Verified  bool      `json:"verified,omitempty"`
	CreatedAt time.Time `json:"created_at,omitempty"`
	LastUsed  time.Time `json:"last_used,omitempty"`
}

// Token seeds a personal access token of a user. The token authenticates
// REST requests as that user.
type Token struct {
	User   string   `json:"user,omitempty"`
	Value  string   `json:"value,omitempty"`
	Note   string   `json:"note,omitempty"`
	Scopes []string `json:"scopes,omitempty"`
}

// RunnerGroup seeds an enterprise runner group. Visibility is "all"
// (default) or "selected"; Orgs are seeded organization logins.
type RunnerGroup struct {
	Name                     string   `json:"name,omitempty"`
	Visibility               string   `json:"visibility,omitempty"`
	Orgs                     []string `json:"orgs,omitempty"`
	AllowsPublicRepositories bool     `json:"allows_public_repositories,omitempty"`
}

// Runner seeds a self-hosted enterprise runner. Group is a runner group
// name ("" means the default group). Labels are custom labels; the
// read-only labels "self-hosted", the architecture (X64) and the OS are
// added by the fake.
type Runner struct {
	Name      string   `json:"name,omitempty"`
	OS        string   `json:"os,omitempty"`     // "linux" (default), "macos" or "windows"
	Status    string   `json:"status,omitempty"` // "online" (default) or "offline"
	Busy      bool     `json:"busy,omitempty"`
	Ephemeral bool     `json:"ephemeral,omitempty"`
	Labels    []string `json:"labels,omitempty"`
	Group     string   `json:"group,omitempty"`
}

// WithVersion sets the GHES version, such as "2.22.5" or "3.9.0".
func WithVersion(v string) Option {
	return func(c *config) error {
		if _, _, err := parseVersion(v); err != nil {
			return fmt.Errorf("ghestest: WithVersion: %w", err)
		}
		c.version = v
		return nil
	}
}

// WithAdminToken sets the site administrator's token (default: generated).
func WithAdminToken(token string) Option {
	return func(c *config) error {
		if strings.TrimSpace(token) == "" || strings.ContainsAny(token, " \t\r\n") {
			return errors.New("ghestest: WithAdminToken: the token is empty or has spaces")
		}
		c.adminToken = token
		return nil
	}
}

// WithConsolePassword sets the Management Console password (default:
// generated).
func WithConsolePassword(password string) Option {
	return func(c *config) error {
		if password == "" {
			return errors.New("ghestest: WithConsolePassword: the password is empty")
		}
		c.consolePassword = password
		return nil
	}
}

// WithAdminLogin sets the login of the site administrator that owns the
// admin token (default DefaultAdminLogin).
func WithAdminLogin(login string) Option {
	return func(c *config) error {
		if normalizeLogin(login) != login || login == "" {
			return fmt.Errorf("ghestest: WithAdminLogin: %q is not a valid login", login)
		}
		c.adminLogin = login
		return nil
	}
}

// WithEnterprise sets the enterprise slug of the Actions endpoints
// (default DefaultEnterprise).
func WithEnterprise(slug string) Option {
	return func(c *config) error {
		if slug == "" || strings.ContainsAny(slug, "/ ") {
			return errors.New("ghestest: WithEnterprise: invalid slug")
		}
		c.enterprise = slug
		return nil
	}
}

// WithAddr sets the listen addresses of the REST API and of the
// administration port (default "127.0.0.1:0" for both, a free port).
func WithAddr(api, console string) Option {
	return func(c *config) error {
		if api != "" {
			c.apiAddr = api
		}
		if console != "" {
			c.consoleAddr = console
		}
		return nil
	}
}

// WithLicense sets the license's seats and expiry (default 100 seats, one
// year from the server's start).
func WithLicense(seats int, expiresAt time.Time) Option {
	return func(c *config) error {
		if seats < 0 {
			return errors.New("ghestest: WithLicense: negative seats")
		}
		c.licenseSeats = seats
		c.licenseExpiry = expiresAt
		return nil
	}
}

// WithStatusReads sets after how many status reads a started state machine
// (pre-receive environment download, configuration run, config apply,
// upgrade download and upgrade) reports completion: reads before that
// report it in progress. Default 3; 1 completes on the first read.
func WithStatusReads(n int) Option {
	return func(c *config) error {
		if n < 1 {
			return errors.New("ghestest: WithStatusReads: n must be at least 1")
		}
		c.statusReads = n
		return nil
	}
}

// WithClock sets the fake's clock (default time.Now), used for timestamps,
// token expiry and scheduled maintenance.
func WithClock(now func() time.Time) Option {
	return func(c *config) error {
		if now == nil {
			return errors.New("ghestest: WithClock: nil clock")
		}
		c.now = now
		return nil
	}
}

// WithUsers seeds users.
func WithUsers(users ...User) Option {
	return func(c *config) error { c.users = append(c.users, users...); return nil }
}

// WithOrgs seeds organizations.
func WithOrgs(orgs ...Org) Option {
	return func(c *config) error { c.orgs = append(c.orgs, orgs...); return nil }
}

// WithTeams seeds teams.
func WithTeams(teams ...Team) Option {
	return func(c *config) error { c.teams = append(c.teams, teams...); return nil }
}

// WithRepos seeds repositories.
func WithRepos(repos ...Repo) Option {
	return func(c *config) error { c.repos = append(c.repos, repos...); return nil }
}

// WithPublicKeys seeds SSH keys.
func WithPublicKeys(keys ...PublicKey) Option {
	return func(c *config) error { c.keys = append(c.keys, keys...); return nil }
}

// WithTokens seeds personal access tokens.
func WithTokens(tokens ...Token) Option {
	return func(c *config) error { c.tokens = append(c.tokens, tokens...); return nil }
}

// WithRunnerGroups seeds runner groups (besides the default group).
func WithRunnerGroups(groups ...RunnerGroup) Option {
	return func(c *config) error { c.runnerGroups = append(c.runnerGroups, groups...); return nil }
}

// WithRunners seeds self-hosted runners.
func WithRunners(runners ...Runner) Option {
	return func(c *config) error { c.runners = append(c.runners, runners...); return nil }
}

// WithFaults installs faults from the start (see Server.AddFault).
func WithFaults(faults ...Fault) Option {
	return func(c *config) error {
		for _, f := range faults {
			if err := f.validate(); err != nil {
				return err
			}
		}
		c.faults = append(c.faults, faults...)
		return nil
	}
}

// parseVersion reads "major.minor[.patch]".
func parseVersion(v string) (major, minor int, err error) {
	parts := strings.Split(v, ".")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, 0, fmt.Errorf("version %q is not major.minor[.patch]", v)
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		n := 0
		if p == "" {
			return 0, 0, fmt.Errorf("version %q is not major.minor[.patch]", v)
		}
		for _, ch := range p {
			if ch < '0' || ch > '9' {
				return 0, 0, fmt.Errorf("version %q is not major.minor[.patch]", v)
			}
			n = n*10 + int(ch-'0')
			if n > 1_000_000 {
				return 0, 0, fmt.Errorf("version %q is out of range", v)
			}
		}
		nums[i] = n
	}
	return nums[0], nums[1], nil
}
