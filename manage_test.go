package ghesadmin

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	uuidPrimary = "1b6cf518-f97c-11ed-8544-061d81f7eedb"
	uuidSecond  = "228406d4-f97c-11ed-ab01-062281bbcf03"
)

// ptrs returns pointers to copies of vs, for the []*T fields of a want.
func ptrs[T any](vs ...T) []*T {
	out := make([]*T, len(vs))
	for i := range vs {
		out[i] = &vs[i]
	}
	return out
}

// TestManageEndpoints checks the requests of the Manage GHES API's reads
// and config apply, and every field their replies decode to.
func TestManageEndpoints(t *testing.T) {
	get := func(path string, query url.Values, reply string) call {
		return call{Console: true, Method: http.MethodGet, Path: "/manage/v1/" + path, Query: query, Reply: reply}
	}
	version := []*NodeReleaseVersion{{Hostname: "ghe-local-primary", Version: ReleaseVersion{Version: "3.9.0", Platform: "azure", BuildID: "fc542058b5", BuildDate: "2023-05-02"}}}
	node := func(hostname string, services ...ServiceStatus) NodeServicesStatus {
		return NodeServicesStatus{Hostname: hostname, Status: "OK", Services: ptrs(services...)}
	}
	inSync := func(name string) ServiceStatus { return ServiceStatus{"OK", name, "replication is in sync"} }
	applyStatus := &ConfigApplyStatus{Running: true, Successful: false, Nodes: ptrs(ConfigApplyNodeStatus{RunID: "d34db33f", Hostname: "ghes-01.lan", Running: true, Successful: false})}
	m := func(c *Client) *ManageService { return c.Manage }
	sshKey := func(method, reply string) call {
		return call{Console: true, Method: method, Path: "/manage/v1/access/ssh", JSON: `{"key":"` + manageTestKey + `"}`, Reply: reply}
	}
	runEndpointCases(t, []endpointCase{
		{"AddSSHKey", sshKey(http.MethodPost, "manage/add_ssh_key.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return m(c).AddSSHKey(ctx, manageTestKey)
			},
			ptrs(NodeMessage{Hostname: "ghe-local-primary", UUID: uuidPrimary, Message: "SSH key added successfully", Modified: true})},
		{"RemoveSSHKey", sshKey(http.MethodDelete, "manage/remove_ssh_key.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return m(c).RemoveSSHKey(ctx, manageTestKey)
			},
			ptrs(NodeMessage{Hostname: "ghe-local-primary", UUID: uuidPrimary, Message: "SSH key removed successfully"})},
		{"Version", get("version", url.Values{"uuid": {uuidPrimary}, "cluster_roles": {"WebServer"}}, "manage/version.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return m(c).Version(ctx, &ManageNodeOptions{UUID: uuidPrimary, ClusterRoles: "WebServer"})
			}, version},
		{"Version no options", get("version", nil, "manage/version.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) { return m(c).Version(ctx, nil) }, version},
		{"ClusterStatus", get("cluster/status", nil, "manage/cluster_status.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) { return m(c).ClusterStatus(ctx) },
			&ServicesStatus{Status: "OK", Nodes: ptrs(
				node("ghe-local-app",
					ServiceStatus{"OK", "es", "Elasticsearch cluster is in sync (0 shards initializing, 0 shards unassigned)"},
					ServiceStatus{"OK", "git-replication", "Git replication is in sync"},
					ServiceStatus{"OK", "kafka-lite-admin-healthcheck", ""},
					ServiceStatus{"OK", "kafka-lite-broker-is-reachable", ""},
					ServiceStatus{"OK", "memcache", ""},
					ServiceStatus{"OK", "metrics", ""},
					ServiceStatus{"OK", "mysql-replication", "Replication is running"},
					ServiceStatus{"OK", "mysql-failover", ""},
					ServiceStatus{"OK", "pages", "Pages replication is in sync"},
					ServiceStatus{"OK", "redis", "Redis is OK"},
					ServiceStatus{"OK", "storage", "Storage replication is in sync"}),
				node("ghe-local-app2",
					ServiceStatus{"OK", "kafka-lite-admin-healthcheck", ""},
					ServiceStatus{"OK", "kafka-lite-broker-is-reachable", ""}),
			)}},
		{"ReplicationStatus", get("replication/status", url.Values{"cluster_roles": {"GitServer"}}, "manage/replication_status.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return m(c).ReplicationStatus(ctx, &ManageNodeOptions{ClusterRoles: "GitServer"})
			},
			&ServicesStatus{Status: "OK", Nodes: ptrs(
				node("ghe-local-primary"), // services: [], not null
				node("ghe-local-replica", inSync("redis"),
					ServiceStatus{"OK", "elasticsearch", "cluster is in sync (0 shards initializing, 0 shards unassigned)"},
					inSync("git"), inSync("pages"), inSync("alambic"), inSync("git-hooks"), inSync("consul"), inSync("mysql")),
			)}},
		{"Nodes", get("config/nodes", url.Values{"uuid": {uuidSecond}}, "manage/nodes.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return m(c).Nodes(ctx, &ManageNodeOptions{UUID: uuidSecond})
			},
			&ConfigNodes{Topology: "Cluster", Nodes: ptrs(
				ConfigNode{"data1", uuidPrimary, []string{"ConsulServer", "ElasticsearchServer", "GitServer", "StorageServer"}, false},
				ConfigNode{"data2", uuidSecond, []string{"ElasticsearchServer", "StorageServer", "PagesServer"}, false},
			)}},
		{"SystemRequirements", get("checks/system-requirements", nil, "manage/system_requirements.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) { return m(c).SystemRequirements(ctx) },
			&SystemRequirements{Status: "OK", Nodes: ptrs(
				NodeSystemRequirements{Hostname: "ghe-local-app", Status: "OK", RolesStatus: ptrs(RoleStatus{"OK", "ConsulServer"}, RoleStatus{"OK", "JobServer"}, RoleStatus{"OK", "WebServer"})},
				NodeSystemRequirements{Hostname: "ghe-local-app2", Status: "OK", RolesStatus: ptrs(RoleStatus{"OK", "ConsulServer"}, RoleStatus{"OK", "GitServer"})},
			)}},
		{"ConfigApply with run ID", call{Console: true, Method: http.MethodPost, Path: "/manage/v1/config/apply", JSON: `{"run_id":"d34db33f"}`, Reply: "manage/config_apply.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return m(c).ConfigApply(ctx, ConfigApplyRequest{RunID: Ptr("d34db33f")})
			}, &ConfigApplyRun{RunID: "d34db33f"}},
		{"ConfigApply without", call{Console: true, Method: http.MethodPost, Path: "/manage/v1/config/apply", JSON: `{}`, Reply: "manage/config_apply.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return m(c).ConfigApply(ctx, ConfigApplyRequest{})
			},
			&ConfigApplyRun{RunID: "d34db33f"}},
		{"ConfigApplyStatus", get("config/apply", url.Values{"run_id": {"d34db33f"}}, "manage/config_apply_status.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return m(c).ConfigApplyStatus(ctx, "d34db33f")
			}, applyStatus},
		{"ConfigApplyStatus latest", get("config/apply", nil, "manage/config_apply_status.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) { return m(c).ConfigApplyStatus(ctx, "") }, applyStatus},
		{"ConfigApplyEvents", get("config/apply/events", url.Values{"last_request_id": {"abc:def:0"}}, "manage/config_apply_events.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return m(c).ConfigApplyEvents(ctx, &ConfigApplyEventsOptions{LastRequestID: "abc:def:0"})
			},
			&ConfigApplyEvents{Nodes: []*ConfigApplyNodeEvents{{Node: "ghes-01.lan", LastRequestID: testLastRequestID, Events: ptrs(ConfigApplyEvent{
				Timestamp:    mustTime(t, "2023-01-01T13:00:00+00:00"),
				SeverityText: "INFO",
				Body:         "Validating services",
				EventName:    "Enterprise::ConfigApply::PhaseValidation#config_phase_validation",
				Topology:     "multinode",
				Hostname:     "ghes-01.lan",
				ConfigRunID:  "d34db33f",
				TraceID:      "387cd628c06d606700e79be368e5e574",
				SpanID:       "0cde553750689c76",
				SpanParentID: "0",
				SpanDepth:    0,
			})}}}},
	})
}

const testLastRequestID = "387cd628c06d606700e79be368e5e574:0cde553750689c76:0000000000000000"

func TestManage_ConfigApplyEventSpanParentString(t *testing.T) {
	var ev ConfigApplyEvent
	if err := json.Unmarshal([]byte(`{"span_parent_id":"9f1c","span_depth":2}`), &ev); err != nil {
		t.Fatal(err)
	}
	eq(t, "SpanParentID", ev.SpanParentID, "9f1c")
	eq(t, "SpanDepth", ev.SpanDepth, 2)
}

func eventsPage(cursor string, bodies ...string) string {
	var evs []string
	for _, b := range bodies {
		evs = append(evs, `{"timestamp":"2023-01-01T13:00:00+00:00","hostname":"ghes-01.lan","body":"`+b+`","config_run_id":"r1"}`)
	}
	return `{"nodes":[{"node":"ghes-01.lan","last_request_id":"` + cursor + `","events":[` + strings.Join(evs, ",") + `]}]}`
}

func TestManage_ConfigApplyEventsIter(t *testing.T) {
	env := setup(t)
	pages := map[string]string{
		"":   eventsPage("c1", "a", "b"),
		"c1": eventsPage("c2", "c"),
		"c2": eventsPage("c2"), // no more events
	}
	var calls []string
	env.Console.HandleFunc("GET /manage/v1/config/apply/events", func(w http.ResponseWriter, r *http.Request) {
		cur := r.URL.Query().Get("last_request_id")
		calls = append(calls, cur)
		want := url.Values(nil)
		if cur != "" {
			want = url.Values{"last_request_id": {cur}}
		}
		call{Console: true, Method: http.MethodGet, Path: "/manage/v1/config/apply/events", Query: want}.verify(t, r)
		writeJSON(w, http.StatusOK, pages[cur])
	})
	var got []string
	for ev, err := range env.Client.Manage.ConfigApplyEventsIter(context.Background(), nil) {
		require.NoError(t, err)
		got = append(got, ev.Body)
	}
	assert.Equal(t, []string{"a", "b", "c"}, got, "events")
	assert.Equal(t, []string{"", "c1", "c2"}, calls, "cursors")
}

func TestManage_ConfigApplyEventsIterLoopAndBreak(t *testing.T) {
	env := setup(t)
	var n atomic.Int32
	env.Console.HandleFunc("GET /manage/v1/config/apply/events", func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		cur := r.URL.Query().Get("last_request_id")
		if cur == "" {
			writeJSON(w, http.StatusOK, eventsPage("c1", "a"))
			return
		}
		writeJSON(w, http.StatusOK, eventsPage("c1", "again")) // the cursor does not move
	})
	var err error
	count := 0
	for _, e := range env.Client.Manage.ConfigApplyEventsIter(context.Background(), nil) {
		if e != nil {
			err = e
			break
		}
		count++
	}
	assert.ErrorIs(t, err, ErrPaginationLoop)
	eq(t, "events", count, 2)
	eq(t, "requests", n.Load(), int32(2))

	// Breaking out stops the requests.
	n.Store(0)
	for range env.Client.Manage.ConfigApplyEventsIter(context.Background(), &ConfigApplyEventsOptions{}) {
		break
	}
	eq(t, "requests after break", n.Load(), int32(1))
}

// multipartPart is one part of a multipart body.
type multipartPart struct {
	name, fileName, content string
}

// readMultipart checks that r is a streamed multipart/form-data request and
// returns its parts in order.
func readMultipart(t *testing.T, r *http.Request) []multipartPart {
	t.Helper()
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		t.Fatalf("Content-Type = %q, want multipart/form-data", r.Header.Get("Content-Type"))
	}
	if r.ContentLength != -1 {
		t.Errorf("ContentLength = %d, want -1 (a streamed body)", r.ContentLength)
	}
	mr, err := r.MultipartReader()
	require.NoError(t, err)
	var parts []multipartPart
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		b, _ := io.ReadAll(p)
		parts = append(parts, multipartPart{p.FormName(), p.FileName(), string(b)})
	}
	return parts
}

func TestManage_InitialConfig(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Console: true, Method: http.MethodPost, Path: "/manage/v1/config/init", Parts: []multipartPart{
		{"license", "enterprise.ghl", testLicense},
		{"password", "", "provide-password-here!"},
	}, Status: http.StatusAccepted})
	resp, err := env.Client.Manage.InitialConfig(context.Background(), strings.NewReader(testLicense), "provide-password-here!")
	require.NoError(t, err)
	eq(t, "status code", resp.StatusCode, http.StatusAccepted)

	if _, err := env.Client.Manage.InitialConfig(context.Background(), nil, "pw"); !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), "Manage.InitialConfig") {
		t.Errorf("nil license: err = %v, want ErrInvalidArgument naming Manage.InitialConfig", err)
	}
	_, _, err = env.Client.Manage.UploadLicense(context.Background(), nil, nil)
	if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), "Manage.UploadLicense") {
		t.Errorf("UploadLicense nil license: err = %v, want ErrInvalidArgument naming Manage.UploadLicense", err)
	}
	if _, err := env.Client.Manage.InitialConfig(context.Background(), strings.NewReader(testLicense), ""); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("empty password: err = %v", err)
	}
}

