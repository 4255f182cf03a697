package onerror

import (
	"context"
	"sync"
	"time"
)

// A task group whose Wait ends its work: its cancel function is called only when a
// task fails, so a group whose tasks all succeed leaves its context with the parent.
type group struct {
	cancel func(error)
	ctx    context.Context
	wg     sync.WaitGroup
}

func newGroup(parent context.Context) *group {
	ctx, cancel := context.WithCancelCause(parent) // want GL009 "`cancel` is kept in field `group.cancel`, called only on an error \(line 32\), so otherwise only its parent can end it; call it in group.Wait too"
	return &group{cancel: cancel, ctx: ctx}
}

func (g *group) Wait() error {
	g.wg.Wait()
	return context.Cause(g.ctx)
}

func (g *group) Go(f func(context.Context) error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(g.ctx); err != nil {
			g.cancel(err)
		}
	}()
}

// The same, called from another file of the package (pool.go).
type pool struct {
	ctx           context.Context
	cancelTasks   context.CancelFunc
	cancelOnError bool
	wg            sync.WaitGroup
}

func withPool(parent context.Context) *pool {
	ctx, cancel := context.WithCancel(parent) // want GL009 "field `pool.cancelTasks`, called only on an error \(line 16 of pool.go\), so otherwise only its parent can end it; call it in pool.Wait too"
	return &pool{ctx: ctx, cancelTasks: cancel}
}

// Stored by assignment, a timeout: it lives until the deadline without an error.
type fetcher struct {
	ctx         context.Context
	cancelFetch context.CancelFunc
	done        chan struct{}
}

func (f *fetcher) start(parent context.Context) {
	f.ctx, f.cancelFetch = context.WithTimeout(parent, time.Minute) // want GL009 "field `fetcher.cancelFetch`.* called only on an error \(line 64\), so otherwise it can live until the deadline; call it in fetcher.Stop too"
}

func (f *fetcher) fetch(get func(context.Context) error) error {
	err := get(f.ctx)
	if err != nil {
		f.cancelFetch()
	}
	return err
}

func (f *fetcher) Stop() { close(f.done) }
