package ghesadmin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestActionsService_RunnerEndpoints(t *testing.T) {
	const runner = "/enterprises/octo-corp/actions/runners/23"
	labels := func(method, body, reply string) call {
		return call{Method: method, Path: runner + "/labels", JSON: body, Reply: reply}
	}
	setLabels := func(names []string) endpointFunc {
		return func(ctx context.Context, c *Client) (any, *Response, error) {
			return c.Actions.SetRunnerLabels(ctx, "octo-corp", 23, names)
		}
	}
	runStrictEndpointCases(t, []endpointCase{
		{"ListRunners", call{Method: http.MethodGet, Path: "/enterprises/" + testEnterpriseEscaped + "/actions/runners", Query: url.Values{"name": {"linux_runner"}, "page": {"1"}, "per_page": {"100"}}, Reply: "runners/list.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.Actions.ListRunners(ctx, testEnterprise, &ListRunnersOptions{Name: "linux_runner", ListOptions: ListOptions{Page: 1, PerPage: 100}})
			}, wantPaginatedRunners()},
		{"CreateRemoveToken", call{Method: http.MethodPost, Path: "/enterprises/octo-corp/actions/runners/remove-token", Status: http.StatusCreated, Reply: "runners/remove_token.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.Actions.CreateRemoveToken(ctx, "octo-corp")
			},
			&RunnerToken{Token: "AABF3JGZDX3P5PMEXLND6TS6FCWO6", ExpiresAt: mustTime(t, "2020-01-29T12:13:35.123-08:00")}},
		{"GenerateJITConfig required fields only", call{Method: http.MethodPost, Path: "/enterprises/octo-corp/actions/runners/generate-jitconfig", JSON: `{"name":"r","runner_group_id":3,"labels":["gpu"]}`, Status: http.StatusCreated, Reply: "runners/jitconfig.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.Actions.GenerateJITConfig(ctx, "octo-corp", GenerateJITConfigRequest{Name: "r", RunnerGroupID: 3, Labels: []string{"gpu"}})
			}, wantJITConfig()},
		{"GetRunner", call{Method: http.MethodGet, Path: runner, Reply: "runners/get.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.Actions.GetRunner(ctx, "octo-corp", 23)
			},
			&Runner{ID: 23, Name: "MBP", OS: "macos", Status: "online", Busy: true, Ephemeral: false, Version: "2.323.0", Labels: wantRunnerLabels4().Labels}},
		{"DeleteRunner", call{Method: http.MethodDelete, Path: "/enterprises/" + testEnterpriseEscaped + "/actions/runners/23", Status: http.StatusNoContent},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return noResult(c.Actions.DeleteRunner(ctx, testEnterprise, 23))
			}, nil},
		{"ListRunnerLabels", labels(http.MethodGet, "", "runners/labels_list.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.Actions.ListRunnerLabels(ctx, "octo-corp", 23)
			},
			wantRunnerLabels4()},
		{"AddRunnerLabels", labels(http.MethodPost, `{"labels":["gpu","accelerated"]}`, "runners/labels_add.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.Actions.AddRunnerLabels(ctx, "octo-corp", 23, []string{"gpu", "accelerated"})
			}, wantRunnerLabels4()},
		{"SetRunnerLabels", labels(http.MethodPut, `{"labels":["gpu","accelerated"]}`, "runners/labels_set.json"), setLabels([]string{"gpu", "accelerated"}), wantRunnerLabels4()},
		// No labels removes every custom label.
		{"SetRunnerLabels none", labels(http.MethodPut, `{"labels":[]}`, "runners/labels_set.json"), setLabels(nil), wantRunnerLabels4()},
		{"RemoveRunnerLabels", labels(http.MethodDelete, "", "runners/labels_remove_all.json"),
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.Actions.RemoveRunnerLabels(ctx, "octo-corp", 23)
			},
			&RunnerLabels{TotalCount: 3, Labels: wantRunnerLabels4().Labels[:3]}},
		// The label name is one escaped segment.
		{"RemoveRunnerLabel", call{Method: http.MethodDelete, Path: "/enterprises/" + testEnterpriseEscaped + "/actions/runners/23/labels/no%2Fgpu%20%3F%25", Reply: "runners/labels_remove.json"},
			func(ctx context.Context, c *Client) (any, *Response, error) {
				return c.Actions.RemoveRunnerLabel(ctx, testEnterprise, 23, "no/gpu ?%")
			}, wantRunnerLabels4()},
	})
}

