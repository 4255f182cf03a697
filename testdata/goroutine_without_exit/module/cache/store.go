package cache

import "time"

// A store has a Close, so a goroutine that outlives it would leak; but the module's
// only call of NewStore is the service's main: one store, and one flusher, per
// process. Silent.
type Store struct{ pending chan string }

func NewStore() *Store {
	s := &Store{pending: make(chan string)}
	go s.flush()
	return s
}

func (s *Store) flush() {
	for {
		key := <-s.pending
		_ = key
	}
}

func (s *Store) Close() error { return nil }

// A pool that the server package makes for every request it handles: each one leaves
// its worker behind.
type Pool struct{ jobs chan func() }

func NewPool() *Pool {
	p := &Pool{jobs: make(chan func())}
	go p.work() // want GL011 "blocks on `<-p.jobs`"
	return p
}

func (p *Pool) work() {
	for {
		job := <-p.jobs
		job()
	}
}

func (p *Pool) Close() error { return nil }

// Nothing in the module calls NewWatcher, and the module is an application (a command
// under cmd): its own code would show the calls, and shows none. Low.
type Watcher struct{ events chan string }

func NewWatcher() *Watcher {
	w := &Watcher{events: make(chan string)}
	go w.watch() // want GL011:low "blocks on `<-w.events`"
	return w
}

func (w *Watcher) watch() {
	for {
		event := <-w.events
		_ = event
	}
}

func (w *Watcher) Close() error { return nil }

// A syncer the service's main makes once, whose stop case only leaves the select: its
// author meant it to stop on Close, and it goes round again. Reported, once or not.
type Syncer struct{ done chan bool }

func NewSyncer(sync func()) *Syncer {
	s := &Syncer{done: make(chan bool)}
	go func() { // want GL011 "leaves only the select"
		for {
			select {
			case <-s.done:
				break
			case <-time.After(time.Second):
				sync()
			}
		}
	}()
	return s
}

func (s *Syncer) Close() error {
	close(s.done)
	return nil
}
