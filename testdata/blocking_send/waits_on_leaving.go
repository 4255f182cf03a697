package fixtures

import "context"

func handleBatch(batch []int) { _ = batch }

// The done case waits for the batch still running before it returns: the send always
// finds its receiver.
func batchLoop(ctx context.Context, events <-chan int, first func() ([]int, error)) error {
	running := false
	finished := make(chan struct{})
	start := func(batch []int) {
		go func() {
			handleBatch(batch)
			finished <- struct{}{}
		}()
		running = true
	}
	// the return comes before the first start: no sender is running yet
	next, err := first()
	if err != nil {
		return err
	}
	start(next)
	next = nil
	for {
		select {
		case <-ctx.Done():
			if running {
				<-finished
			}
			return nil
		case e := <-events:
			next = append(next, e)
			if !running {
				start(next)
				next = nil
			}
		case <-finished:
			running = false
		}
	}
}

// The same loop returning without the wait leaves the running batch's send behind.
func batchLoopNoWait(ctx context.Context, events <-chan int) error {
	running := false
	finished := make(chan struct{})
	start := func(batch []int) {
		go func() {
			handleBatch(batch)
			finished <- struct{}{} // want GL003 "blocks forever if its receiver"
		}()
		running = true
	}
	var next []int
	for {
		select {
		case <-ctx.Done():
			return nil
		case e := <-events:
			next = append(next, e)
			if !running {
				start(next)
				next = nil
			}
		case <-finished:
			running = false
		}
	}
}

// The done case may return before its wait: the running batch's send is left behind.
func batchLoopEarly(ctx context.Context, events <-chan int, keep bool) error {
	finished := make(chan struct{})
	go func() {
		handleBatch(nil)
		finished <- struct{}{} // want GL003 "blocks forever if its receiver"
	}()
	for {
		select {
		case <-ctx.Done():
			if !keep {
				return nil
			}
			<-finished
			return nil
		case e := <-events:
			_ = e
		case <-finished:
			return nil
		}
	}
}
