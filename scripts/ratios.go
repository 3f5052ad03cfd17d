//go:build ignore

// ratios reads `go test -bench` output and prints, for each benchmark pair
// of BENCHMARKS.md, the ratio of the medians and whether the target of
// issue 8 is met. It only reports: it never fails because of a timing.
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
	med := func(name, unit string) (float64, bool) {
		vs := samples[name][unit]
		if len(vs) == 0 {
			return 0, false
		}
		sort.Float64s(vs)
		if len(vs)%2 == 1 {
			return vs[len(vs)/2], true
		}
		return (vs[len(vs)/2-1] + vs[len(vs)/2]) / 2, true
	}
	verdict := func(ok bool) string {
		if ok {
			return "met"
		}
		return "NOT MET"
	}

	fmt.Println("Single calls, separate benchmarks (median of the runs; target: time ≤ 1.15×, allocs ≤ baseline+10)")
	fmt.Printf("%-24s %12s %12s %7s %9s %9s %6s  %s\n", "op", "nethttp ns", "sdk ns", "ratio", "nethttp a", "sdk a", "Δa", "target")
	for _, op := range []string{"StatsAll", "ListPublicKeys100", "AdminHooksCreate", "ConsoleSetMaintenance"} {
		base, sdk := "BenchmarkCall/op="+op+"/impl=nethttp", "BenchmarkCall/op="+op+"/impl=sdk"
		bt, ok1 := med(base, "ns/op")
		st, ok2 := med(sdk, "ns/op")
		ba, _ := med(base, "allocs/op")
		sa, _ := med(sdk, "allocs/op")
		if !ok1 || !ok2 {
			continue
		}
		r := st / bt
		fmt.Printf("%-24s %12.0f %12.0f %6.3fx %9.0f %9.0f %+6.0f  %s\n", op, bt, st, r, ba, sa, sa-ba, verdict(r <= 1.15 && sa-ba <= 10))
	}

	fmt.Println()
	fmt.Println("Single calls, paired (SDK and baseline alternate in blocks of 16 calls within each run; median of the runs)")
	fmt.Printf("%-24s %12s %12s %7s  %s\n", "op", "nethttp ns", "sdk ns", "ratio", "target (≤1.15x)")
	for _, op := range []string{"StatsAll", "ListPublicKeys100", "AdminHooksCreate", "ConsoleSetMaintenance"} {
		name := "BenchmarkCallPaired/op=" + op
		bt, ok1 := med(name, "nethttp-ns/op")
		st, _ := med(name, "sdk-ns/op")
		r, ok2 := med(name, "sdk/nethttp")
		if !ok1 || !ok2 {
			continue
		}
		fmt.Printf("%-24s %12.0f %12.0f %6.3fx  %s\n", op, bt, st, r, verdict(r <= 1.15))
	}

	fmt.Println()
	fmt.Println("Walking 10,000 items, paired (the three walks rotate within each run; median of the runs)")
	fmt.Printf("%-10s %10s %10s %14s %12s %14s  %s\n", "transport", "nethttp", "sdk", "sdk-prefetch8", "sdk/nethttp", "sdk/prefetch8", "targets (≤1.05x, ≥4x)")
	for _, tr := range []string{"loopback", "memory"} {
		name := "BenchmarkWalkPaired/transport=" + tr
		n, ok1 := med(name, "nethttp-ms/op")
		s, _ := med(name, "sdk-ms/op")
		pf, _ := med(name, "sdk-prefetch8-ms/op")
		r1, _ := med(name, "sdk/nethttp")
		r2, ok2 := med(name, "sdk/sdk-prefetch8")
		if !ok1 || !ok2 {
			continue
		}
		fmt.Printf("%-10s %10.1f %10.1f %14.1f %11.3fx %13.2fx  %s, %s\n", tr, n, s, pf, r1, r2, verdict(r1 <= 1.05), verdict(r2 >= 4))
	}

	fmt.Println()
	fmt.Println("Walking 10,000 items, 100 per page, 2 ms per page, separate benchmarks (median ms per walk)")
	fmt.Printf("%-10s %10s %10s %14s %12s %14s  %s\n", "transport", "nethttp", "sdk", "sdk-prefetch8", "sdk/nethttp", "sdk/prefetch8", "targets (≤1.05x, ≥4x)")
	for _, tr := range []string{"loopback", "memory"} {
		p := "BenchmarkWalk/transport=" + tr + "/impl="
		n, ok1 := med(p+"nethttp", "ns/op")
		s, ok2 := med(p+"sdk", "ns/op")
		pf, ok3 := med(p+"sdk-prefetch8", "ns/op")
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		fmt.Printf("%-10s %10.1f %10.1f %14.1f %11.3fx %13.2fx  %s, %s\n", tr, n/1e6, s/1e6, pf/1e6, s/n, s/pf, verdict(s/n <= 1.05), verdict(s/pf >= 4))
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
