package fixtures

import "context"

// Precision fixes from the corpus triage: receiver loops that end only when the
// senders are done, seen through a value computed from what was received, or a stop
// handshake with the owner.

type summary struct{ last bool }

type collector struct {
	begins chan string
	ends   chan summary
	result chan bool
}

func (c *collector) record(s summary) (bool, bool) { return s.last, true }

// The loop ends when the last suite reports its end: `finished` is computed from
// the value received, so the senders themselves end it.
func (c *collector) run() {
loop:
	for {
		select {
		case name := <-c.begins:
			_ = name
		case s := <-c.ends:
			finished, passed := c.record(s)
			if finished {
				c.result <- passed
				break loop
			}
		}
	}
}

func (c *collector) begin(name string) {
	c.begins <- name
}

type tracker struct {
	expect  chan int
	done    chan int
	stopped chan bool
	waiting int
}

// The loop leaves only by handing a stop answer to its owner, who asked for it and
// sends nothing after.
func (t *tracker) loop() {
	for {
		if t.waiting > 0 {
			select {
			case <-t.expect:
				t.waiting++
			case <-t.done:
				t.waiting--
			}
		} else {
			select {
			case t.stopped <- true:
				return
			case <-t.expect:
				t.waiting++
			case <-t.done:
				panic("done without a call")
			}
		}
	}
}

func (t *tracker) expectCall(n int) {
	t.expect <- n
}

type relay struct {
	in   chan int
	sum  int
	quit chan bool
}

// A loop that can leave on its own quit signal: a later send on in blocks forever.
func (r *relay) serve() {
	for {
		select {
		case v := <-r.in:
			r.sum += v
		case <-r.quit:
			return
		}
	}
}

func (r *relay) push(v int) {
	r.in <- v // want GL003 "send on `r.in` blocks forever if its receiver"
}

type pump struct {
	jobs    chan int
	errs    chan error
	handled int
}

// A loop that returns on an error from another channel: jobs sent after it block.
func (p *pump) run() {
	for {
		select {
		case j := <-p.jobs:
			p.handled += j
		case err := <-p.errs:
			if err != nil {
				return
			}
		}
	}
}

func (p *pump) submit(j int) {
	p.jobs <- j // want GL003 "send on `p.jobs` blocks forever if its receiver"
}

type inotifyTracker struct {
	add    chan string
	events chan string
	errors chan error
	seen   int
}

// The loop ends only when the watcher's channels are closed (`!ok`) by their
// senders, the error channel as much as the events one: not a receiver that stops.
func (w *inotifyTracker) run() {
	for {
		select {
		case name := <-w.add:
			w.seen += len(name)
		case e, ok := <-w.events:
			if !ok {
				return
			}
			w.seen += len(e)
		case err, ok := <-w.errors:
			if !ok {
				return
			} else if err != nil {
				w.seen++
			}
		}
	}
}

func (w *inotifyTracker) watch(name string) {
	w.add <- name
}

type registration struct {
	start func(ctx context.Context) error
}

var registered []registration

func register(r registration) { registered = append(registered, r) }

type gcScheduler struct{ mutations chan int }

func init() {
	register(registration{start: func(ctx context.Context) error {
		s := &gcScheduler{mutations: make(chan int)}
		go s.run(ctx)
		return nil
	}})
}

// Started once per process, from a callback registered in init: its context is
// cancelled as the process shuts down, and a send blocked then ends with it.
func (s *gcScheduler) run(ctx context.Context) {
	for {
		select {
		case <-s.mutations:
		case <-ctx.Done():
			return
		}
	}
}

func (s *gcScheduler) mutated() {
	go func() { s.mutations <- 1 }()
}

type compactor struct{ changes chan int }

// The same receiver started by every call of a constructor, with the context handed
// down: nothing in the package runs it again, so it stops as its service does. Low.
func newCompactor(ctx context.Context) *compactor {
	c := &compactor{changes: make(chan int)}
	go c.run(ctx)
	return c
}

func (c *compactor) run(ctx context.Context) {
	for {
		select {
		case <-c.changes:
		case <-ctx.Done():
			return
		}
	}
}

func (c *compactor) mutated() {
	go func() { c.changes <- 1 }() // want GL003:low "send on `c.changes` blocks forever if its receiver \(line 202\) stops through `<-ctx.Done\(\)` at line 203"
}
