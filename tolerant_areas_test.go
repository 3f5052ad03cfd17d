package ghesadmin

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 12 over the areas of issues 17 and 18: the examples of GHES 3.12–3.19
// deviate from their own schemas in the shapes these fixtures (written for
// the SDK, in those shapes) show. Each is read by the type itself, so that
// a plain json.Unmarshal and the SDK's lenient path agree.

// decodeTolerant decodes testdata/tolerant/name with json.Unmarshal and with
// decodeLenient, requires both to succeed with the same result, and returns it.
func decodeTolerant[T any](t *testing.T, name string) T {
	t.Helper()
	b := fixture(t, "tolerant/"+name)
	var plain, lenient T
	require.NoError(t, json.Unmarshal(b, &plain), "json.Unmarshal %s", name)
	unread, err := decodeLenient(b, &lenient)
	require.NoError(t, err, "decodeLenient %s", name)
	require.Empty(t, unread, "decodeLenient %s", name)
	require.Equal(t, plain, lenient, "%s: json.Unmarshal and decodeLenient differ", name)
	return plain
}

// reencode returns v encoded and decoded again as generic JSON.
func reencode(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var out any
	require.NoError(t, json.Unmarshal(b, &out))
	return out
}

func TestFlexFloatReadsNumbersAndNumericStrings(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{`0.16001`, 0.16001},
		{`"0.16001e0"`, 0.16001},
		{`" 12 "`, 12},
		{`1e-5`, 0.00001},
		{`""`, 0},
		{`null`, 0},
	} {
		var f FlexFloat
		require.NoError(t, json.Unmarshal([]byte(tc.in), &f), tc.in)
		assert.Equal(t, tc.want, f.Float64(), tc.in)
	}
	for _, bad := range []string{`"high"`, `{}`, `[1]`, `true`} {
		var f FlexFloat
		assert.Error(t, json.Unmarshal([]byte(bad), &f), bad)
	}
}

func TestFlexFloatSendsBackWhatItRead(t *testing.T) {
	for _, in := range []string{`"0.16001e0"`, `1e-5`, `0.00045`, `"7"`} {
		var f FlexFloat
		require.NoError(t, json.Unmarshal([]byte(in), &f))
		out, err := json.Marshal(f)
		require.NoError(t, err)
		assert.Equal(t, in, string(out), "unchanged value is sent as it came")
	}
	// A changed value is sent as a number; so is a new one.
	var f FlexFloat
	require.NoError(t, json.Unmarshal([]byte(`"0.16001e0"`), &f))
	f.Value = 0.25
	out, err := json.Marshal(f)
	require.NoError(t, err)
	assert.Equal(t, `0.25`, string(out))
	out, err = json.Marshal(NewFlexFloat(3.5))
	require.NoError(t, err)
	assert.Equal(t, `3.5`, string(out))
	out, err = json.Marshal(FlexFloat{})
	require.NoError(t, err)
	assert.Equal(t, `0`, string(out))
}

// GHES 3.16's example sends security_advisory.epss as a one-element array,
// 3.17–3.19's send the percentile as a string: no alert is lost, and the
// values survive a round trip.
func TestDependabotAlertEPSSShapes(t *testing.T) {
	alerts := decodeTolerant[[]*DependabotAlert](t, "dependabot_alerts_epss.json")
	require.Len(t, alerts, 3)
	for i, a := range alerts {
		require.NotNil(t, a.SecurityAdvisory, "alert %d", i)
		require.NotNil(t, a.SecurityAdvisory.EPSS, "alert %d: epss lost", i)
	}
	assert.Equal(t, 0.00045, alerts[0].SecurityAdvisory.EPSS.Percentage.Float64(), "array form")
	assert.Equal(t, 0.16001, alerts[0].SecurityAdvisory.EPSS.Percentile.Float64(), "array form")
	assert.Equal(t, 0.16001, alerts[1].SecurityAdvisory.EPSS.Percentile.Float64(), "string percentile")
	assert.Equal(t, 0.00001, alerts[2].SecurityAdvisory.EPSS.Percentage.Float64(), "number")
	assert.Equal(t, 0.5, alerts[2].SecurityAdvisory.EPSS.Percentile.Float64(), "number")

	// Re-encoded in the documented shape (an object), each value as sent.
	got := reencode(t, alerts).([]any)
	epss := func(i int) any {
		return got[i].(map[string]any)["security_advisory"].(map[string]any)["epss"]
	}
	assert.Equal(t, map[string]any{"percentage": 0.00045, "percentile": "0.16001e0"}, epss(0))
	assert.Equal(t, map[string]any{"percentage": 0.00045, "percentile": "0.16001e0"}, epss(1))
	assert.Equal(t, map[string]any{"percentage": 1e-5, "percentile": 0.5}, epss(2))

	// An empty array is no score, not an error.
	var adv SecurityAdvisory
	require.NoError(t, json.Unmarshal([]byte(`{"ghsa_id":"GHSA-1","epss":[]}`), &adv))
	assert.Equal(t, "GHSA-1", adv.GHSAID)
}

