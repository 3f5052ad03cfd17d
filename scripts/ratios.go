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
	// med returns the median and the range of the runs.
	med := func(name, unit string) (m, lo, hi float64, n int) {
		vs := append([]float64(nil), samples[name][unit]...)
		if len(vs) == 0 {
			return 0, 0, 0, 0
		}
		sort.Float64s(vs)
		m = vs[len(vs)/2]
		if len(vs)%2 == 0 {
			m = (vs[len(vs)/2-1] + vs[len(vs)/2]) / 2
		}
		return m, vs[0], vs[len(vs)-1], len(vs)
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
		r, lo, hi, n := med(name, "sdk/nethttp")
		if n == 0 {
			continue
		}
		bt, _, _, _ := med(name, "nethttp-ns/op")
		st, _, _, _ := med(name, "sdk-ns/op")
		verdicts := []string{"nethttp " + verdict(r <= 1.10)}
		gt, _, _, gn := med(name, "gogithub-ns/op")
		gcol, acol, gtcol := "-", "-", "-"
		if gn > 0 {
			g, glo, ghi, _ := med(name, "sdk/gogithub")
			sa, _, _, _ := med(name, "sdk-allocs/op")
			ga, _, _, _ := med(name, "gogithub-allocs/op")
			gtcol = fmt.Sprintf("%.0f", gt)
			gcol = fmt.Sprintf("%.3f [%.3f–%.3f]", g, glo, ghi)
			acol = fmt.Sprintf("%.0f/%.0f", sa, ga)
			verdicts = append(verdicts, "go-github time "+verdict(g <= 1.0), "allocs "+verdict(sa <= ga))
		} else {
			verdicts = append(verdicts, "go-github: no such method")
		}
		fmt.Printf("%-22s %9.0f %9.0f %9s  %-22s %-22s %-14s %s\n", op, bt, st, gtcol,
			fmt.Sprintf("%.3f [%.3f–%.3f]", r, lo, hi), gcol, acol, strings.Join(verdicts, ", "))
	}

	fmt.Println()
	fmt.Println("Per call, separate benchmarks (median ns/op; allocs/op and B/op from -benchmem)")
	fmt.Printf("%-22s %-9s %10s %8s %9s %12s\n", "op", "impl", "ns/op", "allocs", "B/op", "time/nethttp")
	for _, op := range ops {
		base, _, _, bn := med("BenchmarkCall/op="+op+"/impl=nethttp", "ns/op")
		for _, impl := range []string{"nethttp", "sdk", "gogithub"} {
			name := "BenchmarkCall/op=" + op + "/impl=" + impl
			t, _, _, n := med(name, "ns/op")
			if n == 0 || bn == 0 {
				continue
			}
			a, _, _, _ := med(name, "allocs/op")
			by, _, _, _ := med(name, "B/op")
			fmt.Printf("%-22s %-9s %10.0f %8.0f %9.0f %11.3fx\n", op, impl, t, a, by, t/base)
		}
	}

	fmt.Println()
	fmt.Println("Walking 10,000 items, 100 per page, 2 ms per page, paired (the four walks rotate within each run; median [range] ms per walk)")
	fmt.Println("target: gogithub/sdk-prefetch8 ≥ 4")
	fmt.Printf("%-10s %8s %9s %8s %14s %13s %13s %24s  %s\n", "transport", "nethttp", "gogithub", "sdk", "sdk-prefetch8", "sdk/nethttp", "sdk/gogithub", "gogithub/sdk-prefetch8", "target")
	for _, tr := range []string{"loopback", "memory"} {
		name := "BenchmarkWalkPaired/transport=" + tr
		sp, lo, hi, n := med(name, "gogithub/sdk-prefetch8")
		if n == 0 {
			continue
		}
		nh, _, _, _ := med(name, "nethttp-ms/op")
		gg, _, _, _ := med(name, "gogithub-ms/op")
		s, _, _, _ := med(name, "sdk-ms/op")
		s8, _, _, _ := med(name, "sdk-prefetch8-ms/op")
		r1, _, _, _ := med(name, "sdk/nethttp")
		r2, _, _, _ := med(name, "sdk/gogithub")
		fmt.Printf("%-10s %8.1f %9.1f %8.1f %14.1f %12.3fx %12.3fx %24s  %s\n", tr, nh, gg, s, s8, r1, r2,
			fmt.Sprintf("%.2fx [%.2f–%.2f]", sp, lo, hi), verdict(sp >= 4))
	}

	if len(samples["BenchmarkWalk/transport=memory/impl=sdk"]) > 0 {
		fmt.Println()
		fmt.Println("Walking 10,000 items, separate benchmarks (median ms per walk, allocs per walk)")
		for _, tr := range []string{"loopback", "memory"} {
			for _, impl := range []string{"nethttp", "gogithub", "sdk", "sdk-prefetch8"} {
				name := "BenchmarkWalk/transport=" + tr + "/impl=" + impl
				t, _, _, n := med(name, "ns/op")
				if n == 0 {
					continue
				}
				a, _, _, _ := med(name, "allocs/op")
				fmt.Printf("%-10s %-14s %8.1f ms %9.0f allocs\n", tr, impl, t/1e6, a)
			}
		}
	}

	fmt.Println()
	fmt.Println("Peak heap in use while walking with WithPagePrefetch(8) (max over runs)")
	for _, items := range []string{"10000", "100000"} {
		vs := samples["BenchmarkWalkPeakHeap/items="+items]
		if len(vs["peak-heap-MiB"]) == 0 {
			continue
		}
		sort.Float64s(vs["peak-heap-MiB"])
		sort.Float64s(vs["heap-growth-MiB"])
		fmt.Printf("items=%-7s peak %.2f MiB, growth during the walk %.2f MiB\n", items,
			vs["peak-heap-MiB"][len(vs["peak-heap-MiB"])-1], vs["heap-growth-MiB"][len(vs["heap-growth-MiB"])-1])
	}
}
