package fixtures

import "time"

// The deferred Stop was bound to the first ticker; the replacement is never stopped.
func replacedTicker(updates <-chan int, d time.Duration) {
	ticker := time.NewTicker(d)
	defer ticker.Stop()
	for {
		select {
		case n, ok := <-updates:
			if !ok {
				return
			}
			if n > 0 {
				ticker.Stop()
				ticker = time.NewTicker(d) // want GL010 "ticker `ticker` is not stopped by the `defer ticker.Stop\(\)` at line 8, which stops the earlier ticker, so it keeps firing; use defer func\(\) { ticker.Stop\(\) }\(\)"
			}
		case <-ticker.C:
		}
	}
}

// Stopped through a closure that reads the variable when it runs: every ticker is
// stopped.
func replacedTickerClosure(updates <-chan int, d time.Duration) {
	ticker := time.NewTicker(d)
	defer func() { ticker.Stop() }()
	for {
		select {
		case n, ok := <-updates:
			if !ok {
				return
			}
			if n > 0 {
				ticker.Stop()
				ticker = time.NewTicker(d)
			}
		case <-ticker.C:
		}
	}
}

// The deferred Stop is of the if block's own `ticker`, which shadows this one: it
// stops nothing this function assigns later.
func shadowedDeferredStop(warm bool, updates <-chan int, d time.Duration) {
	var ticker *time.Ticker
	if warm {
		ticker := time.NewTicker(d)
		defer ticker.Stop()
		<-ticker.C
	}
	ticker = time.NewTicker(d) // want GL010:low "is never stopped, so it keeps firing; defer ticker.Stop"
	for range updates {
		<-ticker.C
	}
}
