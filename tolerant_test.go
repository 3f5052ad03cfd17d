package ghesadmin

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Issue 12: the SDK is a tolerant reader. These tests use fixtures in the
// shapes real GHES servers sent (testdata/realservers), not the shapes the
// reference documents.

// jsonLeaves flattens a JSON document into its scalar leaves, path → the
// leaf re-encoded (so "587" and 587 differ). Empty objects and arrays are
// leaves too, so that dropping one is seen.
func jsonLeaves(t *testing.T, doc []byte) map[string]string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%s is not JSON: %v", doc, err)
	}
	out := map[string]string{}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if len(v) == 0 {
				out[path] = "{}"
			}
			for k, e := range v {
				walk(path+"/"+k, e)
			}
		case []any:
			if len(v) == 0 {
				out[path] = "[]"
			}
			for i, e := range v {
				walk(path+"/"+strconv.Itoa(i), e)
			}
		default:
			b, _ := json.Marshal(v)
			out[path] = string(b)
		}
	}
	walk("", v)
	return out
}

// assertRoundTrip checks that sent carries every non-null leaf of got
// unchanged (same JSON type), except the paths in changed, which must have
// the given values, and nothing got did not have.
func assertRoundTrip(t *testing.T, got, sent []byte, changed map[string]string) {
	t.Helper()
	in, out := jsonLeaves(t, got), jsonLeaves(t, sent)
	var diffs []string
	for p, v := range in {
		if want, ok := changed[p]; ok {
			v = want
		}
		if v == "null" {
			if o, ok := out[p]; ok && o != "null" {
				diffs = append(diffs, p+": null came back as "+o)
			}
			continue
		}
		if out[p] != v {
			diffs = append(diffs, p+": sent "+out[p]+", want "+v)
		}
	}
	for p, v := range out {
		if _, ok := in[p]; !ok {
			diffs = append(diffs, p+": sent "+v+", which the server did not send")
		}
	}
	sort.Strings(diffs)
	for _, d := range diffs {
		t.Error(d)
	}
}

// settingsServer serves testdata/name on GET path of the administration
// port, and answers each PUT to path with 204 after read has taken the
// settings document it carries. It returns the env, the fixture, and the
// last document sent.
func settingsServer(t *testing.T, path, name string, read func(t *testing.T, r *http.Request) []byte) (*testEnv, []byte, *[]byte) {
	env := setup(t)
	sent := new([]byte)
	env.Console.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
		writeFixture(t, w, http.StatusOK, name)
	})
	env.Console.HandleFunc("PUT "+path, func(w http.ResponseWriter, r *http.Request) {
		*sent = read(t, r)
		w.WriteHeader(http.StatusNoContent)
	})
	return env, fixture(t, name), sent
}

// A GHES 3.x server sends smtp.port as a number (documented as a string):
// Manage.Settings reads it, and Settings → change one field → UpdateSettings
// sends every other value back exactly as it came.
func TestManageSettingsRealServerRoundTrip(t *testing.T) {
	env, doc, sent := settingsServer(t, "/manage/v1/config/settings", "realservers/manage_settings.json", func(t *testing.T, r *http.Request) []byte {
		testHeader(t, r, "Content-Type", "application/json")
		b, _ := io.ReadAll(r.Body)
		return b
	})
	ctx := context.Background()
	s, _, err := env.Client.Manage.Settings(ctx)
	require.NoError(t, err, "Settings")
	eqp(t, "SMTP.Port", s.SMTP.Port, "587")
	eqp(t, "SMTP.Username", s.SMTP.Username, "mailer")
	eqp(t, "Pages.Enabled", s.Pages.Enabled, true)
	if string(s.Extra["abuse_rate_limiting"]) != `{"cpu_millis_per_minute": 90000, "enabled": false, "requests_per_minute": 900}` {
		t.Errorf("Extra[abuse_rate_limiting] = %s", s.Extra["abuse_rate_limiting"])
	}
	if string(s.Pages.Extra["build_timeout_minutes"]) != "11" {
		t.Errorf("Pages.Extra = %v", s.Pages.Extra)
	}
	s.SignupEnabled = Ptr(true)
	if _, err := env.Client.Manage.UpdateSettings(ctx, *s); err != nil {
		t.Fatalf("UpdateSettings: %v", err)
	}
	assertRoundTrip(t, doc, *sent, map[string]string{"/signup_enabled": "true"})

	// Changing the port sends the new value.
	s.SMTP.Port = Ptr("2525")
	if _, err := env.Client.Manage.UpdateSettings(ctx, *s); err != nil {
		t.Fatalf("UpdateSettings: %v", err)
	}
	assertRoundTrip(t, doc, *sent, map[string]string{"/signup_enabled": "true", "/smtp/port": `"2525"`})
}

