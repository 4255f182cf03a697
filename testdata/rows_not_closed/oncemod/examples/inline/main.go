// An example program whose main queries itself: rows left open there end with the
// program (low), rows left open per turn of a loop in main pile up (shown).
package main

import (
	"database/sql"
	"fmt"
	"log"
)

func main() {
	db, err := sql.Open("driver", "dsn")
	if err != nil {
		log.Fatal(err)
	}
	rows, err := db.Query("SELECT n FROM numbers") // want GL001:low "^rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not when the loop returns at line 23"
	if err != nil {
		log.Fatal(err)
	}
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); err != nil {
			return
		}
		fmt.Println(n)
	}
	for _, table := range []string{"a", "b"} {
		rows, err := db.Query("SELECT n FROM " + table) // want GL001 "^rows `rows` are closed only when rows.Next\(\) returns false, not when the loop iteration ends"
		if err != nil {
			log.Fatal(err)
		}
		for rows.Next() {
			var n int
			if err := rows.Scan(&n); err != nil {
				break
			}
			fmt.Println(n)
		}
	}
}
