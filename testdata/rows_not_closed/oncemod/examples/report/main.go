// An example program that users copy into code that runs many times: reported as
// production code.
package main

import (
	"database/sql"
	"log"
)

func report(db *sql.DB) error {
	rows, err := db.Query("SELECT n FROM numbers") // want GL001 "^rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not when the loop returns at line 18; defer rows.Close\(\) after the error check$"
	if err != nil {
		return err
	}
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); err != nil {
			return err
		}
	}
	return nil
}

func main() {
	db, err := sql.Open("driver", "dsn")
	if err != nil {
		log.Fatal(err)
	}
	if err := report(db); err != nil {
		log.Fatal(err)
	}
}
