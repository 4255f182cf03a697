package fixtures

import (
	"database/sql"
	"testing"
)

// In tests, discarded rows are mostly queries expected to fail.
func TestBadQuery(t *testing.T) {
	var db *sql.DB
	_, err := db.Query("SELECT nope")
	if err == nil {
		t.Fatal("want an error")
	}
}

// Named rows in tests are followed like anywhere else.
func TestFirstRow(t *testing.T) {
	var db *sql.DB
	rows, err := db.Query("SELECT 1") // want GL001 "never closed"
	if err != nil {
		t.Fatal(err)
	}
	if !rows.Next() {
		t.Fatal("no row")
	}
}
