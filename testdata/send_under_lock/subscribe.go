package fixtures

import "sync"

type state struct{ instances []string }

type instancer struct {
	mu    sync.Mutex
	state state
	subs  map[chan<- state]bool
}

// A new subscriber gets the current state under the lock that orders it before every
// later broadcast: unlocking first could deliver a stale state after a newer one.
func (c *instancer) Register(ch chan<- state) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.subs[ch] = true
	ch <- c.state
}

func (c *instancer) Watch(ch chan<- state) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.add(ch)
	ch <- c.state
}

func (c *instancer) add(ch chan<- state) { c.subs[ch] = true }

// The broadcast waits on every subscriber with the lock held, and that lock is what
// keeps each subscriber's states in order after the first one Register sent: unlocking
// first could deliver an older state after a newer one. A subscriber receives until it
// unsubscribes.
func (c *instancer) Update(s state) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.state = s
	for ch := range c.subs {
		ch <- s
	}
}

// A send to a caller's channel that is not registered anywhere: no order to keep.
func (c *instancer) Snapshot(ch chan<- state) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch <- c.state // want GL004:low "send on `ch` under `c.mu`"
}
