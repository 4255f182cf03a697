package fixtures

import (
	"database/sql"
	"testing"
)

var suiteDB *sql.DB

// firstName is called by one test alone: its rows hold a connection for that test's
// run, which matters only if the suite's pool is small (low).
func firstName(t *testing.T) string {
	rows, err := suiteDB.Query("SELECT name FROM users") // want GL001:low "rows `rows` are closed only when rows.Next\(\) returns false, not when the function returns"
	if err != nil {
		t.Fatal(err)
	}
	var name string
	if rows.Next() {
		_ = rows.Scan(&name)
	}
	return name
}

func TestFirstName(t *testing.T) {
	if firstName(t) == "" {
		t.Fatal("no name")
	}
	if firstName(t) == "x" {
		t.Fatal("bad name")
	}
}

// countUsers is called by two tests: each run of it holds a connection of the pool
// every test shares.
func countUsers(t *testing.T) int {
	rows, err := suiteDB.Query("SELECT count(*) FROM users") // want GL001:low "rows `rows` are closed only when rows.Next\(\) returns false, not when the function returns"
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if rows.Next() {
		_ = rows.Scan(&n)
	}
	return n
}

func TestCountUsers(t *testing.T) {
	if countUsers(t) != 1 {
		t.Fatal("want one")
	}
}

func TestCountAfterInsert(t *testing.T) {
	if countUsers(t) != 2 {
		t.Fatal("want two")
	}
}

// copyTables leaves its rows open only on returns of an error, which fail the test
// that called it (low).
func copyTables(base *sql.DB, into *sql.DB) error {
	rows, err := base.Query("SHOW TABLES") // want GL001:low "rows `rows` from base.Query are closed only when rows.Next\(\) returns false, not when the loop returns"
	if err != nil {
		return err
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return err
		}
		if _, err := into.Exec("CREATE TABLE " + name); err != nil {
			return err
		}
	}
	return rows.Err()
}

func TestCopyTables(t *testing.T) {
	if err := copyTables(suiteDB, suiteDB); err != nil {
		t.Fatal(err)
	}
}

func TestCopyTablesTwice(t *testing.T) {
	for i := 0; i < 2; i++ {
		if err := copyTables(suiteDB, suiteDB); err != nil {
			t.Fatal(err)
		}
	}
}
