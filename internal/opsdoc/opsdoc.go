// Package opsdoc writes what the SDK's documentation says about GHES
// releases, from the operation table (internal/ops): the "GHES API:" line of
// each method's doc and the README's table of which services work on which
// releases. The generator (internal/ops/gen -docs -readme) writes them; the
// root package's tests check them.
package opsdoc

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/ghesadmin/ghesadmin/internal/ops"
)

// Method is a service method of the root package and the operation its
// //meta:operation line names.
type Method struct {
	Service string // the client field of its service: "Manage"
	Name    string // "SetMaintenance"
	Method  string // "POST"
	Path    string // "/manage/v1/maintenance"
	File    string // the file that declares it
}

// MetaLine matches a //meta:operation line: the method and the path.
var MetaLine = regexp.MustCompile(`^//meta:operation ([A-Z]+) (/\S*)\s*$`)

// Methods parses the non-test .go files of dir and returns every method of a
// …Service type whose doc has a //meta:operation line, sorted by service and
// name.
func Methods(dir string) ([]Method, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var out []Method
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, d := range af.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Doc == nil || len(fd.Recv.List) != 1 {
				continue
			}
			recv := receiverName(fd.Recv.List[0].Type)
			if !strings.HasSuffix(recv, "Service") {
				continue
			}
			for _, c := range fd.Doc.List {
				if m := MetaLine.FindStringSubmatch(c.Text); m != nil {
					out = append(out, Method{
						Service: strings.TrimSuffix(recv, "Service"),
						Name:    fd.Name.Name,
						Method:  m[1],
						Path:    m[2],
						File:    filepath.Base(f),
					})
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Service != out[j].Service {
			return out[i].Service < out[j].Service
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

func receiverName(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// DocLine is the "GHES API:" line of a method that calls o, without the
// leading "// ": "GHES API: GET /manage/v1/version (GHES 3.9 and later)."
func DocLine(o ops.Operation) string {
	return fmt.Sprintf("GHES API: %s %s (%s).", o.Method, o.Path, o.Releases())
}

const docPrefix = "// GHES API:"

// RewriteDocs rewrites the "// GHES API:" line of every method of a Go
// source file from the table (find), or inserts it, preceded and followed
// by a blank "//" line, just above the //meta:operation line when the doc
// has none. It returns the new source and the operations find does not
// know (whose lines it leaves as they are). It is idempotent.
func RewriteDocs(src []byte, find func(method, path string) (ops.Operation, bool)) ([]byte, []string, error) {
	lines := strings.Split(string(src), "\n")
	var (
		out     []string
		missing []string
	)
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		m := MetaLine.FindStringSubmatch(line)
		if m == nil {
			out = append(out, line)
			continue
		}
		o, ok := find(m[1], m[2])
		if !ok {
			missing = append(missing, m[1]+" "+m[2])
			out = append(out, line)
			continue
		}
		want := "// " + DocLine(o)
		// The comment block above the meta line, in out.
		top := len(out)
		for top > 0 && strings.HasPrefix(out[top-1], "//") {
			top--
		}
		found := -1
		for j := len(out) - 1; j >= top; j-- {
			if strings.HasPrefix(out[j], docPrefix) {
				found = j
				break
			}
		}
		switch {
		case found >= 0:
			out[found] = want
			// Keep it a paragraph of its own: a blank line after it.
			if found == len(out)-1 {
				out = append(out, "//")
			}
		case len(out) > top && out[len(out)-1] == "//":
			out = append(out, want, "//")
		case len(out) > top:
			out = append(out, "//", want, "//")
		default:
			out = append(out, want, "//")
		}
		out = append(out, line)
	}
	return []byte(strings.Join(out, "\n")), missing, nil
}

// The markers around the generated section of README.md.
const (
	BeginMarker = "<!-- releases:begin (go run ./internal/ops/gen -readme writes this table) -->"
	EndMarker   = "<!-- releases:end -->"
)

// ReleasesTable is the Markdown table of which services work on which
// releases: one column per run of described releases (from ops.Floor) in
// which the same operations exist, one row per service; a cell says ✓ when
// every operation of the service exists there, — when none does, and
// "k of n" otherwise.
func ReleasesTable(methods []Method, find func(method, path string) (ops.Operation, bool), covered []ops.Release) (string, error) {
	floor, _ := ops.ParseRelease(ops.Floor)
	var releases []ops.Release
	for _, r := range covered {
		if r.Compare(floor) >= 0 {
			releases = append(releases, r)
		}
	}
	if len(releases) == 0 {
		return "", errors.New("opsdoc: no described release")
	}
	// The distinct operations of each service.
	byService := map[string][]ops.Operation{}
	seen := map[string]bool{}
	var services []string
	for _, m := range methods {
		o, ok := find(m.Method, m.Path)
		if !ok {
			return "", fmt.Errorf("opsdoc: %s.%s: %s %s is not in the table", m.Service, m.Name, m.Method, m.Path)
		}
		if _, ok := byService[m.Service]; !ok {
			services = append(services, m.Service)
			byService[m.Service] = nil
		}
		k := m.Service + " " + o.Method + " " + o.Path
		if !seen[k] {
			seen[k] = true
			byService[m.Service] = append(byService[m.Service], o)
		}
	}
	sort.Strings(services)
	// What each release has, and the runs of releases that have the same.
	signature := func(r ops.Release) string {
		var b strings.Builder
		for _, s := range services {
			for _, o := range byService[s] {
				if o.Has(r) {
					b.WriteByte('1')
				} else {
					b.WriteByte('0')
				}
			}
		}
		return b.String()
	}
	type column struct{ first, last ops.Release }
	var cols []column
	prev := ""
	for _, r := range releases {
		sig := signature(r)
		if len(cols) > 0 && sig == prev {
			cols[len(cols)-1].last = r
			continue
		}
		cols = append(cols, column{r, r})
		prev = sig
	}
	var b bytes.Buffer
	b.WriteString("| Service (`client.X`) |")
	for i, c := range cols {
		switch {
		case i == len(cols)-1:
			fmt.Fprintf(&b, " %s and later |", c.first)
		case c.first == c.last:
			fmt.Fprintf(&b, " %s |", c.first)
		default:
			fmt.Fprintf(&b, " %s–%s |", c.first, c.last)
		}
	}
	b.WriteString("\n|---|")
	for range cols {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, s := range services {
		fmt.Fprintf(&b, "| `%s` |", s)
		all := byService[s]
		for _, c := range cols {
			n := 0
			for _, o := range all {
				if o.Has(c.first) {
					n++
				}
			}
			switch n {
			case len(all):
				b.WriteString(" ✓ |")
			case 0:
				b.WriteString(" — |")
			default:
				fmt.Fprintf(&b, " %d of %d |", n, len(all))
			}
		}
		b.WriteString("\n")
	}
	return b.String(), nil
}

// Section returns the text between the markers of doc.
func Section(doc string) (string, error) {
	_, sec, _, err := cutSection(doc)
	return sec, err
}

// ReplaceSection returns doc with the text between its markers replaced by
// sec.
func ReplaceSection(doc, sec string) (string, error) {
	before, _, after, err := cutSection(doc)
	if err != nil {
		return "", err
	}
	return before + BeginMarker + "\n" + sec + EndMarker + after, nil
}

// cutSection splits doc into what stands before its begin marker line, the
// text between the markers and what follows the end marker.
func cutSection(doc string) (before, sec, after string, err error) {
	before, rest, ok := strings.Cut(doc, BeginMarker+"\n")
	if !ok {
		return "", "", "", fmt.Errorf("opsdoc: no %q line", BeginMarker)
	}
	sec, after, ok = strings.Cut(rest, EndMarker)
	if !ok {
		return "", "", "", fmt.Errorf("opsdoc: no %q after %q", EndMarker, BeginMarker)
	}
	return before, sec, after, nil
}
