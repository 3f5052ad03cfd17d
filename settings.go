package ghesadmin

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
)

// This file holds the settings tree shared by the Management Console
// (GET/PUT /setup/api/settings, under "enterprise") and the Manage GHES API
// (GET/PUT /manage/v1/config/settings, at the top level).
//
// Design: every field is a pointer (or a slice, or raw JSON) with omitempty,
// and every object keeps the keys it does not know in Extra. So one type
// serves both directions:
//
//   - read-modify-write: Settings, change a field, UpdateSettings. What the
//     server sent is sent back, unknown keys included, with the one change.
//   - partial update: build a value with only the fields to change
//     (&EnterpriseSettings{PublicPages: Ptr(true)}); nil fields are not sent,
//     and the server keeps their values.
//
// Tolerant reader: a value whose JSON type differs from the field's (a port
// sent as a number where the reference documents a string, "" for a number,
// an object for the timezone) never fails the decode. The field is read
// leniently where the value converts (587 for a string field reads "587")
// and stays nil where it does not, and the value as sent is kept: it goes
// back with its own JSON type unless the caller changes the field.
//
// A null from the server decodes to a nil pointer and is therefore not sent
// back: the settings endpoints merge what they receive, so leaving a key out
// keeps its value. Fields whose type the reference never shows (assets,
// load_balancer) are raw JSON and go back byte for byte.

// ConsoleSettings is the document of GET and PUT /setup/api/settings.
type ConsoleSettings struct {
	Enterprise *EnterpriseSettings `json:"enterprise,omitempty"`
	// RunList is the list of configuration recipes the appliance runs.
	RunList []string `json:"run_list,omitempty"`
	// Extra holds the top-level keys this SDK does not know, sent back
	// unchanged by UpdateSettings.
	Extra map[string]json.RawMessage `json:"-"`
	orig  map[string]json.RawMessage `json:"-"`
}

// EnterpriseSettings is the settings tree of the appliance: the "enterprise"
// object of the Management Console settings, and the whole document of the
// Manage GHES API settings.
type EnterpriseSettings struct {
	PrivateMode           *bool   `json:"private_mode,omitempty"`
	PublicPages           *bool   `json:"public_pages,omitempty"`
	SubdomainIsolation    *bool   `json:"subdomain_isolation,omitempty"`
	SignupEnabled         *bool   `json:"signup_enabled,omitempty"`
	GitHubHostname        *string `json:"github_hostname,omitempty"`
	IdenticonsHost        *string `json:"identicons_host,omitempty"`
	HTTPProxy             *string `json:"http_proxy,omitempty"`
	AuthMode              *string `json:"auth_mode,omitempty"`
	ExpireSessions        *bool   `json:"expire_sessions,omitempty"`
	AdminPassword         *string `json:"admin_password,omitempty"`
	ConfigurationID       *int64  `json:"configuration_id,omitempty"`
	ConfigurationRunCount *int    `json:"configuration_run_count,omitempty"`

	Avatar      *AvatarSettings      `json:"avatar,omitempty"`
	Customer    *CustomerSettings    `json:"customer,omitempty"`
	License     *LicenseSettings     `json:"license,omitempty"`
	GitHubSSL   *GitHubSSLSettings   `json:"github_ssl,omitempty"`
	LDAP        *LDAPSettings        `json:"ldap,omitempty"`
	CAS         *CASSettings         `json:"cas,omitempty"`
	SAML        *SAMLSettings        `json:"saml,omitempty"`
	GitHubOAuth *GitHubOAuthSettings `json:"github_oauth,omitempty"`
	SMTP        *SMTPSettings        `json:"smtp,omitempty"`
	NTP         *NTPSettings         `json:"ntp,omitempty"`
	Timezone    *string              `json:"timezone,omitempty"`
	SNMP        *SNMPSettings        `json:"snmp,omitempty"`
	Syslog      *SyslogSettings      `json:"syslog,omitempty"`
	// Assets is kept as raw JSON: the reference only shows null.
	Assets   json.RawMessage   `json:"assets,omitempty"`
	Pages    *PagesSettings    `json:"pages,omitempty"`
	Collectd *CollectdSettings `json:"collectd,omitempty"`
	Mapping  *MappingSettings  `json:"mapping,omitempty"`
	// LoadBalancer is kept as raw JSON: the reference only shows null.
	LoadBalancer json.RawMessage `json:"load_balancer,omitempty"`
	// Prometheus is only in the Manage GHES API settings.
	Prometheus *PrometheusSettings `json:"prometheus,omitempty"`

	// Extra holds the keys this SDK does not know, sent back unchanged.
	Extra map[string]json.RawMessage `json:"-"`
	orig  map[string]json.RawMessage `json:"-"`
}

