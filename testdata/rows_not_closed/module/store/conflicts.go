package store

import (
	"context"

	"example.com/shop/dbutil"
)

// AsConflict is nil for a nil error: its branch runs only when QueryContext failed,
// which leaves no rows to close.
func (s *Store) pending(ctx context.Context) (int, error) {
	rows, err := s.db.QueryContext(ctx, "select id from orders")
	if c := dbutil.AsConflict(err); c != nil && c.Code == "40001" {
		return 0, nil
	}
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

// Describe is never nil: its branch returns with the rows open.
func (s *Store) described(ctx context.Context) (int, error) {
	rows, err := s.db.QueryContext(ctx, "select id from orders") // want GL001 "not when the function returns at line 31"
	if d := dbutil.Describe(err); d != nil && d.Code == "" {
		return 0, nil
	}
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
