package fixtures

import "errors"

// Run runs f in a goroutine and returns the channel that gets its error: the goroutine
// waits until the caller receives.
func Run(f func() error) chan error {
	ch := make(chan error)
	go func() {
		ch <- f() // want GL003 "send on unbuffered `ch` blocks forever when a caller drops the channel Run returns \(line 39\); buffer it"
	}()
	return ch
}

// runBuffered gives the goroutine room for its one send: dropping the result is fine.
func runBuffered(f func() error) chan error {
	ch := make(chan error, 1)
	go func() {
		ch <- f()
	}()
	return ch
}

// runWaited is only called by callers that receive.
func runWaited(f func() error) chan error {
	ch := make(chan error)
	go func() {
		ch <- f()
	}()
	return ch
}

func task() error { return errors.New("failed") }

func callers() error {
	if err := <-runWaited(task); err != nil {
		return err
	}
	Run(task)
	runBuffered(task)
	_ = runWaited
	return nil
}
