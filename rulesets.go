package ghesadmin

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"time"
)

// RulesetsService reads the history of an enterprise's repository rulesets
// (/enterprises/{enterprise}/rulesets/{ruleset_id}/history, GHES 3.19 and
// later).
type RulesetsService service

// RulesetVersionActor is who made a version of a ruleset.
type RulesetVersionActor struct {
	ID   int64  `json:"id,omitempty"`
	Type string `json:"type,omitempty"`
}

// RulesetVersion is one version of a ruleset.
type RulesetVersion struct {
	VersionID int64               `json:"version_id"`
	Actor     RulesetVersionActor `json:"actor"`
	UpdatedAt time.Time           `json:"updated_at"`
}

// RulesetVersionWithState is a version of a ruleset with the ruleset as it
// was then.
type RulesetVersionWithState struct {
	RulesetVersion
	// State is the ruleset at this version, kept as the server sent it.
	State json.RawMessage `json:"state"`
}

// ListHistory returns one page of the versions of an enterprise ruleset,
// newest first.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/rules#get-enterprise-ruleset-history
//
// GHES API: GET /enterprises/{enterprise}/rulesets/{ruleset_id}/history (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/rulesets/{ruleset_id}/history
func (s *RulesetsService) ListHistory(ctx context.Context, enterprise string, rulesetID int64, opts *ListOptions) ([]*RulesetVersion, *Response, error) {
	return fetchSlice[*RulesetVersion](ctx, s.backend, &request{op: "Rulesets.ListHistory", method: http.MethodGet, path: "enterprises/{enterprise}/rulesets/{ruleset_id}/history", args: []any{enterprise, rulesetID}, query: opts})
}

// ListHistoryIter walks every page of ListHistory from opts.Page. opts is
// not modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/rules#get-enterprise-ruleset-history
//
// GHES API: GET /enterprises/{enterprise}/rulesets/{ruleset_id}/history (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/rulesets/{ruleset_id}/history
func (s *RulesetsService) ListHistoryIter(ctx context.Context, enterprise string, rulesetID int64, opts *ListOptions) iter.Seq2[*RulesetVersion, error] {
	return paginate(ctx, s.backend, opts, linked(bind2(s.ListHistory, enterprise, rulesetID)))
}

// GetVersion returns one version of an enterprise ruleset with the
// ruleset's state at that version.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/rules#get-enterprise-ruleset-version
//
// GHES API: GET /enterprises/{enterprise}/rulesets/{ruleset_id}/history/{version_id} (GHES 3.19 and later).
//
//meta:operation GET /enterprises/{enterprise}/rulesets/{ruleset_id}/history/{version_id}
func (s *RulesetsService) GetVersion(ctx context.Context, enterprise string, rulesetID, versionID int64) (*RulesetVersionWithState, *Response, error) {
	return fetch[RulesetVersionWithState](ctx, s.backend, &request{op: "Rulesets.GetVersion", method: http.MethodGet, path: "enterprises/{enterprise}/rulesets/{ruleset_id}/history/{version_id}", args: []any{enterprise, rulesetID, versionID}})
}
