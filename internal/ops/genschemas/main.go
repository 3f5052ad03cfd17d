// Command genschemas writes ghestest/testdata/openapi/ghes-X.Y.json: for
// GHES 2.22, 3.14, 3.19 and 3.22, a reduced OpenAPI 3.0 document holding
// only the operations of the SDK's table (internal/ops) that the release's
// description has, with their parameters, request bodies and responses
// (schemas kept; examples, descriptions and GitHub's metadata dropped). The
// fake's schema tests (ghestest/schema_test.go) validate the SDK's requests
// and the fake's replies against them.
//
// Run it from the module root by hand:
//
//	go run ./internal/ops/genschemas -shared /work/shared
//
// Sources:
//   - reference/versions/ghes-X.Y.admin-operations.json for 2.22, 3.14 and
//     3.19: schemas resolved in place (x-ref names the component, x-cycle
//     stops a recursion). The 2.22 file is incomplete: the operations of the
//     table it lacks are listed in the document's x-missing-operations.
//   - reference/ghes-3.22.operations.json for 3.22. Its schemas are
//     {"$ref": "name"}; each is replaced by the resolved schema of the same
//     x-ref name in the 3.19 file. Six names have no definition in either
//     file (the 3.22 upgrade replies); their schemas are inferred from the
//     operation's example (types, date-time formats, no required keys) and
//     marked x-inferred-from-example, with the orchestration reply of a
//     download taken as an object (the README of the reference says the
//     example's array disagrees with the schema's object).
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ghesadmin/ghesadmin/internal/ops"
)

func main() {
	shared := flag.String("shared", "../shared", "the project's shared folder")
	out := flag.String("o", "ghestest/testdata/openapi", "the directory to write")
	flag.Parse()
	if err := run(*shared, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genschemas:", err)
		os.Exit(1)
	}
}

type sourceOp struct {
	Method      string                     `json:"method"`
	Path        string                     `json:"path"`
	OperationID string                     `json:"operationId"`
	Parameters  []map[string]any           `json:"parameters"`
	RequestBody map[string]any             `json:"requestBody"`
	Responses   map[string]json.RawMessage `json:"responses"`
}

func run(shared, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	v319, err := readVersion(shared, "3.19")
	if err != nil {
		return err
	}
	defs := map[string]any{}
	for _, o := range v319 {
		var all any
		b, _ := json.Marshal(o)
		_ = json.Unmarshal(b, &all)
		collectRefs(all, defs)
	}
	for _, rel := range []string{"2.22", "3.14", "3.19", "3.22"} {
		var src []sourceOp
		if rel == "3.22" {
			b, err := os.ReadFile(filepath.Join(shared, "reference", "ghes-3.22.operations.json"))
			if err != nil {
				return err
			}
			if err := json.Unmarshal(b, &src); err != nil {
				return fmt.Errorf("3.22: %w", err)
			}
		} else if src, err = readVersion(shared, rel); err != nil {
			return err
		}
		doc, missing, err := build(rel, src, defs)
		if err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
		b, err := json.Marshal(doc)
		if err != nil {
			return err
		}
		name := filepath.Join(out, "ghes-"+rel+".json")
		if err := os.WriteFile(name, append(b, '\n'), 0o644); err != nil {
			return err
		}
		fmt.Printf("%s: %d operations, %d of the release's table operations not described: %s\n",
			name, countOps(doc), len(missing), strings.Join(missing, ", "))
	}
	return nil
}

