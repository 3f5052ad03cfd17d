package ghesadmin

import (
	"encoding/json"
	"testing"
)

// TestToleratedAliases checks the table of aliases.go: each misspelt key is
// read when the documented one is absent or empty, and the documented key
// wins when it has a value.
func TestToleratedAliases(t *testing.T) {
	var l ManageLicense
	if err := json.Unmarshal([]byte(`[{"supportKey\"":"k1"}]`), &l); err != nil || l.SupportKey != "k1" {
		t.Errorf("supportKey\" alias: SupportKey = %q, err = %v; want k1", l.SupportKey, err)
	}
	l = ManageLicense{}
	if err := json.Unmarshal([]byte(`{"supportKey":"doc","supportKey\"":"alias"}`), &l); err != nil || l.SupportKey != "doc" {
		t.Errorf("documented key: SupportKey = %q, err = %v; want doc", l.SupportKey, err)
	}
	var k ManageSSHKey
	if err := json.Unmarshal([]byte(`{"fingerprint":"","fingeprint":"fp"}`), &k); err != nil || k.Fingerprint != "fp" {
		t.Errorf("fingeprint alias: Fingerprint = %q, err = %v; want fp", k.Fingerprint, err)
	}
	var s UpgradeDownloadStatus
	if err := json.Unmarshal([]byte(`{"download_id":"d","upgrade_id":"u","nodes":[{"upgrade_id":"n"}]}`), &s); err != nil ||
		s.DownloadID != "d" || len(s.Nodes) != 1 || s.Nodes[0].DownloadID != "n" {
		t.Errorf("download_id: %+v, err = %v", s, err)
	}
}
