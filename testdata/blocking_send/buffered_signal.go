package fixtures

import (
	"context"
	"sync"
	"time"
)

// Every change sends a wake-up into a buffer of one; once the loop has returned on
// ctx.Done, the first send fills the buffer and the next one waits forever.
type strategy struct {
	mu    sync.Mutex
	reset chan struct{}
	timer *time.Timer
	stop  chan struct{}
	state chan int
}

func newStrategy() *strategy {
	return &strategy{
		reset: make(chan struct{}, 1),
		stop:  make(chan struct{}, 1),
		state: make(chan int, 1),
	}
}

func (s *strategy) OnChange() {
	s.reset <- struct{}{} // want GL003 "send on `s.reset` blocks forever once its buffer \(1, line 21\) fills if its receiver \(line 36\) stops through `<-ctx.Done\(\)` at line 38"
}

func (s *strategy) loop(ctx context.Context) {
	for {
		select {
		case <-s.timer.C:
		case <-s.state:
		case <-s.reset:
			s.timer.Reset(time.Second)
		case <-ctx.Done():
			return
		}
	}
}

// Sent by the function that ends the object's life: once, and the buffer holds it.
func (s *strategy) Close() {
	s.stop <- struct{}{}
}

func (s *strategy) stopper(ctx context.Context) {
	for {
		select {
		case <-s.stop:
		case <-ctx.Done():
			return
		}
	}
}

// A value, not a signal: such channels come with a request/reply exchange that
// bounds what is in flight (left alone).
func (s *strategy) publish(v int) {
	s.state <- v
}

// A kick behind a flag: one is pending at most until the receiver clears the flag.
type cleaner struct {
	mu     sync.Mutex
	kicked bool
	kick   chan struct{}
}

func newCleaner() *cleaner { return &cleaner{kick: make(chan struct{}, 1)} }

func (c *cleaner) Kick() {
	c.mu.Lock()
	if !c.kicked {
		c.kicked = true
		c.kick <- struct{}{}
	}
	c.mu.Unlock()
}

func (c *cleaner) run(ctx context.Context) {
	for {
		select {
		case <-c.kick:
			c.mu.Lock()
			c.kicked = false
			c.mu.Unlock()
		case <-ctx.Done():
			return
		}
	}
}
