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

func work(ctx context.Context) error { return ctx.Err() }
