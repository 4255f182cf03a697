// Package check holds assertions for the module's tests: only test code imports it (a
// harness that imports testing, see internal/harness), so it runs in test binaries alone.
package check

import "time"

type T interface {
	Errorf(format string, args ...interface{})
}

// Soon fails t when f does not return within d; the goroutine left on its send ends
// with the test binary (low).
func Soon(t T, d time.Duration, f func()) {
	done := make(chan struct{})
	go func() {
		f()
		done <- struct{}{} // want GL003:low "send on unbuffered `done` blocks forever if its receiver"
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Errorf("not done within %v", d)
	}
}
