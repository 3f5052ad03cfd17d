package ghesadmin

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// schemaRepository is the repository of the schema fixtures.
func schemaRepository() SimpleRepository {
	owner := schemaUser()
	return SimpleRepository{
		Owner:            &owner,
		ArchiveURL:       "value-of-archive_url",
		AssigneesURL:     "value-of-assignees_url",
		BlobsURL:         "value-of-blobs_url",
		BranchesURL:      "value-of-branches_url",
		CollaboratorsURL: "value-of-collaborators_url",
		CommentsURL:      "value-of-comments_url",
		CommitsURL:       "value-of-commits_url",
		CompareURL:       "value-of-compare_url",
		ContentsURL:      "value-of-contents_url",
		ContributorsURL:  "https://ghe.example.com/contributors_url",
		DeploymentsURL:   "https://ghe.example.com/deployments_url",
		DownloadsURL:     "https://ghe.example.com/downloads_url",
		EventsURL:        "https://ghe.example.com/events_url",
		Fork:             true,
		ForksURL:         "https://ghe.example.com/forks_url",
		FullName:         "value-of-full_name",
		GitCommitsURL:    "value-of-git_commits_url",
		GitRefsURL:       "value-of-git_refs_url",
		GitTagsURL:       "value-of-git_tags_url",
		HooksURL:         "https://ghe.example.com/hooks_url",
		HTMLURL:          "https://ghe.example.com/html_url",
		ID:               7,
		IssueCommentURL:  "value-of-issue_comment_url",
		IssueEventsURL:   "value-of-issue_events_url",
		IssuesURL:        "value-of-issues_url",
		KeysURL:          "value-of-keys_url",
		LabelsURL:        "value-of-labels_url",
		LanguagesURL:     "https://ghe.example.com/languages_url",
		MergesURL:        "https://ghe.example.com/merges_url",
		MilestonesURL:    "value-of-milestones_url",
		Name:             "value-of-name",
		NodeID:           "value-of-node_id",
		NotificationsURL: "value-of-notifications_url",
		Private:          true,
		PullsURL:         "value-of-pulls_url",
		ReleasesURL:      "value-of-releases_url",
		StargazersURL:    "https://ghe.example.com/stargazers_url",
		StatusesURL:      "value-of-statuses_url",
		SubscribersURL:   "https://ghe.example.com/subscribers_url",
		SubscriptionURL:  "https://ghe.example.com/subscription_url",
		TagsURL:          "https://ghe.example.com/tags_url",
		TeamsURL:         "https://ghe.example.com/teams_url",
		TreesURL:         "value-of-trees_url",
		URL:              "https://ghe.example.com/url",
	}
}

// schemaUser is the user of the schema fixtures.
func schemaUser() SimpleUser {
	return SimpleUser{
		AvatarURL:         "https://ghe.example.com/avatar_url",
		Email:             Ptr("value-of-email"),
		EventsURL:         "value-of-events_url",
		FollowersURL:      "https://ghe.example.com/followers_url",
		FollowingURL:      "value-of-following_url",
		GistsURL:          "value-of-gists_url",
		GravatarID:        Ptr("value-of-gravatar_id"),
		HTMLURL:           "https://ghe.example.com/html_url",
		ID:                7,
		Login:             "value-of-login",
		Name:              Ptr("value-of-name"),
		NodeID:            "value-of-node_id",
		OrganizationsURL:  "https://ghe.example.com/organizations_url",
		ReceivedEventsURL: "https://ghe.example.com/received_events_url",
		ReposURL:          "https://ghe.example.com/repos_url",
		SiteAdmin:         true,
		StarredAt:         Ptr(time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)),
		StarredURL:        "value-of-starred_url",
		SubscriptionsURL:  "https://ghe.example.com/subscriptions_url",
		Type:              "value-of-type",
		URL:               "https://ghe.example.com/url",
		UserViewType:      Ptr("value-of-user_view_type"),
	}
}

func schemaUserPtr() *SimpleUser {
	u := schemaUser()
	return &u
}

