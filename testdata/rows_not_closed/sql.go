package fixtures

import (
	"context"
	"database/sql"
	"errors"
	"log"
)

type user struct {
	ID   int
	Name string
}

func deferredClose(db *sql.DB) ([]user, error) {
	rows, err := db.Query("SELECT id, name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var users []user
	for rows.Next() {
		var u user
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	return users, rows.Err()
}

func neverClosed(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT count(*) FROM users") // want GL001 "rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not when the function returns at line 41"
	if err != nil {
		return 0, err
	}
	n := 0
	if rows.Next() {
		err = rows.Scan(&n)
	}
	return n, err
}

func closedInDeferredClosure(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	defer func() {
		if cerr := rows.Close(); cerr != nil {
			log.Print(cerr)
		}
	}()
	for rows.Next() {
	}
	return rows.Err()
}

// The loop returns early: the explicit Close at the end is skipped.
func earlyReturnInLoop(db *sql.DB, want string) (bool, error) {
	rows, err := db.Query("SELECT name FROM users") // want GL001 "closed on the happy path but not when the loop returns at line 68 or 71"
	if err != nil {
		return false, err
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return false, err
		}
		if name == want {
			return true, nil
		}
	}
	rows.Close()
	return false, nil
}

func errorBranchAfterAcquisition(db *sql.DB) error {
	rows, err := db.Query("SELECT 1") // want GL001 "closed on the happy path but not when the function returns at line 84"
	if err != nil {
		return err
	}
	if cols, err := rows.Columns(); err != nil || len(cols) == 0 {
		return errors.New("no columns")
	}
	rows.Close()
	return nil
}

func closedOnEveryPath(db *sql.DB, strict bool) error {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	if strict {
		rows.Close()
		return errors.New("strict")
	}
	rows.Close()
	return nil
}

func returnedDirectly(db *sql.DB) (*sql.Rows, error) {
	return db.Query("SELECT 1")
}

func returnedViaVariable(db *sql.DB) (*sql.Rows, error) {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return nil, err
	}
	return rows, nil
}

func scanAll(rows *sql.Rows) error {
	defer rows.Close()
	for rows.Next() {
	}
	return rows.Err()
}

func passedToHelper(db *sql.DB) error {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	return scanAll(rows)
}

type cursor struct {
	rows *sql.Rows
}

func (c *cursor) open(db *sql.DB) error {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	c.rows = rows
	return nil
}

func wrapped(db *sql.DB) (*cursor, error) {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return nil, err
	}
	return &cursor{rows: rows}, nil
}

func capturedByGoroutine(db *sql.DB, done chan<- int) error {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	go func() {
		defer rows.Close()
		n := 0
		for rows.Next() {
			n++
		}
		done <- n
	}()
	return nil
}

func sentOnChannel(db *sql.DB, out chan<- *sql.Rows) error {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	out <- rows
	return nil
}

// The inner rows is closed; the outer one never is.
func shadowed(db *sql.DB, again bool) error {
	rows, err := db.Query("SELECT 1") // want GL001 "never closed"
	if err != nil {
		return err
	}
	if again {
		rows, err := db.Query("SELECT 2")
		if err != nil {
			return err
		}
		defer rows.Close()
	}
	return rows.Err()
}

// Shadowed the other way: the outer rows is closed, the inner one leaks.
func shadowedInner(db *sql.DB, again bool) error {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	if again {
		rows, err := db.Query("SELECT 2") // want GL001 "not when the function returns"
		if err != nil {
			return err
		}
		if rows.Next() {
			return nil
		}
	}
	return nil
}

func queryRowIsSilent(db *sql.DB) (int, error) {
	var n int
	err := db.QueryRow("SELECT 1").Scan(&n)
	return n, err
}

func discarded(db *sql.DB) error {
	_, err := db.Query("DELETE FROM sessions") // want GL001 "^rows from db.Query are discarded with `_` and can never be closed; use db.Exec if no row is read, or bind them and defer their Close\(\)$"
	return err
}

func preparedNeverClosed(db *sql.DB) error {
	stmt, err := db.Prepare("INSERT INTO t VALUES (?)") // want GL001 "statement `stmt` from db.Prepare is never closed"
	if err != nil {
		return err
	}
	_, err = stmt.Exec(1)
	return err
}

