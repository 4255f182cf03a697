package wild

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgxpool"
)

// 3. A migrator holds a dedicated connection for a session-level advisory lock and
// reads the current version on a second one: with SetMaxOpenConns(1) it never starts.
type Migrator struct {
	db *sql.DB
}

func (m *Migrator) Up(ctx context.Context) error {
	conn, err := m.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock(42)"); err != nil {
		return err
	}
	version, err := m.currentVersion(ctx) // want GL007 "`Migrator.Up` holds a connection from `m.db` .* `Migrator.currentVersion` takes another \(`m.db.Conn`"
	if err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, "UPDATE schema_migrations SET version = $1", version+1)
	return err
}

func (m *Migrator) currentVersion(ctx context.Context) (int, error) {
	conn, err := m.db.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	var v int
	err = conn.QueryRowContext(ctx, "SELECT version FROM schema_migrations").Scan(&v)
	return v, err
}

func (m *Migrator) Down(ctx context.Context) error {
	conn, err := m.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return m.dirty(ctx) // todo GL007 db.QueryRowContext takes a pooled connection too; only with acquire-methods configured
}

func (m *Migrator) dirty(ctx context.Context) error {
	return m.db.QueryRowContext(ctx, "SELECT dirty FROM schema_migrations").Err()
}

// 4. A job queue on pgxpool: the claim is held while the job is marked running through
// a helper that acquires again; released before the job runs, which is fine.
type Queue struct {
	pool *pgxpool.Pool
}

func (q *Queue) Work(ctx context.Context) error {
	c, err := q.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	var id int64
	if err := c.QueryRow(ctx, "SELECT id FROM jobs FOR UPDATE SKIP LOCKED LIMIT 1").Scan(&id); err != nil {
		c.Release()
		return err
	}
	if err := q.markRunning(ctx, id); err != nil { // want GL007 "`Queue.Work` holds a connection from `q.pool` .* `Queue.markRunning` takes another \(`q.pool.Acquire`"
		c.Release()
		return err
	}
	c.Release()
	return q.run(ctx, id) // released before the call: silent
}

func (q *Queue) markRunning(ctx context.Context, id int64) error {
	c, err := q.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	_, err = c.Exec(ctx, "UPDATE jobs SET state = 'running' WHERE id = $1", id)
	return err
}

func (q *Queue) run(ctx context.Context, id int64) error {
	c, err := q.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	_, err = c.Exec(ctx, "UPDATE jobs SET state = 'done' WHERE id = $1", id)
	return err
}
