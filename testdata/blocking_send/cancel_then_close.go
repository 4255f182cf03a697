package fixtures

import "context"

type notifier interface {
	Listen(ctx context.Context, f func()) error
}

// The stop function cancels the receiver's context and closes the channel right
// after: a callback still sending then panics, it does not block.
func subscribe(n notifier, run func()) func() {
	ctx, cancel := context.WithCancel(context.Background())
	wake := make(chan struct{})
	go func() {
		_ = n.Listen(ctx, func() {
			wake <- struct{}{} // want GL003:low "^send on unbuffered `wake` panics if sent after the cancel at line 30 stops its receiver \(line 24\) and line 31 closes it; select on the context, drop the close"
		})
	}()
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-wake:
				run()
			}
		}
	}()
	return func() {
		cancel()
		close(wake)
	}
}

// Without the close the callback blocks.
func subscribeOpen(n notifier, run func()) func() {
	ctx, cancel := context.WithCancel(context.Background())
	wake := make(chan struct{})
	go func() {
		_ = n.Listen(ctx, func() {
			wake <- struct{}{} // want GL003 "send on unbuffered `wake` blocks forever if its receiver \(line 49\) returns through `<-ctx.Done\(\)` at line 47"
		})
	}()
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-wake:
				run()
			}
		}
	}()
	return cancel
}
