package fixes

import (
	"context"
	"time"
)

func poll(ctx context.Context, check func()) error {
	t := time.NewTicker(time.Second) // want GL010:low
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			check()
		}
	}
}

// A timer left pending as the function returns fires once and is gone: not reported.
func wait(d time.Duration, done <-chan struct{}) bool {
	timer := time.NewTimer(d)
	select {
	case <-timer.C:
		return false
	case <-done:
		return true
	}
}
