package fixtures

import (
	"container/list"
	"sync"
)

type listWaiter struct {
	wake chan bool
}

type listPool struct {
	mu      sync.Mutex
	waiters list.List
}

// Each waiter brings a fresh one-slot channel and waits on it until done.
func (p *listPool) wait(done <-chan struct{}) {
	p.mu.Lock()
	w := &listWaiter{wake: make(chan bool, 1)}
	p.waiters.PushBack(w)
	p.mu.Unlock()
	select {
	case <-w.wake:
	case <-done:
		p.mu.Lock()
		p.waiters.Remove(p.waiters.Front())
		p.mu.Unlock()
	}
}

// Each waiter is taken off the list before its one send: its slot is free.
func (p *listPool) wakeAll() {
	p.mu.Lock()
	for e := p.waiters.Front(); e != nil; e = p.waiters.Front() {
		w := e.Value.(*listWaiter)
		p.waiters.Remove(e)
		w.wake <- true
	}
	p.mu.Unlock()
}

func (p *listPool) wakeFirst() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if e := p.waiters.Front(); e != nil {
		w := e.Value.(*listWaiter)
		p.waiters.Remove(e)
		w.wake <- true
	}
}

// The front waiter stays on the list: every call sends to it again.
func (p *listPool) poke() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if e := p.waiters.Front(); e != nil {
		w := e.Value.(*listWaiter)
		w.wake <- true // want GL004
	}
}

// Removed, but sent to twice: the second send finds the slot taken.
func (p *listPool) wakeTwice() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if e := p.waiters.Front(); e != nil {
		w := e.Value.(*listWaiter)
		p.waiters.Remove(e)
		w.wake <- true // want GL004 "2 sends can fill it"
		w.wake <- false
	}
}