// manageGet is the Manage service of a mock that expects one GET of the
// Manage GHES API's path (below /manage/v1/) with query, answered with
// testdata/reply.
func manageGet(t *testing.T, path string, query url.Values, reply string) *ManageService {
	t.Helper()
	env := mock(t)
	env.expect(t, call{Console: true, Method: http.MethodGet, Path: "/manage/v1/" + path, Query: query, Reply: reply})
	return env.Client.Manage
}

func TestManage_License(t *testing.T) {
	l, _, err := manageGet(t, "config/license", nil, "manage/license.json").License(context.Background())
	require.NoError(t, err)
	ts := func(s string) Timestamp { return Timestamp{mustTime(t, s)} }
	assertFields(t, "license", *l, ManageLicense{
		AdvancedSecurityEnabled: true, AdvancedSecuritySeats: 0, ClusterSupport: false, Company: "GitHub",
		CroquetSupport: true, CustomTerms: true, Evaluation: false, ExpireAt: ts("2025-01-02T07:59:59Z"),
		InsightsEnabled: true, InsightsExpireAt: ts("2025-01-02T07:59:59.999Z"), LearningLabEvaluationExpires: ts("2023-01-02T07:59:59Z"),
		LearningLabSeats: 100, Perpetual: false, ReferenceNumber: "32a145", Seats: 0, SSHAllowed: true,
		SupportKey:       "", // `supportKey"` in the example, "" either way
		UnlimitedSeating: true,
	})

	// The schema's form, an object, decodes too.
	var obj ManageLicense
	if err := json.Unmarshal([]byte(`{"company":"Acme","seats":50,"supportKey":"ssh-rsa AAAA"}`), &obj); err != nil {
		t.Fatal(err)
	}
	eq(t, "object Company", obj.Company, "Acme")
	eq(t, "object Seats", obj.Seats, 50)
	eq(t, "object SupportKey", obj.SupportKey, "ssh-rsa AAAA")
}