func readVersion(shared, rel string) ([]sourceOp, error) {
	b, err := os.ReadFile(filepath.Join(shared, "reference", "versions", "ghes-"+rel+".admin-operations.json"))
	if err != nil {
		return nil, err
	}
	var f struct {
		Operations []sourceOp `json:"operations"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", rel, err)
	}
	return f.Operations, nil
}

// collectRefs records every resolved schema that names its component.
func collectRefs(n any, defs map[string]any) {
	switch v := n.(type) {
	case map[string]any:
		if name, ok := v["x-ref"].(string); ok && isSchema(v) {
			if _, seen := defs[name]; !seen {
				defs[name] = v
			}
		}
		for _, c := range v {
			collectRefs(c, defs)
		}
	case []any:
		for _, c := range v {
			collectRefs(c, defs)
		}
	}
}

func isSchema(v map[string]any) bool {
	for _, k := range []string{"type", "properties", "items", "oneOf", "anyOf", "allOf", "enum"} {
		if _, ok := v[k]; ok {
			return true
		}
	}
	return false
}

func countOps(doc map[string]any) int {
	n := 0
	for _, p := range doc["paths"].(map[string]any) {
		for k := range p.(map[string]any) {
			if k != "servers" {
				n++
			}
		}
	}
	return n
}

func build(rel string, src []sourceOp, defs map[string]any) (map[string]any, []string, error) {
	release, _ := ops.ParseRelease(rel)
	byKey := map[string]sourceOp{}
	for _, o := range src {
		byKey[strings.ToUpper(o.Method)+" "+o.Path] = o
	}
	paths := map[string]any{}
	var missing []string
	for _, op := range ops.Operations() {
		if !op.Has(release) {
			continue
		}
		o, ok := byKey[op.Method+" "+op.Path]
		if !ok {
			missing = append(missing, op.Method+" "+op.Path)
			continue
		}
		item, _ := paths[op.Path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			if strings.HasPrefix(op.Path, "/setup/") || strings.HasPrefix(op.Path, "/manage/") {
				item["servers"] = []any{map[string]any{"url": "/"}}
			}
			paths[op.Path] = item
		}
		conv, err := operation(o, defs)
		if err != nil {
			return nil, nil, fmt.Errorf("%s %s: %w", op.Method, op.Path, err)
		}
		item[strings.ToLower(op.Method)] = conv
	}
	sort.Strings(missing)
	doc := map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{
			"title":   "GHES " + rel + " administration operations of ghesadmin (reduced; generated by internal/ops/genschemas)",
			"version": rel,
		},
		"servers": []any{map[string]any{"url": "/api/v3"}},
		"paths":   paths,
	}
	if len(missing) > 0 {
		doc["x-missing-operations"] = missing
	}
	return doc, missing, nil
}

func operation(o sourceOp, defs map[string]any) (map[string]any, error) {
	out := map[string]any{"operationId": o.OperationID}
	var params []any
	for _, p := range o.Parameters {
		q := map[string]any{}
		for _, k := range []string{"name", "in", "required", "style", "explode"} {
			if v, ok := p[k]; ok {
				q[k] = v
			}
		}
		if s, ok := p["schema"]; ok {
			r, err := schema(s, defs)
			if err != nil {
				return nil, err
			}
			q["schema"] = r
		}
		params = append(params, q)
	}
	if len(params) > 0 {
		out["parameters"] = params
	}
	if o.RequestBody != nil {
		rb := map[string]any{}
		if v, ok := o.RequestBody["required"]; ok {
			rb["required"] = v
		}
		content, err := contents(o.RequestBody["content"], defs, false)
		if err != nil {
			return nil, err
		}
		rb["content"] = content
		out["requestBody"] = rb
	}
	resps := map[string]any{}
	for status, raw := range o.Responses {
		var r map[string]any
		if err := json.Unmarshal(raw, &r); err != nil {
			return nil, err
		}
		conv := map[string]any{"description": ""}
		if c, ok := r["content"]; ok && c != nil {
			content, err := contents(c, defs, status == "202" && strings.HasSuffix(o.Path, "/upgrade/download"))
			if err != nil {
				return nil, err
			}
			conv["content"] = content
		}
		resps[status] = conv
	}
	out["responses"] = resps
	return out, nil
}

// contents converts a content map (media type → schema and examples).
// objectExample takes an array example's first element (see the package
// doc).
func contents(c any, defs map[string]any, objectExample bool) (map[string]any, error) {
	m, _ := c.(map[string]any)
	out := map[string]any{}
	for ct, v := range m {
		mt, _ := v.(map[string]any)
		conv := map[string]any{}
		if s, ok := mt["schema"]; ok {
			if ref, isRef := s.(map[string]any)["$ref"].(string); isRef && defs[ref] == nil {
				ex, found := firstExample(mt)
				if !found {
					return nil, fmt.Errorf("schema %q is defined nowhere and has no example", ref)
				}
				if arr, ok := ex.([]any); ok && objectExample && len(arr) > 0 {
					ex = arr[0]
				}
				inferred := infer(ex)
				inferred["x-inferred-from-example"] = ref
				conv["schema"] = inferred
			} else {
				r, err := schema(s, defs)
				if err != nil {
					return nil, err
				}
				conv["schema"] = r
			}
		}
		out[ct] = conv
	}
	return out, nil
}

func firstExample(mt map[string]any) (any, bool) {
	exs, _ := mt["examples"].(map[string]any)
	keys := make([]string, 0, len(exs))
	for k := range exs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if e, ok := exs[k].(map[string]any); ok {
			if v, ok := e["value"]; ok {
				return v, true
			}
		}
	}
	return nil, false
}

// schema copies a schema without examples and descriptions, replacing each
// {"$ref": name} by the resolved definition of that name.
func schema(n any, defs map[string]any) (any, error) {
	switch v := n.(type) {
	case map[string]any:
		if ref, ok := v["$ref"].(string); ok {
			d, found := defs[ref]
			if !found {
				return nil, errors.New("no definition for $ref " + strconv.Quote(ref))
			}
			return schema(d, defs)
		}
		out := map[string]any{}
		for k, c := range v {
			switch k {
			case "example", "examples", "description", "title", "x-github":
				continue
			case "properties":
				props := map[string]any{}
				for name, p := range c.(map[string]any) {
					r, err := schema(p, defs)
					if err != nil {
						return nil, err
					}
					props[name] = r
				}
				out[k] = props
				continue
			}
			r, err := schema(c, defs)
			if err != nil {
				return nil, err
			}
			out[k] = r
		}
		restoreRequired(out)
		return out, nil
	case []any:
		out := make([]any, len(v))
		for i, c := range v {
			r, err := schema(c, defs)
			if err != nil {
				return nil, err
			}
			out[i] = r
		}
		return out, nil
	}
	return n, nil
}

// restoreRequired gives an object schema an untyped property for each
// required name its properties lack: the reduced descriptions of the shared
// folder drop every key named "description" (and a few like "summary"),
// including the properties of that name (a code security configuration's
// required description, an advisory's summary), which a closed schema
// (additionalProperties: false) would then refuse.
func restoreRequired(out map[string]any) {
	req, _ := out["required"].([]any)
	props, _ := out["properties"].(map[string]any)
	if props == nil {
		return
	}
	for _, r := range req {
		if name, ok := r.(string); ok && props[name] == nil {
			props[name] = map[string]any{"nullable": true}
		}
	}
}

// infer writes the schema of an example value.
func infer(v any) map[string]any {
	switch x := v.(type) {
	case map[string]any:
		props := map[string]any{}
		for k, c := range x {
			props[k] = infer(c)
		}
		return map[string]any{"type": "object", "properties": props}
	case []any:
		if len(x) == 0 {
			return map[string]any{"type": "array", "items": map[string]any{}}
		}
		return map[string]any{"type": "array", "items": infer(x[0])}
	case string:
		if _, err := time.Parse(time.RFC3339, x); err == nil {
			return map[string]any{"type": "string", "format": "date-time"}
		}
		return map[string]any{"type": "string"}
	case bool:
		return map[string]any{"type": "boolean"}
	case float64:
		if x == float64(int64(x)) {
			return map[string]any{"type": "integer"}
		}
		return map[string]any{"type": "number"}
	case nil:
		return map[string]any{"nullable": true}
	}
	return map[string]any{}
}
