package e2e_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/ghestest"
)

// manageVersions are releases that serve the Manage GHES API: one that
// still has the Management Console too, and the newest.
var manageVersions = []string{"3.14.0", "3.22.0"}

func TestAdminManageNodes(t *testing.T) {
	onFakes(t, manageVersions, nil, func(t *testing.T, ctx context.Context, srv *ghestest.Server, c *ghesadmin.Client) {
		m, v := c.Manage, srv.Version()

		vers, _, err := m.Version(ctx, nil)
		if err != nil {
			t.Fatalf("Version: %v", err)
		}
		if len(vers) != 1 || vers[0].Hostname == "" || vers[0].Version.Version != v || vers[0].Version.BuildDate == "" {
			t.Fatalf("Version = %+v, want one node on %s", vers, v)
		}

		nodes, _, err := m.Nodes(ctx, nil)
		if err != nil {
			t.Fatalf("Nodes: %v", err)
		}
		if nodes.Topology != "SingleNode" || len(nodes.Nodes) != 1 {
			t.Fatalf("Nodes = %+v, want one node in a SingleNode topology", nodes)
		}
		node := nodes.Nodes[0]
		if node.Hostname != vers[0].Hostname || node.UUID == "" || !slices.Contains(node.ClusterRoles, "GitServer") {
			t.Errorf("node = %+v", node)
		}
		// Node filters select this node or none.
		if n, _, err := m.Nodes(ctx, &ghesadmin.ManageNodeOptions{UUID: node.UUID}); err != nil || len(n.Nodes) != 1 {
			t.Errorf("Nodes by uuid = %+v, %v; want the node", n, err)
		}
		if n, _, err := m.Nodes(ctx, &ghesadmin.ManageNodeOptions{ClusterRoles: "NoSuchRole"}); err != nil || len(n.Nodes) != 0 {
			t.Errorf("Nodes by an unknown role = %+v, %v; want none", n, err)
		}
		if vs, _, err := m.Version(ctx, &ghesadmin.ManageNodeOptions{ClusterRoles: "WebServer,GitServer"}); err != nil || len(vs) != 1 {
			t.Errorf("Version by role = %+v, %v; want the node", vs, err)
		}

		cs, _, err := m.ClusterStatus(ctx)
		if err != nil {
			t.Fatalf("ClusterStatus: %v", err)
		}
		if cs.Status != "OK" || len(cs.Nodes) != 1 || cs.Nodes[0].Hostname != node.Hostname || len(cs.Nodes[0].Services) == 0 {
			t.Errorf("ClusterStatus = %+v", cs)
		}
		for _, s := range cs.Nodes[0].Services {
			if s.Name == "" || s.Status != "OK" || s.Details == "" {
				t.Errorf("cluster service = %+v", s)
			}
		}

		rs, _, err := m.ReplicationStatus(ctx, nil)
		if err != nil {
			t.Fatalf("ReplicationStatus: %v", err)
		}
		if rs.Status != "OK" || len(rs.Nodes) != 1 || rs.Nodes[0].Hostname != node.Hostname {
			t.Errorf("ReplicationStatus = %+v", rs)
		}

		req, _, err := m.SystemRequirements(ctx)
		if err != nil {
			t.Fatalf("SystemRequirements: %v", err)
		}
		if req.Status != "OK" || len(req.Nodes) != 1 || len(req.Nodes[0].RolesStatus) != len(node.ClusterRoles) {
			t.Fatalf("SystemRequirements = %+v", req)
		}
		if r := req.Nodes[0].RolesStatus[0]; r.Role == "" || r.Status != "OK" {
			t.Errorf("role status = %+v", r)
		}
	})
}

