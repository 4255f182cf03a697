// Package leakchecked's tests check for leaked goroutines (see helper_test.go): a test
// helper's goroutine left on its send fails them.
package leakchecked

import (
	"testing"
	"time"
)

type store interface {
	Lock(stop chan struct{}) error
}

func checkLockBlocks(t *testing.T, s store) {
	done := make(chan struct{})
	stop := make(chan struct{}, 1)
	go func() {
		_ = s.Lock(stop)
		done <- struct{}{} // want GL003 "send on unbuffered `done` blocks forever if its receiver"
	}()
	select {
	case <-done:
		t.Error("lock taken twice")
	case <-time.After(time.Second):
		stop <- struct{}{}
	}
}
