package ghesadmin

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

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
