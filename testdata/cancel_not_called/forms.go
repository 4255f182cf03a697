package fixtures

import (
	"context"
	"errors"
	"time"
)

var background = context.Background()

// The var form is followed like := and =.
func varForm(ctx context.Context) {
	var _, cancel = context.WithCancel(ctx) // want GL009 "`cancel` from context.WithCancel is never called, so only its parent can end it; defer cancel\(\)"
	if false {
		_ = cancel
	}
}

func varFormCalled(ctx context.Context) {
	var _, cancel = context.WithCancel(ctx)
	defer cancel()
}

// A timeout ends at its deadline: the message says so.
func timeoutLeak(ctx context.Context) {
	_, cancel := context.WithTimeout(ctx, time.Second) // want GL009 "never called, so it can live until the deadline"
	_ = cancel
}

func discardedDeadline(ctx context.Context) context.Context {
	child, _ := context.WithDeadline(ctx, time.Now().Add(time.Minute)) // want GL009 "discarded with `_`, so it can live until the deadline"
	return child
}

// A child of Background() only returned: nothing registered it (a root parent keeps
// no list of children), so losing its cancel function holds nothing.
func rootParent() context.Context {
	child, _ := context.WithCancel(context.Background())
	return child
}

// The same child handed to a goroutine: nothing ever cancels it, and whatever that
// goroutine waits for on its Done() never comes.
func rootToGoroutine() context.Context {
	child, _ := context.WithCancel(context.Background()) // want GL009 "discarded with `_`, so nothing ever cancels it \(the goroutine of line 46 has it\)"
	go watch(child)
	return child
}

func watch(ctx context.Context) { <-ctx.Done() }

// Deadlines already past: the context package cancels them at once.
func expired() {
	_, zero := context.WithTimeout(background, 0)
	_ = zero
	_, past := context.WithDeadline(background, time.Time{})
	_ = past
	expiredTimeout, _ := context.WithTimeout(context.Background(), -time.Second)
	<-expiredTimeout.Done()
	now, _ := context.WithDeadline(background, time.Now())
	<-now.Done()
	earlier, _ := context.WithDeadline(background, time.Now().Add(-5*time.Minute))
	<-earlier.Done()
	epoch, _ := context.WithDeadline(background, time.Unix(0, 0))
	<-epoch.Done()
}

// A Unix time the code computes may lie ahead: reported.
func unixDeadline(sec int64) {
	at, _ := context.WithDeadline(background, time.Unix(sec, 0)) // want GL009 "discarded with `_`, so it can live until the deadline"
	<-at.Done()
}

// A deadline in the future, or a negative variable that may not be: reported.
func notExpired(d time.Duration) {
	later, _ := context.WithDeadline(background, time.Now().Add(time.Minute)) // want GL009 "discarded with `_`, so it can live until the deadline"
	<-later.Done()
	back, _ := context.WithTimeout(background, -d) // want GL009 "discarded with `_`"
	<-back.Done()
}

// `var cancel func()` assigned later is followed like `:=`.
func declaredFirst(ctx context.Context) {
	var cancel func()
	_, cancel = context.WithTimeout(ctx, time.Second) // want GL009 "`cancel` from context.WithTimeout is never called"
	if false {
		_ = cancel
	}
}

// A Background context replaced before anything used it: a root parent registers
// nothing, so losing it frees it.
func replacedRoot(d time.Duration) {
	ctx, cancel := context.WithCancel(context.Background())
	if d > 0 {
		ctx, cancel = context.WithTimeout(context.Background(), d)
	}
	defer cancel()
	_ = ctx
}

// The same with a cancellable parent leaks the first one.
func replacedChild(parent context.Context, d time.Duration) {
	ctx, cancel := context.WithCancel(parent) // want GL009 "not when it is reassigned at line 106, so only its parent can end it"
	if d > 0 {
		ctx, cancel = context.WithTimeout(parent, d)
	}
	defer cancel()
	_ = ctx
}

// Converted, then deferred.
func converted(ctx context.Context) {
	_, cancel := context.WithCancel(ctx)
	fn := (func())(cancel)
	defer fn()
}

type session struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func (s *session) close() { s.cancel() }

// Kept by the session on success: the advice is to cancel on the error path, not a
// defer (which would cancel the session's context too).
func openSession(parent context.Context, fail bool) (*session, error) {
	ctx, cancel := context.WithCancel(parent) // want GL009 "not called when the function returns at line 131, so only its parent can end it; call cancel\(\) on those paths"
	if fail {
		return nil, errors.New("refused")
	}
	return &session{ctx: ctx, cancel: cancel}, nil
}

// A value-only wrapper of a root context is not cancellable either: lost on the early
// return, before anything could wait on it, the child holds nothing.
func valueOfRoot(fail bool) context.Context {
	ctx, cancel := context.WithCancel(context.WithValue(context.TODO(), "k", "v"))
	if fail {
		return ctx
	}
	go func() { cancel() }()
	return ctx
}

// Lost after it reached a goroutine (or a field): that goroutine waits forever.
func startedRoot(fail bool, s *session) error {
	ctx, cancel := context.WithCancel(context.Background()) // want GL009 "not called when the function returns at line 152, so nothing ever cancels it \(the goroutine of line 150 has it\)"
	go watch(ctx)
	if fail {
		return errors.New("refused")
	}
	s.cancel = cancel
	return nil
}

func storedRoot(fail bool, s *session) error {
	ctx, cancel := context.WithCancel(context.Background()) // want GL009 "not called when the function returns at line 162, so nothing ever cancels it \(it is stored at line 160\)"
	s.ctx = ctx
	if fail {
		return errors.New("refused")
	}
	s.cancel = cancel
	return nil
}

// One child per item under the same parent: they pile up until their deadlines.
func perItem(ctx context.Context, items []string) {
	for range items {
		_ = discardedDeadline(ctx)
	}
}
