package ghesadmin

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// APIMeta is the metadata of a GHES instance (GET /meta).
type APIMeta struct {
	// VerifiablePasswordAuthentication tells whether users can
	// authenticate to Git over HTTPS with their password.
	VerifiablePasswordAuthentication bool `json:"verifiable_password_authentication"`
	// SSHKeyFingerprints are the fingerprints of the instance's SSH host
	// keys, by algorithm ("SHA256_RSA", "SHA256_ECDSA", "SHA256_ED25519").
	SSHKeyFingerprints map[string]string `json:"ssh_key_fingerprints,omitempty"`
	// SSHKeys are the instance's SSH host public keys.
	SSHKeys []string `json:"ssh_keys,omitempty"`
	// Hooks are the addresses webhooks are sent from.
	Hooks []string `json:"hooks,omitempty"`
	// InstalledVersion is the GHES release, such as "3.14.2".
	InstalledVersion string `json:"installed_version"`
}

// Get returns the instance metadata, including its installed version.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/meta/meta#get-github-enterprise-server-meta-information
//
//meta:operation GET /meta
func (s *MetaService) Get(ctx context.Context) (*APIMeta, *Response, error) {
	return fetch[APIMeta](ctx, s.client, &request{method: http.MethodGet, path: "meta"})
}

// AdminAPI is the set of administration APIs a GHES release serves on its
// administration port.
type AdminAPI uint8

// The administration APIs. GHES 3.8 to 3.14 serve both.
const (
	// AdminAPIManagementConsole is the Management Console API
	// (/setup/api), up to GHES 3.14: the ManagementConsole service.
	AdminAPIManagementConsole AdminAPI = 1 << iota
	// AdminAPIManage is the Manage GHES API (/manage/v1), from GHES 3.8:
	// the Manage service.
	AdminAPIManage
)

// HasManagementConsole tells whether the Management Console API is served.
func (a AdminAPI) HasManagementConsole() bool { return a&AdminAPIManagementConsole != 0 }

// HasManage tells whether the Manage GHES API is served.
func (a AdminAPI) HasManage() bool { return a&AdminAPIManage != 0 }

// String names the APIs: "ManagementConsole", "Manage",
// "ManagementConsole+Manage" or "none".
func (a AdminAPI) String() string {
	switch {
	case a.HasManagementConsole() && a.HasManage():
		return "ManagementConsole+Manage"
	case a.HasManagementConsole():
		return "ManagementConsole"
	case a.HasManage():
		return "Manage"
	}
	return "none"
}

// AdminAPIForVersion returns the administration APIs of GHES release v:
// the Management Console up to 3.14, the Manage GHES API from 3.8. v is a
// version as GHES writes it: "3.14.2", "3.9", "v3.10.0", or the
// X-GitHub-Enterprise-Version form "enterprise-server@2.22.0"; a suffix after
// the minor or patch number ("3.12.0.rc1", "3.12.0-rc1") is ignored. Releases
// before 2.0 (11.10.x) have the Management Console only.
func AdminAPIForVersion(v string) (AdminAPI, error) {
	major, minor, err := parseMajorMinor(v)
	if err != nil {
		return 0, err
	}
	var a AdminAPI
	legacy := major == 11 // GitHub Enterprise 11.10.x predates 2.0
	if legacy || major < 3 || (major == 3 && minor <= 14) {
		a |= AdminAPIManagementConsole
	}
	if !legacy && (major > 3 || (major == 3 && minor >= 8)) {
		a |= AdminAPIManage
	}
	return a, nil
}

// parseMajorMinor reads the major and minor numbers of a GHES version.
func parseMajorMinor(v string) (major, minor int, err error) {
	s := strings.TrimSpace(v)
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		s = s[i+1:]
	}
	s = strings.TrimPrefix(strings.TrimPrefix(s, "v"), "V")
	parts := strings.SplitN(s, ".", 3)
	if len(parts) < 2 {
		return 0, 0, fmt.Errorf("%w: %q is not a GHES version (want MAJOR.MINOR[.PATCH])", ErrInvalidArgument, v)
	}
	major, err1 := strconv.Atoi(parts[0])
	minor, err2 := strconv.Atoi(leadingDigits(parts[1]))
	if err1 != nil || err2 != nil || major < 0 || minor < 0 {
		return 0, 0, fmt.Errorf("%w: %q is not a GHES version (want MAJOR.MINOR[.PATCH])", ErrInvalidArgument, v)
	}
	return major, minor, nil
}

func leadingDigits(s string) string {
	for i, r := range s {
		if r < '0' || r > '9' {
			return s[:i]
		}
	}
	return s
}

// AdminAPI reads the installed version (GET /meta, or the
// X-GitHub-Enterprise-Version header when the body has none) and returns the
// administration APIs that release serves.
//
//meta:operation GET /meta
func (s *MetaService) AdminAPI(ctx context.Context) (AdminAPI, *Response, error) {
	m, resp, err := s.Get(ctx)
	if err != nil {
		return 0, resp, err
	}
	v := m.InstalledVersion
	if v == "" && resp != nil {
		v = resp.EnterpriseVersion
	}
	if v == "" {
		return 0, resp, fmt.Errorf("ghesadmin: the server does not say its version (no installed_version in GET /meta, no %s header)", headerEnterpriseVersion)
	}
	a, err := AdminAPIForVersion(v)
	return a, resp, err
}
