package fixtures

import (
	"context"
	"database/sql"
	"errors"
)

// The package's own rows, which wrap a driver's: Close frees the connection.
type Rows interface {
	Next() bool
	Scan(dest ...interface{}) error
	Close() error
	Err() error
}

// An in-memory result: nothing to close.
type Result interface {
	Next() bool
	Scan(dest ...interface{}) error
}

type Statement interface {
	QueryRows(ctx context.Context, args ...interface{}) (Rows, error)
	QueryResult(ctx context.Context, args ...interface{}) (Result, error)
}

type wrapper struct{ db *sql.DB }

func (w *wrapper) SelectRows(ctx context.Context, q string) (*sql.Rows, error) {
	return w.db.QueryContext(ctx, q)
}

var errEmpty = errors.New("empty")

func scanIDs(ctx context.Context, stmt Statement, ids *[]int64) error {
	rows, err := stmt.QueryRows(ctx) // want GL001 "rows `rows` from stmt.QueryRows are closed only when rows.Next\(\) returns false, not when the loop returns"
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		*ids = append(*ids, id)
	}
	return nil
}

func scanIDsClosed(ctx context.Context, stmt Statement, ids *[]int64) error {
	rows, err := stmt.QueryRows(ctx)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		*ids = append(*ids, id)
	}
	return rows.Err()
}

func firstUserName(ctx context.Context, w *wrapper) (string, error) {
	rows, err := w.SelectRows(ctx, "SELECT name FROM users") // want GL001 "rows `rows` from w.SelectRows are closed only when rows.Next\(\) returns false, not when the function returns at line 77"
	if err != nil {
		return "", err
	}
	if !rows.Next() {
		return "", errEmpty
	}
	var name string
	err = rows.Scan(&name)
	return name, err
}

func countResult(ctx context.Context, stmt Statement) (int, error) {
	res, err := stmt.QueryResult(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for res.Next() {
		n++
		if n > 10 {
			return n, nil
		}
	}
	return n, nil
}
