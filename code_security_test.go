package ghesadmin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An enterprise slug that needs escaping: it must reach the server as one
// segment.
const (
	acmeCorp        = "acme corp"
	acmeCorpEscaped = "acme%20corp"
)

// queryCase is the options of a list call and the exact query they send.
type queryCase[O any] struct {
	name  string
	opts  *O
	query url.Values
}

// bodyCase is a request body and the exact JSON it sends.
type bodyCase[B any] struct {
	name string
	body B
	json string
}

// replyCase is a call that answers one value, decoded into a *T.
type replyCase[T any] struct {
	name   string
	call   call
	invoke func(c *Client) (*T, *Response, error)
}

// testReplyCases runs each case with testdata/reply as the reply's body,
// checks the value decoded field by field against want, and that T keeps
// every key of the fixture.
func testReplyCases[T any](t *testing.T, reply string, want T, cases []replyCase[T]) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := mock(t)
			tc.call.Reply = reply
			env.expect(t, tc.call)
			got, resp, err := tc.invoke(env.Client)
			requireStatus(t, resp, err, http.StatusOK)
			assertFields(t, reply, *got, want)
		})
	}
	assertCoversFixture(t, reply, want)
}

// testListQueries runs list with each case's options, answering
// testdata/reply to the request with the case's exact query, and hands the
// reply's only item to check; T must keep every key of the fixture.
func testListQueries[O, T any](t *testing.T, path, reply string, cases []queryCase[O], list func(ctx context.Context, c *Client, opts *O) ([]*T, *Response, error), check func(t *testing.T, got *T)) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := mock(t)
			env.expect(t, call{Method: http.MethodGet, Path: path, Query: tc.query, Reply: reply})
			got, resp, err := list(context.Background(), env.Client, tc.opts)
			requireStatus(t, resp, err, http.StatusOK)
			require.Len(t, got, 1)
			check(t, got[0])
		})
	}
	assertCoversFixture(t, reply, []*T{})
}

// errorReply lists the documented error replies of an endpoint: the
// request the call sends (testErrorReplies sets its Status and reply), the
// error statuses, and the call.
type errorReply struct {
	name     string
	call     call
	statuses []int
	invoke   func(ctx context.Context, c *Client) (*Response, error)
}

// testErrorReplies answers each call with its documented error status and
// checks the caller gets the SDK's typed error for it: ErrNotFound (404),
// ErrForbidden (403), *ValidationError with its field errors (422), and an
// *ErrorResponse with the status and message for the others (400, 409, 503).
func testErrorReplies(t *testing.T, cases []errorReply) {
	t.Helper()
	for _, tc := range cases {
		for _, status := range tc.statuses {
			t.Run(fmt.Sprintf("%s/%d", tc.name, status), func(t *testing.T) {
				testErrorReply(t, tc, status)
			})
		}
	}
}

func testErrorReply(t *testing.T, tc errorReply, status int) {
	env := mock(t)
	c := tc.call
	c.Status = status
	c.ReplyJSON = fmt.Sprintf(`{"message":"status %d","documentation_url":"https://docs.github.com/enterprise-server@3.19/rest"}`, c.Status)
	if c.Status == http.StatusUnprocessableEntity {
		c.ReplyJSON = `{"message":"Validation Failed","errors":[{"resource":"Enterprise","code":"invalid","field":"name"}]}`
	}
	env.expect(t, c)
	resp, err := tc.invoke(context.Background(), env.Client)
	require.Error(t, err)
	require.NotNil(t, resp, "response")
	assert.Equal(t, c.Status, resp.StatusCode, "status")
	var er *ErrorResponse
	require.True(t, errors.As(err, &er), "err = %T %v, want an *ErrorResponse", err, err)
	assert.Equal(t, c.Status, er.StatusCode())
	switch c.Status {
	case http.StatusNotFound:
		assert.ErrorIs(t, err, ErrNotFound)
	case http.StatusForbidden:
		assert.ErrorIs(t, err, ErrForbidden)
		assert.NotErrorIs(t, err, ErrRateLimited)
	case http.StatusUnprocessableEntity:
		var ve *ValidationError
		require.True(t, errors.As(err, &ve), "err = %T %v, want *ValidationError", err, err)
		assert.Equal(t, "Validation Failed", ve.Message)
		assert.Equal(t, []FieldError{{Resource: "Enterprise", Code: "invalid", Field: "name"}}, ve.Errors)
	default:
		assert.Equal(t, fmt.Sprintf("status %d", c.Status), er.Message)
		assert.Equal(t, "https://docs.github.com/enterprise-server@3.19/rest", er.DocumentationURL)
		var ve *ValidationError
		assert.False(t, errors.As(err, &ve), "a %d is not a validation error", c.Status)
		assert.NotErrorIs(t, err, ErrNotFound)
	}
}

