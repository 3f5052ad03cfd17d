package ghesadmin

import (
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/ghesadmin/ghesadmin/internal/ops"
)

// Version is the version of this SDK. It is sent in the default User-Agent.
const Version = "0.1.0"

const (
	defaultUserAgent = "ghesadmin-go/" + Version

	// mediaTypeV3 is the media type every REST request accepts.
	mediaTypeV3 = "application/vnd.github+json"

	// Preview media types that GHES 2.22 required for some administration
	// endpoints. GHES 3.x ignores them, so they are always sent.
	mediaTypeSuperproPreview  = "application/vnd.github.superpro-preview+json"
	mediaTypeEyeScreamPreview = "application/vnd.github.eye-scream-preview"
	mediaTypeHellcatPreview   = "application/vnd.github.hellcat-preview+json"

	// Response headers, in canonical form (http.CanonicalHeaderKey).
	headerRequestID         = "X-Github-Request-Id"
	headerEnterpriseVersion = "X-Github-Enterprise-Version"

	// defaultConsolePort is the administration port of a GHES appliance
	// served over TLS.
	defaultConsolePort = "8443"
	// defaultConsolePortHTTP is the administration port of an appliance
	// served without TLS.
	defaultConsolePortHTTP = "8080"
)

// service is the value shared by every API service: each service type is a
// named copy of it (type UsersService service). It holds the backend the
// service calls: the REST API for most services, the administration port for
// ManagementConsole and Manage.
type service struct {
	backend *backend
}

// Services of the API. Each is a named service type; its methods live in the
// file of its API area.
type (
	// AdminHooksService manages global webhooks (/admin/hooks).
	AdminHooksService service
	// LDAPService updates and synchronises LDAP mappings (/admin/ldap).
	LDAPService service
	// LicenseService reads the enterprise license (/enterprise/settings/license).
	LicenseService service
	// MetaService reads the instance metadata (GET /meta).
	MetaService service
	// StatsService reads the enterprise statistics (/enterprise/stats).
	StatsService service
	// OrganizationsService creates and renames organizations (/admin/organizations).
	OrganizationsService service
	// PreReceiveEnvironmentsService manages pre-receive hook environments
	// (/admin/pre-receive-environments).
	PreReceiveEnvironmentsService service
	// PreReceiveHooksService manages pre-receive hooks and their enforcement
	// at the instance, organization and repository levels.
	PreReceiveHooksService service
	// UsersService administers user accounts, their keys and tokens.
	UsersService service
	// ActionsService manages enterprise self-hosted runners and runner groups
	// (/enterprises/{enterprise}/actions).
	ActionsService service
	// ManagementConsoleService drives the Management Console API
	// (/setup/api on the administration port, GHES 3.14 and earlier).
	ManagementConsoleService service
	// ManageService drives the Manage GHES API (/manage/v1 on the
	// administration port, GHES 3.9 and later, in stages: see AdminAPI).
	ManageService service
)