// An old console sends collectd.port, ldap.port and smtp.port as "" and the
// timezone as an object: Settings reads the rest, and the round trip sends
// those values back as they came.
func TestConsoleSettingsOldServerRoundTrip(t *testing.T) {
	env, doc, sent := settingsServer(t, "/setup/api/settings", "realservers/console_settings_2013.json", func(t *testing.T, r *http.Request) []byte {
		b, _ := io.ReadAll(r.Body)
		form, err := url.ParseQuery(string(b))
		require.NoError(t, err)
		return []byte(form.Get("settings"))
	})
	ctx := context.Background()
	s, _, err := env.Client.ManagementConsole.Settings(ctx)
	require.NoError(t, err, "Settings")
	e := s.Enterprise
	isNil(t, "LDAP.Port", e.LDAP.Port)
	eqp(t, "LDAP.Method", e.LDAP.Method, "Plain")
	isNil(t, "Collectd.Port", e.Collectd.Port)
	eqp(t, "Collectd.Enabled", e.Collectd.Enabled, false)
	isNil(t, "Timezone", e.Timezone)
	eqp(t, "SMTP.Port", e.SMTP.Port, "")
	eqp(t, "NTP.PrimaryServer", e.NTP.PrimaryServer, "0.ubuntu.pool.ntp.org")
	e.PrivateMode = Ptr(true)
	if _, err := env.Client.ManagementConsole.UpdateSettings(ctx, *s); err != nil {
		t.Fatalf("UpdateSettings: %v", err)
	}
	assertRoundTrip(t, doc, *sent, map[string]string{"/enterprise/private_mode": "true"})

	// Setting a field the server sent with another type sends the new
	// value; the ones left alone still go back as they came.
	e.LDAP.Port = Ptr(389)
	e.Timezone = Ptr("Europe/Paris")
	if _, err := env.Client.ManagementConsole.UpdateSettings(ctx, *s); err != nil {
		t.Fatalf("UpdateSettings: %v", err)
	}
	var m struct {
		Enterprise struct {
			LDAP     map[string]json.RawMessage `json:"ldap"`
			Timezone json.RawMessage            `json:"timezone"`
			Collectd map[string]json.RawMessage `json:"collectd"`
		} `json:"enterprise"`
	}
	if err := json.Unmarshal(*sent, &m); err != nil {
		t.Fatal(err)
	}
	eq(t, "sent ldap.port", string(m.Enterprise.LDAP["port"]), "389")
	eq(t, "sent timezone", string(m.Enterprise.Timezone), `"Europe/Paris"`)
	eq(t, "sent collectd.port", string(m.Enterprise.Collectd["port"]), `""`)
}

// Every scalar of the settings tree accepts a string, a number, a boolean
// or null, whatever its documented type, and goes back as it came.
func TestSettingsScalarsOfAnyType(t *testing.T) {
	in := `{"private_mode":"true","configuration_id":"1716801441","configuration_run_count":2.0,` +
		`"github_hostname":12,"expire_sessions":1,"ldap":{"port":"636","user_sync_interval":"","sync_enabled":"yes","base":"dc=example"},` +
		`"smtp":{"port":25,"enabled":"false"},"collectd":{"port":"25826"},"timezone":{"identifier":"UTC"},"license":{"seats":"100"},"pages":""}`
	var s EnterpriseSettings
	if err := json.Unmarshal([]byte(in), &s); err != nil {
		t.Fatalf("Unmarshal: %v", err)
	}
	eqp(t, "PrivateMode", s.PrivateMode, true)
	eqp(t, "ConfigurationID", s.ConfigurationID, 1716801441)
	eqp(t, "ConfigurationRunCount", s.ConfigurationRunCount, 2)
	eqp(t, "GitHubHostname", s.GitHubHostname, "12")
	isNil(t, "ExpireSessions", s.ExpireSessions)
	eqp(t, "LDAP.Port", s.LDAP.Port, 636)
	isNil(t, "LDAP.UserSyncInterval", s.LDAP.UserSyncInterval)
	isNil(t, "LDAP.SyncEnabled", s.LDAP.SyncEnabled)
	if s.LDAP.Base != nil {
		t.Errorf("LDAP.Base = %v, want nil", s.LDAP.Base)
	}
	eqp(t, "SMTP.Port", s.SMTP.Port, "25")
	eqp(t, "SMTP.Enabled", s.SMTP.Enabled, false)
	eqp(t, "Collectd.Port", s.Collectd.Port, 25826)
	eqp(t, "License.Seats", s.License.Seats, 100)
	if s.Pages != nil {
		t.Errorf("Pages = %+v, want nil", s.Pages)
	}
	out, err := json.Marshal(s)
	require.NoError(t, err)
	assertRoundTrip(t, []byte(in), out, nil)
}

