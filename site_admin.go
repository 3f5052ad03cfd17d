package ghesadmin

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
)

// WithSiteAdmin gives the login and a personal access token (classic, with
// the site_admin scope) of a site administrator for the instance's web
// origin: the Reports service downloads /stafftools/reports/… there with
// HTTP basic authentication "<login>:<token>", as GHES documents. These
// credentials are sent only to the web origin's report paths, never to the
// REST API or the administration port, and never appear in a URL, an error
// or a log line.
//
// The web origin is the API URL without its /api/v3 suffix
// (https://ghe.example.com/api/v3/ → https://ghe.example.com/). Without
// WithSiteAdmin, report downloads carry the REST API's credentials: basic
// authentication from WithBasicAuth(login, token) works as is; a bare
// WithToken token is sent as "Authorization: token …", which GHES's web
// origin may refuse.
func WithSiteAdmin(login, token string) Option {
	return func(c *config) error {
		switch {
		case strings.TrimSpace(login) == "":
			return errors.New("WithSiteAdmin: the login is empty")
		case strings.ContainsAny(login, ":\r\n"):
			return errors.New("WithSiteAdmin: the login contains ':' or a line break")
		case token == "":
			return errors.New("WithSiteAdmin: the token is empty")
		case strings.ContainsAny(token, "\r\n"):
			return errors.New("WithSiteAdmin: the token contains a line break")
		}
		c.siteAdmin = newCredentials(credBasic, login, token)
		return nil
	}
}

// newWebBackend returns the backend of the instance's web origin (the API
// base without "api/v3/"), with the site administrator's credentials, or
// the API's when WithSiteAdmin was not given.
func newWebBackend(c *Client, api *url.URL, hc *http.Client, siteAdmin, apiCreds *credentials) *backend {
	u := *api
	u.Path = strings.TrimSuffix(u.Path, "api/v3/")
	creds := siteAdmin
	if creds == nil {
		creds = apiCreds
	}
	return newBackend(c, "web", &u, hc, creds)
}

// WebURL returns the instance's web origin used by the Reports service,
// ending in "/".
func (c *Client) WebURL() string { return c.web.baseStr }
