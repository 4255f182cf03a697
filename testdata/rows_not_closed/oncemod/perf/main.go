// A benchmark program: main runs each step once and ends the process on its error.
package main

import (
	"database/sql"
	"log"
	"net/http"
	"strings"
)

// readAll runs once per run of the program: the rows its error return leaves open end
// with the process, which log.Fatal ends at once.
func readAll(db *sql.DB) error {
	rows, err := db.Query("SELECT n FROM numbers") // want GL001:low "^rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not when the loop returns at line 21; defer rows.Close\(\) after the error check$"
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
	rows, err := db.Query("SELECT n FROM " + table) // want GL001 "^rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not when the loop returns at line 36; defer rows.Close\(\) after the error check$"
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

func normalize(name string) string { return strings.ToLower(name) }

// versions runs once per run of the program: a panic in its loop, recovered, would
// leave one connection held, which cannot pile up.
func versions(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT version FROM schema") // want GL001:low "^rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not if the loop at line 52 panics"
	if err != nil {
		return nil, err
	}
	var found []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			panic(err)
		}
	}
	return found, rows.Err()
}

// names runs per request: a panic the server recovers leaves a connection per request.
func names(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM users") // want GL001 "^rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not if the loop at line 68 panics"
	if err != nil {
		return nil, err
	}
	var found []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			panic(err)
		}
	}
	return found, rows.Err()
}

func main() {
	db, err := sql.Open("driver", "dsn")
	if err != nil {
		log.Fatal(err)
	}
	if _, err := versions(db); err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/names", func(w http.ResponseWriter, r *http.Request) {
		found, _ := names(db)
		log.Print(found)
	})
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
