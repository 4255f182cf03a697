package fixtures

import (
	"context"
	"time"
)

type result struct {
	index int
	err   error
}

func attempt(ctx context.Context, i int, out chan<- result) {
	out <- result{index: i, err: ctx.Err()}
}

// Overlapped attempts: one more goroutine per tick, at most one per endpoint, and the
// loop runs until it has a result from each endpoint: every goroutine started has
// delivered before it ends.
func overlapped(ctx context.Context, endpoints []string, every time.Duration) []result {
	out := make(chan result)
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	next := 0
	var results []result
	for len(results) < len(endpoints) {
		if next < len(endpoints) {
			go attempt(ctx, next, out)
			next++
		}
		select {
		case r := <-out:
			results = append(results, r)
		case <-ticker.C:
		}
	}
	return results
}

// The same with a counter, the goroutines started before the loop, one per endpoint.
func counted(ctx context.Context, endpoints []string, every time.Duration) int {
	out := make(chan result)
	for i := range endpoints {
		go attempt(ctx, i, out)
	}
	failed, got := 0, 0
	for got < len(endpoints) {
		select {
		case r := <-out:
			got++
			if r.err != nil {
				failed++
			}
		case <-time.After(every):
		}
	}
	return failed
}

// A loop that stops counting at the first success leaves the others blocked.
func firstSuccess(ctx context.Context, endpoints []string, every time.Duration) []result {
	out := make(chan result)
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	next := 0
	var results []result
	for len(results) < 1 {
		if next < len(endpoints) {
			go attempt(ctx, next, out) // want GL003 "that can end first"
			next++
		}
		select {
		case r := <-out:
			results = append(results, r)
		case <-ticker.C:
		}
	}
	return results
}

// A start that does not step its index starts a goroutine on every turn.
func unstepped(ctx context.Context, endpoints []string, every time.Duration) []result {
	out := make(chan result)
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	next := 0
	var results []result
	for len(results) < len(endpoints) {
		if next < len(endpoints) {
			go attempt(ctx, next, out) // want GL003 "that can end first"
		}
		select {
		case r := <-out:
			results = append(results, r)
		case <-ticker.C:
		}
	}
	return results
}
