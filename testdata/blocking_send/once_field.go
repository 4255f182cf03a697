package fixtures

import (
	"sync"
	"time"
)

// The stop signal goes into a buffer of one inside a sync.Once kept in a field (by its
// declared type, whatever its name): sent once per value, the buffer always has room.
type heartbeat struct {
	teardown *sync.Once
	quit     chan struct{}
	poke     chan struct{}
}

func newHeartbeat() *heartbeat {
	return &heartbeat{teardown: &sync.Once{}, quit: make(chan struct{}, 1), poke: make(chan struct{}, 1)}
}

func (h *heartbeat) run(tick <-chan time.Time, alive func() bool) {
	for {
		select {
		case <-h.quit:
			return
		case <-h.poke:
		case <-tick:
			if !alive() {
				return
			}
		}
	}
}

func (h *heartbeat) detach() {
	h.teardown.Do(func() {
		h.quit <- struct{}{}
		close(h.quit)
	})
}

// A wake-up outside the Once: every call sends one, and once the loop has returned
// the second fills the buffer for good.
func (h *heartbeat) Poke() {
	h.poke <- struct{}{} // want GL003 "send on `h.poke` blocks forever once its buffer"
}