func TestActionsService_ListRunnersIter(t *testing.T) {
	opts := &ListRunnersOptions{Name: "mac runner", ListOptions: ListOptions{PerPage: 1}}
	before := *opts
	const path = "/enterprises/octo-corp/actions/runners"
	query := url.Values{"name": {"mac runner"}, "per_page": {"1"}}
	base := path + "?name=mac+runner&per_page=1&page="
	runnerIDs := func(ctx context.Context, c *Client, opts *ListRunnersOptions) ([]int64, error) {
		return collectIDs(c.Actions.ListRunnersIter(ctx, "octo-corp", opts), func(r *Runner) int64 { return r.ID })
	}
	runWalkCases(t, []walkCase{
		{name: "options", path: path, pages: []walkPage{
			{query: withPage(query, ""), next: pageLinks(base, "2", "next", "3", "last"), reply: `{"total_count":3,"runners":[{"id":10,"name":"mac runner"}]}`},
			{query: withPage(query, "2"), next: pageLinks(base, "3", "next", "3", "last"), reply: `{"total_count":3,"runners":[{"id":20,"name":"mac runner"}]}`},
			{query: withPage(query, "3"), next: pageLinks(base, "1", "first"), reply: `{"total_count":3,"runners":[{"id":30,"name":"mac runner"}]}`},
		}, walk: func(ctx context.Context, c *Client) ([]int64, error) { return runnerIDs(ctx, c, opts) }, want: []int64{10, 20, 30}},
		// With prefetch the pages still come in order.
		{name: "prefetch", path: path, opts: []Option{WithPagePrefetch(2)}, pages: []walkPage{
			{next: pageLinks(path+"?page=", "3", "last", "2", "next"), reply: `{"total_count":3,"runners":[{"id":1}]}`},
			{query: url.Values{"page": {"2"}}, next: pageLinks(path+"?page=", "3", "last", "3", "next"), reply: `{"total_count":3,"runners":[{"id":2}]}`},
			{query: url.Values{"page": {"3"}}, next: pageLinks(path+"?page=", "3", "last"), reply: `{"total_count":3,"runners":[{"id":3}]}`},
		}, walk: func(ctx context.Context, c *Client) ([]int64, error) { return runnerIDs(ctx, c, nil) }, want: []int64{1, 2, 3}},
	})
	require.Equal(t, before, *opts, "the iterator changed the options")
}

