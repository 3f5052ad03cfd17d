package ghesadmin

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Issue 12: for every method, every property of its reply that any GHES
// release from 3.4 to 3.19 (or 3.22) documents survives decode → re-encode.
// testdata/schemas is written by internal/cmd/genfixtures from GitHub's
// descriptions (run by hand): one fixture per operation and 2xx status
// with every documented property set to a non-empty value.

var metaOperationRE = regexp.MustCompile(`(?m)^//meta:operation (\S+) (\S+)\s*$`)

// sdkMethodsByOperation maps "METHOD /path" to the methods whose doc names
// it, as "ReceiverType.Method", read from the package's sources.
func sdkMethodsByOperation(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, lf := range libraryFuncs(t) {
		fd := lf.decl
		if fd.Recv == nil || fd.Doc == nil || len(fd.Recv.List) != 1 {
			continue
		}
		star, ok := fd.Recv.List[0].Type.(*ast.StarExpr)
		if !ok {
			continue
		}
		recv, ok := star.X.(*ast.Ident)
		if !ok {
			continue
		}
		var text strings.Builder
		for _, c := range fd.Doc.List {
			text.WriteString(c.Text + "\n")
		}
		for _, m := range metaOperationRE.FindAllStringSubmatch(text.String(), -1) {
			key := m[1] + " " + m[2]
			out[key] = append(out[key], recv.Name+"."+fd.Name.Name)
		}
	}
	return out
}

// libraryFunc is a function declaration of the package's library code and
// the file it is in.
type libraryFunc struct {
	file string
	decl *ast.FuncDecl
}

// libraryFuncs parses the package's non-test .go files, with their
// comments, and returns their function declarations.
func libraryFuncs(t *testing.T) []libraryFunc {
	t.Helper()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	var out []libraryFunc
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.ParseComments)
		require.NoError(t, err)
		for _, d := range af.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				out = append(out, libraryFunc{f, fd})
			}
		}
	}
	return out
}

// resultType returns the type a method's reply decodes into: its first
// result (a pointer or a slice), or nil when it returns no value.
func resultType(t *testing.T, recvMethod string) reflect.Type {
	t.Helper()
	recv, name, _ := strings.Cut(recvMethod, ".")
	c := reflect.TypeOf(&Client{}).Elem()
	for i := 0; i < c.NumField(); i++ {
		ft := c.Field(i).Type
		if ft.Kind() != reflect.Pointer || ft.Elem().Name() != recv {
			continue
		}
		m, ok := ft.MethodByName(name)
		if !ok {
			t.Fatalf("%s has no method %s", recv, name)
		}
		out := m.Type.Out(0)
		if out == reflect.TypeOf(&Response{}) {
			return nil
		}
		return out
	}
	t.Fatalf("no service of type %s in Client", recv)
	return nil
}

// schemaOverrides are the replies whose Go type depends on the status.
var schemaOverrides = map[string]reflect.Type{
	"POST /manage/v1/upgrade/download 200": reflect.TypeOf([]*NodeUpgradeResult(nil)),
	"POST /manage/v1/upgrade/download 202": reflect.TypeOf(&UpgradeDownloadOrchestration{}),
}

func TestSchemaFixturesSurviveRoundTrip(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "schemas", "*.json"))
	require.NoError(t, err)
	if len(files) < 80 {
		t.Fatalf("%d fixtures in testdata/schemas, want the generated set", len(files))
	}
	methods := sdkMethodsByOperation(t)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var fx struct {
			Operation string          `json:"operation"`
			Status    string          `json:"status"`
			Body      json.RawMessage `json:"body"`
		}
		if err := json.Unmarshal(b, &fx); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			typ, ok := schemaOverrides[fx.Operation+" "+fx.Status]
			if !ok {
				names := methods[fx.Operation]
				if len(names) == 0 {
					t.Fatalf("no SDK method for %s", fx.Operation)
				}
				for _, n := range names {
					if strings.HasSuffix(n, "Iter") {
						continue
					}
					typ = resultType(t, n)
					break
				}
			}
			if typ == nil {
				// A method that returns no value may only answer a reply
				// that documents nothing ({} or no body).
				if b := strings.TrimSpace(string(fx.Body)); b != "" && b != "{}" && b != "null" {
					t.Errorf("%s returns no value, so its documented reply %s is dropped", fx.Operation, b)
				}
				return
			}
			ptr := reflect.New(typ)
			if err := json.Unmarshal(fx.Body, ptr.Interface()); err != nil {
				t.Fatalf("decoding into %s: %v", typ, err)
			}
			again, err := json.Marshal(ptr.Interface())
			if err != nil {
				t.Fatalf("encoding %s: %v", typ, err)
			}
			for _, lost := range lostLeaves(t, fx.Body, again) {
				t.Errorf("%s (%s): %s", fx.Operation, typ, lost)
			}
		})
	}
}

// lostLeaves returns the non-empty scalar leaves of in that out does not
// carry with the same value. Values compare as text (7 and "7" are the
// same) and times as instants.
func lostLeaves(t *testing.T, in, out []byte) []string {
	t.Helper()
	src, dst := scalarLeaves(t, in), scalarLeaves(t, out)
	var lost []string
	for p, v := range src {
		got, ok := dst[p]
		switch {
		case !ok:
			lost = append(lost, p+" = "+v+" is lost")
		case got != v && !sameInstant(got, v):
			lost = append(lost, p+" = "+v+" comes back as "+got)
		}
	}
	sort.Strings(lost)
	return lost
}

func sameInstant(a, b string) bool {
	ta, err1 := ParseTimestamp(a)
	tb, err2 := ParseTimestamp(b)
	return err1 == nil && err2 == nil && !ta.IsZero() && ta.Time.Equal(tb.Time) && !strings.ContainsAny(a, "abcdfghijklmnopqrsuvwxy")
}

// scalarLeaves maps the path of each non-empty scalar of doc ("", 0, false
// and null are empty) to its text.
func scalarLeaves(t *testing.T, doc []byte) map[string]string {
	t.Helper()
	out := map[string]string{}
	for p, v := range jsonLeaves(t, doc) {
		switch v {
		case `""`, "0", "false", "null", "[]", "{}":
			continue
		}
		var s string
		if json.Unmarshal([]byte(v), &s) == nil {
			v = s
		}
		out[p] = v
	}
	return out
}
