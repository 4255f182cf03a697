package fixtures

import (
	"context"
	"errors"
)

type watcher struct {
	onEvent func()
	run     func(ctx context.Context) error
}

// The hook made first calls whichever cancel function the variable holds when it
// runs, and each run may call it: the code does not show a context left uncalled.
func runWatchers(parent context.Context, w *watcher, rounds int) error {
	var cancel context.CancelCauseFunc
	w.onEvent = func() {
		cancel(errors.New("seen"))
	}
	var runCtx context.Context
	for i := 0; i < rounds; i++ {
		runCtx, cancel = context.WithCancelCause(parent)
		if err := w.run(runCtx); err != nil {
			return err
		}
	}
	return nil
}

// A deferred closure runs only at the end: it cancels the last context alone, and
// each reassignment before loses the one it replaces.
func runRounds(parent context.Context, w *watcher, rounds int) error {
	var cancel context.CancelFunc
	defer func() {
		if cancel != nil {
			cancel()
		}
	}()
	var runCtx context.Context
	for i := 0; i < rounds; i++ {
		runCtx, cancel = context.WithCancel(parent) // want GL009 "acquired again"
		if err := w.run(runCtx); err != nil {
			return err
		}
	}
	return nil
}
