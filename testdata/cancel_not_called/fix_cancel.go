package fixes

import (
	"context"
	"time"
)

func fetch(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want GL009
	if err := work(ctx); err != nil {
		return err
	}
	cancel()
	return nil
}

func discarded(parent context.Context) error {
	ctx, _ := context.WithCancel(parent) // want GL009
	return work(ctx)
}

func nameTaken(parent context.Context, cancel func()) error {
	defer cancel()
	ctx, _ := context.WithDeadline(parent, time.Now().Add(time.Minute)) // want GL009
	return work(ctx)
}

// No fix: `=` cannot declare the new name.
func assigned(parent context.Context) error {
	var ctx context.Context
	ctx, _ = context.WithCancel(parent) // want GL009
	return work(ctx)
}

// No fix: a deferred cancel would cancel the context the helper returns; the caller
// needs the cancel function.
func withLimit(parent context.Context) context.Context {
	ctx, _ := context.WithTimeout(parent, time.Minute) // want GL009 "discarded with `_`, so it can live until the deadline; return it with the context for the caller to call$"
	return ctx
}

func withStop(parent context.Context) (context.Context, error) {
	ctx, stop := context.WithCancel(parent) // want GL009 "`stop` from context.WithCancel is never called, so only its parent can end it; return stop with the context for the caller to call$"
	_ = stop
	return ctx, nil
}

func work(ctx context.Context) error { return ctx.Err() }

// Each attempt derives a context of its own from one parent: until the parent ends,
// their timers and registrations pile up.
func attempts(parent context.Context, n int) {
	for i := 0; i < n; i++ {
		_ = work(withLimit(parent))
		ctx, _ := withStop(parent)
		_ = work(ctx)
	}
}
