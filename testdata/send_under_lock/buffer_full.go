package fixtures

import (
	"sync"
	"time"
)

// The reset requests have a buffer of one, but two resets in a row, while the watch
// goroutine is in its expiry case (which takes the same lock), fill it and wait
// holding the lock. The message says when the send waits even where the buffer's
// line does not fit.
type watchdogTimer struct {
	mu         sync.Mutex
	stopped    bool
	reschedule chan time.Duration
}

func startWatchdogTimer(expire func()) *watchdogTimer {
	w := &watchdogTimer{reschedule: make(chan time.Duration, 1)}
	go func() {
		t := time.NewTimer(time.Minute)
		defer t.Stop()
		for {
			select {
			case d, ok := <-w.reschedule:
				if !ok {
					return
				}
				t.Reset(d)
			case <-t.C:
				w.mu.Lock()
				expire()
				w.mu.Unlock()
			}
		}
	}()
	return w
}

func (w *watchdogTimer) rescheduleAfter(d time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.stopped {
		return
	}
	w.reschedule <- d // want GL004 "stalls .* until a receive once its buffer of 1 is full; `close\(w.reschedule\)` needs the lock too"
}

func (w *watchdogTimer) Stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.stopped {
		w.stopped = true
		close(w.reschedule)
	}
}
