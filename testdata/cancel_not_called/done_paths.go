package fixtures

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// The only path that skips cancel is the one where the shutdown's deadline fired: the
// context package has cancelled the context by then.
func stopMetrics(srv *http.Server) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	if err := srv.Shutdown(ctx); err != nil {
		if err == context.DeadlineExceeded {
			if err := srv.Close(); err != nil {
				return err
			}
		}
	}
	cancel()
	return nil
}

// The same through errors.Is.
func stopMetricsIs(srv *http.Server) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	err := srv.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	cancel()
	return nil
}

// And through the context's own Err.
func waitReady(parent context.Context, ready func(context.Context) bool) bool {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	for !ready(ctx) {
		if ctx.Err() != nil {
			return false
		}
	}
	cancel()
	return true
}

// A deadline error of a call that was not given the context says nothing about it.
func stopOther(srv *http.Server, other func() error) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second) // want GL009 "not when the function returns at line 53"
	_ = srv.Shutdown(ctx)
	if err := other(); errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	cancel()
	return nil
}

// Nor does another error of the call.
func stopCanceled(srv *http.Server) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second) // want GL009 "not when the function returns at line 63"
	if err := srv.Shutdown(ctx); err == context.Canceled {
		return err
	}
	cancel()
	return nil
}

// A hook whose signature gives back a context alone cannot hand a cancel function over;
// whoever calls it owns the parent.
func replayable(register func(func(ctx context.Context) context.Context)) {
	register(func(ctx context.Context) context.Context {
		ctx, _ = context.WithDeadline(ctx, time.Now().Add(20*time.Second))
		return ctx
	})
}

// A hook that derives from another parent than its own: reported.
func replayableOther(parent context.Context, register func(func(ctx context.Context) context.Context)) {
	register(func(ctx context.Context) context.Context {
		child, _ := context.WithTimeout(parent, time.Second) // want GL009 "discarded with `_`"
		return child
	})
}
