package ghesadmin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/ghesadmin/ghesadmin/internal/ops"
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

// Get returns the instance metadata, including its installed version. The
// client then knows the server's release from installed_version (see
// Client.ServerVersion), unless WithServerVersion pinned it.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.22/rest/meta/meta#get-github-enterprise-server-meta-information
//
// GHES API: GET /meta (GHES 2.22 and later).
//
//meta:operation GET /meta
func (s *MetaService) Get(ctx context.Context) (*APIMeta, *Response, error) {
	m, resp, err := fetch[APIMeta](ctx, s.backend, &request{op: "Meta.Get", method: http.MethodGet, path: "meta"})
	if err != nil {
		return nil, resp, err
	}
	s.backend.client.learnVersion(m.InstalledVersion)
	return m, resp, nil
}

// AdminAPI is the set of administration APIs a GHES release serves on its
// administration port. The Manage GHES API arrived in stages, each a flag of
// its own; a release has the operations of every stage it has the flag of.
type AdminAPI uint8

// The administration APIs and the stages of the Manage GHES API, as GitHub's
// descriptions of each release give them (GHES 3.9 to 3.14 serve both APIs).
const (
	// AdminAPIManagementConsole is the Management Console API
	// (/setup/api), up to GHES 3.14: the ManagementConsole service.
	AdminAPIManagementConsole AdminAPI = 1 << iota
	// AdminAPIManage is the Manage GHES API (/manage/v1), from GHES 3.9:
	// Manage.Version, Manage.Nodes and Manage.ReplicationStatus.
	AdminAPIManage
	// AdminAPIManageMaintenance is the maintenance mode of the Manage GHES
	// API, from GHES 3.10: Manage.MaintenanceStatus and
	// Manage.SetMaintenance.
	AdminAPIManageMaintenance
	// AdminAPIManageConfig is the configuration part of the Manage GHES
	// API, from GHES 3.12: cluster status, config apply runs and their
	// events, initial configuration, license, settings, SSH keys and the
	// system requirement checks.
	AdminAPIManageConfig
	// AdminAPIManageUpgrade is the upgrade part of the Manage GHES API,
	// from GHES 3.22: upgrade package downloads, their status, applying an
	// upgrade and its status.
	AdminAPIManageUpgrade
)

// adminAPIStages gives, for each flag, the operations of the table that a
// release must have for the flag to be set.
var adminAPIStages = []struct {
	flag AdminAPI
	name string
	ops  []string
}{
	{AdminAPIManagementConsole, "ManagementConsole", []string{"GET /setup/api/settings", "POST /setup/api/maintenance"}},
	{AdminAPIManage, "Manage", []string{"GET /manage/v1/version", "GET /manage/v1/config/nodes", "GET /manage/v1/replication/status"}},
	{AdminAPIManageMaintenance, "ManageMaintenance", []string{"GET /manage/v1/maintenance", "POST /manage/v1/maintenance"}},
	{AdminAPIManageConfig, "ManageConfig", []string{"GET /manage/v1/config/settings", "POST /manage/v1/config/apply", "GET /manage/v1/config/license"}},
	{AdminAPIManageUpgrade, "ManageUpgrade", []string{"GET /manage/v1/upgrade/status", "POST /manage/v1/upgrade/apply"}},
}

// HasManagementConsole tells whether the Management Console API is served.
func (a AdminAPI) HasManagementConsole() bool { return a&AdminAPIManagementConsole != 0 }

// HasManage tells whether the Manage GHES API is served (GHES 3.9 and
// later); its later stages have flags of their own: use Has.
func (a AdminAPI) HasManage() bool { return a&AdminAPIManage != 0 }

// Has tells whether every API or stage of b is served:
// a.Has(AdminAPIManageMaintenance).
func (a AdminAPI) Has(b AdminAPI) bool { return b != 0 && a&b == b }

// String names the APIs and stages joined by "+", such as
// "ManagementConsole+Manage+ManageMaintenance", or "none".
func (a AdminAPI) String() string {
	var names []string
	for _, st := range adminAPIStages {
		if a&st.flag != 0 {
			names = append(names, st.name)
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, "+")
}

// AdminAPIForVersion returns the administration APIs of GHES release v, as
// the SDK's table of operations gives them: the Management Console up to
// 3.14; the Manage GHES API from 3.9, its maintenance mode from 3.10, its
// configuration from 3.12 and its upgrades from 3.22. v is a version as GHES
// writes it: "3.14.2", "3.9", "v3.10.0", or the X-GitHub-Enterprise-Version
// form "enterprise-server@2.22.0"; a suffix after the minor or patch number
// ("3.12.0.rc1", "3.12.0-rc1") is ignored. Releases before 2.0 (11.10.x) have
// the Management Console only. A release that GitHub does not describe (3.0
// to 3.3, 3.20, 3.21) is given what the described releases around it do not
// rule out; a release newer than any described has what the newest has.
func AdminAPIForVersion(v string) (AdminAPI, error) {
	r, ok := ops.ParseRelease(v)
	if !ok {
		return 0, fmt.Errorf("%w: %q is not a GHES version (want MAJOR.MINOR[.PATCH])", ErrInvalidArgument, v)
	}
	var a AdminAPI
	for _, st := range adminAPIStages {
		if releaseHasAll(r, st.ops) {
			a |= st.flag
		}
	}
	return a, nil
}

// releaseHasAll tells whether release r has every operation of keys
// ("METHOD /path"); an operation missing from the table counts as absent.
func releaseHasAll(r ops.Release, keys []string) bool {
	for _, k := range keys {
		m, p, _ := strings.Cut(k, " ")
		o, ok := ops.Find(m, p)
		if !ok || !o.Has(r) {
			return false
		}
	}
	return true
}

// AdminAPI reads the installed version (GET /meta, or the
// X-GitHub-Enterprise-Version header when the body has none) and returns the
// administration APIs that release serves (AdminAPIForVersion). The client
// then knows the server's release too (see Client.ServerVersion).
//
// GHES API: GET /meta (GHES 2.22 and later).
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
		return 0, resp, errors.New("ghesadmin: the server does not say its version (no installed_version in GET /meta, no X-GitHub-Enterprise-Version header)")
	}
	a, err := AdminAPIForVersion(v)
	return a, resp, err
}
