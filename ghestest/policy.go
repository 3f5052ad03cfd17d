package ghestest

import (
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

// polSince reports whether the fake's release is major.minor or later.
func (c *call) polSince(major, minor int) bool {
	return c.s.release().Compare(ops.Release{Major: major, Minor: minor}) >= 0
}

func polItoa[T int | int64](v T) string { return strconv.FormatInt(int64(v), 10) }
