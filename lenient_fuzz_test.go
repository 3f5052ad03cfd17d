package ghesadmin

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// FuzzDecodeLenient: decodeLenient never panics; it agrees with
// encoding/json whenever encoding/json succeeds, with nothing unread; it
// fails only on what is not a field value (a body that is not JSON, a top
// that is not an object); each value it reports unread is, as sent, the
// value at its path in the input; and what it decodes re-encodes.
func FuzzDecodeLenient(f *testing.F) {
	f.Add(`{"total_count":"2","runners":[{"id":"5","busy":"true","labels":[{"id":1,"name":"x"}]},{"id":6,"name":7}]}`)
	f.Add(`{"total_count":1,"runners":[{"id":1,"name":"a","os":"linux","status":"online","busy":false,"ephemeral":false,"labels":[]}]}`)
	f.Add(`{"runners":[{"runner_group_id":"3","labels":[{"id":"1","type":2}]}],"total_count":null}`)
	f.Add(`{"total_count":"many","runners":[{"id":{"a":1},"labels":["x",{"id":"y"}]},"z",{"name":[[1]]}]}`)
	f.Add(`[1,2]`)
	f.Fuzz(func(t *testing.T, in string) {
		var want, got Runners
		werr := json.Unmarshal([]byte(in), &want)
		unread, gerr := decodeLenient([]byte(in), &got)
		if werr == nil {
			if gerr != nil || unread != nil {
				t.Fatalf("%s: encoding/json decodes it, decodeLenient: %v, %v", in, unread, gerr)
			}
			if !reflect.DeepEqual(want, got) {
				t.Fatalf("%s: decodeLenient %+v, encoding/json %+v", in, got, want)
			}
		}
		var doc any
		dec := json.NewDecoder(strings.NewReader(in))
		dec.UseNumber()
		if json.Valid([]byte(in)) && dec.Decode(&doc) == nil {
			switch doc.(type) {
			case map[string]any, nil:
				if gerr != nil {
					t.Fatalf("%s: a JSON object fails: %v", in, gerr)
				}
			}
		}
		if gerr != nil {
			if unread != nil {
				t.Fatalf("%s: unread %v with an error", in, unread)
			}
			return
		}
		for _, u := range unread {
			sent, ok := valueAtPath(doc, u.Path)
			if !ok {
				t.Fatalf("%s: unread path %q is not in the input", in, u.Path)
			}
			if !bytes.Contains([]byte(in), u.Value) {
				t.Fatalf("%s: unread %s at %q is not as sent", in, u.Value, u.Path)
			}
			d := json.NewDecoder(bytes.NewReader(u.Value))
			d.UseNumber()
			var v any
			if err := d.Decode(&v); err != nil || !reflect.DeepEqual(v, sent) {
				t.Fatalf("%s: unread %s at %q, the input has %v there", in, u.Value, u.Path, sent)
			}
		}
		if _, err := json.Marshal(got); err != nil {
			t.Fatalf("%s decoded but does not encode: %v", in, err)
		}
	})
}

// valueAtPath returns the value at path (as UnreadValue.Path writes it) in
// doc.
func valueAtPath(doc any, path string) (any, bool) {
	for path != "" {
		var key string
		index := -1
		switch {
		case path[0] == '[':
			end := strings.IndexByte(path, ']')
			n, err := strconv.Atoi(path[1:max(end, 1)])
			if end < 0 || err != nil {
				return nil, false
			}
			index, path = n, path[end+1:]
		default:
			path = strings.TrimPrefix(path, ".")
			end := strings.IndexAny(path, ".[")
			if end < 0 {
				end = len(path)
			}
			key, path = path[:end], path[end:]
		}
		switch d := doc.(type) {
		case []any:
			if index < 0 || index >= len(d) {
				return nil, false
			}
			doc = d[index]
		case map[string]any:
			v, ok := d[key]
			if index >= 0 || !ok {
				return nil, false
			}
			doc = v
		default:
			return nil, false
		}
	}
	return doc, true
}
