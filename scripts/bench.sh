#!/usr/bin/env bash
# Runs the benchmarks of BENCHMARKS.md (about 3 minutes on 2 cores), then
# prints benchstat's comparisons and the ratios against the targets of
# issue 8. Raw results go to ${OUT:-$TMPDIR/ghesadmin-bench.txt}. COUNT (default 10) sets -count.
# (doubled, with short runs, for the single calls: finer interleaving of the
# SDK and baseline runs makes them less sensitive to other load).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${PATH}:$(go env GOPATH)/bin"
count="${COUNT:-10}"
out="${OUT:-${TMPDIR:-/tmp}/ghesadmin-bench.txt}"
if ! command -v benchstat >/dev/null 2>&1; then
  go install golang.org/x/perf/cmd/benchstat@latest
fi

echo "# $(go version); nproc $(nproc); $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')" | tee "$out"
go test -run '^$' -bench '^BenchmarkCall$' -benchmem -count="$count" -benchtime=0.25s . | tee -a "$out"
go test -run '^$' -bench '^BenchmarkCallPaired$' -count="$count" -benchtime=0.5s . | tee -a "$out"
go test -run '^$' -bench '^BenchmarkWalk$' -benchmem -count="$count" -benchtime=3x . | tee -a "$out"
go test -run '^$' -bench '^BenchmarkWalkPaired$' -count="$count" -benchtime=2x . | tee -a "$out"
go test -run '^$' -bench '^BenchmarkWalkPeakHeap$' -count=3 -benchtime=1x . | tee -a "$out"

echo
echo "== benchstat: SDK against the net/http baseline (single calls)"
benchstat -filter '.name:Call' -col /impl "$out"
echo
echo "== benchstat: list walks (columns against the hand-written loop)"
benchstat -filter '.name:Walk' -col /impl "$out"
echo
echo "== benchstat: sequential SDK walk against WithPagePrefetch(8)"
benchstat -filter '.name:Walk /impl:(sdk OR sdk-prefetch8)' -col /impl "$out"
echo
echo "== benchstat: paired benchmarks (times and ratios as metrics)"
benchstat -filter '.name:(CallPaired OR WalkPaired)' "$out"
echo
go run scripts/ratios.go "$out"
