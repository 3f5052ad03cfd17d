package ghestest

import (
	"net/http"
	"strconv"
	"time"

	"github.com/ghesadmin/ghesadmin/internal/ops"
)

// The instance-wide limits of the enterprise policies, as GHES documents
// them.
const (
	// defaultRetentionDays is the artifact and log retention of a new
	// instance; maxRetentionDays is the longest GHES accepts.
	defaultRetentionDays = 90
	maxRetentionDays     = 400
	// defaultRepoCacheGB and defaultMaxRepoCacheGB are GHES's default
	// Actions cache size limit of a repository and the largest limit a
	// repository may be given.
	defaultRepoCacheGB    = 10
	defaultMaxRepoCacheGB = 25
)

// policyState holds the announcement banner and the enterprise's Actions
// policies and cache policy.
type policyState struct {
	// The announcement; message nil when no banner is set.
	message         *string
	expiresAt       *time.Time
	userDismissible bool

	enabledOrgs   string // all, none, selected
	allowedAct    string // all, local_only, selected
	shaPinning    bool
	selectedOrgs  []int64
	githubOwned   bool
	verified      bool
	patterns      []string
	workflowPerms string // read, write
	canApprovePRs bool
	retentionDays int
	forkApproval  string
	forkRun       bool
	forkWriteTok  bool
	forkSecrets   bool
	forkApprove   bool
	noSelfHosted  bool

	cacheCount   int
	cacheBytes   int64
	repoCacheGB  int
	maxRepoCache int
}

// pol returns the policy state, created with GHES's defaults on first
// use.
func (st *state) pol() *policyState {
	if st.policy == nil {
		st.policy = &policyState{
			enabledOrgs: "all", allowedAct: "all", githubOwned: true, patterns: []string{},
			workflowPerms: "read", retentionDays: defaultRetentionDays, forkApproval: "first_time_contributors",
			repoCacheGB: defaultRepoCacheGB, maxRepoCache: defaultMaxRepoCacheGB,
		}
	}
	return st.policy
}

// policyRoutes serves the announcement banner, the enterprise's Actions
// policies and its Actions cache.
func (s *Server) policyRoutes(m *http.ServeMux) {
	s.route(m, "GET /enterprise/announcement", accessAdmin, "", hGetAnnouncement)
	s.route(m, "PATCH /enterprise/announcement", accessAdmin, "", hSetAnnouncement)
	s.route(m, "DELETE /enterprise/announcement", accessAdmin, "", hRemoveAnnouncement)

	const p = "/enterprises/{enterprise}/actions/permissions"
	s.route(m, "GET "+p, accessAdmin, "", ent(hGetActionsPermissions))
	s.route(m, "PUT "+p, accessAdmin, "", ent(hSetActionsPermissions))
	s.route(m, "GET "+p+"/organizations", accessAdmin, "", ent(hListActionsOrgs))
	s.route(m, "PUT "+p+"/organizations", accessAdmin, "", ent(hSetActionsOrgs))
	s.route(m, "PUT "+p+"/organizations/{org_id}", accessAdmin, "", ent(hEnableActionsOrg))
	s.route(m, "DELETE "+p+"/organizations/{org_id}", accessAdmin, "", ent(hDisableActionsOrg))
	s.route(m, "GET "+p+"/selected-actions", accessAdmin, "", ent(hGetSelectedActions))
	s.route(m, "PUT "+p+"/selected-actions", accessAdmin, "", ent(hSetSelectedActions))
	s.route(m, "GET "+p+"/workflow", accessAdmin, "", ent(hGetWorkflowPerms))
	s.route(m, "PUT "+p+"/workflow", accessAdmin, "", ent(hSetWorkflowPerms))
	s.route(m, "GET "+p+"/artifact-and-log-retention", accessAdmin, "", ent(hGetRetention))
	s.route(m, "PUT "+p+"/artifact-and-log-retention", accessAdmin, "", ent(hSetRetention))
	s.route(m, "GET "+p+"/fork-pr-contributor-approval", accessAdmin, "", ent(hGetForkApproval))
	s.route(m, "PUT "+p+"/fork-pr-contributor-approval", accessAdmin, "", ent(hSetForkApproval))
	s.route(m, "GET "+p+"/fork-pr-workflows-private-repos", accessAdmin, "", ent(hGetForkPrivate))
	s.route(m, "PUT "+p+"/fork-pr-workflows-private-repos", accessAdmin, "", ent(hSetForkPrivate))
	s.route(m, "GET "+p+"/self-hosted-runners", accessAdmin, "", ent(hGetSelfHosted))
	s.route(m, "PUT "+p+"/self-hosted-runners", accessAdmin, "", ent(hSetSelfHosted))

	const c = "/enterprises/{enterprise}/actions/cache"
	s.route(m, "GET "+c+"/usage", accessAdmin, "", ent(hGetCacheUsage))
	s.route(m, "GET "+c+"/usage-policy", accessAdmin, "", ent(hGetCachePolicy))
	s.route(m, "PATCH "+c+"/usage-policy", accessAdmin, "", ent(hSetCachePolicy))
}

// polSince reports whether the fake's release is major.minor or later.
func (c *call) polSince(major, minor int) bool {
	return c.s.release().Compare(ops.Release{Major: major, Minor: minor}) >= 0
}

func polItoa[T int | int64](v T) string { return strconv.FormatInt(int64(v), 10) }