// AvatarSettings configure the avatar service.
type AvatarSettings struct {
	Enabled *bool                      `json:"enabled,omitempty"`
	URI     *string                    `json:"uri,omitempty"`
	Extra   map[string]json.RawMessage `json:"-"`
	orig    map[string]json.RawMessage `json:"-"`
}

// CustomerSettings describe the licensed customer and its PGP keys.
type CustomerSettings struct {
	Name          *string                    `json:"name,omitempty"`
	Email         *string                    `json:"email,omitempty"`
	UUID          *string                    `json:"uuid,omitempty"`
	SecretKeyData *string                    `json:"secret_key_data,omitempty"`
	PublicKeyData *string                    `json:"public_key_data,omitempty"`
	Extra         map[string]json.RawMessage `json:"-"`
	orig          map[string]json.RawMessage `json:"-"`
}

// LicenseSettings describe the installed license as the settings show it.
type LicenseSettings struct {
	Seats            *int    `json:"seats,omitempty"`
	Evaluation       *bool   `json:"evaluation,omitempty"`
	Perpetual        *bool   `json:"perpetual,omitempty"`
	UnlimitedSeating *bool   `json:"unlimited_seating,omitempty"`
	SupportKey       *string `json:"support_key,omitempty"`
	SSHAllowed       *bool   `json:"ssh_allowed,omitempty"`
	ClusterSupport   *bool   `json:"cluster_support,omitempty"`
	// ExpireAt is kept as the server wrote it (such as
	// "2016-04-27T00:00:00-07:00"), so that it goes back unchanged; read it
	// with ParseTimestamp.
	ExpireAt *string                    `json:"expire_at,omitempty"`
	Extra    map[string]json.RawMessage `json:"-"`
	orig     map[string]json.RawMessage `json:"-"`
}

// GitHubSSLSettings configure TLS for the web interface.
type GitHubSSLSettings struct {
	Enabled *bool                      `json:"enabled,omitempty"`
	Cert    *string                    `json:"cert,omitempty"`
	Key     *string                    `json:"key,omitempty"`
	Extra   map[string]json.RawMessage `json:"-"`
	orig    map[string]json.RawMessage `json:"-"`
}

// LDAPSettings configure LDAP authentication and synchronisation.
type LDAPSettings struct {
	Host                    *string                     `json:"host,omitempty"`
	Port                    *int                        `json:"port,omitempty"`
	Base                    []string                    `json:"base,omitempty"`
	UID                     *string                     `json:"uid,omitempty"`
	BindDN                  *string                     `json:"bind_dn,omitempty"`
	Password                *string                     `json:"password,omitempty"`
	Method                  *string                     `json:"method,omitempty"`
	SearchStrategy          *string                     `json:"search_strategy,omitempty"`
	UserGroups              []string                    `json:"user_groups,omitempty"`
	AdminGroup              *string                     `json:"admin_group,omitempty"`
	VirtualAttributeEnabled *bool                       `json:"virtual_attribute_enabled,omitempty"`
	RecursiveGroupSearch    *bool                       `json:"recursive_group_search,omitempty"`
	PosixSupport            *bool                       `json:"posix_support,omitempty"`
	UserSyncEmails          *bool                       `json:"user_sync_emails,omitempty"`
	UserSyncKeys            *bool                       `json:"user_sync_keys,omitempty"`
	UserSyncInterval        *int                        `json:"user_sync_interval,omitempty"`
	TeamSyncInterval        *int                        `json:"team_sync_interval,omitempty"`
	SyncEnabled             *bool                       `json:"sync_enabled,omitempty"`
	Reconciliation          *LDAPReconciliationSettings `json:"reconciliation,omitempty"`
	Profile                 *LDAPProfileSettings        `json:"profile,omitempty"`
	Extra                   map[string]json.RawMessage  `json:"-"`
	orig                    map[string]json.RawMessage  `json:"-"`
}

