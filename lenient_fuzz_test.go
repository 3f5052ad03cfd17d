package ghesadmin

import (
	"encoding/json"
	"reflect"
	"testing"
)

// FuzzDecodeLenient: decodeLenient never panics, agrees with encoding/json
// whenever encoding/json succeeds, and what it decodes re-encodes.
func FuzzDecodeLenient(f *testing.F) {
	f.Add(`{"total_count":"2","runners":[{"id":"5","busy":"true","labels":[{"id":1,"name":"x"}]},{"id":6,"name":7}]}`)
	f.Add(`{"total_count":1,"runners":[{"id":1,"name":"a","os":"linux","status":"online","busy":false,"ephemeral":false,"labels":[]}]}`)
	f.Add(`{"runners":[{"runner_group_id":"3","labels":[{"id":"1","type":2}]}],"total_count":null}`)
	f.Add(`[1,2]`)
	f.Fuzz(func(t *testing.T, in string) {
		var want, got Runners
		werr := json.Unmarshal([]byte(in), &want)
		gerr := decodeLenient([]byte(in), &got)
		if werr == nil {
			if gerr != nil {
				t.Fatalf("%s: encoding/json decodes it, decodeLenient fails: %v", in, gerr)
			}
			if !reflect.DeepEqual(want, got) {
				t.Fatalf("%s: decodeLenient %+v, encoding/json %+v", in, got, want)
			}
		}
		if gerr == nil {
			if _, err := json.Marshal(got); err != nil {
				t.Fatalf("%s decoded but does not encode: %v", in, err)
			}
		}
	})
}
