package fixtures

// The pinger's loop stops only on pingsDone, and the only stop closes pingsDone and then pings:
// a send waiting on pings when the loop leaves is released (it panics on the closed
// channel), so it never blocks forever.
type pinger struct {
	running   bool
	pings     chan struct{}
	pingsDone chan struct{}
}

func (p *pinger) loop() {
	for {
		select {
		case <-p.pings:
		case <-p.pingsDone:
			return
		}
	}
}

func (p *pinger) Stop() {
	if !p.running {
		return
	}
	p.running = false
	close(p.pingsDone)
	close(p.pings)
}

func (p *pinger) Ping() {
	if p.running {
		p.pings <- struct{}{}
	}
}

// The beacon's stop closes only its quit channel: a send after it blocks forever.
type beacon struct {
	beats chan int
	quit  chan struct{}
}

func (b *beacon) loop(out func(int)) {
	for {
		select {
		case v := <-b.beats:
			out(v)
		case <-b.quit:
			return
		}
	}
}

func (b *beacon) halt() {
	close(b.quit)
}

func (b *beacon) beat(v int) {
	b.beats <- v // want GL003 "send on `b.beats` blocks forever if its receiver"
}

// The relay has two stops: one closes the channel sent on too, the other does not.
type relay struct {
	items     chan int
	relayStop chan struct{}
}

func (r *relay) run(out func(int)) {
	for {
		select {
		case v := <-r.items:
			out(v)
		case <-r.relayStop:
			return
		}
	}
}

func (r *relay) Close() {
	close(r.relayStop)
	close(r.items)
}

func (r *relay) abort() {
	close(r.relayStop)
}

func (r *relay) push(v int) {
	r.items <- v // want GL003 "send on `r.items` blocks forever if its receiver"
}

// A same-named field of another struct type, closed alone, is no stop of the pinger.
type flusher struct {
	pingsDone chan struct{}
}

func (f *flusher) flush(write func()) {
	defer close(f.pingsDone)
	write()
}
