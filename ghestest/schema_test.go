package ghestest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"

	"github.com/ghesadmin/ghesadmin"
	"github.com/ghesadmin/ghesadmin/internal/ops"
)

// The schema tests: a workload that calls every SDK method through a
// transport that validates each request the SDK sends and each reply the
// fake gives against the release's description
// (testdata/openapi/ghes-X.Y.json, written by internal/ops/genschemas).

// schemaReleases are the releases whose descriptions the workload runs on.
var schemaReleases = []string{"2.22.6", "3.14.0", "3.19.0", "3.22.0"}

// loadDoc reads and validates a release's reduced description.
func loadDoc(t *testing.T, rel ops.Release) *openapi3.T {
	t.Helper()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(filepath.Join("testdata", "openapi", "ghes-"+rel.String()+".json"))
	if err != nil {
		t.Fatalf("load the %s description: %v", rel, err)
	}
	correct(t, rel, doc)
	if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
		t.Fatalf("the %s description is not valid OpenAPI: %v", rel, err)
	}
	return doc
}

// correct fixes, in the loaded description, the places where GitHub's
// description of a release contradicts GitHub's own reference for it. Each
// correction first checks that the description still says what it corrects
// (and fails otherwise: remove the correction then).
func correct(t *testing.T, rel ops.Release, doc *openapi3.T) {
	t.Helper()
	op := func(method, path string) *openapi3.Operation {
		t.Helper()
		item := doc.Paths.Find(path)
		if item == nil || item.GetOperation(method) == nil {
			t.Fatalf("correct %s: no %s %s in the description", rel, method, path)
		}
		return item.GetOperation(method)
	}
	reply := func(o *openapi3.Operation) *openapi3.Schema {
		t.Helper()
		r := o.Responses.Status(200)
		if r == nil || r.Value.Content.Get("application/json") == nil {
			t.Fatalf("correct %s: no JSON 200 reply for %s", rel, o.OperationID)
		}
		return r.Value.Content.Get("application/json").Schema.Value
	}
	// The Management Console takes form-encoded bodies: the 2.22 reference
	// says "The request body for this operation must be submitted as
	// application/x-www-form-urlencoded data"; the 2.22 description says
	// JSON, and 3.14 says form for four of them and multipart/form-data for
	// /setup/api/start and /setup/api/upgrade. The SDK sends the form
	// encoding of the reference for the four, and multipart for start and
	// upgrade on every release (as real appliances were sent); the fake
	// accepts form alongside multipart for those two.
	for _, mp := range [][2]string{
		{"POST", "/setup/api/maintenance"}, {"PUT", "/setup/api/settings"},
		{"POST", "/setup/api/settings/authorized-keys"}, {"DELETE", "/setup/api/settings/authorized-keys"},
		{"POST", "/setup/api/start"}, {"POST", "/setup/api/upgrade"},
	} {
		o, has := ops.Find(mp[0], mp[1])
		if !has || !o.Has(rel) {
			continue
		}
		body := op(mp[0], mp[1]).RequestBody.Value
		const form = "application/x-www-form-urlencoded"
		switch {
		case rel.Major == 2:
			mt := body.Content.Get("application/json")
			if mt == nil || len(body.Content) != 1 {
				t.Fatalf("correct %s: %s %s no longer takes only JSON", rel, mp[0], mp[1])
			}
			body.Content = openapi3.Content{form: mt}
			if mp[1] == "/setup/api/start" || mp[1] == "/setup/api/upgrade" {
				// Real 2.x appliances were sent the license as a
				// multipart file part and answered 202 (recorded
				// traffic of other projects); the SDK sends that.
				body.Content["multipart/form-data"] = mt
			}
		case mp[1] == "/setup/api/start" || mp[1] == "/setup/api/upgrade":
			mt := body.Content.Get("multipart/form-data")
			if mt == nil || body.Content.Get(form) != nil {
				t.Fatalf("correct %s: %s %s no longer takes only multipart/form-data", rel, mp[0], mp[1])
			}
			body.Content[form] = mt
		}
	}
	// 2.22 describes a public key's id as a string; the 2.22 reference's
	// example ("id": 2) and every 3.x description say integer.
	if rel.Major == 2 {
		id := reply(op("GET", "/admin/keys")).Items.Value.Properties["id"].Value
		if !id.Type.Is("string") {
			t.Fatalf("correct %s: a public key's id is no longer a string", rel)
		}
		id.Type = &openapi3.Types{"integer"}
	}
	// The Manage maintenance status's scheduled_time has format "date",
	// but the description's own example is a date-time
	// ("2006-01-02T15:04:05+00:00"), which is what a schedule needs.
	if o, _ := ops.Find("GET", "/manage/v1/maintenance"); o.Has(rel) && rel.Major >= 3 {
		st := reply(op("GET", "/manage/v1/maintenance")).Items.Value.Properties["scheduled_time"].Value
		if st.Format != "date" {
			t.Fatalf("correct %s: scheduled_time's format is %q, no longer date", rel, st.Format)
		}
		st.Format = "date-time"
	}
}

// missingOps are the operations the generator found no description for.
func missingOps(doc *openapi3.T) []string {
	var out []string
	if raw, ok := doc.Extensions["x-missing-operations"]; ok {
		b, _ := json.Marshal(raw)
		_ = json.Unmarshal(b, &out)
	}
	return out
}

// validator is an http.RoundTripper that validates every exchange.
type validator struct {
	doc     *openapi3.T
	console string // the administration port's host
	base    http.RoundTripper

	mu          sync.Mutex
	violations  []string
	validated   map[string]int // "METHOD /template" → validated exchanges
	undescribed map[string]bool
}

func (v *validator) fail(format string, args ...any) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.violations = append(v.violations, fmt.Sprintf(format, args...))
}

