package fixtures

import "sync"

type registry struct {
	mu    sync.Mutex
	state map[string]int
}

// One send into a channel made here with room for it: it cannot block.
func (r *registry) snapshot(key string) chan int {
	out := make(chan int, 1)
	r.mu.Lock()
	defer r.mu.Unlock()
	if v, ok := r.state[key]; ok {
		out <- v
	} else {
		out <- -1
	}
	return out
}

// Two sends on one path into a buffer of one: the second can block.
func (r *registry) pair(a, b string) chan int {
	out := make(chan int, 1)
	r.mu.Lock()
	defer r.mu.Unlock()
	out <- r.state[a] // want GL004:low "buffer 1 at line 25: 2 sends can fill it"
	out <- r.state[b] // the same channel in the same region: reported once, above
	return out
}

// Sends in a loop can fill any literal buffer.
func (r *registry) all() chan int {
	out := make(chan int, 4)
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, v := range r.state {
		out <- v // want GL004:low "a loop can fill it"
	}
	return out
}

// Sized for every value: silent.
func (r *registry) allSized() chan int {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(chan int, len(r.state))
	for _, v := range r.state {
		out <- v
	}
	return out
}

// An unbuffered channel made here.
func (r *registry) handoff() {
	out := make(chan int)
	r.mu.Lock()
	out <- len(r.state) // want GL004:low "send on `out` under `r.mu` \((read-)?locked at line"
	r.mu.Unlock()
}

// A function literal called later (or by another goroutine) does not hold the lock.
func (r *registry) callback(out chan int) func() {
	r.mu.Lock()
	defer r.mu.Unlock()
	return func() {
		out <- 1
	}
}
