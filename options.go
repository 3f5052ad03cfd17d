package ghesadmin

import (
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
)

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
	siteAdmin       *credentials // WithSiteAdmin (site_admin.go)
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
