package refdata

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

var metaLine = regexp.MustCompile(`^//meta:operation ([A-Z]+) (/\S*)\s*$`)

// MetaOperations returns the distinct "METHOD /path" of the
// //meta:operation lines of the non-test Go files of root (the module's
// root package), sorted.
func MetaOperations(root string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(root, "*.go"))
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		if err := scanMeta(f, seen); err != nil {
			return nil, err
		}
	}
	if len(seen) == 0 {
		return nil, errors.New("no //meta:operation line found: run from the module root")
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out, nil
}

func scanMeta(name string, seen map[string]bool) error {
	fh, err := os.Open(name)
	if err != nil {
		return err
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		if m := metaLine.FindStringSubmatch(strings.TrimSpace(sc.Text())); m != nil {
			seen[m[1]+" "+m[2]] = true
		}
	}
	return sc.Err()
}
