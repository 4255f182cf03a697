package fixtures

import "errors"

func mineOne() error { return errors.New("stale") }

// The goroutine sends on errc and returns, or sends on done after its loop: the
// receiver leaves through done only once the goroutine has finished without an error,
// so it never leaves errc's send behind. Silent.
func mineAll(n int) error {
	errc := make(chan error)
	done := make(chan struct{})
	go func() {
		for i := 0; i < n; i++ {
			if err := mineOne(); err != nil {
				errc <- err
				return
			}
		}
		done <- struct{}{}
	}()
	select {
	case err := <-errc:
		return err
	case <-done:
		return nil
	}
}

// Here done is sent inside the loop, before a later error: the receiver may have left
// through done already. Shown.
func mineEach(n int) error {
	errc := make(chan error)
	done := make(chan struct{})
	go func() {
		for i := 0; i < n; i++ {
			if i == 1 {
				done <- struct{}{}
			}
			if err := mineOne(); err != nil {
				errc <- err // want GL003
				return
			}
		}
	}()
	select {
	case err := <-errc:
		return err
	case <-done:
		return nil
	}
}

func dialOnce() error { return nil }

// The prober sends once, then cleans up and breaks out of its loop: a buffer of one
// holds that send. Silent.
func probe(retries int) error {
	ready := make(chan error, 1)
	go func() {
		for {
			err := dialOnce()
			if err != nil {
				continue
			}
			ready <- nil
			retries--
			break
		}
	}()
	for {
		select {
		case err := <-ready:
			return err
		}
	}
}

// Started once per task: another task's goroutine may send on done first, and the
// receiver leaves through it. Shown.
func mineTasks(tasks []int) error {
	errc := make(chan error)
	done := make(chan struct{})
	for range tasks {
		go func() {
			if err := mineOne(); err != nil {
				errc <- err // want GL003
				return
			}
			done <- struct{}{}
		}()
	}
	select {
	case err := <-errc:
		return err
	case <-done:
		return nil
	}
}
