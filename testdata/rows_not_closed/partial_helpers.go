package fixtures

import (
	"context"
	"database/sql"
)

// Reads the rows to the end, but a failed Scan returns with them open.
func scanNames(rows *sql.Rows) ([]string, error) {
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, rows.Err()
}

// Closes the rows on every path.
func scanNamesClosed(rows *sql.Rows) ([]string, error) {
	defer rows.Close()
	return scanNames(rows)
}

func listNames(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM people") // want GL001
	if err != nil {
		return nil, err
	}
	return scanNames(rows)
}

func listNamesDeferred(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM people")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return scanNames(rows)
}

func listNamesClosed(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM people")
	if err != nil {
		return nil, err
	}
	return scanNamesClosed(rows)
}