func schemaRepositoryPtr() *SimpleRepository {
	r := schemaRepository()
	return &r
}

func TestCodeScanningListAlerts(t *testing.T) {
	cases := []queryCase[ListCodeScanningAlertsOptions]{
		{"no options", nil, nil},
		{"every option with the tool name", &ListCodeScanningAlertsOptions{
			ToolName: "CodeQL", State: CodeScanningAlertDismissed, Assignees: "octocat,hubot", Sort: AlertSortUpdated, Direction: DirectionAsc,
			Page: 2, ListCursorOptions: ListCursorOptions{After: "YWZ0ZXI=", PerPage: 50},
		}, url.Values{"tool_name": {"CodeQL"}, "state": {"dismissed"}, "assignees": {"octocat,hubot"}, "sort": {"updated"}, "direction": {"asc"},
			"page": {"2"}, "after": {"YWZ0ZXI="}, "per_page": {"50"}}},
		{"the tool GUID and before", &ListCodeScanningAlertsOptions{
			ToolGUID: "a1b2c3", State: CodeScanningAlertFixed, Sort: AlertSortCreated, Direction: DirectionDesc, ListCursorOptions: ListCursorOptions{Before: "YmVmb3Jl"},
		}, url.Values{"tool_guid": {"a1b2c3"}, "state": {"fixed"}, "sort": {"created"}, "direction": {"desc"}, "before": {"YmVmb3Jl"}}},
	}
	testListQueries(t, "/enterprises/"+acmeCorpEscaped+"/code-scanning/alerts", "alerts/code_scanning.json", cases, func(ctx context.Context, c *Client, opts *ListCodeScanningAlertsOptions) ([]*CodeScanningAlert, *Response, error) {
		return c.CodeScanning.ListAlerts(ctx, acmeCorp, opts)
	}, func(t *testing.T, got *CodeScanningAlert) {
		assertFields(t, "alert", *got, CodeScanningAlert{
			Number:              7,
			CreatedAt:           schemaTime,
			UpdatedAt:           &schemaTime,
			URL:                 "https://ghe.example.com/url",
			HTMLURL:             "https://ghe.example.com/html_url",
			InstancesURL:        "https://ghe.example.com/instances_url",
			State:               CodeScanningAlertOpen,
			FixedAt:             &schemaTime,
			DismissedBy:         schemaUserPtr(),
			DismissedAt:         &schemaTime,
			DismissedReason:     Ptr("false positive"),
			DismissedComment:    Ptr("value-of-dismissed_comment"),
			DismissalApprovedBy: schemaUserPtr(),
			Assignees:           []*SimpleUser{schemaUserPtr()},
			Rule: &CodeScanningRule{
				ID:                    Ptr("value-of-id"),
				Name:                  "value-of-name",
				Tags:                  []string{"value-of-tags"},
				Severity:              Ptr("none"),
				SecuritySeverityLevel: Ptr("low"),
				FullDescription:       "value-of-full_description",
				Help:                  Ptr("value-of-help"),
				HelpURI:               Ptr("value-of-help_uri"),
			},
			Tool: &CodeScanningTool{Name: "value-of-name", Version: Ptr("value-of-version"), GUID: Ptr("value-of-guid")},
			MostRecentInstance: &CodeScanningAlertInstance{
				Ref:             "value-of-ref",
				AnalysisKey:     "value-of-analysis_key",
				Environment:     "value-of-environment",
				Category:        "value-of-category",
				State:           CodeScanningAlertOpen,
				CommitSHA:       "value-of-commit_sha",
				Message:         &CodeScanningMessage{Text: "value-of-text", Markdown: "value-of-markdown"},
				Location:        &CodeScanningLocation{Path: "value-of-path", StartLine: 7, EndLine: 7, StartColumn: 7, EndColumn: 7},
				HTMLURL:         "value-of-html_url",
				Classifications: []*string{Ptr("source")},
			},
			Repository: schemaRepositoryPtr(),
		})
	})
}

