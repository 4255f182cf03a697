package fixtures

import (
	"database/sql"
	"testing"
)

// In tests, discarded rows are mostly queries expected to fail.
func TestBadQuery(t *testing.T) {
	var db *sql.DB
	_, err := db.Query("SELECT nope")
	if err == nil {
		t.Fatal("want an error")
	}
}

// Named rows in tests are followed like anywhere else.
func TestFirstRow(t *testing.T) {
	var db *sql.DB
	rows, err := db.Query("SELECT 1") // want GL001:low "closed only when rows.Next\(\) returns false, not when the function ends at line 27"
	if err != nil {
		t.Fatal(err)
	}
	if !rows.Next() {
		t.Fatal("no row")
	}
}

// A preparation expected to fail: a statement exists only when the test already fails.
func TestInvalidStatement(t *testing.T) {
	var db *sql.DB
	var stmt *sql.Stmt
	var err error
	stmt, err = db.Prepare("invalid sql")
	if err == nil {
		t.Error("want an error")
	}
	// A test's statement holds no connection (database/sql releases it after each
	// execution): only its server-side preparation lasts, until the test binary ends.
	stmt, err = db.Prepare("SELECT 1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stmt.Exec(); err != nil {
		t.Fatal(err)
	}
}

type driverConn interface {
	Prepare(query string) (*sql.Stmt, error)
	Close() error
}

// Closing the connection it was prepared on ends the statement too.
func TestDriverConn(t *testing.T) {
	var conn driverConn
	stmt, err := conn.Prepare("DO 1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stmt.Exec(); err != nil {
		t.Fatal(err)
	}
	if err := conn.Close(); err != nil {
		t.Fatal(err)
	}
}

// The test asserts that no row is left: Next returned false and closed the rows,
// unless the test fails.
func TestNoMoreRows(t *testing.T) {
	var db *sql.DB
	rows, err := db.Query("SELECT 1")
	if err != nil {
		t.Fatal(err)
	}
	if !rows.Next() {
		t.Fatal("want a row")
	}
	if rows.Next() {
		t.Errorf("want one row")
	}
}

// A leak before the assertion is still one.
func TestLeakBeforeAssertion(t *testing.T) {
	var db *sql.DB
	rows, err := db.Query("SELECT 1") // want GL001:low "rows `rows` are closed only when rows.Next\(\) returns false, not when the function returns at line 96 and 1 other exit"
	if err != nil {
		t.Fatal(err)
	}
	if !rows.Next() {
		t.Fatal("want a row")
	}
	if testing.Short() {
		return
	}
	if rows.Next() {
		t.Errorf("want one row")
	}
}

// Reading the row is no assertion that there is none.
func TestCountRow(t *testing.T) {
	var db *sql.DB
	rows, err := db.Query("SELECT count(*) FROM t") // want GL001:low "rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not when the function ends at line 116"
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		var n int
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
	}
}

// Closed on the error paths before the test stops: not "never closed". Prepared once
// per turn of a loop, the statements pile up on the server.
func TestClosedOnErrorPaths(t *testing.T) {
	var db *sql.DB
	for _, q := range []string{"SELECT 1", "SELECT 2"} {
		stmt, err := db.Prepare(q) // want GL001:low "^statement `stmt` from db.Prepare is closed only before t.Fatal, not when the loop iteration ends at line 133; call stmt.Close\(\) before the iteration ends$"
		if err != nil {
			t.Fatal(err)
		}
		rows, err := stmt.Query()
		if err != nil {
			stmt.Close()
			t.Fatal(err)
		}
		rows.Close()
	}
}

