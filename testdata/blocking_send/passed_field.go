package fixtures

type stopper struct {
	stop chan struct{}
}

func (s *stopper) shouldStop() <-chan struct{} { return s.stop }

type transport struct {
	events  chan int
	updates chan int
	stopper *stopper
}

func newTransport(s *stopper) *transport {
	return &transport{events: make(chan int), updates: make(chan int), stopper: s}
}

// The only receiver of events is processUntil, handed the field: it returns once
// the stopper stops, and the next send waits forever.
func (t *transport) run() {
	for {
		select {
		case <-t.stopper.shouldStop():
			return
		default:
			t.events <- 0 // want GL003 "send on `t.events` blocks forever if its receiver \(line 47\) stops through `<-s.shouldStop\(\)` at line 51"
		}
	}
}

// updates goes to a receiver that never stops.
func (t *transport) update(v int) {
	t.updates <- v
}

func start(s *stopper) *transport {
	t := newTransport(s)
	go processUntil(t.events, s)
	go forever( /* the updates */ t.updates)
	return t
}

func processUntil(ch <-chan int, s *stopper) {
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return
			}
		case <-s.shouldStop():
			return
		}
	}
}

func forever(ch <-chan int) {
	for range ch {
	}
}