// GHES 2.x sends connection_services[].number as "0" (documented as an
// integer), in the replies of GET and POST /setup/api/maintenance.
func TestConsoleMaintenanceNumberAsString(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Console: true, Method: http.MethodGet, Path: "/setup/api/maintenance", Reply: "realservers/console_maintenance_2x.json"})
	env.expect(t, call{Console: true, Method: http.MethodPost, Path: "/setup/api/maintenance", FormJSON: [2]string{"maintenance", `{"enabled":true,"when":"now"}`}, Reply: "realservers/console_maintenance_2x.json"})
	ctx := context.Background()
	check := func(what string, m *MaintenanceStatus, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if len(m.ConnectionServices) != 3 {
			t.Fatalf("%s: services = %v", what, m.ConnectionServices)
		}
		eq(t, what+" services[0].Number", m.ConnectionServices[0].Number, 0)
		eq(t, what+" services[1].Number", m.ConnectionServices[1].Number, 12)
		eq(t, what+" services[2].Name", m.ConnectionServices[2].Name, "resque jobs")
		eq(t, what+" services[2].Number", m.ConnectionServices[2].Number, 3)
	}
	m, _, err := env.Client.ManagementConsole.MaintenanceStatus(ctx)
	check("MaintenanceStatus", m, err)
	m, _, err = env.Client.ManagementConsole.SetMaintenance(ctx, MaintenanceRequest{Enabled: true, When: Ptr("now")})
	check("SetMaintenance", m, err)
}

func TestFlexInt(t *testing.T) {
	for in, want := range map[string]FlexInt{`0`: 0, `"0"`: 0, `"12"`: 12, `7`: 7, `3.0`: 3, `""`: 0, `null`: 0, `" 5 "`: 5} {
		var n FlexInt
		if err := json.Unmarshal([]byte(in), &n); err != nil || n != want {
			t.Errorf("%s = %d, %v; want %d", in, n, err, want)
		}
	}
	for _, bad := range []string{`"many"`, `{}`, `[1]`, `1.5`, `true`} {
		var n FlexInt
		if err := json.Unmarshal([]byte(bad), &n); err == nil {
			t.Errorf("%s decoded to %d", bad, n)
		}
	}
	if b, _ := json.Marshal(FlexInt(4)); string(b) != "4" {
		t.Errorf("Marshal = %s", b)
	}
}

func TestFlexString(t *testing.T) {
	for in, want := range map[string]FlexString{`"abc"`: "abc", `false`: "false", `12`: "12", `1.50`: "1.50", `null`: ""} {
		var s FlexString
		if err := json.Unmarshal([]byte(in), &s); err != nil || s != want {
			t.Errorf("%s = %q, %v; want %q", in, s, err, want)
		}
	}
	for _, bad := range []string{`{}`, `["a"]`} {
		var s FlexString
		if err := json.Unmarshal([]byte(bad), &s); err == nil {
			t.Errorf("%s decoded to %q", bad, s)
		}
	}
}

// reencoded is v encoded as JSON and decoded again as an object.
func reencoded(t *testing.T, v any) map[string]any {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var back map[string]any
	require.NoError(t, json.Unmarshal(b, &back))
	return back
}

