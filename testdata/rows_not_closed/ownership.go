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

// sqlx.StructScan reads every row into a slice, which closes the rows, but returns
// without closing them when a row fails to scan.
func structScanned(db *sqlx.DB) ([]account, error) {
	var all []account
	rows, err := db.Queryx("SELECT id, name FROM accounts") // want GL001 "^rows `rows` from db.Queryx are closed only when sqlx.StructScan reads them to the end, not when it fails; defer rows.Close\(\) after the error check$"
	if err != nil {
		return nil, err
	}
	err = sqlx.StructScan(rows, &all)
	return all, err
}

func namedStructScanned(db *sqlx.DB, name string) ([]account, error) {
	var all []account
	rows, err := db.NamedQuery("SELECT id, name FROM accounts WHERE name = :name", map[string]interface{}{"name": name}) // want GL001 "rows `rows` from db.NamedQuery are closed only when sqlx.StructScan reads them to the end"
	if err != nil {
		return nil, err
	}
	if err := sqlx.StructScan(rows, &all); err != nil {
		return nil, err
	}
	return all, nil
}

func structScannedAndClosed(db *sqlx.DB) ([]account, error) {
	var all []account
	rows, err := db.Queryx("SELECT id, name FROM accounts")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	err = sqlx.StructScan(rows, &all)
	return all, err
}

// describe only reads the rows' columns.
func describe(rows *sql.Rows) error {
	columns, err := rows.Columns()
	fmt.Println(columns)
	return err
}

func describedOnly(db *sql.DB) error {
	rows, err := db.Query("SELECT * FROM accounts") // want GL001 "^rows `rows` from db.Query are passed to describe, which reads them but never calls Close; defer rows.Close\(\) after the error check$"
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

// firstName reads one row: Next closes the rows only when there is none.
func firstName(rows *sql.Rows) (string, error) {
	var name string
	if rows.Next() {
		return name, rows.Scan(&name)
	}
	return name, rows.Err()
}

func firstOfHelper(db *sql.DB) (string, error) {
	rows, err := db.Query("SELECT name FROM accounts") // want GL001 "^rows `rows` from db.Query are passed to firstName, which reads them but never calls Close; defer rows.Close\(\) after the error check$"
	if err != nil {
		return "", err
	}
	return firstName(rows)
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
