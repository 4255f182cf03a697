// `err = nil` after sql.ErrNoRows keeps `err != nil` meaning the query failed (no rows to
// close); an error assigned after a successful query leaves the rows open.
package fixtures

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

func rotations(ctx context.Context, tx *sql.Tx, stmt *sql.Stmt, id string) ([]string, error) {
	rows, err := tx.StmtContext(ctx, stmt).QueryContext(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	if err != nil {
		return nil, fmt.Errorf("lookup: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		ids = append(ids, s)
	}
	return ids, rows.Err()
}

func retried(ctx context.Context, db *sql.DB, q string) error {
	rows, err := db.QueryContext(ctx, q) // want GL001 "not when the function returns at line 38"
	if err == nil {
		err = check(ctx)
	}
	if err != nil {
		return err
	}
	return rows.Close()
}

func check(ctx context.Context) error { return ctx.Err() }
