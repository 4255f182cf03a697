package fixtures

import "errors"

func mayFail() error { return errors.New("failed") }

// The send comes before anything else could hold the channel: the function that made
// it is the only one that has it, and it is busy sending.
func containerWait() <-chan error {
	errC := make(chan error)
	if err := mayFail(); err != nil {
		errC <- err // want GL003 "send on unbuffered `errC` blocks forever: nothing else has it yet \(made at line 10\); buffer it or start the receiver first"
		return errC
	}
	return errC
}

// A buffer of one takes the early error: the caller reads it later.
func containerWaitBuffered() <-chan error {
	errC := make(chan error, 1)
	if err := mayFail(); err != nil {
		errC <- err
		return errC
	}
	return errC
}

// The receiver is started before the send: it has the channel.
func startedFirst() {
	ch := make(chan int)
	go func() {
		<-ch
	}()
	ch <- 1
}

// Handed to a worker before the send.
func handedFirst() {
	ch := make(chan int)
	go consume(ch)
	ch <- 1
}

func consume(ch chan int) { <-ch }

// A select with a default never waits.
func nonBlocking() chan int {
	ch := make(chan int)
	select {
	case ch <- 1:
	default:
	}
	return ch
}

// In a loop whose receiver is started only after the first send: the first send
// already waits forever.
func lateReceiver(n int) {
	ch := make(chan int)
	for i := 0; i < n; i++ {
		ch <- i // want GL003 "nothing else has it yet"
		go consume(ch)
	}
}
