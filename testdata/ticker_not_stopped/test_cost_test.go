package fixtures

import (
	"testing"
	"time"
)

// A test server holding its test's *testing.T: its methods run in that test, and a
// ticker one leaves running ends with the test binary (low).
type gcServer struct {
	tester *testing.T
	done   func() bool
}

func (s *gcServer) collect() {
	for range time.Tick(time.Millisecond) { // want GL010:low "leaks one until the test binary exits"
		if s.done() {
			break
		}
	}
}

func (s *gcServer) onTraffic(submit func(func())) {
	submit(func() {
		for range time.Tick(time.Millisecond) { // want GL010:low "until the test binary exits"
			if s.done() {
				return
			}
		}
	})
}

// One per turn of a loop in such a method piles up while the test runs: shown.
func (s *gcServer) probe(n int) {
	for i := 0; i < n; i++ {
		tick := time.NewTicker(time.Millisecond) // want GL010 "keeps firing until the test binary exits"
		<-tick.C
	}
}

// A plain function of a test file (no test, testing parameter or test type around it):
// unexported, beside the package's own code, it is the tests' helper (low); an exported
// one may be the code under test, as a book's example is (Testing in policy_test.go).
func pollUntil(done func() bool) {
	for range time.Tick(time.Millisecond) { // want GL010:low "each call leaks one until the test binary exits"
		if done() {
			return
		}
	}
}

func TestGC(t *testing.T) {
	s := &gcServer{tester: t, done: func() bool { return true }}
	s.collect()
	s.onTraffic(func(f func()) { f() })
	s.probe(2)
	pollUntil(s.done)
}