func TestManage_UploadLicense(t *testing.T) {
	imported := []LicenseUploadOutput{{Output: "License imported successfully on host: ghe-local-primary."}}
	for _, tt := range []struct {
		name   string
		opts   *UploadLicenseOptions
		query  url.Values
		status int
		reply  string
		want   []LicenseUploadOutput
	}{
		{"apply", &UploadLicenseOptions{Apply: Ptr(true)}, url.Values{"apply": {"true"}}, http.StatusAccepted, "", nil},
		{"no apply", &UploadLicenseOptions{Apply: Ptr(false)}, url.Values{"apply": {"false"}}, http.StatusCreated, "manage/upload_license.json", imported},
		{"nil options", nil, nil, http.StatusCreated, "manage/upload_license.json", imported},
	} {
		t.Run(tt.name, func(t *testing.T) {
			env := mock(t)
			env.expect(t, call{Console: true, Method: http.MethodPut, Path: "/manage/v1/config/license", Query: tt.query,
				Parts: []multipartPart{{"license", "enterprise.ghl", testLicense}}, Status: tt.status, Reply: tt.reply})
			out, resp, err := env.Client.Manage.UploadLicense(context.Background(), strings.NewReader(testLicense), tt.opts)
			require.NoError(t, err)
			eq(t, "status code", resp.StatusCode, tt.status)
			require.Equal(t, tt.want, out)
		})
	}
}

