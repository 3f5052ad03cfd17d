package refdata

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestMetaOperations(t *testing.T) {
	root := t.TempDir()
	if _, err := MetaOperations(root); err == nil {
		t.Error("MetaOperations of a folder without //meta:operation lines: no error")
	}
	write(t, root, "users.go", "package x\n\n//meta:operation PUT /users/{username}/suspended\n//meta:operation GET /users\nfunc f() {}\n")
	write(t, root, "hooks.go", "package x\n\n\t//meta:operation GET /users\n//meta:operation get /lower\n// meta:operation GET /spaced\n")
	write(t, root, "users_test.go", "package x\n\n//meta:operation GET /from/a/test\n")
	got, err := MetaOperations(root)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"GET /users", "PUT /users/{username}/suspended"}; !slices.Equal(got, want) {
		t.Errorf("MetaOperations = %q, want %q", got, want)
	}
}

func TestReadDescriptions(t *testing.T) {
	ref := t.TempDir()
	write(t, ref, "versions/matrix.json", `{"versions":["2.22","3.4"],"operations":[{"method":"get","path":"/a","versions":["3.4"]}]}`)
	write(t, ref, "versions/ghes-2.22.admin-operations.json", `{"operations":[{"method":"get","path":"/old"}]}`)
	write(t, ref, "versions/ghes-3.4.admin-operations.json", `{"operations":[{"method":"post","path":"/a","operationId":"a/create","responses":{"201":{"description":"x"}}}]}`)
	write(t, ref, "versions/ghes-3.5.admin-operations.json", `{"operations":[{"method":"get","path":"/b"}]}`)
	write(t, ref, "ghes-3.22.operations.json", `[{"method":"delete","path":"/c","parameters":[{"name":"c","in":"path"}]}]`)

	m, err := ReadMatrix(ref)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Versions, []string{"2.22", "3.4"}) || len(m.Operations) != 1 || Key(m.Operations[0].Method, m.Operations[0].Path) != "GET /a" {
		t.Errorf("ReadMatrix = %+v", m)
	}
	rel, err := ReadRelease(ref, "3.4")
	if err != nil {
		t.Fatal(err)
	}
	if len(rel) != 1 || rel[0].Key() != "POST /a" || rel[0].OperationID != "a/create" || string(rel[0].Responses["201"]) != `{"description":"x"}` {
		t.Errorf("ReadRelease = %+v", rel)
	}
	all, err := ReadReleases3(ref)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0][0].Key() != "POST /a" || all[1][0].Key() != "GET /b" {
		t.Errorf("ReadReleases3 = %+v, want 3.4 then 3.5 (no 2.22)", all)
	}
	newest, err := ReadNewest(ref)
	if err != nil {
		t.Fatal(err)
	}
	if len(newest) != 1 || newest[0].Key() != "DELETE /c" || newest[0].Parameters[0]["name"] != "c" {
		t.Errorf("ReadNewest = %+v", newest)
	}
	if byRel, err := ReadRelease(ref, Newest); err != nil || len(byRel) != 1 || byRel[0].Key() != "DELETE /c" {
		t.Errorf("ReadRelease(Newest) = %+v, %v; want ReadNewest's", byRel, err)
	}
	write(t, ref, "versions/ghes-3.6.admin-operations.json", `{"operations":`)
	if _, err := ReadReleases3(ref); err == nil {
		t.Error("ReadReleases3 with a truncated file: no error")
	}
}

func TestSeedOperations(t *testing.T) {
	dir := t.TempDir()
	if _, err := SeedOperations(dir); err == nil {
		t.Error("SeedOperations of an empty folder: no error")
	}
	write(t, dir, "users.txt", "await octokit.request('PATCH /admin/users/{username}', {\nawait octokit.request('DELETE /admin/users/{username}'\n")
	write(t, dir, "notes.md", "octokit.request('GET /ignored'")
	got, err := SeedOperations(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !got["PATCH /admin/users/{username}"] || !got["DELETE /admin/users/{username}"] {
		t.Errorf("SeedOperations = %v", got)
	}
}

func TestWalkComponents(t *testing.T) {
	raw := json.RawMessage(`{"content":{"schema":{"x-ref":"user","properties":{"owner":{"x-ref":"simple-user"},"tags":[{"x-ref":"tag"}]}}}}`)
	var names []string
	WalkComponents([]any{raw, json.RawMessage(`{not json`), map[string]any{"x-ref": "org"}}, func(name string, schema map[string]any) {
		names = append(names, name)
		if schema["x-ref"] != name {
			t.Errorf("visit(%q) got %v", name, schema)
		}
	})
	slices.Sort(names)
	if want := []string{"org", "simple-user", "tag", "user"}; !slices.Equal(names, want) {
		t.Errorf("visited %q, want %q", names, want)
	}
}

func TestWriteJSON(t *testing.T) {
	dir := t.TempDir()
	v := map[string]any{"b": []int{1}, "a": "x"}
	for _, tc := range []struct{ name, indent, want string }{
		{"compact.json", "", `{"a":"x","b":[1]}` + "\n"},
		{"new/folder/indented.json", "  ", "{\n  \"a\": \"x\",\n  \"b\": [\n    1\n  ]\n}\n"},
	} {
		name := filepath.Join(dir, tc.name)
		if err := WriteJSON(name, v, tc.indent); err != nil {
			t.Fatalf("WriteJSON %s: %v", tc.name, err)
		}
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tc.want {
			t.Errorf("WriteJSON %s wrote %q, want %q", tc.name, got, tc.want)
		}
	}
	if err := WriteJSON(filepath.Join(dir, "bad.json"), func() {}, ""); err == nil {
		t.Error("WriteJSON of a func: no error")
	}
}
