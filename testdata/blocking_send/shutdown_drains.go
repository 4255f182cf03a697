package fixtures

import (
	"context"
	"time"
)

// A loop whose every way out first calls a shutdown method of the same type, and
// that method keeps receiving from the field until the workers have reported.

type pool struct {
	finished chan int
	reports  chan int
	control  chan string
	pending  map[int]bool
}

func (p *pool) work(id int) {
	go func() {
		time.Sleep(time.Millisecond)
		p.finished <- id
	}()
}

func (p *pool) report(n int) {
	p.reports <- n // want GL003 "send on `p.reports` blocks forever if its receiver \(line 42\) stops through `<-ctx.Done\(\)` at line 32"
}

func (p *pool) serve(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			p.shutdown()
			return ctx.Err()
		case msg := <-p.control:
			if msg == "stop" {
				p.shutdown()
				return nil
			}
		case id := <-p.finished:
			delete(p.pending, id)
		case n := <-p.reports:
			_ = n
		}
	}
}

// shutdown takes the workers' last reports on `finished`, not on `reports`.
func (p *pool) shutdown() {
	for len(p.pending) > 0 {
		id := <-p.finished
		delete(p.pending, id)
	}
}

type batcher struct {
	flushed chan int
	batches chan int
	stop    chan struct{}
}

func (b *batcher) done(n int) {
	b.flushed <- n // want GL003 "send on `b.flushed` blocks forever if its receiver \(line \d+\) stops through `<-b.stop`"
}

// One way out drains `flushed` first, the other does not.
func (b *batcher) run() {
	for {
		select {
		case n := <-b.batches:
			if n < 0 {
				return
			}
		case n := <-b.flushed:
			_ = n
		case <-b.stop:
			b.drain()
			return
		}
	}
}

func (b *batcher) drain() {
	for {
		select {
		case <-b.flushed:
		default:
			return
		}
	}
}