func TestDependabotListAlerts(t *testing.T) {
	cases := []queryCase[ListDependabotAlertsOptions]{
		{"no options", nil, nil},
		{"every option", &ListDependabotAlertsOptions{
			State: "open,auto_dismissed", Severity: "high,critical", Ecosystem: "npm,pip", Package: "lodash", EPSSPercentage: ">=0.5",
			Has: "patch", Scope: "runtime", Sort: AlertSortUpdated, Direction: DirectionAsc, First: 10, Last: 20,
			ListCursorOptions: ListCursorOptions{After: "YWZ0ZXI=", PerPage: 25},
		}, url.Values{"state": {"open,auto_dismissed"}, "severity": {"high,critical"}, "ecosystem": {"npm,pip"}, "package": {"lodash"},
			"epss_percentage": {">=0.5"}, "has": {"patch"}, "scope": {"runtime"}, "sort": {"updated"}, "direction": {"asc"},
			"first": {"10"}, "last": {"20"}, "after": {"YWZ0ZXI="}, "per_page": {"25"}}},
		{"before", &ListDependabotAlertsOptions{Scope: "development", ListCursorOptions: ListCursorOptions{Before: "YmVmb3Jl"}},
			url.Values{"scope": {"development"}, "before": {"YmVmb3Jl"}}},
	}
	testListQueries(t, "/enterprises/"+acmeCorpEscaped+"/dependabot/alerts", "alerts/dependabot.json", cases, func(ctx context.Context, c *Client, opts *ListDependabotAlertsOptions) ([]*DependabotAlert, *Response, error) {
		return c.Dependabot.ListAlerts(ctx, acmeCorp, opts)
	}, func(t *testing.T, got *DependabotAlert) {
		pkg := &DependabotPackage{Ecosystem: "value-of-ecosystem", Name: "value-of-name"}
		vuln := &AdvisoryVulnerability{Package: pkg, Severity: SeverityLow, VulnerableVersionRange: "value-of-vulnerable_version_range",
			FirstPatchedVersion: &PatchedVersion{Identifier: "value-of-identifier"}}
		cvss := &CVSS{Score: Ptr(3.0), VectorString: Ptr("value-of-vector_string")}
		assertFields(t, "alert", *got, DependabotAlert{
			Number:     7,
			State:      DependabotAlertAutoDismissed,
			Dependency: &DependabotDependency{Package: pkg, ManifestPath: "value-of-manifest_path", Scope: Ptr("development")},
			SecurityAdvisory: &SecurityAdvisory{
				GHSAID:          "value-of-ghsa_id",
				CVEID:           Ptr("value-of-cve_id"),
				Vulnerabilities: []*AdvisoryVulnerability{vuln},
				Severity:        SeverityLow,
				CVSS:            cvss,
				CVSSSeverities:  &CVSSSeverities{CVSSv3: cvss, CVSSv4: cvss},
				EPSS:            &EPSS{Percentage: NewFlexFloat(3), Percentile: NewFlexFloat(3)},
				CWEs:            []*CWE{{CWEID: "value-of-cwe_id", Name: "value-of-name"}},
				Identifiers:     []*AdvisoryIdentifier{{Type: "CVE", Value: "value-of-value"}},
				References:      []*AdvisoryReference{{URL: "https://ghe.example.com/url"}},
				PublishedAt:     schemaTime,
				UpdatedAt:       schemaTime,
				WithdrawnAt:     &schemaTime,
			},
			SecurityVulnerability: vuln,
			URL:                   "https://ghe.example.com/url",
			HTMLURL:               "https://ghe.example.com/html_url",
			CreatedAt:             schemaTime,
			UpdatedAt:             schemaTime,
			DismissedAt:           &schemaTime,
			DismissedBy:           schemaUserPtr(),
			DismissedReason:       Ptr("fix_started"),
			DismissedComment:      Ptr("value-of-dismissed_comment"),
			FixedAt:               &schemaTime,
			AutoDismissedAt:       &schemaTime,
			Repository:            schemaRepositoryPtr(),
			DismissalRequest: &DismissalRequest{ID: 7, Status: "pending", Requester: &DismissalRequestRequester{ID: 7, Login: "value-of-login"},
				CreatedAt: &schemaTime, URL: "https://ghe.example.com/url"},
		})
	})
}

