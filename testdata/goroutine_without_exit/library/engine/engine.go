// Package engine is a library's: its users may call Run any number of times.
package engine

import "context"

type Engine struct{ cancelled chan struct{} }

// Run is RunContext with a context that is never done.
func (e *Engine) Run() error {
	return e.RunContext(context.Background())
}

func (e *Engine) RunContext(ctx context.Context) error {
	go func() { // want GL011 "Engine.Run \(line \d+\) passes context.Background\(\), (which is )?never done"
		select {
		case <-ctx.Done():
			close(e.cancelled)
		}
	}()
	return nil
}

// Guarded starts its watcher only for a context that can end.
func (e *Engine) Guarded(ctx context.Context) {
	if ctx.Done() != nil {
		go func() {
			<-ctx.Done()
			close(e.cancelled)
		}()
	}
}

// Stoppable's watcher also leaves when the call is over.
func (e *Engine) Stoppable(ctx context.Context) {
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		select {
		case <-ctx.Done():
			close(e.cancelled)
		case <-stop:
		}
	}()
}

// Watch is called here only with a context that its caller cancels.
func (e *Engine) Watch(ctx context.Context) {
	go func() {
		<-ctx.Done()
		close(e.cancelled)
	}()
}

// Later reads the context only after other work.
func (e *Engine) Later(ctx context.Context, work func()) {
	go func() {
		work()
		<-ctx.Done()
	}()
}

func (e *Engine) Start(work func()) {
	e.Guarded(context.Background())
	e.Stoppable(context.TODO())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	e.Watch(ctx)
	e.Later(context.Background(), work)
}

// Watch of another type is not the engine's.
type other struct{}

func (other) Watch(ctx context.Context) {}

func use() { other{}.Watch(context.Background()) }

var _ = use