// LDAPReconciliationSettings name the LDAP reconciliation of users and
// organizations.
type LDAPReconciliationSettings struct {
	User  *string                    `json:"user,omitempty"`
	Org   *string                    `json:"org,omitempty"`
	Extra map[string]json.RawMessage `json:"-"`
	orig  map[string]json.RawMessage `json:"-"`
}

// LDAPProfileSettings map LDAP attributes to profile fields.
type LDAPProfileSettings struct {
	UID   *string                    `json:"uid,omitempty"`
	Name  *string                    `json:"name,omitempty"`
	Mail  *string                    `json:"mail,omitempty"`
	Key   *string                    `json:"key,omitempty"`
	Extra map[string]json.RawMessage `json:"-"`
	orig  map[string]json.RawMessage `json:"-"`
}

// CASSettings configure CAS authentication.
type CASSettings struct {
	URL   *string                    `json:"url,omitempty"`
	Extra map[string]json.RawMessage `json:"-"`
	orig  map[string]json.RawMessage `json:"-"`
}

// SAMLSettings configure SAML authentication.
type SAMLSettings struct {
	SSOURL             *string                    `json:"sso_url,omitempty"`
	Certificate        *string                    `json:"certificate,omitempty"`
	CertificatePath    *string                    `json:"certificate_path,omitempty"`
	Issuer             *string                    `json:"issuer,omitempty"`
	IdPInitiatedSSO    *bool                      `json:"idp_initiated_sso,omitempty"`
	DisableAdminDemote *bool                      `json:"disable_admin_demote,omitempty"`
	Extra              map[string]json.RawMessage `json:"-"`
	orig               map[string]json.RawMessage `json:"-"`
}

// GitHubOAuthSettings configure authentication through GitHub.com.
type GitHubOAuthSettings struct {
	ClientID         *string                    `json:"client_id,omitempty"`
	ClientSecret     *string                    `json:"client_secret,omitempty"`
	OrganizationName *string                    `json:"organization_name,omitempty"`
	OrganizationTeam *string                    `json:"organization_team,omitempty"`
	Extra            map[string]json.RawMessage `json:"-"`
	orig             map[string]json.RawMessage `json:"-"`
}

// SMTPSettings configure outgoing email.
type SMTPSettings struct {
	Enabled            *bool   `json:"enabled,omitempty"`
	Address            *string `json:"address,omitempty"`
	Authentication     *string `json:"authentication,omitempty"`
	Port               *string `json:"port,omitempty"`
	Domain             *string `json:"domain,omitempty"`
	Username           *string `json:"username,omitempty"`
	UserName           *string `json:"user_name,omitempty"`
	EnableStartTLSAuto *bool   `json:"enable_starttls_auto,omitempty"`
	Password           *string `json:"password,omitempty"`
	// DiscardToNoreplyAddress is the "discard-to-noreply-address" key
	// (with dashes).
	DiscardToNoreplyAddress *bool                      `json:"discard-to-noreply-address,omitempty"`
	SupportAddress          *string                    `json:"support_address,omitempty"`
	SupportAddressType      *string                    `json:"support_address_type,omitempty"`
	NoreplyAddress          *string                    `json:"noreply_address,omitempty"`
	Extra                   map[string]json.RawMessage `json:"-"`
	orig                    map[string]json.RawMessage `json:"-"`
}

// NTPSettings name the time servers.
type NTPSettings struct {
	PrimaryServer   *string                    `json:"primary_server,omitempty"`
	SecondaryServer *string                    `json:"secondary_server,omitempty"`
	Extra           map[string]json.RawMessage `json:"-"`
	orig            map[string]json.RawMessage `json:"-"`
}

