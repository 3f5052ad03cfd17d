// Command genfixtures writes testdata/schemas: for every operation the SDK
// implements (a "//meta:operation METHOD /path" line in the package's
// sources) and every 2xx JSON response of it, one fixture holding every
// property that any GHES release from 3.4 to 3.19 (and 3.22) documents for
// the response's schema, each with a non-empty value of its documented type.
// TestSchemaFixturesSurviveRoundTrip decodes each into the method's result
// type and checks that every value survives decode → re-encode.
//
// It reads GitHub's descriptions, which are not part of the repository, so it
// is run by hand, never by the tests:
//
//	go run ./internal/cmd/genfixtures -ref /path/to/shared/reference
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/ghesadmin/ghesadmin/internal/refdata"
)

func main() {
	ref := flag.String("ref", "", "the reference folder (ghes-3.22.operations.json and versions/)")
	repo := flag.String("repo", ".", "the repository root")
	refdata.Main("genfixtures", func() error {
		if *ref == "" {
			return errors.New("-ref is required")
		}
		return run(*ref, *repo)
	})
}

type operation = refdata.Operation

type response struct {
	Content map[string]struct {
		Schema map[string]any `json:"schema"`
	} `json:"content"`
}

var paramRE = regexp.MustCompile(`\{[^}]*\}`)

func normPath(p string) string { return paramRE.ReplaceAllString(p, "{}") }

// sdkOperations maps the normalised "METHOD /path" of every
// //meta:operation line to the line's own.
func sdkOperations(repo string) (map[string]string, error) {
	lines, err := refdata.MetaOperations(repo)
	if err != nil {
		return nil, err
	}
	ops := map[string]string{}
	for _, k := range lines {
		m, p, _ := strings.Cut(k, " ")
		ops[m+" "+normPath(p)] = k
	}
	return ops, nil
}

func run(ref, repo string) error {
	ops, err := sdkOperations(repo)
	if err != nil {
		return err
	}
	releases, err := refdata.ReadReleases3(ref)
	if err != nil {
		return err
	}
	// schemas[key][status] are the response schemas of every release.
	schemas := map[string]map[string][]map[string]any{}
	components := map[string]map[string]any{} // x-ref name → resolved schema
	add := func(o operation, resolve bool) {
		key := refdata.Key(o.Method, normPath(o.Path))
		if _, ok := ops[key]; !ok {
			return
		}
		for status, raw := range o.Responses {
			if !strings.HasPrefix(status, "2") {
				continue
			}
			var r response
			if json.Unmarshal(raw, &r) != nil {
				continue
			}
			for ct, c := range r.Content {
				if !strings.Contains(ct, "json") || c.Schema == nil {
					continue
				}
				s := c.Schema
				if resolve {
					s = resolveRefs(s, components, 0).(map[string]any)
				}
				if schemas[key] == nil {
					schemas[key] = map[string][]map[string]any{}
				}
				schemas[key][status] = append(schemas[key][status], s)
			}
		}
	}
	for _, release := range releases {
		for _, o := range release {
			for _, raw := range o.Responses {
				collectComponents(raw, components)
			}
			add(o, false)
		}
	}
	// 3.22's description keeps $ref by component name: resolve them with
	// the components the older releases resolved.
	ops322, err := refdata.ReadNewest(ref)
	if err != nil {
		return err
	}
	for _, o := range ops322 {
		add(o, true)
	}

	dir := filepath.Join(repo, "testdata", "schemas")
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	keys := make([]string, 0, len(schemas))
	for k := range schemas {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	n := 0
	for _, key := range keys {
		for status, list := range schemas[key] {
			merged := map[string]any{}
			for _, s := range list {
				mergeSchema(merged, s)
			}
			body := example(merged, "", 0)
			fixture := map[string]any{
				"operation": ops[key],
				"status":    status,
				"body":      body,
			}
			name := strings.NewReplacer(" ", "_", "/", "_", "{", "", "}", "").Replace(ops[key])
			name = strings.Trim(strings.ReplaceAll(name, "__", "_"), "_") + "." + status + ".json"
			if err := refdata.WriteJSON(filepath.Join(dir, name), fixture, "  "); err != nil {
				return err
			}
			n++
		}
	}
	fmt.Printf("genfixtures: %d fixtures for %d operations in %s\n", n, len(keys), dir)
	return nil
}

// collectComponents records every schema with an x-ref name, the first
// seen of each.
func collectComponents(v any, into map[string]map[string]any) {
	refdata.WalkComponents(v, func(name string, schema map[string]any) {
		if _, seen := into[name]; !seen {
			into[name] = schema
		}
	})
}

func resolveRefs(v any, comps map[string]map[string]any, depth int) any {
	if depth > 20 {
		return map[string]any{}
	}
	switch v := v.(type) {
	case map[string]any:
		if ref, ok := v["$ref"].(string); ok {
			name := ref[strings.LastIndex(ref, "/")+1:]
			if c, ok := comps[name]; ok {
				return resolveRefs(c, comps, depth+1)
			}
			return map[string]any{}
		}
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = resolveRefs(e, comps, depth+1)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = resolveRefs(e, comps, depth+1)
		}
		return out
	}
	return v
}