func (v *validator) RoundTrip(req *http.Request) (*http.Response, error) {
	path := req.URL.EscapedPath()
	if req.URL.Host != v.console {
		path = strings.TrimPrefix(path, "/api/v3")
	}
	op, ok := ops.Match(req.Method, path)
	if !ok {
		v.fail("%s %s: no operation of the table", req.Method, path)
		return v.base.RoundTrip(req)
	}
	key := op.Method + " " + op.Path
	var route *routers.Route
	if item := v.doc.Paths.Find(op.Path); item != nil {
		if o := item.GetOperation(op.Method); o != nil {
			route = &routers.Route{Spec: v.doc, Path: op.Path, PathItem: item, Method: op.Method, Operation: o}
		}
	}
	if route == nil {
		v.mu.Lock()
		v.undescribed[key] = true
		v.mu.Unlock()
		return v.base.RoundTrip(req)
	}

	var body []byte
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		_ = req.Body.Close()
		if err != nil {
			return nil, err
		}
		body = b
	}
	params := pathParams(op.Path, path)
	check := req.Clone(req.Context())
	check.Body = io.NopCloser(bytes.NewReader(body))
	scimJSONAsJSON(check, route)
	in := &openapi3filter.RequestValidationInput{
		Request:    check,
		PathParams: params,
		Route:      route,
		Options: &openapi3filter.Options{
			AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
			MultiError:         true,
		},
	}
	if err := openapi3filter.ValidateRequest(req.Context(), in); err != nil {
		v.fail("request %s %s (%s): %s", req.Method, path, key, brief(err))
	}
	// The SDK sends only documented keys: every key of a JSON body is a
	// property of the operation's request schema (at every depth),
	// whether or not the schema forbids others.
	if rb := route.Operation.RequestBody; rb != nil && rb.Value != nil && len(body) > 0 && strings.Contains(req.Header.Get("Content-Type"), "json") {
		var doc any
		if json.Unmarshal(body, &doc) == nil {
			for _, mt := range rb.Value.Content {
				if mt.Schema != nil && mt.Schema.Value != nil {
					for _, k := range undocumentedKeys(mt.Schema.Value, doc, "") {
						v.fail("request %s %s (%s): key %s is not in the request schema", req.Method, path, key, k)
					}
					break
				}
			}
		}
	}
	send := req.Clone(req.Context())
	send.Body = io.NopCloser(bytes.NewReader(body))
	resp, err := v.base.RoundTrip(send)
	if err != nil {
		return nil, err
	}
	rb, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(rb))
	out := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in,
		Status:                 resp.StatusCode,
		Header:                 resp.Header,
		Body:                   io.NopCloser(bytes.NewReader(rb)),
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	if err := openapi3filter.ValidateResponse(req.Context(), out); err != nil {
		v.fail("reply to %s %s (%s): %d: %s; body %s", req.Method, path, key, resp.StatusCode, brief(err), truncate(rb))
	}
	v.mu.Lock()
	v.validated[key]++
	v.mu.Unlock()
	return resp, nil
}

// undocumentedKeys returns the keys of doc (a decoded JSON body) that the
// schema does not name, as dotted paths. A schema without properties (free
// form, or additionalProperties) documents any key; oneOf/anyOf/allOf
// branches document the union of theirs.
func undocumentedKeys(sch *openapi3.Schema, doc any, at string) []string {
	var out []string
	switch d := doc.(type) {
	case map[string]any:
		props := map[string]*openapi3.Schema{}
		var collect func(s *openapi3.Schema)
		collect = func(s *openapi3.Schema) {
			if s == nil {
				return
			}
			for k, p := range s.Properties {
				if p != nil {
					props[k] = p.Value
				}
			}
			for _, set := range []openapi3.SchemaRefs{s.OneOf, s.AnyOf, s.AllOf} {
				for _, r := range set {
					if r != nil {
						collect(r.Value)
					}
				}
			}
		}
		collect(sch)
		if len(props) == 0 {
			return nil
		}
		for k, val := range d {
			p, ok := props[k]
			if !ok {
				out = append(out, at+k)
				continue
			}
			out = append(out, undocumentedKeys(p, val, at+k+".")...)
		}
	case []any:
		if sch.Items != nil && sch.Items.Value != nil {
			for _, e := range d {
				out = append(out, undocumentedKeys(sch.Items.Value, e, at+"[].")...)
			}
		}
	}
	return out
}

// brief keeps the first line of a validation error, and the "Error at"
// lines of a multi-error, without the schema and value dumps.
func brief(err error) string {
	var out []string
	for _, l := range strings.Split(err.Error(), "\n") {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "Schema:") || strings.HasPrefix(t, "Value:") {
			continue
		}
		if len(out) == 0 || strings.Contains(t, "Error at") {
			out = append(out, t)
		}
	}
	return strings.Join(out, " | ")
}

func truncate(b []byte) string {
	if len(b) > 400 {
		return string(b[:400]) + "…"
	}
	return string(b)
}

// pathParams reads the values of a template's parameters from a concrete
// escaped path.
func pathParams(template, path string) map[string]string {
	out := map[string]string{}
	ts, ps := strings.Split(template, "/"), strings.Split(path, "/")
	for i, s := range ts {
		if strings.HasPrefix(s, "{") && i < len(ps) {
			v, err := url.PathUnescape(ps[i])
			if err != nil {
				v = ps[i]
			}
			out[strings.Trim(s, "{}")] = v
		}
	}
	return out
}

// sdkMethods reads the root package's sources: every method with a
// //meta:operation line, as "Users.Create" → "POST /admin/users".
func sdkMethods(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join("..", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Doc == nil || !fd.Name.IsExported() {
				continue
			}
			var recv string
			switch x := fd.Recv.List[0].Type.(type) {
			case *ast.StarExpr:
				if id, ok := x.X.(*ast.Ident); ok {
					recv = id.Name
				}
			case *ast.Ident:
				recv = x.Name
			}
			for _, c := range fd.Doc.List {
				if op, ok := strings.CutPrefix(c.Text, "//meta:operation "); ok {
					out[strings.TrimSuffix(recv, "Service")+"."+fd.Name.Name] = strings.TrimSpace(op)
				}
			}
		}
	}
	if len(out) < 100 {
		t.Fatalf("found only %d methods with //meta:operation", len(out))
	}
	return out
}

// workload runs calls against a release, skipping the methods whose
// operation the release lacks.
type workload struct {
	t       *testing.T
	rel     ops.Release
	methods map[string]string
	called  map[string]bool
	skipped map[string]bool
}

func (w *workload) do(name string, fn func() error) {
	w.t.Helper()
	op, ok := w.methods[name]
	if !ok {
		w.t.Errorf("workload calls %s, which has no //meta:operation line", name)
		return
	}
	method, path, _ := strings.Cut(op, " ")
	o, ok := ops.Find(method, path)
	if !ok {
		w.t.Errorf("%s: operation %s is not in the table", name, op)
		return
	}
	if !o.Has(w.rel) {
		w.skipped[name] = true
		return
	}
	w.called[name] = true
	if err := fn(); err != nil {
		w.t.Errorf("%s on %s: %v", name, w.rel, err)
	}
}

// must2 drops a value and keeps the error.
func must2[T any](_ T, _ *ghesadmin.Response, err error) error { return err }

func drain[T any](seq func(func(T, error) bool)) error {
	for _, err := range seq {
		if err != nil {
			return err
		}
	}
	return nil
}

const (
	schemaKeyA = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHN0YXRpYy1rZXktYS1mb3ItZTJlLXRlc3RzLW9ubHk= ops@a"
	schemaLic  = `{"seats":250,"expire_at":"2030-01-01T00:00:00Z"}`
)

