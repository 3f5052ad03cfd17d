package ghestest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestAreasMatchTheSDKFiles checks that the route table serving an
// operation is in the ghestest file named like the SDK file whose method
// sends it (its //meta:operation line), so that a reader finds the fake's
// handler for admin_hooks.go in ghestest/admin_hooks.go; and that every
// table is registered.
func TestAreasMatchTheSDKFiles(t *testing.T) {
	sdk := map[string][]string{} // operation shape → SDK files
	metaOp := regexp.MustCompile(`(?m)^//meta:operation (\w+) (\S+)$`)
	files, err := filepath.Glob("../*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, cg := range file.Comments {
			for _, c := range cg.List {
				if m := metaOp.FindStringSubmatch(c.Text); m != nil {
					key := m[1] + " " + shapeOf(m[2])
					sdk[key] = append(sdk[key], sdkArea(filepath.Base(f)))
				}
			}
		}
	}
	if len(sdk) < 100 {
		t.Fatalf("found %d operations in the SDK's //meta:operation lines", len(sdk))
	}

	registered := map[string]bool{}
	for _, area := range append(append([][]route{}, apiRoutes...), adminPortRoutes...) {
		if len(area) > 0 {
			registered[area[0].pattern] = true
		}
	}
	local, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	tables := 0
	for _, f := range local {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			for _, lit := range routeTables(decl) {
				tables++
				for i, row := range lit.Elts {
					pattern := routePattern(t, row)
					if i == 0 && !registered[pattern] {
						t.Errorf("%s: the table of %s is not in apiRoutes or adminPortRoutes", f, pattern)
					}
					method, path, _ := strings.Cut(pattern, " ")
					areas := sdk[method+" "+shapeOf(path)]
					if len(areas) > 0 && !slices.Contains(areas, f) {
						t.Errorf("%s serves %s, which the SDK sends from %v", f, pattern, areas)
					}
				}
			}
		}
	}
	if tables != len(apiRoutes)+len(adminPortRoutes) {
		t.Errorf("%d route tables in the files, %d registered", tables, len(apiRoutes)+len(adminPortRoutes))
	}
}

// sdkArea is the ghestest file of an SDK file: the same name (a generated
// file serves the area it is named after).
func sdkArea(name string) string {
	return strings.TrimSuffix(strings.TrimSuffix(name, ".go"), "_gen") + ".go"
}

// routeTables returns the []route literals a declaration initialises.
func routeTables(decl ast.Decl) []*ast.CompositeLit {
	g, ok := decl.(*ast.GenDecl)
	if !ok || g.Tok != token.VAR {
		return nil
	}
	var out []*ast.CompositeLit
	for _, spec := range g.Specs {
		for _, v := range spec.(*ast.ValueSpec).Values {
			lit, ok := v.(*ast.CompositeLit)
			if !ok {
				continue
			}
			if arr, ok := lit.Type.(*ast.ArrayType); ok {
				if id, ok := arr.Elt.(*ast.Ident); ok && id.Name == "route" {
					out = append(out, lit)
				}
			}
		}
	}
	return out
}

// routePattern is the pattern of a table row, which must be a string
// literal (so that the table reads as the list of its paths).
func routePattern(t *testing.T, row ast.Expr) string {
	t.Helper()
	lit, ok := row.(*ast.CompositeLit)
	if !ok || len(lit.Elts) == 0 {
		t.Fatalf("a route row is not a literal")
	}
	s, ok := lit.Elts[0].(*ast.BasicLit)
	if !ok || s.Kind != token.STRING {
		t.Fatalf("a route's pattern is not a string literal")
	}
	p, err := strconv.Unquote(s.Value)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