func TestSecretScanningListAlerts(t *testing.T) {
	cases := []queryCase[ListSecretScanningAlertsOptions]{
		{"no options", nil, nil},
		{"every option", &ListSecretScanningAlertsOptions{
			State: SecretScanningAlertResolved, SecretType: "github_personal_access_token,aws_access_key_id", Resolution: "false_positive,used_in_tests",
			Validity: "active,unknown", IsPubliclyLeaked: true, IsMultiRepo: true, HideSecret: true, Sort: AlertSortUpdated, Direction: DirectionAsc,
			ListCursorOptions: ListCursorOptions{After: "YWZ0ZXI=", PerPage: 100},
		}, url.Values{"state": {"resolved"}, "secret_type": {"github_personal_access_token,aws_access_key_id"}, "resolution": {"false_positive,used_in_tests"},
			"validity": {"active,unknown"}, "is_publicly_leaked": {"true"}, "is_multi_repo": {"true"}, "hide_secret": {"true"},
			"sort": {"updated"}, "direction": {"asc"}, "after": {"YWZ0ZXI="}, "per_page": {"100"}}},
		{"before", &ListSecretScanningAlertsOptions{State: SecretScanningAlertOpen, ListCursorOptions: ListCursorOptions{Before: "YmVmb3Jl"}},
			url.Values{"state": {"open"}, "before": {"YmVmb3Jl"}}},
	}
	testListQueries(t, "/enterprises/"+acmeCorpEscaped+"/secret-scanning/alerts", "alerts/secret_scanning.json", cases, func(ctx context.Context, c *Client, opts *ListSecretScanningAlertsOptions) ([]*SecretScanningAlert, *Response, error) {
		return c.SecretScanning.ListAlerts(ctx, acmeCorp, opts)
	}, func(t *testing.T, got *SecretScanningAlert) {
		var first map[string]any
		require.NoError(t, json.Unmarshal(got.FirstLocationDetected, &first), "first_location_detected")
		assert.Equal(t, map[string]any{
			"blob_sha": "value-of-blob_sha", "blob_url": "value-of-blob_url", "commit_sha": "value-of-commit_sha", "commit_url": "value-of-commit_url",
			"discussion_body_url": "https://ghe.example.com/discussion_body_url", "discussion_comment_url": "https://ghe.example.com/discussion_comment_url",
			"discussion_title_url": "https://ghe.example.com/discussion_title_url", "end_column": 3.0, "end_line": 3.0,
			"issue_body_url": "https://ghe.example.com/issue_body_url", "issue_comment_url": "https://ghe.example.com/issue_comment_url",
			"issue_title_url": "https://ghe.example.com/issue_title_url", "page_url": "value-of-page_url", "path": "value-of-path",
			"pull_request_body_url": "https://ghe.example.com/pull_request_body_url", "pull_request_comment_url": "https://ghe.example.com/pull_request_comment_url",
			"pull_request_review_comment_url": "https://ghe.example.com/pull_request_review_comment_url",
			"pull_request_review_url":         "https://ghe.example.com/pull_request_review_url",
			"pull_request_title_url":          "https://ghe.example.com/pull_request_title_url", "start_column": 3.0, "start_line": 3.0,
		}, first)
		got.FirstLocationDetected = nil
		assertFields(t, "alert", *got, SecretScanningAlert{
			Number:                              7,
			CreatedAt:                           schemaTime,
			UpdatedAt:                           &schemaTime,
			URL:                                 "https://ghe.example.com/url",
			HTMLURL:                             "https://ghe.example.com/html_url",
			LocationsURL:                        "https://ghe.example.com/locations_url",
			State:                               SecretScanningAlertOpen,
			Resolution:                          Ptr("false_positive"),
			ResolvedAt:                          &schemaTime,
			ResolvedBy:                          schemaUserPtr(),
			ResolutionComment:                   Ptr("value-of-resolution_comment"),
			SecretType:                          "value-of-secret_type",
			SecretTypeDisplayName:               "value-of-secret_type_display_name",
			Secret:                              "value-of-secret",
			Repository:                          schemaRepositoryPtr(),
			Validity:                            "active",
			PushProtectionBypassed:              Ptr(true),
			PushProtectionBypassedBy:            schemaUserPtr(),
			PushProtectionBypassedAt:            &schemaTime,
			PushProtectionBypassRequestReviewer: schemaUserPtr(),
			PushProtectionBypassRequestReviewerComment: Ptr("value-of-push_protection_bypass_request_reviewer_comment"),
			PushProtectionBypassRequestComment:         Ptr("value-of-push_protection_bypass_request_comment"),
			PushProtectionBypassRequestHTMLURL:         Ptr("https://ghe.example.com/push_protection_bypass_request_html_url"),
			MultiRepo:                                  Ptr(true),
			IsBase64Encoded:                            Ptr(true),
			HasMoreLocations:                           true,
			AssignedTo:                                 schemaUserPtr(),
		})
	})
}

