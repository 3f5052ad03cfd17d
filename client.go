package ghesadmin

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

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

	headerRequestID         = "X-GitHub-Request-Id"
	headerEnterpriseVersion = "X-GitHub-Enterprise-Version"

	// defaultConsolePort is the administration port of a GHES appliance
	// served over TLS.
	defaultConsolePort = "8443"
	// defaultConsolePortHTTP is the administration port of an appliance
	// served without TLS.
	defaultConsolePortHTTP = "8080"
)

// service is the value shared by every API service: each service type is a
// named copy of it (type UsersService service), so all of them reach the same
// Client.
type service struct {
	client *Client
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

	// version is the server's GHES release (version.go).
	version versionState

	userAgent string
	headers   headerValues
	retry     RetryPolicy
	logger    *slog.Logger
	prefetch  int

	// queryPlans caches how each …Options type is encoded (query.go).
	queryPlans queryPlans

	// redact removes the client's credentials from what servers send
	// back (nil when the client has none).
	redact *redactor

	common service

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

// backend is one origin the client talks to, with its own HTTP client and its
// own credentials. The REST API and the administration port are two backends.
type backend struct {
	name    string   // "api" or "console", for logs and errors
	base    *url.URL // always ends in "/"
	baseStr string   // base.String(), cached
	http    *http.Client
	creds   *credentials
	// guessed says the origin was derived from the API URL rather than
	// given (the administration port without a WithManagementConsole URL).
	guessed bool
}

// guessHint is what an error on a guessed administration port adds: which
// URL was guessed and how to set the right one.
func (b *backend) guessHint() string {
	return " (the administration port URL " + b.baseStr + " was derived from the API URL; if it is wrong, give the right one to WithManagementConsole(url, password))"
}

// credentials hold a backend's secret. They are kept behind a pointer so that
// printing a Client never reaches them, and their String method redacts.
type credentials struct {
	kind     credKind
	user     string
	password string   // token, basic-auth password or console password
	header   []string // the Authorization header value, built once
}

func newCredentials(kind credKind, user, password string) *credentials {
	c := &credentials{kind: kind, user: user, password: password}
	switch kind {
	case credToken:
		c.header = []string{"token " + password}
	case credBasic:
		c.header = []string{basicAuth(user, password)}
	}
	return c
}

type credKind int

const (
	credNone credKind = iota
	credToken
	credBasic
)

// String never shows the secret.
func (c *credentials) String() string { return "[REDACTED]" }

// GoString never shows the secret.
func (c *credentials) GoString() string { return "[REDACTED]" }

// An Option configures a Client in NewClient. Each option validates its input;
// an invalid option makes NewClient return an error.
type Option func(*config) error

// config collects the options before NewClient builds the Client.
type config struct {
	token           string
	basicUser       string
	basicPass       string
	httpClient      *http.Client
	userAgent       string
	retry           RetryPolicy
	logger          *slog.Logger
	consoleURL      string
	consolePassword string
	consoleCAs      *x509.CertPool
	consoleInsecure bool
	prefetch        int
	serverVersion   string
	manageUser      string
	managePassword  string
	manageURL       string
}

// WithToken authenticates REST API requests with a personal access token
// (sent as "Authorization: token …"). The token needs the site_admin scope
// for most administration endpoints.
func WithToken(token string) Option {
	return func(c *config) error {
		if strings.TrimSpace(token) == "" {
			return errors.New("WithToken: the token is empty")
		}
		if strings.ContainsAny(token, "\r\n") {
			return errors.New("WithToken: the token contains a line break")
		}
		c.token = token
		c.basicUser, c.basicPass = "", ""
		return nil
	}
}

// WithBasicAuth authenticates REST API requests with HTTP basic
// authentication (a username and a password or token).
func WithBasicAuth(username, password string) Option {
	return func(c *config) error {
		if username == "" {
			return errors.New("WithBasicAuth: the username is empty")
		}
		if strings.Contains(username, ":") {
			return errors.New("WithBasicAuth: the username contains ':'")
		}
		if password == "" {
			return errors.New("WithBasicAuth: the password is empty")
		}
		c.basicUser, c.basicPass = username, password
		c.token = ""
		return nil
	}
}

// WithHTTPClient makes the Client send its requests through hc. The Client
// works on a shallow copy: hc itself is never modified. Its Transport is also
// used for the administration port unless WithManagementConsoleCA or
// WithInsecureManagementConsole asks for a different TLS configuration.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return errors.New("WithHTTPClient: the client is nil")
		}
		c.httpClient = hc
		return nil
	}
}

