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

// A registered closure that only reads the context releases nothing.
func loggedOnly(t testing.TB, parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Minute) // want GL009 "called on the happy path but not when the function returns at line 38, so it can live until the deadline; defer cancel"
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

// The same call with no check of the deadline: reported.
func TestDeadlineNotChecked(t *testing.T) {
	ctx, _ := context.WithTimeout(context.Background(), time.Minute) // want GL009 "discarded with `_`, so it can live until the deadline; bind it and defer the call"
	if err := slowCall(ctx); err == nil {
		t.Fatal("no error")
	}
}

// A WithCancel is not ended by any deadline: reported.
func TestCancelNotDeadline(t *testing.T) {
	ctx, _ := context.WithCancel(context.Background()) // want GL009 "discarded with `_`, so nothing ever cancels it"
	if err := slowCall(ctx); errors.Is(err, context.DeadlineExceeded) {
		t.Fatal(err)
	}
}
