package fixtures

import "sync"

type resolver struct {
	inputLock sync.RWMutex
	input     chan int
	workLock  sync.Mutex
	done      int
}

func (r *resolver) start() {
	r.inputLock.Lock()
	defer r.inputLock.Unlock()
	r.input = make(chan int)
	go r.process(r.input)
}

func (r *resolver) stop() {
	r.inputLock.Lock()
	defer r.inputLock.Unlock()
	close(r.input)
	r.input = nil
}

// The worker ranges over its parameter until the close, and never takes inputLock:
// the read lock only keeps stop's close off the send.
func (r *resolver) process(input <-chan int) {
	for v := range input {
		r.workLock.Lock()
		r.done += v
		r.workLock.Unlock()
	}
}

func (r *resolver) resolve(v int) {
	r.inputLock.RLock()
	defer r.inputLock.RUnlock()
	if r.input == nil {
		return
	}
	r.input <- v
}

type lockingResolver struct {
	inputLock sync.RWMutex
	input     chan int
	done      int
}

func (r *lockingResolver) start() {
	r.inputLock.Lock()
	defer r.inputLock.Unlock()
	r.input = make(chan int)
	go r.process(r.input)
}

// This worker takes inputLock for each value: a writer queued behind the sender
// wedges both.
func (r *lockingResolver) process(input <-chan int) {
	for v := range input {
		r.inputLock.Lock()
		r.done += v
		r.inputLock.Unlock()
	}
}

func (r *lockingResolver) resolve(v int) {
	r.inputLock.RLock()
	defer r.inputLock.RUnlock()
	r.input <- v // want GL004 "send on `r.input` under `r.inputLock`"
}