func TestSchemaEveryMethodValidates(t *testing.T) {
	methods := sdkMethods(t)
	for _, version := range schemaReleases {
		t.Run(version, func(t *testing.T) {
			rel, _ := ops.ParseRelease(version)
			doc := loadDoc(t, rel)
			s := New(t, WithVersion(version), WithStatusReads(2),
				WithOrgs(Org{Login: "acme", Admin: DefaultAdminLogin}),
				WithTeams(Team{Org: "acme", Name: "devs"}),
				WithUsers(User{Login: "mona", Email: "mona@example.com"}),
				WithRepos(Repo{Owner: "acme", Name: "hooks"}),
				WithPublicKeys(PublicKey{User: "mona", Title: "laptop", Key: schemaKeyA}),
				WithTokens(Token{User: "mona", Value: "ghp_monatoken000000", Note: "ci", Scopes: []string{"repo"}}),
				WithRunnerGroups(RunnerGroup{Name: "ops", Visibility: "selected", Orgs: []string{"acme"}}),
				WithRunners(Runner{Name: "r1", Labels: []string{"gpu"}}, Runner{Name: "r2"}),
				WithCodeScanningAlerts(CodeScanningAlert{Repo: "acme/hooks", Severity: "critical", Assignee: "mona"}, CodeScanningAlert{Repo: "acme/hooks", State: "dismissed"}),
				WithDependabotAlerts(DependabotAlert{Repo: "acme/hooks", Severity: "critical", CVEID: "CVE-2021-23337", Patched: "4.17.21"}, DependabotAlert{Repo: "acme/hooks", State: "dismissed"}),
				WithSecretScanningAlerts(SecretScanningAlert{Repo: "acme/hooks", PushProtectionBy: "mona"}, SecretScanningAlert{Repo: "acme/hooks", State: "resolved"}),
				WithOrgCustomProperties(OrgCustomProperty{Org: "acme", Name: "cost_center"}),
				WithApps(App{ClientID: "Iv1.schema", Slug: "schema-app", Permissions: map[string]string{"contents": "read"}, Events: []string{"push"}}),
				WithRulesetHistory(RulesetVersion{RulesetID: 9, Actor: "mona", State: []byte(`{"id":9,"name":"protect main"}`)}),
				WithBypassRequests(BypassRequest{Kind: "push_rules", Repo: "acme/hooks", Requester: "mona", RulesetName: "protect main", Comment: "hotfix"},
					BypassRequest{Kind: "secret_scanning", Repo: "acme/hooks", Requester: "mona", SecretType: "github_personal_access_token", Status: "approved", Reviewer: DefaultAdminLogin}),
			)
			consoleURL, _ := url.Parse(s.ConsoleURL())
			v := &validator{doc: doc, console: consoleURL.Host, base: http.DefaultTransport,
				validated: map[string]int{}, undescribed: map[string]bool{}}
			c, err := s.Client(ghesadmin.WithHTTPClient(&http.Client{Transport: v}))
			if err != nil {
				t.Fatal(err)
			}
			w := &workload{t: t, rel: rel, methods: methods, called: map[string]bool{}, skipped: map[string]bool{}}
			runWorkload(t, w, s, c)

			for _, msg := range v.violations {
				t.Error(msg)
			}
			// Every method whose operation the release has was called.
			for name, op := range methods {
				m, p, _ := strings.Cut(op, " ")
				o, _ := ops.Find(m, p)
				if o.Has(rel) && !w.called[name] {
					t.Errorf("the workload never calls %s (%s)", name, op)
				}
			}
			// Every operation the release has was validated, unless its
			// description lacks it (and the generator said so).
			missing := missingOps(doc)
			for _, o := range ops.Implemented() {
				key := o.Method + " " + o.Path
				switch {
				case !o.Has(rel):
					if v.validated[key] > 0 || v.undescribed[key] {
						t.Errorf("%s was sent, but %s lacks it", key, rel)
					}
				case v.undescribed[key]:
					if !slices.Contains(missing, key) {
						t.Errorf("%s: sent but not found in the description", key)
					}
				case v.validated[key] == 0:
					t.Errorf("%s: never validated", key)
				}
			}
			var und []string
			for k := range v.undescribed {
				und = append(und, k)
			}
			sort.Strings(und)
			t.Logf("%s: %d methods called, %d skipped, %d operations validated, not in the description: %v",
				rel, len(w.called), len(w.skipped), len(v.validated), und)
		})
	}
}

