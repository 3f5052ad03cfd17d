package ghesadmin

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// lenientTarget is what fetch decodes a reply into: decodeBody reads the
// body into one buffer (readValue) and hands it to decodeBuffered, so that a
// scalar sent with another JSON type than the documented one (a number as a
// string, a string as a number, a boolean as "true") does not fail a whole
// reply, and a value that cannot be read is kept in unread (call puts it on
// Response.Unread).
type lenientTarget struct {
	v      any
	unread []UnreadValue
}

func (l *lenientTarget) unreadValues() []UnreadValue { return l.unread }

// unreader is an output of call that keeps the values of the reply it
// could not read; call puts them on Response.Unread.
type unreader interface {
	unreadValues() []UnreadValue
}

// decodeBuffered decodes the JSON value of b into l.v: one json.Unmarshal
// straight into the typed value, and decodeLenient only when that fails, so
// that a reply that matches its type costs what plain decoding costs. Bytes
// after the first value are ignored, as a streaming json.Decoder ignores
// them. A body of white space only returns io.EOF.
func (l *lenientTarget) decodeBuffered(b []byte) (err error) {
	l.unread = nil // a retried attempt starts over
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 {
		return io.EOF
	}
	err = json.Unmarshal(b, l.v)
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
	l.unread, err = decodeLenient(b, l.v)
	return err
}

// zero sets what the pointer v points to to its zero value, so that a
// second decoding starts from nothing.
func zero(v any) {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv.Elem().SetZero()
	}
}

// UnreadValue is a value of a reply that the SDK could not read into the Go
// type the documentation gives its field: "many" where a count is
// documented, an object where a string is. The field keeps its zero value,
// the rest of the reply is read as usual, and the value is kept here as the
// server sent it (Response.Unread), so nothing is lost.
type UnreadValue struct {
	// Path locates the value in the reply: the member names (as
	// encoding/json names the field, the key as sent) joined with dots,
	// with the index of each list element on the way in brackets:
	// "total_users", "config.insecure_ssl", "runners[1].labels[0].name",
	// "[2].id" for a member of the third element of a list reply.
	Path string
	// Value is the value exactly as the server sent it.
	Value json.RawMessage
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
// "many" for a number) is removed from the document (an element of a list
// becomes null), so that its field keeps its zero value, and returned, as
// sent, with its path.
//
// The error is that of encoding/json when b is not JSON, when the value at
// the top of b cannot be v (an object where a list is expected), when an
// element of a list at the top cannot be an element of v, or after
// maxLenientPasses passes.
func decodeLenient(b []byte, v any) ([]UnreadValue, error) {
	err := json.Unmarshal(b, v)
	if err == nil {
		return nil, nil
	}
	var doc any
	var unread [][]pathStep
	for pass := 0; pass < maxLenientPasses; pass++ {
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) || te.Field == "" || te.Type == nil {
			return nil, err
		}
		fresh := doc == nil
		if fresh {
			dec := json.NewDecoder(bytes.NewReader(b))
			dec.UseNumber()
			if derr := dec.Decode(&doc); derr != nil {
				return nil, err
			}
		}
		p := lenientPass{t: te.Type, value: te.Value}
		if !p.at(doc, strings.Split(te.Field, "."), nil) && !fresh {
			// Nothing changed (a fresh document is still decoded once:
			// of a key sent twice it keeps the last value, which
			// encoding/json also keeps, after failing on the first).
			return nil, err
		}
		unread = append(unread, p.unread...)
		nb, merr := json.Marshal(doc)
		if merr != nil {
			return nil, err
		}
		zero(v)
		if err = json.Unmarshal(nb, v); err == nil {
			return unreadValues(b, unread), nil
		}
	}
	return nil, err
}

// pathStep is one step of a path in a document: a member's key, or an
// element's index when isIndex.
type pathStep struct {
	key     string
	index   int
	isIndex bool
}

// with returns path followed by s, in a new array (path is shared by the
// siblings of the value).
func with(path []pathStep, s pathStep) []pathStep {
	return append(path[:len(path):len(path)], s)
}

