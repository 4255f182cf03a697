package fixtures

import "context"

// shutdownCtx is the process's: cancelled once, as it shuts down.
var shutdownCtx, shutdownCancel = context.WithCancel(context.Background())

// The hub's loop leaves only when the process shuts down: a request sent after that
// blocks a goroutine that ends with the process. Low.
type hub struct {
	requests chan int
}

func (h *hub) serve() {
	for {
		select {
		case <-shutdownCtx.Done():
			return
		case r := <-h.requests:
			_ = r
		}
	}
}

func (h *hub) Request(r int) {
	h.requests <- r // want GL003:low "blocks forever if its receiver"
}

// This one also leaves when a ping fails, while the process runs on: later requests
// block for good. Shown.
type stream struct {
	requests chan int
	ticks    chan struct{}
	ping     func() error
}

func (s *stream) serve() {
	for {
		select {
		case <-shutdownCtx.Done():
			return
		case <-s.ticks:
			if err := s.ping(); err != nil {
				return
			}
		case r := <-s.requests:
			_ = r
		}
	}
}

func (s *stream) Request(r int) {
	s.requests <- r // want GL003 "blocks forever if its receiver"
}
