package ghesadmin

import (
	"context"
	"errors"
	"fmt"
	"github.com/stretchr/testify/require"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/ghesadmin/ghesadmin/internal/ops"
	"github.com/ghesadmin/ghesadmin/internal/opsdoc"
)

// methodOps returns the operation each service method's //meta:operation
// line names, by "Service.Name".
func methodOps(t *testing.T) map[string]ops.Operation {
	t.Helper()
	methods, err := opsdoc.Methods(".")
	require.NoError(t, err)
	out := map[string]ops.Operation{}
	for _, m := range methods {
		k := m.Service + "." + m.Name
		if _, dup := out[k]; dup {
			t.Errorf("%s has two //meta:operation lines", k)
		}
		o, ok := ops.Find(m.Method, m.Path)
		if !ok {
			t.Errorf("%s: //meta:operation %s %s is not in internal/ops (run go run ./internal/ops/gen -shared DIR)", k, m.Method, m.Path)
			continue
		}
		if !o.Implemented {
			t.Errorf("%s: %s %s is not marked implemented in internal/ops (run go run ./internal/ops/gen -shared DIR)", k, m.Method, m.Path)
		}
		out[k] = o
	}
	return out
}

// TestMetaOperationsMatchTheTable: every //meta:operation line of the root
// package names an operation of the table, is on a service method, and every
// operation of the table has a method.
func TestMetaOperationsMatchTheTable(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	lines := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		for i, l := range strings.Split(string(src), "\n") {
			if !strings.HasPrefix(strings.TrimSpace(l), "//meta:operation") {
				continue
			}
			lines++
			m := opsdoc.MetaLine.FindStringSubmatch(strings.TrimSpace(l))
			if m == nil {
				t.Errorf("%s:%d: malformed line %q", f, i+1, l)
				continue
			}
			if _, ok := ops.Find(m[1], m[2]); !ok {
				t.Errorf("%s:%d: %s %s is not an operation of internal/ops", f, i+1, m[1], m[2])
			}
		}
	}
	byMethod := methodOps(t)
	if len(byMethod) != lines {
		t.Errorf("%d //meta:operation lines but %d service methods carry one: a line is outside a service method's doc", lines, len(byMethod))
	}
	implemented := map[ops.Operation]bool{}
	for _, o := range byMethod {
		implemented[o] = true
	}
	for _, o := range ops.Implemented() {
		if !implemented[o] {
			t.Errorf("%s %s is in the table but no method implements it", o.Method, o.Path)
		}
	}
	// Every service method found by reflection has its line.
	h := newHarness(t, serverError)
	for _, m := range allMethods(h.Client) {
		if _, ok := byMethod[m.String()]; !ok {
			t.Errorf("%s has no //meta:operation line", m)
		}
	}
	if len(byMethod) < 100 {
		t.Fatalf("only %d methods found", len(byMethod))
	}
}

// relPath is the path of a recorded request relative to its backend, as
// ops.Match wants it.
func (r recorded) relPath() string {
	if r.Console {
		return r.EscapedPath
	}
	return strings.TrimPrefix(r.EscapedPath, "/api/v3")
}

// TestEveryMethodSendsItsOperation calls every service method and checks
// that what it sends is the operation its //meta:operation line names.
func TestEveryMethodSendsItsOperation(t *testing.T) {
	want := methodOps(t)
	h := newHarness(t, serverError)
	checked := 0
	for _, m := range allMethods(h.Client) {
		o, ok := want[m.String()]
		if !ok {
			t.Errorf("%s has no //meta:operation line", m)
			continue
		}
		_, reqs := h.call(t, m, nil)
		if len(reqs) == 0 {
			t.Errorf("%s sent nothing", m)
		}
		for _, r := range reqs {
			got, ok := ops.Match(r.Method, r.relPath())
			if !ok || got != o {
				t.Errorf("%s sent %s %s, which is %s %s; its //meta:operation line says %s %s", m, r.Method, r.EscapedPath, got.Method, got.Path, o.Method, o.Path)
			}
			if strings.HasPrefix(o.Path, "/manage/") || strings.HasPrefix(o.Path, "/setup/") {
				if !r.Console {
					t.Errorf("%s: %s went to the REST API", m, o.Path)
				}
			} else if r.Console {
				t.Errorf("%s: %s went to the administration port", m, o.Path)
			}
			checked++
		}
	}
	t.Logf("%d requests checked", checked)
}

