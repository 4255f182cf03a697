package queue

import "errors"

// A helper for the package's tests (only queue_test.go calls it): an error return
// skips the receive and leaves the goroutine blocked, a cost that ends with the test
// binary (low).
func publishAll(send func(int) error, confirmed <-chan int) error {
	signal := make(chan struct{})
	go func() {
		for range confirmed {
		}
		signal <- struct{}{} // want GL003:low "send on unbuffered `signal` blocks forever if its receiver"
	}()
	for i := 0; i < 3; i++ {
		if err := send(i); err != nil {
			return errors.New("send failed")
		}
	}
	<-signal
	return nil
}

// The same shape, which the package's own code calls: every failed batch leaves one
// goroutine behind in the running service.
func publishBatch(send func(int) error, confirmed <-chan int) error {
	signal := make(chan struct{})
	go func() {
		for range confirmed {
		}
		signal <- struct{}{} // want GL003 "send on unbuffered `signal` blocks forever if its receiver"
	}()
	for i := 0; i < 3; i++ {
		if err := send(i); err != nil {
			return errors.New("send failed")
		}
	}
	<-signal
	return nil
}

// Flush publishes the pending batch.
func (m *Market) Flush(send func(int) error, confirmed <-chan int) error {
	return publishBatch(send, confirmed)
}
