package fixtures

import "sync"

type wakingStore struct {
	mu     sync.Mutex
	wakeUp chan bool
	kickCh chan bool
}

func newWakingStore() *wakingStore {
	return &wakingStore{wakeUp: make(chan bool, 1), kickCh: make(chan bool, 1)}
}

// Each send checks that the buffer is empty first, under the lock: it never waits.
func (w *wakingStore) store() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.wakeUp) == 0 {
		w.wakeUp <- true
	}
}

func (w *wakingStore) expire() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.kickCh) == 0 {
		w.kickCh <- true // want GL004 "every call adds to it"
	}
}

// Another send of kickCh does not check: the buffer may be full when either comes.
func (w *wakingStore) kick() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.kickCh <- true // want GL004 "every call adds to it"
}

// The background task takes the lock for every wakeUp-up: a lock cycle.
func (w *wakingStore) background() {
	for {
		select {
		case <-w.wakeUp:
		case <-w.kickCh:
		}
		w.mu.Lock()
		w.mu.Unlock()
	}
}
