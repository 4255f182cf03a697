package fixtures

import (
	"database/sql"
	"testing"
)

type dbTest struct {
	*testing.T
	db *sql.DB
}

// runWithDB opens the database each callback gets and closes it when they are done.
func runWithDB(t *testing.T, tests ...func(dbt *dbTest)) {
	db, err := sql.Open("mysql", "dsn")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, test := range tests {
		test(&dbTest{t, db})
	}
}

// runShared hands out a database it does not close.
func runShared(t *testing.T, tests ...func(dbt *dbTest)) {
	for _, test := range tests {
		test(&dbTest{t, sharedDB})
	}
}

var sharedDB *sql.DB

// The runner closes the database after the callback: its statements go with it.
func TestPreparedInRunner(t *testing.T) {
	runWithDB(t, func(dbt *dbTest) {
		stmt, err := dbt.db.Prepare("SELECT 1")
		if err != nil {
			dbt.Fatal(err)
		}
		if _, err := stmt.Exec(); err != nil {
			dbt.Fatal(err)
		}
	})
}

// The shared database outlives every test: the statement stays prepared.
func TestPreparedOnShared(t *testing.T) {
	runShared(t, func(dbt *dbTest) {
		stmt, err := dbt.db.Prepare("SELECT 1") // want GL001 "statement `stmt` from dbt.db.Prepare is never closed"
		if err != nil {
			dbt.Fatal(err)
		}
		if _, err := stmt.Exec(); err != nil {
			dbt.Fatal(err)
		}
	})
}

// Rows are not statements: the runner's Close does not excuse them.
func TestRowsInRunner(t *testing.T) {
	runWithDB(t, func(dbt *dbTest) {
		rows, err := dbt.db.Query("SELECT 1") // want GL001 "rows `rows` from dbt.db.Query are closed only when rows.Next\(\) returns false"
		if err != nil {
			dbt.Fatal(err)
		}
		if rows.Next() {
			var n int
			_ = rows.Scan(&n)
		}
	})
}
