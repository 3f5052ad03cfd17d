// Command gen writes internal/ops/table.go: the operations the SDK implements
// (the //meta:operation lines of the module's root package) and the GHES
// releases that have each one, from GitHub's descriptions in the project's
// shared folder.
//
// Run it from the module root after adding or removing a method:
//
//	go run ./internal/ops/gen -shared ../shared   # internal/ops/table.go
//	go run ./internal/ops/gen -docs -readme       # the docs, from that table
//
// -docs rewrites the "// GHES API: METHOD /path (GHES 3.12 and later)." line
// of every method of the root package from the table, inserting it above the
// //meta:operation line when a method has none or completing a bare
// "// GHES API: GET /users/{username}" line. -readme rewrites the table of
// README.md between its releases markers. Both read the table compiled into
// the generator (internal/ops), so they need no shared folder; given with an
// explicit -shared, they use the table just generated instead.
//
// Sources, in order of authority:
//   - reference/versions/matrix.json: the releases 2.18–2.22 and 3.4–3.19
//     whose descriptions have each operation;
//   - reference/ghes-3.22.operations.json: the operations of 3.22 (an
//     operation of the SDK's areas absent from it is gone in 3.22);
//   - seeds/: the GHES 2.22 reference, whose operations every supported
//     release has (the 2.x descriptions are incomplete);
//   - generalREST below: operations outside enterprise administration that
//     every release has.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ghesadmin/ghesadmin/internal/ops"
	"github.com/ghesadmin/ghesadmin/internal/opsdoc"
	"github.com/ghesadmin/ghesadmin/internal/refdata"
)

// generalREST are operations of the general REST API that the SDK uses and
// every GHES release has; the administration descriptions leave them out.
var generalREST = []string{
	"GET /meta",
	"GET /users",
	"GET /users/{username}",
	"GET /organizations",
	"GET /orgs/{org}",
	"GET /orgs/{org}/teams/{team_slug}",
	// The site-admin reports of the web origin (not in the REST
	// descriptions): listed so that the Reports methods carry
	// //meta:operation lines like every other method.
	"GET /stafftools/reports/all_users.csv",
	"GET /stafftools/reports/active_users.csv",
	"GET /stafftools/reports/dormant_users.csv",
	"GET /stafftools/reports/suspended_users.csv",
	"GET /stafftools/reports/all_organizations.csv",
	"GET /stafftools/reports/all_repositories.csv",
}

func main() {
	shared := flag.String("shared", "../shared", "the project's shared folder")
	root := flag.String("root", ".", "the module root")
	out := flag.String("o", "internal/ops/table.go", "the file to write")
	docs := flag.Bool("docs", false, "rewrite the GHES API: doc line of every method of the root package")
	readme := flag.Bool("readme", false, "rewrite the releases table of README.md")
	refdata.Main("gen", func() error { return generate(*shared, *root, *out, *docs, *readme) })
}

// generate writes the table from the descriptions in shared when asked to
// (an explicit -shared, or neither -docs nor -readme), then the docs and
// README's table from that table or, without it, the compiled one.
func generate(shared, root, out string, docs, readme bool) error {
	sharedSet := false
	flag.Visit(func(f *flag.Flag) { sharedSet = sharedSet || f.Name == "shared" })
	table := ops.Operations()
	if sharedSet || (!docs && !readme) {
		t, err := run(shared, root, out)
		if err != nil {
			return err
		}
		table = t
	}
	find := func(method, path string) (ops.Operation, bool) {
		for _, o := range table {
			if o.Method == method && o.Path == path {
				return o, true
			}
		}
		return ops.Operation{}, false
	}
	if docs {
		if err := writeDocs(root, find); err != nil {
			return err
		}
	}
	if readme {
		return writeReadme(root, find)
	}
	return nil
}

// writeDocs rewrites the GHES API: lines of the root package's files.
func writeDocs(root string, find func(string, string) (ops.Operation, bool)) error {
	files, err := filepath.Glob(filepath.Join(root, "*.go"))
	if err != nil {
		return err
	}
	var missing []string
	changed := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		out, miss, err := opsdoc.RewriteDocs(src, find)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		for _, m := range miss {
			missing = append(missing, filepath.Base(f)+": "+m)
		}
		if bytes.Equal(out, src) {
			continue
		}
		if out, err = format.Source(out); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		if err := os.WriteFile(f, out, 0o644); err != nil {
			return err
		}
		changed++
	}
	fmt.Printf("gen: GHES API lines rewritten in %d files\n", changed)
	if len(missing) > 0 {
		return fmt.Errorf("not in the table (run go run ./internal/ops/gen -shared DIR first): %s", strings.Join(missing, ", "))
	}
	return nil
}