func TestAdminManageMaintenanceWindow(t *testing.T) {
	onFakes(t, manageVersions, nil, func(t *testing.T, ctx context.Context, srv *ghestest.Server, c *ghesadmin.Client) {
		m := c.Manage

		st, _, err := m.MaintenanceStatus(ctx, nil)
		if err != nil {
			t.Fatalf("MaintenanceStatus: %v", err)
		}
		if len(st) != 1 || st[0].Status != "off" || !st[0].ScheduledTime.IsZero() || st[0].UUID == "" {
			t.Fatalf("initial maintenance = %+v, want one node, off", st)
		}
		uuid := st[0].UUID

		// A window: scheduled tomorrow, with an exception list and a message.
		at := time.Now().UTC().Add(24 * time.Hour).Truncate(time.Second)
		msgs, _, err := m.SetMaintenance(ctx, ghesadmin.ManageMaintenanceRequest{
			Enabled:                true,
			When:                   &at,
			IPExceptionList:        []string{"192.168.1.0/24", "1.1.1.1"},
			MaintenanceModeMessage: ghesadmin.Ptr("Upgrading to the next release."),
		})
		if err != nil {
			t.Fatalf("SetMaintenance (window): %v", err)
		}
		if len(msgs) != 1 || msgs[0].UUID != uuid || msgs[0].Message != "maintenance mode scheduled with exception list [192.168.1.0/24 1.1.1.1]" {
			t.Errorf("SetMaintenance = %+v", msgs)
		}
		status, when := srv.Maintenance()
		if status != "scheduled" || !when.Equal(at) {
			t.Errorf("server maintenance = %q at %v, want scheduled at %v", status, when, at)
		}

		// The status per node: the selected node, and none for another.
		st, _, err = m.MaintenanceStatus(ctx, &ghesadmin.ManageNodeOptions{UUID: uuid})
		if err != nil {
			t.Fatalf("MaintenanceStatus: %v", err)
		}
		if len(st) != 1 {
			t.Fatalf("MaintenanceStatus for %s = %d nodes, want 1", uuid, len(st))
		}
		n := st[0]
		if n.Status != "scheduled" || !n.ScheduledTime.Time.Equal(at) || !n.CanUnsetMaintenance ||
			!slices.Equal(n.IPExceptionList, []string{"192.168.1.0/24", "1.1.1.1"}) ||
			n.MaintenanceModeMessage != "Upgrading to the next release." || len(n.ConnectionServices) == 0 {
			t.Errorf("node maintenance = %+v", n)
		}
		if other, _, err := m.MaintenanceStatus(ctx, &ghesadmin.ManageNodeOptions{UUID: "00000000-0000-0000-0000-000000000000"}); err != nil || len(other) != 0 {
			t.Errorf("MaintenanceStatus for another node = %+v, %v; want none", other, err)
		}

		// Now, on one node.
		if _, _, err = m.SetMaintenance(ctx, ghesadmin.ManageMaintenanceRequest{Enabled: true, UUID: &uuid}); err != nil {
			t.Fatalf("SetMaintenance (now): %v", err)
		}
		if st, _, err = m.MaintenanceStatus(ctx, nil); err != nil || st[0].Status != "on" {
			t.Errorf("maintenance after enabling now = %+v, %v; want on", st, err)
		}

		// Unset.
		msgs, _, err = m.SetMaintenance(ctx, ghesadmin.ManageMaintenanceRequest{Enabled: false})
		if err != nil {
			t.Fatalf("SetMaintenance (off): %v", err)
		}
		if len(msgs) != 1 || msgs[0].Message != "maintenance mode disabled" {
			t.Errorf("SetMaintenance off = %+v", msgs)
		}
		if st, _, err = m.MaintenanceStatus(ctx, nil); err != nil || st[0].Status != "off" || !st[0].ScheduledTime.IsZero() {
			t.Errorf("maintenance after unset = %+v, %v; want off", st, err)
		}
		if got, _ := srv.Maintenance(); got != "off" {
			t.Errorf("server maintenance = %q, want off", got)
		}
	})
}

