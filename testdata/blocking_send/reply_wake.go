package fixtures

// A waiter hands itself to the run loop, then waits for the loop's answer on its own
// buffer of one: each answer replies to a request, and a waiter that gives up asks
// for no more, so the buffer holds the one answer that may be pending (low: that the
// loop answers a request only once is not shown).
type sleeper struct {
	resume chan struct{}
}

type scheduler struct {
	wake chan *sleeper
	die  chan struct{}
}

func (c *scheduler) enqueue() *sleeper {
	s := &sleeper{resume: make(chan struct{}, 1)}
	go c.wait(s)
	return s
}

func (c *scheduler) wait(s *sleeper) {
	for {
		select {
		case <-c.die:
			return
		case c.wake <- s:
		}
		select {
		case <-c.die:
			return
		case <-s.resume:
		}
	}
}

func (c *scheduler) run() {
	for {
		select {
		case <-c.die:
			return
		case s := <-c.wake:
			s.resume <- struct{}{} // want GL003:low "send on `s.resume` blocks forever once its buffer"
		}
	}
}

// The same buffer of one, but the waiter never asks: every tick sends a wake-up, and
// once the waiter has left the second one waits for good.
type ticker struct {
	fire chan struct{}
	done chan struct{}
}

func newTicker() *ticker {
	return &ticker{fire: make(chan struct{}, 1), done: make(chan struct{})}
}

func (t *ticker) listen() {
	for {
		select {
		case <-t.done:
			return
		case <-t.fire:
		}
	}
}

func (t *ticker) Tick() {
	t.fire <- struct{}{} // want GL003 "send on `t.fire` blocks forever once its buffer"
}

func (c *scheduler) stop() { close(c.die) }
