package dbutil

import (
	"context"
	"database/sql"
)

// Rows wrap a pool's rows; their Close gives the connection back.
type Rows struct{ *sql.Rows }

// Pool opens the module's rows.
type Pool struct{ db *sql.DB }

func (p *Pool) Rows(ctx context.Context, query string) (*Rows, error) {
	rows, err := p.db.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return &Rows{rows}, nil
}
