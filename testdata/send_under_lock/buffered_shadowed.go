package fixtures

// As buffered.go, with sends counted per channel through names: a send on another
// channel of the same name (a closure parameter) is not a send on this one.

// One send into `out`'s buffer of one; the literal sends on its own `out` parameter,
// the caller's channel: silent.
func (r *registry) forwarded(key string, sink chan int) chan int {
	out := make(chan int, 1)
	r.mu.Lock()
	defer r.mu.Unlock()
	out <- r.state[key]
	func(out chan int) {
		out <- len(r.state)
	}(sink)
	return out
}

// Two sends on the made `out` itself: the second can block.
func (r *registry) twice(key string) chan int {
	out := make(chan int, 1)
	r.mu.Lock()
	defer r.mu.Unlock()
	out <- r.state[key] // want GL004:low "buffer 1 at line 21: 2 sends can fill it"
	func() {
		out <- len(r.state)
	}()
	return out
}
