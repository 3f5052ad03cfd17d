package ghesadmin

// A harness that finds every method of every service by reflection and calls
// it with generated arguments, so that a suite built on it covers methods
// added later without being told about them.

import (
	"context"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// svcMethod is one exported method of one service, bound to a client.
type svcMethod struct {
	Service string // "Users"
	Name    string // "Suspend"
	fn      reflect.Value
}

func (m svcMethod) String() string { return m.Service + "." + m.Name }

// allMethods lists every exported method of every service field of c.
func allMethods(c *Client) []svcMethod {
	var out []svcMethod
	cv := reflect.ValueOf(c).Elem()
	ct := cv.Type()
	for i := 0; i < ct.NumField(); i++ {
		f := ct.Field(i)
		if !f.IsExported() || f.Type.Kind() != reflect.Pointer || !strings.HasSuffix(f.Type.Elem().Name(), "Service") {
			continue
		}
		sv := cv.Field(i)
		for j := 0; j < sv.NumMethod(); j++ {
			out = append(out, svcMethod{Service: f.Name, Name: sv.Type().Method(j).Name, fn: sv.Method(j)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

// validBodies gives, for request types whose zero value the SDK refuses
// before sending, a value it accepts. A method whose body type is missing
// here sends nothing in the harness, and TestHarnessReachesEveryMethod says
// so.
func validBodies() map[reflect.Type]any {
	return map[reflect.Type]any{
		reflect.TypeOf(CreateGlobalHookRequest{}):             CreateGlobalHookRequest{Config: GlobalHookConfigRequest{URL: "https://hooks.example.com/x"}},
		reflect.TypeOf(GenerateJITConfigRequest{}):            GenerateJITConfigRequest{Name: "runner-1", RunnerGroupID: 1, Labels: []string{"self-hosted"}},
		reflect.TypeOf(UpdateGlobalHookRequest{}):             UpdateGlobalHookRequest{Config: &GlobalHookConfigRequest{URL: "https://hooks.example.com/x"}},
		reflect.TypeOf(SetAnnouncementRequest{}):              SetAnnouncementRequest{Announcement: "Maintenance tonight"},
		reflect.TypeOf(SetActionsPermissionsRequest{}):        SetActionsPermissionsRequest{EnabledOrganizations: EnabledOrganizationsAll},
		reflect.TypeOf(SetArtifactAndLogRetentionRequest{}):   SetArtifactAndLogRetentionRequest{Days: 90},
		reflect.TypeOf(SetForkPRContributorApprovalRequest{}): SetForkPRContributorApprovalRequest{ApprovalPolicy: ForkPRApprovalFirstTimeContributors},
		reflect.TypeOf(SetActionsCacheUsagePolicyRequest{}):   SetActionsCacheUsagePolicyRequest{RepoCacheSizeLimitInGB: Ptr(10)},
		// issue 17, s17b: code security, custom properties
		reflect.TypeOf(SecurityProduct("")):                SecurityProductSecretScanning,
		reflect.TypeOf(SecurityEnablement("")):             SecurityEnableAll,
		reflect.TypeOf(AttachConfigurationRequest{}):       AttachConfigurationRequest{Scope: AttachAll},
		reflect.TypeOf(SetDefaultConfigurationRequest{}):   SetDefaultConfigurationRequest{DefaultForNewRepos: DefaultForAll},
		reflect.TypeOf(CodeSecurityConfigurationRequest{}): CodeSecurityConfigurationRequest{Name: "baseline", Description: "the baseline"},
		reflect.TypeOf(CustomPropertyRequest{}):            CustomPropertyRequest{ValueType: PropertyString},
		reflect.TypeOf(CustomPropertiesRequest{}):          CustomPropertiesRequest{Properties: []CustomPropertyDefinition{{PropertyName: "team", CustomPropertyRequest: CustomPropertyRequest{ValueType: PropertyString}}}},
		reflect.TypeOf(AuditLogStreamRequest{}):            AuditLogStreamRequest{Enabled: true, VendorSpecific: &DatadogStreamConfig{EncryptedToken: "c2VhbGVk", Site: DatadogUS, KeyID: "k1"}},
		reflect.TypeOf(SCIMUserRequest{}): SCIMUserRequest{ExternalID: "e-1", Active: true, UserName: "mona", DisplayName: "Mona",
			Emails: []SCIMEmail{{Value: "mona@example.com", Type: "work", Primary: true}}},
		reflect.TypeOf(SCIMGroupRequest{}):                SCIMGroupRequest{ExternalID: "g-1", DisplayName: "Octocats"},
		reflect.TypeOf(SCIMPatchOp{}):                     SCIMPatchOp{Op: SCIMPatchReplace, Path: "displayName", Value: "Mona"},
		reflect.TypeOf(CreateInstallationRequest{}):       CreateInstallationRequest{ClientID: "Iv1.0123", RepositorySelection: RepositorySelectionAll},
		reflect.TypeOf(InstallationRepositoriesRequest{}): InstallationRepositoriesRequest{RepositorySelection: RepositorySelectionAll},
		reflect.TypeOf(CreateLiveMigrationRequest{}): CreateLiveMigrationRequest{SourceOrganizationLogin: "src", SourceRepositoryName: "repo",
			TargetOrganizationLogin: "dst", TargetRepositoryName: "repo", TargetAPIEndpoint: "https://target.example.com/api/v3", PATName: "target-pat"},
	}
}

// stringArg is the value the harness passes for string parameter i unless
// the test says otherwise. It is recognisable in a path.
func stringArg(i int) string { return "arg" + string(rune('A'+i)) }

// callArgs builds the arguments of m: ctx first, strs[i] (or stringArg(i))
// for string parameters, 7 for integers, one-element slices, a small reader
// for io.Reader, nil for option pointers, and validBodies or zero values
// for structs. Variadic parameters get nothing.
func callArgs(t *testing.T, m svcMethod, ctx context.Context, strs map[int]string) []reflect.Value {
	t.Helper()
	ft := m.fn.Type()
	n := ft.NumIn()
	if ft.IsVariadic() {
		n--
	}
	bodies := validBodies()
	args := make([]reflect.Value, 0, n)
	for i := 0; i < n; i++ {
		pt := ft.In(i)
		args = append(args, sampleValue(t, m, pt, i, ctx, strs, bodies))
	}
	return args
}

var (
	ctxType    = reflect.TypeOf((*context.Context)(nil)).Elem()
	readerType = reflect.TypeOf((*io.Reader)(nil)).Elem()
)

func sampleValue(t *testing.T, m svcMethod, pt reflect.Type, i int, ctx context.Context, strs map[int]string, bodies map[reflect.Type]any) reflect.Value {
	switch {
	case pt == ctxType:
		return reflect.ValueOf(ctx)
	case pt == readerType:
		return reflect.ValueOf(io.Reader(strings.NewReader("license-bytes")))
	case pt.Kind() == reflect.String:
		s, ok := strs[i]
		if v, known := bodies[pt]; known && !ok {
			return reflect.ValueOf(v) // a named enum the SDK checks
		}
		if !ok {
			s = stringArg(i)
		}
		return reflect.ValueOf(s).Convert(pt)
	case pt.Kind() >= reflect.Int && pt.Kind() <= reflect.Uint64:
		return reflect.ValueOf(7).Convert(pt)
	case pt.Kind() == reflect.Bool:
		return reflect.ValueOf(true).Convert(pt)
	case pt.Kind() == reflect.Slice:
		s := reflect.MakeSlice(pt, 1, 1)
		s.Index(0).Set(sampleValue(t, m, pt.Elem(), -1, ctx, nil, bodies))
		return s
	case pt.Kind() == reflect.Pointer:
		return reflect.Zero(pt)
	case pt.Kind() == reflect.Struct:
		if b, ok := bodies[pt]; ok {
			return reflect.ValueOf(b)
		}
		return reflect.Zero(pt)
	case pt.Kind() == reflect.Interface || pt.Kind() == reflect.Map || pt.Kind() == reflect.Func:
		return reflect.Zero(pt)
	}
	t.Fatalf("%s: no sample for parameter %d of type %v", m, i, pt)
	return reflect.Value{}
}

// callResult is what one call of a method returned.
type callResult struct {
	Err    error
	Values []any // every non-error result, for printing
}

// invoke calls m with args. An iter.Seq2 result is consumed up to its first
// error or second item.
func invoke(m svcMethod, args []reflect.Value) callResult {
	outs := m.fn.Call(args)
	var res callResult
	for _, o := range outs {
		if o.Type() == reflect.TypeOf((*error)(nil)).Elem() {
			if !o.IsNil() {
				res.Err = o.Interface().(error)
			}
			continue
		}
		if isSeq2(o.Type()) {
			items, err := drainSeq(o, 2)
			res.Err = err
			res.Values = append(res.Values, items...)
			continue
		}
		res.Values = append(res.Values, o.Interface())
	}
	return res
}

func isSeq2(t reflect.Type) bool {
	return t.Kind() == reflect.Func && strings.HasPrefix(t.Name(), "Seq2[")
}

// drainSeq ranges over an iter.Seq2[T, error] value, stopping after max
// items or at the first error.
func drainSeq(seq reflect.Value, max int) ([]any, error) {
	yieldType := seq.Type().In(0)
	var (
		items []any
		err   error
	)
	yield := reflect.MakeFunc(yieldType, func(in []reflect.Value) []reflect.Value {
		if !in[1].IsNil() {
			err = in[1].Interface().(error)
			return []reflect.Value{reflect.ValueOf(false)}
		}
		items = append(items, in[0].Interface())
		return []reflect.Value{reflect.ValueOf(len(items) < max)}
	})
	seq.Call([]reflect.Value{yield})
	return items, err
}

var _ iter.Seq2[int, error] // the harness ranges over these by reflection

// recorded is one request a harness server saw.
type recorded struct {
	Method      string
	EscapedPath string
	RawQuery    string
	Header      http.Header
	Console     bool
}

// harness is a client wired to two servers (API and console) that record
// every request and answer with reply.
type harness struct {
	Client  *Client
	API     *httptest.Server
	Console *httptest.Server

	mu   sync.Mutex
	seen []recorded
}

func newHarness(t *testing.T, reply http.HandlerFunc, opts ...Option) *harness {
	t.Helper()
	h := &harness{}
	rec := func(console bool) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.Copy(io.Discard, r.Body)
			h.mu.Lock()
			h.seen = append(h.seen, recorded{Method: r.Method, EscapedPath: r.URL.EscapedPath(), RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Console: console})
			h.mu.Unlock()
			reply(w, r)
		}
	}
	h.API = httptest.NewServer(rec(false))
	t.Cleanup(h.API.Close)
	h.Console = httptest.NewServer(rec(true))
	t.Cleanup(h.Console.Close)
	all := append([]Option{
		WithToken(testToken),
		WithManagementConsole(h.Console.URL, testConsolePassword),
		WithoutRetries(),
	}, opts...)
	c, err := NewClient(h.API.URL, all...)
	require.NoError(t, err)
	h.Client = c
	return h
}

// take returns and forgets the recorded requests.
func (h *harness) take() []recorded {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.seen
	h.seen = nil
	return s
}

// call invokes m with generated arguments (strs overriding string
// parameters) under a short timeout, and returns its result and the
// requests it sent.
func (h *harness) call(t *testing.T, m svcMethod, strs map[int]string) (callResult, []recorded) {
	t.Helper()
	h.take()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	res := invoke(m, callArgs(t, m, ctx, strs))
	return res, h.take()
}

// stringParams returns the indexes of m's string parameters.
func stringParams(m svcMethod) []int {
	var idx []int
	ft := m.fn.Type()
	for i := 0; i < ft.NumIn(); i++ {
		if ft.In(i).Kind() == reflect.String {
			idx = append(idx, i)
		}
	}
	return idx
}

// serverError answers every request with a JSON 500.
func serverError(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusInternalServerError, `{"message":"harness failure"}`)
}

// TestHarnessReachesEveryMethod checks the harness itself: every method of
// every service sends at least one request with the generated arguments.
// When a new method's body needs valid content, add it to validBodies.
func TestHarnessReachesEveryMethod(t *testing.T) {
	h := newHarness(t, serverError)
	methods := allMethods(h.Client)
	if len(methods) < 50 {
		t.Fatalf("only %d methods found", len(methods))
	}
	for _, m := range methods {
		res, reqs := h.call(t, m, nil)
		if len(reqs) == 0 {
			t.Errorf("%s sent no request (error: %v); give its body type a valid value in validBodies", m, res.Err)
			continue
		}
		if res.Err == nil {
			t.Errorf("%s returned no error for a 500", m)
		}
	}
	t.Logf("%d service methods reached", len(methods))
}
