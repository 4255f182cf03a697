package fixtures

import "time"

type child struct {
	exited chan struct{}
	wait   func()
}

func newChild(wait func()) *child {
	return &child{exited: make(chan struct{}, 1), wait: wait}
}

func (c *child) start() {
	go c.watchExit()
}

// watchExit runs only as the goroutine start begins: its one deferred send fits the
// buffer of 1. Silent.
func (c *child) watchExit() {
	defer func() {
		c.exited <- struct{}{}
	}()
	c.wait()
}

func (c *child) stop(d time.Duration) {
	for {
		select {
		case <-c.exited:
			return
		case <-time.After(d):
			return
		}
	}
}

type worker struct {
	quitted chan struct{}
	wait    func()
}

func newWorker(wait func()) *worker {
	return &worker{quitted: make(chan struct{}, 1), wait: wait}
}

// run is started as a goroutine and also called directly: two sends can pile up.
func (w *worker) start() {
	go w.run()
	w.run()
}

func (w *worker) run() {
	defer func() {
		w.quitted <- struct{}{} // want GL003
	}()
	w.wait()
}

func (w *worker) stop(d time.Duration) {
	for {
		select {
		case <-w.quitted:
			return
		case <-time.After(d):
			return
		}
	}
}
