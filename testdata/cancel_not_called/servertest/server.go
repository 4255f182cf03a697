// Package servertest is named as Go names packages of test helpers (httptest,
// iotest): GL009 reports there what it reports in tests.
package servertest

import (
	"context"
	"time"
)

// StartTimeout hands out a context whose deadline ends it.
func StartTimeout() context.Context {
	ctx, _ := context.WithTimeout(context.Background(), 5*time.Second)
	return ctx
}

// Watch derives from the caller's context, which a goroutine then waits on, and
// drops the cancel: only the caller's context can end it. Test support: the cost ends
// with the test binary (low).
func Watch(parent context.Context, events chan<- string) {
	ctx, _ := context.WithCancel(parent) // want GL009:low "discarded with `_`"
	go func() {
		<-ctx.Done()
		events <- "stopped"
	}()
}