// Real servers send "supportKey": false in GET /manage/v1/config/license
// (documented as a string; google/go-github issue 4296).
func TestManageLicenseSupportKeyBoolean(t *testing.T) {
	l, _, err := manageGet(t, "config/license", nil, "realservers/manage_license.json").License(context.Background())
	require.NoError(t, err, "License")
	eq(t, "SupportKey", l.SupportKey, "false")
	eq(t, "Company", l.Company, "Example Inc")
	eq(t, "Seats", l.Seats, 10)
	// Sub-second precision survives decode → re-encode.
	back := reencoded(t, l)
	eq(t, "re-encoded expireAt", back["expireAt"], any("2025-01-02T07:59:59.999Z"))
	eq(t, "re-encoded learningLabEvaluationExpires", back["learningLabEvaluationExpires"], any("2025-01-02T07:59:59Z"))
}

// GET /manage/v1/config/apply returns a top-level run_id the reference
// omits; it is kept.
func TestManageConfigApplyStatusRunID(t *testing.T) {
	st, _, err := manageGet(t, "config/apply", nil, "realservers/manage_config_apply_status.json").ConfigApplyStatus(context.Background(), "")
	require.NoError(t, err, "ConfigApplyStatus")
	eq(t, "RunID", st.RunID, "1f2e3d4c")
	if len(st.Nodes) != 1 || st.Nodes[0].RunID != "1f2e3d4c" || !st.Successful {
		t.Errorf("status = %+v", st)
	}
	b, _ := json.Marshal(st)
	assertRoundTrip(t, fixture(t, "realservers/manage_config_apply_status.json"), b, nil)
}

// A license seats string other than "unlimited" does not fail License.Get.
func TestLicenseGetSeatsText(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprise/settings/license", ReplyJSON: `{"seats":"n/a","seats_used":3,"seats_available":"n/a","kind":"standard","days_until_expiration":9,"expire_at":"2030/01/02 03:04:05 +0000"}`})
	l, _, err := env.Client.License.Get(context.Background())
	require.NoError(t, err, "Get")
	eq(t, "Seats", l.Seats.String(), "n/a")
	eq(t, "SeatsAvailable", l.SeatsAvailable.String(), "n/a")
	eq(t, "SeatsUsed", l.SeatsUsed, 3)
	back := reencoded(t, l)
	eq(t, "re-encoded seats", back["seats"], any("n/a"))
}

// Timestamp encodes what it decoded, fractional seconds included.
func TestTimestampSubSecond(t *testing.T) {
	for _, in := range []string{`"2025-01-02T07:59:59.999Z"`, `"2025-01-02T07:59:59.123456789+02:00"`, `"2025-01-02T07:59:59Z"`} {
		var ts Timestamp
		if err := json.Unmarshal([]byte(in), &ts); err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(ts)
		if string(b) != in {
			t.Errorf("%s re-encoded as %s", in, b)
		}
	}
	b, _ := json.Marshal(Timestamp{time.Date(2025, 1, 2, 7, 59, 59, 999e6, time.UTC)})
	eq(t, "encoded", string(b), `"2025-01-02T07:59:59.999Z"`)
}

