package fixtures

import (
	"context"
	"time"
)

// The first child is replaced only where its parent has a deadline, which ends it:
// shown with low confidence only.
func sampleWithin(ctx context.Context, get func(context.Context) error) error {
	sampleCtx, cancel := context.WithCancel(ctx) // want GL009:low "reassigned at line 13"
	if deadline, ok := ctx.Deadline(); ok {
		sampleCtx, cancel = context.WithDeadline(ctx, deadline.Add(-time.Second))
	}
	defer cancel()
	return get(sampleCtx)
}

// Replaced where the parent has no deadline: nothing ends the lost child but the parent.
func sampleUnbounded(ctx context.Context, get func(context.Context) error) error {
	sampleCtx, cancel := context.WithCancel(ctx) // want GL009 "reassigned at line 23"
	if _, ok := ctx.Deadline(); !ok {
		sampleCtx, cancel = context.WithTimeout(ctx, time.Minute)
	}
	defer cancel()
	return get(sampleCtx)
}
