package store

import (
	"context"
	"database/sql"

	"example.com/shop/dbutil"
)

type Tables struct {
	db *sql.DB
}

// A statement prepared per call and run through the helper, in the transaction or
// not: nothing closes it.
func (t *Tables) count(ctx context.Context, tx *sql.Tx, query string) (int, error) {
	prepared, err := t.db.Prepare(query) // want GL001 "statement `prepared` from t.db.Prepare is never closed"
	if err != nil {
		return 0, err
	}
	stmt := dbutil.InTx(tx, prepared)
	var n int
	err = stmt.QueryRowContext(ctx).Scan(&n)
	return n, err
}

func (t *Tables) countClosed(ctx context.Context, tx *sql.Tx, query string) (int, error) {
	prepared, err := t.db.Prepare(query)
	if err != nil {
		return 0, err
	}
	defer prepared.Close()
	stmt := dbutil.InTx(tx, prepared)
	var n int
	err = stmt.QueryRowContext(ctx).Scan(&n)
	return n, err
}