// failingReader fails after its content, as a file read error would.
type failingReader struct{ done bool }

func (f *failingReader) Read(p []byte) (int, error) {
	if f.done {
		return 0, errors.New("disk on fire")
	}
	f.done = true
	return copy(p, "partial"), nil
}

func TestManage_UploadLicenseReadError(t *testing.T) {
	env := setup(t)
	env.Console.HandleFunc("PUT /manage/v1/config/license", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body)
		w.WriteHeader(http.StatusAccepted)
	})
	_, _, err := env.Client.Manage.UploadLicense(context.Background(), &failingReader{}, nil)
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("err = %v, want the reader's error", err)
	}
}

func TestManage_LicenseStatus(t *testing.T) {
	c, _, err := manageGet(t, "config/license/check", nil, "manage/license_check.json").LicenseStatus(context.Background())
	require.NoError(t, err)
	eq(t, "Status", c.Status, "valid")

	var obj LicenseCheck
	if err := json.Unmarshal([]byte(`{"status":"expired"}`), &obj); err != nil {
		t.Fatal(err)
	}
	eq(t, "object Status", obj.Status, "expired")
}

func TestManage_Settings(t *testing.T) {
	s, _, err := manageGet(t, "config/settings", nil, "manage/settings.json").Settings(context.Background())
	require.NoError(t, err)
	assertEnterpriseSettingsFixture(t, s, false)
}

func TestManage_UpdateSettings(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Console: true, Method: http.MethodPut, Path: "/manage/v1/config/settings", JSON: `{"public_pages":true}`, Status: http.StatusNoContent})
	resp, err := env.Client.Manage.UpdateSettings(context.Background(), EnterpriseSettings{PublicPages: Ptr(true)})
	require.NoError(t, err)
	eq(t, "status code", resp.StatusCode, http.StatusNoContent)
}

func TestManage_SettingsRoundTrip(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(fixture(t, "manage/settings.json"), &doc); err != nil {
		t.Fatal(err)
	}
	doc["future_setting"] = map[string]any{"on": true}
	doc["ldap"].(map[string]any)["future_ldap"] = 7.0
	served, _ := json.Marshal(doc)

	env := setup(t)
	env.Console.HandleFunc("GET /manage/v1/config/settings", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, string(served))
	})
	var sent []byte
	env.Console.HandleFunc("PUT /manage/v1/config/settings", func(w http.ResponseWriter, r *http.Request) {
		call{Console: true, Method: http.MethodPut, Path: "/manage/v1/config/settings", Body: checkedBelow}.verify(t, r)
		testHeader(t, r, "Content-Type", "application/json")
		sent, _ = io.ReadAll(r.Body)
		w.WriteHeader(http.StatusNoContent)
	})
	ctx := context.Background()
	s, _, err := env.Client.Manage.Settings(ctx)
	require.NoError(t, err)
	s.Prometheus.Enabled = Ptr(true)
	if _, err := env.Client.Manage.UpdateSettings(ctx, *s); err != nil {
		t.Fatal(err)
	}
	doc["prometheus"].(map[string]any)["enabled"] = true
	want, _ := json.Marshal(dropNulls(doc))
	assert.JSONEq(t, string(want), string(sent))
}

func TestManage_MaintenanceStatus(t *testing.T) {
	st, _, err := manageGet(t, "maintenance", url.Values{"uuid": {uuidPrimary}}, "manage/maintenance.json").MaintenanceStatus(context.Background(), &ManageNodeOptions{UUID: uuidPrimary})
	require.NoError(t, err)
	assertFields(t, "maintenance", st, []*ManageMaintenanceStatus{{
		Hostname:               "ghe-local-primary",
		UUID:                   uuidPrimary,
		Status:                 "scheduled",
		ScheduledTime:          Timestamp{mustTime(t, "2006-01-02T15:04:05+00:00")},
		ConnectionServices:     ptrs(ConnectionService{"git operations", 15}, ConnectionService{"mysql queries", 6}, ConnectionService{"resque jobs", 10}, ConnectionService{"aqueduct jobs", 0}),
		CanUnsetMaintenance:    true,
		IPExceptionList:        []string{"1.1.1.1"},
		MaintenanceModeMessage: "Scheduled maintenance for upgrading.",
	}})
}