// A Client talks to one GHES instance: its REST API and its administration
// port. A Client is safe for concurrent use by many goroutines. Its only
// state that changes after NewClient returns is the GHES release of the
// server, which it learns from the replies unless WithServerVersion pinned
// it (see ServerVersion); it is read and replaced atomically.
type Client struct {
	api     *backend // the REST API, https://HOST/api/v3/
	console *backend // the administration port, https://HOST:8443/
	// manage is the backend of the Manage GHES API (/manage/v1): console
	// itself, or the same origin with a Management Console user account's
	// credentials (WithManagementConsoleUser).
	manage *backend
	// web is the instance's web origin (/stafftools/reports), with the
	// credentials of WithSiteAdmin (site_admin.go).
	web *backend

	// version is the server's GHES release (version.go).
	version versionState

	userAgent string
	retry     RetryPolicy
	logger    *slog.Logger
	prefetch  int

	// redact removes the client's credentials from what servers send
	// back (nil when the client has none).
	redact *redactor

	// AdminHooks manages global webhooks.
	AdminHooks *AdminHooksService
	// LDAP updates and synchronises LDAP mappings of users and teams.
	LDAP *LDAPService
	// License reads the enterprise license.
	License *LicenseService
	// Meta reads the instance metadata, including the installed version.
	Meta *MetaService
	// Stats reads the enterprise statistics.
	Stats *StatsService
	// Organizations creates and renames organizations.
	Organizations *OrganizationsService
	// PreReceiveEnvironments manages pre-receive hook environments.
	PreReceiveEnvironments *PreReceiveEnvironmentsService
	// PreReceiveHooks manages pre-receive hooks and their enforcement.
	PreReceiveHooks *PreReceiveHooksService
	// Users administers user accounts, their keys and tokens.
	Users *UsersService
	// Actions manages enterprise self-hosted runners and runner groups.
	Actions *ActionsService
	// ManagementConsole drives the Management Console (GHES ≤ 3.14).
	ManagementConsole *ManagementConsoleService
	// Manage drives the Manage GHES API (GHES ≥ 3.9, in stages).
	Manage *ManageService
	// Teams looks teams up by organization and slug.
	Teams *TeamsService
	// Announcement manages the global announcement banner.
	Announcement *AnnouncementService
	// ActionsPermissions manages an enterprise's GitHub Actions policies.
	ActionsPermissions *ActionsPermissionsService
	// ActionsCache reads the Actions cache usage and sets its size policy.
	ActionsCache *ActionsCacheService
	// CodeSecurity manages code security settings and configurations.
	CodeSecurity *CodeSecurityService
	// CustomProperties manages the enterprise's custom properties.
	CustomProperties *CustomPropertiesService
	// CodeScanning lists the enterprise's code scanning alerts.
	CodeScanning *CodeScanningService
	// Dependabot lists the enterprise's Dependabot alerts.
	Dependabot *DependabotService
	// SecretScanning lists the enterprise's secret scanning alerts and
	// manages its push protection patterns.
	SecretScanning *SecretScanningService
	// AuditLog reads the enterprise audit log and manages its streams.
	AuditLog *AuditLogService
	// Reports downloads the site-admin reports (needs WithSiteAdmin).
	Reports *ReportsService
	// SCIM provisions enterprise users and groups (GHES ≥ 3.12).
	SCIM *SCIMService
	// LiveMigrations drives live repository migrations (GHES ≥ 3.17).
	LiveMigrations *LiveMigrationsService
	// EnterpriseApps installs GitHub Apps on enterprise organizations (GHES ≥ 3.19).
	EnterpriseApps *EnterpriseAppsService
	// Rulesets reads enterprise ruleset history (GHES ≥ 3.19).
	Rulesets *RulesetsService
	// BypassRequests lists push-rule and secret scanning bypass requests (GHES ≥ 3.19).
	BypassRequests *BypassRequestsService
}

