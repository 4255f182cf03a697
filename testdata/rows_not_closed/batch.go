package fixtures

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
)

// Each Query() takes the next result of the batch; the deferred Close of the batch
// closes every result it gave out, also on the error returns inside the loop.
func batchNames(ctx context.Context, conn *pgx.Conn, b *pgx.Batch, n int) ([]string, error) {
	results := conn.SendBatch(ctx, b)
	defer results.Close()
	var names []string
	for i := 0; i < n; i++ {
		rows, err := results.Query()
		if err != nil {
			return nil, err
		}
		if !rows.Next() {
			return nil, errors.New("no row")
		}
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
		rows.Close()
	}
	return names, nil
}

// No deferred Close of the batch: the early return leaves the result open.
func batchFirst(ctx context.Context, conn *pgx.Conn, b *pgx.Batch) (string, error) {
	results := conn.SendBatch(ctx, b)
	rows, err := results.Query() // want GL001 "rows `rows` from results.Query are .* not when the function returns at line 48"
	if err != nil {
		results.Close()
		return "", err
	}
	var name string
	if rows.Next() {
		_ = rows.Scan(&name)
	}
	if name == "" {
		results.Close()
		return "", errors.New("no name")
	}
	rows.Close()
	return name, results.Close()
}