func TestCodeSecurityGetSettings(t *testing.T) {
	testReplyCases(t, "code_security/settings.json", CodeSecurityAndAnalysis{
		AdvancedSecurityEnabledForNewRepositories:                  true,
		AdvancedSecurityEnabledForNewUserNamespaceRepositories:     true,
		DependabotAlertsEnabledForNewRepositories:                  true,
		SecretScanningEnabledForNewRepositories:                    true,
		SecretScanningPushProtectionEnabledForNewRepositories:      true,
		SecretScanningPushProtectionCustomLink:                     Ptr("value-of-secret_scanning_push_protection_custom_link"),
		SecretScanningNonProviderPatternsEnabledForNewRepositories: true,
	}, []replyCase[CodeSecurityAndAnalysis]{{"GetSettings", call{Method: http.MethodGet, Path: "/enterprises/" + acmeCorpEscaped + "/code_security_and_analysis"},
		func(c *Client) (*CodeSecurityAndAnalysis, *Response, error) {
			return c.CodeSecurity.GetSettings(context.Background(), acmeCorp)
		}}})
}

func TestCodeSecurityUpdateSettings(t *testing.T) {
	for _, tc := range []bodyCase[UpdateCodeSecurityAndAnalysisRequest]{
		{"every field", UpdateCodeSecurityAndAnalysisRequest{
			AdvancedSecurityEnabledForNewRepositories:                  Ptr(true),
			AdvancedSecurityEnabledNewUserNamespaceRepos:               Ptr(false),
			DependabotAlertsEnabledForNewRepositories:                  Ptr(true),
			SecretScanningEnabledForNewRepositories:                    Ptr(false),
			SecretScanningPushProtectionEnabledForNewRepositories:      Ptr(true),
			SecretScanningPushProtectionCustomLink:                     Ptr("https://ghe.example.com/help"),
			SecretScanningNonProviderPatternsEnabledForNewRepositories: Ptr(false),
		}, `{"advanced_security_enabled_for_new_repositories":true,"advanced_security_enabled_new_user_namespace_repos":false,
			"dependabot_alerts_enabled_for_new_repositories":true,"secret_scanning_enabled_for_new_repositories":false,
			"secret_scanning_push_protection_enabled_for_new_repositories":true,
			"secret_scanning_push_protection_custom_link":"https://ghe.example.com/help",
			"secret_scanning_non_provider_patterns_enabled_for_new_repositories":false}`},
		{"one field, the others absent", UpdateCodeSecurityAndAnalysisRequest{SecretScanningPushProtectionCustomLink: Ptr("")},
			`{"secret_scanning_push_protection_custom_link":""}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := mock(t)
			env.expect(t, call{Method: http.MethodPatch, Path: "/enterprises/" + acmeCorpEscaped + "/code_security_and_analysis", JSON: tc.json, Status: http.StatusNoContent})
			resp, err := env.Client.CodeSecurity.UpdateSettings(context.Background(), acmeCorp, tc.body)
			requireStatus(t, resp, err, http.StatusNoContent)
		})
	}
}

func TestCodeSecuritySetFeature(t *testing.T) {
	for _, tc := range []struct {
		product    SecurityProduct
		enablement SecurityEnablement
	}{
		{SecurityProductAdvancedSecurity, SecurityEnableAll},
		{SecurityProductAdvancedSecurityUserNamespace, SecurityDisableAll},
		{SecurityProductDependabotAlerts, SecurityEnableAll},
		{SecurityProductSecretScanning, SecurityDisableAll},
		{SecurityProductSecretScanningPushProtection, SecurityEnableAll},
		{SecurityProductSecretScanningNonProvider, SecurityDisableAll},
	} {
		t.Run(string(tc.product), func(t *testing.T) {
			env := mock(t)
			env.expect(t, call{Method: http.MethodPost, Path: "/enterprises/" + acmeCorpEscaped + "/" + string(tc.product) + "/" + string(tc.enablement), Status: http.StatusNoContent})
			resp, err := env.Client.CodeSecurity.SetFeature(context.Background(), acmeCorp, tc.product, tc.enablement)
			requireStatus(t, resp, err, http.StatusNoContent)
		})
	}
}

func TestCodeSecurityErrorReplies(t *testing.T) {
	base := "/enterprises/" + acmeCorpEscaped
	get := func(ctx context.Context, c *Client) (*Response, error) {
		_, resp, err := c.CodeSecurity.GetSettings(ctx, acmeCorp)
		return resp, err
	}
	update := func(ctx context.Context, c *Client) (*Response, error) {
		return c.CodeSecurity.UpdateSettings(ctx, acmeCorp, UpdateCodeSecurityAndAnalysisRequest{DependabotAlertsEnabledForNewRepositories: Ptr(true)})
	}
	feature := func(ctx context.Context, c *Client) (*Response, error) {
		return c.CodeSecurity.SetFeature(ctx, acmeCorp, SecurityProductSecretScanning, SecurityEnableAll)
	}
	testErrorReplies(t, []errorReply{
		{"GetSettings", call{Method: http.MethodGet, Path: base + "/code_security_and_analysis"}, []int{404}, get},
		{"UpdateSettings", call{Method: http.MethodPatch, Path: base + "/code_security_and_analysis", JSON: `{"dependabot_alerts_enabled_for_new_repositories":true}`}, []int{404, 422}, update},
		{"SetFeature", call{Method: http.MethodPost, Path: base + "/secret_scanning/enable_all"}, []int{404, 422}, feature},
	})
}

func TestCodeSecurityArgumentsRefused(t *testing.T) {
	env := mock(t) // no expectations: a request sent fails the test
	ctx, c := context.Background(), env.Client
	checkRefusals(t, []refusal{
		{"CodeSecurity.GetSettings: enterprise", func() error {
			_, _, err := c.CodeSecurity.GetSettings(ctx, "")
			return err
		}(), "CodeSecurity.GetSettings", "enterprise"},
		{"CodeSecurity.UpdateSettings: enterprise", func() error {
			_, err := c.CodeSecurity.UpdateSettings(ctx, "..", UpdateCodeSecurityAndAnalysisRequest{})
			return err
		}(), "CodeSecurity.UpdateSettings", "enterprise"},
		{"CodeSecurity.SetFeature: product", func() error {
			_, err := c.CodeSecurity.SetFeature(ctx, "e", "code_magic", SecurityEnableAll)
			return err
		}(), "CodeSecurity.SetFeature", "product"},
		{"CodeSecurity.SetFeature: enablement", func() error {
			_, err := c.CodeSecurity.SetFeature(ctx, "e", SecurityProductSecretScanning, "enable_some")
			return err
		}(), "CodeSecurity.SetFeature", "enablement"},
		{"CodeSecurity.SetFeature: enterprise", func() error {
			_, err := c.CodeSecurity.SetFeature(ctx, "", SecurityProductSecretScanning, SecurityEnableAll)
			return err
		}(), "CodeSecurity.SetFeature", "enterprise"},
	})
}
