package ghesadmin

import (
	"encoding/json"
	"strings"
)

// A SCIMError is an error reply of the SCIM API (application/scim+json,
// RFC 7644 §3.12): GHES's SCIM endpoints answer with "detail", "status" and
// "scimType" instead of "message". Message holds the detail, so Error()
// shows it; errors.As(err, &er) with er *ErrorResponse reaches the reply,
// and errors.Is matches ErrNotFound and the other sentinels as for any
// reply.
type SCIMError struct {
	*ErrorResponse
	// Schemas are the body's schemas
	// ("urn:ietf:params:scim:api:messages:2.0:Error").
	Schemas []string
	// Status is the HTTP status as the body states it ("409").
	Status string
	// SCIMType is the SCIM error type ("uniqueness", "invalidFilter",
	// "invalidValue", "mutability", "noTarget", …), or "".
	SCIMType string
}

// Detail is the human-readable detail the server gave.
func (e *SCIMError) Detail() string { return e.Message }

// Unwrap returns the ErrorResponse.
func (e *SCIMError) Unwrap() error { return e.ErrorResponse }

// scimErrorOf returns er as a *SCIMError when body is a SCIM error body
// (it has a "detail" or a "scimType", or a SCIM error schema), or nil.
func scimErrorOf(er *ErrorResponse, body []byte) *SCIMError {
	if len(body) == 0 || body[0] != '{' {
		return nil
	}
	var raw struct {
		Schemas  []string        `json:"schemas"`
		Detail   json.RawMessage `json:"detail"`
		Status   json.RawMessage `json:"status"`
		SCIMType string          `json:"scimType"`
	}
	if json.Unmarshal(body, &raw) != nil {
		return nil
	}
	isSCIM := len(raw.Detail) > 0 || raw.SCIMType != ""
	for _, s := range raw.Schemas {
		if strings.Contains(s, "scim:api:messages:2.0:Error") {
			isSCIM = true
		}
	}
	if !isSCIM {
		return nil
	}
	se := &SCIMError{ErrorResponse: er, Schemas: raw.Schemas, SCIMType: raw.SCIMType, Status: rawText(raw.Status)}
	if d := rawText(raw.Detail); d != "" && er.Message == "" {
		er.Message = d
	}
	return se
}

// rawText reads a JSON string, or keeps another scalar as its text.
func rawText(b json.RawMessage) string {
	if len(b) == 0 || string(b) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(b, &s) == nil {
		return s
	}
	return string(b)
}
