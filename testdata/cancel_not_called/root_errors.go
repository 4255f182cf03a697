package fixtures

import (
	"context"
	"errors"
	"net/http"
)

type index struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func probe(ctx context.Context) (bool, error) { return ctx.Err() == nil, nil }

// A child of Background() kept by the value it returns on success, lost on the error
// returns after the checks it was handed to: the contract go vet's lostcancel checks, a note.
func openIndex() (*index, error) {
	ctx, cancel := context.WithCancel(context.TODO()) // want GL009 "not called when the function returns at line 22 and 1 other exit, so nothing ever cancels the context; call cancel\(\) on those error paths"
	ok, err := probe(ctx)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errors.New("index missing")
	}
	return &index{ctx: ctx, cancel: cancel}, nil
}

// Called on the way that succeeds, lost where a listener that reads it fails to start.
func watchOnce(start func(func()) error, done chan struct{}) error {
	ctx, cancel := context.WithCancel(context.Background()) // want GL009 "called on the happy path but not when the function returns at line 37, so nothing ever cancels the context"
	listener := func() {
		<-ctx.Done()
	}
	if err := start(listener); err != nil {
		return err
	}
	<-done
	cancel()
	return nil
}

// A closure that calls cancel, registered with a server only after the error returns:
// those returns gave up before the registration.
func serveUntilCalled(parent context.Context, mux *http.ServeMux, check func(context.Context) error) error {
	ctx, cancel := context.WithCancel(parent) // want GL009 "not called when the function returns at line 49, so only its parent can end it"
	if err := check(ctx); err != nil {
		return err
	}
	mux.HandleFunc("/done", func(w http.ResponseWriter, r *http.Request) {
		cancel()
	})
	<-ctx.Done()
	return nil
}

// Lost on an error return before anything used the context: nothing could have it.
func openUnused(fail bool) (*index, error) {
	ctx, cancel := context.WithCancel(context.Background())
	if fail {
		return nil, errors.New("refused")
	}
	return &index{ctx: ctx, cancel: cancel}, nil
}

// Lost where the function reports failure without an error: not the error paths.
func openQuiet() *index {
	ctx, cancel := context.WithCancel(context.Background())
	if ok, _ := probe(ctx); !ok {
		return nil
	}
	return &index{ctx: ctx, cancel: cancel}
}

// Lost on a return of a nil error: not an error path either.
func openLenient() (*index, error) {
	ctx, cancel := context.WithCancel(context.Background())
	if ok, _ := probe(ctx); !ok {
		return nil, nil
	}
	return &index{ctx: ctx, cancel: cancel}, nil
}

// Never called nor kept anywhere: a root child that nothing waits on is garbage.
func probeOnce() error {
	ctx, cancel := context.WithCancel(context.Background())
	_ = cancel
	_, err := probe(ctx)
	return err
}

// A registration that comes before the return it does not cover (an interface the
// value may lack) is a deliberate choice, as before.
func registered(parent context.Context, mux *http.ServeMux, check func(context.Context) error) error {
	ctx, cancel := context.WithCancel(parent)
	mux.HandleFunc("/done", func(w http.ResponseWriter, r *http.Request) {
		cancel()
	})
	if err := check(ctx); err != nil {
		return err
	}
	<-ctx.Done()
	return nil
}
