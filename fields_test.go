package ghesadmin

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"testing"
	"time"
)

// assertFields compares got and want field by field (recursively through
// pointers, structs and slices) and reports every field that differs by its
// path, such as "user.Plan.Space". Times are compared with Equal.
func assertFields(t *testing.T, name string, got, want any) {
	t.Helper()
	var diffs []string
	diffValues(name, reflect.ValueOf(got), reflect.ValueOf(want), &diffs)
	for _, d := range diffs {
		t.Error(d)
	}
}

var fieldsTimeType = reflect.TypeOf(time.Time{})

func diffValues(path string, g, w reflect.Value, out *[]string) {
	if !g.IsValid() || !w.IsValid() {
		if g.IsValid() != w.IsValid() {
			*out = append(*out, fmt.Sprintf("%s: one side is invalid", path))
		}
		return
	}
	if g.Type() != w.Type() {
		*out = append(*out, fmt.Sprintf("%s: type %s, want %s", path, g.Type(), w.Type()))
		return
	}
	switch g.Kind() {
	case reflect.Pointer, reflect.Interface:
		if g.IsNil() || w.IsNil() {
			if g.IsNil() != w.IsNil() {
				*out = append(*out, fmt.Sprintf("%s = %s, want %s", path, fieldString(g), fieldString(w)))
			}
			return
		}
		diffValues(path, g.Elem(), w.Elem(), out)
	case reflect.Struct:
		if g.Type() == fieldsTimeType {
			gt, wt := g.Interface().(time.Time), w.Interface().(time.Time)
			if !gt.Equal(wt) {
				*out = append(*out, fmt.Sprintf("%s = %s, want %s", path, gt, wt))
			}
			return
		}
		for i := 0; i < g.NumField(); i++ {
			f := g.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			diffValues(path+"."+f.Name, g.Field(i), w.Field(i), out)
		}
	case reflect.Slice:
		if g.IsNil() != w.IsNil() || g.Len() != w.Len() {
			*out = append(*out, fmt.Sprintf("%s = %s, want %s", path, fieldString(g), fieldString(w)))
			return
		}
		for i := 0; i < g.Len(); i++ {
			diffValues(fmt.Sprintf("%s[%d]", path, i), g.Index(i), w.Index(i), out)
		}
	default:
		if !reflect.DeepEqual(g.Interface(), w.Interface()) {
			*out = append(*out, fmt.Sprintf("%s = %s, want %s", path, fieldString(g), fieldString(w)))
		}
	}
}

func fieldString(v reflect.Value) string {
	if v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return "nil"
		}
		return "&" + fieldString(v.Elem())
	}
	if v.Kind() == reflect.Slice && v.IsNil() {
		return "nil"
	}
	return fmt.Sprintf("%#v", v.Interface())
}

// assertCoversFixture checks that decoding testdata/name into a value of v's
// type and encoding it again keeps every key of the fixture: a field missing
// from the struct, or a wrong JSON tag, drops a key and fails the test.
func assertCoversFixture(t *testing.T, name string, v any) {
	t.Helper()
	data := fixture(t, name)
	ptr := reflect.New(reflect.TypeOf(v))
	if err := json.Unmarshal(data, ptr.Interface()); err != nil {
		t.Fatalf("%s: decoding into %T: %v", name, v, err)
	}
	again, err := json.Marshal(ptr.Interface())
	if err != nil {
		t.Fatalf("%s: encoding %T: %v", name, v, err)
	}
	var src, dst any
	if err := json.Unmarshal(data, &src); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := json.Unmarshal(again, &dst); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var missing []string
	missingKeys("", src, dst, &missing)
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("%s: key %s is not decoded into %T", name, m, v)
	}
}

// assertFixtureFullyMapped decodes testdata/name into a new value of into's
// type with unknown fields disallowed: every key of the reference example
// must have a field (and a correct JSON tag) in the SDK's type.
func assertFixtureFullyMapped(t *testing.T, name string, into any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(fixture(t, name)))
	dec.DisallowUnknownFields()
	v := reflect.New(reflect.TypeOf(into)).Interface()
	if err := dec.Decode(v); err != nil {
		t.Errorf("fixture %s has a key the SDK type %T does not decode: %v", name, into, err)
	}
}

func missingKeys(path string, src, dst any, out *[]string) {
	switch s := src.(type) {
	case map[string]any:
		d, _ := dst.(map[string]any)
		for k, sv := range s {
			dv, ok := d[k]
			if !ok {
				*out = append(*out, path+"."+k)
				continue
			}
			missingKeys(path+"."+k, sv, dv, out)
		}
	case []any:
		d, _ := dst.([]any)
		for i, sv := range s {
			if i >= len(d) {
				*out = append(*out, fmt.Sprintf("%s[%d]", path, i))
				continue
			}
			missingKeys(fmt.Sprintf("%s[%d]", path, i), sv, d[i], out)
		}
	}
}

func TestAssertFieldsReportsDifferences(t *testing.T) {
	type inner struct{ N int }
	type outer struct {
		S  string
		P  *string
		I  inner
		T  time.Time
		L  []inner
		IP *inner
	}
	a := outer{S: "a", P: Ptr("x"), I: inner{1}, T: time.Unix(1, 0), L: []inner{{1}}, IP: &inner{2}}
	b := outer{S: "b", P: nil, I: inner{2}, T: time.Unix(2, 0), L: []inner{{3}}, IP: &inner{4}}
	var diffs []string
	diffValues("v", reflect.ValueOf(a), reflect.ValueOf(b), &diffs)
	want := []string{"v.S", "v.P", "v.I.N", "v.T", "v.L[0].N", "v.IP.N"}
	if len(diffs) != len(want) {
		t.Fatalf("diffs = %q, want one per field of %q", diffs, want)
	}
	for i, w := range want {
		if len(diffs[i]) < len(w) || diffs[i][:len(w)] != w {
			t.Errorf("diff %d = %q, want it about %s", i, diffs[i], w)
		}
	}
	diffs = nil
	diffValues("v", reflect.ValueOf(a), reflect.ValueOf(a), &diffs)
	if len(diffs) != 0 {
		t.Errorf("equal values: diffs = %q", diffs)
	}
}

func TestMissingKeysReportsDroppedKeys(t *testing.T) {
	var src, dst any
	_ = json.Unmarshal([]byte(`{"a":1,"b":{"c":2,"d":3},"l":[{"e":1}]}`), &src)
	_ = json.Unmarshal([]byte(`{"a":1,"b":{"c":2},"l":[{}]}`), &dst)
	var missing []string
	missingKeys("", src, dst, &missing)
	sort.Strings(missing)
	if !reflect.DeepEqual(missing, []string{".b.d", ".l[0].e"}) {
		t.Errorf("missing = %q", missing)
	}
}
