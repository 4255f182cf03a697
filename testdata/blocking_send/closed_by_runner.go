package fixtures

import "context"

type pauseRequest struct{ paused bool }

type statusBoard struct {
	pause   chan pauseRequest
	updates chan string
}

func newStatusBoard(ctx context.Context) *statusBoard {
	b := &statusBoard{pause: make(chan pauseRequest), updates: make(chan string)}
	go b.run(ctx)
	return b
}

// run closes the pause channel when it returns, which it does once the receiver in
// display stops: a pause sent after that panics, it does not block forever.
func (b *statusBoard) run(ctx context.Context) {
	defer close(b.pause)
	for {
		if b.display(ctx) {
			return
		}
	}
}

func (b *statusBoard) display(ctx context.Context) bool {
	stopped := make(chan bool, 1)
	go func() {
		defer close(stopped)
		for {
			select {
			case s := <-b.updates:
				_ = s
			case r := <-b.pause:
				stopped <- r.paused
				return
			case <-ctx.Done():
				return
			}
		}
	}()
	return !<-stopped
}

func (b *statusBoard) Pause() {
	b.pause <- pauseRequest{paused: true} // want GL003:low "panics \(send on closed channel\) once its receiver"
}

// updates is never closed: a write after the receiver stops blocks forever.
func (b *statusBoard) Write(s string) {
	b.updates <- s // want GL003 "blocks forever if its receiver"
}
