package fixtures

import "sync"

// Two types with a field of the same name: the buffer cited is the one made for the
// type the send is on, not the other type's.

type clockTicker struct {
	c chan int
}

func newClockTicker() *clockTicker {
	return &clockTicker{c: make(chan int, 1)}
}

type clockTimer struct {
	mu sync.Mutex
	c  chan int
}

type internalClockTimer clockTimer

func newClockTimer() *clockTimer {
	t := &clockTimer{}
	t.c = make(chan int, 1)
	return t
}

func (t *internalClockTimer) fire(v int) {
	t.mu.Lock()
	t.c <- v // want GL004:low "buffer 1 at line 25: every call adds to it"
	t.mu.Unlock()
}
