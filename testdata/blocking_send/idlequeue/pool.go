package idlequeue

import "sync"

// A pool hands each task to a worker it takes from its idle list, or to a fresh one.
// The worker puts itself back on the list after each task, and leaves only when
// that fails: no sender can take it from the list once it has left.
type Pool struct {
	mu   sync.Mutex
	idle []*worker
	max  int
}

type worker struct {
	pool  *Pool
	tasks chan func()
}

func (p *Pool) putBack(w *worker) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.idle) >= p.max {
		return false
	}
	p.idle = append(p.idle, w)
	return true
}

func (p *Pool) get() *worker {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.idle); n > 0 {
		w := p.idle[n-1]
		p.idle = p.idle[:n-1]
		return w
	}
	w := &worker{pool: p, tasks: make(chan func())}
	w.run()
	return w
}

func (w *worker) run() {
	go func() {
		for fn := range w.tasks {
			if fn == nil {
				return
			}
			fn()
			if ok := w.pool.putBack(w); !ok {
				return
			}
		}
	}()
}

func (w *worker) give(fn func()) {
	w.tasks <- fn
}

func (w *worker) finish() {
	w.tasks <- nil
}

func (p *Pool) Submit(fn func()) { p.get().give(fn) }

// The same shape with an error result and the call in the condition.
type sink struct {
	reg  *registry
	msgs chan string
}

type registry struct{ free []*sink }

func (r *registry) release(s *sink) error { return nil }

func (s *sink) loop() {
	for m := range s.msgs {
		_ = m
		if err := s.reg.release(s); err != nil {
			return
		}
	}
}

func (s *sink) Put(m string) { s.msgs <- m }

type relay struct {
	reg  *registry
	msgs chan string
}

func (r *relay) loop() {
	for m := range r.msgs {
		_ = m
		if !r.reg.keep(r.reg) {
			return
		}
	}
}

func (r *registry) keep(o *registry) bool { return len(o.free) > 0 }

// Its way out tests a call that is not handed the receiver: it leaves while senders
// can still find it.
func (r *relay) Put(m string) {
	r.msgs <- m // want GL003 "leaves at line"
}

// A courier that puts back the next courier of its chain, a variable of the if that
// shadows it, and leaves when that fails: it is not itself put back, so senders can
// still find it after it has left.
type courier struct {
	hub     *hub
	next    *courier
	parcels chan string
}

type hub struct {
	mu   sync.Mutex
	idle []*courier
}

func (h *hub) rest(c *courier) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.idle = append(h.idle, c)
	return len(h.idle) < 8
}

func (c *courier) start() {
	go func() {
		for p := range c.parcels {
			_ = p
			if c := c.next; c == nil || !c.hub.rest(c) {
				return
			}
		}
	}()
}

func (c *courier) Hand(p string) {
	c.parcels <- p // want GL003 "leaves at line"
}
