package warehouse

import (
	"context"
	"database/sql/driver"
	"errors"

	"google.example.org/api/iterator"
)

// Integration embeds the querier: bq.Query is its method, declared in another file.
type Integration struct {
	Querier
}

// The analytics service's iterator has no Close: it holds no connection between pages.
func (bq *Integration) Totals(ctx context.Context) ([]int, error) {
	iter, err := bq.Query(ctx, "select total from usage")
	if err != nil {
		return nil, err
	}
	var out []int
	for {
		var v int
		err = iter.Next(&v)
		if errors.Is(err, iterator.Done) {
			break
		}
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// A driver's rows keep their connection until closed.
func (r *Raw) Count(ctx context.Context) (int, error) {
	rows, err := r.Query(ctx, "select count(*) from orders") // want GL001 "rows `rows` from r.Query are never closed"
	if err != nil {
		return 0, err
	}
	dest := make([]driver.Value, 1)
	if err := rows.Next(dest); err != nil {
		return 0, err
	}
	n, _ := dest[0].(int64)
	return int(n), nil
}

// The module's own rows, another package's type here, stay the caller's to close.
func (w *Wrapped) Names(ctx context.Context) ([]string, error) {
	rows, err := w.Query(ctx, "select name from orders") // want GL001 "rows `rows` from w.Query are closed only when .*not when the loop returns at line 61"
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}
