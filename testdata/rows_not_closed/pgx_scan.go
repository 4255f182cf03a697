package fixtures

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5"
)

// pgx closes its rows when Scan fails: the returns after a failed Scan leak nothing.
// What is left is the panic-path warning, of low confidence: nothing shows a cause for a panic.
func pgxScanFails(ctx context.Context, conn *pgx.Conn) ([]string, error) {
	rows, err := conn.Query(ctx, "SELECT name FROM users") // want GL001:low "rows `rows` from conn.Query are closed only when rows.Next\(\) returns false, not if the loop at line 19 panics"
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
	return names, rows.Err()
}

func pgxScanAssigned(ctx context.Context, tx pgx.Tx) (int, error) {
	rows, err := tx.Query(ctx, "SELECT n FROM counts") // want GL001:low "not if the loop at line 35 panics"
	if err != nil {
		return 0, err
	}
	total := 0
	for rows.Next() {
		var n int
		err = rows.Scan(&n)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// The other exit still leaks, and the message names only it.
func pgxScanThenCheck(ctx context.Context, conn *pgx.Conn) ([]string, error) {
	rows, err := conn.Query(ctx, "SELECT name FROM users") // want GL001 "rows `rows` from conn.Query are closed only when rows.Next\(\) returns false, not when the loop returns at line 59; defer rows.Close\(\) after the error check"
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		if name == "" {
			return nil, errors.New("empty name")
		}
		names = append(names, name)
	}
	return names, nil
}

// An error of another call in the same shape is not Scan's.
func pgxOtherError(ctx context.Context, conn *pgx.Conn, check func(string) error) error {
	rows, err := conn.Query(ctx, "SELECT name FROM users") // want GL001 "not when the loop returns at line 76"
	if err != nil {
		return err
	}
	for rows.Next() {
		var name string
		_ = rows.Scan(&name)
		if err := check(name); err != nil {
			return err
		}
	}
	return nil
}

// database/sql rows stay open when Scan fails.
func sqlScanFails(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM users") // want GL001 "rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not when the loop returns at line 92"
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

// pgx closes its rows when Values fails too: its error is the last result.
func pgxValuesFail(ctx context.Context, conn *pgx.Conn) ([][]any, error) {
	rows, err := conn.Query(ctx, "SELECT * FROM users") // want GL001:low "not if the loop at line 106 panics"
	if err != nil {
		return nil, err
	}
	var all [][]any
	for rows.Next() {
		vals, valErr := rows.Values()
		if valErr != nil {
			return nil, valErr
		}
		all = append(all, vals)
	}
	return all, rows.Err()
}

// Another return after Values succeeded still leaves them open.
func pgxValuesThenCheck(ctx context.Context, conn *pgx.Conn) ([][]any, error) {
	rows, err := conn.Query(ctx, "SELECT * FROM users") // want GL001 "not when the loop returns at line 129"
	if err != nil {
		return nil, err
	}
	var all [][]any
	for rows.Next() {
		vals, err := rows.Values()
		if err != nil {
			return nil, err
		}
		if len(vals) == 0 {
			return nil, errors.New("no columns")
		}
		all = append(all, vals)
	}
	return all, nil
}
