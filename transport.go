package ghesadmin

import (
	"crypto/tls"
	"errors"
	"net/http"
)

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