func preparedClosed(tx *sql.Tx) error {
	stmt, err := tx.Prepare("INSERT INTO t VALUES (?)")
	if err != nil {
		return err
	}
	defer stmt.Close()
	_, err = stmt.Exec(1)
	return err
}

// Each iteration's rows must be closed before the next query.
func perIteration(db *sql.DB, ids []int) error {
	for _, id := range ids {
		rows, err := db.Query("SELECT * FROM t WHERE id = ?", id) // want GL001 "closed only when rows.Next\(\) returns false, not when the loop iteration ends at line 252; call rows.Close\(\) before the iteration ends"
		if err != nil {
			return err
		}
		var name string
		if rows.Next() {
			rows.Scan(&name)
		}
	}
	return nil
}

// Closed only when the row is missing: the iteration ending with a row leaks.
func perIterationSomePaths(db *sql.DB, ids []int) error {
	for _, id := range ids {
		rows, err := db.Query("SELECT * FROM t WHERE id = ?", id) // want GL001 "closed on some paths but not when the loop iteration ends at line"
		if err != nil {
			return err
		}
		if !rows.Next() {
			rows.Close()
			continue
		}
	}
	return nil
}

// Rows closes itself when Next returns false: a loop that runs to its end releases
// it (a break or return out of the loop does not).
func iteratedToTheEnd(db *sql.DB) (n int, err error) {
	rows, err := db.Query("SELECT id FROM t")
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

func breakOutOfIteration(db *sql.DB) (n int, err error) {
	rows, err := db.Query("SELECT id FROM t") // want GL001 "closed only when rows.Next\(\) returns false, not when the function returns at line 294"
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		if n++; n > 10 {
			break
		}
	}
	return n, rows.Err()
}

func perIterationClosed(db *sql.DB, ids []int) error {
	for _, id := range ids {
		rows, err := db.Query("SELECT * FROM t WHERE id = ?", id)
		if err != nil {
			return err
		}
		for rows.Next() {
		}
		if err := rows.Close(); err != nil {
			return err
		}
	}
	return nil
}

// Reassigned without closing the first result.
func reassigned(db *sql.DB) error {
	rows, err := db.Query("SELECT 1") // want GL001 "reassigned at line"
	if err != nil {
		return err
	}
	rows, err = db.Query("SELECT 2")
	if err != nil {
		return err
	}
	defer rows.Close()
	return nil
}

// A test helper whose failure paths stop the test.
func mustCount(db *sql.DB, fatal func(...interface{})) int {
	rows, err := db.Query("SELECT count(*) FROM t")
	if err != nil {
		log.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		if err := rows.Scan(&n); err != nil {
			panic(err)
		}
	}
	return n
}

// An unrelated Query with one result (url.Values and the like) is not a database call.
type request struct{ q map[string][]string }

func (r request) Query() map[string][]string { return r.q }

func urlQuery(r request) string {
	q := r.Query()
	return q["a"][0]
}

// The resource is closed when it is not nil.
func closedWhenNotNil(db *sql.DB) error {
	rows, err := db.Query("SELECT 1")
	if rows != nil {
		defer rows.Close()
	}
	return err
}

// Acquired in an if initializer: the rows live as long as the if statement.
func inIfInitializer(db *sql.DB) bool {
	if rows, err := db.Query("SELECT 1"); err == nil { // want GL001 "never closed"
		return rows.Next()
	}
	return false
}

func inIfInitializerClosed(db *sql.DB) bool {
	if rows, err := db.Query("SELECT 1"); err != nil {
		return false
	} else {
		defer rows.Close()
		return rows.Next()
	}
}

func inIfInitializerFallsThrough(db *sql.DB) (n int) {
	if rows, err := db.Query("SELECT 1"); err == nil { // want GL001 "closed only when rows.Next\(\) returns false, not when its block ends at line 383"
		if rows.Next() {
			n++
		}
	}
	return n
}

// Known miss: closing through an alias counts as handing the rows on.
func aliasNeverClosed(db *sql.DB) error {
	rows, err := db.Query("SELECT 1") // todo GL001 an alias is treated as an escape
	if err != nil {
		return err
	}
	r := rows
	r.Next()
	return nil
}

// A switch on the error right after the query.
func switchOnError(db *sql.DB) error {
	rows, err := db.Query("SELECT 1")
	switch {
	case err != nil:
		return err
	case rows == nil:
		return errors.New("no rows")
	}
	defer rows.Close()
	return nil
}
