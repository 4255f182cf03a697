package fixtures

import (
	"context"
	"sync"
)

func probe(id int) int { return id * 2 }

// The tally goroutine leaves on stopTally's Done, cancelled only right after wg.Wait():
// every prober has returned by then, so none is left at its send. Silent.
func tallyProbes(n int) int {
	var wg sync.WaitGroup
	wg.Add(n)
	results := make(chan int)
	for i := 0; i < n; i++ {
		go func(id int) {
			defer wg.Done()
			results <- probe(id)
		}(i)
	}
	total := 0
	tallyCtx, stopTally := context.WithCancel(context.Background())
	go func() {
		for {
			select {
			case <-tallyCtx.Done():
				return
			case r := <-results:
				total += r
			}
		}
	}()
	wg.Wait()
	stopTally()
	return total
}

// The cancel runs before wg.Wait(): the tally may leave while probers still send.
func tallyEarly(n int) int {
	var wg sync.WaitGroup
	wg.Add(n)
	results := make(chan int)
	for i := 0; i < n; i++ {
		go func(id int) {
			defer wg.Done()
			results <- probe(id) // want GL003
		}(i)
	}
	total := 0
	tallyCtx, stopTally := context.WithCancel(context.Background())
	go func() {
		for {
			select {
			case <-tallyCtx.Done():
				return
			case r := <-results:
				total += r
			}
		}
	}()
	stopTally()
	wg.Wait()
	return total
}

// The context descends from the caller's, which may end while probers still send.
func tallyUnder(parent context.Context, n int) int {
	var wg sync.WaitGroup
	wg.Add(n)
	results := make(chan int)
	for i := 0; i < n; i++ {
		go func(id int) {
			defer wg.Done()
			results <- probe(id) // want GL003
		}(i)
	}
	total := 0
	tallyCtx, stopTally := context.WithCancel(parent)
	go func() {
		for {
			select {
			case <-tallyCtx.Done():
				return
			case r := <-results:
				total += r
			}
		}
	}()
	wg.Wait()
	stopTally()
	return total
}
