package fixtures

import "sync"

// A send under a read lock stalls only those that take the write lock: another reader
// (size) goes on while it waits, so the message names the writer (reset), not the reader.
type readLockedRegistry struct {
	mu        sync.RWMutex
	listeners []chan int
	items     map[string]int
}

func (r *readLockedRegistry) watch(c chan int) {
	r.listeners = append(r.listeners, c)
}

func (r *readLockedRegistry) size() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.items)
}

func (r *readLockedRegistry) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.items = map[string]int{}
}

func (r *readLockedRegistry) notify() {
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, l := range r.listeners {
		l <- len(r.items) // want GL004:low "stalls `reset` until a receive"
	}
}

// Only readers besides the sender: no other function's operation is stalled by name.
type readersOnly struct {
	mu        sync.RWMutex
	listeners []chan int
	items     map[string]int
}

func (r *readersOnly) watch(c chan int) {
	r.listeners = append(r.listeners, c)
}

func (r *readersOnly) size() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.items)
}

func (r *readersOnly) notify() {
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, l := range r.listeners {
		l <- len(r.items) // want GL004:low "stalls writers until a receive"
	}
}
