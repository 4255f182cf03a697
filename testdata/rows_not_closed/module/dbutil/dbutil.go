// Package dbutil holds the shop's helpers for database/sql.
package dbutil

import (
	"context"
	"database/sql"
)

// DB is a *sql.DB or a *sql.Conn, as the caller chooses.
type DB interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// ScanFirst reads the first value of the rows into dest; the caller closes them.
func ScanFirst[T any](rows *sql.Rows, dest *T) error {
	if rows.Next() {
		if err := rows.Scan(dest); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ScanFirstAndClose reads the first value of the rows into dest and closes them.
func ScanFirstAndClose[T any](rows *sql.Rows, dest *T) error {
	defer rows.Close()
	return ScanFirst(rows, dest)
}

var kept []*sql.Rows

// Keep holds on to the rows for later.
func Keep(rows *sql.Rows) {
	kept = append(kept, rows)
}

// InTx runs the statement in the transaction, when there is one: the transaction's
// copy is closed with it, and the statement stays the caller's.
func InTx(tx *sql.Tx, stmt *sql.Stmt) *sql.Stmt {
	if tx != nil {
		stmt = tx.Stmt(stmt)
	}
	return stmt
}
