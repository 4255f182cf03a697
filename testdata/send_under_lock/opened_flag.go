package fixtures

import (
	"context"
	"sync"
)

// A send reached only while `running` is true, which only start sets, under the lock: a
// sender stuck under the read lock came after start, so it stalls the writers that come
// later (loop's close), never start.
type openedFeed struct {
	mu      sync.RWMutex
	running bool
	items   chan int
	ctx     context.Context
}

func newOpenedFeed(ctx context.Context) *openedFeed {
	return &openedFeed{items: make(chan int, 1), ctx: ctx}
}

func (f *openedFeed) start() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.running = true
	go f.loop()
}

func (f *openedFeed) loop() {
	for {
		select {
		case v := <-f.items:
			_ = v
		case <-f.ctx.Done():
			f.mu.Lock()
			f.running = false
			close(f.items)
			f.mu.Unlock()
			return
		}
	}
}

func (f *openedFeed) publish(v int) bool {
	f.mu.RLock()
	defer f.mu.RUnlock()
	if !f.running {
		return false
	}
	f.items <- v // want GL004 "^send on `f.items` under `f.mu` .*stalls writers until a receive"
	return true
}

// The same, with a halt that takes the lock to clear the flag and does no channel work:
// it can come after a stuck sender, so the message names it.
type haltedFeed struct {
	mu      sync.RWMutex
	running bool
	items   chan int
	ctx     context.Context
}

func newHaltedFeed(ctx context.Context) *haltedFeed {
	return &haltedFeed{items: make(chan int, 1), ctx: ctx}
}

func (f *haltedFeed) start() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.running = true
	go f.loop()
}

func (f *haltedFeed) halt() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.running = false
}

func (f *haltedFeed) loop() {
	for {
		select {
		case v := <-f.items:
			_ = v
		case <-f.ctx.Done():
			f.mu.Lock()
			f.running = false
			close(f.items)
			f.mu.Unlock()
			return
		}
	}
}

func (f *haltedFeed) publish(v int) bool {
	f.mu.RLock()
	defer f.mu.RUnlock()
	if !f.running {
		return false
	}
	f.items <- v // want GL004 "^send on `f.items` under `f.mu` .*stalls `halt` until a receive"
	return true
}