func TestActionsService_ListRunnerApplications(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprises/octo-corp/actions/runners/downloads", Reply: "runners/applications.json"})
	got, _, err := env.Client.Actions.ListRunnerApplications(context.Background(), "octo-corp")
	require.NoError(t, err, "ListRunnerApplications")
	// The reference's tokens are long JWTs: check them by their ends.
	const tokStart = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6IkJmSjdCUXpLdXhjWDc4WnJ5NUxnUW53ZFRrMCJ9."
	tokEnds := []string{"LLtA1PNA", "LLtA1PNA", "vSAh9NW67RGvmehmpw", "LLtA1PNA", "LLtA1PNA"}
	want := []*RunnerApplication{
		{OS: "osx", Architecture: "x64", DownloadURL: "https://github.com/actions/runner/releases/download/v2.277.1/actions-runner-osx-x64-2.277.1.tar.gz", Filename: "actions-runner-osx-x64-2.277.1.tar.gz", SHA256Checksum: "f1fa173889dc9036cd529417e652e1729e5a3f4d35ec0151806d7480fda6b89b"},
		{OS: "linux", Architecture: "x64", DownloadURL: "https://github.com/actions/runner/releases/download/v2.277.1/actions-runner-linux-x64-2.277.1.tar.gz", Filename: "actions-runner-linux-x64-2.277.1.tar.gz", SHA256Checksum: "02d710fc9e0008e641274bb7da7fde61f7c9aa1cbb541a2990d3450cc88f4e98"},
		{OS: "linux", Architecture: "arm", DownloadURL: "https://github.com/actions/runner/releases/download/v2.277.1/actions-runner-linux-arm-2.277.1.tar.gz", Filename: "actions-runner-linux-arm-2.277.1.tar.gz", SHA256Checksum: "2f2bda21e2fd8fed6938b33182a293f6b1f74e4c5d09acd6d9a0fe3f979f5c85"},
		{OS: "win", Architecture: "x64", DownloadURL: "https://github.com/actions/runner/releases/download/v2.277.1/actions-runner-win-x64-2.277.1.zip", Filename: "actions-runner-win-x64-2.277.1.zip", SHA256Checksum: "7215c75a462eeb6a839fa8ed298d79f620617d44d47d37c583114fc3f3b27b30"},
		{OS: "linux", Architecture: "arm64", DownloadURL: "https://github.com/actions/runner/releases/download/v2.277.1/actions-runner-linux-arm64-2.277.1.tar.gz", Filename: "actions-runner-linux-arm64-2.277.1.tar.gz", SHA256Checksum: "a6aa6dd0ba217118ef2b4ea24e9e0a85b02b13c38052a5de0776d6ced3a79c64"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d applications, want %d", len(got), len(want))
	}
	for i, app := range got {
		tok := app.TempDownloadToken
		if !strings.HasPrefix(tok, tokStart) || !strings.HasSuffix(tok, tokEnds[i]) || len(tok) < 1000 {
			t.Errorf("[%d].TempDownloadToken = %.40q…, not the reference's token", i, tok)
		}
		want[i].TempDownloadToken = tok // checked above
	}
	assertFields(t, "ListRunnerApplications", got, want)
	assertFixtureFullyMapped(t, "runners/applications.json", []*RunnerApplication{})
	if s := fmt.Sprintf("%v %+v %#v %s", *got[0], *got[0], *got[0], got[0]); strings.Contains(s, tokEnds[0]) || !strings.Contains(s, "actions-runner-osx-x64-2.277.1.tar.gz") {
		t.Errorf("formatting an application shows its token or hides its file: %s", s)
	}
}

func TestActionsService_CreateRegistrationToken(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/enterprises/" + testEnterpriseEscaped + "/actions/runners/registration-token", Status: http.StatusCreated, Reply: "runners/registration_token.json"})
	got, resp, err := env.Client.Actions.CreateRegistrationToken(context.Background(), testEnterprise)
	requireStatus(t, resp, err, http.StatusCreated)
	assertFields(t, "CreateRegistrationToken", got, &RunnerToken{
		Token:     "LLBF3JGZDX3P5PMEXLND6TS6FCWO6",
		ExpiresAt: mustTime(t, "2020-01-22T12:13:35.123-08:00"),
	})
	assertFixtureFullyMapped(t, "runners/registration_token.json", RunnerToken{})
	if s := fmt.Sprintf("%v %+v %#v %s", *got, *got, *got, got); strings.Contains(s, "LLBF3JGZDX3P5PMEXLND6TS6FCWO6") {
		t.Errorf("formatting the token shows it: %s", s)
	}
}

// wantJITConfig is testdata/runners/jitconfig.json.
func wantJITConfig() *JITRunnerConfig {
	return &JITRunnerConfig{
		Runner:           &Runner{ID: 23, Name: "New runner", OS: "unknown", Status: "offline", Busy: false, Labels: wantRunnerLabels4().Labels},
		EncodedJITConfig: "abc123",
	}
}

func TestActionsService_GenerateJITConfig(t *testing.T) {
	env := mock(t)
	// The reference's request example.
	env.expect(t, call{Method: http.MethodPost, Path: "/enterprises/octo-corp/actions/runners/generate-jitconfig", JSON: `{"name":"New runner","runner_group_id":1,"labels":["self-hosted","X64","macOS","no-gpu"],"work_folder":"_work"}`, Status: http.StatusCreated, Reply: "runners/jitconfig.json"})
	got, resp, err := env.Client.Actions.GenerateJITConfig(context.Background(), "octo-corp", GenerateJITConfigRequest{
		Name:          "New runner",
		RunnerGroupID: 1,
		Labels:        []string{"self-hosted", "X64", "macOS", "no-gpu"},
		WorkFolder:    Ptr("_work"),
	})
	requireStatus(t, resp, err, http.StatusCreated)
	assertFields(t, "GenerateJITConfig", got, wantJITConfig())
	assertFixtureFullyMapped(t, "runners/jitconfig.json", JITRunnerConfig{})
	if s := fmt.Sprintf("%v %+v %#v %s", *got, *got, *got, got); strings.Contains(s, "abc123") || !strings.Contains(s, "New runner") {
		t.Errorf("formatting the configuration shows it or hides the runner: %s", s)
	}
}

// validationErrorSimple is a body of the reference's validation-error-simple
// schema (message, documentation_url, errors as strings), which the runner
// operations document for 422 without an example.
const validationErrorSimple = `{"message":"Validation Failed","documentation_url":"https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runners","errors":["Runner is busy running a job"]}`

func assertSimpleValidation(t *testing.T, err error) {
	t.Helper()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error = %v (%T), want a *ValidationError", err, err)
	}
	if ve.Message != "Validation Failed" || ve.DocumentationURL != "https://docs.github.com/enterprise-server@3.22/rest/actions/self-hosted-runners" {
		t.Errorf("error = %+v", ve.ErrorResponse)
	}
	assert.Equal(t, []FieldError{{Message: "Runner is busy running a job"}}, ve.Errors, "Errors")
}

