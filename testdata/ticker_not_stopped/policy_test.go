package fixtures

import (
	"testing"
	"time"
)

// One ticker in one test function ends with the test binary: not reported.
func TestOneTicker(t *testing.T) {
	tick := time.NewTicker(100 * time.Microsecond)
	<-tick.C
}

func TestOneTick(t *testing.T) {
	for range time.Tick(time.Millisecond) {
		break
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		ticker := time.NewTicker(5 * time.Millisecond) // in a goroutine of the test: still one
		<-ticker.C
	}()
	<-done
}

func BenchmarkOneTicker(b *testing.B) {
	tick := time.Tick(time.Millisecond)
	for i := 0; i < b.N; i++ {
		<-tick
	}
}

// A ginkgo-style spec declared at package level runs once.
var _ = describe("spec", func() {
	ticker := time.NewTicker(time.Second)
	<-ticker.C
})

func describe(name string, body func()) bool { body(); return true }

// Made per subtest of a table written out: as many as tests written out, each ending
// with the test binary (low). Made per turn of a counted loop: they pile up while the
// test runs (shown).
func TestTickerPerCase(t *testing.T) {
	for _, d := range []time.Duration{time.Millisecond, 2 * time.Millisecond} {
		t.Run(d.String(), func(t *testing.T) {
			tick := time.NewTicker(d) // want GL010:low "ticker `tick` from time.NewTicker is never stopped"
			<-tick.C
		})
	}
}

func TestTickPerIteration(t *testing.T) {
	for i := 0; i < 3; i++ {
		<-time.Tick(time.Millisecond) // want GL010 "time.Tick's ticker can never be stopped"
	}
}

// A helper that tests call makes one per call: one per test, ending with the binary.
func waitTicks(t *testing.T, n int) {
	tick := time.NewTicker(time.Millisecond) // want GL010:low "ticker `tick` from time.NewTicker is never stopped"
	for i := 0; i < n; i++ {
		<-tick.C
	}
}

func TestUsesHelper(t *testing.T) { waitTicks(t, 2) }

// Testing, Tester: not test entry points.
func Testing() {
	tick := time.NewTicker(time.Millisecond) // want GL010 "never stopped"
	<-tick.C
}