func TestAlertWalks(t *testing.T) {
	base := "/enterprises/" + acmeCorpEscaped
	for _, tc := range []struct {
		name  string
		path  string
		pages []walkPage
		walk  func(c *Client) []int64
	}{
		{"CodeScanning.ListAlertsIter by page", base + "/code-scanning/alerts", []walkPage{
			{url.Values{"state": {"open"}, "per_page": {"2"}}, `[{"number":1},{"number":2}]`, "page=2&per_page=2&state=open"},
			{url.Values{"state": {"open"}, "per_page": {"2"}, "page": {"2"}}, `[{"number":3},{"number":4}]`, "page=3&per_page=2&state=open"},
			{url.Values{"state": {"open"}, "per_page": {"2"}, "page": {"3"}}, `[{"number":5}]`, ""},
		}, func(c *Client) []int64 {
			opts := &ListCodeScanningAlertsOptions{State: CodeScanningAlertOpen, ListCursorOptions: ListCursorOptions{PerPage: 2}}
			return walkKeys(t, c.CodeScanning.ListAlertsIter(context.Background(), acmeCorp, opts), func(a *CodeScanningAlert) int64 { return a.Number })
		}},
		{"CodeScanning.ListAlertsIter by cursor", base + "/code-scanning/alerts", []walkPage{
			{nil, `[{"number":1}]`, "after=YWZ0ZXI%3D"},
			{url.Values{"after": {"YWZ0ZXI="}}, `[{"number":2}]`, ""},
		}, func(c *Client) []int64 {
			return walkKeys(t, c.CodeScanning.ListAlertsIter(context.Background(), acmeCorp, nil), func(a *CodeScanningAlert) int64 { return a.Number })
		}},
		{"Dependabot.ListAlertsIter", base + "/dependabot/alerts", []walkPage{
			{url.Values{"severity": {"critical"}}, `[{"number":9},{"number":8}]`, "after=MQ&severity=critical"},
			{url.Values{"severity": {"critical"}, "after": {"MQ"}}, `[{"number":7}]`, "after=Mg&severity=critical"},
			{url.Values{"severity": {"critical"}, "after": {"Mg"}}, `[{"number":6}]`, ""},
		}, func(c *Client) []int64 {
			opts := &ListDependabotAlertsOptions{Severity: "critical"}
			return walkKeys(t, c.Dependabot.ListAlertsIter(context.Background(), acmeCorp, opts), func(a *DependabotAlert) int64 { return a.Number })
		}},
		{"SecretScanning.ListAlertsIter", base + "/secret-scanning/alerts", []walkPage{
			{url.Values{"hide_secret": {"true"}}, `[{"number":1}]`, "before=Yg&hide_secret=true"},
			{url.Values{"hide_secret": {"true"}, "before": {"Yg"}}, `[{"number":2}]`, ""},
		}, func(c *Client) []int64 {
			opts := &ListSecretScanningAlertsOptions{HideSecret: true}
			return walkKeys(t, c.SecretScanning.ListAlertsIter(context.Background(), acmeCorp, opts), func(a *SecretScanningAlert) int64 { return a.Number })
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := mock(t)
			expectWalk(t, env, tc.path, tc.pages)
			var want []int64
			for _, p := range tc.pages {
				var items []struct{ Number int64 }
				require.NoError(t, json.Unmarshal([]byte(p.reply), &items))
				for _, it := range items {
					want = append(want, it.Number)
				}
			}
			assert.Equal(t, want, tc.walk(env.Client))
		})
	}
}

