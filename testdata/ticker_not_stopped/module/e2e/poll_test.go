package e2e

import (
	"testing"
	"time"
)

// A plain function of a test file below a folder of test programs is the suite's own
// helper, not code under test: a ticker it leaves ends with the test binary (low).
func waitUp(up func() bool) {
	for range time.Tick(time.Millisecond) { // want GL010:low "leaks one until the test binary exits"
		if up() {
			return
		}
	}
}

func TestUp(t *testing.T) {
	waitUp(func() bool { return true })
	waitUp(func() bool { return true })
}
