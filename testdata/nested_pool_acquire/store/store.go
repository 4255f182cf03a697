package store

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct {
	db      *sql.DB
	archive *sql.DB
	pg      *pgxpool.Pool
}

// Methods on the same receiver: s.db in both is Store.db.
func (s *Store) Transfer(ctx context.Context, from, to string) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "select 1"); err != nil {
		return err
	}
	return s.audit(ctx, from, to) // want GL007 "`Store.Transfer` holds a connection from `s.db` \(line 18\) while `Store.audit` takes another \(`s.db.Conn`, audit.go:6\)"
}

// Another pool of the same store: silent.
func (s *Store) Archive(ctx context.Context, id string) error {
	conn, err := s.archive.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return s.audit(ctx, id, "archive")
}

// pgxpool: Acquire and Release.
func (s *Store) Balance(ctx context.Context, id string) (int, error) {
	c, err := s.pg.Acquire(ctx)
	if err != nil {
		return 0, err
	}
	defer c.Release()
	n, err := s.limit(ctx, id) // want GL007 "`Store.Balance` holds a connection from `s.pg`"
	return n, err
}

func (s *Store) limit(ctx context.Context, id string) (int, error) {
	var n int
	c, err := s.pg.Acquire(ctx)
	if err != nil {
		return 0, err
	}
	defer c.Release()
	err = c.QueryRow(ctx, "select 1").Scan(&n)
	return n, err
}

// A different receiver name is still the same Store.db.
func (st *Store) Report(ctx context.Context) error {
	conn, err := st.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer func() { conn.Close() }()
	return st.audit(ctx, "report", "") // want GL007 "`Store.Report` holds a connection from `st.db`"
}

// A method called on a parameter of a same-package type is followed.
type Ledger struct{ store *Store }

func (l *Ledger) Post(ctx context.Context, s *Store) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return s.audit(ctx, "post", "") // want GL007 "`Ledger.Post` holds a connection from `s.db`"
}

// Known miss: a method reached through a field, on a pool reached through that field.
type Service struct{ store *Store }

func (v *Service) Sync(ctx context.Context) error {
	conn, err := v.store.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return v.store.audit(ctx, "sync", "") // todo GL007 calls and pools through a field's type are not resolved
}

// Two parameters of one type are two pools.
func Copy(ctx context.Context, src, dst *sql.DB) error {
	conn, err := dst.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return dump(ctx, src)
}

func dump(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	return conn.Close()
}
