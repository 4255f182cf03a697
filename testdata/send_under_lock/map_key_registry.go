package fixtures

import "sync"

type eventHub struct {
	mu     sync.RWMutex
	events map[chan<- int]bool
}

func (h *eventHub) Subscribe(ch chan<- int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.events[ch] = true
}

// The channel is taken out of the registry and closed under the write lock.
func (h *eventHub) Unsubscribe(ch chan<- int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.events, ch)
	close(ch)
}

func (h *eventHub) send(v int) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for ch := range h.events {
		ch <- v // want GL004 "`close\(ch\)` at line 21 needs the lock too: give the send a done case$"
	}
}

type quietHub struct {
	mu     sync.RWMutex
	events map[chan<- int]bool
}

func (h *quietHub) Subscribe(ch chan<- int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.events[ch] = true
}

// Taken out, never closed: unlocking first races nothing.
func (h *quietHub) Unsubscribe(ch chan<- int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.events, ch)
}

func (h *quietHub) send(v int) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for ch := range h.events {
		ch <- v // want GL004 "; unlock first$"
	}
}
