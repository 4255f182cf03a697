package fixtures

import "sync"

// Each stop channel is made with room for one value and gets exactly one send, right
// before its close: the send under the lock never waits.
type stopPool struct {
	mu    *sync.Mutex
	stops []chan struct{}
	limit int
}

func (p *stopPool) Add(run func(stop <-chan struct{})) {
	stop := make(chan struct{}, 1)
	p.mu.Lock()
	if len(p.stops) >= p.limit {
		p.resetLocked()
	}
	p.stops = append(p.stops, stop)
	p.mu.Unlock()
	go run(stop)
}

func (p *stopPool) resetLocked() {
	for _, s := range p.stops {
		s <- struct{}{}
		close(s)
	}
	p.stops = p.stops[:0]
}

// Unbuffered stop channels: the send waits for the worker to take it, with the lock
// held.
type bareStopPool struct {
	mu    *sync.Mutex
	stops []chan struct{}
	limit int
}

func (p *bareStopPool) Add(run func(stop <-chan struct{})) {
	stop := make(chan struct{})
	p.mu.Lock()
	if len(p.stops) >= p.limit {
		p.resetLocked()
	}
	p.stops = append(p.stops, stop)
	p.mu.Unlock()
	go run(stop)
}

func (p *bareStopPool) resetLocked() {
	for _, s := range p.stops {
		s <- struct{}{} // want GL004:low "send on `s` runs under `p.mu`"
		close(s)
	}
	p.stops = p.stops[:0]
}