// versionHarness is a harness whose servers answer 200 with an empty JSON
// value and, when header is not "", an X-GitHub-Enterprise-Version header.
func versionHarness(t *testing.T, header string, opts ...Option) *harness {
	t.Helper()
	return newHarness(t, func(w http.ResponseWriter, r *http.Request) {
		if header != "" {
			w.Header().Set(headerEnterpriseVersion, header)
		}
		body := `{}`
		if strings.HasSuffix(r.URL.Path, "/manage/v1/version") || strings.HasSuffix(r.URL.Path, "/manage/v1/maintenance") {
			body = `[]`
		}
		writeJSON(w, http.StatusOK, body)
	}, opts...)
}

func method(t *testing.T, c *Client, name string) svcMethod {
	t.Helper()
	for _, m := range allMethods(c) {
		if m.String() == name {
			return m
		}
	}
	t.Fatalf("no method %s", name)
	return svcMethod{}
}

// assertRefused checks that res is an *UnsupportedVersionError for o on
// release server, and that nothing was sent.
func assertRefused(t *testing.T, m svcMethod, res callResult, reqs []recorded, o ops.Operation, server string) {
	t.Helper()
	if len(reqs) != 0 {
		t.Errorf("%s sent %d requests; want none", m, len(reqs))
	}
	if !errors.Is(res.Err, ErrUnsupportedVersion) {
		t.Errorf("%s: err = %v; want ErrUnsupportedVersion", m, res.Err)
		return
	}
	if errors.Is(res.Err, context.DeadlineExceeded) || errors.Is(res.Err, context.Canceled) {
		t.Errorf("%s waited for the context: %v", m, res.Err)
	}
	var ue *UnsupportedVersionError
	if !errors.As(res.Err, &ue) {
		t.Fatalf("%s: %T is not an *UnsupportedVersionError", m, res.Err)
	}
	wantErr := UnsupportedVersionError{Method: o.Method, Path: o.Path, ServerVersion: server, Since: o.Since, Until: o.Until}
	if *ue != wantErr {
		t.Errorf("%s: %+v, want %+v", m, *ue, wantErr)
	}
	msg := ue.Error()
	for _, part := range []string{o.Method + " " + o.Path, "GHES " + server, strings.TrimPrefix(o.Releases(), "GHES ")} {
		if !strings.Contains(msg, part) {
			t.Errorf("%s: message %q lacks %q", m, msg, part)
		}
	}
}

func TestServerVersion_Pinned311RefusesManageSettings(t *testing.T) {
	h := versionHarness(t, "", WithServerVersion("3.11"))
	m := method(t, h.Client, "Manage.Settings")
	res, reqs := h.call(t, m, nil)
	o, _ := ops.Find("GET", "/manage/v1/config/settings")
	assertRefused(t, m, res, reqs, o, "3.11")
	if res.Err == nil {
		t.FailNow()
	}
	eq(t, "message", res.Err.Error(), "ghesadmin: GET /manage/v1/config/settings is not available on GHES 3.11 (available in 3.12 and later)")
	eq(t, "ServerVersion", h.Client.ServerVersion(), "3.11")
	// What 3.11 has is sent.
	res, reqs = h.call(t, method(t, h.Client, "Manage.SetMaintenance"), nil)
	if res.Err != nil || len(reqs) != 1 {
		t.Errorf("SetMaintenance on 3.11: %v, %d requests", res.Err, len(reqs))
	}
}

