// Package warehouse runs queries against an analytics service and a SQL driver.
package warehouse

import (
	"context"
	"database/sql/driver"

	"cloud.example.org/analytics"
	"example.com/shop/dbutil"
)

// Querier asks the analytics service; its results page through the service's API.
type Querier struct{ client *analytics.Client }

func (q *Querier) Query(ctx context.Context, text string) (*analytics.RowIterator, error) {
	return q.client.Query(text).Read(ctx)
}

// Raw talks to a driver directly: its rows hold the driver's connection.
type Raw struct{ conn driver.QueryerContext }

func (r *Raw) Query(ctx context.Context, text string) (driver.Rows, error) {
	return r.conn.QueryContext(ctx, text, nil)
}

// Wrapped hands back the module's own rows, which wrap a pool's.
type Wrapped struct{ db *dbutil.Pool }

func (w *Wrapped) Query(ctx context.Context, text string) (*dbutil.Rows, error) {
	return w.db.Rows(ctx, text)
}
