package fixtures

import "sync"

type pool struct {
	mu     sync.Mutex
	closed bool
	closeC chan struct{}
	stopC  chan struct{}
	items  chan int
}

func newPool() *pool {
	p := &pool{
		closeC: make(chan struct{}, 1),
		stopC:  make(chan struct{}, 1),
		items:  make(chan int, 1),
	}
	go p.drain()
	return p
}

func (p *pool) drain() {
	for {
		select {
		case <-p.closeC:
			return
		case <-p.stopC:
			return
		case <-p.items:
		}
	}
}

// The flag set under the lock lets one send ever reach the buffer of one: it has room.
func (p *pool) Close() {
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		p.closeC <- struct{}{}
	}
	p.mu.Unlock()
}

// The same guard written as an early return.
func (p *pool) Stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.closed = true
	p.stopC <- struct{}{}
}

// A check of the flag alone does not make the send happen once: every Put sends.
func (p *pool) Put(v int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.items <- v // want GL004 "buffer 1 at line 17: every call adds to it"
}

type gate struct {
	mu   sync.Mutex
	open bool
	c    chan struct{}
}

func newGate() *gate { return &gate{c: make(chan struct{}, 1)} }

// A flag that is set back to false lets the send happen again.
func (g *gate) Open() {
	g.mu.Lock()
	if !g.open {
		g.open = true
		g.c <- struct{}{} // want GL004 "buffer 1 at line 72: repeated calls add to it"
	}
	g.mu.Unlock()
}

func (g *gate) Shut() {
	g.mu.Lock()
	g.open = false
	g.mu.Unlock()
}
