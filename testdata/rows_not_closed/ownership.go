package fixtures

import (
	"database/sql"
	"fmt"

	"github.com/jmoiron/sqlx"
)

type account struct {
	ID   int
	Name string
}

// sqlx.StructScan reads one row; it does not close the rows.
func structScanned(db *sqlx.DB) (account, error) {
	var a account
	rows, err := db.Queryx("SELECT id, name FROM accounts LIMIT 1") // want GL001 "rows `rows` from db.Queryx are never closed"
	if err != nil {
		return a, err
	}
	if rows.Next() {
		err = sqlx.StructScan(rows, &a)
	}
	return a, err
}

func structScannedAndClosed(db *sqlx.DB) (account, error) {
	var a account
	rows, err := db.Queryx("SELECT id, name FROM accounts LIMIT 1")
	if err != nil {
		return a, err
	}
	defer rows.Close()
	if rows.Next() {
		err = sqlx.StructScan(rows, &a)
	}
	return a, err
}

// describe only reads the rows' columns.
func describe(rows *sql.Rows) error {
	columns, err := rows.Columns()
	fmt.Println(columns)
	return err
}

func describedOnly(db *sql.DB) error {
	rows, err := db.Query("SELECT * FROM accounts") // want GL001 "rows `rows` from db.Query are never closed"
	if err != nil {
		return err
	}
	if err := describe(rows); err != nil {
		return err
	}
	return rows.Err()
}

// drain reads the rows to the end, which closes them.
func drain(rows *sql.Rows) error {
	for rows.Next() {
	}
	return rows.Err()
}

func drainedByHelper(db *sql.DB) error {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	return drain(rows)
}

// `_ = rows` marks them used; it closes nothing.
func blankAssigned(db *sql.DB) error {
	rows, err := db.Query("SELECT 1") // want GL001 "rows `rows` from db.Query are never closed"
	if err != nil {
		return err
	}
	_ = rows
	return rows.Err()
}