func TestAdminManageConfigApply(t *testing.T) {
	onFakes(t, manageVersions, []ghestest.Option{ghestest.WithStatusReads(4)}, func(t *testing.T, ctx context.Context, srv *ghestest.Server, c *ghesadmin.Client) {
		m := c.Manage

		// No run yet: no node reports.
		st, _, err := m.ConfigApplyStatus(ctx, "")
		if err != nil || st.Running || len(st.Nodes) != 0 {
			t.Fatalf("ConfigApplyStatus before any run = %+v, %v", st, err)
		}

		run, _, err := m.ConfigApply(ctx, ghesadmin.ConfigApplyRequest{RunID: ghesadmin.Ptr("e2e-run-1")})
		if err != nil {
			t.Fatalf("ConfigApply: %v", err)
		}
		if run.RunID != "e2e-run-1" {
			t.Errorf("run_id = %q, want e2e-run-1", run.RunID)
		}
		st, _, err = m.ConfigApplyStatus(ctx, run.RunID)
		if err != nil {
			t.Fatalf("ConfigApplyStatus: %v", err)
		}
		if !st.Running || st.Successful || st.RunID != run.RunID || len(st.Nodes) != 1 || st.Nodes[0].RunID != run.RunID || !st.Nodes[0].Running {
			t.Errorf("ConfigApplyStatus while running = %+v", st)
		}
		// A second run is refused while one is running.
		if _, _, err := m.ConfigApply(ctx, ghesadmin.ConfigApplyRequest{}); err == nil {
			t.Error("a second ConfigApply while one runs succeeded, want an error")
		}

		st, _, err = m.WaitForConfigApply(ctx, run.RunID, fastWait)
		if err != nil {
			t.Fatalf("WaitForConfigApply: %v", err)
		}
		if st.Running || !st.Successful || len(st.Nodes) != 1 || !st.Nodes[0].Successful || st.Nodes[0].Hostname == "" {
			t.Errorf("final status = %+v", st)
		}
		if n := srv.RequestCount("GET", "/manage/v1/config/apply"); n != 5 {
			t.Errorf("status reads = %d, want 5 (1 before the run, 1 by hand, 3 by WaitForConfigApply)", n)
		}

		ev, _, err := m.ConfigApplyEvents(ctx, nil)
		if err != nil {
			t.Fatalf("ConfigApplyEvents: %v", err)
		}
		if len(ev.Nodes) != 1 || len(ev.Nodes[0].Events) == 0 || ev.Nodes[0].LastRequestID == "" {
			t.Fatalf("ConfigApplyEvents = %+v", ev)
		}
		first := ev.Nodes[0].Events[0]
		if first.ConfigRunID != run.RunID || first.Hostname != ev.Nodes[0].Node || first.SeverityText != "INFO" ||
			first.Body == "" || first.EventName == "" || first.Timestamp.IsZero() {
			t.Errorf("first event = %+v", first)
		}

		// The iterator yields the same events, then stops at the cursor.
		bodies := collect(t, "ConfigApplyEventsIter", m.ConfigApplyEventsIter(ctx, nil), func(e *ghesadmin.ConfigApplyEvent) string { return e.Body })
		var want []string
		for _, e := range ev.Nodes[0].Events {
			want = append(want, e.Body)
		}
		if !slices.Equal(bodies, want) {
			t.Errorf("iterated events = %q, want %q", bodies, want)
		}
		// After the last cursor, nothing new.
		rest, _, err := m.ConfigApplyEvents(ctx, &ghesadmin.ConfigApplyEventsOptions{LastRequestID: ev.Nodes[0].LastRequestID})
		if err != nil {
			t.Fatalf("ConfigApplyEvents after the cursor: %v", err)
		}
		for _, n := range rest.Nodes {
			if len(n.Events) != 0 {
				t.Errorf("events after the last cursor = %+v, want none", n.Events)
			}
		}
	})
}

