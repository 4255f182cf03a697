package fixtures

import (
	"context"
	"database/sql"
	"fmt"
)

// A defer in a loop runs only when the function returns: every iteration's rows stay open until then.
func columnsOfTables(ctx context.Context, db *sql.DB, tables []string) (map[string][]string, error) {
	out := map[string][]string{}
	for _, table := range tables {
		rows, err := db.QueryContext(ctx, "SELECT * FROM "+table+" LIMIT 0") // want GL001 "rows `rows` are closed by the defer at line 17 only when the function returns, so each iteration's rows hold a connection until then; close them in the loop"
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		columns, err := rows.Columns()
		if err != nil {
			return nil, err
		}
		out[table] = columns
	}
	return out, nil
}

func insertAll(ctx context.Context, db *sql.DB, names []string) error {
	for _, name := range names {
		stmt, err := db.PrepareContext(ctx, "INSERT INTO t(name) VALUES (?)") // want GL001 "statement `stmt` is closed by the defer at line 33 only when the function returns, so each iteration's statement stays prepared until then"
		if err != nil {
			return err
		}
		defer func() { _ = stmt.Close() }()
		if _, err := stmt.ExecContext(ctx, name); err != nil {
			return err
		}
	}
	return nil
}

// Each iteration returns once the rows are open: no iteration follows.
func firstReachable(ctx context.Context, dbs []*sql.DB) (string, error) {
	for _, db := range dbs {
		rows, err := db.QueryContext(ctx, "SELECT name FROM t")
		if err != nil {
			continue
		}
		defer rows.Close()
		var name string
		if rows.Next() {
			err = rows.Scan(&name)
		}
		return name, err
	}
	return "", fmt.Errorf("no database answered")
}

// A function literal per iteration: its defer runs at the end of each call.
func countTables(ctx context.Context, db *sql.DB, tables []string) (int, error) {
	total := 0
	for _, table := range tables {
		err := func() error {
			rows, err := db.QueryContext(ctx, "SELECT count(*) FROM "+table)
			if err != nil {
				return err
			}
			defer rows.Close()
			var n int
			for rows.Next() {
				if err := rows.Scan(&n); err != nil {
					return err
				}
			}
			total += n
			return rows.Err()
		}()
		if err != nil {
			return 0, err
		}
	}
	return total, nil
}

// The rows are read to their end before the iteration goes on: Next has closed them.
func namesOfTables(ctx context.Context, db *sql.DB, tables []string) ([]string, error) {
	var names []string
	for _, table := range tables {
		rows, err := db.QueryContext(ctx, "SELECT name FROM "+table)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				return nil, err
			}
			names = append(names, name)
		}
	}
	return names, nil
}
