package fixtures

import (
	"context"
	"database/sql"
)

// Two spellings of one query: the second runs only when the first failed, and err
// and rows are bound together each time, so `err != nil` after the loop means the
// last query failed and left rows nil.
func statusRows(ctx context.Context, db *sql.DB, queries []string) ([]string, error) {
	var (
		rows *sql.Rows
		err  error
	)
	for _, q := range queries {
		rows, err = db.QueryContext(ctx, q)
		if err == nil {
			break
		}
		rows, err = db.QueryContext(ctx, q+" NOLOCK")
		if err == nil {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// Another call sets err between the query and the check: err != nil there says
// nothing of the rows.
func statusRowsChecked(ctx context.Context, db *sql.DB, q string) (int, error) {
	rows, err := db.QueryContext(ctx, q) // want GL001 "not when the function returns at line 49"
	if err == nil {
		_, err = db.ExecContext(ctx, "SELECT 1")
	}
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	return 1, nil
}
