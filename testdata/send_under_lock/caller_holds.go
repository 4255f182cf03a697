package fixtures

import "sync"

type monitor struct {
	stop chan struct{}
}

func (m *monitor) closeMonitor() {
	if m.stop != nil {
		m.stop <- struct{}{} // want GL004:low "send on `m.stop` runs under `c.mu` \(locked at line 35, then the call at line 36\) and stalls other lockers until a receive; unlock before the call"
	}
}

type container struct {
	mu      sync.Mutex
	monitor *monitor
	events  chan int
}

func (c *container) update() {
	c.monitor.closeMonitor()
}

func (c *container) notify(v int) {
	c.events <- v
}

func (c *container) notifyAsync(v int) {
	c.events <- v
}

// The lock is taken two calls up: update, then closeMonitor, which sends.
func (c *container) stateChanged() {
	c.mu.Lock()
	c.update()
	c.mu.Unlock()
}

// notify is called after the unlock; notifyAsync runs in its own goroutine.
func (c *container) publish(v int) {
	c.mu.Lock()
	c.mu.Unlock()
	c.notify(v)
	c.mu.Lock()
	defer c.mu.Unlock()
	go c.notifyAsync(v)
}

type pool struct {
	mu       sync.Mutex
	requests map[int]chan int
}

func (p *pool) wait(key int) chan int {
	req := make(chan int, 1)
	p.mu.Lock()
	p.requests[key] = req
	p.mu.Unlock()
	return req
}

// Each reply channel has room for its one reply and leaves the registry before it.
func (p *pool) handOutLocked(v int) {
	var req chan int
	var key int
	for key, req = range p.requests {
		break
	}
	delete(p.requests, key)
	req <- v
}

func (p *pool) put(v int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.handOutLocked(v)
}