// The SCIM groups' examples (GHES 3.12–3.19) spell the members' "$ref" as
// "$+ref" and "display" as "displayName"; both are read, and the documented
// key wins where both are sent.
func TestSCIMGroupMemberExampleKeys(t *testing.T) {
	g := decodeTolerant[SCIMGroup](t, "scim_group_members.json")
	require.Len(t, g.Members, 2)
	assert.Equal(t, SCIMReference{
		Value:   "879db59-3bdf-4490-ad68-ab880a2694745",
		Ref:     "https://ghes.example.com/api/v3/scim/v2/Users/879db59-3bdf-4490-ad68-ab880a2694745",
		Display: "User 1",
	}, g.Members[0])
	assert.Equal(t, SCIMReference{
		Value:   "0db508eb-91e2-46e4-809c-30dcbda0c685",
		Ref:     "https://ghes.example.com/api/v3/scim/v2/Users/0db508eb-91e2-46e4-809c-30dcbda0c685",
		Display: "User 2",
	}, g.Members[1], "the documented keys win")
	assert.Equal(t, "Engineering", g.DisplayName, "the group's own displayName is untouched")

	// Encoded under the documented keys only.
	m := reencode(t, g.Members[0]).(map[string]any)
	assert.Equal(t, map[string]any{
		"value":   "879db59-3bdf-4490-ad68-ab880a2694745",
		"$ref":    "https://ghes.example.com/api/v3/scim/v2/Users/879db59-3bdf-4490-ad68-ab880a2694745",
		"display": "User 1",
	}, m)
}

// GHES 3.19's example of the accessible repositories spells the second
// item's "name" as "login".
func TestAccessibleRepositoryLoginForName(t *testing.T) {
	repos := decodeTolerant[[]*AccessibleRepository](t, "accessible_repositories.json")
	require.Len(t, repos, 2)
	assert.Equal(t, AccessibleRepository{ID: 1, Name: "Hello World", FullName: "octocat/Hello-World"}, *repos[0])
	assert.Equal(t, AccessibleRepository{ID: 2, Name: "Goodbye World", FullName: "octocat/Goodbye-World"}, *repos[1])
	var both AccessibleRepository
	require.NoError(t, json.Unmarshal([]byte(`{"id":3,"name":"doc","login":"typo"}`), &both))
	assert.Equal(t, "doc", both.Name, "the documented key wins")
}

// GHES 3.16–3.19's examples wrap a configuration repository's "repository"
// in {"value": {…}, "x-ref": "simple-repository"}; the schema documents the
// repository itself. Both shapes are read.
func TestConfigurationRepositoryReferenceWrapper(t *testing.T) {
	items := decodeTolerant[[]*ConfigurationRepository](t, "configuration_repositories_wrapped.json")
	require.Len(t, items, 2)
	r := items[0].Repository
	require.NotNil(t, r)
	assert.Equal(t, int64(1296269), r.ID)
	assert.Equal(t, "MDEwOlJlcG9zaXRvcnkxMjk2MjY5", r.NodeID)
	assert.Equal(t, "octocat/Hello-World", r.FullName)
	require.NotNil(t, r.Owner)
	assert.Equal(t, "octocat", r.Owner.Login)
	assert.Equal(t, "git:ghes.example.com/octocat/Hello-World.git", r.GitURL)
	assert.Equal(t, "git@ghes.example.com:octocat/Hello-World.git", r.SSHURL)
	assert.Equal(t, ConfigurationRepositoryStatus("attached"), items[0].Status)
	require.NotNil(t, items[1].Repository)
	assert.Equal(t, "octocat/plain", items[1].Repository.FullName, "the documented shape")

	// Encoded in the documented shape.
	repo := reencode(t, items[0]).(map[string]any)["repository"].(map[string]any)
	assert.Equal(t, "octocat/Hello-World", repo["full_name"])
	assert.NotContains(t, repo, "value")
	assert.NotContains(t, repo, "x-ref")
}