// GHES 2.x describes a public key's id as a string ("2") and adds key_id:
// both are read, and the id goes back as a number.
func TestPublicKeyIDAsString(t *testing.T) {
	in := `[{"key_id":"012345678912345678","key":"AAAA","user_id":232,"repository_id":null,"id":"2","url":"https://ghe.example.com/keys/2"},{"id":3,"key":"BBBB","enabled":true}]`
	check := func(t *testing.T, keys []*PublicKey) {
		t.Helper()
		require.Len(t, keys, 2)
		eq(t, "keys[0].ID", keys[0].ID, 2)
		eq(t, "keys[0].KeyID", keys[0].KeyID, "012345678912345678")
		eqp(t, "keys[0].UserID", keys[0].UserID, 232)
		eq(t, "keys[0].URL", keys[0].URL, "https://ghe.example.com/keys/2")
		eq(t, "keys[1].ID", keys[1].ID, 3)
		eqp(t, "keys[1].Enabled", keys[1].Enabled, true)
	}
	t.Run("decodeLenient", func(t *testing.T) {
		var keys []*PublicKey
		unread, err := decodeLenient([]byte(in), &keys)
		require.NoError(t, err)
		require.Empty(t, unread, "converted values are not unread")
		check(t, keys)
	})
	t.Run("ListPublicKeys", func(t *testing.T) {
		env := mock(t)
		env.expect(t, call{Method: http.MethodGet, Path: "/admin/keys", ReplyJSON: in})
		keys, _, err := env.Client.Users.ListPublicKeys(context.Background(), nil)
		require.NoError(t, err, "ListPublicKeys")
		check(t, keys)
	})
	// An id that is no integer is unread: the key keeps a zero ID, the
	// rest of it is read, and the id is kept as sent.
	for _, bad := range []string{`"x"`, `"2.5"`, `true`} {
		var keys []*PublicKey
		unread, err := decodeLenient([]byte(`[{"id":`+bad+`,"key":"AAAA"}]`), &keys)
		require.NoError(t, err, bad)
		require.Len(t, keys, 1, bad)
		eq(t, bad+": ID", keys[0].ID, 0)
		eq(t, bad+": Key", keys[0].Key, "AAAA")
		require.Equal(t, []UnreadValue{{Path: "[0].id", Value: json.RawMessage(bad)}}, unread, bad)
	}
}

// Unknown keys of every JSON kind, at the top of the settings and inside a
// known object, are kept and go back unchanged; so are known keys whose
// values are of an unexpected kind.
func TestSettingsUnknownFieldsOfEveryKind(t *testing.T) {
	unknown := `"x_string":"kept","x_empty":"","x_number":12.5,"x_int":7,"x_true":true,"x_false":false,"x_null":null,` +
		`"x_object":{"a":{"b":[1,"two",{"c":null}]}},"x_array":[{"k":"v"},3],"x_empty_object":{},"x_empty_array":[]`
	in := `{"enterprise":{` + unknown + `,"smtp":{` + unknown + `,"port":"25"},"private_mode":true},"run_list":["a"],` + unknown + `}`
	var s ConsoleSettings
	if err := json.Unmarshal([]byte(in), &s); err != nil {
		t.Fatalf("Unmarshal: %v", err)
	}
	if len(s.Extra) != 11 || len(s.Enterprise.Extra) != 11 || len(s.Enterprise.SMTP.Extra) != 11 {
		t.Errorf("Extra sizes %d, %d, %d; want 11 each", len(s.Extra), len(s.Enterprise.Extra), len(s.Enterprise.SMTP.Extra))
	}
	out, err := json.Marshal(s)
	require.NoError(t, err)
	assertRoundTrip(t, []byte(in), out, nil)
	// null unknown keys go back as null too (they are not the SDK's to
	// drop).
	var back map[string]json.RawMessage
	_ = json.Unmarshal(out, &back)
	eq(t, "x_null", string(back["x_null"]), "null")
}

// Values outside a documented enum are kept as sent.
func TestUnknownEnumValuesKept(t *testing.T) {
	var team Team
	if err := json.Unmarshal([]byte(`{"id":1,"privacy":"internal-new","notification_setting":"notifications_sometimes","type":"future"}`), &team); err != nil {
		t.Fatalf("Unmarshal: %v", err)
	}
	eq(t, "Privacy", team.Privacy, "internal-new")
	eq(t, "NotificationSetting", team.NotificationSetting, "notifications_sometimes")
	var st ConfigurationStatus
	if err := json.Unmarshal([]byte(`{"status":"paused","progress":[{"status":"SKIPPED","key":"Core"}]}`), &st); err != nil {
		t.Fatalf("Unmarshal: %v", err)
	}
	eq(t, "step status", st.Progress[0].Status, "SKIPPED")
	back := reencoded(t, team)
	eq(t, "re-encoded privacy", back["privacy"], any("internal-new"))
	eq(t, "re-encoded type", back["type"], any("future"))
}

