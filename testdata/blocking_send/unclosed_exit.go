package fixtures

import "time"

type lull struct {
	work     chan func()
	lullDone chan struct{}
}

func newLull() *lull {
	return &lull{work: make(chan func()), lullDone: make(chan struct{})}
}

// The loop's only way out is lullDone, which nothing closes or sends on: it never
// stops, so a send on work is always taken. Silent.
func (l *lull) run() {
	for {
		select {
		case f := <-l.work:
			go f()
		case <-l.lullDone:
			return
		}
		time.Sleep(time.Millisecond)
	}
}

func (l *lull) add(f func()) {
	l.work <- f
}

type pause struct {
	tasks    chan func()
	lullStop chan struct{}
}

func newPause() *pause {
	return &pause{tasks: make(chan func()), lullStop: make(chan struct{})}
}

// lullStop is closed by halt: the loop can stop while add still sends.
func (p *pause) run() {
	for {
		select {
		case f := <-p.tasks:
			go f()
		case <-p.lullStop:
			return
		}
	}
}

func (p *pause) halt() { close(p.lullStop) }

func (p *pause) add(f func()) {
	p.tasks <- f // want GL003
}

type poller struct {
	jobs  chan func()
	clock *time.Ticker
	limit int
}

// The way out is taken on a tick: another package's channel, filled there, so the loop
// can stop while add still sends.
func (p *poller) run() {
	n := 0
	for {
		select {
		case f := <-p.jobs:
			f()
		case <-p.clock.C:
			n++
			if n > p.limit {
				return
			}
		}
	}
}

func (p *poller) add(f func()) {
	p.jobs <- f // want GL003
}