func TestManage_SetMaintenance(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Console: true, Method: http.MethodPost, Path: "/manage/v1/maintenance", JSON: `{"enabled":true,"when":"2006-01-02T15:04:05Z","ip_exception_list":["192.168.1.0/24","1.1.1.1"],"uuid":"` + uuidPrimary + `","maintenance_mode_message":"Back soon."}`, Reply: "manage/set_maintenance.json"})
	when := time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC)
	out, _, err := env.Client.Manage.SetMaintenance(context.Background(), ManageMaintenanceRequest{
		Enabled:                true,
		UUID:                   Ptr(uuidPrimary),
		When:                   &when,
		IPExceptionList:        []string{"192.168.1.0/24", "1.1.1.1"},
		MaintenanceModeMessage: Ptr("Back soon."),
	})
	require.NoError(t, err)
	if len(out) != 1 {
		t.Fatalf("len = %d", len(out))
	}
	eq(t, "result", *out[0], NodeMessage{Hostname: "ghe-local-primary", UUID: uuidPrimary, Message: "maintenance mode scheduled with exception list [1.1.1.1]"})
}

func TestManage_SetMaintenanceOff(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Console: true, Method: http.MethodPost, Path: "/manage/v1/maintenance", JSON: `{"enabled":false}`, Reply: "manage/set_maintenance.json"})
	if _, _, err := env.Client.Manage.SetMaintenance(context.Background(), ManageMaintenanceRequest{}); err != nil {
		t.Fatal(err)
	}
}

func TestManage_SSHKeys(t *testing.T) {
	keys, _, err := manageGet(t, "access/ssh", nil, "manage/ssh_keys.json").SSHKeys(context.Background())
	require.NoError(t, err)
	want := []ManageSSHKey{
		{"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQCwcd9tu20xsJVBMWbIs+JDVQTvkLtrJ8A7eblSwC+zECver22QExC9d6zHy10MAyk1Ck7Bu6/0Z+rr/31vMcAOmNOLjExzWxBCXbtDf3758Qfw7FuvkaTE1sHztwSFi/yNhZSw7uPEWeGQiRY4UldSKG9zZvrZmxpnP8mNZzPriQ==", "bd:26:d3:a2:ad:97:c0:7c:2d:57:a4:64:f3:fb:44:45"},
		{"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQCg73sgCdLL9rWcmVTmvcOgAWZaokZTeNnMFEoaZWZcVtsP4Ed+ICuSbT1wDuyL/XXzr0O2u2bKwx8Np/3UGHb4R9Re+qiz//l5OCBd3KonO2GFICQwKGmVeZ+ki89aN2JDKgfemHbvclHYBD/r56lnbt/kinw7JqGPp+ndzH8nBw==", "e1:1e:a0:f1:3f:a9:70:2d:99:dd:02:9d:39:1c:8b:a4"},
	}
	if len(keys) != len(want) {
		t.Fatalf("len = %d", len(keys))
	}
	for i, w := range want {
		eq(t, "key", *keys[i], w)
	}
	// The schema's spelling wins over the example's.
	var k ManageSSHKey
	if err := json.Unmarshal([]byte(`{"key":"k","fingerprint":"right","fingeprint":"typo"}`), &k); err != nil {
		t.Fatal(err)
	}
	eq(t, "Fingerprint", k.Fingerprint, "right")
}

const manageTestKey = "ssh-rsa AAAAB3NzaC1yc2EAAAADCIABAAAAgQCY/ZiDDOFWcZnYXPwMbvwQDofXPdHxLfxPK+HWGVPd1DLcDncYBUSB0bmCU2g9Sc+oHKLoHhXp0ivau9h+EpmQJ7V8vqsRdD9pc4aL/WAnUyF4o3Y7xL94rlRpVbVo/tNjzcvqxxyzBiYyy3GciCMpYQh/uKt56B94/5PNyIGEEw=="

func TestManage_RemoveSSHKeyEmpty(t *testing.T) {
	env := mock(t) // no expectation: anything sent fails the test
	_, _, err := env.Client.Manage.RemoveSSHKey(context.Background(), "")
	require.ErrorIs(t, err, ErrInvalidArgument, "empty key")
}

