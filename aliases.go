package ghesadmin

import (
	"bytes"
	"encoding/json"
)

// GitHub's descriptions of the Manage GHES API are not always right about
// their own replies: some examples misspell a key, or show a one-element
// array where the schema says object. Real servers may follow either. The
// deviations the SDK tolerates are all listed here, and applied by one
// decoder, tolerance.decode. The documented key always wins, and it is the
// one encoded.
var (
	// GET /manage/v1/config/license: the example is an array, and spells
	// "supportKey" as `supportKey"`.
	toleranceManageLicense = tolerance{arrayForObject: true, aliases: map[string]string{"supportKey": `supportKey"`}}
	// GET /manage/v1/config/license/check: the example is an array.
	toleranceLicenseCheck = tolerance{arrayForObject: true}
	// POST /manage/v1/upgrade/download (202): the example is an array.
	toleranceDownloadOrchestration = tolerance{arrayForObject: true}
	// GET /manage/v1/access/ssh: the example spells "fingeprint".
	toleranceSSHKey = tolerance{aliases: map[string]string{"fingerprint": "fingeprint"}}
	// GET /manage/v1/upgrade/download/status: the examples send
	// "upgrade_id" for "download_id", at the top and in each node.
	toleranceDownloadID = tolerance{aliases: map[string]string{"download_id": "upgrade_id"}}

	// SCIM groups (GET, POST, PUT, PATCH /scim/v2/enterprises/{enterprise}/Groups…,
	// GHES 3.12–3.19): the examples' members spell "$ref" as "$+ref" and
	// "display" as "displayName".
	toleranceSCIMReference = tolerance{aliases: map[string]string{"$ref": "$+ref", "display": "displayName"}}
	// GET /enterprises/{enterprise}/apps/installable_organizations/{org}/accessible_repositories
	// and the installation's repositories (GHES 3.19): the second example
	// item spells "name" as "login".
	toleranceAccessibleRepository = tolerance{aliases: map[string]string{"name": "login"}}
	// GET /enterprises/{enterprise}/dependabot/alerts (GHES 3.16): the
	// example's security_advisory.epss is a one-element array; the schema
	// (and every other release) says object.
	toleranceEPSS = tolerance{arrayForObject: true}
	// GET /enterprises/{enterprise}/code-security/configurations/{id}/repositories
	// (each item's "repository"), PUT …/configurations/{id}/defaults
	// ("configuration"), GET /enterprises/{enterprise}/apps/organizations/{org}/installations
	// (each item), GHES 3.16–3.19: the examples wrap the object in an
	// unresolved reference, {"value": {…}, "x-ref": "simple-repository"};
	// the schemas document the object itself, with no "value" property.
	toleranceReferenceWrapper = tolerance{referenceWrapper: true}
)

// A tolerance is what a reply type accepts beyond its schema.
type tolerance struct {
	// arrayForObject reads the first element of an array sent where the
	// schema says object (an empty array leaves the value unchanged).
	arrayForObject bool
	// aliases maps a documented key to a misspelling that is read when
	// the documented key is absent, null or "".
	aliases map[string]string
	// referenceWrapper reads the "value" of an object whose only members
	// are "value" (an object) and "x-ref" (a string naming the schema): an
	// example's unresolved reference. The "x-ref" name is the schema's own
	// annotation, not data of the reply, and is not kept.
	referenceWrapper bool
}

// decode decodes b into v (a pointer to a type without JSON methods) with
// the tolerance t.
func (t tolerance) decode(b []byte, v any) error {
	b = bytes.TrimSpace(b)
	if t.arrayForObject && len(b) > 0 && b[0] == '[' {
		var items []json.RawMessage
		if err := json.Unmarshal(b, &items); err != nil {
			return err
		}
		if len(items) == 0 {
			return nil
		}
		b = items[0]
	}
	if t.referenceWrapper {
		b = unwrapReference(b)
	}
	if len(t.aliases) > 0 {
		var m map[string]json.RawMessage
		if json.Unmarshal(b, &m) == nil && m != nil {
			changed := false
			for doc, alias := range t.aliases {
				raw, ok := m[alias]
				if !ok {
					continue
				}
				delete(m, alias)
				changed = true
				if cur := string(bytes.TrimSpace(m[doc])); cur == "" || cur == "null" || cur == `""` {
					m[doc] = raw
				}
			}
			if changed {
				nb, err := json.Marshal(m)
				if err != nil {
					return err
				}
				b = nb
			}
		}
	}
	return json.Unmarshal(b, v)
}

// unwrapReference returns the "value" of b when b is exactly
// {"value": {…}, "x-ref": "name"}, and b otherwise.
func unwrapReference(b []byte) []byte {
	if len(b) == 0 || b[0] != '{' || !bytes.Contains(b, []byte(`"x-ref"`)) {
		return b
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(b, &m) != nil || len(m) != 2 {
		return b
	}
	value, ref := bytes.TrimSpace(m["value"]), bytes.TrimSpace(m["x-ref"])
	if len(value) == 0 || value[0] != '{' || len(ref) == 0 || ref[0] != '"' {
		return b
	}
	return value
}
