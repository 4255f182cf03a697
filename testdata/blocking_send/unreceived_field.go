package fixtures

import (
	"context"
	"errors"
)

type watchChan struct {
	ctx        context.Context
	cancel     context.CancelFunc
	resultChan chan bool
	errChan    chan error
	queue      chan int
	handedOut  chan int
	shared     chan int
}

func newWatchChan(shared chan int) *watchChan {
	ctx, cancel := context.WithCancel(context.Background())
	return &watchChan{
		ctx:        ctx,
		cancel:     cancel,
		resultChan: make(chan bool),
		errChan:    make(chan error),
		queue:      make(chan int, 16),
		handedOut:  make(chan int),
		shared:     shared,
	}
}

func (wc *watchChan) Stop() {
	wc.errChan <- errors.New("stopped")
	wc.cancel()
}

// Nothing in the package ever receives from resultChan.
func (wc *watchChan) run() {
	select {
	case err := <-wc.errChan:
		wc.resultChan <- err != nil // want GL003 "send on `wc.resultChan` blocks forever: nothing in the package receives from `.resultChan`; receive from it or drop the send"
	case <-wc.ctx.Done():
	}
}

// A buffered field nobody receives from: the buffer may hold every send.
func (wc *watchChan) push(v int) {
	wc.queue <- v
}

type request struct {
	reply chan int
}

// The field is set by a positional literal, with a channel its creator receives from.
func (r request) answer(v int) {
	r.reply <- v
}

func ask() int {
	reply := make(chan int)
	go request{reply}.answer(1)
	return <-reply
}

// Received by a caller of an accessor defined in a file without receives.
func (wc *watchChan) publish(v int) {
	wc.handedOut <- v
}

// Set from a channel its creator owns: the creator can receive.
func (wc *watchChan) share(v int) {
	wc.shared <- v
}

// A row channel whose buffer is sized by its maker, and that nothing in the package
// receives from: every Push adds a value, and once the buffer is full each blocks.
type rowChannel struct {
	rows chan int
}

func (rc *rowChannel) init(size int) {
	rc.rows = make(chan int, size)
}

func (rc *rowChannel) Push(row int) {
	rc.rows <- row // want GL003 "^send on `rc.rows` blocks forever once its buffer fills: nothing in the package receives from `.rows`; receive from it or drop the send$"
}

// The same channel read by an accessor's callers: they receive.
type rowSource struct {
	pending chan int
}

func (rs *rowSource) init(size int) {
	rs.pending = make(chan int, size)
}

func (rs *rowSource) Rows() <-chan int {
	return rs.pending
}

func (rs *rowSource) Push(row int) {
	rs.pending <- row
}