func TestManage_DownloadUpgrade(t *testing.T) {
	t.Run("direct fan-out", func(t *testing.T) {
		env := mock(t)
		env.expect(t, call{Console: true, Method: http.MethodPost, Path: "/manage/v1/upgrade/download", JSON: `{"version":"3.19.3","force":false,"uuids":["` + uuidPrimary + `","` + uuidSecond + `"]}`, Reply: "manage/download_upgrade.json"})
		d, _, err := env.Client.Manage.DownloadUpgrade(context.Background(), UpgradeDownloadRequest{
			Version: Ptr("3.19.3"),
			Force:   Ptr(false),
			UUIDs:   []string{uuidPrimary, uuidSecond},
		})
		require.NoError(t, err)
		if d.Orchestration != nil {
			t.Errorf("Orchestration = %+v, want nil", d.Orchestration)
		}
		if len(d.Nodes) != 1 {
			t.Fatalf("nodes = %d", len(d.Nodes))
		}
		eq(t, "Nodes[0]", *d.Nodes[0], NodeUpgradeResult{Hostname: "ghe-local-primary", UUID: uuidPrimary, Message: "download started", Error: ""})
	})
	t.Run("orchestration", func(t *testing.T) {
		env := mock(t)
		env.expect(t, call{Console: true, Method: http.MethodPost, Path: "/manage/v1/upgrade/download", JSON: `{"version":"3.19.3","uuids":["uuid-1","uuid-2"],"max_parallel":1,"node_timeout":"1h","max_attempts":3}`, Status: http.StatusAccepted, Reply: "manage/download_upgrade_202.json"})
		d, resp, err := env.Client.Manage.DownloadUpgrade(context.Background(), UpgradeDownloadRequest{
			Version:     Ptr("3.19.3"),
			UUIDs:       []string{"uuid-1", "uuid-2"},
			MaxParallel: Ptr(1),
			NodeTimeout: Ptr("1h"),
			MaxAttempts: Ptr(3),
		})
		require.NoError(t, err)
		eq(t, "status code", resp.StatusCode, http.StatusAccepted)
		if d.Orchestration == nil {
			t.Fatal("Orchestration = nil")
		}
		eq(t, "Orchestration", *d.Orchestration, UpgradeDownloadOrchestration{
			Message: "download orchestration started", DownloadID: uuidPrimary, MaxParallel: 2, TotalNodes: 5,
		})
		if d.Nodes != nil {
			t.Errorf("Nodes = %v, want nil", d.Nodes)
		}
	})
	t.Run("orchestration as the schema's object", func(t *testing.T) {
		d := new(UpgradeDownload)
		unread, err := decodeUpgradeDownload(d, http.StatusAccepted, json.RawMessage(`{"message":"m","download_id":"x","max_parallel":1,"total_nodes":2}`))
		require.NoError(t, err)
		require.Empty(t, unread)
		eq(t, "Orchestration", *d.Orchestration, UpgradeDownloadOrchestration{Message: "m", DownloadID: "x", MaxParallel: 1, TotalNodes: 2})
	})
	for fx, msg := range map[string]string{
		"download_upgrade_409_node_active":          "download already in progress on node(s): ghe-node-1 (uuid-1)",
		"download_upgrade_409_orchestration_active": "an upgrade package download orchestration is already in progress",
	} {
		t.Run(fx, func(t *testing.T) {
			env := mock(t)
			env.expect(t, call{Console: true, Method: http.MethodPost, Path: "/manage/v1/upgrade/download", JSON: `{}`, Status: http.StatusConflict, Reply: "manage/" + fx + ".json"})
			_, resp, err := env.Client.Manage.DownloadUpgrade(context.Background(), UpgradeDownloadRequest{})
			var er *ErrorResponse
			if !errors.As(err, &er) {
				t.Fatalf("err = %v, want *ErrorResponse", err)
			}
			eq(t, "status code", resp.StatusCode, http.StatusConflict)
			eq(t, "message", er.Message, msg)
			require.Contains(t, err.Error(), msg)
		})
	}
}

func TestManage_UpgradeDownloadStatus(t *testing.T) {
	for _, fx := range []string{"upgrade_download_status", "upgrade_download_status_orchestration_status"} {
		t.Run(fx, func(t *testing.T) {
			st, _, err := manageGet(t, "upgrade/download/status", url.Values{"uuid": {uuidSecond}}, "manage/"+fx+".json").UpgradeDownloadStatus(context.Background(), &UpgradeDownloadStatusOptions{UUID: uuidSecond})
			require.NoError(t, err)
			const id = "550e8400-e29b-41d4-a716-446655440000"
			const pkg = "github-enterprise-3.19.3-kvm.pkg"
			eq(t, "DownloadID", st.DownloadID, id)
			eq(t, "PackageName", st.PackageName, pkg)
			eq(t, "Status", st.Status, "downloading")
			eq(t, "ErrorMessage", st.ErrorMessage, "")
			eq(t, "DistributionProgress", st.DistributionProgress, DistributionProgress{CompletedNodes: 2, TotalNodes: 5})
			want := []NodeUpgradeDownloadStatus{
				{Hostname: "node-1", UUID: uuidPrimary, DownloadID: id, PackageName: pkg, Status: "completed", Progress: "100%"},
				{Hostname: "node-2", UUID: uuidSecond, DownloadID: id, PackageName: pkg, Status: "downloading", Progress: "63%"},
			}
			if len(st.Nodes) != len(want) {
				t.Fatalf("nodes = %d", len(st.Nodes))
			}
			for i, w := range want {
				eq(t, "Nodes[i]", *st.Nodes[i], w)
			}
			if fx == "upgrade_download_status" {
				if st.Orchestration != nil {
					t.Errorf("Orchestration = %+v, want nil", st.Orchestration)
				}
				return
			}
			if st.Orchestration == nil {
				t.Fatal("Orchestration = nil")
			}
			eq(t, "Orchestration", *st.Orchestration, DownloadOrchestrationStatus{
				Phase: "running", ErrorMessage: "", MaxParallel: 1, Queued: 2, InFlight: 1, Completed: 2, Failed: 0, Total: 5,
			})
		})
	}
	// The schema's download_id is read when present.
	var st UpgradeDownloadStatus
	if err := json.Unmarshal([]byte(`{"download_id":"d1","upgrade_id":"u1","nodes":[{"download_id":"d2"}]}`), &st); err != nil {
		t.Fatal(err)
	}
	eq(t, "DownloadID", st.DownloadID, "d1")
	eq(t, "Nodes[0].DownloadID", st.Nodes[0].DownloadID, "d2")
}

