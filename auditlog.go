package ghesadmin

import (
	"context"
	"encoding/json"
	"errors"
	"iter"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"time"
)

// AuditLogService reads the enterprise audit log and manages its streaming
// configurations (/enterprises/{enterprise}/audit-log).
type AuditLogService service

// AuditLogInclude selects the events of the audit log by origin.
type AuditLogInclude string

// The event origins of AuditLogOptions.Include.
const (
	// AuditLogIncludeWeb lists web (non-Git) events, GHES's default.
	AuditLogIncludeWeb AuditLogInclude = "web"
	// AuditLogIncludeGit lists Git events only.
	AuditLogIncludeGit AuditLogInclude = "git"
	// AuditLogIncludeAll lists both.
	AuditLogIncludeAll AuditLogInclude = "all"
)

// AuditLogOrder is the order of the audit log's events by time.
type AuditLogOrder string

// The orders of AuditLogOptions.Order.
const (
	// AuditLogOrderDesc lists the newest events first (GHES's default).
	AuditLogOrderDesc AuditLogOrder = "desc"
	// AuditLogOrderAsc lists the oldest events first.
	AuditLogOrderAsc AuditLogOrder = "asc"
)

// AuditLogOptions are the query parameters of AuditLog.List. The audit log
// is paged with cursors: ListIter follows the `after` cursor of each reply's
// next link by itself.
type AuditLogOptions struct {
	// Phrase is a search phrase with qualifiers, such as
	// "action:user.suspend actor:octoadmin created:>=2026-01-01".
	Phrase string `url:"phrase,omitempty"`
	// Include selects web events, Git events or both.
	Include AuditLogInclude `url:"include,omitempty"`
	// After is the cursor of the page after which to list (from a next
	// link).
	After string `url:"after,omitempty"`
	// Before is the cursor of the page before which to list (from a prev
	// link).
	Before string `url:"before,omitempty"`
	// Order is the order of the events by time.
	Order AuditLogOrder `url:"order,omitempty"`
	ListOptions
}

func (o AuditLogOptions) validate() error {
	const m = "AuditLog.List"
	return firstError(
		checkEnum(m, "AuditLogOptions.Include", o.Include, true, AuditLogIncludeWeb, AuditLogIncludeGit, AuditLogIncludeAll),
		checkEnum(m, "AuditLogOptions.Order", o.Order, true, AuditLogOrderAsc, AuditLogOrderDesc),
		refuseIf(o.After != "" && o.Before != "", "%s: AuditLogOptions sets both After and Before; give one cursor", m),
		refuseIf(strings.ContainsAny(o.Phrase, "\r\n"), "%s: AuditLogOptions.Phrase contains a line break", m),
		refuseIf(o.Page < 0, "%s: AuditLogOptions.Page is %d; pages start at 1", m, o.Page),
		checkPerPage(m+": AuditLogOptions", o.PerPage),
	)
}

// AuditLogEvent is one event of the enterprise audit log. Events differ by
// action: the fields below are every property GHES documents, and every
// other key an event carries (actor_ip, from, repo_id, …) is kept in Extra
// and encoded back unchanged.
type AuditLogEvent struct {
	// Timestamp is the event's time in milliseconds since the Unix epoch
	// ("@timestamp").
	Timestamp int64 `json:"@timestamp,omitempty"`
	// DocumentID identifies the event ("_document_id").
	DocumentID string `json:"_document_id,omitempty"`
	// Action is the event's action, such as "user.suspend".
	Action string `json:"action,omitempty"`
	// Active and ActiveWas are a hook's state after and before the event.
	Active    *bool `json:"active,omitempty"`
	ActiveWas *bool `json:"active_was,omitempty"`
	// Actor is the login of the account that did it.
	Actor   string `json:"actor,omitempty"`
	ActorID int64  `json:"actor_id,omitempty"`
	// ActorLocation is where the actor was (country_name, and on real
	// servers country_code, region, city, …), kept whole.
	ActorLocation map[string]any `json:"actor_location,omitempty"`
	// Data holds the action's own details, kept whole.
	Data          map[string]any   `json:"data,omitempty"`
	OrgID         int64            `json:"org_id,omitempty"`
	UserID        int64            `json:"user_id,omitempty"`
	BusinessID    int64            `json:"business_id,omitempty"`
	BlockedUser   string           `json:"blocked_user,omitempty"`
	Business      string           `json:"business,omitempty"`
	Config        []map[string]any `json:"config,omitempty"`
	ConfigWas     []map[string]any `json:"config_was,omitempty"`
	ContentType   string           `json:"content_type,omitempty"`
	OperationType string           `json:"operation_type,omitempty"`
	// CreatedAt is the event's time in milliseconds since the Unix epoch
	// (see CreatedTime).
	CreatedAt             int64            `json:"created_at,omitempty"`
	DeployKeyFingerprint  string           `json:"deploy_key_fingerprint,omitempty"`
	Emoji                 string           `json:"emoji,omitempty"`
	Events                []map[string]any `json:"events,omitempty"`
	EventsWere            []map[string]any `json:"events_were,omitempty"`
	Explanation           string           `json:"explanation,omitempty"`
	Fingerprint           string           `json:"fingerprint,omitempty"`
	HookID                int64            `json:"hook_id,omitempty"`
	LimitedAvailability   *bool            `json:"limited_availability,omitempty"`
	Message               string           `json:"message,omitempty"`
	Name                  string           `json:"name,omitempty"`
	OldUser               string           `json:"old_user,omitempty"`
	OpenSSHPublicKey      string           `json:"openssh_public_key,omitempty"`
	Org                   string           `json:"org,omitempty"`
	PreviousVisibility    string           `json:"previous_visibility,omitempty"`
	ReadOnly              *bool            `json:"read_only,omitempty"`
	Repo                  string           `json:"repo,omitempty"`
	Repository            string           `json:"repository,omitempty"`
	RepositoryPublic      *bool            `json:"repository_public,omitempty"`
	TargetLogin           string           `json:"target_login,omitempty"`
	Team                  string           `json:"team,omitempty"`
	TransportProtocol     int              `json:"transport_protocol,omitempty"`
	TransportProtocolName string           `json:"transport_protocol_name,omitempty"`
	// User is the login of the user the action was about.
	User       string `json:"user,omitempty"`
	Visibility string `json:"visibility,omitempty"`

	// Extra holds every key of the event that the fields above do not
	// name, as sent.
	Extra map[string]json.RawMessage `json:"-"`
}

