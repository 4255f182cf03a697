package fixtures

import "context"

type waiter func(context.Context) error

// Each goroutine the loop starts calls cancel after its send: the context is cancelled
// unless the loop runs no iteration, which nothing here shows can happen.
func firstToWake(ctx context.Context, list []waiter) error {
	ctx, cancel := context.WithCancel(ctx) // want GL009:low "^`cancel` from context.WithCancel is not called if the loop at line 16 runs no iteration, so only its parent can end it then; call cancel\(\) on that path$"
	done := make(chan error, len(list))
	wait := func(w waiter) {
		done <- w(ctx)
		cancel()
	}
	for _, w := range list {
		go wait(w)
	}
	return <-done
}

// A turn may skip the goroutine: the paths where none started are shown.
func firstNonNil(ctx context.Context, list []waiter) error {
	ctx, cancel := context.WithCancel(ctx) // want GL009 "`cancel` from context.WithCancel is called on some paths but not when the function returns at line"
	done := make(chan error, len(list))
	wait := func(w waiter) {
		done <- w(ctx)
		cancel()
	}
	for _, w := range list {
		if w != nil {
			go wait(w)
		}
	}
	return <-done
}

// A turn may return before the call: that path is shown.
func eachInTurn(ctx context.Context, list []waiter) error {
	ctx, cancel := context.WithCancel(ctx) // want GL009 "`cancel` is called on some paths but not when the loop returns at line"
	for _, w := range list {
		if err := w(ctx); err != nil {
			return err
		}
		cancel()
	}
	return nil
}

// The goroutine started with cancel in hand calls it: nothing to report.
func startedOnce(ctx context.Context, w waiter) error {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		done <- w(ctx)
		cancel()
	}()
	return <-done
}
