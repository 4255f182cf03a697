package fixtures

import (
	"context"
	"database/sql"
	"errors"
)

type busyError struct{ code int }

func (e *busyError) Error() string { return "busy" }

// isBusy is true only for an error: errors.As of a nil error is false.
func isBusy(err error) bool {
	var be *busyError
	ok := errors.As(err, &be)
	return ok && be.code == 5
}

// Retried only when the query failed, so no rows are left behind by the continue.
func queryRetried(ctx context.Context, db *sql.DB, q string) (*sql.Rows, error) {
	for i := 0; i < 3; i++ {
		rows, err := db.QueryContext(ctx, q)
		if isBusy(err) {
			continue
		}
		return rows, err
	}
	return nil, ctx.Err()
}

var attempts int

// shouldRetry can be true with a nil error: the rows of a successful query are
// dropped by the continue.
func shouldRetry(err error) bool {
	again := attempts < 3
	return again
}

func queryRetriedAnyway(ctx context.Context, db *sql.DB, q string) (*sql.Rows, error) {
	for i := 0; i < 3; i++ {
		rows, err := db.QueryContext(ctx, q) // want GL001
		if shouldRetry(err) {
			continue
		}
		return rows, err
	}
	return nil, ctx.Err()
}
