package fixtures

import (
	"context"
	"time"
)

// The only receive of the made channel gives up through ctx.Done; the plain `<-done`
// before it receives from another channel (the `if` initializer's `done` shadows the
// made one), so it does not take the goroutine's value.
func shadowedReceiver(ctx context.Context, other chan int) (int, error) {
	done := make(chan int)
	go func() {
		done <- compute() // want GL003 "send on unbuffered `done` blocks forever if its receiver \(line 20\) returns through `<-ctx.Done\(\)`"
	}()
	if done := other; done != nil {
		<-done
	}
	select {
	case r := <-done:
		return r, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// The loop ends only by receiving: the `finished` the timer case sets is its own
// (declared there, shadowing the loop's), so the loop's condition never changes and
// the receive always comes. Silent.
func pollUntilReceived(check func() bool) int {
	ch := make(chan int)
	go func() {
		ch <- compute()
	}()
	finished := false
	for !finished {
		select {
		case v := <-ch:
			return v
		case <-time.After(time.Second):
			finished := false
			finished = check()
			println(finished)
		}
	}
	return 0
}