// Typed replies are decoded leniently: a scalar of another JSON type than
// documented is converted where it can be, in every element of a list, and
// the rest of the reply is read as usual.
func TestLenientTypedReplies(t *testing.T) {
	env := setup(t)
	env.API.HandleFunc("GET /enterprise/stats/users", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, `{"total_users":"12","admin_users":2,"suspended_users":"0"}`)
	})
	env.API.HandleFunc("GET /enterprises/{enterprise}/actions/runners", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, `{"total_count":"2","runners":[`+
			`{"id":"5","name":"a","os":"linux","status":"online","busy":"true","ephemeral":false,"labels":[{"id":1,"name":"x","type":"read-only"}]},`+
			`{"id":6,"name":7,"os":"linux","status":"offline","busy":false,"ephemeral":"false","labels":[]}]}`)
	})
	ctx := context.Background()
	u, _, err := env.Client.Stats.Users(ctx)
	require.NoError(t, err, "Stats.Users")
	eq(t, "TotalUsers", u.TotalUsers, 12)
	eq(t, "AdminUsers", u.AdminUsers, 2)
	rs, _, err := env.Client.Actions.ListRunners(ctx, "acme", nil)
	require.NoError(t, err, "ListRunners")
	eq(t, "TotalCount", rs.TotalCount, 2)
	if len(rs.Runners) != 2 {
		t.Fatalf("runners = %v", rs.Runners)
	}
	eq(t, "runners[0].ID", rs.Runners[0].ID, 5)
	eq(t, "runners[0].Busy", rs.Runners[0].Busy, true)
	eq(t, "runners[0].Labels", len(rs.Runners[0].Labels), 1)
	eq(t, "runners[1].ID", rs.Runners[1].ID, 6)
	eq(t, "runners[1].Name", rs.Runners[1].Name, "7")
	eq(t, "runners[1].Status", rs.Runners[1].Status, "offline")
}

func TestDecodeLenient(t *testing.T) {
	type item struct {
		N  int64    `json:"n"`
		S  string   `json:"s"`
		B  bool     `json:"b"`
		F  float64  `json:"f"`
		L  []int    `json:"l"`
		Ss []string `json:"ss"`
	}
	var got []item
	in := `[{"n":"1","s":2,"b":"true","f":"1.5","l":["3",4],"ss":[5,"six",true]},{"n":7,"s":"x","b":false}]`
	unread, err := decodeLenient([]byte(in), &got)
	if err != nil {
		t.Fatalf("decodeLenient: %v", err)
	}
	want := []item{{N: 1, S: "2", B: true, F: 1.5, L: []int{3, 4}, Ss: []string{"5", "six", "true"}}, {N: 7, S: "x"}}
	assertFields(t, "items", got, want)
	require.Empty(t, unread, "converted values are not unread")

	// A value that cannot be converted is unread: its field keeps its
	// zero value, the other fields (and elements) are read, and the value
	// is kept as sent, with its path.
	for _, tc := range []struct {
		in     string
		want   []item
		unread []UnreadValue
	}{
		{`[{"n":"many","s":"a"}]`, []item{{S: "a"}}, []UnreadValue{{"[0].n", json.RawMessage(`"many"`)}}},
		{`[{"s":{"a": [1, 2]},"n":3}]`, []item{{N: 3}}, []UnreadValue{{"[0].s", json.RawMessage(`{"a": [1, 2]}`)}}},
		{`[{"b":"yes","f":2}]`, []item{{F: 2}}, []UnreadValue{{"[0].b", json.RawMessage(`"yes"`)}}},
		{`[{"s":[1]}]`, []item{{}}, []UnreadValue{{"[0].s", json.RawMessage(`[1]`)}}},
		{`[{"s":[[1]]}]`, []item{{}}, []UnreadValue{{"[0].s", json.RawMessage(`[[1]]`)}}},
		// In a list of scalars, the element keeps its place with its
		// zero value.
		{`[{"l":["3","x",4],"ss":["a",{"b":1}]}]`, []item{{L: []int{3, 0, 4}, Ss: []string{"a", ""}}},
			[]UnreadValue{{"[0].l[1]", json.RawMessage(`"x"`)}, {"[0].ss[1]", json.RawMessage(`{"b":1}`)}}},
		// Several elements, several fields: in the order met, values
		// that can be converted still are.
		{`[{"n":"many","s":2},{"n":"4","s":{"x":null}},{"n":5,"s":"y"}]`, []item{{S: "2"}, {N: 4}, {N: 5, S: "y"}},
			[]UnreadValue{{"[0].n", json.RawMessage(`"many"`)}, {"[1].s", json.RawMessage(`{"x":null}`)}}},
		// encoding/json matches keys whatever their case.
		{`[{"N":"many","S":"z"}]`, []item{{S: "z"}}, []UnreadValue{{"[0].N", json.RawMessage(`"many"`)}}},
	} {
		var v []item
		unread, err := decodeLenient([]byte(tc.in), &v)
		require.NoError(t, err, tc.in)
		require.Equal(t, tc.want, v, tc.in)
		require.Equal(t, tc.unread, unread, tc.in)
	}
	// What is not a field value is still an error: a body that is not
	// JSON, a top-level value of another type than the result, an element
	// of a top-level list that cannot be an element.
	for _, bad := range []string{`{"n":1}`, `"x"`, `[1]`, `[{"n":1}`, `<html>`} {
		var v []item
		if unread, err := decodeLenient([]byte(bad), &v); err == nil || unread != nil {
			t.Errorf("%s decoded to %+v, %v, %v", bad, v, unread, err)
		}
	}
}

