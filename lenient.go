package ghesadmin

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
)

// lenientTarget is what fetch decodes a reply into: decodeBody reads the
// body into one buffer (readValue) and hands it to decodeBuffered, so that a
// scalar sent with another JSON type than the documented one (a number as a
// string, a string as a number, a boolean as "true") does not fail a whole
// reply.
type lenientTarget struct{ v any }

// decodeBuffered decodes the JSON value of b into l.v: one json.Unmarshal
// straight into the typed value, and decodeLenient only when that fails, so
// that a reply that matches its type costs what plain decoding costs. Bytes
// after the first value are ignored, as a streaming json.Decoder ignores
// them. A body of white space only returns io.EOF.
func (l *lenientTarget) decodeBuffered(b []byte) error {
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 {
		return io.EOF
	}
	err := json.Unmarshal(b, l.v)
	if err == nil {
		return nil
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Perhaps a value followed by other bytes: decode the first value
		// alone, as a streaming decoder would.
		var raw json.RawMessage
		dec := json.NewDecoder(bytes.NewReader(b))
		if dec.Decode(&raw) != nil || len(raw) == len(bytes.TrimRight(b, " \t\r\n")) {
			return err
		}
		b = raw
	}
	zero(l.v)
	return decodeLenient(b, l.v)
}

// zero sets what the pointer v points to to its zero value, so that a
// second decoding starts from nothing.
func zero(v any) {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv.Elem().SetZero()
	}
}

// maxLenientPasses bounds the coercions of one reply: one pass per field
// path (a path covers every element of the lists on it).
const maxLenientPasses = 64

// decodeLenient decodes b into v (a pointer). Where encoding/json reports a
// scalar of another type than the field's, the value is converted as
// coerceJSON does (587 → "587" for a string field, "12" → 12 for a number
// field, "true" → true for a boolean field) at that path of the document, in
// every element of the lists on the path, and the document is decoded again.
// A value that cannot be converted (an object where a string is documented,
// "many" for a number) is still an error.
func decodeLenient(b []byte, v any) error {
	err := json.Unmarshal(b, v)
	if err == nil {
		return nil
	}
	var doc any
	for pass := 0; pass < maxLenientPasses; pass++ {
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) || te.Field == "" || te.Type == nil {
			return err
		}
		if doc == nil {
			dec := json.NewDecoder(bytes.NewReader(b))
			dec.UseNumber()
			if derr := dec.Decode(&doc); derr != nil {
				return err
			}
		}
		if !coerceAt(doc, strings.Split(te.Field, "."), te.Type) {
			return err
		}
		nb, merr := json.Marshal(doc)
		if merr != nil {
			return err
		}
		zero(v)
		if err = json.Unmarshal(nb, v); err == nil {
			return nil
		}
	}
	return err
}

// coerceAt converts, to the JSON type of t, the values at path in doc (in
// every element of the arrays met on the way). It reports whether it changed
// any.
func coerceAt(doc any, path []string, t reflect.Type) bool {
	switch d := doc.(type) {
	case []any:
		changed := false
		for _, e := range d {
			if coerceAt(e, path, t) {
				changed = true
			}
		}
		return changed
	case map[string]any:
		if len(path) == 0 {
			return false
		}
		val, ok := d[path[0]]
		if !ok {
			// encoding/json names an embedded struct in the path
			// ("plain.user_id" for a type whose UnmarshalJSON decodes
			// into a struct embedding its plain twin): its fields are
			// members of this object.
			return len(path) > 1 && coerceAt(d, path[1:], t)
		}
		if len(path) > 1 {
			return coerceAt(val, path[1:], t)
		}
		if arr, isArr := val.([]any); isArr { // a list of scalars
			changed := false
			for i, e := range arr {
				if nv, ok := coerceValue(e, t); ok {
					arr[i], changed = nv, true
				}
			}
			return changed
		}
		if nv, ok := coerceValue(val, t); ok {
			d[path[0]] = nv
			return true
		}
	}
	return false
}

// coerceValue converts the scalar v to the JSON type of t, if it is not of
// it already.
func coerceValue(v any, t reflect.Type) (any, bool) {
	switch v.(type) {
	case nil, map[string]any, []any:
		return nil, false
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, false
	}
	if json.Unmarshal(raw, reflect.New(t).Interface()) == nil {
		return nil, false // already fits
	}
	conv, ok := coerceJSON(raw, t)
	if !ok {
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(conv))
	dec.UseNumber()
	var out any
	if dec.Decode(&out) != nil {
		return nil, false
	}
	return out, true
}
