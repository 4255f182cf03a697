package fixtures

import "sync"

// The flag set under the lock lets one send ever reach the buffer of one. The file
// sets a field of the same name back to false, but of another type (its operand is
// a *retrier): notifier's flag stays set. Silent.
type notifier struct {
	mu    sync.Mutex
	fired bool
	ready chan struct{}
}

func newNotifier() *notifier {
	return &notifier{ready: make(chan struct{}, 1)}
}

func (n *notifier) Notify() {
	n.mu.Lock()
	defer n.mu.Unlock()
	if !n.fired {
		n.fired = true
		n.ready <- struct{}{}
	}
}

type retrier struct {
	mu    sync.Mutex
	fired bool
	again chan struct{}
}

func newRetrier() *retrier {
	return &retrier{again: make(chan struct{}, 1)}
}

// Here the flag is set back: every other Retry sends again into the buffer of one.
func (r *retrier) Retry() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.fired {
		r.fired = true
		r.again <- struct{}{} // want GL004:low "send on `r.again` under `r.mu`"
	}
}

func (r *retrier) Reset() {
	r.mu.Lock()
	r.fired = false
	r.mu.Unlock()
}
