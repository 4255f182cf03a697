package fixtures

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"
)

func fetch(ctx context.Context) (int, error) { return 0, ctx.Err() }

func deferred(parent context.Context) (int, error) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	return fetch(ctx)
}

func discarded(parent context.Context) (int, error) {
	ctx, _ := context.WithTimeout(parent, time.Second) // want GL009 "cancel function of context.WithTimeout is discarded"
	return fetch(ctx)
}

// The case: cancel only on success.
func onlyOnSuccess(parent context.Context) (int, error) {
	ctx, cancel := context.WithCancel(parent) // want GL009 "`cancel` from context.WithCancel is called on the happy path but not when the function returns at line 29"
	v, err := fetch(ctx)
	if err != nil {
		return 0, err
	}
	cancel()
	return v, nil
}

func neverCalled(parent context.Context) error {
	ctx, cancel := context.WithDeadline(parent, time.Now().Add(time.Minute)) // want GL009 "never called"
	_, err := fetch(ctx)
	return err
}

func inDeferredClosure(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	defer func() {
		log.Print("done")
		cancel()
	}()
	_, err := fetch(ctx)
	return err
}

// Returned: the caller cancels.
func returned(parent context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	return ctx, cancel
}

type worker struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func (w *worker) start(parent context.Context) {
	w.ctx, w.cancel = context.WithCancel(parent)
}

func storedInField(parent context.Context) *worker {
	ctx, cancel := context.WithCancel(parent)
	return &worker{ctx: ctx, cancel: cancel}
}

func capturedByGoroutine(parent context.Context, done <-chan struct{}) context.Context {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		<-done
		cancel()
	}()
	return ctx
}

func passedOn(parent context.Context) context.Context {
	ctx, cancel := context.WithTimeout(parent, time.Minute)
	time.AfterFunc(time.Second, cancel)
	return ctx
}

// A deadline set only when configured; one deferred call covers both.
func conditional(parent context.Context, d time.Duration) error {
	ctx := parent
	var cancel context.CancelFunc
	if d > 0 {
		ctx, cancel = context.WithTimeout(parent, d)
	} else {
		ctx, cancel = context.WithCancel(parent)
	}
	defer cancel()
	_, err := fetch(ctx)
	return err
}

// Checked for nil before the deferred call.
func nilChecked(parent context.Context, d time.Duration) error {
	ctx := parent
	var cancel context.CancelFunc
	if d > 0 {
		ctx, cancel = context.WithTimeout(parent, d)
	}
	if cancel != nil {
		defer cancel()
	}
	_, err := fetch(ctx)
	return err
}

// Cancel on one branch of a select only.
func selectBranch(parent context.Context, results <-chan int) (int, error) {
	ctx, cancel := context.WithCancel(parent) // want GL009 "not when the function returns at line"
	select {
	case v := <-results:
		cancel()
		return v, nil
	case <-time.After(time.Second):
		return 0, errors.New("timed out")
	}
}

// Each iteration's context is cancelled at the end of the iteration.
func perIteration(parent context.Context, n int) {
	for i := 0; i < n; i++ {
		ctx, cancel := context.WithTimeout(parent, time.Second)
		if _, err := fetch(ctx); err != nil {
			cancel()
			continue
		}
		cancel()
	}
}

func perIterationLeak(parent context.Context, n int) {
	for i := 0; i < n; i++ {
		ctx, cancel := context.WithTimeout(parent, time.Second) // want GL009 "not when the loop continues at line"
		if _, err := fetch(ctx); err != nil {
			continue
		}
		cancel()
	}
}

// A shadowed cancel: the inner one is deferred, the outer one never called.
func shadowed(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent) // want GL009 "never called"
	{
		ctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		_, _ = fetch(ctx)
	}
	_, err := fetch(ctx)
	return err
}

// t.Fatal-style exits end the path.
func fatal(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	if _, err := fetch(ctx); err != nil {
		log.Fatal(err)
	}
	cancel()
}

// Returning once the parent is done: the derived context is cancelled with it.
func untilParentDone(parent context.Context, events <-chan int) {
	ctx, cancel := context.WithCancel(parent)
	for {
		select {
		case <-parent.Done():
			return
		case e := <-events:
			if e < 0 {
				cancel()
				ctx, cancel = context.WithCancel(parent)
			}
			_, _ = fetch(ctx)
		}
	}
}

// `_ = cancel` silences go vet, but the context still leaks: a deliberate leak needs
// a suppression with its reason.
func deliberate(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent) // want GL009 "is never called"
	_ = cancel
	_, err := fetch(ctx)
	return err
}

// Called from a goroutine started here.
func goCancel(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	_, _ = fetch(ctx)
	go cancel()
}

// Kept in a table the loop below calls it from.
func inTable(parent context.Context) {
	var cancel1 func()
	ctx1, cancel1 := context.WithCancel(parent)
	for _, s := range []struct{ cancel func() }{{cancel: cancel1}} {
		s.cancel()
	}
	_, _ = fetch(ctx1)
}

func cancelLater(cancel context.CancelFunc, d time.Duration) {
	time.Sleep(d)
	cancel()
}

func logCancel(cancel context.CancelFunc) {
	fmt.Printf("cancel func %p\n", cancel)
}

func cancelledByHelper(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	go cancelLater(cancel, time.Second)
	_, _ = fetch(ctx)
}

func onlyLoggedByHelper(parent context.Context) {
	ctx, cancel := context.WithCancel(parent) // want GL009 "`cancel` from context.WithCancel is never called"
	logCancel(cancel)
	_, _ = fetch(ctx)
}

// A per-request helper: the context it returns ends with the caller's (a request's
// context, cancelled when it is served), and nothing here calls it more than once per
// parent. Silent, as is one that never calls the cancel function it keeps.
func annotate(parent context.Context, timeout time.Duration) context.Context {
	ctx, _ := context.WithTimeout(parent, timeout)
	return ctx
}

func dialed(parent context.Context) (context.Context, error) {
	ctx, cancel := context.WithCancel(parent)
	_ = cancel
	return ctx, nil
}

// A child of a root context, returned: nothing but the deadline ends it. Reported.
func detached(timeout time.Duration) context.Context {
	ctx, _ := context.WithTimeout(context.Background(), timeout) // want GL009 "discarded with `_`, so it can live until the deadline; return it with the context for the caller to call$"
	return ctx
}