func TestAdminManageSSHKeys(t *testing.T) {
	onFakes(t, manageVersions, nil, func(t *testing.T, ctx context.Context, _ *ghestest.Server, c *ghesadmin.Client) {
		m := c.Manage

		msgs, _, err := m.AddSSHKey(ctx, adminKeyA)
		if err != nil {
			t.Fatalf("AddSSHKey: %v", err)
		}
		if len(msgs) != 1 || !msgs[0].Modified || msgs[0].Message == "" {
			t.Errorf("AddSSHKey = %+v, want one modified node", msgs)
		}
		if msgs, _, err = m.AddSSHKey(ctx, adminKeyA); err != nil || len(msgs) != 1 || msgs[0].Modified {
			t.Errorf("AddSSHKey twice = %+v, %v; want one unmodified node", msgs, err)
		}
		if _, _, err = m.AddSSHKey(ctx, adminKeyB); err != nil {
			t.Fatalf("AddSSHKey B: %v", err)
		}
		keys, _, err := m.SSHKeys(ctx)
		if err != nil {
			t.Fatalf("SSHKeys: %v", err)
		}
		if len(keys) != 2 || keys[0].Key != adminKeyA || keys[1].Key != adminKeyB || strings.Count(keys[0].Fingerprint, ":") != 15 {
			t.Fatalf("SSHKeys = %+v", keys)
		}
		if _, _, err = m.RemoveSSHKey(ctx, adminKeyA); err != nil {
			t.Fatalf("RemoveSSHKey: %v", err)
		}
		if keys, _, err = m.SSHKeys(ctx); err != nil || len(keys) != 1 || keys[0].Key != adminKeyB {
			t.Errorf("SSHKeys after remove = %+v, %v; want B", keys, err)
		}
		var ee *ghesadmin.ErrorResponse
		if _, _, err = m.RemoveSSHKey(ctx, adminKeyA); !errors.As(err, &ee) || ee.Response.StatusCode != 400 {
			t.Errorf("removing a key twice: err = %v, want a 400", err)
		}
	})
}

func TestAdminManageLicense(t *testing.T) {
	onFakes(t, manageVersions, []ghestest.Option{ghestest.WithLicense(100, time.Now().AddDate(1, 0, 0))}, func(t *testing.T, ctx context.Context, _ *ghestest.Server, c *ghesadmin.Client) {
		m := c.Manage

		l, _, err := m.License(ctx)
		if err != nil {
			t.Fatalf("License: %v", err)
		}
		if l.Seats != 100 || l.ExpireAt.IsZero() {
			t.Errorf("License = %+v, want 100 seats", l)
		}
		chk, _, err := m.LicenseStatus(ctx)
		if err != nil || chk.Status != "valid" {
			t.Errorf("LicenseStatus = %+v, %v; want valid", chk, err)
		}

		expire := time.Now().UTC().AddDate(3, 0, 0).Truncate(time.Second)
		lic := `{"seats":500,"expire_at":"` + expire.Format(time.RFC3339) + `"}`
		out, resp, err := m.UploadLicense(ctx, strings.NewReader(lic), nil)
		if err != nil {
			t.Fatalf("UploadLicense: %v", err)
		}
		if resp.StatusCode != 201 || len(out) != 1 || !strings.HasPrefix(out[0].Output, "License imported successfully on host: ") {
			t.Errorf("UploadLicense = %d %+v, want 201 and what the node said", resp.StatusCode, out)
		}
		if l, _, err = m.License(ctx); err != nil || l.Seats != 500 || !l.ExpireAt.Time.Equal(expire) {
			t.Errorf("License after upload = %+v, %v; want 500 seats until %v", l, err, expire)
		}
		info, _, err := c.License.Get(ctx)
		if err != nil {
			t.Fatalf("License.Get: %v", err)
		}
		if info.Seats.Count != 500 || !info.ExpireAt.Time.Equal(expire) {
			t.Errorf("REST license = %v seats until %v, want 500 until %v", info.Seats, info.ExpireAt, expire)
		}

		// With apply, a config apply run follows.
		if _, _, err = m.UploadLicense(ctx, strings.NewReader(`{"seats":600}`), &ghesadmin.UploadLicenseOptions{Apply: ghesadmin.Ptr(true)}); err != nil {
			t.Fatalf("UploadLicense apply: %v", err)
		}
		st, _, err := m.WaitForConfigApply(ctx, "", fastWait)
		if err != nil || !st.Successful {
			t.Errorf("WaitForConfigApply after UploadLicense(apply) = %+v, %v", st, err)
		}
		if info, _, err = c.License.Get(ctx); err != nil || info.Seats.Count != 600 {
			t.Errorf("REST seats = %v, %v; want 600", info, err)
		}
	})
}