// WithUserAgent sets the User-Agent header of every request.
func WithUserAgent(ua string) Option {
	return func(c *config) error {
		if strings.TrimSpace(ua) == "" {
			return errors.New("WithUserAgent: the user agent is empty")
		}
		if strings.ContainsAny(ua, "\r\n") {
			return errors.New("WithUserAgent: the user agent contains a line break")
		}
		c.userAgent = ua
		return nil
	}
}

// WithRetry replaces the default retry policy (see DefaultRetryPolicy).
// Zero fields of p take their default values.
func WithRetry(p RetryPolicy) Option {
	return func(c *config) error {
		if err := p.validate(); err != nil {
			return fmt.Errorf("WithRetry: %w", err)
		}
		c.retry = p.withDefaults()
		return nil
	}
}

// WithoutRetries turns automatic retries off: every request is sent once.
func WithoutRetries() Option {
	return func(c *config) error {
		c.retry = RetryPolicy{MaxAttempts: 1}.withDefaults()
		return nil
	}
}

// WithLogger makes the Client write one debug line per HTTP attempt to l:
// method, URL path, status, duration, attempt number and request ID. No
// credential is ever logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return errors.New("WithLogger: the logger is nil")
		}
		c.logger = l
		return nil
	}
}

// WithManagementConsole sets the administration port used by the
// ManagementConsole and Manage services, and its password (sent as HTTP basic
// authentication "api_key:<password>", never in a URL).
//
// consoleURL is the origin of the administration port, such as
// "https://ghe.example.com:8443". When it is empty, the API host on port 8443
// over https is used (port 8080 over http when the API URL is plain http).
func WithManagementConsole(consoleURL, password string) Option {
	return func(c *config) error {
		if password == "" {
			return errors.New("WithManagementConsole: the password is empty")
		}
		if consoleURL != "" {
			if _, err := parseConsoleURL(consoleURL); err != nil {
				return fmt.Errorf("WithManagementConsole: %w", err)
			}
		}
		c.consoleURL = consoleURL
		c.consolePassword = password
		return nil
	}
}

// WithManagementConsoleUser makes the Manage GHES API (/manage/v1, the Manage
// service) authenticate as a Management Console user account, sending HTTP
// basic authentication "<username>:<password>" instead of
// "api_key:<password>" (GHES 3.8 and later accept both). The password never
// appears in a URL, an error or a log line.
//
// consoleURL is the origin of the administration port as in
// WithManagementConsole; "" means the one WithManagementConsole sets, or the
// default (the API host on port 8443). The Management Console API
// (/setup/api, the ManagementConsole service) only accepts the shared
// password: give it with WithManagementConsole as well to use both services;
// without it, ManagementConsole calls fail with ErrNoConsolePassword before
// sending.
func WithManagementConsoleUser(consoleURL, username, password string) Option {
	return func(c *config) error {
		switch {
		case strings.TrimSpace(username) == "":
			return errors.New("WithManagementConsoleUser: the username is empty")
		case strings.ContainsAny(username, ":\r\n"):
			return errors.New("WithManagementConsoleUser: the username contains ':' or a line break")
		case password == "":
			return errors.New("WithManagementConsoleUser: the password is empty")
		}
		if consoleURL != "" {
			if _, err := parseConsoleURL(consoleURL); err != nil {
				return fmt.Errorf("WithManagementConsoleUser: %w", err)
			}
		}
		c.manageURL = consoleURL
		c.manageUser, c.managePassword = username, password
		return nil
	}
}

// WithManagementConsoleCA trusts the certificates in pemCerts (PEM encoded)
// for the administration port, in addition to none other: use it for an
// appliance that serves a self-signed or private-CA certificate on port 8443.
// Verification stays on.
func WithManagementConsoleCA(pemCerts []byte) Option {
	return func(c *config) error {
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pemCerts) {
			return errors.New("WithManagementConsoleCA: no PEM certificate found")
		}
		c.consoleCAs = pool
		return nil
	}
}

// WithInsecureManagementConsole turns off TLS certificate verification for
// the administration port only. Anyone on the network path can then read the
// console password: prefer WithManagementConsoleCA.
func WithInsecureManagementConsole() Option {
	return func(c *config) error {
		c.consoleInsecure = true
		return nil
	}
}