func TestServerVersion_Pinned315RefusesEveryManagementConsoleMethod(t *testing.T) {
	h := versionHarness(t, "", WithServerVersion("3.15.0"))
	want := methodOps(t)
	n := 0
	for _, m := range allMethods(h.Client) {
		if m.Service != "ManagementConsole" {
			continue
		}
		n++
		res, reqs := h.call(t, m, nil)
		assertRefused(t, m, res, reqs, want[m.String()], "3.15")
		if want[m.String()].Until != "3.14" {
			t.Errorf("%s: Until = %q, want 3.14", m, want[m.String()].Until)
		}
	}
	if n < 12 {
		t.Fatalf("only %d ManagementConsole methods", n)
	}
}

func TestServerVersion_LearnedFromAReply(t *testing.T) {
	for _, first := range []string{"Manage.Version", "Stats.All"} { // the administration port, the REST API
		t.Run(first, func(t *testing.T) {
			h := versionHarness(t, "3.9.0")
			eq(t, "ServerVersion before any reply", h.Client.ServerVersion(), "")
			res, reqs := h.call(t, method(t, h.Client, first), nil)
			if res.Err != nil || len(reqs) != 1 {
				t.Fatalf("%s: %v, %d requests", first, res.Err, len(reqs))
			}
			eq(t, "ServerVersion", h.Client.ServerVersion(), "3.9.0")
			m := method(t, h.Client, "Manage.SetMaintenance")
			res, reqs = h.call(t, m, nil)
			o, _ := ops.Find("POST", "/manage/v1/maintenance")
			assertRefused(t, m, res, reqs, o, "3.9")
		})
	}
}

func TestServerVersion_LatestWinsUnlessPinned(t *testing.T) {
	var (
		mu     sync.Mutex
		header = "enterprise-server@3.9.0"
	)
	reply := func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		w.Header().Set(headerEnterpriseVersion, header)
		mu.Unlock()
		writeJSON(w, 200, `{}`)
	}
	setHeader := func(v string) { mu.Lock(); header = v; mu.Unlock() }
	ctx := context.Background()

	h := newHarness(t, reply)
	if _, _, err := h.Client.Stats.All(ctx); err != nil {
		t.Fatal(err)
	}
	eq(t, "ServerVersion", h.Client.ServerVersion(), "enterprise-server@3.9.0")
	if _, _, err := h.Client.Manage.Settings(ctx); !errors.Is(err, ErrUnsupportedVersion) {
		t.Fatalf("Settings on 3.9: %v", err)
	}
	setHeader("enterprise-server@3.12.1") // the server was upgraded
	if _, _, err := h.Client.Stats.All(ctx); err != nil {
		t.Fatal(err)
	}
	eq(t, "ServerVersion after the upgrade", h.Client.ServerVersion(), "enterprise-server@3.12.1")
	if _, _, err := h.Client.Manage.Settings(ctx); err != nil {
		t.Errorf("Settings on 3.12: %v", err)
	}
	setHeader("not a version") // ignored
	if _, _, err := h.Client.Stats.All(ctx); err != nil {
		t.Fatal(err)
	}
	eq(t, "ServerVersion after a bad header", h.Client.ServerVersion(), "enterprise-server@3.12.1")

	// Pinned: no reply changes it.
	setHeader("3.12.0")
	p := newHarness(t, reply, WithServerVersion("3.11.2"))
	if _, _, err := p.Client.Stats.All(ctx); err != nil {
		t.Fatal(err)
	}
	eq(t, "pinned ServerVersion", p.Client.ServerVersion(), "3.11.2")
	if _, _, err := p.Client.Manage.Settings(ctx); !errors.Is(err, ErrUnsupportedVersion) {
		t.Errorf("Settings pinned to 3.11: %v", err)
	}
}

