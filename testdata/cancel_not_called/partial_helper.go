package fixtures

import (
	"context"
	"errors"
	"time"
)

func prepare(ctx context.Context) error {
	if ctx.Err() != nil {
		return errors.New("late")
	}
	return nil
}

// Calls cancel once its work succeeds; an error return leaves it to the deadline. The
// cancel func is handed over, and the rule does not follow it further.
func finishWith(ctx context.Context, cancel context.CancelFunc) error {
	if err := prepare(ctx); err != nil {
		return err
	}
	cancel()
	return nil
}

func runFinished(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	return finishWith(ctx, cancel)
}
