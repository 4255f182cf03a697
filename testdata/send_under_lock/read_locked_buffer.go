package fixtures

import "sync"

// An event channel with a buffer of several slots, sent to under a read lock: the
// other readers go on, and writers wait only once the listener has fallen a whole
// buffer behind, which is the listener's contract.
type clusterEvents struct {
	mu     sync.RWMutex
	events chan int
	state  int
}

func newClusterEvents() *clusterEvents {
	return &clusterEvents{events: make(chan int, 10)}
}

func (c *clusterEvents) Listen() <-chan int {
	return c.events
}

func (c *clusterEvents) Send(event int) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.events <- event
}

func (c *clusterEvents) SetState(s int) {
	c.mu.Lock()
	c.state = s
	c.mu.Unlock()
}

// The same under the write lock: every locker waits once the buffer is full.
type lockedEvents struct {
	mu     sync.Mutex
	events chan int
}

func newLockedEvents() *lockedEvents {
	return &lockedEvents{events: make(chan int, 10)}
}

func (c *lockedEvents) Listen() <-chan int {
	return c.events
}

func (c *lockedEvents) Send(event int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.events <- event // want GL004:low "^send on `c.events` under `c.mu` .*\(buffer 10 at line 41: every call adds to it\) stalls other lockers until a receive; unlock first$"
}

// A one-slot buffer under a read lock: one event the listener has not taken yet stalls
// the writers.
type signalEvents struct {
	mu     sync.RWMutex
	events chan int
}

func newSignalEvents() *signalEvents {
	return &signalEvents{events: make(chan int, 1)}
}

func (c *signalEvents) Listen() <-chan int {
	return c.events
}

func (c *signalEvents) Send(event int) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.events <- event // want GL004:low "^send on `c.events` under `c.mu` .*\(buffer 1 at line 62: every call adds to it\) stalls writers until a receive; unlock first$"
}
