package fixtures

import (
	"context"
	"time"
)

func sweep() {}

// `for range tick` over another time.Tick channel never ends: the hourly ticker
// lives as long as the function, which never returns.
func pollHourlyForever() {
	tick := time.Tick(time.Second)
	hourly := time.Tick(time.Hour)
	for range tick {
		select {
		case <-hourly:
			sweep()
		default:
		}
	}
}

// This loop can leave: each call leaves its hourly ticker behind.
func pollHourlyUntil(ctx context.Context) error {
	tick := time.Tick(time.Second) // want GL010:low "time.Tick"
	hourly := time.Tick(time.Hour) // want GL010:low "time.Tick"
	for range tick {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		select {
		case <-hourly:
			sweep()
		default:
		}
	}
	return nil
}
