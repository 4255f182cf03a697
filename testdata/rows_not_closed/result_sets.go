package fixtures

import (
	"context"
	"database/sql"
	"fmt"
)

// Leaving `for more { ... more = rows.NextResultSet() }` means NextResultSet returned
// false, which closes the rows.
func printResultSets(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "exec report")
	if err != nil {
		return err
	}
	more := true
	for more {
		for rows.Next() {
			var v int
			if err := rows.Scan(&v); err != nil {
				fmt.Println(err)
			}
			fmt.Println(v)
		}
		more = rows.NextResultSet()
	}
	return rows.Err()
}

func firstResultSetOnly(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "exec report")
	if err != nil {
		return err
	}
	for rows.Next() {
	}
	if !rows.NextResultSet() {
		return rows.Err()
	}
	return rows.Close()
}

// Something else sets the flag too: leaving the loop says nothing of the rows.
func resultSetsUntilLimit(ctx context.Context, db *sql.DB, limit int) error {
	rows, err := db.QueryContext(ctx, "exec report") // want GL001
	if err != nil {
		return err
	}
	more := true
	for n := 0; more; n++ {
		for rows.Next() {
		}
		more = rows.NextResultSet()
		if n > limit {
			more = false
		}
	}
	return nil
}

// Leaving the loop through a return keeps the rows open.
func resultSetsOrFail(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "exec report") // want GL001
	if err != nil {
		return err
	}
	more := true
	for more {
		if ctx.Err() != nil {
			return fmt.Errorf("cancelled: %w", ctx.Err())
		}
		for rows.Next() {
		}
		more = rows.NextResultSet()
	}
	return nil
}
