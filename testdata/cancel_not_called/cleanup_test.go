package fixtures

import (
	"context"
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
	ctx, cancel := context.WithTimeout(parent, time.Minute) // want GL009 "called on the happy path but not when the function returns at line 37, so it can live until the deadline; defer cancel"
	if c, ok := t.(cleanupper); ok {
		c.Cleanup(func() {
			t.Log(ctx.Err())
		})
		return nil
	}
	cancel()
	return nil
}