func TestAlertErrorReplies(t *testing.T) {
	base := "/enterprises/" + acmeCorpEscaped
	testErrorReplies(t, []errorReply{
		{"CodeScanning.ListAlerts", call{Method: http.MethodGet, Path: base + "/code-scanning/alerts"}, []int{404, 503}, func(ctx context.Context, c *Client) (*Response, error) {
			_, r, err := c.CodeScanning.ListAlerts(ctx, acmeCorp, nil)
			return r, err
		}},
		{"Dependabot.ListAlerts", call{Method: http.MethodGet, Path: base + "/dependabot/alerts"}, []int{403, 404, 422}, func(ctx context.Context, c *Client) (*Response, error) {
			_, r, err := c.Dependabot.ListAlerts(ctx, acmeCorp, nil)
			return r, err
		}},
		{"SecretScanning.ListAlerts", call{Method: http.MethodGet, Path: base + "/secret-scanning/alerts"}, []int{404, 503}, func(ctx context.Context, c *Client) (*Response, error) {
			_, r, err := c.SecretScanning.ListAlerts(ctx, acmeCorp, nil)
			return r, err
		}},
	})
}

func TestAlertArgumentsRefused(t *testing.T) {
	dependabot := func(o ListDependabotAlertsOptions) func(ctx context.Context, c *Client) error {
		return func(ctx context.Context, c *Client) error {
			_, _, err := c.Dependabot.ListAlerts(ctx, "e", &o)
			return err
		}
	}
	codeScanning := func(o ListCodeScanningAlertsOptions) func(ctx context.Context, c *Client) error {
		return func(ctx context.Context, c *Client) error {
			_, _, err := c.CodeScanning.ListAlerts(ctx, "e", &o)
			return err
		}
	}
	secretScanning := func(o ListSecretScanningAlertsOptions) func(ctx context.Context, c *Client) error {
		return func(ctx context.Context, c *Client) error {
			_, _, err := c.SecretScanning.ListAlerts(ctx, "e", &o)
			return err
		}
	}
	cursors := ListCursorOptions{Before: "a", After: "b"}
	env := mock(t) // no expectations: a request sent fails the test
	ctx, c := context.Background(), env.Client
	checkRefusals(t, []refusal{
		{"Dependabot.ListAlerts: State", dependabot(ListDependabotAlertsOptions{State: "open,closed"})(ctx, c), "Dependabot.ListAlerts", "State"},
		{"Dependabot.ListAlerts: Severity", dependabot(ListDependabotAlertsOptions{Severity: "critical,urgent"})(ctx, c), "Dependabot.ListAlerts", "Severity"},
		{"Dependabot.ListAlerts: Scope", dependabot(ListDependabotAlertsOptions{Scope: "test"})(ctx, c), "Dependabot.ListAlerts", "Scope"},
		{"Dependabot.ListAlerts: Has", dependabot(ListDependabotAlertsOptions{Has: "fix"})(ctx, c), "Dependabot.ListAlerts", "Has"},
		{"Dependabot.ListAlerts: First", dependabot(ListDependabotAlertsOptions{First: 101})(ctx, c), "Dependabot.ListAlerts", "First"},
		{"Dependabot.ListAlerts: Last", dependabot(ListDependabotAlertsOptions{Last: -1})(ctx, c), "Dependabot.ListAlerts", "Last"},
		{"Dependabot.ListAlerts: Sort", dependabot(ListDependabotAlertsOptions{Sort: "severity"})(ctx, c), "Dependabot.ListAlerts", "Sort"},
		{"Dependabot.ListAlerts: Direction", dependabot(ListDependabotAlertsOptions{Direction: "up"})(ctx, c), "Dependabot.ListAlerts", "Direction"},
		{"Dependabot.ListAlerts: Before and After", dependabot(ListDependabotAlertsOptions{ListCursorOptions: cursors})(ctx, c), "Dependabot.ListAlerts", "Before and After"},
		{"Dependabot.ListAlerts: PerPage", func() error {
			return firstErr(c.Dependabot.ListAlertsIter(ctx, "e", &ListDependabotAlertsOptions{ListCursorOptions: ListCursorOptions{PerPage: 101}}))
		}(), "Dependabot.ListAlerts", "PerPage"},
		{"CodeScanning.ListAlerts: State", codeScanning(ListCodeScanningAlertsOptions{State: "new"})(ctx, c), "CodeScanning.ListAlerts", "State"},
		{"CodeScanning.ListAlerts: ToolName and ToolGUID", codeScanning(ListCodeScanningAlertsOptions{ToolName: "a", ToolGUID: "b"})(ctx, c), "CodeScanning.ListAlerts", "ToolName and ToolGUID"},
		{"CodeScanning.ListAlerts: Page", codeScanning(ListCodeScanningAlertsOptions{Page: -1})(ctx, c), "CodeScanning.ListAlerts", "Page"},
		{"CodeScanning.ListAlerts: Sort", codeScanning(ListCodeScanningAlertsOptions{Sort: "number"})(ctx, c), "CodeScanning.ListAlerts", "Sort"},
		{"CodeScanning.ListAlerts: Direction", codeScanning(ListCodeScanningAlertsOptions{Direction: "sideways"})(ctx, c), "CodeScanning.ListAlerts", "Direction"},
		{"CodeScanning.ListAlerts: PerPage", func() error {
			return firstErr(c.CodeScanning.ListAlertsIter(ctx, "e", &ListCodeScanningAlertsOptions{ListCursorOptions: ListCursorOptions{PerPage: 101}}))
		}(), "CodeScanning.ListAlerts", "PerPage"},
		{"CodeScanning.ListAlerts: enterprise", func() error {
			_, _, err := c.CodeScanning.ListAlerts(ctx, "", nil)
			return err
		}(), "CodeScanning.ListAlerts", "enterprise"},
		{"SecretScanning.ListAlerts: State", secretScanning(ListSecretScanningAlertsOptions{State: "closed"})(ctx, c), "SecretScanning.ListAlerts", "State"},
		{"SecretScanning.ListAlerts: Resolution", secretScanning(ListSecretScanningAlertsOptions{Resolution: "revoked,fixed"})(ctx, c), "SecretScanning.ListAlerts", "Resolution"},
		{"SecretScanning.ListAlerts: Validity", secretScanning(ListSecretScanningAlertsOptions{Validity: "active,maybe"})(ctx, c), "SecretScanning.ListAlerts", "Validity"},
		{"SecretScanning.ListAlerts: Sort", secretScanning(ListSecretScanningAlertsOptions{Sort: "severity"})(ctx, c), "SecretScanning.ListAlerts", "Sort"},
		{"SecretScanning.ListAlerts: Direction", secretScanning(ListSecretScanningAlertsOptions{Direction: "ASC"})(ctx, c), "SecretScanning.ListAlerts", "Direction"},
		{"SecretScanning.ListAlerts: PerPage", secretScanning(ListSecretScanningAlertsOptions{ListCursorOptions: ListCursorOptions{PerPage: 101}})(ctx, c), "SecretScanning.ListAlerts", "PerPage"},
		{"SecretScanning.ListAlerts: enterprise", func() error {
			return firstErr(c.SecretScanning.ListAlertsIter(ctx, "..", nil))
		}(), "SecretScanning.ListAlerts", "enterprise"},
		{"Dependabot.ListAlerts: enterprise", func() error {
			_, _, err := c.Dependabot.ListAlerts(ctx, "", nil)
			return err
		}(), "Dependabot.ListAlerts", "enterprise"},
	})
}
