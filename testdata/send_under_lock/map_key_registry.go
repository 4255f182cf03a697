package fixtures

import "sync"

type eventHub struct {
	mu     sync.RWMutex
	events map[chan<- int]bool
}

// The caller hands its channel in: its buffer and draining are the caller's.
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

// The keys are the callers' channels, and the lock keeps Unsubscribe's close off
// the send: not reported.
func (h *eventHub) send(v int) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for ch := range h.events {
		ch <- v
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

// Taken out, never closed.
func (h *quietHub) Unsubscribe(ch chan<- int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.events, ch)
}

// The callers' channels again, but nothing is closed under the lock: unlocking first
// races nothing.
func (h *quietHub) send(v int) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for ch := range h.events {
		ch <- v // want GL004:low "; unlock first$"
	}
}

type madeHub struct {
	mu     sync.RWMutex
	events map[chan int]bool
}

// The hub makes the channels it keys its registry by: an unbuffered one per
// subscriber, which every send waits on.
func (h *madeHub) Subscribe() <-chan int {
	ch := make(chan int)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.events[ch] = true
	return ch
}

func (h *madeHub) Unsubscribe(ch chan int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.events, ch)
	close(ch)
}

func (h *madeHub) send(v int) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for ch := range h.events {
		ch <- v // want GL004:low "`close\(ch\)` at line 82 needs the lock too: give the send a done case$"
	}
}

type countedHub struct {
	mu     sync.Mutex
	events map[chan<- int]bool
	count  int
}

func (h *countedHub) Subscribe(ch chan<- int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.events[ch] = true
}

// Counting has nothing to do with the subscribers, yet waits for them.
func (h *countedHub) Add() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.count++
}

func (h *countedHub) send(v int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.events {
		ch <- v // want GL004:low "send on `ch` under `h.mu` \(locked at line 113, unlocked by the defer at line 114\) stalls `Add` until a receive; unlock first$"
	}
}