func TestServerVersion_MetaGetSetsIt(t *testing.T) {
	h := newHarness(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"installed_version":"3.10.4","verifiable_password_authentication":true}`)
	})
	if _, _, err := h.Client.Meta.Get(context.Background()); err != nil {
		t.Fatal(err)
	}
	eq(t, "ServerVersion", h.Client.ServerVersion(), "3.10.4")
	res, reqs := h.call(t, method(t, h.Client, "Manage.Settings"), nil)
	o, _ := ops.Find("GET", "/manage/v1/config/settings")
	assertRefused(t, method(t, h.Client, "Manage.Settings"), res, reqs, o, "3.10")

	h2 := newHarness(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"installed_version":"3.9.0"}`)
	})
	if a, _, err := h2.Client.Meta.AdminAPI(context.Background()); err != nil || a != AdminAPIManagementConsole|AdminAPIManage {
		t.Fatalf("AdminAPI = %v, %v", a, err)
	}
	eq(t, "ServerVersion after AdminAPI", h2.Client.ServerVersion(), "3.9.0")
}

func TestServerVersion_Pinned319SendsManageVersion(t *testing.T) {
	h := versionHarness(t, "", WithServerVersion("3.19"))
	res, reqs := h.call(t, method(t, h.Client, "Manage.Version"), nil)
	if res.Err != nil || len(reqs) != 1 || reqs[0].EscapedPath != "/manage/v1/version" {
		t.Errorf("Manage.Version on 3.19: %v, %+v", res.Err, reqs)
	}
	m := method(t, h.Client, "Manage.UpgradeStatus")
	res, reqs = h.call(t, m, nil)
	o, _ := ops.Find("GET", "/manage/v1/upgrade/status")
	assertRefused(t, m, res, reqs, o, "3.19")
}

func TestServerVersion_Pinned340SendsStatsAll(t *testing.T) {
	h := versionHarness(t, "", WithServerVersion("3.40.0"))
	for _, name := range []string{"Stats.All", "Manage.UpgradeStatus", "Stats.SecurityProducts"} {
		res, reqs := h.call(t, method(t, h.Client, name), nil)
		if len(reqs) != 1 || errors.Is(res.Err, ErrUnsupportedVersion) || (name == "Stats.All" && res.Err != nil) {
			t.Errorf("%s on 3.40: %v, %d requests", name, res.Err, len(reqs))
		}
	}
	m := method(t, h.Client, "ManagementConsole.Settings")
	res, reqs := h.call(t, m, nil)
	o, _ := ops.Find("GET", "/setup/api/settings")
	assertRefused(t, m, res, reqs, o, "3.40")
}

// TestServerVersion_UnknownRefusesNothing: with no version pinned or
// received, every method sends its request.
func TestServerVersion_UnknownRefusesNothing(t *testing.T) {
	h := newHarness(t, serverError)
	for _, m := range allMethods(h.Client) {
		res, reqs := h.call(t, m, nil)
		if len(reqs) == 0 || errors.Is(res.Err, ErrUnsupportedVersion) {
			t.Errorf("%s: %d requests, %v", m, len(reqs), res.Err)
		}
	}
	eq(t, "ServerVersion", h.Client.ServerVersion(), "")
}

// TestServerVersion_EveryMethodRefusedWhereAbsent pins, for every method
// whose operation some release lacks, such a release: the method, its …Iter
// and WaitFor… forms included, fails at once with nothing sent.
func TestServerVersion_EveryMethodRefusedWhereAbsent(t *testing.T) {
	want := methodOps(t)
	probe := newHarness(t, serverError)
	refused := map[string]bool{}
	for _, m := range allMethods(probe.Client) {
		o := want[m.String()]
		var lacking []ops.Release
		for _, r := range ops.Covered() {
			if !o.Has(r) {
				lacking = append(lacking, r)
			}
		}
		if o.Since == "" && o.Until == "" {
			if len(lacking) != 0 {
				t.Errorf("%s: unbounded but lacking in %v", m, lacking)
			}
			continue
		}
		if len(lacking) == 0 {
			t.Errorf("%s: %s but no described release lacks it", m, o.Releases())
			continue
		}
		for _, r := range []ops.Release{lacking[0], lacking[len(lacking)-1]} {
			h := versionHarness(t, "", WithServerVersion(r.String()+".1"))
			hm := method(t, h.Client, m.String())
			res, reqs := h.call(t, hm, nil)
			assertRefused(t, hm, res, reqs, o, r.String())
		}
		refused[m.String()] = true
	}
	for _, name := range []string{"Manage.ConfigApplyEventsIter", "Manage.WaitForConfigApply", "ManagementConsole.WaitForConfiguration", "Manage.SetMaintenance", "Actions.GenerateJITConfig"} {
		if !refused[name] {
			t.Errorf("%s was not checked", name)
		}
	}
	t.Logf("%d methods refused where their operation is absent", len(refused))
}

