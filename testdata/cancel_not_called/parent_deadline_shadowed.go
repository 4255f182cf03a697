package fixtures

import (
	"context"
	"time"
)

// The `ctx` asked for a deadline is each of the others, not the parent: the child
// lost there is lost where the parent may have no deadline.
func sampleEach(ctx context.Context, others []context.Context, get func(context.Context) error) error {
	sampleCtx, cancel := context.WithCancel(ctx) // want GL009 "reassigned at line 14"
	for _, ctx := range others {
		if deadline, ok := ctx.Deadline(); ok {
			sampleCtx, cancel = context.WithDeadline(ctx, deadline.Add(-time.Second)) // want GL009 "acquired again at line 14"
		}
	}
	defer cancel()
	return get(sampleCtx)
}
