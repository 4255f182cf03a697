package fixtures

import "sync"

var (
	mu      sync.Mutex
	waiters []chan<- string
	tellMu  sync.Mutex
	tellers []chan<- string
)

// Every waiter is told one event, then the list is reset: silent.
func Report(event string) {
	mu.Lock()
	defer mu.Unlock()
	for _, waiter := range waiters {
		waiter <- event
	}
	waiters = nil
}

func Notify() <-chan string {
	mu.Lock()
	defer mu.Unlock()
	ch := make(chan string, 1)
	waiters = append(waiters, ch)
	return ch
}

// The listeners stay registered: every call adds to their buffer.
func Tell(event string) {
	tellMu.Lock()
	defer tellMu.Unlock()
	for _, teller := range tellers {
		teller <- event // want GL004:low "buffer 1 at line 40: every call adds to it"
	}
}

func Listen() <-chan string {
	ch := make(chan string, 1)
	tellMu.Lock()
	tellers = append(tellers, ch)
	tellMu.Unlock()
	return ch
}
