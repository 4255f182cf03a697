package fixtures

import (
	"context"
	"database/sql"

	"example.com/model"
)

// collect reads every row through a caller's scan function. The callback only
// borrows the rows: the loop calls Next on them right after it. A scan error
// returns out of the loop with the rows open.
func collect[T any](ctx context.Context, db *sql.DB, query string, scan func(*sql.Rows) (T, error)) ([]T, error) {
	rows, err := db.QueryContext(ctx, query) // want GL001 "^rows `rows` from db.QueryContext are closed only when rows.Next\(\) returns false, not when the loop returns at line 22; defer rows.Close\(\) after the error check$"
	if err != nil {
		return nil, err
	}
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func collectClosed[T any](ctx context.Context, db *sql.DB, query string, scan func(*sql.Rows) (T, error)) ([]T, error) {
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// A scan helper of another package, called per row, borrows the rows the same way.
func users(db *sql.DB) ([]model.User, error) {
	rows, err := db.Query("SELECT id, name FROM users") // want GL001 "not when the loop returns at line 56"
	if err != nil {
		return nil, err
	}
	var out []model.User
	for rows.Next() {
		u, err := model.ScanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Handed to a helper of another package outside a loop: it may close them.
func usersElsewhere(db *sql.DB) ([]model.User, error) {
	rows, err := db.Query("SELECT id, name FROM users")
	if err != nil {
		return nil, err
	}
	return model.ScanUsers(rows)
}

// Generic helpers called with explicit type arguments, `f[T](rows)`.
func closeAll[T any](rows *sql.Rows) error {
	return rows.Close()
}

func columnsOf[T any](rows *sql.Rows) ([]string, error) {
	return rows.Columns()
}

func closedByGeneric(db *sql.DB) error {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	return closeAll[int](rows)
}

func readByGeneric(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT 1") // want GL001 "^rows `rows` from db.Query are never closed; defer rows.Close\(\) after the error check$"
	if err != nil {
		return nil, err
	}
	return columnsOf[int](rows)
}
