package main

import (
	"context"
	"os"
)

// A watcher has no method that ends it, and main makes one: its context lives as long
// as the process does, which is what the code shows it is for (low).
type watcher struct {
	cancel context.CancelFunc
	events chan string
}

func newWatcher(parent context.Context) *watcher {
	ctx, cancel := context.WithCancel(parent) // want GL009:low "kept in field `watcher.cancel`, never called in the package"
	w := &watcher{cancel: cancel, events: make(chan string)}
	go w.run(ctx)
	return w
}

func (w *watcher) run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case e := <-w.events:
			os.Stdout.WriteString(e)
		}
	}
}

// A poller has a Stop meant to end it, which does not call the cancel function:
// stopping it leaves its goroutine running.
type poller struct {
	cancel context.CancelFunc
	stop   chan struct{}
}

func newPoller(parent context.Context) *poller {
	ctx, cancel := context.WithCancel(parent) // want GL009 "kept in field `poller.cancel`, never called in the package"
	p := &poller{cancel: cancel, stop: make(chan struct{})}
	go func() { <-ctx.Done() }()
	return p
}

func (p *poller) Stop() { close(p.stop) }

func main() {
	ctx := context.Background()
	w := newWatcher(ctx)
	p := newPoller(ctx)
	w.events <- "start"
	p.Stop()
}
