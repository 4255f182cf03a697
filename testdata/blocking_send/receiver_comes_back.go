package fixtures

import (
	"errors"
	"time"
)

type recorder struct {
	ch    chan int
	queue chan int
	log   chan int
	last  chan int
	stop  chan struct{}
}

func newRecorder() *recorder {
	return &recorder{ch: make(chan int), queue: make(chan int), log: make(chan int), last: make(chan int), stop: make(chan struct{})}
}

func (r *recorder) record(v int) {
	r.ch <- v
}

// A bounded wait for n values, called again for the next ones: not a receiver that
// stops for good.
func (r *recorder) wait(n int) ([]int, error) {
	got := make([]int, 0, n)
	timeout := time.After(time.Second)
	for i := 0; i < n; i++ {
		select {
		case v := <-r.ch:
			got = append(got, v)
		case <-timeout:
			return got, errors.New("timed out")
		}
	}
	return got, nil
}

func (r *recorder) enqueue(v int) {
	r.queue <- v
}

// The loop stops on stop, then takes what is left in a deferred drain.
func (r *recorder) serve() {
	defer func() {
		for range r.queue {
		}
	}()
	for {
		select {
		case v := <-r.queue:
			_ = v
		case <-r.stop:
			return
		}
	}
}

func (r *recorder) write(v int) {
	r.log <- v // want GL003 "send on `r.log` blocks forever if its receiver \(line 72\) stops through `<-r.stop` at line 74"
}

func (r *recorder) flush() {
	r.log <- -1 // want GL003 "`<-r.stop`"
}

// The receiver loop stops for good: nothing receives from log after it.
func (r *recorder) logLoop() {
	for {
		select {
		case v := <-r.log:
			_ = v
		case <-r.stop:
			return
		}
	}
}

func (r *recorder) finish(v int) {
	r.last <- v
}

// After its loop stops, the receiver takes one more value: the final send is taken.
func (r *recorder) lastLoop() int {
	for {
		select {
		case <-r.last:
		case <-r.stop:
			return <-r.last
		}
	}
}