// WithPagePrefetch makes the …Iter methods fetch up to n pages ahead,
// concurrently, once the first page's Link header tells how many pages there
// are. Items are still yielded in order. 0, the default, fetches one page at
// a time. n may be at most 32.
//
// Without WithHTTPClient, the client then uses its own copy of Go's default
// transport that keeps n+1 idle connections per host (the default keeps 2,
// so the prefetching connections would be closed and reopened). With
// WithHTTPClient, set MaxIdleConnsPerHost on your transport likewise.
func WithPagePrefetch(n int) Option {
	return func(c *config) error {
		if n < 0 || n > maxPrefetch {
			return fmt.Errorf("WithPagePrefetch: %d is outside 0..%d", n, maxPrefetch)
		}
		c.prefetch = n
		return nil
	}
}

const maxPrefetch = 32

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
		headers:   newHeaderValues(cfg.userAgent),
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
	c.api = newBackend("api", base, c.redirectGuard(apiHTTP), apiCreds)

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
	c.console = newBackend("console", consoleBase, c.redirectGuard(consoleHTTP), consoleCreds)
	c.console.guessed = cfg.consoleURL == ""
	c.manage = c.console
	var manageCreds *credentials
	if cfg.manageUser != "" {
		manageCreds = newCredentials(credBasic, cfg.manageUser, cfg.managePassword)
		c.manage = newBackend("console", consoleBase, c.console.http, manageCreds)
		c.manage.guessed = c.console.guessed
	}
	if cfg.serverVersion != "" {
		r, _ := ops.ParseRelease(cfg.serverVersion) // checked by WithServerVersion
		c.version.pinned = true
		c.version.cur.Store(&serverVersion{raw: cfg.serverVersion, release: r})
	}
	c.redact = newRedactor(apiCreds, consoleCreds, manageCreds)

	c.common.client = c
	c.AdminHooks = (*AdminHooksService)(&c.common)
	c.LDAP = (*LDAPService)(&c.common)
	c.License = (*LicenseService)(&c.common)
	c.Meta = (*MetaService)(&c.common)
	c.Stats = (*StatsService)(&c.common)
	c.Organizations = (*OrganizationsService)(&c.common)
	c.PreReceiveEnvironments = (*PreReceiveEnvironmentsService)(&c.common)
	c.PreReceiveHooks = (*PreReceiveHooksService)(&c.common)
	c.Users = (*UsersService)(&c.common)
	c.Actions = (*ActionsService)(&c.common)
	c.ManagementConsole = (*ManagementConsoleService)(&c.common)
	c.Manage = (*ManageService)(&c.common)
	c.Teams = (*TeamsService)(&c.common)
	c.SCIM = (*SCIMService)(&c.common)
	c.LiveMigrations = (*LiveMigrationsService)(&c.common)
	c.EnterpriseApps = (*EnterpriseAppsService)(&c.common)
	c.Rulesets = (*RulesetsService)(&c.common)
	c.BypassRequests = (*BypassRequestsService)(&c.common)
	return c, nil
}

// backendOf returns the backend of a request a service method built: the
// REST API, the administration port, or the administration port with the
// Manage API's credentials for a /manage/v1 path.
func (c *Client) backendOf(r *request) *backend {
	switch {
	case !r.console:
		return c.api
	case strings.HasPrefix(r.path, "manage/"):
		return c.manage
	}
	return c.console
}

func newBackend(name string, base *url.URL, hc *http.Client, creds *credentials) *backend {
	return &backend{name: name, base: base, baseStr: base.String(), http: hc, creds: creds}
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

func (c *credentials) describe() string {
	if c == nil {
		return "none"
	}
	switch c.kind {
	case credToken:
		return "token [REDACTED]"
	case credBasic:
		return "basic [REDACTED]"
	}
	return "none"
}

// normalizeBaseURL checks and normalises the REST API base URL.
func normalizeBaseURL(raw string) (*url.URL, error) {
	if strings.TrimSpace(raw) == "" {
		return nil, errors.New("ghesadmin: the base URL is empty")
	}
	u, err := url.Parse(raw)
	if err != nil {
		// url.Error repeats the input, which may hold credentials: drop it.
		return nil, errors.New("ghesadmin: the base URL cannot be parsed")
	}
	if err := checkOrigin(u, raw); err != nil {
		return nil, err
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return nil, errors.New("ghesadmin: the base URL must not have a query or a fragment")
	}
	p := strings.TrimRight(u.Path, "/")
	if !strings.HasSuffix(p, "/api/v3") {
		p += "/api/v3"
	}
	u.Path = p + "/"
	u.RawPath = ""
	return u, nil
}

// checkOrigin refuses URLs without an http(s) scheme or host, and URLs with
// credentials in them (which would end up in logs and errors). raw is the
// value u was parsed from, echoed (without credentials) when the scheme is
// missing.
func checkOrigin(u *url.URL, raw string) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("ghesadmin: the URL needs an http:// or https:// scheme, as in https://%s; got %q", exampleHost(raw), withoutUserinfo(raw))
	}
	if u.Host == "" || u.Hostname() == "" {
		return errors.New("ghesadmin: the URL has no host")
	}
	if u.User != nil {
		return errors.New("ghesadmin: the URL must not contain credentials; use WithToken, WithBasicAuth or WithManagementConsole")
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return errors.New("ghesadmin: the URL has an invalid port")
		}
	}
	return nil
}