func TestManage_ApplyUpgrade(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Console: true, Method: http.MethodPost, Path: "/manage/v1/upgrade/apply", JSON: `{"version":"3.19.3","phase":"pre-upgrade","skip_reboot":false,"uuid":"` + uuidPrimary + `"}`, Reply: "manage/apply_upgrade.json"})
	out, _, err := env.Client.Manage.ApplyUpgrade(context.Background(), UpgradeApplyRequest{
		Version:    Ptr("3.19.3"),
		Phase:      Ptr(UpgradePhasePreUpgrade),
		SkipReboot: Ptr(false),
		UUID:       Ptr(uuidPrimary),
	})
	require.NoError(t, err)
	if len(out) != 1 {
		t.Fatalf("len = %d", len(out))
	}
	eq(t, "result", *out[0], NodeUpgradeResult{Hostname: "ghe-local-primary", UUID: uuidPrimary, Message: "upgrade started", Error: ""})

	if _, _, err := env.Client.Manage.ApplyUpgrade(context.Background(), UpgradeApplyRequest{Phase: Ptr(UpgradePhase("post"))}); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("bad phase: err = %v", err)
	}
}

func TestManage_UpgradeStatus(t *testing.T) {
	st, _, err := manageGet(t, "upgrade/status", url.Values{"uuid": {uuidPrimary}, "is_verbose": {"true"}}, "manage/upgrade_status.json").UpgradeStatus(context.Background(), &UpgradeStatusOptions{UUID: uuidPrimary, IsVerbose: true})
	require.NoError(t, err)
	if len(st) != 1 {
		t.Fatalf("len = %d", len(st))
	}
	u := st[0]
	eq(t, "Hostname", u.Hostname, "ghe-local-primary")
	eq(t, "UUID", u.UUID, uuidPrimary)
	eq(t, "ReleaseVersion", u.ReleaseVersion, "3.19.2")
	eq(t, "ReleaseSHA", u.ReleaseSHA, "abc123def456")
	eq(t, "Status", u.Status, "in_progress")
	eq(t, "PreUpgradeStatus", u.PreUpgradeStatus, "completed")
	eq(t, "UpgradeLastCompletedStep", u.UpgradeLastCompletedStep, "extract_root_filesystem")
	eq(t, "IsRunning", u.IsRunning, true)
	eq(t, "Failed", u.Failed, false)
	if u.Messages == nil || len(u.Messages) != 0 {
		t.Errorf("Messages = %#v, want empty", u.Messages)
	}
	eq(t, "Error", u.Error, "")
	if len(u.Steps) != 1 {
		t.Fatalf("steps = %d", len(u.Steps))
	}
	s := u.Steps[0]
	eq(t, "Phase", s.Phase, "pre-upgrade")
	eq(t, "Step", s.Step, "signature_verification")
	eq(t, "Status", s.Status, "completed")
	if !s.StartedAt.Equal(Timestamp{mustTime(t, "2024-06-02T10:30:00Z")}) || !s.EndedAt.Equal(Timestamp{mustTime(t, "2024-06-02T10:31:00Z")}) {
		t.Errorf("StartedAt, EndedAt = %v, %v", s.StartedAt, s.EndedAt)
	}
	eq(t, "Step.Error", s.Error, "")
}

func applyStatus(running, ok bool, nodes ...string) string {
	b, _ := json.Marshal(map[string]any{"running": running, "successful": ok, "nodes": json.RawMessage("[" + strings.Join(nodes, ",") + "]")})
	return string(b)
}

func applyNode(host string, running, ok bool) string {
	b, _ := json.Marshal(map[string]any{"run_id": "r1", "hostname": host, "running": running, "successful": ok})
	return string(b)
}