// mergeSchema merges s into dst: the union of properties (recursively), of
// the subschemas of allOf/anyOf/oneOf, and of array items.
func mergeSchema(dst, s map[string]any) {
	for _, k := range []string{"allOf", "anyOf", "oneOf"} {
		if subs, ok := s[k].([]any); ok {
			for _, sub := range subs {
				if m, ok := sub.(map[string]any); ok {
					mergeSchema(dst, m)
				}
			}
		}
	}
	for _, k := range []string{"type", "format", "enum"} {
		if v, ok := s[k]; ok {
			if _, has := dst[k]; !has {
				dst[k] = v
			}
		}
	}
	// A property documented as an integer by one release and a number by
	// another gets an integer: it fits both.
	if typeOf(s) == "integer" && typeOf(dst) == "number" {
		dst["type"] = "integer"
	}
	if props, ok := s["properties"].(map[string]any); ok {
		dp, _ := dst["properties"].(map[string]any)
		if dp == nil {
			dp = map[string]any{}
			dst["properties"] = dp
		}
		for name, p := range props {
			pm, ok := p.(map[string]any)
			if !ok {
				continue
			}
			d, _ := dp[name].(map[string]any)
			if d == nil {
				d = map[string]any{}
				dp[name] = d
			}
			mergeSchema(d, pm)
		}
	}
	if items, ok := s["items"].(map[string]any); ok {
		di, _ := dst["items"].(map[string]any)
		if di == nil {
			di = map[string]any{}
			dst["items"] = di
		}
		mergeSchema(di, items)
	}
	if ap, ok := s["additionalProperties"].(map[string]any); ok {
		da, _ := dst["additionalProperties"].(map[string]any)
		if da == nil {
			da = map[string]any{}
			dst["additionalProperties"] = da
		}
		mergeSchema(da, ap)
	}
}

func typeOf(s map[string]any) string {
	switch t := s["type"].(type) {
	case string:
		return t
	case []any:
		for _, e := range t {
			if str, ok := e.(string); ok && str != "null" {
				return str
			}
		}
	}
	if _, ok := s["properties"]; ok {
		return "object"
	}
	if _, ok := s["items"]; ok {
		return "array"
	}
	return ""
}

// example returns a value of schema s with every property set to a
// non-empty value of its type.
func example(s map[string]any, name string, depth int) any {
	if depth > 12 {
		return nil
	}
	if enum, ok := s["enum"].([]any); ok {
		for _, e := range enum {
			if e != nil && e != "" {
				return e
			}
		}
	}
	switch typeOf(s) {
	case "object":
		out := map[string]any{}
		if props, ok := s["properties"].(map[string]any); ok {
			for k, p := range props {
				if pm, ok := p.(map[string]any); ok {
					if v := example(pm, k, depth+1); v != nil {
						out[k] = v
					}
				}
			}
		}
		if ap, ok := s["additionalProperties"].(map[string]any); ok && len(out) == 0 {
			if v := example(ap, "value", depth+1); v != nil {
				out["some_key"] = v
			}
		}
		return out
	case "array":
		items, _ := s["items"].(map[string]any)
		if items == nil {
			return []any{}
		}
		if v := example(items, name, depth+1); v != nil {
			return []any{v}
		}
		return []any{}
	case "integer":
		return 7
	case "number":
		return 3 // integral: it fits the integers some releases document
	case "boolean":
		return true
	case "string":
		if f, _ := s["format"].(string); f == "date-time" || isTimeName(name) {
			return "2024-05-06T07:08:09Z"
		}
		if f, _ := s["format"].(string); f == "date" {
			return "2024-05-06"
		}
		if f, _ := s["format"].(string); f == "uri" {
			return "https://ghe.example.com/" + name
		}
		return "value-of-" + name
	}
	return nil
}

func isTimeName(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, "_at") || strings.HasSuffix(n, "expireat") || n == "timestamp" ||
		strings.HasSuffix(n, "_on") || n == "expires" || strings.HasSuffix(n, "expires") || n == "scheduled_time" || n == "when"
}
