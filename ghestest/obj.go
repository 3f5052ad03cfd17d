package ghestest

import (
	"encoding/json"
	"fmt"
)

// obj is a JSON object the fake builds from its state: its members are
// written in the order they are listed (the order of the GHES reference),
// each value encoded as encoding/json encodes it. Replies are built as obj
// values rather than Go structs, so the fake restates no declaration of
// the SDK's types.
type obj []member

// member is one name and value of an obj.
type member struct {
	name  string
	value any
}

// with returns o followed by the members of more.
func (o obj) with(more ...obj) obj {
	out := append(obj(nil), o...)
	for _, m := range more {
		out = append(out, m...)
	}
	return out
}

// set replaces the value of the member name, or adds it at the end.
func (o obj) set(name string, value any) obj {
	for i := range o {
		if o[i].name == name {
			o[i].value = value
			return o
		}
	}
	return append(o, member{name, value})
}

// MarshalJSON writes the members in order.
func (o obj) MarshalJSON() ([]byte, error) {
	out := []byte{'{'}
	for i, m := range o {
		name, _ := json.Marshal(m.name) // a string always encodes
		value, err := json.Marshal(m.value)
		if err != nil {
			return nil, fmt.Errorf("ghestest: member %q: %w", m.name, err)
		}
		if i > 0 {
			out = append(out, ',')
		}
		out = append(append(append(out, name...), ':'), value...)
	}
	return append(out, '}'), nil
}
