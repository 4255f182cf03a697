package fixtures

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func compute() int { return 42 }

// The classic timeout leak: the goroutine's send waits forever once the caller left
// through ctx.Done.
func withContext(ctx context.Context) (int, error) {
	done := make(chan int)
	go func() {
		done <- compute() // want GL003 "send on unbuffered `done` blocks forever if its receiver \(line 23\) returns through `<-ctx.Done\(\)` at line 25"
	}()
	select {
	case r := <-done:
		return r, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// The same with a timer.
func withTimer(d time.Duration) (int, error) {
	result := make(chan int)
	go func() { result <- compute() }() // want GL003 "`<-time.After\(d\)`"
	select {
	case r := <-result:
		return r, nil
	case <-time.After(d):
		return 0, errors.New("timeout")
	}
}

// A buffer of one for the one send: the goroutine can always finish.
func withBuffer(ctx context.Context) (int, error) {
	done := make(chan int, 1)
	go func() { done <- compute() }()
	select {
	case r := <-done:
		return r, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// An owned channel drained with range: every send has its receiver.
func drained(items []int) int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, it := range items {
			out <- it * 2
		}
	}()
	total := 0
	for v := range out {
		total += v
	}
	return total
}

// A plain receive no select can skip.
func waited() int {
	ch := make(chan int)
	go func() { ch <- compute() }()
	return <-ch
}

// Result channels sized for every sender: errc := make(chan error, len(x)).
func fanIn(tasks []func() error) error {
	errc := make(chan error, len(tasks))
	for _, t := range tasks {
		go func(t func() error) { errc <- t() }(t)
	}
	for range tasks {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// A select in a loop whose timer case only ticks: it keeps receiving, silent.
func ticking(ctx context.Context) int {
	res := make(chan int)
	go func() { res <- compute() }()
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case r := <-res:
			return r
		case <-t.C:
		}
	}
}

// Channels passed in: the function cannot tell who receives.
func forward(out chan<- int, in <-chan int) {
	for v := range in {
		out <- v // todo GL003 parameters are not reported: the caller owns the receiver
	}
}

var events = make(chan string)

// A package variable: the receiver may be anywhere in the program.
func emit(s string) {
	events <- s // todo GL003 package variables are not reported: who receives is not visible here
}

func check() error { return nil }

// An early return between the go statement and the receive leaves the sender behind.
func earlyReturn() (int, error) {
	ch := make(chan int)
	go func() { ch <- compute() }() // want GL003 "its receiver \(line 129\) is skipped by the return at line 127"
	if err := check(); err != nil {
		return 0, err
	}
	return <-ch, nil
}

// A return before the goroutine starts, or in the other branch, skips nothing.
func returnBefore(fast bool) int {
	if err := check(); err != nil {
		return 0
	}
	ch := make(chan int)
	if fast {
		go func() { ch <- compute() }()
	} else {
		return 1
	}
	return <-ch
}

// The timeout case interrupts the work, then waits for the goroutine: it always receives.
func interruptThenWait(ctx context.Context, interrupt func()) (int, error) {
	ch := make(chan int)
	go func() { ch <- compute() }()
	select {
	case r := <-ch:
		return r, nil
	case <-ctx.Done():
		interrupt()
		<-ch
		return 0, ctx.Err()
	}
}

func fetch(url string, out chan<- int) {
	_ = url
	out <- compute()
}

func fetchPolite(ctx context.Context, out chan<- int) {
	select {
	case out <- compute():
	case <-ctx.Done():
	}
}

// The timeout leak with a named worker: fetch's send outlives the caller.
func fetchWithTimeout(ctx context.Context, url string) (int, error) {
	results := make(chan int)
	go fetch(url, results) // want GL003 "fetch sends on unbuffered `results` \(as `out`, line 162\) .*its receiver \(line 178\) returns through `<-ctx.Done\(\)` at line 180"
	go fetchPolite(ctx, results)
	select {
	case r := <-results:
		return r, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// A worker handed a buffered channel, or a caller that always receives: silent.
func fetchBuffered(ctx context.Context, url string) int {
	results := make(chan int, 1)
	go fetch(url, results)
	select {
	case r := <-results:
		return r
	case <-ctx.Done():
		return 0
	}
}

func fetchWaiting(url string) int {
	results := make(chan int)
	go fetch(url, results)
	return <-results
}

// The goroutine writes into a pipe that only this function reads: once it returns
// early, the goroutine blocks on the pipe before its send, and a buffer on results
// would not free it.
func compressed(in io.Reader, level int, upload func(io.Reader) error) (int, error) {
	pr, pw := io.Pipe()
	results := make(chan error)
	go func() {
		if level < 0 {
			results <- errors.New("bad level")
			return
		}
		_, err := io.Copy(pw, in)
		pw.Close()
		results <- err
	}()
	if err := upload(pr); err != nil {
		return 0, err
	}
	return 1, <-results
}

// Without the pipe, the early return leaves the goroutine's send with no receiver.
func uploaded(in io.Reader, upload func(io.Reader) error) (int, error) {
	results := make(chan error)
	go func() {
		_, err := io.Copy(io.Discard, in)
		results <- err // want GL003 "send on unbuffered `results` blocks forever if its receiver \(line \d+\) is skipped by the return at line \d+; buffer it or receive before returning"
	}()
	if err := upload(in); err != nil {
		return 0, err
	}
	return 1, <-results
}

// The select gives up on its timer and the function goes on without the value: the
// goroutine's send waits forever.
func probe(d time.Duration) int {
	done := make(chan int)
	go func() {
		done <- compute() // want GL003 "its receiver \(line \d+\) gives up through `<-time.After\(d\)` at line \d+; buffer it"
	}()
	n := 0
	select {
	case n = <-done:
	case <-time.After(d):
		n = -1
	}
	return n + 1
}

// Serving until the process is asked to stop: the goroutine left blocked when the
// signal comes ends with the process.
func serveUntilSignal(serve func() error, stop func() error) error {
	quit := make(chan os.Signal, 1)
	signal.Notify(quit, syscall.SIGTERM)
	served := make(chan error)
	go func() {
		served <- serve()
	}()
	select {
	case err := <-served:
		return err
	case <-quit:
		return stop()
	}
}

// Stopped by its caller instead: the server goroutine's send then waits forever.
func serveUntilStopped(serve func() error, stopped <-chan struct{}) error {
	served := make(chan error)
	go func() {
		served <- serve() // want GL003 "send on unbuffered `served` blocks forever if its receiver \(line \d+\) returns through `<-stopped` at line \d+; buffer it"
	}()
	select {
	case err := <-served:
		return err
	case <-stopped:
		return nil
	}
}

// The worker is the function literal named fetch, whose send gives up with the caller,
// not the function fetch, whose send does not.
func fetchWithLocalWorker(ctx context.Context, url string) (int, error) {
	fetch := func(url string, out chan<- int) {
		select {
		case out <- len(url):
		case <-ctx.Done():
		}
	}
	results := make(chan int)
	go fetch(url, results)
	select {
	case r := <-results:
		return r, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