func TestServerVersion_Do(t *testing.T) {
	h := versionHarness(t, "", WithServerVersion("3.11"))
	ctx := context.Background()
	// The administration port: a table operation 3.11 lacks.
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, h.Client.ManagementConsoleURL()+"manage/v1/config/settings", nil)
	require.NoError(t, err)
	_, err = h.Client.Do(ctx, req, nil)
	var ue *UnsupportedVersionError
	if !errors.As(err, &ue) || ue.Path != "/manage/v1/config/settings" || ue.Since != "3.12" {
		t.Errorf("Do GET /manage/v1/config/settings on 3.11: %v", err)
	}
	// The REST API: a templated path.
	req, err = h.Client.NewRequest(ctx, http.MethodGet, "enterprise/stats/security-products", nil)
	require.NoError(t, err)
	p := versionHarness(t, "", WithServerVersion("3.9"))
	req2, _ := p.Client.NewRequest(ctx, http.MethodGet, "enterprise/stats/security-products", nil)
	if _, err := p.Client.Do(ctx, req2, nil); !errors.Is(err, ErrUnsupportedVersion) {
		t.Errorf("Do GET /enterprise/stats/security-products on 3.9: %v", err)
	}
	if len(p.take()) != 0 {
		t.Error("a refused Do sent a request")
	}
	// What the release has, and what the table does not know, are sent.
	if _, err := h.Client.Do(ctx, req, nil); err != nil {
		t.Errorf("Do GET /enterprise/stats/security-products on 3.11: %v", err)
	}
	other, _ := h.Client.NewRequest(ctx, http.MethodGet, "not/in/the/table", nil)
	if _, err := h.Client.Do(ctx, other, nil); err != nil {
		t.Errorf("Do of a path outside the table: %v", err)
	}
	if n := len(h.take()); n != 2 {
		t.Errorf("%d requests sent, want 2", n)
	}

	// Do learns the release too.
	l := versionHarness(t, "3.10.0")
	req3, _ := l.Client.NewRequest(ctx, http.MethodGet, "not/in/the/table", nil)
	if _, err := l.Client.Do(ctx, req3, nil); err != nil {
		t.Fatal(err)
	}
	eq(t, "ServerVersion learned by Do", l.Client.ServerVersion(), "3.10.0")
}

func TestWithServerVersion_Validated(t *testing.T) {
	for _, v := range []string{"", "3", "three.two", "enterprise-server@", "-1.2", "3.x"} {
		if _, err := NewClient("https://ghe.example.com", WithServerVersion(v)); err == nil || !strings.Contains(err.Error(), "WithServerVersion") {
			t.Errorf("WithServerVersion(%q): err = %v", v, err)
		}
	}
	for _, v := range []string{"3.14", "3.14.2", "enterprise-server@2.22.0", "v3.9.0", "11.10.354"} {
		c, err := NewClient("https://ghe.example.com", WithServerVersion(v))
		if err != nil {
			t.Errorf("WithServerVersion(%q): %v", v, err)
			continue
		}
		eq(t, "ServerVersion", c.ServerVersion(), v)
	}
}