func runWorkload(t *testing.T, w *workload, s *Server, c *ghesadmin.Client) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	wait := ghesadmin.WaitInterval(time.Millisecond)
	ent := s.Enterprise()
	admin := s.AdminLogin()
	lic := func() io.Reader { return strings.NewReader(schemaLic) }

	// Meta, license, statistics.
	w.do("Meta.Get", func() error { return must2(c.Meta.Get(ctx)) })
	w.do("Meta.AdminAPI", func() error { return must2(c.Meta.AdminAPI(ctx)) })
	w.do("License.Get", func() error { return must2(c.License.Get(ctx)) })
	w.do("Stats.All", func() error { return must2(c.Stats.All(ctx)) })
	w.do("Stats.Comments", func() error { return must2(c.Stats.Comments(ctx)) })
	w.do("Stats.Gists", func() error { return must2(c.Stats.Gists(ctx)) })
	w.do("Stats.Hooks", func() error { return must2(c.Stats.Hooks(ctx)) })
	w.do("Stats.Issues", func() error { return must2(c.Stats.Issues(ctx)) })
	w.do("Stats.Milestones", func() error { return must2(c.Stats.Milestones(ctx)) })
	w.do("Stats.Orgs", func() error { return must2(c.Stats.Orgs(ctx)) })
	w.do("Stats.Pages", func() error { return must2(c.Stats.Pages(ctx)) })
	w.do("Stats.Pulls", func() error { return must2(c.Stats.Pulls(ctx)) })
	w.do("Stats.Repos", func() error { return must2(c.Stats.Repos(ctx)) })
	w.do("Stats.Users", func() error { return must2(c.Stats.Users(ctx)) })
	w.do("Stats.SecurityProducts", func() error { return must2(c.Stats.SecurityProducts(ctx)) })

	// Users and organizations.
	w.do("Users.Create", func() error {
		return must2(c.Users.Create(ctx, ghesadmin.CreateUserRequest{Login: "hubot", Email: ghesadmin.Ptr("hubot@example.com")}))
	})
	w.do("Users.Rename", func() error { return must2(c.Users.Rename(ctx, "hubot", "hubot2")) })
	w.do("Users.CreateImpersonationToken", func() error {
		return must2(c.Users.CreateImpersonationToken(ctx, "mona", []string{"repo"}))
	})
	w.do("Users.DeleteImpersonationToken", func() error { _, err := c.Users.DeleteImpersonationToken(ctx, "mona"); return err })
	w.do("Users.Promote", func() error { _, err := c.Users.Promote(ctx, "mona"); return err })
	w.do("Users.Demote", func() error { _, err := c.Users.Demote(ctx, "mona"); return err })
	w.do("Users.Suspend", func() error { _, err := c.Users.Suspend(ctx, "mona", "audit"); return err })
	w.do("Users.Unsuspend", func() error { _, err := c.Users.Unsuspend(ctx, "mona", "done"); return err })
	var keyID int64
	w.do("Users.ListPublicKeys", func() error {
		keys, _, err := c.Users.ListPublicKeys(ctx, nil)
		if err == nil && len(keys) > 0 {
			keyID = keys[0].ID
		}
		return err
	})
	w.do("Users.ListPublicKeysIter", func() error { return drain(c.Users.ListPublicKeysIter(ctx, nil)) })
	w.do("Users.DeletePublicKey", func() error { _, err := c.Users.DeletePublicKey(ctx, fmt.Sprint(keyID)); return err })
	var tokenID int64
	w.do("Users.ListTokens", func() error {
		toks, _, err := c.Users.ListTokens(ctx, nil)
		for _, tk := range toks {
			if tk.Note != nil && *tk.Note == "ci" {
				tokenID = tk.ID
			}
		}
		return err
	})
	w.do("Users.ListTokensIter", func() error { return drain(c.Users.ListTokensIter(ctx, nil)) })
	w.do("Users.DeleteToken", func() error { _, err := c.Users.DeleteToken(ctx, tokenID); return err })
	w.do("Organizations.Create", func() error {
		return must2(c.Organizations.Create(ctx, ghesadmin.CreateOrganizationRequest{Login: "octo", Admin: admin}))
	})
	w.do("Organizations.Rename", func() error { return must2(c.Organizations.Rename(ctx, "octo", "octo2")) })

	// Announcement banner, enterprise Actions policies, Actions cache.
	ap, ac := c.ActionsPermissions, c.ActionsCache
	w.do("Announcement.Set", func() error {
		return must2(c.Announcement.Set(ctx, ghesadmin.SetAnnouncementRequest{Announcement: "Maintenance tonight",
			ExpiresAt: ghesadmin.Ptr(time.Now().Add(time.Hour)), UserDismissible: ghesadmin.Ptr(true)}))
	})
	w.do("Announcement.Get", func() error { return must2(c.Announcement.Get(ctx)) })
	w.do("Announcement.Remove", func() error { _, err := c.Announcement.Remove(ctx); return err })
	w.do("Announcement.Get", func() error { return must2(c.Announcement.Get(ctx)) })
	w.do("ActionsPermissions.Set", func() error {
		req := ghesadmin.SetActionsPermissionsRequest{EnabledOrganizations: ghesadmin.EnabledOrganizationsSelected,
			AllowedActions: ghesadmin.Ptr(ghesadmin.AllowedActionsSelected)}
		if w.rel.Compare(ops.Release{Major: 3, Minor: 19}) >= 0 {
			req.SHAPinningRequired = ghesadmin.Ptr(true) // documented from 3.19
		}
		_, err := ap.Set(ctx, ent, req)
		return err
	})
	w.do("ActionsPermissions.Get", func() error { return must2(ap.Get(ctx, ent)) })
	w.do("ActionsPermissions.SetSelectedOrganizations", func() error {
		_, err := ap.SetSelectedOrganizations(ctx, ent, []int64{s.OrgID("acme")})
		return err
	})
	w.do("ActionsPermissions.DisableSelectedOrganization", func() error {
		_, err := ap.DisableSelectedOrganization(ctx, ent, s.OrgID("acme"))
		return err
	})
	w.do("ActionsPermissions.EnableSelectedOrganization", func() error {
		_, err := ap.EnableSelectedOrganization(ctx, ent, s.OrgID("acme"))
		return err
	})
	w.do("ActionsPermissions.ListSelectedOrganizations", func() error { return must2(ap.ListSelectedOrganizations(ctx, ent, nil)) })
	w.do("ActionsPermissions.ListSelectedOrganizationsIter", func() error { return drain(ap.ListSelectedOrganizationsIter(ctx, ent, nil)) })
	w.do("ActionsPermissions.SetSelectedActions", func() error {
		_, err := ap.SetSelectedActions(ctx, ent, ghesadmin.SetSelectedActionsRequest{GitHubOwnedAllowed: ghesadmin.Ptr(true),
			VerifiedAllowed: ghesadmin.Ptr(true), PatternsAllowed: []string{"docker/*"}})
		return err
	})
	w.do("ActionsPermissions.GetSelectedActions", func() error { return must2(ap.GetSelectedActions(ctx, ent)) })
	w.do("ActionsPermissions.SetWorkflowPermissions", func() error {
		_, err := ap.SetWorkflowPermissions(ctx, ent, ghesadmin.SetWorkflowPermissionsRequest{
			DefaultWorkflowPermissions: ghesadmin.Ptr(ghesadmin.DefaultWorkflowPermissionsWrite), CanApprovePullRequestReviews: ghesadmin.Ptr(true)})
		return err
	})
	w.do("ActionsPermissions.GetWorkflowPermissions", func() error { return must2(ap.GetWorkflowPermissions(ctx, ent)) })
	w.do("ActionsPermissions.SetArtifactAndLogRetention", func() error {
		_, err := ap.SetArtifactAndLogRetention(ctx, ent, ghesadmin.SetArtifactAndLogRetentionRequest{Days: 30})
		return err
	})
	w.do("ActionsPermissions.GetArtifactAndLogRetention", func() error { return must2(ap.GetArtifactAndLogRetention(ctx, ent)) })
	w.do("ActionsPermissions.SetForkPRContributorApproval", func() error {
		_, err := ap.SetForkPRContributorApproval(ctx, ent, ghesadmin.SetForkPRContributorApprovalRequest{ApprovalPolicy: ghesadmin.ForkPRApprovalAllExternalContributors})
		return err
	})
	w.do("ActionsPermissions.GetForkPRContributorApproval", func() error { return must2(ap.GetForkPRContributorApproval(ctx, ent)) })
	w.do("ActionsPermissions.SetForkPRWorkflowsPrivateRepos", func() error {
		_, err := ap.SetForkPRWorkflowsPrivateRepos(ctx, ent, ghesadmin.SetForkPRWorkflowsPrivateReposRequest{RunWorkflowsFromForkPullRequests: true,
			RequireApprovalForForkPRWorkflows: ghesadmin.Ptr(true)})
		return err
	})
	w.do("ActionsPermissions.GetForkPRWorkflowsPrivateRepos", func() error { return must2(ap.GetForkPRWorkflowsPrivateRepos(ctx, ent)) })
	w.do("ActionsPermissions.SetSelfHostedRunners", func() error {
		_, err := ap.SetSelfHostedRunners(ctx, ent, ghesadmin.SelfHostedRunnersPermissions{DisableSelfHostedRunnersForAllOrgs: true})
		return err
	})
	w.do("ActionsPermissions.GetSelfHostedRunners", func() error { return must2(ap.GetSelfHostedRunners(ctx, ent)) })
	w.do("ActionsCache.GetUsage", func() error { return must2(ac.GetUsage(ctx, ent)) })
	w.do("ActionsCache.SetUsagePolicy", func() error {
		_, err := ac.SetUsagePolicy(ctx, ent, ghesadmin.SetActionsCacheUsagePolicyRequest{RepoCacheSizeLimitInGB: ghesadmin.Ptr(12), MaxRepoCacheSizeLimitInGB: ghesadmin.Ptr(20)})
		return err
	})
	w.do("ActionsCache.GetUsagePolicy", func() error { return must2(ac.GetUsagePolicy(ctx, ent)) })

	// Lookups.
	w.do("Users.Get", func() error { return must2(c.Users.Get(ctx, admin)) })
	w.do("Users.List", func() error { return must2(c.Users.List(ctx, nil)) })
	w.do("Users.ListIter", func() error { return drain(c.Users.ListIter(ctx, nil)) })
	w.do("Organizations.Get", func() error { return must2(c.Organizations.Get(ctx, "acme")) })
	w.do("Organizations.List", func() error { return must2(c.Organizations.List(ctx, nil)) })
	w.do("Organizations.ListIter", func() error { return drain(c.Organizations.ListIter(ctx, nil)) })
	w.do("Teams.GetBySlug", func() error { return must2(c.Teams.GetBySlug(ctx, "acme", "devs")) })

	// LDAP.
	team := s.TeamID("acme", "devs")
	w.do("LDAP.UpdateTeamMapping", func() error { return must2(c.LDAP.UpdateTeamMapping(ctx, team, "cn=devs,dc=example")) })
	w.do("LDAP.SyncTeam", func() error { return must2(c.LDAP.SyncTeam(ctx, team)) })
	w.do("LDAP.UpdateUserMapping", func() error { return must2(c.LDAP.UpdateUserMapping(ctx, "mona", "uid=mona,dc=example")) })
	w.do("LDAP.SyncUser", func() error { return must2(c.LDAP.SyncUser(ctx, "mona")) })

	// Global webhooks.
	var hookID int64
	w.do("AdminHooks.Create", func() error {
		h, _, err := c.AdminHooks.Create(ctx, ghesadmin.CreateGlobalHookRequest{Name: "web",
			Config: ghesadmin.GlobalHookConfigRequest{URL: "https://example.com/hook"}, Events: []string{"user"}})
		if err == nil {
			hookID = h.ID
		}
		return err
	})
	w.do("AdminHooks.List", func() error { return must2(c.AdminHooks.List(ctx, nil)) })
	w.do("AdminHooks.ListIter", func() error { return drain(c.AdminHooks.ListIter(ctx, nil)) })
	w.do("AdminHooks.Get", func() error { return must2(c.AdminHooks.Get(ctx, hookID)) })
	w.do("AdminHooks.Update", func() error {
		return must2(c.AdminHooks.Update(ctx, hookID, ghesadmin.UpdateGlobalHookRequest{Active: ghesadmin.Ptr(false)}))
	})
	w.do("AdminHooks.Ping", func() error { _, err := c.AdminHooks.Ping(ctx, hookID); return err })
	w.do("AdminHooks.Delete", func() error { _, err := c.AdminHooks.Delete(ctx, hookID); return err })

	// Pre-receive environments and hooks.
	pe, ph := c.PreReceiveEnvironments, c.PreReceiveHooks
	var envID, preHookID int64
	w.do("PreReceiveEnvironments.Create", func() error {
		e, _, err := pe.Create(ctx, ghesadmin.CreatePreReceiveEnvironmentRequest{Name: "env", ImageURL: "https://example.com/env.tar.gz"})
		if err == nil {
			envID = e.ID
		}
		return err
	})
	w.do("PreReceiveEnvironments.List", func() error { return must2(pe.List(ctx, nil)) })
	w.do("PreReceiveEnvironments.ListIter", func() error { return drain(pe.ListIter(ctx, nil)) })
	w.do("PreReceiveEnvironments.Get", func() error { return must2(pe.Get(ctx, envID)) })
	w.do("PreReceiveEnvironments.Update", func() error {
		return must2(pe.Update(ctx, envID, ghesadmin.UpdatePreReceiveEnvironmentRequest{Name: ghesadmin.Ptr("env2")}))
	})
	w.do("PreReceiveEnvironments.StartDownload", func() error { return must2(pe.StartDownload(ctx, envID)) })
	w.do("PreReceiveEnvironments.DownloadStatus", func() error { return must2(pe.DownloadStatus(ctx, envID)) })
	w.do("PreReceiveEnvironments.WaitForDownload", func() error { return must2(pe.WaitForDownload(ctx, envID, wait)) })
	w.do("PreReceiveHooks.Create", func() error {
		h, _, err := ph.Create(ctx, ghesadmin.CreatePreReceiveHookRequest{Name: "check", Script: "check.sh",
			ScriptRepository: ghesadmin.PreReceiveScriptRepositoryRef{FullName: "acme/hooks"},
			Environment:      ghesadmin.PreReceiveEnvironmentRef{ID: envID},
			Enforcement:      ghesadmin.Ptr(ghesadmin.EnforcementTesting), AllowDownstreamConfiguration: ghesadmin.Ptr(true)})
		if err == nil {
			preHookID = h.ID
		}
		return err
	})
	w.do("PreReceiveHooks.List", func() error { return must2(ph.List(ctx, nil)) })
	w.do("PreReceiveHooks.ListIter", func() error { return drain(ph.ListIter(ctx, nil)) })
	w.do("PreReceiveHooks.Get", func() error { return must2(ph.Get(ctx, preHookID)) })
	w.do("PreReceiveHooks.Update", func() error {
		return must2(ph.Update(ctx, preHookID, ghesadmin.UpdatePreReceiveHookRequest{Name: ghesadmin.Ptr("check2")}))
	})
	w.do("PreReceiveHooks.ListForOrg", func() error { return must2(ph.ListForOrg(ctx, "acme", nil)) })
	w.do("PreReceiveHooks.ListForOrgIter", func() error { return drain(ph.ListForOrgIter(ctx, "acme", nil)) })
	w.do("PreReceiveHooks.GetForOrg", func() error { return must2(ph.GetForOrg(ctx, "acme", preHookID)) })
	w.do("PreReceiveHooks.UpdateForOrg", func() error {
		return must2(ph.UpdateForOrg(ctx, "acme", preHookID, ghesadmin.UpdateOrgPreReceiveHookRequest{Enforcement: ghesadmin.Ptr(ghesadmin.EnforcementEnabled)}))
	})
	w.do("PreReceiveHooks.RemoveForOrg", func() error { return must2(ph.RemoveForOrg(ctx, "acme", preHookID)) })
	w.do("PreReceiveHooks.ListForRepo", func() error { return must2(ph.ListForRepo(ctx, "acme", "hooks", nil)) })
	w.do("PreReceiveHooks.ListForRepoIter", func() error { return drain(ph.ListForRepoIter(ctx, "acme", "hooks", nil)) })
	w.do("PreReceiveHooks.GetForRepo", func() error { return must2(ph.GetForRepo(ctx, "acme", "hooks", preHookID)) })
	w.do("PreReceiveHooks.UpdateForRepo", func() error {
		return must2(ph.UpdateForRepo(ctx, "acme", "hooks", preHookID, ghesadmin.UpdateRepoPreReceiveHookRequest{Enforcement: ghesadmin.Ptr(ghesadmin.EnforcementDisabled)}))
	})
	w.do("PreReceiveHooks.RemoveForRepo", func() error { return must2(ph.RemoveForRepo(ctx, "acme", "hooks", preHookID)) })
	w.do("PreReceiveHooks.Delete", func() error { _, err := ph.Delete(ctx, preHookID); return err })
	w.do("PreReceiveEnvironments.Delete", func() error { _, err := pe.Delete(ctx, envID); return err })

	// Actions runner groups and runners.
	a := c.Actions
	var groupID, runnerID, r2ID int64
	w.do("Actions.ListRunners", func() error {
		rs, _, err := a.ListRunners(ctx, ent, nil)
		if err == nil {
			for _, r := range rs.Runners {
				switch r.Name {
				case "r1":
					runnerID = r.ID
				case "r2":
					r2ID = r.ID
				}
			}
		}
		return err
	})
	w.do("Actions.ListRunnersIter", func() error { return drain(a.ListRunnersIter(ctx, ent, nil)) })
	w.do("Actions.CreateRunnerGroup", func() error {
		g, _, err := a.CreateRunnerGroup(ctx, ent, ghesadmin.CreateRunnerGroupRequest{Name: "builders",
			Visibility: ghesadmin.Ptr(ghesadmin.RunnerGroupVisibilitySelected), SelectedOrganizationIDs: []int64{s.OrgID("acme")}})
		if err == nil {
			groupID = g.ID
		}
		return err
	})
	w.do("Actions.ListRunnerGroups", func() error { return must2(a.ListRunnerGroups(ctx, ent, nil)) })
	w.do("Actions.ListRunnerGroupsIter", func() error { return drain(a.ListRunnerGroupsIter(ctx, ent, nil)) })
	w.do("Actions.GetRunnerGroup", func() error { return must2(a.GetRunnerGroup(ctx, ent, groupID)) })
	w.do("Actions.UpdateRunnerGroup", func() error {
		return must2(a.UpdateRunnerGroup(ctx, ent, groupID, ghesadmin.UpdateRunnerGroupRequest{Name: ghesadmin.Ptr("builders2")}))
	})
	w.do("Actions.ListRunnerGroupOrganizations", func() error { return must2(a.ListRunnerGroupOrganizations(ctx, ent, groupID, nil)) })
	w.do("Actions.ListRunnerGroupOrganizationsIter", func() error {
		return drain(a.ListRunnerGroupOrganizationsIter(ctx, ent, groupID, nil))
	})
	w.do("Actions.SetRunnerGroupOrganizations", func() error {
		_, err := a.SetRunnerGroupOrganizations(ctx, ent, groupID, []int64{s.OrgID("acme")})
		return err
	})
	w.do("Actions.RemoveRunnerGroupOrganization", func() error {
		_, err := a.RemoveRunnerGroupOrganization(ctx, ent, groupID, s.OrgID("acme"))
		return err
	})
	w.do("Actions.AddRunnerGroupOrganization", func() error {
		_, err := a.AddRunnerGroupOrganization(ctx, ent, groupID, s.OrgID("acme"))
		return err
	})
	w.do("Actions.SetRunnerGroupRunners", func() error {
		_, err := a.SetRunnerGroupRunners(ctx, ent, groupID, []int64{runnerID})
		return err
	})
	w.do("Actions.AddRunnerGroupRunner", func() error { _, err := a.AddRunnerGroupRunner(ctx, ent, groupID, r2ID); return err })
	w.do("Actions.ListRunnerGroupRunners", func() error { return must2(a.ListRunnerGroupRunners(ctx, ent, groupID, nil)) })
	w.do("Actions.ListRunnerGroupRunnersIter", func() error { return drain(a.ListRunnerGroupRunnersIter(ctx, ent, groupID, nil)) })
	w.do("Actions.RemoveRunnerGroupRunner", func() error {
		_, err := a.RemoveRunnerGroupRunner(ctx, ent, groupID, r2ID)
		return err
	})
	w.do("Actions.GetRunner", func() error { return must2(a.GetRunner(ctx, ent, runnerID)) })
	w.do("Actions.ListRunnerApplications", func() error { return must2(a.ListRunnerApplications(ctx, ent)) })
	w.do("Actions.CreateRegistrationToken", func() error { return must2(a.CreateRegistrationToken(ctx, ent)) })
	w.do("Actions.CreateRemoveToken", func() error { return must2(a.CreateRemoveToken(ctx, ent)) })
	w.do("Actions.GenerateJITConfig", func() error {
		return must2(a.GenerateJITConfig(ctx, ent, ghesadmin.GenerateJITConfigRequest{Name: "jit", RunnerGroupID: groupID, Labels: []string{"self-hosted"}}))
	})
	w.do("Actions.ListRunnerLabels", func() error { return must2(a.ListRunnerLabels(ctx, ent, runnerID)) })
	w.do("Actions.AddRunnerLabels", func() error { return must2(a.AddRunnerLabels(ctx, ent, runnerID, []string{"fast"})) })
	w.do("Actions.SetRunnerLabels", func() error { return must2(a.SetRunnerLabels(ctx, ent, runnerID, []string{"gpu", "fast"})) })
	w.do("Actions.RemoveRunnerLabel", func() error { return must2(a.RemoveRunnerLabel(ctx, ent, runnerID, "fast")) })
	w.do("Actions.RemoveRunnerLabels", func() error { return must2(a.RemoveRunnerLabels(ctx, ent, runnerID)) })
	w.do("Actions.DeleteRunner", func() error { _, err := a.DeleteRunner(ctx, ent, r2ID); return err })
	w.do("Actions.DeleteRunnerGroup", func() error { _, err := a.DeleteRunnerGroup(ctx, ent, groupID); return err })

	w.do("Users.Delete", func() error { _, err := c.Users.Delete(ctx, "hubot2"); return err })

	// The Management Console.
	mc := c.ManagementConsole
	w.do("ManagementConsole.ConfigurationStatus", func() error { return must2(mc.ConfigurationStatus(ctx)) })
	w.do("ManagementConsole.StartConfiguration", func() error { _, err := mc.StartConfiguration(ctx); return err })
	w.do("ManagementConsole.WaitForConfiguration", func() error { return must2(mc.WaitForConfiguration(ctx, wait)) })
	w.do("ManagementConsole.MaintenanceStatus", func() error { return must2(mc.MaintenanceStatus(ctx)) })
	w.do("ManagementConsole.SetMaintenance", func() error {
		if err := must2(mc.SetMaintenance(ctx, ghesadmin.MaintenanceRequest{Enabled: true, When: ghesadmin.Ptr("now")})); err != nil {
			return err
		}
		return must2(mc.MaintenanceStatus(ctx)) // now with a scheduled_time
	})
	w.do("ManagementConsole.WaitForMaintenance", func() error { return must2(mc.WaitForMaintenance(ctx, wait)) })
	w.do("ManagementConsole.Settings", func() error { return must2(mc.Settings(ctx)) })
	w.do("ManagementConsole.UpdateSettings", func() error {
		_, err := mc.UpdateSettings(ctx, ghesadmin.ConsoleSettings{Enterprise: &ghesadmin.EnterpriseSettings{SignupEnabled: ghesadmin.Ptr(true)}})
		return err
	})
	w.do("ManagementConsole.AuthorizedKeys", func() error { return must2(mc.AuthorizedKeys(ctx)) })
	w.do("ManagementConsole.AddAuthorizedKey", func() error { return must2(mc.AddAuthorizedKey(ctx, schemaKeyA)) })
	w.do("ManagementConsole.RemoveAuthorizedKey", func() error { return must2(mc.RemoveAuthorizedKey(ctx, schemaKeyA)) })
	w.do("ManagementConsole.UploadLicense", func() error {
		_, err := mc.UploadLicense(ctx, lic(), ghesadmin.SetupRequest{})
		return err
	})
	w.do("ManagementConsole.UpgradeLicense", func() error { _, err := mc.UpgradeLicense(ctx, lic()); return err })

	// The Manage GHES API.
	m := c.Manage
	w.do("Manage.Version", func() error { return must2(m.Version(ctx, nil)) })
	w.do("Manage.ClusterStatus", func() error { return must2(m.ClusterStatus(ctx)) })
	w.do("Manage.ReplicationStatus", func() error { return must2(m.ReplicationStatus(ctx, nil)) })
	w.do("Manage.Nodes", func() error { return must2(m.Nodes(ctx, nil)) })
	w.do("Manage.SystemRequirements", func() error { return must2(m.SystemRequirements(ctx)) })
	w.do("Manage.InitialConfig", func() error { _, err := m.InitialConfig(ctx, lic(), "s3cret-password"); return err })
	var runID string
	w.do("Manage.ConfigApply", func() error {
		r, _, err := m.ConfigApply(ctx, ghesadmin.ConfigApplyRequest{})
		if err == nil {
			runID = r.RunID
		}
		return err
	})
	w.do("Manage.ConfigApplyStatus", func() error { return must2(m.ConfigApplyStatus(ctx, runID)) })
	w.do("Manage.WaitForConfigApply", func() error { return must2(m.WaitForConfigApply(ctx, runID, wait)) })
	w.do("Manage.ConfigApplyEvents", func() error { return must2(m.ConfigApplyEvents(ctx, nil)) })
	w.do("Manage.ConfigApplyEventsIter", func() error { return drain(m.ConfigApplyEventsIter(ctx, nil)) })
	w.do("Manage.License", func() error { return must2(m.License(ctx)) })
	w.do("Manage.UploadLicense", func() error { _, _, err := m.UploadLicense(ctx, lic(), nil); return err })
	w.do("Manage.LicenseStatus", func() error { return must2(m.LicenseStatus(ctx)) })
	w.do("Manage.Settings", func() error { return must2(m.Settings(ctx)) })
	w.do("Manage.UpdateSettings", func() error {
		_, err := m.UpdateSettings(ctx, ghesadmin.EnterpriseSettings{SignupEnabled: ghesadmin.Ptr(true)})
		return err
	})
	w.do("Manage.MaintenanceStatus", func() error { return must2(m.MaintenanceStatus(ctx, nil)) })
	w.do("Manage.SetMaintenance", func() error {
		if err := must2(m.SetMaintenance(ctx, ghesadmin.ManageMaintenanceRequest{Enabled: true})); err != nil {
			return err
		}
		return must2(m.MaintenanceStatus(ctx, nil)) // now with a scheduled_time
	})
	w.do("Manage.WaitForMaintenance", func() error { return must2(m.WaitForMaintenance(ctx, nil, wait)) })
	w.do("Manage.SSHKeys", func() error { return must2(m.SSHKeys(ctx)) })
	w.do("Manage.AddSSHKey", func() error { return must2(m.AddSSHKey(ctx, schemaKeyA)) })
	w.do("Manage.RemoveSSHKey", func() error { return must2(m.RemoveSSHKey(ctx, schemaKeyA)) })
	target := w.rel.String() + ".9"
	w.do("Manage.DownloadUpgrade", func() error {
		// A plain download answers 200 with one result per node; one with
		// an orchestration setting answers 202 with the orchestration.
		d, resp, err := m.DownloadUpgrade(ctx, ghesadmin.UpgradeDownloadRequest{Version: &target})
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK || len(d.Nodes) != 1 || d.Orchestration != nil {
			return fmt.Errorf("plain download = %d %+v, want 200 with one node result", resp.StatusCode, d)
		}
		d, resp, err = m.DownloadUpgrade(ctx, ghesadmin.UpgradeDownloadRequest{Version: &target, Force: ghesadmin.Ptr(true), MaxParallel: ghesadmin.Ptr(1)})
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusAccepted || d.Orchestration == nil || d.Orchestration.MaxParallel != 1 {
			return fmt.Errorf("orchestrated download = %d %+v, want 202 with the orchestration", resp.StatusCode, d)
		}
		return nil
	})
	w.do("Manage.UpgradeDownloadStatus", func() error {
		for i := 0; i < 5; i++ {
			st, _, err := m.UpgradeDownloadStatus(ctx, nil)
			if err != nil || st.Status == "completed" {
				return err
			}
		}
		return fmt.Errorf("the download never completed")
	})
	securityWorkload(w, c, ent, ctx)
	w.do("Manage.ApplyUpgrade", func() error {
		return must2(m.ApplyUpgrade(ctx, ghesadmin.UpgradeApplyRequest{Version: &target}))
	})
	w.do("Manage.UpgradeStatus", func() error {
		for i := 0; i < 5; i++ {
			st, _, err := m.UpgradeStatus(ctx, nil)
			if err != nil || len(st) == 0 || !st[0].IsRunning {
				return err
			}
		}
		return fmt.Errorf("the upgrade never ended")
	})

	// Audit log and its streams (auditlog.go), site-admin reports.
	w.do("AuditLog.List", func() error {
		return must2(c.AuditLog.List(ctx, ent, &ghesadmin.AuditLogOptions{Phrase: "action:user.*", ListOptions: ghesadmin.ListOptions{PerPage: 2}}))
	})
	w.do("AuditLog.ListIter", func() error {
		return drain(c.AuditLog.ListIter(ctx, ent, &ghesadmin.AuditLogOptions{ListOptions: ghesadmin.ListOptions{PerPage: 2}}))
	})
	var streamID int64
	var streamKey *ghesadmin.AuditLogStreamKey
	w.do("AuditLog.GetStreamKey", func() error {
		k, _, err := c.AuditLog.GetStreamKey(ctx, ent)
		streamKey = k
		return err
	})
	stream := func(enabled bool) (ghesadmin.AuditLogStreamRequest, error) {
		if streamKey == nil {
			k, _, err := c.AuditLog.GetStreamKey(ctx, ent)
			if err != nil {
				return ghesadmin.AuditLogStreamRequest{}, err
			}
			streamKey = k
		}
		tok, err := streamKey.Seal("splunk-token")
		return ghesadmin.AuditLogStreamRequest{Enabled: enabled, VendorSpecific: &ghesadmin.SplunkStreamConfig{
			Domain: "splunk.example.com", Port: 8088, KeyID: streamKey.KeyID, EncryptedToken: tok, SSLVerify: true}}, err
	}
	w.do("AuditLog.CreateStream", func() error {
		body, err := stream(true)
		if err != nil {
			return err
		}
		st, _, err := c.AuditLog.CreateStream(ctx, ent, body)
		if st != nil {
			streamID = st.ID
		}
		return err
	})
	w.do("AuditLog.ListStreams", func() error { return must2(c.AuditLog.ListStreams(ctx, ent)) })
	w.do("AuditLog.GetStream", func() error { return must2(c.AuditLog.GetStream(ctx, ent, streamID)) })
	w.do("AuditLog.UpdateStream", func() error {
		body, err := stream(false)
		if err != nil {
			return err
		}
		return must2(c.AuditLog.UpdateStream(ctx, ent, streamID, body))
	})
	w.do("AuditLog.DeleteStream", func() error { _, err := c.AuditLog.DeleteStream(ctx, ent, streamID); return err })
	w.do("Reports.AllUsers", func() error { return drain(c.Reports.AllUsers(ctx, wait)) })
	w.do("Reports.ActiveUsers", func() error { return drain(c.Reports.ActiveUsers(ctx, wait)) })
	w.do("Reports.DormantUsers", func() error { return drain(c.Reports.DormantUsers(ctx, wait)) })
	w.do("Reports.SuspendedUsers", func() error { return drain(c.Reports.SuspendedUsers(ctx, wait)) })
	w.do("Reports.AllOrganizations", func() error { return drain(c.Reports.AllOrganizations(ctx, wait)) })
	w.do("Reports.AllRepositories", func() error { return drain(c.Reports.AllRepositories(ctx, wait)) })
}

