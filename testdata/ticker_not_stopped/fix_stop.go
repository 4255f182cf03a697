package fixes

import (
	"context"
	"time"
)

func poll(ctx context.Context, check func()) error {
	t := time.NewTicker(time.Second) // want GL010
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			check()
		}
	}
}

func wait(d time.Duration, done <-chan struct{}) bool {
	timer := time.NewTimer(d) // want GL010
	select {
	case <-timer.C:
		return false
	case <-done:
		return true
	}
}
