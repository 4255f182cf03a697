package hold_test

import (
	"testing"

	"example.com/regmod/hold"
)

type testContext struct{ registry *hold.Registry }

// The package under test sends on the channel only in a select with its quit channel.
func TestHold(t *testing.T) {
	ctx := &testContext{registry: &hold.Registry{}}
	hodl := make(chan interface{})
	if err := ctx.registry.NotifyExitHop("a", hodl); err != nil { // want GL002:low "unbuffered channel `hodl`"
		t.Fatal(err)
	}
}
