package send_under_lock

import (
	"sync"
	"time"
)

// The pinger's loop stops only through `<-w.done`, and Stop, the only stop, closes
// w.ping beside it: once the loop has left, a send waiting under the lock is released
// by that close (it panics) rather than holding the lock for good. What is left is a
// wait for a loop that never takes the lock: low.
type pinger struct {
	lock sync.Mutex
	ping chan struct{}
	done chan struct{}
}

func (w *pinger) Stop() {
	close(w.done)
	close(w.ping)
}

func (w *pinger) loop(interval time.Duration) {
	for {
		select {
		case <-w.ping:
		case <-w.done:
			return
		case <-time.After(interval):
		}
	}
}

func (w *pinger) Write(b []byte) int {
	w.lock.Lock()
	defer w.lock.Unlock()
	w.ping <- struct{}{} // want GL004:low "send on `w.ping` under `w.lock`"
	return len(b)
}

// Its Stop closes only the done channel: once the loop has left, a send blocks with
// the lock held, and every other locker waits for good. Shown.
type beeper struct {
	lock sync.Mutex
	beep chan struct{}
	done chan struct{}
}

func (w *beeper) Stop() {
	close(w.done)
}

func (w *beeper) loop(interval time.Duration) {
	for {
		select {
		case <-w.beep:
		case <-w.done:
			return
		case <-time.After(interval):
		}
	}
}

func (w *beeper) Write(b []byte) int {
	w.lock.Lock()
	defer w.lock.Unlock()
	w.beep <- struct{}{} // want GL004 "send on `w.beep` under `w.lock`"
	return len(b)
}
