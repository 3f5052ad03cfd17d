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
)

// A tolerance is what a reply type accepts beyond its schema.
type tolerance struct {
	// arrayForObject reads the first element of an array sent where the
	// schema says object (an empty array leaves the value unchanged).
	arrayForObject bool
	// aliases maps a documented key to a misspelling that is read when
	// the documented key is absent, null or "".
	aliases map[string]string
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
