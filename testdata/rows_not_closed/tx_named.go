package fixtures

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
	"gorm.io/gorm"
)

type scoreStore struct {
	orm  *gorm.DB
	conn *sqlx.DB
	pool *sql.DB
}

type score struct {
	Name  string
	Value float64
}

// A gorm query builder named `tx` is no transaction: its rows hold a connection of
// the pool until closed, whatever the variable is called.
func (s *scoreStore) builderNamedTx(ctx context.Context, table string) ([]score, error) {
	tx := s.orm.WithContext(ctx).Table(table).Order("value")
	rows, err := tx.Rows() // want GL001 "^rows `rows` from tx.Rows are closed only when rows.Next\(\) returns false, not when the loop returns at line 34; defer rows.Close\(\) after the error check$"
	if err != nil {
		return nil, err
	}
	var out []score
	for rows.Next() {
		var sc score
		if err := rows.Scan(&sc.Name, &sc.Value); err != nil {
			return nil, err
		}
		out = append(out, sc)
	}
	return out, nil
}

// A value that a Begin call made is a transaction even with no declared type: its end
// closes the rows, so the leak is a warning that says so.
func (s *scoreStore) begunTx(ctx context.Context) (int, error) {
	tx := s.conn.MustBegin()
	rows, err := tx.QueryContext(ctx, "SELECT count(*) FROM scores") // want GL001 "^rows `rows` are closed only when Next\(\) returns false or the transaction ends, not when the function returns at line 52 and 2 other exits; defer rows.Close\(\)$"
	if err != nil {
		return 0, err
	}
	var n int
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	if _, err := tx.ExecContext(ctx, "UPDATE scores SET seen = 1"); err != nil {
		return 0, err
	}
	return n, nil
}
