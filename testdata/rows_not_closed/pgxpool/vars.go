package pgxpool

import (
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// The handles are declared here; queries.go imports no SQL package, and only the
// package's declarations say that its Query calls return pgx rows.
var (
	pool *pgxpool.Pool
	conn *pgx.Conn
	tx   pgx.Tx
)
