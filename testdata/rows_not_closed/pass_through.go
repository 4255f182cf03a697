package fixtures

import (
	"context"
	"database/sql"
)

type ledger struct {
	db    *sql.DB
	stmts []*sql.Stmt
}

// Gives back the statement it is handed, or the transaction's copy of it.
func inTx(tx *sql.Tx, stmt *sql.Stmt) *sql.Stmt {
	if tx != nil {
		stmt = tx.Stmt(stmt)
	}
	return stmt
}

// Gives back the rows it is handed.
func traced(rows *sql.Rows) *sql.Rows {
	return rows
}

// Keeps the statement it is handed.
func (l *ledger) remember(stmt *sql.Stmt) *sql.Stmt {
	l.stmts = append(l.stmts, stmt)
	return stmt
}

// Prepared per call, handed through inTx and used: nothing closes it.
func (l *ledger) balance(ctx context.Context, tx *sql.Tx, query string) (int, error) {
	prepared, err := l.db.Prepare(query) // want GL001 "^statement `prepared` from l.db.Prepare is never closed; defer prepared.Close\(\) after the error check$"
	if err != nil {
		return 0, err
	}
	stmt := inTx(tx, prepared)
	var n int
	err = stmt.QueryRowContext(ctx).Scan(&n)
	return n, err
}

// Rows handed through a helper that gives them back, read but never closed.
func (l *ledger) firstID(ctx context.Context) (int, error) {
	rows, err := l.db.QueryContext(ctx, "SELECT id FROM entries") // want GL001 "^rows `rows` from l.db.QueryContext are never closed; defer rows.Close\(\) after the error check$"
	if err != nil {
		return 0, err
	}
	r := traced(rows)
	var id int
	if r.Next() {
		err = r.Scan(&id)
	}
	return id, err
}

// Closed through what the helper gives back.
func (l *ledger) firstIDClosed(ctx context.Context) (int, error) {
	rows, err := l.db.QueryContext(ctx, "SELECT id FROM entries")
	if err != nil {
		return 0, err
	}
	r := traced(rows)
	defer r.Close()
	var id int
	if r.Next() {
		err = r.Scan(&id)
	}
	return id, err
}

// What the helper gives back is returned: the caller owns it.
func (l *ledger) open(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	prepared, err := l.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	stmt := inTx(tx, prepared)
	return stmt, nil
}

// A helper that keeps the statement: it is not this function's to close.
func (l *ledger) prepareKept(query string) error {
	prepared, err := l.db.Prepare(query)
	if err != nil {
		return err
	}
	stmt := l.remember(prepared)
	_, err = stmt.Exec()
	return err
}
