package pgxpool

import "context"

func poolRowsUnused(ctx context.Context) error {
	rows, err := pool.Query(ctx, "SELECT id FROM jobs") // want GL001 "^rows `rows` from pool.Query are never closed \(`_ = rows` only silences the compiler\); defer rows.Close\(\) after the error check$"
	if err != nil {
		return err
	}
	_ = rows
	return nil
}

func connRowsUnused(ctx context.Context) error {
	rows, err := conn.Query(ctx, "SELECT id FROM jobs") // want GL001 "rows `rows` from conn.Query are never closed"
	if err != nil {
		return err
	}
	_ = rows
	return nil
}

func txRowsUnused(ctx context.Context) error {
	rows, err := tx.Query(ctx, "SELECT id FROM jobs") // want GL001 "rows `rows` from tx.Query are never closed"
	if err != nil {
		return err
	}
	_ = rows
	return nil
}

func txRowsClosed(ctx context.Context) (int, error) {
	rows, err := tx.Query(ctx, "SELECT id FROM jobs")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

// Returned: the caller closes them.
func poolRows(ctx context.Context) (interface{ Close() }, error) {
	rows, err := pool.Query(ctx, "SELECT id FROM jobs")
	if err != nil {
		return nil, err
	}
	return rows, nil
}
