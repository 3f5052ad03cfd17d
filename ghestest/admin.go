package ghestest

import (
	"crypto/md5"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// adminState is what the administration port manages; the Management
// Console and the Manage GHES API share it.
type adminState struct {
	settings    map[string]any // the "enterprise" settings document
	maintenance maintenanceRec
	sshKeys     []string
	runs        []*configRun // configuration runs, oldest first
	download    *upgradeDownload
	upgrade     *upgradeRun
}

type maintenanceRec struct {
	enabled      bool
	since        time.Time  // when it was turned on (enabled, not scheduled)
	scheduled    *time.Time // a future start, when scheduled
	ipExceptions []string
	message      string
}

type configRun struct {
	id      string
	reads   int
	started time.Time
}

type upgradeDownload struct {
	id      string
	version string
	reads   int
	forced  bool
}

type upgradeRun struct {
	version string
	phase   string
	reads   int
	started time.Time
	done    bool
}

// The single node the fake reports on /manage/v1.
const (
	nodeHostname = "ghestest-primary"
	nodeUUID     = "5f1c3d9e-7a2b-4c8d-9e0f-1a2b3c4d5e6f"
)

var nodeRoles = []string{"ConsulServer", "ElasticsearchServer", "GitServer", "JobServer", "MemcacheServer", "MysqlServer", "PagesServer", "RedisServer", "StorageServer", "WebServer"}

// initialSettings follows the settings example of the GHES reference.
const initialSettings = `{
  "private_mode": false, "public_pages": false, "subdomain_isolation": true, "signup_enabled": false,
  "github_hostname": "ghe.local", "identicons_host": "dotcom", "http_proxy": null, "auth_mode": "default",
  "expire_sessions": false, "admin_password": null, "configuration_id": 1401777404, "configuration_run_count": 0,
  "avatar": {"enabled": false, "uri": ""},
  "customer": {"name": "GitHub", "email": "admin@ghes.test", "uuid": "af6cac80-e4e1-012e-d822-1231380e52e9", "secret_key_data": "", "public_key_data": ""},
  "license": {"seats": 0, "evaluation": false, "perpetual": false, "unlimited_seating": true, "support_key": "ssh-rsa AAAAB3N....", "ssh_allowed": true, "cluster_support": false, "expire_at": "2016-04-27T00:00:00-07:00"},
  "github_ssl": {"enabled": false, "cert": null, "key": null},
  "ldap": {"host": null, "port": 0, "base": [], "uid": null, "bind_dn": null, "password": null, "method": "Plain",
    "search_strategy": "detect", "user_groups": [], "admin_group": null, "virtual_attribute_enabled": false,
    "recursive_group_search": false, "posix_support": true, "user_sync_emails": false, "user_sync_keys": false,
    "user_sync_interval": 4, "team_sync_interval": 4, "sync_enabled": false,
    "reconciliation": {"user": null, "org": null}, "profile": {"uid": "uid", "name": null, "mail": null, "key": null}},
  "cas": {"url": null},
  "saml": {"sso_url": null, "certificate": null, "certificate_path": null, "issuer": null, "idp_initiated_sso": false, "disable_admin_demote": false},
  "github_oauth": {"client_id": "", "client_secret": "", "organization_name": "", "organization_team": ""},
  "smtp": {"enabled": false, "address": "smtp.example.com", "authentication": "plain", "port": "25", "domain": "", "username": "",
    "user_name": "", "enable_starttls_auto": true, "password": "", "discard-to-noreply-address": true,
    "support_address": "enterprise@example.com", "support_address_type": "email", "noreply_address": "noreply@example.com"},
  "ntp": {"primary_server": "0.pool.ntp.org", "secondary_server": "1.pool.ntp.org"},
  "timezone": null,
  "snmp": {"enabled": false, "community": ""},
  "syslog": {"enabled": false, "server": null, "protocol_name": "udp"},
  "assets": null,
  "pages": {"enabled": true},
  "collectd": {"enabled": false, "server": null, "port": 0, "encryption": null, "username": null, "password": null},
  "mapping": {"enabled": true, "tileserver": null, "basemap": "company.map-qsz2zrvs", "token": null},
  "load_balancer": null
}`

func newAdminState() adminState {
	var settings map[string]any
	_ = json.Unmarshal([]byte(initialSettings), &settings) // a constant that parses
	return adminState{settings: settings}
}

// mergeSettings merges patch into dst: objects merge key by key, anything
// else replaces.
func mergeSettings(dst, patch map[string]any) {
	for k, v := range patch {
		if pv, ok := v.(map[string]any); ok {
			if dv, ok := dst[k].(map[string]any); ok {
				mergeSettings(dv, pv)
				continue
			}
		}
		dst[k] = v
	}
}

// maintenanceStatus is "off", "on" or "scheduled" at now.
func (m *maintenanceRec) status(now time.Time) string {
	switch {
	case !m.enabled:
		return "off"
	case m.scheduled != nil && now.Before(*m.scheduled):
		return "scheduled"
	}
	return "on"
}

// setMaintenance applies a maintenance request.
func (a *adminState) setMaintenance(enabled bool, when string, now time.Time, ips []string, msg *string) error {
	if !enabled {
		a.maintenance = maintenanceRec{ipExceptions: a.maintenance.ipExceptions, message: a.maintenance.message}
		return nil
	}
	at, err := parseWhen(when, now)
	if err != nil {
		return err
	}
	a.maintenance.enabled = true
	a.maintenance.scheduled = at
	a.maintenance.since = now
	if at != nil {
		a.maintenance.since = *at
	}
	if ips != nil {
		a.maintenance.ipExceptions = append([]string{}, ips...)
	}
	if msg != nil {
		a.maintenance.message = *msg
	}
	return nil
}

// validSSHKey checks "type base64 [comment]" and returns its MD5
// fingerprint as colon-separated hex.
func validSSHKey(key string) (string, bool) {
	f := strings.Fields(key)
	if len(f) < 2 {
		return "", false
	}
	t := f[0]
	if !strings.HasPrefix(t, "ssh-") && !strings.HasPrefix(t, "ecdsa-") && !strings.HasPrefix(t, "sk-") {
		return "", false
	}
	blob, err := base64.StdEncoding.DecodeString(f[1])
	if err != nil || len(blob) == 0 {
		return "", false
	}
	sum := md5.Sum(blob)
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02x", b)
	}
	return strings.Join(parts, ":"), true
}

