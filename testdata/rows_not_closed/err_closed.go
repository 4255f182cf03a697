package fixtures

import (
	"context"
	"database/sql"
)

// rows.Err() is set only once Next returned false or the rows were closed (a cancelled
// context): the returns it guards leave nothing open.
func namesChecked(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil || rows.Err() != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		if rows.Err() != nil {
			return nil, rows.Err()
		}
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, nil
}

func firstNameChecked(ctx context.Context, db *sql.DB) (string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users") // want GL001 "not when the function returns at line 41"
	if err != nil {
		return "", err
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	var n string
	if rows.Next() {
		if n = "x"; n != "" {
			return n, nil
		}
	}
	return n, rows.Close()
}
