package fixtures

import (
	"context"
	"time"
)

type acceptor interface {
	Accept() (int, error)
}

// The accepting goroutine reports its end on ended, in a select that can also give up
// on ctx, and returns right after: that is its last send, so a receiver that leaves
// when ended comes has nothing more to take from accepted.
func acceptAll(ctx context.Context, ln acceptor) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	accepted := make(chan int)
	ended := make(chan error)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				select {
				case ended <- err:
				case <-ctx.Done():
				}
				return
			}
			accepted <- c
		}
	}()
	for {
		select {
		case c := <-accepted:
			_ = c
		case err := <-ended:
			return err
		}
	}
}

// The same, but the receiver also leaves when idle: that way out strands the sender.
func acceptUntilIdle(ctx context.Context, ln acceptor, idle time.Duration) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	accepted := make(chan int)
	ended := make(chan error)
	timer := time.NewTimer(idle)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				select {
				case ended <- err:
				case <-ctx.Done():
				}
				return
			}
			accepted <- c // want GL003 "send on unbuffered `accepted` blocks forever if its receiver \(line \d+\) returns through `<-timer.C`"
		}
	}()
	for {
		select {
		case c := <-accepted:
			_ = c
			timer.Reset(idle)
		case err := <-ended:
			return err
		case <-timer.C:
			return nil
		}
	}
}
