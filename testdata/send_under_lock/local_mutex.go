package fixtures

import (
	"context"
	"sync"
)

type dialer struct {
	conns chan int
}

// A mutex of the function, locked only here: it keeps the count exact across the
// send, and every other locker is a dial goroutine bound for the same send: silent.
func (d *dialer) dialAll(ctx context.Context, targets []int, limit int) {
	count := 0
	var countMu sync.Mutex
	var wg sync.WaitGroup
	for _, target := range targets {
		wg.Add(1)
		go func(target int) {
			defer wg.Done()
			countMu.Lock()
			if count < limit {
				select {
				case d.conns <- target:
					count++
				case <-ctx.Done():
				}
			}
			countMu.Unlock()
		}(target)
	}
	wg.Wait()
}

// The same mutex also guards other work elsewhere in the function: that work
// waits for the send's receiver too.
func (d *dialer) dialAndCount(ctx context.Context, targets []int) int {
	count := 0
	var countMu sync.Mutex
	var wg sync.WaitGroup
	for _, target := range targets {
		wg.Add(2)
		go func(target int) {
			defer wg.Done()
			countMu.Lock()
			select {
			case d.conns <- target: // want GL004:low "send on `d.conns` under `countMu`"
			case <-ctx.Done():
			}
			countMu.Unlock()
		}(target)
		go func() {
			defer wg.Done()
			countMu.Lock()
			count++
			countMu.Unlock()
		}()
	}
	wg.Wait()
	return count
}
