// A benchmark program: main runs each step once and ends the process on its error.
package main

import (
	"database/sql"
	"log"
)

// readAll runs once per run of the program: the rows its error return leaves open end
// with the process, which log.Fatal ends at once.
func readAll(db *sql.DB) error {
	rows, err := db.Query("SELECT n FROM numbers") // want GL001:low "^rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not when the loop returns at line 19; defer rows.Close\(\) after the error check$"
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

// readTable runs once per table: every table's rows left open keep a connection.
func readTable(db *sql.DB, table string) error {
	rows, err := db.Query("SELECT n FROM " + table) // want GL001 "^rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not when the loop returns at line 34; defer rows.Close\(\) after the error check$"
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
	if err := readAll(db); err != nil {
		log.Fatal(err)
	}
	for _, table := range []string{"a", "b"} {
		if err := readTable(db, table); err != nil {
			log.Print(err)
		}
	}
	for i := 0; i < 3; i++ {
		rows, err := db.Query("SELECT 1") // want GL001 "^rows `rows` from db.Query are never closed; call rows.Close\(\) before the iteration ends$"
		if err != nil {
			log.Fatal(err)
		}
		_ = rows.Next()
	}
}
