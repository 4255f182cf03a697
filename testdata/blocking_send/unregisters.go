package fixtures

import (
	"sync"
	"time"
)

type stream struct {
	name     string
	owner    *streams
	complete chan bool
	lines    chan string
}

type streams struct {
	mu  sync.Mutex
	all map[string]*stream
}

// The stream's loop leaves when it has been idle, but it first takes itself out of
// the registry that flushAll finds it in: a later flushAll does not send to it.
func (s *stream) loop(idle time.Duration) {
	for {
		select {
		case <-s.complete:
			return
		case <-time.After(idle):
			if s.idle() {
				s.close()
				return
			}
		case line := <-s.lines:
			_ = line
		}
	}
}

func (s *stream) idle() bool { return true }

func (s *stream) close() {
	s.owner.mu.Lock()
	delete(s.owner.all, s.name)
	s.owner.mu.Unlock()
}

// Run once, when the process is asked to stop (a signal handler). Only a stream that
// leaves between the lookup and the send can still block it: a race window, not a path
// the code takes in order.
func (l *streams) flushAll() {
	for _, s := range l.all {
		s.complete <- true
	}
}

type worker struct {
	name  string
	jobs  chan int
	owner *pool
}

type pool struct {
	mu      sync.Mutex
	workers map[string]*worker
}

// The same shape, but the worker leaves on idle without leaving the registry: the
// next dispatch to it blocks forever.
func (w *worker) run(idle time.Duration) {
	for {
		select {
		case j := <-w.jobs:
			_ = j
		case <-time.After(idle):
			return
		}
	}
}

func (p *pool) dispatch(j int) {
	for _, w := range p.workers {
		w.jobs <- j // want GL003 "send on `w.jobs` blocks forever if its receiver \(line 71\) stops through `<-time.After\(idle\)` at line 73"
	}
}
