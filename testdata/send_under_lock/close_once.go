package fixtures

import "sync"

type pool struct {
	mu     sync.Mutex
	closed bool
	closeC chan struct{}
	stopC  chan struct{}
	items  chan int
	taken  int
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
			p.mu.Lock()
			p.taken++
			p.mu.Unlock()
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

// A check of the flag alone does not make the send happen once: every Put sends
// (and the drain needs the lock for each value it takes).
func (p *pool) Put(v int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.items <- v // want GL004 "buffer 1 at line 18: every call adds to it"
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
		g.c <- struct{}{} // want GL004:low "buffer 1 at line 77: repeated calls add to it"
	}
	g.mu.Unlock()
}

func (g *gate) Shut() {
	g.mu.Lock()
	g.open = false
	g.mu.Unlock()
}

type hello struct {
	mu      sync.Mutex
	written bool
	client  bool
	params  chan int
}

func newHello(client bool) *hello {
	return &hello{client: client, params: make(chan int, 1)}
}

// The flag is one operand of `&&`: the branch still runs at most once.
func (h *hello) write(p int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.written && h.client {
		h.written = true
		h.params <- p
	}
}

// An `||` does not make the flag a guard: another operand lets the send run again.
func (h *hello) rewrite(p int, force bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.written || force {
		h.written = true
		h.params <- p // want GL004:low "buffer 1 at line 103: every call adds to it"
	}
}

// The flag is cleared only by the receiver, after it took the kick: one kick at
// most is ever in the buffer.
type kicker struct {
	mu     sync.Mutex
	kicked bool
	kick   chan struct{}
	quit   chan struct{}
}

func newKicker() *kicker {
	return &kicker{kick: make(chan struct{}, 1), quit: make(chan struct{})}
}

func (k *kicker) Kick() {
	k.mu.Lock()
	defer k.mu.Unlock()
	if !k.kicked {
		k.kicked = true
		k.kick <- struct{}{}
	}
}

func (k *kicker) run() {
	for {
		select {
		case <-k.kick:
			k.clean()
		case <-k.quit:
			return
		}
	}
}

func (k *kicker) clean() {
	k.mu.Lock()
	k.kicked = false
	k.mu.Unlock()
}

// The flag lives under its own kicker mutex, taken around the cache's mutex; the
// receiver's cleaning clears it after taking the kick.
type diskCache struct {
	mu       sync.Mutex
	kickerMu sync.Mutex
	kicked   bool
	full     bool
	kick     chan struct{}
}

func newDiskCache() *diskCache { return &diskCache{kick: make(chan struct{}, 1)} }

func (c *diskCache) Kick() {
	c.kickerMu.Lock()
	if !c.kicked {
		c.kicked = true
		c.mu.Lock()
		c.full = true
		c.kick <- struct{}{}
		c.mu.Unlock()
	}
	c.kickerMu.Unlock()
}

func (c *diskCache) cleaner(quit chan struct{}) {
	for {
		select {
		case <-c.kick:
			c.clean(true)
		case <-quit:
			return
		}
	}
}

func (c *diskCache) clean(kicked bool) {
	if kicked {
		c.kickerMu.Lock()
		c.kicked = false
		c.kickerMu.Unlock()
	}
}