// securityWorkload calls the code security, custom property, push
// protection, committer and alert methods (issue 17).
func securityWorkload(w *workload, c *ghesadmin.Client, ent string, ctx context.Context) {
	cs := c.CodeSecurity
	w.do("CodeSecurity.GetSettings", func() error { return must2(cs.GetSettings(ctx, ent)) })
	w.do("CodeSecurity.UpdateSettings", func() error {
		_, err := cs.UpdateSettings(ctx, ent, ghesadmin.UpdateCodeSecurityAndAnalysisRequest{SecretScanningEnabledForNewRepositories: ghesadmin.Ptr(true)})
		return err
	})
	w.do("CodeSecurity.SetFeature", func() error {
		_, err := cs.SetFeature(ctx, ent, ghesadmin.SecurityProductSecretScanning, ghesadmin.SecurityEnableAll)
		return err
	})
	var cfgID int64
	w.do("CodeSecurity.CreateConfiguration", func() error {
		cf, _, err := cs.CreateConfiguration(ctx, ent, ghesadmin.CodeSecurityConfigurationRequest{Name: "baseline", Description: "the baseline",
			AdvancedSecurity: ghesadmin.AdvancedSecurityEnabled, SecretScanning: ghesadmin.ConfigurationEnabled,
			CodeScanningDefaultSetupOptions: &ghesadmin.CodeScanningDefaultSetupOptions{RunnerType: ghesadmin.CodeScanningRunnerStandard}})
		if cf != nil {
			cfgID = cf.ID
		}
		return err
	})
	w.do("CodeSecurity.ListConfigurations", func() error { return must2(cs.ListConfigurations(ctx, ent, nil)) })
	w.do("CodeSecurity.ListConfigurationsIter", func() error { return drain(cs.ListConfigurationsIter(ctx, ent, nil)) })
	w.do("CodeSecurity.GetConfiguration", func() error { return must2(cs.GetConfiguration(ctx, ent, cfgID)) })
	w.do("CodeSecurity.UpdateConfiguration", func() error {
		return must2(cs.UpdateConfiguration(ctx, ent, cfgID, ghesadmin.CodeSecurityConfigurationRequest{DependabotAlerts: ghesadmin.ConfigurationEnabled}))
	})
	w.do("CodeSecurity.AttachConfiguration", func() error {
		_, err := cs.AttachConfiguration(ctx, ent, cfgID, ghesadmin.AttachConfigurationRequest{Scope: ghesadmin.AttachAll})
		return err
	})
	w.do("CodeSecurity.SetDefaultConfiguration", func() error {
		return must2(cs.SetDefaultConfiguration(ctx, ent, cfgID, ghesadmin.SetDefaultConfigurationRequest{DefaultForNewRepos: ghesadmin.DefaultForAll}))
	})
	w.do("CodeSecurity.ListDefaultConfigurations", func() error { return must2(cs.ListDefaultConfigurations(ctx, ent)) })
	w.do("CodeSecurity.ListConfigurationRepositories", func() error { return must2(cs.ListConfigurationRepositories(ctx, ent, cfgID, nil)) })
	w.do("CodeSecurity.ListConfigurationRepositoriesIter", func() error {
		return drain(cs.ListConfigurationRepositoriesIter(ctx, ent, cfgID, nil))
	})
	w.do("License.ListAdvancedSecurityCommitters", func() error { return must2(c.License.ListAdvancedSecurityCommitters(ctx, ent, nil)) })
	w.do("License.ListAdvancedSecurityCommittersIter", func() error {
		return drain(c.License.ListAdvancedSecurityCommittersIter(ctx, ent, nil))
	})
	w.do("CodeSecurity.DeleteConfiguration", func() error { _, err := cs.DeleteConfiguration(ctx, ent, cfgID); return err })

	cp := c.CustomProperties
	w.do("CustomProperties.CreateOrUpdate", func() error {
		return must2(cp.CreateOrUpdate(ctx, ent, "environment", ghesadmin.CustomPropertyRequest{ValueType: ghesadmin.PropertySingleSelect,
			Required: ghesadmin.Ptr(true), DefaultValue: ghesadmin.StringValue("dev"), AllowedValues: []string{"dev", "prod"}}))
	})
	w.do("CustomProperties.CreateOrUpdateMany", func() error {
		return must2(cp.CreateOrUpdateMany(ctx, ent, ghesadmin.CustomPropertiesRequest{Properties: []ghesadmin.CustomPropertyDefinition{
			{PropertyName: "teams", CustomPropertyRequest: ghesadmin.CustomPropertyRequest{ValueType: ghesadmin.PropertyMultiSelect,
				AllowedValues: []string{"a", "b"}, DefaultValue: ghesadmin.MultiValue("a")}},
		}}))
	})
	w.do("CustomProperties.List", func() error { return must2(cp.List(ctx, ent)) })
	w.do("CustomProperties.Get", func() error { return must2(cp.Get(ctx, ent, "environment")) })
	w.do("CustomProperties.Promote", func() error { return must2(cp.Promote(ctx, ent, "acme", "cost_center")) })
	w.do("CustomProperties.Delete", func() error { _, err := cp.Delete(ctx, ent, "teams"); return err })

	ss := c.SecretScanning
	w.do("SecretScanning.ListPatternConfigurations", func() error { return must2(ss.ListPatternConfigurations(ctx, ent)) })
	w.do("SecretScanning.UpdatePatternConfigurations", func() error {
		return must2(ss.UpdatePatternConfigurations(ctx, ent, ghesadmin.UpdateSecretPatternConfigurationsRequest{
			ProviderPatternSettings: []*ghesadmin.ProviderPatternSetting{{TokenType: "aws_access_key_id", PushProtectionSetting: ghesadmin.PushProtectionEnabled}},
		}))
	})
	w.do("SecretScanning.ListAlerts", func() error { return must2(ss.ListAlerts(ctx, ent, nil)) })
	w.do("SecretScanning.ListAlertsIter", func() error {
		return drain(ss.ListAlertsIter(ctx, ent, &ghesadmin.ListSecretScanningAlertsOptions{ListCursorOptions: ghesadmin.ListCursorOptions{PerPage: 1}}))
	})
	w.do("CodeScanning.ListAlerts", func() error { return must2(c.CodeScanning.ListAlerts(ctx, ent, nil)) })
	w.do("CodeScanning.ListAlertsIter", func() error {
		return drain(c.CodeScanning.ListAlertsIter(ctx, ent, &ghesadmin.ListCodeScanningAlertsOptions{ListCursorOptions: ghesadmin.ListCursorOptions{PerPage: 1}}))
	})
	w.do("Dependabot.ListAlerts", func() error { return must2(c.Dependabot.ListAlerts(ctx, ent, nil)) })
	w.do("Dependabot.ListAlertsIter", func() error {
		return drain(c.Dependabot.ListAlertsIter(ctx, ent, &ghesadmin.ListDependabotAlertsOptions{ListCursorOptions: ghesadmin.ListCursorOptions{PerPage: 1}}))
	})
	runWorkloadEnterpriseAdmin(ctx, w, c, ent)
}