// SNMPSettings configure SNMP monitoring.
type SNMPSettings struct {
	Enabled   *bool                      `json:"enabled,omitempty"`
	Community *string                    `json:"community,omitempty"`
	Extra     map[string]json.RawMessage `json:"-"`
	orig      map[string]json.RawMessage `json:"-"`
}

// SyslogSettings configure log forwarding.
type SyslogSettings struct {
	Enabled      *bool                      `json:"enabled,omitempty"`
	Server       *string                    `json:"server,omitempty"`
	ProtocolName *string                    `json:"protocol_name,omitempty"`
	Extra        map[string]json.RawMessage `json:"-"`
	orig         map[string]json.RawMessage `json:"-"`
}

// PagesSettings turn GitHub Pages on or off.
type PagesSettings struct {
	Enabled *bool                      `json:"enabled,omitempty"`
	Extra   map[string]json.RawMessage `json:"-"`
	orig    map[string]json.RawMessage `json:"-"`
}

// CollectdSettings configure metrics forwarding with collectd.
type CollectdSettings struct {
	Enabled    *bool                      `json:"enabled,omitempty"`
	Server     *string                    `json:"server,omitempty"`
	Port       *int                       `json:"port,omitempty"`
	Encryption *string                    `json:"encryption,omitempty"`
	Username   *string                    `json:"username,omitempty"`
	Password   *string                    `json:"password,omitempty"`
	Extra      map[string]json.RawMessage `json:"-"`
	orig       map[string]json.RawMessage `json:"-"`
}

// MappingSettings configure the map tiles service.
type MappingSettings struct {
	Enabled    *bool                      `json:"enabled,omitempty"`
	Tileserver *string                    `json:"tileserver,omitempty"`
	Basemap    *string                    `json:"basemap,omitempty"`
	Token      *string                    `json:"token,omitempty"`
	Extra      map[string]json.RawMessage `json:"-"`
	orig       map[string]json.RawMessage `json:"-"`
}

// PrometheusSettings configure the Prometheus metrics endpoint (Manage GHES
// API).
type PrometheusSettings struct {
	Enabled    *bool                      `json:"enabled,omitempty"`
	TrustedIPs *string                    `json:"trusted_ips,omitempty"`
	Extra      map[string]json.RawMessage `json:"-"`
	orig       map[string]json.RawMessage `json:"-"`
}

// The JSON methods below keep unknown keys in Extra on decode and merge them
// back on encode. Each converts to a local type without methods to reach the
// default encoding of its fields.

// Every settings object decodes and encodes through the one mechanism below
// (decodeSettings, encodeSettings), which reads the struct's json tags: its
// two JSON methods only hand it the object and its Extra and orig maps.

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *ConsoleSettings) UnmarshalJSON(b []byte) error {
	return decodeSettings(b, s, &s.Extra, &s.orig)
}

// MarshalJSON encodes the set fields and the keys of Extra.
func (s ConsoleSettings) MarshalJSON() ([]byte, error) { return encodeSettings(&s, s.Extra, s.orig) }

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *EnterpriseSettings) UnmarshalJSON(b []byte) error {
	return decodeSettings(b, s, &s.Extra, &s.orig)
}

// MarshalJSON encodes the set fields and the keys of Extra.
func (s EnterpriseSettings) MarshalJSON() ([]byte, error) { return encodeSettings(&s, s.Extra, s.orig) }

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *AvatarSettings) UnmarshalJSON(b []byte) error {
	return decodeSettings(b, s, &s.Extra, &s.orig)
}

// MarshalJSON encodes the set fields and the keys of Extra.
func (s AvatarSettings) MarshalJSON() ([]byte, error) { return encodeSettings(&s, s.Extra, s.orig) }

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *CustomerSettings) UnmarshalJSON(b []byte) error {
	return decodeSettings(b, s, &s.Extra, &s.orig)
}

// MarshalJSON encodes the set fields and the keys of Extra.
func (s CustomerSettings) MarshalJSON() ([]byte, error) { return encodeSettings(&s, s.Extra, s.orig) }

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *LicenseSettings) UnmarshalJSON(b []byte) error {
	return decodeSettings(b, s, &s.Extra, &s.orig)
}

