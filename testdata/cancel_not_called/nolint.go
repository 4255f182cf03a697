package fixtures

// A //nolint naming a peer linter that reports the same problem (go vet's lostcancel,
// gosec G118) is the author's decision about this finding too; another linter's
// decides nothing.

import (
	"context"
	"time"
)

func useNolint(ctx context.Context) error { return ctx.Err() }

func reviewedCancel(parent context.Context) error {
	ctx, _ := context.WithTimeout(parent, time.Second) //nolint:govet // lostcancel reviewed
	return useNolint(ctx)
}

func reviewedCancelGosec(parent context.Context) error {
	ctx, _ := context.WithTimeout(parent, time.Second) //nolint:gosec // G118 reviewed
	return useNolint(ctx)
}

func otherLinterCancel(parent context.Context) error {
	ctx, _ := context.WithTimeout(parent, time.Second) //nolint:errcheck // want GL009 "cancel"
	return useNolint(ctx)
}
