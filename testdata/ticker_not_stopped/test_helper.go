package fixtures

import (
	"testing"
	"time"
)

// A helper beside production code that takes a *testing.T is test code: its ticker
// outlives the test, not the tests' binary. A note, of low confidence: one per call.
func waitReady(t *testing.T, ready func() bool) {
	tick := time.NewTicker(time.Millisecond) // want GL010:low "keeps firing until the test binary exits"
	for !ready() {
		<-tick.C
	}
}

// The same loop in production code keeps the warning (see the severity test).
func waitReadyInProduction(ready func() bool) {
	tick := time.NewTicker(time.Millisecond) // want GL010:low "never stopped, so it keeps firing; defer tick.Stop\(\)"
	for !ready() {
		<-tick.C
	}
}