// MarshalJSON encodes the set fields and the keys of Extra.
func (s LicenseSettings) MarshalJSON() ([]byte, error) { return encodeSettings(&s, s.Extra, s.orig) }

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *GitHubSSLSettings) UnmarshalJSON(b []byte) error {
	return decodeSettings(b, s, &s.Extra, &s.orig)
}

// MarshalJSON encodes the set fields and the keys of Extra.
func (s GitHubSSLSettings) MarshalJSON() ([]byte, error) { return encodeSettings(&s, s.Extra, s.orig) }

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *LDAPSettings) UnmarshalJSON(b []byte) error { return decodeSettings(b, s, &s.Extra, &s.orig) }

// MarshalJSON encodes the set fields and the keys of Extra.
func (s LDAPSettings) MarshalJSON() ([]byte, error) { return encodeSettings(&s, s.Extra, s.orig) }

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *LDAPReconciliationSettings) UnmarshalJSON(b []byte) error {
	return decodeSettings(b, s, &s.Extra, &s.orig)
}

// MarshalJSON encodes the set fields and the keys of Extra.
func (s LDAPReconciliationSettings) MarshalJSON() ([]byte, error) {
	return encodeSettings(&s, s.Extra, s.orig)
}

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *LDAPProfileSettings) UnmarshalJSON(b []byte) error {
	return decodeSettings(b, s, &s.Extra, &s.orig)
}

// MarshalJSON encodes the set fields and the keys of Extra.
func (s LDAPProfileSettings) MarshalJSON() ([]byte, error) {
	return encodeSettings(&s, s.Extra, s.orig)
}

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *CASSettings) UnmarshalJSON(b []byte) error { return decodeSettings(b, s, &s.Extra, &s.orig) }

// MarshalJSON encodes the set fields and the keys of Extra.
func (s CASSettings) MarshalJSON() ([]byte, error) { return encodeSettings(&s, s.Extra, s.orig) }

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *SAMLSettings) UnmarshalJSON(b []byte) error { return decodeSettings(b, s, &s.Extra, &s.orig) }

// MarshalJSON encodes the set fields and the keys of Extra.
func (s SAMLSettings) MarshalJSON() ([]byte, error) { return encodeSettings(&s, s.Extra, s.orig) }

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *GitHubOAuthSettings) UnmarshalJSON(b []byte) error {
	return decodeSettings(b, s, &s.Extra, &s.orig)
}

// MarshalJSON encodes the set fields and the keys of Extra.
func (s GitHubOAuthSettings) MarshalJSON() ([]byte, error) {
	return encodeSettings(&s, s.Extra, s.orig)
}

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *SMTPSettings) UnmarshalJSON(b []byte) error { return decodeSettings(b, s, &s.Extra, &s.orig) }

// MarshalJSON encodes the set fields and the keys of Extra.
func (s SMTPSettings) MarshalJSON() ([]byte, error) { return encodeSettings(&s, s.Extra, s.orig) }

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *NTPSettings) UnmarshalJSON(b []byte) error { return decodeSettings(b, s, &s.Extra, &s.orig) }

// MarshalJSON encodes the set fields and the keys of Extra.
func (s NTPSettings) MarshalJSON() ([]byte, error) { return encodeSettings(&s, s.Extra, s.orig) }

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *SNMPSettings) UnmarshalJSON(b []byte) error { return decodeSettings(b, s, &s.Extra, &s.orig) }

// MarshalJSON encodes the set fields and the keys of Extra.
func (s SNMPSettings) MarshalJSON() ([]byte, error) { return encodeSettings(&s, s.Extra, s.orig) }

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *SyslogSettings) UnmarshalJSON(b []byte) error {
	return decodeSettings(b, s, &s.Extra, &s.orig)
}

// MarshalJSON encodes the set fields and the keys of Extra.
func (s SyslogSettings) MarshalJSON() ([]byte, error) { return encodeSettings(&s, s.Extra, s.orig) }

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *PagesSettings) UnmarshalJSON(b []byte) error { return decodeSettings(b, s, &s.Extra, &s.orig) }