func TestManage_WaitForConfigApply(t *testing.T) {
	serve := func(t *testing.T, events string, replies ...string) (*testEnv, *atomic.Int32) {
		env := setup(t)
		var n atomic.Int32
		env.Console.HandleFunc("GET /manage/v1/config/apply", func(w http.ResponseWriter, r *http.Request) {
			call{Console: true, Method: http.MethodGet, Path: "/manage/v1/config/apply", Query: url.Values{"run_id": {"r1"}}}.verify(t, r)
			i := min(int(n.Add(1))-1, len(replies)-1)
			writeJSON(w, http.StatusOK, replies[i])
		})
		if events != "" {
			env.Console.HandleFunc("GET /manage/v1/config/apply/events", func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Query().Get("last_request_id") != "" {
					writeJSON(w, http.StatusOK, `{"nodes":[]}`)
					return
				}
				writeJSON(w, http.StatusOK, events)
			})
		}
		return env, &n
	}
	fast := WaitInterval(time.Millisecond)

	t.Run("success", func(t *testing.T) {
		env, n := serve(t, "",
			applyStatus(false, false), // not started yet: no node
			applyStatus(true, false, applyNode("ghes-01", true, false), applyNode("ghes-02", false, true)),
			applyStatus(false, true, applyNode("ghes-01", false, true), applyNode("ghes-02", false, true)),
		)
		st, _, err := env.Client.Manage.WaitForConfigApply(context.Background(), "r1", fast)
		require.NoError(t, err)
		eq(t, "polls", n.Load(), int32(3))
		eq(t, "Successful", st.Successful, true)
	})
	t.Run("failed node", func(t *testing.T) {
		events := `{"nodes":[{"node":"ghes-02","last_request_id":"c1","events":[
			{"timestamp":"2023-01-01T13:00:00Z","hostname":"ghes-02","config_run_id":"r1","event_name":"PhaseValidation#validate","body":"Validating services"},
			{"timestamp":"2023-01-01T13:01:00Z","hostname":"ghes-02","config_run_id":"r1","event_name":"PhaseMigrations#run_migrations","body":"migration 42 failed"},
			{"timestamp":"2023-01-01T13:02:00Z","hostname":"ghes-02","config_run_id":"r0","event_name":"OlderRun#step","body":"another run"},
			{"timestamp":"2023-01-01T13:00:30Z","hostname":"ghes-01","config_run_id":"r1","event_name":"PhaseDone#finish","body":"done"}]}]}`
		env, _ := serve(t, events,
			applyStatus(true, false, applyNode("ghes-01", true, false), applyNode("ghes-02", true, false)),
			applyStatus(false, false, applyNode("ghes-01", false, true), applyNode("ghes-02", false, false)),
		)
		_, _, err := env.Client.Manage.WaitForConfigApply(context.Background(), "r1", fast)
		var ce *ConfigApplyError
		if !errors.As(err, &ce) {
			t.Fatalf("err = %v, want *ConfigApplyError", err)
		}
		want := []ConfigApplyNodeFailure{{Hostname: "ghes-02", Step: "PhaseMigrations#run_migrations", Message: "migration 42 failed"}}
		assert.Equal(t, want, ce.Nodes, "Nodes")
		msg := err.Error()
		for _, s := range []string{`"r1"`, "ghes-02", "PhaseMigrations#run_migrations"} {
			if !strings.Contains(msg, s) {
				t.Errorf("error %q does not contain %s", msg, s)
			}
		}
		if strings.Contains(msg, "ghes-01") {
			t.Errorf("error %q names a node that succeeded", msg)
		}
	})
	t.Run("failed node, events unreadable", func(t *testing.T) {
		env, _ := serve(t, "",
			applyStatus(false, false, applyNode("ghes-01", false, false)),
		)
		env.Console.HandleFunc("GET /manage/v1/config/apply/events", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusInternalServerError, `{"message":"boom"}`)
		})
		_, _, err := env.Client.Manage.WaitForConfigApply(context.Background(), "r1", fast)
		var ce *ConfigApplyError
		if !errors.As(err, &ce) || len(ce.Nodes) != 1 || ce.Nodes[0].Hostname != "ghes-01" || ce.Nodes[0].Step != "" {
			t.Fatalf("err = %v (%+v), want a *ConfigApplyError naming ghes-01", err, ce)
		}
	})
	t.Run("context", func(t *testing.T) {
		env, n := serve(t, "", applyStatus(true, false, applyNode("ghes-01", true, false)))
		ctx, cancel := context.WithCancel(context.Background())
		go func() {
			for n.Load() < 3 {
				time.Sleep(time.Millisecond)
			}
			cancel()
		}()
		_, _, err := env.Client.Manage.WaitForConfigApply(ctx, "r1", WaitInterval(5*time.Millisecond))
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	})
}

// TestManage_NoPassword: with no console password, the Manage service
// refuses before sending and names the option.
func TestManage_NoPassword(t *testing.T) {
	env := setup(t)
	c, err := NewClient(env.APIServer.URL, WithToken(testToken))
	require.NoError(t, err)
	ctx := context.Background()
	m := c.Manage
	calls := map[string]func() error{
		"Version":       func() error { _, _, err := m.Version(ctx, nil); return err },
		"ClusterStatus": func() error { _, _, err := m.ClusterStatus(ctx); return err },
		"InitialConfig": func() error {
			_, err := m.InitialConfig(ctx, strings.NewReader(testLicense), "pw")
			return err
		},
		"UploadLicense": func() error {
			_, _, err := m.UploadLicense(ctx, strings.NewReader(testLicense), nil)
			return err
		},
		"UpdateSettings":     func() error { _, err := m.UpdateSettings(ctx, EnterpriseSettings{}); return err },
		"WaitForConfigApply": func() error { _, _, err := m.WaitForConfigApply(ctx, "r1"); return err },
	}
	for name, call := range calls {
		err := call()
		if !errors.Is(err, ErrNoConsolePassword) || !strings.Contains(err.Error(), "WithManagementConsole") {
			t.Errorf("%s: err = %v, want ErrNoConsolePassword naming WithManagementConsole", name, err)
		}
	}
}
