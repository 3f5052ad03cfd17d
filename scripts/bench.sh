#!/usr/bin/env bash
# Runs the benchmarks of BENCHMARKS.md (module benchmarks/, which compares the
# SDK with plain net/http + encoding/json and with go-github), then prints
# benchstat's comparisons and the ratios against the targets of issue 14.
# Raw results go to ${OUT:-$TMPDIR/ghesadmin-bench.txt}. COUNT (default 10)
# sets -count; about 2.5 minutes on 2 cores with the default.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
export PATH="${PATH}:$(go env GOPATH)/bin"
count="${COUNT:-10}"
out="${OUT:-${TMPDIR:-/tmp}/ghesadmin-bench.txt}"
if ! command -v benchstat >/dev/null 2>&1; then
  go install golang.org/x/perf/cmd/benchstat@latest
fi

cd benchmarks
echo "# $(go version); nproc $(nproc); $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); go-github $(go list -m -f '{{.Version}}' github.com/google/go-github/v75); ghesadmin $(git -C "$root" rev-parse --short HEAD)" | tee "$out"
go test -run '^$' -bench '^BenchmarkCallPaired$' -count="$count" -benchtime=0.5s . | tee -a "$out"
go test -run '^$' -bench '^BenchmarkWalkPaired$' -count="$count" -benchtime=2x . | tee -a "$out"
go test -run '^$' -bench '^BenchmarkCall$' -benchmem -count="$count" -benchtime=0.1s . | tee -a "$out"
go test -run '^$' -bench '^BenchmarkWalkPeakHeap$' -count=2 -benchtime=1x . | tee -a "$out"
# The separate walk benchmarks (BenchmarkWalk) are not run by default: the
# paired run measures the same walks. WALK=1 adds them (about 1 more minute).
if [ "${WALK:-0}" = 1 ]; then
  go test -run '^$' -bench '^BenchmarkWalk$' -benchmem -count="$count" -benchtime=2x . | tee -a "$out"
fi

echo
echo "== benchstat: single calls, separate benchmarks (columns against the net/http baseline)"
benchstat -filter '.name:Call' -col /impl "$out"
echo
echo "== benchstat: paired benchmarks (times, allocations and ratios as metrics)"
benchstat -filter '.name:(CallPaired OR WalkPaired)' "$out"
echo
go run "$root/scripts/ratios.go" "$out"