// pathString writes path as UnreadValue.Path does.
func pathString(path []pathStep) string {
	var sb strings.Builder
	for i, s := range path {
		switch {
		case s.isIndex:
			sb.WriteByte('[')
			sb.WriteString(strconv.Itoa(s.index))
			sb.WriteByte(']')
		case i > 0:
			sb.WriteByte('.')
			sb.WriteString(s.key)
		default:
			sb.WriteString(s.key)
		}
	}
	return sb.String()
}

// lenientPass settles, in one pass over the document, the values at the path
// of one type error of encoding/json: t is the Go type the value (or, for a
// list or map field, each of its elements) could not be read into, and value
// what encoding/json met there ("array", "object", "string", "number 1.5").
type lenientPass struct {
	t      reflect.Type
	value  string
	unread [][]pathStep
}

// at settles the values at path in doc (in every element of the lists met on
// the way); prefix is where doc is in the document. It reports whether it
// changed any.
func (p *lenientPass) at(doc any, path []string, prefix []pathStep) bool {
	switch d := doc.(type) {
	case []any:
		changed := false
		for i, e := range d {
			if p.at(e, path, with(prefix, pathStep{index: i, isIndex: true})) {
				changed = true
			}
		}
		return changed
	case map[string]any:
		if len(path) == 0 {
			return false
		}
		keys := foldedKeys(d, path[0])
		if len(keys) == 0 {
			// encoding/json names an embedded struct in the path
			// ("plain.user_id" for a type whose UnmarshalJSON decodes
			// into a struct embedding its plain twin): its fields are
			// members of this object.
			return len(path) > 1 && p.at(d, path[1:], prefix)
		}
		if len(path) == 1 {
			return p.settleMembers(d, keys, prefix, true)
		}
		changed := false
		for _, k := range keys {
			changed = p.at(d[k], path[1:], with(prefix, pathStep{key: k})) || changed
		}
		return changed
	}
	return false
}

// settleMembers settles the members keys of d, which is at path, removing
// those that cannot be read; unwrap is settle's. It reports whether it
// changed any.
func (p *lenientPass) settleMembers(d map[string]any, keys []string, path []pathStep, unwrap bool) bool {
	changed := false
	for _, k := range keys {
		nv, keep, ch := p.settle(d[k], with(path, pathStep{key: k}), unwrap)
		switch {
		case !keep:
			delete(d, k)
		case ch:
			d[k] = nv
		}
		changed = changed || ch
	}
	return changed
}

