package ghesadmin

import (
	"fmt"
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/go-querystring/query"
)

// The query of a list call is an …Options struct. go-querystring encodes it
// by walking its fields and parsing their tags on every call, then builds a
// url.Values map and sorts its keys. A queryPlan does that walk once per
// type and then writes the query straight into the URL, in the exact bytes
// query.Values(opts).Encode() would produce.
//
// The plan covers the shapes the …Options structs use: exported fields of
// integer, string, bool or time.Time type (without String, Error, Format
// or EncodeValues methods), tags made of a name and at most "omitempty",
// and embedded non-pointer structs made of the same. A type with anything
// else (pointers, slices, nested structs, other tag options, a layout
// tag, …) has no plan and is encoded by go-querystring as before.

// queryPlans caches the plan of each options type; a nil *queryPlan records
// a type without a plan. It belongs to one Client.
type queryPlans struct {
	m sync.Map // reflect.Type → *queryPlan
}

type queryPlan struct {
	// fields in the order url.Values.Encode writes them: sorted by name,
	// and in go-querystring's traversal order among equal names.
	fields []queryField
}

type queryKind uint8

const (
	queryInt queryKind = iota
	queryUint
	queryString
	queryBool
	queryTime
)

type queryField struct {
	index     []int  // for reflect.Value.FieldByIndex
	name      string // the parameter name
	key       string // the escaped name followed by '='
	kind      queryKind
	omitEmpty bool
}

var (
	timeType      = reflect.TypeOf(time.Time{})
	stringerType  = reflect.TypeOf((*fmt.Stringer)(nil)).Elem()
	formatterType = reflect.TypeOf((*fmt.Formatter)(nil)).Elem()
	errorType     = reflect.TypeOf((*error)(nil)).Elem()
	encoderType   = reflect.TypeOf((*query.Encoder)(nil)).Elem()
)

// plan returns the plan of struct type t, or nil when t has none.
func (qp *queryPlans) plan(t reflect.Type) *queryPlan {
	if p, ok := qp.m.Load(t); ok {
		return p.(*queryPlan)
	}
	p := buildQueryPlan(t)
	qp.m.Store(t, p)
	return p
}

func buildQueryPlan(t reflect.Type) *queryPlan {
	var fields []queryField
	if !collectQueryFields(t, nil, &fields) {
		return nil
	}
	sort.SliceStable(fields, func(i, j int) bool { return fields[i].name < fields[j].name })
	return &queryPlan{fields: fields}
}

// collectQueryFields appends the fields of struct type t in go-querystring's
// order (the struct's own fields, then those of its embedded structs) and
// reports whether every field is within the plan's subset.
func collectQueryFields(t reflect.Type, prefix []int, out *[]queryField) bool {
	var embedded []reflect.StructField
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if sf.PkgPath != "" {
			if !sf.Anonymous {
				continue // unexported: go-querystring skips it too
			}
			return false
		}
		tag := sf.Tag.Get("url")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		omitEmpty := false
		if opts != "" || strings.Contains(tag, ",") {
			for _, o := range strings.Split(opts, ",") {
				if o != "omitempty" {
					return false
				}
				omitEmpty = true
			}
		}
		ft := sf.Type
		if name == "" && sf.Anonymous {
			switch {
			case ft.Kind() == reflect.Struct && ft != timeType:
				embedded = append(embedded, sf)
				continue
			case ft.Kind() == reflect.Pointer, ft.Kind() == reflect.Struct:
				return false
			}
		}
		if name == "" {
			name = sf.Name
		}
		kind, ok := queryKindOf(sf)
		if !ok {
			return false
		}
		*out = append(*out, queryField{
			index:     append(append([]int(nil), prefix...), i),
			name:      name,
			key:       url.QueryEscape(name) + "=",
			kind:      kind,
			omitEmpty: omitEmpty,
		})
	}
	for _, sf := range embedded {
		if !collectQueryFields(sf.Type, append(append([]int(nil), prefix...), sf.Index...), out) {
			return false
		}
	}
	return true
}

func queryKindOf(sf reflect.StructField) (queryKind, bool) {
	ft := sf.Type
	if ft == timeType {
		return queryTime, sf.Tag.Get("layout") == ""
	}
	for _, it := range []reflect.Type{stringerType, formatterType, errorType, encoderType} {
		if ft.Implements(it) || reflect.PointerTo(ft).Implements(it) {
			return 0, false
		}
	}
	switch ft.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return queryInt, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return queryUint, true
	case reflect.String:
		return queryString, true
	case reflect.Bool:
		return queryBool, true
	}
	return 0, false
}

// write appends the query of v (a struct of the plan's type) to sb, with
// '?' before the first parameter; it writes nothing when every parameter
// is omitted.
func (p *queryPlan) write(sb *strings.Builder, v reflect.Value) {
	sep := byte('?')
	var buf [64]byte
	for i := range p.fields {
		f := &p.fields[i]
		fv := v.FieldByIndex(f.index)
		var val []byte
		switch f.kind {
		case queryInt:
			n := fv.Int()
			if n == 0 && f.omitEmpty {
				continue
			}
			val = strconv.AppendInt(buf[:0], n, 10)
		case queryUint:
			n := fv.Uint()
			if n == 0 && f.omitEmpty {
				continue
			}
			val = strconv.AppendUint(buf[:0], n, 10)
		case queryBool:
			b := fv.Bool()
			if !b && f.omitEmpty {
				continue
			}
			val = strconv.AppendBool(buf[:0], b)
		case queryString:
			s := fv.String()
			if s == "" && f.omitEmpty {
				continue
			}
			sb.WriteByte(sep)
			sep = '&'
			sb.WriteString(f.key)
			writeQueryEscaped(sb, s)
			continue
		case queryTime:
			var t time.Time
			if fv.CanAddr() {
				t = *(fv.Addr().Interface().(*time.Time))
			} else {
				t = fv.Interface().(time.Time)
			}
			if t.IsZero() && f.omitEmpty {
				continue
			}
			val = t.AppendFormat(buf[:0], time.RFC3339)
		}
		sb.WriteByte(sep)
		sep = '&'
		sb.WriteString(f.key)
		writeQueryEscaped(sb, val)
	}
}

const upperHex = "0123456789ABCDEF"

// writeQueryEscaped writes s escaped as url.QueryEscape does: letters,
// digits and "-_.~" as they are, a space as '+', any other byte as %XX.
func writeQueryEscaped[S string | []byte](sb *strings.Builder, s S) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '_', c == '.', c == '~':
			sb.WriteByte(c)
		case c == ' ':
			sb.WriteByte('+')
		default:
			sb.WriteByte('%')
			sb.WriteByte(upperHex[c>>4])
			sb.WriteByte(upperHex[c&15])
		}
	}
}