// NewClient returns a Client for the GHES instance at baseURL. It does no I/O.
//
// baseURL is normalised: a bare host ("https://ghe.example.com") gets
// "/api/v3/" appended, a URL already ending in "/api/v3" is kept, and a
// trailing slash is ensured. A scheme (http or https) is required.
func NewClient(baseURL string, opts ...Option) (*Client, error) {
	base, err := normalizeBaseURL(baseURL)
	if err != nil {
		return nil, err
	}
	cfg := config{retry: DefaultRetryPolicy(), userAgent: defaultUserAgent}
	for i, opt := range opts {
		if opt == nil {
			return nil, fmt.Errorf("ghesadmin: option %d is nil", i)
		}
		if err := opt(&cfg); err != nil {
			return nil, fmt.Errorf("ghesadmin: %w", err)
		}
	}

	c := &Client{
		userAgent: cfg.userAgent,
		retry:     cfg.retry,
		logger:    cfg.logger,
		prefetch:  cfg.prefetch,
	}

	var apiCreds *credentials
	switch {
	case cfg.token != "":
		apiCreds = newCredentials(credToken, "", cfg.token)
	case cfg.basicUser != "":
		apiCreds = newCredentials(credBasic, cfg.basicUser, cfg.basicPass)
	}
	apiHTTP := cfg.httpClient
	if apiHTTP == nil && cfg.prefetch > 0 {
		apiHTTP = prefetchHTTPClient(cfg.prefetch)
	}
	c.api = newBackend(c, "api", base, c.redirectGuard(apiHTTP), apiCreds)

	consoleURL := cfg.consoleURL
	if cfg.manageURL != "" {
		if consoleURL != "" && consoleURL != cfg.manageURL {
			return nil, errors.New("ghesadmin: WithManagementConsole and WithManagementConsoleUser name different administration ports")
		}
		consoleURL = cfg.manageURL
	}
	consoleBase, err := consoleOrigin(base, consoleURL)
	if err != nil {
		return nil, err
	}
	var consoleCreds *credentials
	if cfg.consolePassword != "" {
		consoleCreds = newCredentials(credBasic, "api_key", cfg.consolePassword)
	}
	consoleHTTP, err := consoleHTTPClient(cfg)
	if err != nil {
		return nil, err
	}
	c.console = newBackend(c, "console", consoleBase, c.redirectGuard(consoleHTTP), consoleCreds)
	c.console.guessed = cfg.consoleURL == ""
	c.console.missingCreds = ErrNoConsolePassword
	c.console.authHint = consoleAuthHint
	c.manage = c.console
	var manageCreds *credentials
	if cfg.manageUser != "" {
		manageCreds = newCredentials(credBasic, cfg.manageUser, cfg.managePassword)
		c.manage = newBackend(c, "console", consoleBase, c.console.http, manageCreds)
		c.manage.guessed = c.console.guessed
		c.manage.missingCreds = ErrNoConsolePassword
	}
	if cfg.serverVersion != "" {
		r, _ := ops.ParseRelease(cfg.serverVersion) // checked by WithServerVersion
		c.version.pinned = true
		c.version.cur.Store(&serverVersion{raw: cfg.serverVersion, release: r})
	}
	c.web = newWebBackend(c, base, c.api.http, cfg.siteAdmin, apiCreds)
	c.redact = newRedactor(apiCreds, consoleCreds, manageCreds, cfg.siteAdmin)

	api, console, manage := &service{c.api}, &service{c.console}, &service{c.manage}
	c.AdminHooks = (*AdminHooksService)(api)
	c.LDAP = (*LDAPService)(api)
	c.License = (*LicenseService)(api)
	c.Meta = (*MetaService)(api)
	c.Stats = (*StatsService)(api)
	c.Organizations = (*OrganizationsService)(api)
	c.PreReceiveEnvironments = (*PreReceiveEnvironmentsService)(api)
	c.PreReceiveHooks = (*PreReceiveHooksService)(api)
	c.Users = (*UsersService)(api)
	c.Actions = (*ActionsService)(api)
	c.ManagementConsole = (*ManagementConsoleService)(console)
	c.Manage = (*ManageService)(manage)
	c.Teams = (*TeamsService)(api)
	c.Announcement = (*AnnouncementService)(api)
	c.ActionsPermissions = (*ActionsPermissionsService)(api)
	c.ActionsCache = (*ActionsCacheService)(api)
	c.CodeSecurity = (*CodeSecurityService)(api)
	c.CustomProperties = (*CustomPropertiesService)(api)
	c.CodeScanning = (*CodeScanningService)(api)
	c.Dependabot = (*DependabotService)(api)
	c.SecretScanning = (*SecretScanningService)(api)
	c.AuditLog = (*AuditLogService)(api)
	c.Reports = (*ReportsService)(&service{c.web})
	c.SCIM = (*SCIMService)(api)
	c.LiveMigrations = (*LiveMigrationsService)(api)
	c.EnterpriseApps = (*EnterpriseAppsService)(api)
	c.Rulesets = (*RulesetsService)(api)
	c.BypassRequests = (*BypassRequestsService)(api)
	return c, nil
}

// BaseURL returns the normalised REST API base URL, ending in "/api/v3/".
func (c *Client) BaseURL() string { return c.api.baseStr }

// ManagementConsoleURL returns the origin of the administration port used by
// the ManagementConsole and Manage services, ending in "/".
func (c *Client) ManagementConsoleURL() string { return c.console.baseStr }

// String describes the client without any credential.
func (c *Client) String() string {
	if c == nil {
		return "ghesadmin.Client(nil)"
	}
	if c.manage != nil && c.manage != c.console {
		return fmt.Sprintf("ghesadmin.Client{api: %s, console: %s, auth: %s, console auth: %s, manage auth: %s}",
			c.api.baseStr, c.console.baseStr, c.api.creds.describe(), c.console.creds.describe(), c.manage.creds.describe())
	}
	return fmt.Sprintf("ghesadmin.Client{api: %s, console: %s, auth: %s, console auth: %s}",
		c.api.baseStr, c.console.baseStr, c.api.creds.describe(), c.console.creds.describe())
}

// GoString is String, so that %#v shows no credential either.
func (c *Client) GoString() string { return c.String() }

// Format makes every fmt verb (%v, %+v, %#v, %s, …) print String.
func (c *Client) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }

// Ptr returns a pointer to v. Use it for the optional fields of request
// structs: ghesadmin.Ptr(true).
func Ptr[T any](v T) *T { return &v }
