package fixtures

import (
	"context"
	"errors"
	"time"
)

type dispatcher struct {
	ctx    context.Context
	cancel context.CancelFunc
}

// A child of Background() bound to a local first: nothing waits on it when the
// function gives up, so the lost context is garbage.
func newDispatcher(ready bool) *dispatcher {
	ctx := context.Background()
	ctx, cancel := context.WithCancel(ctx)
	if !ready {
		return nil
	}
	return &dispatcher{ctx: ctx, cancel: cancel}
}

// The same child handed to a goroutine before the early return: reported.
func startDispatcher(ready bool, run func(context.Context)) *dispatcher {
	ctx := context.Background()
	ctx, cancel := context.WithCancel(ctx) // want GL009 "not called when the function returns at line 31, so nothing ever cancels it \(the goroutine of line 29 has it\)"
	go run(ctx)
	if !ready {
		return nil
	}
	return &dispatcher{ctx: ctx, cancel: cancel}
}

// A local that a branch may bind to a cancellable parent is not a root.
func branchParent(parent context.Context, own bool) (*dispatcher, error) {
	ctx := context.Background()
	if !own {
		ctx = parent
	}
	ctx, cancel := context.WithCancel(ctx) // want GL009 "not called when the function returns at line 44, so only its parent can end it"
	if ctx.Err() == nil {
		return nil, errors.New("busy")
	}
	return &dispatcher{ctx: ctx, cancel: cancel}, nil
}

type options struct {
	ctx  context.Context
	wait time.Duration
}

// The cancel of the WithTimeout context is replaced only where the context has no
// deadline, which a WithTimeout context always has.
func (o options) bounded(wait time.Duration) (options, context.CancelFunc) {
	var cancel context.CancelFunc
	if o.ctx == nil {
		o.ctx, cancel = context.WithTimeout(context.Background(), o.wait)
	}
	if o.ctx != nil {
		if _, hasDeadline := o.ctx.Deadline(); !hasDeadline {
			o.ctx, cancel = context.WithTimeout(o.ctx, wait)
		}
	}
	return o, cancel
}

// Here the context is replaced before the check: the first cancel is lost.
func (o options) rebound(wait time.Duration, parent context.Context) (options, context.CancelFunc) {
	var cancel context.CancelFunc
	if o.ctx == nil {
		o.ctx, cancel = context.WithTimeout(context.Background(), o.wait) // want GL009 "not called when it is reassigned at line 77, so it can live until the deadline"
		o.ctx = parent
	}
	if _, hasDeadline := o.ctx.Deadline(); !hasDeadline {
		o.ctx, cancel = context.WithTimeout(o.ctx, wait)
	}
	return o, cancel
}