// TestServerVersion_ConcurrentLearning reads and replaces the release from
// many goroutines (run with -race).
func TestServerVersion_ConcurrentLearning(t *testing.T) {
	c, err := NewClient("https://ghe.example.com")
	require.NoError(t, err)
	var wg sync.WaitGroup
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				c.learnVersion(fmt.Sprintf("3.%d.0", 9+(g+i)%6))
				err := c.checkOperation(http.MethodGet, "/manage/v1/config/settings")
				if err != nil && !errors.Is(err, ErrUnsupportedVersion) {
					t.Error(err)
				}
				_ = c.ServerVersion()
			}
		}(g)
	}
	wg.Wait()
	if _, ok := ops.ParseRelease(c.ServerVersion()); !ok {
		t.Errorf("ServerVersion = %q", c.ServerVersion())
	}
}

// TestAdminAPIFollowsTheTable: each flag of AdminAPIForVersion is set
// exactly on the releases that have the administration-port operations of
// its stage.
func TestAdminAPIFollowsTheTable(t *testing.T) {
	stage := func(o ops.Operation) AdminAPI {
		if strings.HasPrefix(o.Path, "/setup/api/") {
			return AdminAPIManagementConsole
		}
		switch o.Since {
		case "3.9":
			return AdminAPIManage
		case "3.10":
			return AdminAPIManageMaintenance
		case "3.12":
			return AdminAPIManageConfig
		case "3.22":
			return AdminAPIManageUpgrade
		}
		return 0
	}
	releases := append(ops.Covered(), ops.Release{Major: 3, Minor: 0}, ops.Release{Major: 3, Minor: 20}, ops.Release{Major: 3, Minor: 40}, ops.Release{Major: 11, Minor: 10}, ops.Release{Major: 4, Minor: 0})
	n := 0
	for _, o := range ops.Implemented() {
		if !strings.HasPrefix(o.Path, "/setup/api/") && !strings.HasPrefix(o.Path, "/manage/v1/") {
			continue
		}
		flag := stage(o)
		if flag == 0 {
			t.Errorf("%s %s (%s) belongs to no stage of AdminAPI", o.Method, o.Path, o.Releases())
			continue
		}
		for _, r := range releases {
			a, err := AdminAPIForVersion(r.String() + ".0")
			require.NoError(t, err)
			if a.Has(flag) != o.Has(r) {
				t.Errorf("%s: %v has %v = %v, but %s %s exists there: %v", r, a, flag, a.Has(flag), o.Method, o.Path, o.Has(r))
			}
			n++
		}
	}
	t.Logf("%d operation × release pairs checked", n)
}

// TestDocsNameTheReleases: every method with a //meta:operation line has,
// two lines above it, "// GHES API: METHOD /path (releases)." as the table
// gives it (go run ./internal/ops/gen -docs writes them).
func TestDocsNameTheReleases(t *testing.T) {
	meta := regexp.MustCompile(`^//meta:operation ([A-Z]+) (/\S*)$`)
	checked := 0
	for _, lf := range libraryFuncs(t) {
		f, fd := lf.file, lf.decl
		if fd.Doc == nil {
			continue
		}
		list := fd.Doc.List
		metaAt, ghes := -1, 0
		for i, c := range list {
			if meta.MatchString(c.Text) {
				metaAt = i
			}
			if strings.HasPrefix(c.Text, "// GHES API:") {
				ghes++
			}
		}
		name := f + ": " + fd.Name.Name
		if metaAt < 0 {
			if ghes > 0 {
				t.Errorf("%s has a GHES API: line but no //meta:operation line", name)
			}
			continue
		}
		m := meta.FindStringSubmatch(list[metaAt].Text)
		o, ok := ops.Find(m[1], m[2])
		if !ok {
			t.Errorf("%s: %s %s is not in the table", name, m[1], m[2])
			continue
		}
		want := fmt.Sprintf("// GHES API: %s %s (%s).", m[1], m[2], o.Releases())
		switch {
		case ghes != 1:
			t.Errorf("%s has %d GHES API: lines, want 1: %q (go run ./internal/ops/gen -docs)", name, ghes, want)
		case metaAt < 3 || list[metaAt-1].Text != "//" || list[metaAt-2].Text != want || list[metaAt-3].Text != "//":
			t.Errorf("%s: want %q between blank lines just above //meta:operation (go run ./internal/ops/gen -docs)", name, want)
		}
		checked++
	}
	if checked < 100 {
		t.Fatalf("only %d methods checked", checked)
	}
}