func TestActionsService_DeleteRunner_validation(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodDelete, Path: "/enterprises/octo-corp/actions/runners/23", Status: http.StatusUnprocessableEntity, ReplyJSON: validationErrorSimple})
	resp, err := env.Client.Actions.DeleteRunner(context.Background(), "octo-corp", 23)
	if resp == nil || resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("resp = %v, want the 422", resp)
	}
	assertSimpleValidation(t, err)
}

func wantRunnerLabels4() *RunnerLabels {
	return &RunnerLabels{
		TotalCount: 4,
		Labels: []*RunnerLabel{
			{ID: 5, Name: "self-hosted", Type: RunnerLabelReadOnly},
			{ID: 7, Name: "X64", Type: RunnerLabelReadOnly},
			{ID: 20, Name: "macOS", Type: RunnerLabelReadOnly},
			{ID: 21, Name: "no-gpu", Type: RunnerLabelCustom},
		},
	}
}

func TestActionsService_AddRunnerLabels_validation(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodPost, Path: "/enterprises/octo-corp/actions/runners/23/labels", JSON: `{"labels":["gpu"]}`, Status: http.StatusUnprocessableEntity, ReplyJSON: validationErrorSimple})
	got, _, err := env.Client.Actions.AddRunnerLabels(context.Background(), "octo-corp", 23, []string{"gpu"})
	if got != nil {
		t.Errorf("AddRunnerLabels returned %+v with an error", got)
	}
	assertSimpleValidation(t, err)
}

func TestActionsService_RemoveRunnerLabel_validation(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodDelete, Path: "/enterprises/octo-corp/actions/runners/23/labels/self-hosted", Status: http.StatusUnprocessableEntity, ReplyJSON: validationErrorSimple})
	_, _, err := env.Client.Actions.RemoveRunnerLabel(context.Background(), "octo-corp", 23, "self-hosted")
	assertSimpleValidation(t, err)
}

func TestActionsService_runners_refusedBeforeSending(t *testing.T) {
	env := setup(t) // no handler: nothing may be sent
	ctx := context.Background()
	many := make([]string, 101)
	for i := range many {
		many[i] = fmt.Sprint("l", i)
	}
	_, _, err1 := env.Client.Actions.AddRunnerLabels(ctx, "octo-corp", 23, nil)
	_, _, err2 := env.Client.Actions.AddRunnerLabels(ctx, "octo-corp", 23, many)
	_, _, err3 := env.Client.Actions.SetRunnerLabels(ctx, "octo-corp", 23, many)
	_, _, err4 := env.Client.Actions.GenerateJITConfig(ctx, "octo-corp", GenerateJITConfigRequest{Name: "r", RunnerGroupID: 1})
	_, _, err5 := env.Client.Actions.RemoveRunnerLabel(ctx, "octo-corp", 23, "..")
	_, _, err6 := env.Client.Actions.RemoveRunnerLabel(ctx, "octo-corp", 23, "")
	_, _, err7 := env.Client.Actions.GetRunner(ctx, "", 23)
	_, _, err8 := env.Client.Actions.ListRunners(ctx, "octo-corp", &ListRunnersOptions{ListOptions: ListOptions{Page: -1}})
	for i, err := range []error{err1, err2, err3, err4, err5, err6, err7, err8} {
		if !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("call %d: error = %v, want ErrInvalidArgument", i+1, err)
		}
	}
}

// TestRunnerSecretsNeverPrinted: the tokens and the JIT configuration GHES
// returns hold credentials; printing them in any form shows none.
func TestRunnerSecretsNeverPrinted(t *testing.T) {
	tok := RunnerToken{Token: "AABF3JGZDX3P5PMEXLND6TS6FCWO6"}
	jit := JITRunnerConfig{EncodedJITConfig: "eyJydW5uZXIiOiJTRUNSRVQifQ=="}
	values := []any{tok, &tok, jit, &jit, []*RunnerToken{&tok}}
	for _, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
			out := fmt.Sprintf(verb, v)
			if strings.Contains(out, tok.Token) || strings.Contains(out, jit.EncodedJITConfig) {
				t.Errorf("%s of %T shows the secret: %s", verb, v, out)
			}
			if !strings.Contains(out, "REDACTED") {
				t.Errorf("%s of %T does not say it is redacted: %s", verb, v, out)
			}
		}
	}
	if tok.Token == "" || jit.EncodedJITConfig == "" {
		t.Fatal("the fields themselves must keep their values")
	}
}
