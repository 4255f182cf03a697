package lastsend

// Loops that hand their last result over only once a stop channel is closed, closed
// only by the method that receives that result right after: a receiver is on its
// way. The stop field's name also appears in other files of the package, as another
// type's field (Client.quit, closed by Client.Close) or as the builtin close, which is
// no close of this field. Silent.
type Spool struct {
	items   chan string
	quit    chan struct{}
	quitErr chan error
}

func NewSpool() *Spool {
	s := &Spool{items: make(chan string, 16), quit: make(chan struct{}), quitErr: make(chan error)}
	go s.run()
	return s
}

func (s *Spool) flush() error { return nil }

func (s *Spool) run() {
	for {
		select {
		case it := <-s.items:
			_ = it
		case <-s.quit:
			s.quitErr <- s.flush()
			return
		}
	}
}

func (s *Spool) Close() error {
	close(s.quit)
	return <-s.quitErr
}

type Ledger struct {
	entries  chan string
	close    chan struct{}
	closeErr chan error
}

func NewLedger() *Ledger {
	l := &Ledger{entries: make(chan string, 16), close: make(chan struct{}), closeErr: make(chan error)}
	go l.run()
	return l
}

func (l *Ledger) save() error { return nil }

func (l *Ledger) run() {
	for {
		select {
		case e := <-l.entries:
			_ = e
		case <-l.close:
			l.closeErr <- l.save()
			return
		}
	}
}

func (l *Ledger) Close() error {
	close(l.close)
	return <-l.closeErr
}

// The stop is also closed by Abort (close_handshake_abort.go), which receives
// nothing: after an Abort the loop's last send waits forever. Reported.
type Pump struct {
	jobs    chan string
	finish  chan struct{}
	summary chan error
}

func NewPump() *Pump {
	p := &Pump{jobs: make(chan string, 16), finish: make(chan struct{}), summary: make(chan error)}
	go p.run()
	return p
}

func (p *Pump) report() error { return nil }

func (p *Pump) run() {
	for {
		select {
		case j := <-p.jobs:
			_ = j
		case <-p.finish:
			p.summary <- p.report() // want GL003 "send on unbuffered `p.summary`, the last of the goroutine started at line 80, waits for a call of Pump.Close to receive it"
			return
		}
	}
}

func (p *Pump) Close() error {
	close(p.finish)
	return <-p.summary
}