// PUT …/configurations/{id}/defaults: the example wraps "configuration".
func TestDefaultConfigurationReferenceWrapper(t *testing.T) {
	d := decodeTolerant[DefaultCodeSecurityConfiguration](t, "configuration_defaults_wrapped.json")
	assert.Equal(t, DefaultForNewRepos("all"), d.DefaultForNewRepos)
	require.NotNil(t, d.Configuration)
	assert.Equal(t, int64(1325), d.Configuration.ID)
	assert.Equal(t, "octo-org recommended settings", d.Configuration.Name)
	assert.Equal(t, ConfigurationEnforcement("enforced"), d.Configuration.Enforcement)
	assert.Equal(t, time.Date(2024, 5, 1, 0, 0, 0, 123e6, time.UTC), d.Configuration.CreatedAt.UTC(), "sub-second time kept")
}

// GET …/apps/organizations/{org}/installations (GHES 3.19): the example
// wraps each item.
func TestEnterpriseOrganizationInstallationReferenceWrapper(t *testing.T) {
	items := decodeTolerant[[]*EnterpriseOrganizationInstallation](t, "app_installations_wrapped.json")
	require.Len(t, items, 2)
	assert.Equal(t, int64(1), items[0].ID)
	assert.Equal(t, "monalisa/orbit", items[0].AppSlug)
	assert.Equal(t, RepositorySelection("selected"), items[0].RepositorySelection)
	assert.Equal(t, map[string]string{"checks": "write", "metadata": "read"}, items[0].Permissions)
	assert.Equal(t, []string{"push", "pull_request"}, items[0].Events)
	assert.False(t, items[0].CreatedAt.IsZero())
	assert.Equal(t, int64(2), items[1].ID, "the documented shape")
}

// Only the exact wrapper, {"value": {…}, "x-ref": "…"}, is unwrapped: an
// object with other members, or whose "value" is not an object, is read
// as it is.
func TestReferenceWrapperIsExact(t *testing.T) {
	for _, in := range []string{
		`{"value": {"id": 7}, "x-ref": "simple-repository", "id": 5}`,
		`{"value": "x", "x-ref": "simple-repository", "id": 5}`,
		`{"value": {"id": 7}, "x-ref": 3, "id": 5}`,
	} {
		var r SimpleRepository
		require.NoError(t, json.Unmarshal([]byte(in), &r), in)
		assert.Equal(t, int64(5), r.ID, in)
	}
	var r SimpleRepository
	require.NoError(t, json.Unmarshal([]byte(`{"value": {"id": 7}}`), &r))
	assert.Equal(t, int64(0), r.ID, "no x-ref: not an example reference")
	var sr SimpleRepository
	require.NoError(t, json.Unmarshal([]byte(`{"value": {"id": 7}, "x-ref": "simple-repository"}`), &sr))
	assert.Equal(t, int64(7), sr.ID)
}

// GHES 3.18 and 3.19 send a property's require_explicit_values.
func TestCustomPropertyRequireExplicitValues(t *testing.T) {
	props := decodeTolerant[[]*CustomProperty](t, "custom_properties_explicit.json")
	require.Len(t, props, 1)
	require.NotNil(t, props[0].RequireExplicitValues)
	assert.True(t, *props[0].RequireExplicitValues)
	got := reencode(t, props[0]).(map[string]any)
	assert.Equal(t, true, got["require_explicit_values"])
	var absent CustomProperty
	require.NoError(t, json.Unmarshal([]byte(`{"property_name":"p","value_type":"string"}`), &absent))
	assert.NotContains(t, reencode(t, absent).(map[string]any), "require_explicit_values", "not invented when absent")
}

// Through the client: a page of alerts whose EPSS comes in the 3.16 and
// 3.17–3.19 shapes is read whole by DependabotService.ListAlerts.
func TestListDependabotAlertsReadsEPSSShapes(t *testing.T) {
	env := mock(t)
	env.expect(t, call{Method: http.MethodGet, Path: "/enterprises/acme/dependabot/alerts", Reply: "tolerant/dependabot_alerts_epss.json"})
	alerts, resp, err := env.Client.Dependabot.ListAlerts(context.Background(), "acme", nil)
	requireStatus(t, resp, err, http.StatusOK)
	require.Len(t, alerts, 3)
	for i, want := range []float64{0.16001, 0.16001, 0.5} {
		require.NotNil(t, alerts[i].SecurityAdvisory.EPSS, "alert %d", i)
		assert.Equal(t, want, alerts[i].SecurityAdvisory.EPSS.Percentile.Float64(), "alert %d", i)
	}
}
