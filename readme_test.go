package ghesadmin

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ghesadmin/ghesadmin/internal/opsdoc"
)

// TestReadmeCoverageCounts checks README's "What is covered" table against
// the methods: every service with a //meta:operation method has its row,
// each row counts the distinct operations its service's methods call, and
// the total stated under the table is their sum.
func TestReadmeCoverageCounts(t *testing.T) {
	methods, err := opsdoc.Methods(".")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]bool{}
	all := map[string]bool{}
	for _, m := range methods {
		if want[m.Service] == nil {
			want[m.Service] = map[string]bool{}
		}
		want[m.Service][m.Method+" "+m.Path] = true
		all[m.Method+" "+m.Path] = true
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	start := strings.Index(section, "## What is covered")
	if start < 0 {
		t.Fatal(`README.md has no "## What is covered" section`)
	}
	section = section[start:]
	section = section[:strings.Index(section[3:], "\n## ")+3]

	row := regexp.MustCompile("(?m)^\\| `(\\w+)` \\| (\\d+)")
	got := map[string]int{}
	for _, m := range row.FindAllStringSubmatch(section, -1) {
		n, _ := strconv.Atoi(m[2])
		got[m[1]] = n
	}
	for svc, opsOf := range want {
		n, ok := got[svc]
		switch {
		case !ok:
			t.Errorf("README's coverage table has no row for %s (%d operations)", svc, len(opsOf))
		case n != len(opsOf):
			t.Errorf("README's coverage table counts %d operations for %s, its methods call %d", n, svc, len(opsOf))
		}
	}
	for svc := range got {
		if want[svc] == nil {
			t.Errorf("README's coverage table has a row for %s, which has no method", svc)
		}
	}
	if total := fmt.Sprintf("%d operations in all", len(all)); !strings.Contains(section, total) {
		t.Errorf("README's coverage section does not say %q", total)
	}
}
