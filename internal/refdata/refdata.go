// Package refdata reads GitHub's descriptions of the GHES administration
// APIs, which live in the project's shared folder, not in the repository,
// and the //meta:operation lines of the SDK's sources. The generators under
// internal/ (ops/gen, ops/genschemas, cmd/genfixtures) read them through
// this one package; the tests never do.
//
// The reference folder (shared/reference) holds:
//   - versions/matrix.json: the releases 2.18–2.22 and 3.4–3.19 and which
//     of them has each operation;
//   - versions/ghes-X.Y.admin-operations.json: each of those releases'
//     operations, schemas resolved in place;
//   - ghes-3.22.operations.json: the operations of 3.22, schemas as
//     {"$ref": "name"}.
//
// The seeds folder (shared/seeds) holds the GHES 2.22 reference pages.
package refdata

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Newest is the release of ghes-3.22.operations.json.
const Newest = "3.22"

// Operation is one operation of a description.
type Operation struct {
	Method      string                     `json:"method"`
	Path        string                     `json:"path"`
	OperationID string                     `json:"operationId"`
	Parameters  []map[string]any           `json:"parameters"`
	RequestBody map[string]any             `json:"requestBody"`
	Responses   map[string]json.RawMessage `json:"responses"`
}

// Key returns "METHOD /path" with the method in upper case.
func Key(method, path string) string { return strings.ToUpper(method) + " " + path }

// Key returns the operation's "METHOD /path".
func (o Operation) Key() string { return Key(o.Method, o.Path) }

// Matrix is versions/matrix.json: the described releases, oldest first, and
// the releases that have each operation.
type Matrix struct {
	Versions   []string `json:"versions"`
	Operations []struct {
		Method   string   `json:"method"`
		Path     string   `json:"path"`
		Versions []string `json:"versions"`
	} `json:"operations"`
}

// ReadMatrix reads ref/versions/matrix.json.
func ReadMatrix(ref string) (*Matrix, error) {
	var m Matrix
	if err := readJSON(filepath.Join(ref, "versions", "matrix.json"), &m); err != nil {
		return nil, err
	}
	return &m, nil
}

// ReadRelease reads the operations of release rel: for Newest those of
// ReadNewest, for the others those of
// ref/versions/ghes-REL.admin-operations.json.
func ReadRelease(ref, rel string) ([]Operation, error) {
	if rel == Newest {
		return ReadNewest(ref)
	}
	return readReleaseFile(filepath.Join(ref, "versions", "ghes-"+rel+".admin-operations.json"))
}

// ReadReleases3 reads the operations of every 3.x release file of
// ref/versions, in the order of their file names.
func ReadReleases3(ref string) ([][]Operation, error) {
	files, err := filepath.Glob(filepath.Join(ref, "versions", "ghes-3.*.admin-operations.json"))
	if err != nil {
		return nil, err
	}
	out := make([][]Operation, 0, len(files))
	for _, f := range files {
		o, err := readReleaseFile(f)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

func readReleaseFile(name string) ([]Operation, error) {
	var f struct {
		Operations []Operation `json:"operations"`
	}
	if err := readJSON(name, &f); err != nil {
		return nil, err
	}
	return f.Operations, nil
}

// ReadNewest reads ref/ghes-3.22.operations.json.
func ReadNewest(ref string) ([]Operation, error) {
	var ops []Operation
	if err := readJSON(filepath.Join(ref, "ghes-"+Newest+".operations.json"), &ops); err != nil {
		return nil, err
	}
	return ops, nil
}

var seedCall = regexp.MustCompile(`octokit\.request\('([A-Z]+) (/[^']*)'`)

// SeedOperations returns the "METHOD /path" of the operations of the GHES
// 2.22 reference pages in dir (shared/seeds).
func SeedOperations(dir string) (map[string]bool, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no seed pages in %s", dir)
	}
	ops := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, m := range seedCall.FindAllSubmatch(data, -1) {
			ops[string(m[1])+" "+string(m[2])] = true
		}
	}
	return ops, nil
}

// WriteJSON writes v as JSON (indented by indent when it is not empty) and
// a final newline to the file name, creating its folder.
func WriteJSON(name string, v any, indent string) error {
	var data []byte
	var err error
	if indent != "" {
		data, err = json.MarshalIndent(v, "", indent)
	} else {
		data, err = json.Marshal(v)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, append(data, '\n'), 0o644)
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// WalkComponents walks v (decoded JSON; a json.RawMessage is decoded on the
// way, one that does not decode is skipped) and calls visit with every object
// that names its component in an "x-ref" key, each before the objects inside
// it. The release files resolve schemas in place and name each this way.
func WalkComponents(v any, visit func(name string, schema map[string]any)) {
	switch v := v.(type) {
	case json.RawMessage:
		var x any
		if json.Unmarshal(v, &x) == nil {
			WalkComponents(x, visit)
		}
	case map[string]any:
		if name, ok := v["x-ref"].(string); ok {
			visit(name, v)
		}
		for _, e := range v {
			WalkComponents(e, visit)
		}
	case []any:
		for _, e := range v {
			WalkComponents(e, visit)
		}
	}
}