// CreatedTime returns CreatedAt (or, without it, Timestamp) as a time.
func (e *AuditLogEvent) CreatedTime() time.Time {
	ms := e.CreatedAt
	if ms == 0 {
		ms = e.Timestamp
	}
	return time.UnixMilli(ms).UTC()
}

type auditLogEventFields AuditLogEvent

// auditLogEventKeys are the JSON keys of AuditLogEvent's fields.
var auditLogEventKeys = sync.OnceValue(func() map[string]bool {
	keys := map[string]bool{}
	t := reflect.TypeOf(auditLogEventFields{})
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			keys[name] = true
		}
	}
	return keys
})

// UnmarshalJSON reads the documented fields leniently (a number sent as a
// string is read as that number) and keeps every other key in Extra. A
// value that cannot be read into its field ("many" for a number) is an
// error of encoding/json naming its field: a reply read by the SDK keeps
// the value in Response.Unread and reads the rest of the event.
func (e *AuditLogEvent) UnmarshalJSON(b []byte) error {
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return err
	}
	var f auditLogEventFields
	if err := json.Unmarshal(b, &f); err != nil {
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) {
			return err
		}
		f = auditLogEventFields{}
		unread, lerr := decodeLenient(b, &f)
		if lerr != nil {
			return lerr
		}
		if len(unread) > 0 {
			// The event has no Response to keep them on: the reply's
			// decodeLenient, which has, removes them and reads the
			// event again.
			return err
		}
	}
	known := auditLogEventKeys()
	for k, v := range all {
		if !known[k] {
			if f.Extra == nil {
				f.Extra = map[string]json.RawMessage{}
			}
			f.Extra[k] = v
		}
	}
	*e = AuditLogEvent(f)
	return nil
}

// MarshalJSON encodes the fields and the Extra keys (a field wins over an
// Extra key of the same name).
func (e AuditLogEvent) MarshalJSON() ([]byte, error) {
	b, err := json.Marshal(auditLogEventFields(e))
	if err != nil || len(e.Extra) == 0 {
		return b, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	for k, v := range e.Extra {
		if _, ok := m[k]; !ok && json.Valid(v) {
			m[k] = v
		}
	}
	return json.Marshal(m)
}

// List returns one page of the enterprise audit log. Follow
// Response.NextURL (or use ListIter) for the next page.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/audit-log#get-the-audit-log-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/audit-log (GHES 3.4 and later).
//
//meta:operation GET /enterprises/{enterprise}/audit-log
func (s *AuditLogService) List(ctx context.Context, enterprise string, opts *AuditLogOptions) ([]*AuditLogEvent, *Response, error) {
	return fetchSlice[*AuditLogEvent](ctx, s.backend, &request{op: "AuditLog.List", method: http.MethodGet, path: "enterprises/{enterprise}/audit-log", args: []any{enterprise}, query: opts})
}

// ListIter walks the enterprise audit log from opts on, following each
// reply's next link (its `after` cursor, or its page number) until a reply
// has none. opts is never modified.
//
// GitHub API docs: https://docs.github.com/enterprise-server@3.19/rest/enterprise-admin/audit-log#get-the-audit-log-for-an-enterprise
//
// GHES API: GET /enterprises/{enterprise}/audit-log (GHES 3.4 and later).
//
//meta:operation GET /enterprises/{enterprise}/audit-log
func (s *AuditLogService) ListIter(ctx context.Context, enterprise string, opts *AuditLogOptions) iter.Seq2[*AuditLogEvent, error] {
	return paginate(ctx, s.backend, opts, linked(bind(s.List, enterprise)))
}