// withoutUserinfo returns raw, cut to 200 bytes, with whatever precedes its
// last '@' after the scheme (a user and a password) replaced by
// [REDACTED], so that it can be echoed in an error.
func withoutUserinfo(raw string) string {
	scheme, rest := "", raw
	if i := strings.Index(raw, "://"); i >= 0 {
		scheme, rest = raw[:i+3], raw[i+3:]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		rest = redacted + rest[i:]
	}
	return boundText(scheme+rest, 200)
}

// exampleHost guesses the host part of a URL given without a scheme, for
// the example in the error message.
func exampleHost(raw string) string {
	s := withoutUserinfo(raw)
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		s = s[i+1:]
	}
	if s == "" || len(s) > 100 || strings.ContainsAny(s, " \t\r\n\"") {
		return "ghe.example.com"
	}
	return s
}

func parseConsoleURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, errors.New("the Management Console URL cannot be parsed")
	}
	if err := checkOrigin(u, raw); err != nil {
		return nil, err
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, errors.New("the Management Console URL must not have a query or a fragment")
	}
	p := strings.TrimRight(u.Path, "/")
	// Accept a URL given with the API's own path suffixes.
	p = strings.TrimSuffix(p, "/setup/api")
	p = strings.TrimSuffix(p, "/setup")
	p = strings.TrimSuffix(p, "/manage/v1")
	u.Path = p + "/"
	u.RawPath = ""
	return u, nil
}

// consoleOrigin returns the administration port origin: the one configured,
// or the API host on port 8443 over https (8080 over http when the API itself
// is plain http).
func consoleOrigin(api *url.URL, configured string) (*url.URL, error) {
	if configured != "" {
		u, err := parseConsoleURL(configured)
		if err != nil {
			return nil, fmt.Errorf("ghesadmin: %w", err)
		}
		return u, nil
	}
	if api.Scheme == "http" {
		// An appliance without TLS serves its administration port on
		// 8080 over plain http.
		return &url.URL{Scheme: "http", Host: net.JoinHostPort(api.Hostname(), defaultConsolePortHTTP), Path: "/"}, nil
	}
	return &url.URL{Scheme: "https", Host: net.JoinHostPort(api.Hostname(), defaultConsolePort), Path: "/"}, nil
}

// consoleHTTPClient returns the HTTP client for the administration port: the
// caller's, or one whose transport trusts the configured CA or, when asked
// for explicitly, skips verification.
func consoleHTTPClient(cfg config) (*http.Client, error) {
	if cfg.consoleCAs == nil && !cfg.consoleInsecure {
		return cfg.httpClient, nil
	}
	var base http.RoundTripper = http.DefaultTransport
	if cfg.httpClient != nil && cfg.httpClient.Transport != nil {
		base = cfg.httpClient.Transport
	}
	tr, ok := base.(*http.Transport)
	if !ok {
		return nil, errors.New("ghesadmin: WithManagementConsoleCA and WithInsecureManagementConsole need an *http.Transport; configure TLS on your own transport instead")
	}
	tr = tr.Clone()
	tlsCfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if tr.TLSClientConfig != nil {
		tlsCfg = tr.TLSClientConfig.Clone()
	}
	if cfg.consoleCAs != nil {
		tlsCfg.RootCAs = cfg.consoleCAs
	}
	if cfg.consoleInsecure {
		tlsCfg.InsecureSkipVerify = true //nolint:gosec // explicit, documented opt-in
	}
	tr.TLSClientConfig = tlsCfg
	hc := &http.Client{Transport: tr}
	if cfg.httpClient != nil {
		hc.Timeout = cfg.httpClient.Timeout
		hc.Jar = cfg.httpClient.Jar
		hc.CheckRedirect = cfg.httpClient.CheckRedirect
	}
	return hc, nil
}

