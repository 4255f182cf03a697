package fixtures

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
