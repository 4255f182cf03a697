// Package control shows receiver loops that stop only through the Done of a context
// their starter was handed.
package control

import "context"

type message struct{ run bool }

// The control loop leaves only when the context that newControl's caller hands down
// is done; that caller (control.go's own callers, in start.go) runs once, so the
// context is the service's, cancelled as it stops: a late Control blocks only then.
// Low.
type control struct {
	cc chan message
}

func newControl(ctx context.Context) *control {
	c := &control{cc: make(chan message)}
	go c.loop(ctx)
	return c
}

func (c *control) loop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case msg := <-c.cc:
			_ = msg
		}
	}
}

func (c *control) Control(msg message) {
	c.cc <- msg // want GL003:low "blocks forever if its receiver"
}

// The plugin makes its own context and cancels it in Stop, which its users call
// before starting it again: its sends after a Stop block. Shown.
type plugin struct {
	errs   chan error
	cancel context.CancelFunc
}

func (p *plugin) Start() {
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	p.errs = make(chan error)
	go p.handle(ctx)
}

func (p *plugin) handle(ctx context.Context) {
	for {
		select {
		case err := <-p.errs:
			_ = err
		case <-ctx.Done():
			return
		}
	}
}

func (p *plugin) Stop() { p.cancel() }

func (p *plugin) fail(err error) {
	p.errs <- err // want GL003 "blocks forever if its receiver"
}

// A worker made per job: newWorker's caller (start.go) hands it a context it makes
// for that job and cancels while the job's senders may still come. Shown.
type worker struct {
	results chan int
}

func newWorker(ctx context.Context) *worker {
	w := &worker{results: make(chan int)}
	go w.collect(ctx)
	return w
}

func (w *worker) collect(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case n := <-w.results:
			_ = n
		}
	}
}

func (w *worker) report(n int) {
	w.results <- n // want GL003 "blocks forever if its receiver"
}