// MarshalJSON encodes the set fields and the keys of Extra.
func (s PagesSettings) MarshalJSON() ([]byte, error) { return encodeSettings(&s, s.Extra, s.orig) }

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *CollectdSettings) UnmarshalJSON(b []byte) error {
	return decodeSettings(b, s, &s.Extra, &s.orig)
}

// MarshalJSON encodes the set fields and the keys of Extra.
func (s CollectdSettings) MarshalJSON() ([]byte, error) { return encodeSettings(&s, s.Extra, s.orig) }

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *MappingSettings) UnmarshalJSON(b []byte) error {
	return decodeSettings(b, s, &s.Extra, &s.orig)
}

// MarshalJSON encodes the set fields and the keys of Extra.
func (s MappingSettings) MarshalJSON() ([]byte, error) { return encodeSettings(&s, s.Extra, s.orig) }

// UnmarshalJSON decodes the known keys and keeps the others in Extra.
func (s *PrometheusSettings) UnmarshalJSON(b []byte) error {
	return decodeSettings(b, s, &s.Extra, &s.orig)
}

// MarshalJSON encodes the set fields and the keys of Extra.
func (s PrometheusSettings) MarshalJSON() ([]byte, error) { return encodeSettings(&s, s.Extra, s.orig) }

// decodeSettings is the UnmarshalJSON of every settings object: it decodes b
// into the struct s points to, field by field as its json tags name them,
// stores in *extra the keys no field names, and in *orig the values, as
// sent, of the fields whose JSON type differs from the field's.
//
// Tolerant reader: a value whose type differs from the field's never fails
// the decode. A number or boolean for a string field is read as its text, a
// numeric string for a number field as the number, "true"/"false" for a
// boolean field as the boolean; any other mismatch (an object where a string
// is documented, "" for a port) leaves the field nil. Either way the value
// as sent is kept in *orig and encodeSettings sends it back unchanged unless
// the caller changed the field.
func decodeSettings(b []byte, s any, extra, orig *map[string]json.RawMessage) error {
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return err
	}
	if all == nil { // null
		return nil
	}
	sv := reflect.ValueOf(s).Elem()
	// Keys are matched to fields exactly: encoding/json alone would also
	// fill a field from a key in another case ("Private_Mode"), which
	// would then go back under the field's own name, a change the server
	// did not make. Such keys stay in Extra, as sent.
	fields := settingsFields(sv.Type())
	var kept map[string]json.RawMessage
	for _, f := range fields {
		raw, ok := all[f.name]
		if !ok {
			continue
		}
		delete(all, f.name)
		ft := sv.Field(f.index).Type()
		if json.Unmarshal(raw, reflect.New(ft).Interface()) != nil {
			if kept == nil {
				kept = make(map[string]json.RawMessage)
			}
			kept[f.name] = raw
			conv, ok := coerceJSON(raw, ft)
			if !ok {
				continue
			}
			raw = conv
		}
		if err := json.Unmarshal(raw, sv.Field(f.index).Addr().Interface()); err != nil {
			return err
		}
	}
	if len(all) == 0 {
		all = nil
	}
	*extra = all
	*orig = kept
	return nil
}

// settingsField is a field of a settings struct as its json tag names it.
type settingsField struct {
	index     int
	name      string
	omitEmpty bool
}

// settingsFields returns the exported, JSON-named fields of struct type t,
// in order (Extra and orig, tagged "-" or unexported, are not among them).
func settingsFields(t reflect.Type) []settingsField {
	var out []settingsField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if !f.IsExported() || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		out = append(out, settingsField{index: i, name: name, omitEmpty: strings.Contains(","+opts+",", ",omitempty,")})
	}
	return out
}

