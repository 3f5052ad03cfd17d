//go:build ignore

// ratios reads the `go test -bench` output of scripts/bench.sh (module
// benchmarks/) and prints the medians of the runs against the targets of
// issue 14:
//
//   - per call, the SDK within 1.10× of plain net/http + encoding/json;
//   - per call, the SDK no slower and no more allocating than go-github;
//   - a walk of 10,000 items with WithPagePrefetch(8) at least 4× faster
//     than go-github's loop.
//
// It only reports: it never fails because of a timing.
//
//	go run scripts/ratios.go bench.txt
package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

var line = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

var ops = []string{"StatsAll", "ListPublicKeys100", "UsersCreate", "AdminHooksCreate", "ConsoleSetMaintenance"}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run scripts/ratios.go bench.txt")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	samples := map[string]map[string][]float64{} // name → unit → values
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		fields := strings.Fields(m[2])
		for i := 0; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				continue
			}
			if samples[m[1]] == nil {
				samples[m[1]] = map[string][]float64{}
			}
			samples[m[1]][fields[i+1]] = append(samples[m[1]][fields[i+1]], v)
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// get returns the median and the range of the runs of a metric.
	get := func(name, unit string) stat {
		vs := append([]float64(nil), samples[name][unit]...)
		if len(vs) == 0 {
			return stat{}
		}
		sort.Float64s(vs)
		m := vs[len(vs)/2]
		if len(vs)%2 == 0 {
			m = (vs[len(vs)/2-1] + vs[len(vs)/2]) / 2
		}
		return stat{med: m, lo: vs[0], hi: vs[len(vs)-1], n: len(vs)}
	}
	verdict := func(ok bool) string {
		if ok {
			return "met"
		}
		return "NOT MET"
	}

	fmt.Println("Per call, paired (implementations alternate in blocks of 16 calls within each run; median [range] of the runs)")
	fmt.Println("targets: sdk/nethttp ≤ 1.10; sdk/gogithub ≤ 1.00 in time and in allocations")
	fmt.Printf("%-22s %9s %9s %9s  %-22s %-22s %-14s %s\n", "op", "nethttp", "sdk", "gogithub", "sdk/nethttp", "sdk/gogithub", "allocs s/g", "targets")
	for _, op := range ops {
		name := "BenchmarkCallPaired/op=" + op
		r := get(name, "sdk/nethttp")
		if r.n == 0 {
			continue
		}
		verdicts := []string{"nethttp " + verdict(r.med <= 1.10)}
		gcol, acol, gtcol := "-", "-", "-"
		if gt := get(name, "gogithub-ns/op"); gt.n > 0 {
			g := get(name, "sdk/gogithub")
			sa, ga := get(name, "sdk-allocs/op").med, get(name, "gogithub-allocs/op").med
			gtcol = fmt.Sprintf("%.0f", gt.med)
			gcol = g.format("%.3f")
			acol = fmt.Sprintf("%.0f/%.0f", sa, ga)
			verdicts = append(verdicts, "go-github time "+verdict(g.med <= 1.0), "allocs "+verdict(sa <= ga))
		} else {
			verdicts = append(verdicts, "go-github: no such method")
		}
		fmt.Printf("%-22s %9.0f %9.0f %9s  %-22s %-22s %-14s %s\n", op, get(name, "nethttp-ns/op").med, get(name, "sdk-ns/op").med, gtcol,
			r.format("%.3f"), gcol, acol, strings.Join(verdicts, ", "))
	}

	fmt.Println()
	fmt.Println("Per call, separate benchmarks (median ns/op; allocs/op and B/op from -benchmem)")
	fmt.Printf("%-22s %-9s %10s %8s %9s %12s\n", "op", "impl", "ns/op", "allocs", "B/op", "time/nethttp")
	for _, op := range ops {
		base := get("BenchmarkCall/op="+op+"/impl=nethttp", "ns/op")
		for _, impl := range []string{"nethttp", "sdk", "gogithub"} {
			name := "BenchmarkCall/op=" + op + "/impl=" + impl
			t := get(name, "ns/op")
			if t.n == 0 || base.n == 0 {
				continue
			}
			fmt.Printf("%-22s %-9s %10.0f %8.0f %9.0f %11.3fx\n", op, impl, t.med,
				get(name, "allocs/op").med, get(name, "B/op").med, t.med/base.med)
		}
	}

	fmt.Println()
	fmt.Println("Walking 10,000 items, 100 per page, 2 ms per page, paired (the four walks rotate within each run; median [range] ms per walk)")
	fmt.Println("target: gogithub/sdk-prefetch8 ≥ 4")
	fmt.Printf("%-10s %8s %9s %8s %14s %13s %13s %24s  %s\n", "transport", "nethttp", "gogithub", "sdk", "sdk-prefetch8", "sdk/nethttp", "sdk/gogithub", "gogithub/sdk-prefetch8", "target")
	for _, tr := range []string{"loopback", "memory"} {
		name := "BenchmarkWalkPaired/transport=" + tr
		sp := get(name, "gogithub/sdk-prefetch8")
		if sp.n == 0 {
			continue
		}
		fmt.Printf("%-10s %8.1f %9.1f %8.1f %14.1f %12.3fx %12.3fx %24s  %s\n", tr,
			get(name, "nethttp-ms/op").med, get(name, "gogithub-ms/op").med, get(name, "sdk-ms/op").med, get(name, "sdk-prefetch8-ms/op").med,
			get(name, "sdk/nethttp").med, get(name, "sdk/gogithub").med,
			fmt.Sprintf("%.2fx [%.2f–%.2f]", sp.med, sp.lo, sp.hi), verdict(sp.med >= 4))
	}

	if len(samples["BenchmarkWalk/transport=memory/impl=sdk"]) > 0 {
		fmt.Println()
		fmt.Println("Walking 10,000 items, separate benchmarks (median ms per walk, allocs per walk)")
		for _, tr := range []string{"loopback", "memory"} {
			for _, impl := range []string{"nethttp", "gogithub", "sdk", "sdk-prefetch8"} {
				name := "BenchmarkWalk/transport=" + tr + "/impl=" + impl
				t := get(name, "ns/op")
				if t.n == 0 {
					continue
				}
				fmt.Printf("%-10s %-14s %8.1f ms %9.0f allocs\n", tr, impl, t.med/1e6, get(name, "allocs/op").med)
			}
		}
	}

	fmt.Println()
	fmt.Println("Peak heap in use while walking with WithPagePrefetch(8) (max over runs)")
	for _, items := range []string{"10000", "100000"} {
		name := "BenchmarkWalkPeakHeap/items=" + items
		peak := get(name, "peak-heap-MiB")
		if peak.n == 0 {
			continue
		}
		fmt.Printf("items=%-7s peak %.2f MiB, growth during the walk %.2f MiB\n", items, peak.hi, get(name, "heap-growth-MiB").hi)
	}
}

// stat is the median and the range of the runs of one metric (n runs).
type stat struct {
	med, lo, hi float64
	n           int
}

// format prints the median and the range, each with verb ("%.3f").
func (s stat) format(verb string) string {
	return fmt.Sprintf(verb+" ["+verb+"–"+verb+"]", s.med, s.lo, s.hi)
}