func (a *adminState) hasKey(key string) int {
	k := strings.Join(strings.Fields(key)[:2], " ")
	for i, have := range a.sshKeys {
		if strings.Join(strings.Fields(have)[:2], " ") == k {
			return i
		}
	}
	return -1
}

// startRun starts a configuration run and returns it.
func (s *Server) startRun(id string) *configRun {
	if id == "" {
		id, _ = randomString("", 4)
	}
	r := &configRun{id: id, started: s.now()}
	s.st.admin.runs = append(s.st.admin.runs, r)
	if n, ok := s.st.admin.settings["configuration_run_count"].(float64); ok {
		s.st.admin.settings["configuration_run_count"] = n + 1
	}
	return r
}

func (s *Server) lastRun() *configRun {
	if len(s.st.admin.runs) == 0 {
		return nil
	}
	return s.st.admin.runs[len(s.st.admin.runs)-1]
}

// readRun counts a status read of a run and reports whether it has
// finished.
func (s *Server) readRun(r *configRun) bool {
	if r.reads < s.cfg.statusReads {
		r.reads++
	}
	return r.reads >= s.cfg.statusReads
}

// applyLicenseFile reads a license upload. The fake understands a JSON
// document {"seats": N, "expire_at": "<RFC 3339>"}; any other non-empty
// content is accepted as an opaque license and changes nothing.
func (s *Server) applyLicenseFile(content []byte) {
	var lic struct {
		Seats    *int       `json:"seats"`
		ExpireAt *time.Time `json:"expire_at"`
	}
	if json.Unmarshal(content, &lic) != nil {
		return
	}
	if lic.Seats != nil && *lic.Seats >= 0 {
		s.st.license.seats = *lic.Seats
	}
	if lic.ExpireAt != nil {
		s.st.license.expireAt = *lic.ExpireAt
	}
}
