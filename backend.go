package ghesadmin

import (
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"strings"
)

// backend is one origin the client talks to, with its own HTTP client and
// its own credentials: the REST API, the administration port with the
// Management Console password, and the administration port with the Manage
// API's credentials. Each service holds the backend it calls (service.go),
// so a request never says where it goes: its service does.
type backend struct {
	client  *Client
	name    string   // "api" or "console", for logs and errors
	base    *url.URL // always ends in "/"
	baseStr string   // base.String(), cached
	http    *http.Client
	creds   *credentials
	// missingCreds is returned before sending when creds is nil and the
	// backend cannot be called without them (the administration port).
	missingCreds error
	// guessed says the origin was derived from the API URL rather than
	// given (the administration port without a WithManagementConsole URL).
	guessed bool
	// authHint is what a 401 of this backend adds to its error.
	authHint string
}

func newBackend(c *Client, name string, base *url.URL, hc *http.Client, creds *credentials) *backend {
	return &backend{client: c, name: name, base: base, baseStr: base.String(), http: hc, creds: creds}
}

// ErrNoConsolePassword is returned, before anything is sent, by the
// ManagementConsole and Manage services when no administration password is
// configured (for the Manage service, neither the shared password nor a
// console user account).
var ErrNoConsolePassword = errors.New("ghesadmin: no Management Console password configured: create the client with ghesadmin.WithManagementConsole(url, password) (or, for the Manage API, ghesadmin.WithManagementConsoleUser(url, user, password))")

// consoleAuthHint is what a 401 of the administration port adds.
const consoleAuthHint = " (the administration port refused the Management Console credentials: check the password given to WithManagementConsole)"

// guessHint is what an error on a guessed administration port adds: which
// URL was guessed and how to set the right one.
func (b *backend) guessHint() string {
	return " (the administration port URL " + b.baseStr + " was derived from the API URL; if it is wrong, give the right one to WithManagementConsole(url, password))"
}

// hint is what this backend adds to an error reply of the given status.
func (b *backend) hint(status int) string {
	switch {
	case b == nil:
	case status == http.StatusUnauthorized:
		return b.authHint
	case status == http.StatusNotFound && b.guessed:
		return b.guessHint()
	}
	return ""
}

// backendFor returns the backend whose origin u belongs to, or nil: the
// backend of a request given to Do.
func (c *Client) backendFor(u *url.URL) *backend {
	switch {
	case sameOrigin(u, c.api.base):
		return c.api
	case sameOrigin(u, c.console.base):
		if c.manage != c.console && strings.HasPrefix(u.EscapedPath(), c.console.base.EscapedPath()+"manage/") {
			return c.manage
		}
		return c.console
	}
	return nil
}

// credentials hold a backend's secret. They are kept behind a pointer so that
// printing a Client never reaches them, and their String method redacts.
type credentials struct {
	kind     credKind
	user     string
	password string // token, basic-auth password or console password
	header   string // the Authorization header value, built once
}

func newCredentials(kind credKind, user, password string) *credentials {
	c := &credentials{kind: kind, user: user, password: password}
	switch kind {
	case credToken:
		c.header = "token " + password
	case credBasic:
		c.header = basicAuth(user, password)
	}
	return c
}

// basicAuth is the Authorization value of HTTP basic authentication.
func basicAuth(user, password string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+password))
}

type credKind int

const (
	credNone credKind = iota
	credToken
	credBasic
)

// String never shows the secret.
func (c *credentials) String() string { return redacted }

// GoString never shows the secret.
func (c *credentials) GoString() string { return redacted }

func (c *credentials) describe() string {
	if c == nil {
		return "none"
	}
	switch c.kind {
	case credToken:
		return "token " + redacted
	case credBasic:
		return "basic " + redacted
	}
	return "none"
}