// TestReadmeReleasesTable: README's table of services and releases is the
// one the operation table gives (go run ./internal/ops/gen -readme).
func TestReadmeReleasesTable(t *testing.T) {
	methods, err := opsdoc.Methods(".")
	require.NoError(t, err)
	want, err := opsdoc.ReleasesTable(methods, ops.Find, ops.Covered())
	require.NoError(t, err)
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	got, err := opsdoc.Section(string(readme))
	require.NoError(t, err)
	if got != want {
		t.Errorf("README.md's releases table is out of date (go run ./internal/ops/gen -readme); want:\n%s\ngot:\n%s", want, got)
	}
	// The table says what the issue says of the administration port: the
	// Management Console in every column up to 3.14 and in none after;
	// the Manage API in none before 3.9, whole from 3.22.
	lines := strings.Split(strings.TrimSpace(want), "\n")
	cells := func(line string) []string {
		parts := strings.Split(strings.Trim(line, "| "), " | ")
		return parts[1:] // the columns after the service's name
	}
	header := cells(lines[0])
	first := func(column string) ops.Release { // "3.10–3.11" → 3.10
		r, ok := ops.ParseRelease(strings.Fields(strings.Split(column, "–")[0])[0])
		if !ok {
			t.Fatalf("column %q names no release", column)
		}
		return r
	}
	rows := map[string][]string{}
	for _, line := range lines[2:] {
		name := strings.Trim(strings.Split(strings.Trim(line, "| "), " | ")[0], "`")
		rows[name] = cells(line)
	}
	for i, column := range header {
		r := first(column)
		console, manage := rows["ManagementConsole"][i], rows["Manage"][i]
		wantConsole := "—"
		if r.Compare(ops.Release{Major: 3, Minor: 14}) <= 0 {
			wantConsole = "✓"
		}
		if console != wantConsole {
			t.Errorf("ManagementConsole in column %s = %q, want %q", column, console, wantConsole)
		}
		switch {
		case r.Compare(ops.Release{Major: 3, Minor: 9}) < 0 && manage != "—":
			t.Errorf("Manage in column %s = %q, want —", column, manage)
		case r.Compare(ops.Release{Major: 3, Minor: 9}) >= 0 && r.Compare(ops.Release{Major: 3, Minor: 22}) < 0 && !strings.HasSuffix(manage, " of 23"):
			t.Errorf("Manage in column %s = %q, want part of its 23 operations", column, manage)
		case r.Compare(ops.Release{Major: 3, Minor: 22}) >= 0 && manage != "✓":
			t.Errorf("Manage in column %s = %q, want ✓", column, manage)
		}
	}
}

