package ghesadmin

import (
	"encoding/json"
	"fmt"
	"strings"
)

// A SCIMFilter is the filter of a SCIM list (RFC 7644 §3.4.2.2), in the
// subset GHES documents: one comparison `attribute eq "value"` on userName,
// externalId, id or displayName (users), or externalId, id or displayName
// (groups); multiple filters are not supported. Build one with
// SCIMUserNameEq and its siblings, or write it as text: either way it is
// checked before anything is sent.
type SCIMFilter string

// scimFilterAttributes are the attributes GHES filters on, by their
// canonical spelling (SCIM attribute names are case-insensitive).
var scimFilterAttributes = map[string]string{
	"username":    "userName",
	"externalid":  "externalId",
	"id":          "id",
	"displayname": "displayName",
}

// scimEq builds `attr eq "value"`, quoting value as a JSON string (which is
// how SCIM quotes: \" and \\ are escaped).
func scimEq(attr, value string) SCIMFilter {
	q, _ := json.Marshal(value) // a string always encodes
	return SCIMFilter(attr + ` eq ` + string(q))
}

// SCIMUserNameEq is the filter `userName eq "value"`.
func SCIMUserNameEq(value string) SCIMFilter { return scimEq("userName", value) }

// SCIMExternalIDEq is the filter `externalId eq "value"`.
func SCIMExternalIDEq(value string) SCIMFilter { return scimEq("externalId", value) }

// SCIMIDEq is the filter `id eq "value"`.
func SCIMIDEq(value string) SCIMFilter { return scimEq("id", value) }

// SCIMDisplayNameEq is the filter `displayName eq "value"`.
func SCIMDisplayNameEq(value string) SCIMFilter { return scimEq("displayName", value) }

// Parse checks f against the grammar GHES documents and returns its
// attribute (canonical spelling) and its value, unquoted.
func (f SCIMFilter) Parse() (attribute, value string, err error) {
	s := strings.TrimSpace(string(f))
	name, rest, ok := strings.Cut(s, " ")
	if !ok {
		return "", "", fmt.Errorf("%w: SCIM filter %q: want `attribute eq \"value\"`", ErrInvalidArgument, string(f))
	}
	attr, known := scimFilterAttributes[strings.ToLower(name)]
	if !known {
		return "", "", fmt.Errorf("%w: SCIM filter %q: attribute %q is not one GHES filters on (userName, externalId, id, displayName)", ErrInvalidArgument, string(f), name)
	}
	rest = strings.TrimLeft(rest, " ")
	op, quoted, ok := strings.Cut(rest, " ")
	if !ok || !strings.EqualFold(op, "eq") {
		return "", "", fmt.Errorf("%w: SCIM filter %q: the only operator GHES supports is eq", ErrInvalidArgument, string(f))
	}
	quoted = strings.TrimSpace(quoted)
	if len(quoted) < 2 || quoted[0] != '"' || quoted[len(quoted)-1] != '"' {
		return "", "", fmt.Errorf("%w: SCIM filter %q: the value must be one double-quoted string", ErrInvalidArgument, string(f))
	}
	if err := json.Unmarshal([]byte(quoted), &value); err != nil {
		return "", "", fmt.Errorf("%w: SCIM filter %q: the value is not a valid quoted string (multiple filters are not supported)", ErrInvalidArgument, string(f))
	}
	return attr, value, nil
}

// validate checks f for a list whose filterable attributes are allowed.
func (f SCIMFilter) validate(what string, allowed ...string) error {
	if f == "" {
		return nil
	}
	attr, _, err := f.Parse()
	if err != nil {
		return fmt.Errorf("%w: %s.Filter: %s", ErrInvalidArgument, what, strings.TrimPrefix(err.Error(), ErrInvalidArgument.Error()+": "))
	}
	for _, a := range allowed {
		if a == attr {
			return nil
		}
	}
	return fmt.Errorf("%w: %s.Filter: GHES does not filter on %s here (only %s)", ErrInvalidArgument, what, attr, strings.Join(allowed, ", "))
}