// upgradeVersions are the releases with the Manage upgrade endpoints (3.22
// and later).
var upgradeVersions = []string{"3.22.0"}

// Before 3.22 the upgrade endpoints are not there: the fake answers 404.
// Upgrades arrive in 3.22: on 3.19 the fake answers 404 and a client that
// knows the release refuses them before sending.
func TestAdminManageUpgradeMissingBefore322(t *testing.T) {
	srv, c, ctx := startCtx(t, "3.19.0")
	m := c.Manage
	v := "3.19.1"
	if _, _, err := m.Version(ctx, nil); err != nil {
		t.Fatalf("Version: %v", err)
	}
	wantRefused(t, srv, map[string]refusedCall{
		"DownloadUpgrade": {"POST", "/manage/v1/upgrade/download", func() error {
			_, _, err := m.DownloadUpgrade(ctx, ghesadmin.UpgradeDownloadRequest{Version: &v})
			return err
		}},
		"UpgradeDownloadStatus": {"GET", "/manage/v1/upgrade/download/status", func() error { _, _, err := m.UpgradeDownloadStatus(ctx, nil); return err }},
		"ApplyUpgrade": {"POST", "/manage/v1/upgrade/apply", func() error {
			_, _, err := m.ApplyUpgrade(ctx, ghesadmin.UpgradeApplyRequest{Version: &v})
			return err
		}},
		"UpgradeStatus": {"GET", "/manage/v1/upgrade/status", func() error { _, _, err := m.UpgradeStatus(ctx, nil); return err }},
	})
}

