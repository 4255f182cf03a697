package fixtures

import (
	"context"

	"github.com/jmoiron/sqlx"
	"gorm.io/gorm"
)

// The incident: gorm's .Rows() at the end of a chain, one row read, never closed.
func GetMax(db *gorm.DB, table string) (int64, error) {
	var max int64
	rows, err := db.Table(table).Select("max(id)").Rows() // want GL001 "rows `rows` from ….Rows\(\) are closed only when rows.Next\(\) returns false, not when the function returns at line 20"
	if err != nil {
		return 0, err
	}
	if rows.Next() {
		rows.Scan(&max)
	}
	return max, nil
}

func GetMaxClosed(db *gorm.DB, table string) (int64, error) {
	var max int64
	rows, err := db.Table(table).Select("max(id)").Rows()
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	if rows.Next() {
		rows.Scan(&max)
	}
	return max, rows.Err()
}

type item struct {
	ID int `db:"id"`
}

func sqlxQueryx(ctx context.Context, db *sqlx.DB) ([]item, error) {
	rows, err := db.QueryxContext(ctx, "SELECT id FROM items") // want GL001 "QueryxContext"
	if err != nil {
		return nil, err
	}
	var items []item
	for rows.Next() {
		var it item
		if err := rows.StructScan(&it); err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, nil
}

func sqlxNamedClosed(db *sqlx.DB, arg item) error {
	rows, err := db.NamedQuery("SELECT * FROM items WHERE id = :id", arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	return nil
}

// sqlx's Select and Get close the rows themselves.
func sqlxSelect(db *sqlx.DB) ([]item, error) {
	var items []item
	err := db.Select(&items, "SELECT id FROM items")
	return items, err
}

func sqlxPrepareNamed(db *sqlx.DB) error {
	stmt, err := db.PrepareNamed("INSERT INTO items VALUES (:id)")
	if err != nil {
		return err
	}
	defer stmt.Close()
	_, err = stmt.Exec(item{ID: 1})
	return err
}

// A helper that takes the rows closes them (sqlclosecheck users' false positive).
func sqlxHelper(db *sqlx.DB) error {
	rows, err := db.Queryx("SELECT id FROM items")
	if err != nil {
		return err
	}
	return drain(rows)
}

func drain(rows *sqlx.Rows) error {
	defer rows.Close()
	for rows.Next() {
	}
	return rows.Err()
}

// gorm's Rows() with arguments is some other method.
type table struct{}

func (table) Rows(n int) ([]int, error) { return make([]int, n), nil }

func rowsWithArgs(t table) int {
	r, err := t.Rows(3)
	if err != nil {
		return 0
	}
	return len(r)
}
