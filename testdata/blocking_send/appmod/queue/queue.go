// Package queue hands work to a goroutine of its own.
package queue

// Only the package's test calls Shutdown: in the program the market's loop never
// stops, so a request after it does not happen. Low.
type Market struct {
	requests chan struct{}
	stop     chan struct{}
}

func NewMarket() *Market {
	m := &Market{requests: make(chan struct{}), stop: make(chan struct{})}
	go m.loop()
	return m
}

func (m *Market) loop() {
	for {
		select {
		case <-m.requests:
		case <-m.stop:
			return
		}
	}
}

func (m *Market) Request() {
	m.requests <- struct{}{} // want GL003:low "blocks forever if called after Market.Shutdown"
}

func (m *Market) Shutdown() {
	close(m.stop)
}

// The mobile package closes each pool it makes: a Submit after that Close blocks.
// Reported.
type Pool struct {
	jobs   chan func()
	closed chan struct{}
}

func NewPool() *Pool {
	p := &Pool{jobs: make(chan func()), closed: make(chan struct{})}
	go p.loop()
	return p
}

func (p *Pool) loop() {
	for {
		select {
		case job := <-p.jobs:
			job()
		case <-p.closed:
			return
		}
	}
}

func (p *Pool) Submit(job func()) {
	p.jobs <- job // want GL003:low "blocks forever if called after Pool.Close"
}

func (p *Pool) Close() {
	close(p.closed)
}