// foldedKeys returns the keys of d that encoding/json matches to the field
// named name (it folds case), the exact one first.
func foldedKeys(d map[string]any, name string) []string {
	var keys []string
	for k := range d {
		if k != name && strings.EqualFold(k, name) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	if _, ok := d[name]; ok {
		keys = append([]string{name}, keys...)
	}
	return keys
}

// settle returns what v, a value at the end of the path, becomes: itself
// when it fits p.t, converted when it can be, its elements settled (once:
// unwrap is false for them) when it is a list (or an object) standing for a
// list (or a map) of p.t, and otherwise nothing (keep is false): it is
// recorded as unread. changed reports any change.
func (p *lenientPass) settle(v any, path []pathStep, unwrap bool) (nv any, keep, changed bool) {
	raw, err := json.Marshal(v)
	if err != nil || p.fits(raw) {
		return v, true, false
	}
	if nv, ok := coerceValue(raw, p.t); ok {
		return nv, true, true
	}
	if !unwrap {
		v = nil
	}
	switch c := v.(type) {
	case []any:
		if k := p.t.Kind(); k != reflect.Slice && k != reflect.Array {
			// A list where encoding/json met something else than a
			// list (p.value) is a list field: its elements are what
			// is wrong. Where it met a list, it is the list itself,
			// unless one of its elements is a list.
			whole := p.value == "array"
			if !whole || slices.ContainsFunc(c, isContainer) {
				changed := false
				for i, e := range c {
					nv, keep, ch := p.settle(e, with(path, pathStep{index: i, isIndex: true}), false)
					switch {
					case !keep:
						c[i] = nil // the element keeps its place, with its zero value
					case ch:
						c[i] = nv
					}
					changed = changed || ch
				}
				if !whole || changed {
					return c, true, changed
				}
			}
		}
	case map[string]any:
		if k := p.t.Kind(); k != reflect.Map && k != reflect.Struct && k != reflect.Interface {
			// The same for an object, which stands for a map.
			whole := p.value == "object"
			if !whole || containsContainer(c) {
				changed := p.settleMembers(c, slices.Sorted(maps.Keys(c)), path, false)
				if !whole || changed {
					return c, true, changed
				}
			}
		}
	}
	p.unread = append(p.unread, path)
	return nil, false, true
}

// fits reports whether raw can be read into a p.t as far as its own JSON
// type goes (what is wrong deeper in it is another path's business).
func (p *lenientPass) fits(raw []byte) bool {
	err := json.Unmarshal(raw, reflect.New(p.t).Interface())
	var te *json.UnmarshalTypeError
	return !errors.As(err, &te) || te.Field != "" || te.Type != p.t
}

func isContainer(v any) bool {
	switch v.(type) {
	case []any, map[string]any:
		return true
	}
	return false
}

func containsContainer(m map[string]any) bool {
	for _, v := range m {
		if isContainer(v) {
			return true
		}
	}
	return false
}

// coerceValue converts the scalar raw to the JSON type of t (which it does
// not fit), as a value of a document decoded with UseNumber.
func coerceValue(raw []byte, t reflect.Type) (any, bool) {
	if len(raw) == 0 || raw[0] == '{' || raw[0] == '[' || string(raw) == "null" {
		return nil, false
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

// unreadValues returns the values at paths in b, as sent. A path inside
// another one is left out: its value is part of the other's.
func unreadValues(b []byte, paths [][]pathStep) []UnreadValue {
	if len(paths) == 0 {
		return nil
	}
	names := make(map[string]bool, len(paths))
	for _, path := range paths {
		names[pathString(path)] = true
	}
	root := &rawNode{raw: b}
	out := make([]UnreadValue, 0, len(paths))
next:
	for _, path := range paths {
		for i := 1; i < len(path); i++ {
			if names[pathString(path[:i])] {
				continue next
			}
		}
		n := root
		for _, s := range path {
			if n = n.child(s); n == nil {
				break
			}
		}
		u := UnreadValue{Path: pathString(path)}
		if n != nil {
			u.Value = n.raw
		}
		out = append(out, u)
	}
	return out
}

// rawNode is a value of a document as sent, its members or elements read
// when first asked for.
type rawNode struct {
	raw      json.RawMessage
	read     bool
	members  map[string]*rawNode
	elements []*rawNode
}

// child returns the member or element s of n, or nil.
func (n *rawNode) child(s pathStep) *rawNode {
	if !n.read {
		n.read = true
		var obj map[string]json.RawMessage
		var arr []json.RawMessage
		if json.Unmarshal(n.raw, &obj) == nil {
			n.members = make(map[string]*rawNode, len(obj))
			for k, v := range obj {
				n.members[k] = &rawNode{raw: v}
			}
		} else if json.Unmarshal(n.raw, &arr) == nil {
			n.elements = make([]*rawNode, len(arr))
			for i, v := range arr {
				n.elements[i] = &rawNode{raw: v}
			}
		}
	}
	if s.isIndex {
		if s.index < len(n.elements) {
			return n.elements[s.index]
		}
		return nil
	}
	return n.members[s.key]
}

// typeError is what a type's own decoder returns for a JSON value b it
// cannot read into v: a *json.UnmarshalTypeError, which encoding/json names
// with the field's path, so that the tolerant reader keeps the value in
// Response.Unread instead of failing the reply.
func typeError(b []byte, v any) error {
	return &json.UnmarshalTypeError{Value: jsonKind(bytes.TrimSpace(b)), Type: reflect.TypeOf(v)}
}

// jsonKind names the JSON type of the value b as encoding/json does in an
// *json.UnmarshalTypeError ("object", "array", "bool", "string", "number").
func jsonKind(b []byte) string {
	if len(b) == 0 {
		return "value"
	}
	switch b[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "bool"
	case '"':
		return "string"
	case 'n':
		return "null"
	}
	return "number"
}
