package fixtures

import (
	"errors"
	"sync"
)

type unit struct{}

type future struct {
	done    chan unit
	acquire chan unit
}

type futureCache struct {
	mu    sync.Mutex
	cache map[string]*future
}

// The first value into a channel made just above with a buffer of 1: it cannot wait.
// The token handed back later runs without the lock.
func (c *futureCache) get(k string) *future {
	c.mu.Lock()
	f, ok := c.cache[k]
	if !ok {
		f = &future{done: make(chan unit), acquire: make(chan unit, 1)}
		f.acquire <- unit{}
		c.cache[k] = f
	}
	c.mu.Unlock()
	<-f.acquire
	f.acquire <- unit{}
	return f
}

// A second send into the same fresh buffer of 1 can wait.
func (c *futureCache) getTwice(k string) *future {
	c.mu.Lock()
	defer c.mu.Unlock()
	f := &future{done: make(chan unit), acquire: make(chan unit, 1)}
	f.acquire <- unit{} // want GL004:low "send on `f.acquire` under `c.mu`"
	f.acquire <- unit{}
	c.cache[k] = f
	return f
}

// An unbuffered channel made just above waits for its receiver.
func (c *futureCache) signal(k string) *future {
	c.mu.Lock()
	defer c.mu.Unlock()
	f := &future{done: make(chan unit), acquire: make(chan unit, 1)}
	f.done <- unit{} // want GL004:low "send on `f.done` under `c.mu`"
	c.cache[k] = f
	return f
}

var errFull = errors.New("full")

type mailbox struct {
	mu    sync.Mutex
	queue chan int
	other chan int
}

// The room is checked under the same lock, and every send on queue holds it.
func (m *mailbox) put(v int) error {
	m.mu.Lock()
	if len(m.queue) >= cap(m.queue) {
		m.mu.Unlock()
		return errFull
	}
	m.queue <- v
	m.mu.Unlock()
	return nil
}

func (m *mailbox) tryPut(v int) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.queue) < cap(m.queue) {
		m.queue <- v
		return true
	}
	return false
}

// The check is on another channel.
func (m *mailbox) putOther(v int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.queue) >= cap(m.queue) {
		return errFull
	}
	m.other <- v // want GL004:low "send on `m.other` under `m.mu`"
	return nil
}

// other is also sent to without the lock: the checked slot may be taken.
func (m *mailbox) putChecked(v int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.other) >= cap(m.other) {
		return errFull
	}
	m.other <- v // want GL004:low "send on `m.other` under `m.mu`"
	return nil
}

func (m *mailbox) putUnlocked(v int) {
	m.other <- v
}

type events struct {
	lock   sync.Mutex
	events chan int
	height int
}

// The helpers check the room and send; every caller holds the lock, so no other
// sender takes the slot between the check and the send.
func (e *events) insert(v int) error {
	e.lock.Lock()
	defer e.lock.Unlock()
	e.height++
	if err := e.sendAdded(v); err != nil {
		return err
	}
	return e.sendChanged(v)
}

func (e *events) sendAdded(v int) error {
	if len(e.events) == cap(e.events) {
		return errFull
	}
	e.events <- v
	return nil
}

func (e *events) sendChanged(v int) error {
	if len(e.events) == cap(e.events) {
		return errFull
	}
	v += e.height
	e.events <- v
	return nil
}

type loose struct {
	lock sync.Mutex
	out  chan int
}

// The same check, but another function sends with no lock: the slot may be gone.
func (e *loose) add(v int) error {
	e.lock.Lock()
	defer e.lock.Unlock()
	return e.push(v)
}

func (e *loose) push(v int) error {
	if len(e.out) == cap(e.out) {
		return errFull
	}
	e.out <- v // want GL004:low "send on `e.out` runs under `e.lock`"
	return nil
}

func (e *loose) notify(v int) {
	e.out <- v
}
