package fixtures

import (
	"context"
	"errors"
	"time"
)

var errNotUp = errors.New("not up in time")

// WaitUp polls until a deadline; the starter's error is taken only while the loop
// runs, and once the deadline passes nothing receives it.
func WaitUp(start func() error, up func() bool, limit time.Duration) error {
	failed := make(chan error)
	go func() {
		if err := start(); err != nil {
			failed <- err // want GL003 "send on unbuffered `failed` blocks forever if the loop at line 22 ends before its receive \(line 24\) takes it; buffer it"
		}
	}()
	deadline := time.Now().Add(limit)
	ready := false
	for time.Now().Before(deadline) && !ready {
		select {
		case err := <-failed:
			return err
		case <-time.After(100 * time.Millisecond):
			ready = up()
		}
	}
	if !ready {
		return errNotUp
	}
	return nil
}

// Retry gives the worker three chances of a second each.
func Retry(work func() int) (int, error) {
	out := make(chan int)
	go func() {
		out <- work() // want GL003 "the loop at line 42 ends before its receive"
	}()
	for i := 0; i < 3; i++ {
		select {
		case n := <-out:
			return n, nil
		case <-time.After(time.Second):
		}
	}
	return 0, errNotUp
}

// Watch stops when a check in the timer case says so.
func Watch(ctx context.Context, next func() string, stale func() bool) []string {
	lines := make(chan string)
	go func() {
		lines <- next() // want GL003 "the loop at line 60 ends before its receive"
	}()
	var got []string
	watching := true
	for watching {
		select {
		case l := <-lines:
			got = append(got, l)
		case <-ctx.Done():
			watching = stale()
		}
	}
	return got
}

// WaitUpLate receives once more after the loop: the value is always taken.
func WaitUpLate(start func() error, limit time.Duration) error {
	failed := make(chan error)
	go func() {
		failed <- start()
	}()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		select {
		case err := <-failed:
			return err
		case <-time.After(100 * time.Millisecond):
		}
	}
	return <-failed
}

// Collect ends its loop only in the receiving case: it ends once the value came.
func Collect(next func() string) string {
	lines := make(chan string)
	go func() {
		lines <- next()
	}()
	var got string
	waiting := true
	for waiting {
		select {
		case l := <-lines:
			got = l
			waiting = false
		case <-time.After(time.Second):
		}
	}
	return got
}

// RetryRoomy gives the worker a buffer for its one send.
func RetryRoomy(work func() int) (int, error) {
	out := make(chan int, 1)
	go func() {
		out <- work()
	}()
	for i := 0; i < 3; i++ {
		select {
		case n := <-out:
			return n, nil
		case <-time.After(time.Second):
		}
	}
	return 0, errNotUp
}