func TestWithManagementConsoleUser(t *testing.T) {
	t.Run("Manage sends the user, ManagementConsole the shared password", func(t *testing.T) {
		h := newHarness(t, serverError, WithManagementConsoleUser("", testManageUser, testManagePassword))
		n := 0
		for _, m := range allMethods(h.Client) {
			if m.Service != "Manage" && m.Service != "ManagementConsole" {
				continue
			}
			_, reqs := h.call(t, m, nil)
			for _, r := range reqs {
				wantUser, wantPass := "api_key", testConsolePassword
				if strings.HasPrefix(r.EscapedPath, "/manage/") {
					wantUser, wantPass = testManageUser, testManagePassword
				}
				hr := &http.Request{Header: r.Header}
				user, pass, ok := hr.BasicAuth()
				if !ok || user != wantUser || pass != wantPass {
					t.Errorf("%s: %s sent basic auth %q (ok %v), want %q", m, r.EscapedPath, user, ok, wantUser)
				}
				n++
			}
		}
		if n < 30 {
			t.Fatalf("only %d requests", n)
		}
		s := h.Client.String()
		assertNoSecret(t, "String", s)
		if !strings.Contains(s, "manage auth: basic [REDACTED]") {
			t.Errorf("String = %s", s)
		}
		// Do: a /manage/ request gets the user, a /setup/ one the password.
		ctx := context.Background()
		for path, wantUser := range map[string]string{"manage/v1/version": testManageUser, "setup/api/settings": "api_key"} {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, h.Client.ManagementConsoleURL()+path, nil)
			_, _ = h.Client.Do(ctx, req, nil)
			reqs := h.take()
			if len(reqs) != 1 {
				t.Fatalf("Do %s: %d requests", path, len(reqs))
			}
			if user, _, _ := (&http.Request{Header: reqs[0].Header}).BasicAuth(); user != wantUser {
				t.Errorf("Do %s: user %q, want %q", path, user, wantUser)
			}
		}
	})
	t.Run("without the shared password", func(t *testing.T) {
		srv := newHarness(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `[]`) })
		c, err := NewClient(srv.API.URL, WithToken(testToken), WithoutRetries(),
			WithManagementConsoleUser(srv.Console.URL, testManageUser, testManagePassword))
		require.NoError(t, err)
		ctx := context.Background()
		if _, _, err := c.Manage.Version(ctx, nil); err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.ManagementConsole.Settings(ctx); !errors.Is(err, ErrNoConsolePassword) {
			t.Errorf("ManagementConsole.Settings: %v, want ErrNoConsolePassword", err)
		}
		reqs := srv.take()
		if len(reqs) != 1 {
			t.Fatalf("%d requests, want 1", len(reqs))
		}
		if user, pass, _ := (&http.Request{Header: reqs[0].Header}).BasicAuth(); user != testManageUser || pass != testManagePassword {
			t.Errorf("Manage.Version authenticated as %q", user)
		}
		eq(t, "ManagementConsoleURL", c.ManagementConsoleURL(), srv.Console.URL+"/")
	})
	t.Run("a refused password", func(t *testing.T) {
		h := newHarness(t, func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, 401, `{"message":"Bad credentials"}`)
		}, WithManagementConsoleUser("", testManageUser, testManagePassword))
		_, resp, err := h.Client.Manage.Settings(context.Background())
		if !errors.Is(err, ErrUnauthorized) {
			t.Fatalf("err = %v", err)
		}
		assertNoSecret(t, "error", err.Error())
		assertNoSecret(t, "%+v of the error", fmt.Sprintf("%+v", err))
		assertNoSecret(t, "request URL", resp.Request.URL.String())
		assertNoSecret(t, "request headers", fmt.Sprintf("%v", resp.Request.Header))
	})
	t.Run("validated", func(t *testing.T) {
		for name, opts := range map[string][]Option{
			"empty username":      {WithManagementConsoleUser("", "", "pw")},
			"colon":               {WithManagementConsoleUser("", "a:b", "pw")},
			"line break":          {WithManagementConsoleUser("", "a\nb", "pw")},
			"empty password":      {WithManagementConsoleUser("", "ops", "")},
			"bad URL":             {WithManagementConsoleUser("ftp://ghe.example.com", "ops", testManagePassword)},
			"URL with user":       {WithManagementConsoleUser("https://ops:"+testManagePassword+"@ghe.example.com:8443", "ops", testManagePassword)},
			"two different ports": {WithManagementConsole("https://a.example.com:8443", "pw"), WithManagementConsoleUser("https://b.example.com:8443", "ops", "pw2")},
		} {
			_, err := NewClient("https://ghe.example.com", opts...)
			if err == nil {
				t.Errorf("%s: no error", name)
				continue
			}
			assertNoSecret(t, name, err.Error())
		}
		c, err := NewClient("https://ghe.example.com", WithManagementConsoleUser("", "ops", "pw"))
		require.NoError(t, err)
		eq(t, "default administration port", c.ManagementConsoleURL(), "https://ghe.example.com:8443/")
	})
}
