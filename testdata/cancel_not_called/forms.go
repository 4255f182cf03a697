package fixtures

import (
	"context"
	"time"
)

var background = context.Background()

// The var form is followed like := and =.
func varForm(ctx context.Context) {
	var _, cancel = context.WithCancel(ctx) // want GL009 "`cancel` from context.WithCancel is never called, so a cancellable parent keeps it; defer cancel\(\)"
	if false {
		_ = cancel
	}
}

func varFormCalled(ctx context.Context) {
	var _, cancel = context.WithCancel(ctx)
	defer cancel()
}

// A timeout ends at its deadline: the message says so.
func timeoutLeak(ctx context.Context) {
	_, cancel := context.WithTimeout(ctx, time.Second) // want GL009 "never called, so it can live until the deadline"
	_ = cancel
}

func discardedDeadline(ctx context.Context) context.Context {
	child, _ := context.WithDeadline(ctx, time.Now().Add(time.Minute)) // want GL009 "discarded with `_`, so it can live until the deadline"
	return child
}

// A Background parent is never cancelled.
func rootParent() context.Context {
	child, _ := context.WithCancel(context.Background()) // want GL009 "discarded with `_`, so nothing ever cancels it"
	return child
}

// Deadlines already past: the context package cancels them at once.
func expired() {
	_, zero := context.WithTimeout(background, 0)
	_ = zero
	_, past := context.WithDeadline(background, time.Time{})
	_ = past
}
