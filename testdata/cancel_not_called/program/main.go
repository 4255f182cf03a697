package main

import (
	"context"
	"net/http"
	"os"
	"time"
)

// Returning from main ends the program, and every context with it.
func main() {
	done := make(chan bool)
	defer close(done)
	go record(done)
	for range os.Args {
		sample(done)
	}
	ctx, cancel := context.WithCancel(context.Background())
	if len(os.Args) > 1 {
		cancel()
		return
	}
	<-ctx.Done()
}

// Another function of package main is checked as usual.
func helper(parent context.Context, maybe bool) {
	_, cancel := context.WithCancel(parent) // want GL009 "not when the function ends"
	if maybe {
		cancel()
	}
}

// GL010: started once by main, so one ticker outlives it at most, until the program
// ends.
func record(done chan bool) {
	tick := time.NewTicker(time.Second)
	for {
		select {
		case <-done:
			return
		case <-tick.C:
		}
	}
}

// Called in a loop: a ticker per call keeps firing.
func sample(done chan bool) {
	tick := time.NewTicker(time.Second) // want GL010 "ticker `tick` from time.NewTicker is never stopped, so it keeps firing; defer tick.Stop\(\)"
	for {
		select {
		case <-done:
			return
		case <-tick.C:
		}
	}
}

// GL010: a command's watch loop, which the file never calls in a loop: the program
// makes its ticker once, and exits when the loop returns.
type watcher struct{ interrupted chan bool }

func (w *watcher) watch() {
	ticker := time.NewTicker(time.Second)
	for {
		select {
		case <-ticker.C:
		case <-w.interrupted:
			return
		}
	}
}

var actions = map[string]func(*watcher){"watch": (*watcher).watch}

// GL010: a profiler that returns only on an error, after which the program panics:
// one ticker per run, in the loop's header.
func profile(save func() error) error {
	for range time.NewTicker(20 * time.Second).C {
		if err := save(); err != nil {
			return err
		}
	}
	return nil
}

// GL010: started from a request handler, so once per request: each call's ticker keeps
// firing after the stream ends.
func stream(done chan bool) {
	tick := time.NewTicker(time.Second) // want GL010 "ticker `tick` from time.NewTicker is never stopped, so it keeps firing; defer tick.Stop\(\)"
	for {
		select {
		case <-done:
			return
		case <-tick.C:
		}
	}
}

func serveStream(w http.ResponseWriter, r *http.Request) {
	done := make(chan bool)
	go stream(done)
	<-r.Context().Done()
	close(done)
}

// GL010: the handler's `heartbeat` is a local variable, not this function, which the
// file never calls: once per run at most.
func heartbeat(done chan bool) {
	tick := time.NewTicker(time.Second)
	for {
		select {
		case <-done:
			return
		case <-tick.C:
		}
	}
}

func serveStatus(w http.ResponseWriter, r *http.Request) {
	heartbeat := r.URL.Query().Get("heartbeat")
	_, _ = w.Write([]byte(heartbeat))
}