// The test that runs the subtests closes the database after them.
func TestSubtestStatements(t *testing.T) {
	db, err := sql.Open("postgres", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{"SELECT 1", "SELECT 2"} {
		t.Run(q, func(t *testing.T) {
			stmt, err := db.Prepare(q)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := stmt.Exec(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

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
		for _, q := range []string{"SELECT 1", "SELECT 2"} {
			stmt, err := dbt.db.Prepare(q)
			if err != nil {
				dbt.Fatal(err)
			}
			if _, err := stmt.Exec(); err != nil {
				dbt.Fatal(err)
			}
		}
	})
}

// The shared database outlives every test: each turn's statement stays prepared.
func TestPreparedOnShared(t *testing.T) {
	runShared(t, func(dbt *dbTest) {
		for _, q := range []string{"SELECT 1", "SELECT 2"} {
			stmt, err := dbt.db.Prepare(q) // want GL001:low "statement `stmt` from dbt.db.Prepare is never closed"
			if err != nil {
				dbt.Fatal(err)
			}
			if _, err := stmt.Exec(); err != nil {
				dbt.Fatal(err)
			}
		}
	})
}

// Prepared once on the shared database, outside a loop: one statement per run.
func TestPreparedOnceOnShared(t *testing.T) {
	runShared(t, func(dbt *dbTest) {
		stmt, err := dbt.db.Prepare("SELECT 1")
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
		rows, err := dbt.db.Query("SELECT 1") // want GL001:low "rows `rows` from dbt.db.Query are closed only when rows.Next\(\) returns false"
		if err != nil {
			dbt.Fatal(err)
		}
		if rows.Next() {
			var n int
			_ = rows.Scan(&n)
		}
	})
}

// A test that fills the pool on purpose: the rows stay open until the closure returns.
func TestFillThePool(t *testing.T) {
	db, err := sql.Open("fake", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	func() {
		for i := 0; i < 3; i++ {
			rows, err := db.Query("SELECT 1")
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
		}
	}()
}

// The test opens the database and closes it: no other test shares its pool, so rows it
// leaves open cost only this test's connections.
func TestOwnDatabase(t *testing.T) {
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT 1")
	if err != nil {
		t.Fatal(err)
	}
	if !rows.Next() {
		t.Fatal("no row")
	}
	for _, q := range []string{"SELECT 1", "SELECT 2"} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		if !rows.Next() {
			t.Fatal("no row")
		}
	}
	t.Run("sub", func(t *testing.T) {
		rows, err := db.Query("SELECT 3")
		if err != nil {
			t.Fatal(err)
		}
		if !rows.Next() {
			t.Fatal("no row")
		}
	})
}

// openTestDB hands each test a database of its own.
func openTestDB(t *testing.T) *sql.DB {
	db, err := sql.Open("postgres", "")
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// A database from a helper, which the test closes: its own as well.
func TestHelperDatabase(t *testing.T) {
	db := openTestDB(t)
	defer db.Close()
	r, err := db.Query("SELECT 1")
	if err != nil {
		t.Fatal(err)
	}
	if r.Next() {
		var n int
		_ = r.Scan(&n)
	}
}

// countRows runs for many tests on the shared database: each call holds a connection.
func countRows(t *testing.T, table string) int {
	rows, err := sharedDB.Query("SELECT count(*) FROM " + table) // want GL001:low "rows `rows` are closed only when rows.Next\(\) returns false"
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if rows.Next() {
		_ = rows.Scan(&n)
	}
	return n
}

// A shared database queried in a loop: every turn's rows keep a connection of the pool
// the other tests use.
func TestSharedInLoop(t *testing.T) {
	for _, q := range []string{"SELECT 1", "SELECT 2"} {
		rows, err := sharedDB.Query(q) // want GL001:low "rows `rows` are closed only when rows.Next\(\) returns false"
		if err != nil {
			t.Fatal(err)
		}
		if !rows.Next() {
			t.Fatal("no row")
		}
	}
}

// Examples are code users copy: judged as production code.
func ExamplePrepare() {
	stmt, err := sharedDB.Prepare("SELECT 1") // want GL001 "statement `stmt` from sharedDB.Prepare is never closed"
	if err != nil {
		return
	}
	_, _ = stmt.Exec()
}

// A database each subtest opens for itself and leaves open: rows left open there hold a
// connection of that pool alone, until the test binary exits (low).
func TestOwnDatabasePerCase(t *testing.T) {
	for _, dsn := range []string{"a", "b"} {
		t.Run(dsn, func(t *testing.T) {
			db, err := sql.Open("driver", dsn)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := db.Query("SELECT 1") // want GL001:low "closed only when rows.Next\(\) returns false"
			if err != nil {
				t.Fatal(err)
			}
			if !rows.Next() {
				t.Fatal("no row")
			}
		})
	}
}

// One database for the whole loop: every turn's rows keep one more of its connections,
// and a pool smaller than the loop hangs the test (shown).
func TestOwnDatabaseInLoop(t *testing.T) {
	db, err := sql.Open("driver", "dsn")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"SELECT 1", "SELECT 2"} {
		rows, err := db.Query(q) // want GL001:low "closed only when rows.Next\(\) returns false"
		if err != nil {
			t.Fatal(err)
		}
		if !rows.Next() {
			t.Fatal("no row")
		}
	}
}

// A local runner named like the package's hands out the shared database: the
// package's runWithDB, which closes its own, is not the one called.
func TestPreparedInLocalRunner(t *testing.T) {
	runWithDB := func(t *testing.T, tests ...func(dbt *dbTest)) {
		for _, test := range tests {
			test(&dbTest{t, sharedDB})
		}
	}
	runWithDB(t, func(dbt *dbTest) {
		for _, q := range []string{"SELECT 1", "SELECT 2"} {
			stmt, err := dbt.db.Prepare(q) // want GL001:low "statement `stmt` from dbt.db.Prepare is never closed"
			if err != nil {
				dbt.Fatal(err)
			}
			if _, err := stmt.Exec(); err != nil {
				dbt.Fatal(err)
			}
		}
	})
}
