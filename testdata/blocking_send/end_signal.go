package fixtures

import "context"

// A worker that sends its end signal on donec in its deferred code, after every send
// on items: a receiver that leaves on <-donec has taken the worker's last word, so the
// worker has no send left to block on.
func query(ctx context.Context, items chan<- int, donec chan<- int) {
	defer func() {
		donec <- 1
	}()
	for i := 0; i < 3; i++ {
		if ctx.Err() != nil {
			return
		}
		items <- i
	}
}

func drainUntilDone(ctx context.Context) int {
	items := make(chan int)
	donec := make(chan int)
	go query(ctx, items, donec)
	total := 0
	for {
		select {
		case v := <-items:
			total += v
		case <-donec:
			return total
		}
	}
}

// The same worker, but the receiver can also leave on ctx: that way out is real.
func drainOrCancel(ctx context.Context) int {
	items := make(chan int)
	donec := make(chan int)
	go query(ctx, items, donec) // want GL003 "query sends on unbuffered `items` \(as `items`, line \d+\) and blocks forever if its receiver \(line \d+\) returns through `<-ctx.Done\(\)` at line \d+; buffer it" GL003 "query sends on unbuffered `donec` .*returns through `<-ctx.Done\(\)`"
	total := 0
	for {
		select {
		case v := <-items:
			total += v
		case <-donec:
			return total
		case <-ctx.Done():
			return total
		}
	}
}

// A worker that signals done before its last send: the receiver that leaves on done
// strands that send.
func queryEarlyDone(items chan<- int, donec chan<- int) {
	donec <- 1
	items <- 2
}

func drainEarlyDone() int {
	items := make(chan int)
	donec := make(chan int)
	go queryEarlyDone(items, donec) // want GL003 "queryEarlyDone sends on unbuffered `items` .* returns through `<-donec` at line \d+; buffer it"
	total := 0
	for {
		select {
		case v := <-items:
			total += v
		case <-donec:
			return total
		}
	}
}

// Two runs can overlap: the first run's end signal can come while the second still
// sends. Whether they overlap is not shown (low).
func drainRuns(ctx context.Context, again bool) int {
	items := make(chan int)
	donec := make(chan int)
	go query(ctx, items, donec) // want GL003:low "query sends on unbuffered `items`"
	if again {
		go query(ctx, items, donec) // want GL003:low "query sends on unbuffered `items`"
	}
	total := 0
	for {
		select {
		case v := <-items:
			total += v
		case <-donec:
			return total
		}
	}
}

// A goroutine literal whose deferred close of done is its end signal: the receiver
// that leaves on done has taken its last word.
func collectUntilClosed(n int) int {
	items := make(chan int)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < n; i++ {
			items <- i
		}
	}()
	total := 0
	for {
		select {
		case v := <-items:
			total += v
		case <-done:
			return total
		}
	}
}

// The same literal, but the receiver can also give up on ctx: that way out is named.
func collectOrCancel(ctx context.Context, n int) int {
	items := make(chan int)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < n; i++ {
			items <- i // want GL003 "send on unbuffered `items` blocks forever if its receiver \(line \d+\) returns through `<-ctx.Done\(\)` at line \d+; buffer it"
		}
	}()
	total := 0
	for {
		select {
		case v := <-items:
			total += v
		case <-done:
			return total
		case <-ctx.Done():
			return total
		}
	}
}

// Started in a loop: one run's done may come while the next still sends (low).
func collectRounds(rounds, n int) int {
	total := 0
	items := make(chan int)
	done := make(chan struct{}, rounds)
	for r := 0; r < rounds; r++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := 0; i < n; i++ {
				items <- i // want GL003:low "send on unbuffered `items` blocks forever if its receiver \(line \d+\) returns through `<-done`"
			}
		}()
	}
	for {
		select {
		case v := <-items:
			total += v
		case <-done:
			return total
		}
	}
}
