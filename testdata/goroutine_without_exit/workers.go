package fixtures

import (
	"context"
	"log"
	"time"
)

type job struct{ id int }

func handle(j job) error { return nil }

// A `for {}` worker with no way out: once the producer is gone it waits forever.
func startWorker(jobs chan job) {
	go func() { // want GL011 "goroutine never returns: its `for {}` loop at line 16 blocks on `<-jobs` at line 17 once nobody sends; add a ctx.Done\(\) exit"
		for {
			j := <-jobs
			_ = handle(j)
		}
	}()
}

// A `for range ch` worker ends when the channel is closed: silent.
func startRangeWorker(jobs chan job) {
	go func() {
		for j := range jobs {
			_ = handle(j)
		}
	}()
}

// Ticker plus ctx.Done: it stops when the context ends, silent.
func startTicker(ctx context.Context, tick func()) {
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				tick()
			case <-ctx.Done():
				return
			}
		}
	}()
}

// ctx.Done is there, but its case only logs and loops again.
func startDeafTicker(ctx context.Context, tick func()) {
	go func() { // want GL011 "keeps waking in the select at line 53"
		t := time.NewTicker(time.Second)
		for {
			select {
			case <-t.C:
				tick()
			case <-ctx.Done():
				log.Print("context done")
			}
		}
	}()
}

// A break out of the labeled loop is a way out.
func startLabeled(ctx context.Context, in chan int) {
	go func() {
	loop:
		for {
			select {
			case v := <-in:
				_ = v
			case <-ctx.Done():
				break loop
			}
		}
	}()
}

// A plain break inside select only leaves the select: the loop goes on.
func startBreakSelect(ctx context.Context, in chan int) {
	go func() { // want GL011 "the `break` at line 86 leaves only the select, and its `for {}` loop at line 81 goes round again: return instead"
		for {
			select {
			case v := <-in:
				_ = v
			case <-ctx.Done():
				break
			}
		}
	}()
}

// Returning on an error is a way out.
func startReader(read func() (int, error), out chan int) {
	go func() {
		for {
			n, err := read()
			if err != nil {
				return
			}
			out <- n
		}
	}()
}

// A loop with a condition: silent.
func startUntil(stopped func() bool) {
	go func() {
		for !stopped() {
			time.Sleep(time.Millisecond)
		}
	}()
}

// A poller with no exit, started through a named function in this file.
func poll(interval time.Duration, f func()) {
	for {
		time.Sleep(interval)
		f()
	}
}

func startPoller() {
	go poll(time.Second, func() {}) // want GL011 "at line 116 \(in poll\) .*runs until the process exits"
}

// A method of this file.
type cache struct{ evictions chan string }

func (c *cache) evictLoop() {
	for {
		key := <-c.evictions
		_ = key
	}
}

func (c *cache) Start() {
	go c.evictLoop() // want GL011 "\(in cache.evictLoop\)"
}

// A function literal variable.
func startVar(out chan int) {
	produce := func() {
		for i := 0; ; i++ {
			out <- i
		}
	}
	loop := func() {
		for {
			out <- 1
		}
	}
	go produce() // want GL011 "blocks on the send to `out` at line 144"
	go loop()    // want GL011 "blocks on the send to `out` at line 149"
}

// panic and log.Fatal end the program, so the loop does end.
func startFatal(errs chan error) {
	go func() {
		for {
			if err := <-errs; err != nil {
				log.Fatal(err)
			}
		}
	}()
}

// A function declared elsewhere: its body is not visible.
func startExternal(f func()) {
	go f()
	go time.Sleep(time.Second)
}

// A parameter named like a function of this file is the function passed in.
func startPassed(poll func()) {
	go poll()
}

// The endless loop is one call away from the goroutine's body.
func (c *cache) StartWrapped(done func()) {
	go func() { // todo GL011 the loop is in c.evictLoop, called from the literal; calls are not followed
		defer done()
		c.evictLoop()
	}()
}

// A tick channel bound to any name keeps the select waking; one that is only a
// receive of data waits.
func startFlusher(sessions chan string, flush func()) {
	go func() { // want GL011 "keeps waking in the select at line 192"
		tic := time.Tick(time.Minute)
		for {
			select {
			case s := <-sessions:
				_ = s
			case <-tic:
				flush()
			}
		}
	}()
}

// A name that reads like a ticker is not one: this select waits for data.
func startTickerNamed(ticker chan string, handle func(string)) {
	go func() { // want GL011 "waits in the select at line 206 forever once nothing arrives"
		for {
			select {
			case s := <-ticker:
				handle(s)
			}
		}
	}()
}

// A `time.After` made before the loop fires once: after that the select waits for
// data, it does not keep waking.
func startOnceTimeout(sessions chan string, handle func(string)) {
	go func() { // want GL011 "waits in the select at line 220 forever once nothing arrives"
		deadline := time.After(time.Minute)
		for {
			select {
			case s := <-sessions:
				handle(s)
			case <-deadline:
				log.Print("no session for a minute")
			}
		}
	}()
}

// A timer made before the loop and reset in it keeps waking.
func startResetTimer(sessions chan string, handle func(string)) {
	go func() { // want GL011 "keeps waking in the select at line 235"
		idle := time.NewTimer(time.Minute)
		for {
			select {
			case s := <-sessions:
				handle(s)
			case <-idle.C:
				log.Print("idle")
			}
			idle.Reset(time.Minute)
		}
	}()
}

// The `deadline` set in the loop is the case's own (it shadows the one made before the
// loop): the loop's `time.After` still fires once.
func startShadowedTimeout(sessions chan string, handle func(string)) {
	go func() { // want GL011 "waits in the select at line 252 forever once nothing arrives"
		deadline := time.After(time.Minute)
		for {
			select {
			case s := <-sessions:
				var deadline <-chan time.Time
				deadline = time.After(time.Second)
				_ = deadline
				handle(s)
			case <-deadline:
				log.Print("no session for a minute")
			}
		}
	}()
}

// Each connection starts its own set of the goroutines above: the package shows them
// started again and again, so each one that never returns piles up.
func perConnection(conns chan chan job, c *cache) {
	for jobs := range conns {
		startWorker(jobs)
		startDeafTicker(context.Background(), func() {})
		startBreakSelect(context.Background(), nil)
		startPoller()
		c.Start()
		startVar(nil)
		startFlusher(nil, func() {})
		startTickerNamed(nil, func(string) {})
		startOnceTimeout(nil, func(string) {})
		startResetTimer(nil, func(string) {})
		startShadowedTimeout(nil, func(string) {})
	}
}