// coerceJSON converts the scalar raw to the JSON type of a field of type t
// (a number or boolean to a string, a numeric string to a number, a
// "true"/"false" string to a boolean). It reports false when it cannot.
func coerceJSON(raw json.RawMessage, t reflect.Type) (json.RawMessage, bool) {
	if t == nil {
		return nil, false
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil, false
	}
	var text string
	quoted := raw[0] == '"'
	if quoted {
		if err := json.Unmarshal(raw, &text); err != nil {
			return nil, false
		}
		text = strings.TrimSpace(text)
	} else {
		text = string(raw)
	}
	var out any
	switch t.Kind() {
	case reflect.String:
		if quoted || raw[0] == '{' || raw[0] == '[' || string(raw) == "null" {
			return nil, false
		}
		out = text
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(text, 10, t.Bits())
		if err != nil {
			f, ferr := strconv.ParseFloat(text, 64)
			if ferr != nil || f != float64(int64(f)) {
				return nil, false
			}
			n = int64(f)
		}
		out = n
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, err := strconv.ParseUint(text, 10, t.Bits())
		if err != nil {
			return nil, false
		}
		out = n
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(text, t.Bits())
		if err != nil {
			return nil, false
		}
		out = f
	case reflect.Bool:
		bv, err := strconv.ParseBool(text)
		if err != nil || !quoted {
			return nil, false
		}
		out = bv
	default:
		return nil, false
	}
	b, err := json.Marshal(out)
	if err != nil {
		return nil, false
	}
	return b, true
}

// encodeSettings is the MarshalJSON of every settings object: it encodes
// the set fields of the struct s points to, as its json tags name them, and
// adds the keys of extra that no set field names. A field kept in orig (its
// value came with another JSON type) goes back as it came, unless the
// caller changed it.
//
// A slice field that is nil is not sent, but an empty, non-nil one is sent
// as [] (omitempty alone would drop it), so that a list the server sent
// empty goes back empty and a caller can clear a list.
func encodeSettings(s any, extra, orig map[string]json.RawMessage) ([]byte, error) {
	sv := reflect.ValueOf(s).Elem()
	type member struct {
		name string
		raw  json.RawMessage
	}
	var set []member // the set fields, in the struct's order
	var empties []string
	for _, f := range settingsFields(sv.Type()) {
		fv := sv.Field(f.index)
		if f.omitEmpty && isEmptyJSON(fv) {
			if fv.Kind() == reflect.Slice && !fv.IsNil() && fv.Type() != rawMessageType {
				empties = append(empties, f.name)
			}
			continue
		}
		raw, err := json.Marshal(fv.Interface())
		if err != nil {
			return nil, err
		}
		set = append(set, member{f.name, raw})
	}
	if len(extra) == 0 && len(empties) == 0 && len(orig) == 0 {
		// What json.Marshal writes for the struct: its fields in order.
		var buf bytes.Buffer
		buf.WriteByte('{')
		for i, m := range set {
			if i > 0 {
				buf.WriteByte(',')
			}
			name, _ := json.Marshal(m.name)
			buf.Write(name)
			buf.WriteByte(':')
			buf.Write(m.raw)
		}
		buf.WriteByte('}')
		return buf.Bytes(), nil
	}
	m := make(map[string]json.RawMessage, len(set)+len(extra))
	for _, f := range set {
		m[f.name] = f.raw
	}
	for _, k := range empties {
		m[k] = json.RawMessage("[]")
	}
	if len(orig) > 0 {
		for _, f := range settingsFields(sv.Type()) {
			raw, ok := orig[f.name]
			if !ok {
				continue
			}
			conv, coerced := coerceJSON(raw, sv.Field(f.index).Type())
			cur, isSet := m[f.name]
			switch {
			case isSet && coerced && bytes.Equal(cur, conv):
				m[f.name] = raw // unchanged: back with the type it came with
			case !isSet && !coerced:
				m[f.name] = raw // the SDK could not read it: back as it came
			}
		}
	}
	for k, raw := range extra {
		if _, isSet := m[k]; isSet {
			// A field of the struct that is set wins over Extra.
			continue
		}
		if len(raw) == 0 {
			continue
		}
		m[k] = raw
	}
	return json.Marshal(m)
}

// isEmptyJSON is encoding/json's test for omitempty.
func isEmptyJSON(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Pointer, reflect.Interface:
		return v.IsNil()
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return v.IsZero()
	}
	return false
}

var rawMessageType = reflect.TypeOf(json.RawMessage(nil))
