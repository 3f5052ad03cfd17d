package ghesadmin

import (
	"fmt"
	"math/rand"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-querystring/query"
)

// The query plans must write exactly what go-querystring writes.

type qpStringer int

func (q qpStringer) String() string { return fmt.Sprintf("S%d", int(q)) }

type qpInner struct {
	Page  int    `url:"page,omitempty"`
	Extra string `url:"extra"`
}

// QPInner is qpInner under an exported name, as an embedded field.
type QPInner qpInner

type qpDeep struct {
	QPInnerFields
	Tail bool `url:"tail,omitempty"`
}

// QPInnerFields is embedded by qpDeep.
type QPInnerFields struct {
	X int `url:"x"`
}

type (
	qpFlat struct {
		A        int       `url:"a"`
		B        int64     `url:"b,omitempty"`
		C        uint16    `url:"c,omitempty"`
		D        string    `url:"d,omitempty"`
		E        Direction `url:"e"`
		F        bool      `url:"f,omitempty"`
		G        bool      `url:"g"`
		T        time.Time `url:"t,omitempty"`
		U        time.Time `url:"u"`
		NoTag    int
		Skipped  string `url:"-"`
		internal int
	}
	qpEmbedDup struct {
		Page int `url:"page"`
		QPInner
	}
	qpEmbedExported struct {
		ListOptions
		Sort string `url:"sort,omitempty"`
	}
	// Types outside the plan's subset: go-querystring encodes them.
	qpWithStringer struct {
		S qpStringer `url:"s"`
	}
	qpWithPointer struct {
		P *int `url:"p,omitempty"`
	}
	qpWithSlice struct {
		L []string `url:"l,comma"`
	}
	qpWithNested struct {
		N qpInner `url:"n"`
	}
	qpWithLayout struct {
		T time.Time `url:"t" layout:"2006-01-02"`
	}
	qpWithIntOption struct {
		B bool `url:"b,int"`
	}
	qpWithEmbeddedPointer struct {
		*ListOptions
	}
	qpWithUnexportedEmbed struct {
		qpInner
	}
	qpWithFloat struct {
		F float64 `url:"f"`
	}
	qpWithEmbeddedTime struct {
		time.Time
		A int `url:"a"`
	}
)

var qpStrings = []string{"", "desc", "a b", "x&y=z", "é€", "100%", "~._-", "+/?#;", "\x00\x7f\xff"}

func qpRandString(r *rand.Rand) string { return qpStrings[r.Intn(len(qpStrings))] }

func qpRandTime(r *rand.Rand) time.Time {
	switch r.Intn(4) {
	case 0:
		return time.Time{}
	case 1:
		return time.Date(2024, 2, 29, 23, 59, 58, 123456789, time.UTC)
	case 2:
		return time.Date(1999, 12, 31, 1, 2, 3, 0, time.FixedZone("X", -(7*3600+30*60)))
	default:
		return time.Unix(r.Int63n(4e9), 0).In(time.FixedZone("Y", 5*3600))
	}
}

func qpRandInt(r *rand.Rand) int {
	return []int{0, 1, -1, 7, 100, 1 << 40, -(1 << 62)}[r.Intn(7)]
}

