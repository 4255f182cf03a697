package fixtures

import (
	"sync"
	"time"
)

// Each writer queues its own unbuffered reply channel and then waits for the reply:
// the sync under the lock answers writers that are there to take it.
type journalWAL struct {
	mu      sync.Mutex
	waiters chan chan error
}

func (l *journalWAL) flushLocked() {
	for len(l.waiters) > 0 {
		errC := <-l.waiters
		errC <- nil
	}
}

func (l *journalWAL) run() {
	for range time.Tick(time.Second) {
		l.mu.Lock()
		l.flushLocked()
		l.mu.Unlock()
	}
}

func (l *journalWAL) write() error {
	done := make(chan error)
	l.mu.Lock()
	l.waiters <- done
	l.mu.Unlock()
	return <-done
}

// Here a writer queues its reply channel and leaves without waiting for it.
type lossyWAL struct {
	mu      sync.Mutex
	waiters chan chan error
}

func (l *lossyWAL) flushLocked() {
	for len(l.waiters) > 0 {
		errC := <-l.waiters
		errC <- nil // want GL004:low "send on `errC` runs under `l.mu`"
	}
}

func (l *lossyWAL) run() {
	for range time.Tick(time.Second) {
		l.mu.Lock()
		l.flushLocked()
		l.mu.Unlock()
	}
}

func (l *lossyWAL) write() {
	done := make(chan error)
	l.mu.Lock()
	l.waiters <- done
	l.mu.Unlock()
}
