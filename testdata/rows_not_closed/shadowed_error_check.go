package fixtures

import (
	"database/sql"
	"net"
)

func pingAgain(db *sql.DB) error { return db.Ping() }

// The type assertion tests the error of the inner `if err :=`, another variable than
// the query's error: rows is open in its branch, and the return leaks it.
func shadowedAssertion(db *sql.DB) error {
	rows, err := db.Query("SELECT 1") // want GL001 "not when the function returns at line 19"
	if err != nil {
		return err
	}
	if err := pingAgain(db); err != nil {
		if _, ok := err.(net.Error); ok {
			return err
		}
	}
	rows.Close()
	return nil
}
