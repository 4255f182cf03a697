package fixtures

import (
	"context"

	"example.com/supervisor"
)

// A watcher whose loop runs until the context its caller hands to Watch is cancelled.
// Nothing in the package starts it: the caller sets its life (a service's, often the
// process's), and the senders it leaves behind end with what that caller ends.
type oomItem struct {
	id    string
	event int
}

type oomWatcher struct {
	items chan oomItem
}

func newOOMWatcher() *oomWatcher {
	return &oomWatcher{items: make(chan oomItem)}
}

func (w *oomWatcher) Watch(ctx context.Context) {
	last := map[string]int{}
	for {
		select {
		case <-ctx.Done():
			return
		case i := <-w.items:
			last[i.id] = i.event
		}
	}
}

func (w *oomWatcher) Add(id string, events <-chan int) {
	go func() {
		for ev := range events {
			w.items <- oomItem{id: id, event: ev}
		}
	}()
}

// The same loop, started with the context startPool's caller hands down, which nothing
// in the package shows running again: as a rule a service's, cancelled as it stops. Low.
type pool struct {
	jobs chan int
}

func (p *pool) Work(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case j := <-p.jobs:
			_ = j
		}
	}
}

func startPool(ctx context.Context) *pool {
	p := &pool{jobs: make(chan int)}
	go p.Work(ctx)
	return p
}

func (p *pool) Submit(j int) {
	p.jobs <- j // want GL003:low "^send on `p.jobs` blocks forever if its receiver \(line 56\) stops through `<-ctx.Done\(\)` at line 54; select on a done channel or buffer it$"
}

// A loop that also stops on a channel of its own: the type decides when it ends.
type feed struct {
	values chan int
	quit   chan struct{}
}

func (f *feed) Serve(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-f.quit:
			return
		case v := <-f.values:
			_ = v
		}
	}
}

func (f *feed) Stop() { close(f.quit) }

func (f *feed) Push(v int) {
	f.values <- v // want GL003 "^send on `f.values` blocks forever if its receiver \(line 85\) stops through `<-ctx.Done\(\)` at line 81;"
}

// A handler loop that the package only hands to a supervisor of another package,
// which runs it with the service's context.
type listenerService struct {
	conns chan string
}

func newListenerService() *listenerService {
	s := &listenerService{conns: make(chan string)}
	supervisor.Add(s.handle)
	return s
}

func (s *listenerService) handle(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case c := <-s.conns:
			_ = c
		}
	}
}

func (s *listenerService) accepted(c string) {
	s.conns <- c
}