// prefetchHTTPClient returns a client on a copy of Go's default transport
// that keeps enough idle connections for n concurrent page fetches.
func prefetchHTTPClient(n int) *http.Client {
	tr, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		return nil
	}
	tr = tr.Clone()
	if tr.MaxIdleConnsPerHost < n+1 {
		tr.MaxIdleConnsPerHost = n + 1
	}
	return &http.Client{Transport: tr}
}

// redirectGuard returns a copy of hc (or of a default client) that follows
// redirects only within the origin of the first request, so credentials never
// reach another host, nor go over plain http after https.
func (c *Client) redirectGuard(hc *http.Client) *http.Client {
	var cp http.Client
	if hc != nil {
		cp = *hc
	}
	userCheck := cp.CheckRedirect
	cp.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		first := via[0].URL
		if !sameOrigin(first, req.URL) {
			// Hand the 3xx back to the caller: it becomes an error
			// response, and no request goes to the other origin.
			return http.ErrUseLastResponse
		}
		if userCheck != nil {
			return userCheck(req, via)
		}
		return nil
	}
	return &cp
}

func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(hostPort(a), hostPort(b))
}

func hostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		switch strings.ToLower(u.Scheme) {
		case "https":
			port = "443"
		case "http":
			port = "80"
		}
	}
	return net.JoinHostPort(strings.ToLower(u.Hostname()), port)
}

// Ptr returns a pointer to v. Use it for the optional fields of request
// structs: ghesadmin.Ptr(true).
func Ptr[T any](v T) *T { return &v }

// Response wraps the HTTP response of a call with what GHES says in its
// headers. It is returned even with an error when a response was received.
type Response struct {
	*http.Response

	// Pagination, from the Link header. A zero page means "no such link".
	NextPage  int
	PrevPage  int
	FirstPage int
	LastPage  int
	// NextURL is the next link as sent by the server, or "".
	NextURL string

	// Rate is the rate limit status, when the server sends it (GHES
	// often has rate limiting off, in which case it is zero).
	Rate Rate
	// RequestID is the X-GitHub-Request-Id header: quote it to GitHub
	// support.
	RequestID string
	// EnterpriseVersion is the X-GitHub-Enterprise-Version header, such
	// as "3.14.2" or "enterprise-server@2.22.0".
	EnterpriseVersion string
}

// Rate is the rate limit status of the token.
type Rate struct {
	Limit     int       `json:"limit"`
	Remaining int       `json:"remaining"`
	Used      int       `json:"used"`
	Reset     time.Time `json:"reset"`
	Resource  string    `json:"resource,omitempty"`
}

func newResponse(r *http.Response) *Response {
	resp := &Response{Response: r}
	h := r.Header
	switch links := h["Link"]; len(links) {
	case 0:
	case 1:
		resp.applyLinks(parseLinkHeader(links[0]))
	default:
		// Relations may come in several Link header lines.
		resp.applyLinks(parseLinkHeader(strings.Join(links, ", ")))
	}
	resp.Rate = parseRate(h)
	resp.RequestID = headerValue(h, headerRequestIDKey)
	resp.EnterpriseVersion = headerValue(h, headerEnterpriseVersionKey)
	return resp
}

// Canonical forms of the response headers read on every call: h.Get would
// canonicalise (and allocate) the mixed-case names on each lookup.
const (
	headerRequestIDKey          = "X-Github-Request-Id"         // headerRequestID
	headerEnterpriseVersionKey  = "X-Github-Enterprise-Version" // headerEnterpriseVersion
	headerRateLimitLimitKey     = "X-Ratelimit-Limit"
	headerRateLimitRemainingKey = "X-Ratelimit-Remaining"
	headerRateLimitUsedKey      = "X-Ratelimit-Used"
	headerRateLimitResetKey     = "X-Ratelimit-Reset"
	headerRateLimitResourceKey  = "X-Ratelimit-Resource"
)

// headerValue is h.Get(key) for a key already in canonical form.
func headerValue(h http.Header, key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

func parseRate(h http.Header) Rate {
	var r Rate
	if v := headerValue(h, headerRateLimitLimitKey); v != "" {
		r.Limit, _ = strconv.Atoi(v)
	}
	if v := headerValue(h, headerRateLimitRemainingKey); v != "" {
		r.Remaining, _ = strconv.Atoi(v)
	}
	if v := headerValue(h, headerRateLimitUsedKey); v != "" {
		r.Used, _ = strconv.Atoi(v)
	}
	if v := headerValue(h, headerRateLimitResetKey); v != "" {
		if sec, err := strconv.ParseInt(v, 10, 64); err == nil {
			r.Reset = time.Unix(sec, 0)
		}
	}
	r.Resource = headerValue(h, headerRateLimitResourceKey)
	return r
}
