package fixtures

import (
	"context"
	"errors"
	"testing"
	"time"
)

type cleanupper interface {
	Cleanup(func())
}

// A closure that calls cancel, handed to a cleanup registration, releases it: also
// when the registration depends on the value having a Cleanup method.
func commandContext(t testing.TB, ctx context.Context) context.Context {
	var cancel context.CancelFunc
	if _, ok := ctx.Deadline(); !ok {
		ctx, cancel = context.WithTimeout(ctx, time.Minute)
	}
	if c, ok := t.(cleanupper); ok {
		c.Cleanup(func() {
			if cancel != nil {
				cancel()
			}
		})
	}
	return ctx
}

// A registered closure that only reads the context releases nothing; in a test
// helper a cancellable parent's child stays linked to it until the parent ends: one
// per call, whose cost ends with the test binary (low).
func loggedOnly(t testing.TB, parent context.Context) error {
	ctx, cancel := context.WithCancel(parent) // want GL009:low "called on the happy path but not when the function returns at line \d+, so only its parent can end it; defer cancel"
	if c, ok := t.(cleanupper); ok {
		c.Cleanup(func() {
			t.Log(ctx.Err())
		})
		return nil
	}
	cancel()
	return nil
}

func slowCall(ctx context.Context) error {
	<-ctx.Done()
	return ctx.Err()
}

// A test that drives its call into the deadline and checks that it passed: the timer
// has fired before the test ends.
func TestWaitsOutDeadline(t *testing.T) {
	ctx, _ := context.WithTimeout(context.Background(), 10*time.Millisecond)
	if err := slowCall(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatal(err)
	}
}

// The same call with no check of the deadline: in a test, the deadline still ends
// the context (one timer, which ends by itself), so it is not reported.
func TestDeadlineNotChecked(t *testing.T) {
	ctx, _ := context.WithTimeout(context.Background(), time.Minute)
	if err := slowCall(ctx); err == nil {
		t.Fatal("no error")
	}
}

// A child of Background() handed only to a call that returns: nothing registered it,
// nothing waits on it after the call.
func TestCancelNotDeadline(t *testing.T) {
	ctx, _ := context.WithCancel(context.Background())
	if err := slowCall(ctx); errors.Is(err, context.DeadlineExceeded) {
		t.Fatal(err)
	}
}
