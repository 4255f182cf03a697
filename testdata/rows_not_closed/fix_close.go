package fixes

import (
	"database/sql"
	"log"
)

func maxID(db *sql.DB) (int, error) {
	rows, err := db.Query("select max(id) from jobs") // want GL001
	if err != nil {
		return 0, err
	}
	var max int
	if rows.Next() {
		if err := rows.Scan(&max); err != nil {
			return 0, err
		}
	}
	return max, nil
}

func insert(db *sql.DB) error {
	stmt, err := db.Prepare("insert into t values (?)") // want GL001
	if err != nil {
		log.Printf("prepare: %v", err)
		return err
	}
	_, err = stmt.Exec(1)
	return err
}

func firstTen(db *sql.DB) int {
	rows, _ := db.Query("select id from jobs") // want GL001
	n := 0
	for rows.Next() {
		n++
		if n == 10 {
			return n
		}
	}
	return n
}

// No fix: a defer in a loop would keep every table's rows open until the end.
func perTable(db *sql.DB, tables []string) error {
	for _, t := range tables {
		rows, err := db.Query("select * from " + t) // want GL001 "not when the loop iteration ends at line 54; call rows.Close\(\) before the iteration ends"
		if err != nil {
			return err
		}
		if !rows.Next() {
			return nil
		}
	}
	return nil
}

// No fix: the rows are nil when err is set, and err is not checked right away.
func logged(db *sql.DB) {
	rows, err := db.Query("select 1") // want GL001
	log.Println(err)
	if err == nil && rows.Next() {
		return
	}
}
