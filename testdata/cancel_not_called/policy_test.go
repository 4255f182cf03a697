package fixtures

import (
	"context"
	"testing"
	"time"
)

func call(ctx context.Context) error { return ctx.Err() }

// Test code reports only what outlasts the test or piles up.

// A dropped cancel of a deadline context in a test: the deadline ends it.
func TestDroppedTimeout(t *testing.T) {
	ctx, _ := context.WithTimeout(context.Background(), time.Minute)
	if err := call(ctx); err != nil {
		t.Fatal(err)
	}
}

// A test helper handing out deadline contexts: each ends at its deadline.
func deadlineCtx(deadline time.Time) context.Context {
	ctx, _ := context.WithDeadline(context.TODO(), deadline)
	return ctx
}

// A polling loop of per-try timeouts in a test: each timer ends by itself.
func TestPolls(t *testing.T) {
	for i := 0; i < 3; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		if call(ctx) != nil {
			continue
		}
		cancel()
	}
}

// A child of the test's own context ends with the test.
func TestChildOfTestContext(t *testing.T) {
	ctx, _ := context.WithCancel(t.Context())
	if err := call(ctx); err != nil {
		t.Fatal(err)
	}
}

// One child of a context the test made: it ends when the test's parent is cancelled.
func TestChildOfOwnParent(t *testing.T) {
	parent, stop := context.WithCancel(context.Background())
	defer stop()
	ctx, cancel := context.WithCancel(parent)
	if err := call(ctx); err != nil {
		t.Fatal(err)
	}
	if err := call(ctx); err != nil {
		return
	}
	cancel()
}

// Children made in a loop under one parent stay linked to it until it ends.
func TestChildrenInLoop(t *testing.T) {
	parent, stop := context.WithCancel(context.Background())
	defer stop()
	for i := 0; i < 3; i++ {
		ctx, _ := context.WithCancel(parent) // want GL009 "discarded with `_`, so only its parent can end it"
		if err := call(ctx); err != nil {
			t.Error(err)
		}
	}
}

// A helper that many tests may call, deriving from the caller's context (the tests': low).
func tryWith(parent context.Context) bool {
	ctx, cancel := context.WithCancel(parent) // want GL009:low "called on the happy path but not when the function returns at line 76, so only its parent can end it; defer cancel"
	if call(ctx) != nil {
		return false
	}
	cancel()
	return true
}

// A child of Background() that a goroutine waits on, never cancelled: the goroutine
// outlives the test, one per run of it, until the test binary exits (low).
func TestGoroutineWaitsForever(t *testing.T) {
	ctx, _ := context.WithCancel(context.Background()) // want GL009:low "nothing ever cancels it \(the goroutine of line 88 has it\)"
	done := make(chan struct{})
	go func() {
		<-ctx.Done()
		close(done)
	}()
}
