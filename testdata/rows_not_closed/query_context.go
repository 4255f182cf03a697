package fixtures

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
)

// database/sql closes rows once the context of their query is done: the deferred cancel
// of the context the function made for the query closes them at every return after it.
func timedQuery(parent context.Context, db *sql.DB, limit int) ([]string, error) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		if len(names) >= limit {
			return nil, errors.New("too many rows")
		}
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, rows.Err()
}

// Called on every path out, not deferred: the same.
func cancelledQuery(parent context.Context, db *sql.DB) (bool, error) {
	ctx, cancel := context.WithCancel(parent)
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		cancel()
		return false, err
	}
	if rows.Next() {
		cancel()
		return true, nil
	}
	cancel()
	return false, rows.Err()
}

// The cancel ends another context than the query's: the query's rows stay open.
func otherContext(parent context.Context, db *sql.DB) ([]string, error) {
	timed, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	_ = timed
	rows, err := db.QueryContext(parent, "SELECT name FROM users") // want GL001 "not when the loop returns at line 64"
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, nil
}

// The caller's context: nothing here ends it.
func callersContext(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users") // want GL001 "not when the loop returns at line 81"
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, nil
}

// pgx's rows do not watch their context: a cancel leaves them open.
func pgxTimedQuery(parent context.Context, conn *pgx.Conn) ([]string, error) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	rows, err := conn.Query(ctx, "SELECT name FROM users") // want GL001 "not when the loop returns at line 101"
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var name string
		_ = rows.Scan(&name)
		if name == "" {
			return nil, errors.New("empty name")
		}
		names = append(names, name)
	}
	return names, nil
}

// Rows of each iteration stay open until the function returns and cancels them all.
func timedQueries(parent context.Context, db *sql.DB, tables []string) (int, error) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	total := 0
	for _, table := range tables {
		rows, err := db.QueryContext(ctx, "SELECT count(*) FROM "+table) // want GL001
		if err != nil {
			return 0, err
		}
		if rows.Next() {
			var n int
			if err := rows.Scan(&n); err != nil {
				return 0, err
			}
			total += n
		}
	}
	return total, nil
}
