package stored

import (
	"context"
	"time"
)

// Nothing in the package calls worker.cancel, not even Stop, which is meant to end
// the worker: every stop-and-recreate leaves its goroutine behind.
type worker struct {
	cancel context.CancelFunc
	done   chan struct{}
}

func (w *worker) Stop() { close(w.done) }

func newWorker(parent context.Context) *worker {
	ctx, cancel := context.WithCancel(parent) // want GL009 "`cancel` from context.WithCancel is kept in field `worker.cancel`, never called in the package, so only its parent can end it; call it when its owner stops"
	go run(ctx)
	return &worker{cancel: cancel}
}

func run(ctx context.Context) { <-ctx.Done() }

// Stored straight into the field, by a method that may run more than once: each run
// leaves the previous context behind.
type job struct {
	ctx    context.Context
	cancel func()
}

func (j *job) start(parent context.Context) {
	j.ctx, j.cancel = context.WithTimeout(parent, time.Minute) // want GL009 "cancel function is kept in field `job.cancel`.*until the deadline"
}

// A package variable nothing calls.
var stopAll context.CancelFunc

func init() {
	ctx, c := context.WithCancel(context.Background()) // want GL009 "kept in package variable `stopAll`.*nothing ever cancels it; call it on shutdown"
	stopAll = c
	go run(ctx)
}

// Two types with a field of the same name: only taskB's is called.
type taskA struct{ cancelFn func() }

type taskB struct{ cancelFn func() }

func newTaskA(parent context.Context) *taskA {
	_, cancel := context.WithCancel(parent) // want GL009 "field `taskA.cancelFn`"
	return &taskA{cancelFn: cancel}
}

func newTaskB(parent context.Context) *taskB {
	_, cancel := context.WithCancel(parent)
	return &taskB{cancelFn: cancel}
}

func (t *taskB) close() {
	if t.cancelFn != nil {
		t.cancelFn()
	}
}

// Called from another file of the package (stop.go), which creates no context.
type server struct {
	stop context.CancelFunc
}

func newServer(parent context.Context) *server {
	ctx, cancel := context.WithCancel(parent)
	go run(ctx)
	return &server{stop: cancel}
}

// An exported field may be called from another package.
type Handle struct {
	Cancel context.CancelFunc
}

func newHandle(parent context.Context) *Handle {
	_, cancel := context.WithCancel(parent)
	return &Handle{Cancel: cancel}
}

// Handed on through a variable of another package's type: its owner decides.
type group struct{ cancels []context.CancelFunc }

func (g *group) add(parent context.Context) context.Context {
	ctx, cancel := context.WithCancel(parent)
	g.cancels = append(g.cancels, cancel)
	return ctx
}

// A field's child of Background(): registered nowhere, it keeps only what waits on
// its Done(), the goroutine here, for as long as the process keeps the owner; how
// many owners it makes is not shown (low confidence).
type poller struct {
	cancel context.CancelFunc
}

func newPoller() *poller {
	ctx, cancel := context.WithCancel(context.Background()) // want GL009:low "kept in field `poller.cancel`, never called in the package, so nothing ever cancels it"
	go run(ctx)
	return &poller{cancel: cancel}
}
