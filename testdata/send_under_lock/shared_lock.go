package fixtures

import "sync"

// Confirmations go to the callers' channels, which close closes under c.m. The same
// mutex also counts publishings: a listener that is not drained stalls publish, which
// has nothing to do with the listeners.
type confirmation struct {
	tag uint64
	ack bool
}

type confirmer struct {
	m         sync.Mutex
	listeners []chan confirmation
	published uint64
	expecting uint64
}

func (c *confirmer) Listen(l chan confirmation) {
	c.m.Lock()
	defer c.m.Unlock()
	c.listeners = append(c.listeners, l)
}

func (c *confirmer) publish() uint64 {
	c.m.Lock()
	defer c.m.Unlock()
	c.published++
	return c.published
}

func (c *confirmer) confirm(cf confirmation) {
	c.expecting++
	for _, l := range c.listeners {
		l <- cf // want GL004:low "^send on `l` runs under `c.m` \(locked at line 41, then the call at line 43\) and stalls `publish` until a receive; `close\(l\)` needs the lock too: add a done case$"
	}
}

func (c *confirmer) One(cf confirmation) {
	c.m.Lock()
	defer c.m.Unlock()
	c.confirm(cf)
}

func (c *confirmer) Close() {
	c.m.Lock()
	defer c.m.Unlock()
	for _, l := range c.listeners {
		close(l)
	}
	c.listeners = nil
}

// The same delivery with a lock held only by the registration, the delivery and the
// close: the callers' channels are theirs to drain, and the lock keeps the close off
// the send.
type returns struct {
	m         sync.Mutex
	listeners []chan int
}

func (r *returns) Listen(l chan int) {
	r.m.Lock()
	defer r.m.Unlock()
	r.listeners = append(r.listeners, l)
}

func (r *returns) deliver(v int) {
	for _, l := range r.listeners {
		l <- v
	}
}

func (r *returns) Return(v int) {
	r.m.Lock()
	defer r.m.Unlock()
	r.deliver(v)
}

func (r *returns) Close() {
	r.m.Lock()
	defer r.m.Unlock()
	for _, l := range r.listeners {
		close(l)
	}
	r.listeners = nil
}