// A nested path, a list on the way, a map of scalars and a struct where a
// scalar is sent.
func TestDecodeLenientUnreadPaths(t *testing.T) {
	type label struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	}
	type config struct {
		InsecureSSL string         `json:"insecure_ssl"`
		URL         string         `json:"url"`
		Counts      map[string]int `json:"counts"`
	}
	type hook struct {
		ID     int64   `json:"id"`
		Config config  `json:"config"`
		Labels []label `json:"labels"`
		Owner  label   `json:"owner"`
	}
	var got struct {
		Total int     `json:"total"`
		Hooks []*hook `json:"hooks"`
	}
	in := `{"total":"2","hooks":[` +
		`{"id":1,"config":{"insecure_ssl":{"v":"0"},"url":"u","counts":{"a":"1","b":"many","c":3}},"labels":[{"id":"x","name":"l"},"lone",{"id":2,"name":3}],"owner":"mona"},` +
		`{"id":"2","config":{"insecure_ssl":1,"url":"v"},"labels":[],"owner":{"id":9}}]}`
	unread, err := decodeLenient([]byte(in), &got)
	require.NoError(t, err)
	eq(t, "Total", got.Total, 2)
	require.Len(t, got.Hooks, 2)
	require.Equal(t, hook{ID: 1, Config: config{URL: "u", Counts: map[string]int{"a": 1, "c": 3}},
		Labels: []label{{Name: "l"}, {}, {ID: 2, Name: "3"}}}, *got.Hooks[0])
	require.Equal(t, hook{ID: 2, Config: config{InsecureSSL: "1", URL: "v"}, Labels: []label{}, Owner: label{ID: 9}}, *got.Hooks[1])
	require.ElementsMatch(t, []UnreadValue{
		{"hooks[0].config.insecure_ssl", json.RawMessage(`{"v":"0"}`)},
		{"hooks[0].config.counts.b", json.RawMessage(`"many"`)},
		{"hooks[0].labels[0].id", json.RawMessage(`"x"`)},
		{"hooks[0].labels[1]", json.RawMessage(`"lone"`)},
		{"hooks[0].owner", json.RawMessage(`"mona"`)},
	}, unread)
}

// A deeply nested value where an element or a scalar is documented is one
// unread value, settled in one pass: its elements are not each taken for a
// list of the field's type (which would take a pass per level).
func TestDecodeLenientDeepUnreadValue(t *testing.T) {
	const depth = 2000
	list := strings.Repeat("[", depth) + strings.Repeat("]", depth)
	for _, tc := range []struct{ in, path, value string }{
		{`{"total_count":1,"runners":[` + list + `]}`, "runners[0]", list},
		{`{"total_count":1,"runners":[{"id":1,"labels":` + list + `}]}`, "runners[0].labels[0]", list[1 : len(list)-1]},
		{`{"total_count":1,"runners":[{"id":1,"name":[` + list + `]}]}`, "runners[0].name", "[" + list + "]"},
	} {
		var r Runners
		unread, err := decodeLenient([]byte(tc.in), &r)
		require.NoError(t, err, tc.path)
		require.Equal(t, 1, r.TotalCount, tc.path)
		require.Equal(t, []UnreadValue{{Path: tc.path, Value: json.RawMessage(tc.value)}}, unread, tc.path)
	}
}
