package fixtures

import (
	"database/sql"
	"log"

	"example.com/store"
)

// rows is only blank-assigned: the declared type of db says Query returns rows,
// which stay open.
func blankAssigned(db *sql.DB) error {
	rows, err := db.Query("SELECT 1") // want GL001 "rows `rows` from db.Query are never closed \(`_ = rows` only silences the compiler\)"
	if err != nil {
		return err
	}
	_ = rows
	return nil
}

// A search index's Query returns hits, not rows: its declared result says so.
type index struct{}

type hits struct{ n int }

func (index) Query(q string) (*hits, error) { return &hits{}, nil }

func (index) Close() error { return nil }

func searchHits(db index) int {
	found, err := db.Query("q")
	if err != nil {
		log.Print(err)
		return 0
	}
	_ = found
	return found.n
}

// The receiver's type is another package's: in a file importing database/sql, a Query
// result that is only blank-assigned is rows left open.
func blankAssignedUnknown(h *store.Handle) error {
	rows, err := h.Query("SELECT 1") // want GL001 "rows `rows` from h.Query are never closed \(`_ = rows` only silences the compiler\)"
	if err != nil {
		return err
	}
	_ = rows
	return nil
}
