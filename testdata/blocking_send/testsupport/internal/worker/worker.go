// Package worker is imported by the module's production code (see run.go): the same
// wait leaks a goroutine per call there.
package worker

import "time"

type Logger interface {
	Printf(format string, args ...interface{})
}

func Soon(log Logger, d time.Duration, f func()) {
	done := make(chan struct{})
	go func() {
		f()
		done <- struct{}{} // want GL003 "send on unbuffered `done` blocks forever if its receiver"
	}()
	select {
	case <-done:
	case <-time.After(d):
		log.Printf("not done within %v", d)
	}
}
