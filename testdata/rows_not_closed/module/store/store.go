package store

import (
	"context"

	"example.com/shop/dbutil"
)

type Store struct {
	db dbutil.DB
}

func (s *Store) schema(ctx context.Context) (string, error) {
	var name string
	rows, err := s.db.QueryContext(ctx, "select current_schema()") // want GL001 "rows `rows` from s.db.QueryContext are passed to dbutil.ScanFirst, which reads them but never calls Close"
	if err != nil {
		return "", err
	}
	if err := dbutil.ScanFirst(rows, &name); err != nil {
		return "", err
	}
	return name, nil
}

func (s *Store) schemaClosed(ctx context.Context) (string, error) {
	var name string
	rows, err := s.db.QueryContext(ctx, "select current_schema()")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	if err := dbutil.ScanFirst(rows, &name); err != nil {
		return "", err
	}
	return name, nil
}

func (s *Store) schemaByHelper(ctx context.Context) (string, error) {
	var name string
	rows, err := s.db.QueryContext(ctx, "select current_schema()")
	if err != nil {
		return "", err
	}
	err = dbutil.ScanFirstAndClose(rows, &name)
	return name, err
}

func (s *Store) kept(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, "select id from carts")
	if err != nil {
		return err
	}
	dbutil.Keep(rows)
	return nil
}
