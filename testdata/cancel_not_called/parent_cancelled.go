package fixtures

import (
	"context"
	"time"
)

type verifier struct{ on bool }

func (v *verifier) watch(ctx context.Context) { <-ctx.Done() }

// The child's cancel is skipped when no verifier runs, but the function cancels the
// parent it made on every path before it returns, and that releases the child (low).
func runOnce(v *verifier) {
	ctx, shutdown := context.WithCancel(context.Background())
	child, stop := context.WithCancel(ctx) // want GL009:low "not when the function ends"
	if v != nil {
		go v.watch(child)
	}
	time.Sleep(time.Millisecond)
	if v != nil {
		stop()
	}
	shutdown()
}

// The same with the parent's cancel deferred.
func runDeferred(v *verifier) {
	ctx, shutdown := context.WithTimeout(context.Background(), time.Minute)
	defer shutdown()
	child, stop := context.WithCancel(ctx) // want GL009:low "not when the function ends"
	if v != nil {
		go v.watch(child)
	}
	if v != nil {
		stop()
	}
}

// The parent comes from the caller: nothing here cancels it (shown).
func runUnder(ctx context.Context, v *verifier) {
	child, stop := context.WithCancel(ctx) // want GL009 "not when the function ends"
	if v != nil {
		go v.watch(child)
	}
	if v != nil {
		stop()
	}
}

// The parent's cancel is skipped on the early return too (shown).
func runEarly(v *verifier, quick bool) {
	ctx, shutdown := context.WithCancel(context.Background())
	child, stop := context.WithCancel(ctx) // want GL009 "not"
	if v != nil {
		go v.watch(child)
	}
	if quick {
		return
	}
	if v != nil {
		stop()
	}
	shutdown()
}
