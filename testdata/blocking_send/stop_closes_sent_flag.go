package fixtures

import "sync"

// The journal's loop leaves on a flag its quit case sets; the only stop sends on quit
// and, after the branch, closes the sync channel sent on: a send waiting on it when the
// loop has left is released (it panics on the closed channel), it does not block forever.
type journal struct {
	async  bool
	wg     sync.WaitGroup
	lines  chan string
	syncs  chan struct{}
	quitJ  chan struct{}
	output func(string)
}

func newJournal() *journal {
	j := &journal{async: true, lines: make(chan string, 64), syncs: make(chan struct{}, 1), quitJ: make(chan struct{}, 1)}
	go j.run()
	return j
}

func (j *journal) run() {
	finished := false
	for {
		select {
		case l := <-j.lines:
			j.output(l)
		case <-j.quitJ:
			finished = true
			j.wg.Done()
		case <-j.syncs:
			j.wg.Done()
		}
		if finished {
			break
		}
	}
}

func (j *journal) Sync() {
	if j.async {
		j.syncs <- struct{}{}
		j.wg.Wait()
		j.wg.Add(1)
	}
}

func (j *journal) Close() {
	if j.async {
		j.quitJ <- struct{}{}
		j.wg.Wait()
	}
	close(j.syncs)
	close(j.quitJ)
}

// The ledger's loop leaves the same way, but its stop closes only the quit channel:
// a sync sent after the stop waits forever.
type ledger struct {
	wg     sync.WaitGroup
	notes  chan string
	marks  chan struct{}
	quitL  chan struct{}
	output func(string)
}

func newLedger() *ledger {
	g := &ledger{notes: make(chan string, 64), marks: make(chan struct{}, 1), quitL: make(chan struct{}, 1)}
	go g.run()
	return g
}

func (g *ledger) run() {
	finished := false
	for {
		select {
		case n := <-g.notes:
			g.output(n)
		case <-g.quitL:
			finished = true
		case <-g.marks:
			g.wg.Done()
		}
		if finished {
			break
		}
	}
}

func (g *ledger) Mark() {
	g.marks <- struct{}{} // want GL003 "send on `g.marks` blocks forever once its buffer"
	g.wg.Wait()
	g.wg.Add(1)
}

func (g *ledger) Close() {
	g.quitL <- struct{}{}
	close(g.quitL)
}