// writeReadme rewrites README.md's releases table.
func writeReadme(root string, find func(string, string) (ops.Operation, bool)) error {
	methods, err := opsdoc.Methods(root)
	if err != nil {
		return err
	}
	table, err := opsdoc.ReleasesTable(methods, find, ops.Covered())
	if err != nil {
		return err
	}
	path := filepath.Join(root, "README.md")
	doc, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, err := opsdoc.ReplaceSection(string(doc), table)
	if err != nil {
		return err
	}
	if out == string(doc) {
		fmt.Println("gen: README.md is up to date")
		return nil
	}
	fmt.Println("gen: README.md releases table rewritten")
	return os.WriteFile(path, []byte(out), 0o644)
}

type op struct {
	Method, Path string
	Since, Until string
	Implemented  bool
}

func run(shared, root, out string) ([]ops.Operation, error) {
	implemented, err := refdata.MetaOperations(root)
	if err != nil {
		return nil, err
	}
	ref := filepath.Join(shared, "reference")
	matrix, err := refdata.ReadMatrix(ref)
	if err != nil {
		return nil, err
	}
	inMatrix := map[string][]string{}
	for _, o := range matrix.Operations {
		inMatrix[refdata.Key(o.Method, o.Path)] = o.Versions
	}
	ops322, err := refdata.ReadNewest(ref)
	if err != nil {
		return nil, err
	}
	in322 := map[string]bool{}
	for _, o := range ops322 {
		in322[o.Key()] = true
	}
	in222, err := refdata.SeedOperations(filepath.Join(shared, "seeds"))
	if err != nil {
		return nil, err
	}
	general := map[string]bool{}
	for _, k := range generalREST {
		general[k] = true
	}

	// Every operation of the descriptions, and the general REST
	// operations the SDK uses; the //meta:operation lines mark those the
	// SDK implements. The fake serves operations by this table too, so an
	// area can be served before the SDK has its methods.
	isImplemented := map[string]bool{}
	for _, k := range implemented {
		isImplemented[k] = true
	}
	all := map[string]bool{}
	for _, k := range implemented {
		all[k] = true
	}
	for k := range inMatrix {
		all[k] = true
	}
	for k := range in322 {
		all[k] = true
	}
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	sort.Strings(keys)

	oldest := matrix.Versions[0]
	var table []op
	var missing []string
	for _, k := range keys {
		method, path, _ := strings.Cut(k, " ")
		o := op{Method: method, Path: path, Implemented: isImplemented[k]}
		versions := inMatrix[k]
		switch {
		case general[k]:
		case len(versions) > 0:
			if first := versions[0]; first != oldest && !in222[k] {
				o.Since = first
			}
			if !in322[k] {
				o.Until = versions[len(versions)-1]
				if o.Until == matrix.Versions[len(matrix.Versions)-1] {
					// Outside the 3.22 file's areas: still present
					// in the newest description that covers it.
					o.Until = ""
				}
			}
		case in322[k]:
			o.Since = refdata.Newest
		case in222[k]:
		default:
			missing = append(missing, k)
			continue
		}
		table = append(table, o)
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("no description has these //meta:operation lines: %s", strings.Join(missing, ", "))
	}
	sort.Slice(table, func(i, j int) bool {
		if table[i].Path != table[j].Path {
			return table[i].Path < table[j].Path
		}
		return table[i].Method < table[j].Method
	})

	covered := append(append([]string(nil), matrix.Versions...), refdata.Newest)
	var b bytes.Buffer
	b.WriteString("// Code generated by go run ./internal/ops/gen; DO NOT EDIT.\n\npackage ops\n\n")
	b.WriteString("// covered are the releases whose descriptions the table was made from.\nvar covered = []Release{\n")
	for _, v := range covered {
		maj, min, _ := strings.Cut(v, ".")
		fmt.Fprintf(&b, "\t{%s, %s},\n", maj, min)
	}
	b.WriteString("}\n\n// table is every operation of the descriptions (and the general REST\n// operations the SDK uses); Implemented marks the SDK's.\nvar table = []Operation{\n")
	for _, o := range table {
		fmt.Fprintf(&b, "\t{Method: %q, Path: %q, Since: %q, Until: %q, Implemented: %v},\n", o.Method, o.Path, o.Since, o.Until, o.Implemented)
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(root, out), src, 0o644); err != nil {
		return nil, err
	}
	fmt.Printf("gen: %d operations (%d implemented) written to %s\n", len(table), len(implemented), out)
	result := make([]ops.Operation, len(table))
	for i, o := range table {
		result[i] = ops.Operation{Method: o.Method, Path: o.Path, Since: o.Since, Until: o.Until, Implemented: o.Implemented}
	}
	return result, nil
}
