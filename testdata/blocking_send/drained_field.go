package fixtures

import "errors"

// A field channel whose only receive takes one pending value without waiting and
// drops it: nothing keeps receiving, so once the buffer is full every Push blocks.

type outbox struct {
	batch  chan int
	items  chan int
	acks   chan int
	closed bool
}

func (o *outbox) init(size int) {
	o.batch = make(chan int, size)
	o.items = make(chan int, size)
	o.acks = make(chan int, size)
}

func (o *outbox) Push(row int) {
	o.batch <- row // want GL003 "^send on `o.batch` blocks forever once its buffer fills: only a one-value drain \(line 28\) receives from `.batch`; receive from it or drop the send$"
}

func (o *outbox) ConsumerClosed() {
	o.closed = true
	select {
	case <-o.batch:
	default:
	}
}

// A non-blocking take that hands the value to its caller is a receiver: callers
// poll it for as long as they want items.
func (o *outbox) Add(item int) {
	o.items <- item
}

func (o *outbox) TryTake() (int, bool) {
	select {
	case item := <-o.items:
		return item, true
	default:
		return 0, false
	}
}

// A drain beside a receiver loop: the loop receives.
func (o *outbox) Ack(id int) {
	o.acks <- id
}

func (o *outbox) reset() {
	select {
	case <-o.acks:
	default:
	}
}

func (o *outbox) collect() {
	for id := range o.acks {
		_ = id
	}
}

// A token semaphore: filled to its capacity, a token taken per call without waiting
// (the default fails the call) and given back. The take is a receive, not a drain.
type throttle struct {
	tokens chan struct{}
}

func newThrottle(n int) *throttle {
	t := &throttle{tokens: make(chan struct{}, n)}
	for i := 0; i < n; i++ {
		t.tokens <- struct{}{}
	}
	return t
}

func (t *throttle) acquire() (func(), error) {
	select {
	case <-t.tokens:
	default:
		return nil, errBusy
	}
	return func() { t.tokens <- struct{}{} }, nil
}

var errBusy = errors.New("busy")