func TestAdminManageUpgrade(t *testing.T) {
	onFakes(t, upgradeVersions, nil, func(t *testing.T, ctx context.Context, srv *ghestest.Server, c *ghesadmin.Client) {
		m := c.Manage
		target := strings.TrimSuffix(srv.Version(), ".0") + ".1"

		// Applying before a download is refused.
		if _, _, err := m.ApplyUpgrade(ctx, ghesadmin.UpgradeApplyRequest{Version: &target}); !errors.Is(err, ghesadmin.ErrNotFound) {
			t.Errorf("ApplyUpgrade before a download: err = %v, want ErrNotFound", err)
		}

		dl, resp, err := m.DownloadUpgrade(ctx, ghesadmin.UpgradeDownloadRequest{Version: &target, MaxParallel: ghesadmin.Ptr(1)})
		if err != nil {
			t.Fatalf("DownloadUpgrade: %v", err)
		}
		if resp.StatusCode != 202 || dl.Orchestration == nil || dl.Orchestration.DownloadID == "" || dl.Orchestration.MaxParallel != 1 || dl.Orchestration.TotalNodes != 1 {
			t.Fatalf("DownloadUpgrade = %d %+v", resp.StatusCode, dl)
		}
		var ds *ghesadmin.UpgradeDownloadStatus
		for i := 0; i < 10; i++ {
			if ds, _, err = m.UpgradeDownloadStatus(ctx, nil); err != nil {
				t.Fatalf("UpgradeDownloadStatus: %v", err)
			}
			if ds.DownloadID != dl.Orchestration.DownloadID || len(ds.Nodes) != 1 {
				t.Fatalf("UpgradeDownloadStatus = %+v", ds)
			}
			if ds.Status == "completed" {
				break
			}
		}
		if ds.Status != "completed" || ds.Nodes[0].Progress != "100%" || ds.DistributionProgress.CompletedNodes != 1 ||
			ds.PackageName != "github-enterprise-"+target+".pkg" {
			t.Fatalf("download did not complete: %+v", ds)
		}

		res, _, err := m.ApplyUpgrade(ctx, ghesadmin.UpgradeApplyRequest{Version: &target})
		if err != nil {
			t.Fatalf("ApplyUpgrade: %v", err)
		}
		if len(res) != 1 || res[0].Error != "" || res[0].Hostname == "" {
			t.Errorf("ApplyUpgrade = %+v", res)
		}
		var us []*ghesadmin.NodeUpgradeStatus
		for i := 0; i < 10; i++ {
			if us, _, err = m.UpgradeStatus(ctx, nil); err != nil {
				t.Fatalf("UpgradeStatus: %v", err)
			}
			if len(us) != 1 {
				t.Fatalf("UpgradeStatus = %+v", us)
			}
			if i == 0 && (!us[0].IsRunning || us[0].Status != "in_progress") {
				t.Errorf("first UpgradeStatus = %+v, want in progress", us[0])
			}
			if !us[0].IsRunning {
				break
			}
		}
		u := us[0]
		if u.Status != "completed" || u.Failed || u.ReleaseVersion != target || len(u.Steps) == 0 || u.Steps[len(u.Steps)-1].EndedAt.IsZero() {
			t.Errorf("final UpgradeStatus = %+v", u)
		}

		vers, _, err := m.Version(ctx, nil)
		if err != nil || len(vers) != 1 || vers[0].Version.Version != target {
			t.Errorf("Version after the upgrade = %+v, %v; want %s", vers, err, target)
		}
		meta, resp, err := c.Meta.Get(ctx)
		if err != nil || meta.InstalledVersion != target || resp.EnterpriseVersion != "enterprise-server@"+target {
			t.Errorf("Meta after the upgrade = %+v, %v", meta, err)
		}
		if srv.Version() != target {
			t.Errorf("server version = %s, want %s", srv.Version(), target)
		}
	})
}

// The Manage API arrives in stages from 3.9: on 3.7 the fake answers its
// paths with 404, and a client that knows the release refuses them before
// sending.
func TestAdminManageMissingBefore39(t *testing.T) {
	srv, c, ctx := startCtx(t, "3.7.0")
	m := c.Manage
	// The first call goes out (the release is unknown) and gets the 404.
	wantLearntThenRefused(t, srv, c, "Version", map[string]refusedCall{
		"Version":           {"GET", "/manage/v1/version", func() error { _, _, err := m.Version(ctx, nil); return err }},
		"MaintenanceStatus": {"GET", "/manage/v1/maintenance", func() error { _, _, err := m.MaintenanceStatus(ctx, nil); return err }},
		"SetMaintenance": {"POST", "/manage/v1/maintenance", func() error {
			_, _, err := m.SetMaintenance(ctx, ghesadmin.ManageMaintenanceRequest{Enabled: true})
			return err
		}},
		"Settings":      {"GET", "/manage/v1/config/settings", func() error { _, _, err := m.Settings(ctx); return err }},
		"ConfigApply":   {"POST", "/manage/v1/config/apply", func() error { _, _, err := m.ConfigApply(ctx, ghesadmin.ConfigApplyRequest{}); return err }},
		"SSHKeys":       {"GET", "/manage/v1/access/ssh", func() error { _, _, err := m.SSHKeys(ctx); return err }},
		"License":       {"GET", "/manage/v1/config/license", func() error { _, _, err := m.License(ctx); return err }},
		"UploadLicense": {"PUT", "/manage/v1/config/license", func() error { _, _, err := m.UploadLicense(ctx, strings.NewReader("x"), nil); return err }},
	})
	// The Management Console still answers there.
	if st, _, err := c.ManagementConsole.MaintenanceStatus(ctx); err != nil || st.Status != "off" {
		t.Errorf("console MaintenanceStatus on 3.7.0 = %+v, %v", st, err)
	}
}
