// Package benchmarks measures the ghesadmin SDK against two other ways of
// making the same calls: plain net/http + encoding/json (a careful
// hand-written client) and go-github (github.com/google/go-github), the
// closest general-purpose client.
//
// It is a separate module so that go-github is a dependency of the
// benchmarks only, never of the SDK. Everything is in the _test.go files and
// uses only the SDK's exported API; scripts/bench.sh (at the repository's
// root) runs the benchmarks and scripts/ratios.go prints the ratios against
// the targets of issue 14. BENCHMARKS.md has the method and the figures.
//
// Nothing here fails because of a timing: the tests (TestCallsAreEquivalent,
// TestWalksAreEquivalent) check only that the implementations send the same
// requests and decode the same results.
package benchmarks