func qpValues(r *rand.Rand) []any {
	p := qpRandInt(r)
	return []any{
		&ListOptions{Page: r.Intn(3), PerPage: r.Intn(101)},
		ListOptions{Page: r.Intn(3)},
		&ListPublicKeysOptions{
			Direction:   []Direction{"", DirectionAsc, DirectionDesc}[r.Intn(3)],
			Sort:        []PublicKeySort{"", PublicKeySortCreated, PublicKeySortAccessed}[r.Intn(3)],
			Since:       qpRandTime(r),
			ListOptions: ListOptions{Page: r.Intn(3), PerPage: r.Intn(101)},
		},
		ListPublicKeysOptions{Since: qpRandTime(r)},
		&qpFlat{
			A: qpRandInt(r), B: int64(qpRandInt(r)), C: uint16(r.Intn(3)), D: qpRandString(r),
			E: Direction(qpRandString(r)), F: r.Intn(2) == 0, G: r.Intn(2) == 0,
			T: qpRandTime(r), U: qpRandTime(r), NoTag: qpRandInt(r), Skipped: "x", internal: 3,
		},
		qpFlat{D: qpRandString(r), T: qpRandTime(r)},
		&qpEmbedDup{Page: qpRandInt(r), QPInner: QPInner{Page: qpRandInt(r), Extra: qpRandString(r)}},
		&qpEmbedExported{ListOptions: ListOptions{Page: r.Intn(3), PerPage: r.Intn(3)}, Sort: qpRandString(r)},
		&qpDeep{QPInnerFields: QPInnerFields{X: qpRandInt(r)}, Tail: r.Intn(2) == 0},
		&qpWithStringer{S: qpStringer(r.Intn(5))},
		&qpWithPointer{P: &p},
		&qpWithPointer{},
		&qpWithSlice{L: []string{qpRandString(r), qpRandString(r)}},
		&qpWithNested{N: qpInner{Page: qpRandInt(r), Extra: qpRandString(r)}},
		&qpWithLayout{T: qpRandTime(r)},
		&qpWithIntOption{B: r.Intn(2) == 0},
		&qpWithEmbeddedPointer{ListOptions: &ListOptions{Page: 2}},
		&qpWithUnexportedEmbed{qpInner{Page: 3, Extra: "e"}},
		&qpWithFloat{F: []float64{0, 1.5, 1e21, 1e-7}[r.Intn(4)]},
		&qpWithEmbeddedTime{Time: qpRandTime(r), A: 1},
		url.Values{"b": {"2", "1"}, "a b": {"x&y"}},
		(*ListOptions)(nil),
	}
}

func TestWriteQueryMatchesGoQuerystring(t *testing.T) {
	c, err := NewClient("https://ghe.example.com")
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 300; i++ {
		for _, v := range qpValues(r) {
			var want string
			if uv, ok := v.(url.Values); ok {
				want = uv.Encode()
			} else {
				vals, err := query.Values(v)
				if err != nil {
					t.Fatalf("query.Values(%#v): %v", v, err)
				}
				want = vals.Encode()
			}
			if want != "" {
				want = "?" + want
			}
			var sb strings.Builder
			if err := c.writeQuery(&sb, v); err != nil {
				// Only validation may fail, and then go-querystring's
				// output does not matter.
				if _, ok := v.(validator); !ok {
					t.Fatalf("writeQuery(%#v): %v", v, err)
				}
				continue
			}
			if got := sb.String(); got != want {
				t.Fatalf("writeQuery(%T %+v)\n got %q\nwant %q", v, v, got, want)
			}
		}
	}
}

// TestQueryPlanCoverage pins which types take the fast path, so that a
// change that silently sends the SDK's own options back to go-querystring
// is noticed.
func TestQueryPlanCoverage(t *testing.T) {
	var qp queryPlans
	for _, tc := range []struct {
		v    any
		plan bool
	}{
		{ListOptions{}, true},
		{ListPublicKeysOptions{}, true},
		{qpFlat{}, true},
		{qpEmbedDup{}, true},
		{qpEmbedExported{}, true},
		{qpDeep{}, true},
		{qpWithStringer{}, false},
		{qpWithPointer{}, false},
		{qpWithSlice{}, false},
		{qpWithNested{}, false},
		{qpWithLayout{}, false},
		{qpWithIntOption{}, false},
		{qpWithEmbeddedPointer{}, false},
		{qpWithUnexportedEmbed{}, false},
		{qpWithFloat{}, false},
		{qpWithEmbeddedTime{}, false},
	} {
		if got := qp.plan(reflect.TypeOf(tc.v)) != nil; got != tc.plan {
			t.Errorf("%T: has a plan = %v, want %v", tc.v, got, tc.plan)
		}
	}
}

func TestWriteQueryEscapedMatchesQueryEscape(t *testing.T) {
	var all []byte
	for c := 0; c < 256; c++ {
		all = append(all, byte(c))
	}
	for _, s := range append(qpStrings, string(all)) {
		var sb strings.Builder
		writeQueryEscaped(&sb, s)
		if got, want := sb.String(), url.QueryEscape(s); got != want {
			t.Errorf("writeQueryEscaped(%q) = %q, want %q", s, got, want)
		}
	}
}
