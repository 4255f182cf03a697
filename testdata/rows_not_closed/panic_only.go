package fixtures

import (
	"database/sql"
	"errors"
	"fmt"
	"log"
	"strings"
)

// Read to the end with no Close: Next closes the rows when it returns false, but a panic
// in the loop leaves them open; nothing there shows a cause for one: low confidence.
func namesToTheEnd(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM users") // want GL001:low "^rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not if the loop at line 19 panics; defer rows.Close\(\) after the error check$"
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			log.Fatal(err) // ends the process: not a way out that leaks
		}
		names = append(names, strings.ToUpper(name))
	}
	return names, rows.Err()
}

// The same loop with a return inside: a path the code takes leaves the rows open.
func firstEmptyName(db *sql.DB) error {
	rows, err := db.Query("SELECT name FROM users") // want GL001 "^rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not when the loop returns at line 41; defer rows.Close\(\) after the error check$"
	if err != nil {
		return err
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			log.Fatal(err)
		}
		if name == "" {
			return errors.New("empty name")
		}
	}
	return rows.Err()
}

// A break out of the loop leads to the return with the rows open.
func namesUntilBlank(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM users") // want GL001 "^rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not when the function returns at line 61"
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var name string
		if rows.Scan(&name) != nil || name == "" {
			break
		}
		names = append(names, name)
	}
	return names, rows.Err()
}

// Closed, but not deferred: the Close is skipped if the loop panics (in the
// package's own code it calls).
func namesThenClose(db *sql.DB) []string {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		log.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			log.Fatal(err)
		}
		names = append(names, normalized(name))
	}
	fmt.Println(len(names))
	rows.Close() // want GL001 "^rows `rows` from db.Query at line 67 are closed here, but not if the loop at line 72 panics first; defer rows.Close\(\) after the error check$"
	return names
}

func normalized(name string) string { return strings.ToLower(name) }

// The same loop with only the rows' own Scan in it: the function closes them itself
// and reads Close's error (a plain defer would drop it), and nothing in the loop runs
// code of the program but a Scanner, so no report.
func namesScannedThenClosed(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return nil, err
		}
		names = append(names, name)
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("closing: %w", err)
	}
	return names, nil
}

// A statement closed at the end, after calls that may panic.
func renameUser(db *sql.DB, id int, name string) {
	stmt, err := db.Prepare("UPDATE users SET name = ? WHERE id = ?")
	if err != nil {
		log.Fatal(err)
	}
	if _, err := stmt.Exec(name, id); err != nil {
		log.Fatal(err)
	}
	log.Printf("renamed %d", id)
	stmt.Close() // want GL001 "^statement `stmt` from db.Prepare at line 111 is closed here, but not if a call at line 115 panics first; defer stmt.Close\(\) after the error check$"
}

// Nothing between the error check and the Close can panic: no report.
func prepareOnly(db *sql.DB) error {
	stmt, err := db.Prepare("SELECT 1")
	if err != nil {
		return err
	}
	return stmt.Close()
}

// Only builtins run while the rows are open: no call to panic in.
func closedAtOnce(db *sql.DB, n int) (int, error) {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return 0, err
	}
	n = n*2 + len("x")
	rows.Close()
	return n, nil
}

// Deferred: nothing to say.
func namesDeferred(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, rows.Err()
}

// Handed to a closer: its business.
func namesHanded(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	return collect(rows)
}

func collect(rows *sql.Rows) ([]string, error) {
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, rows.Err()
}

// In a loop a defer would wait for the function: the panic path is not reported there.
func perTable(db *sql.DB, tables []string) int {
	n := 0
	for _, table := range tables {
		rows, err := db.Query("SELECT 1 FROM " + table)
		if err != nil {
			continue
		}
		for rows.Next() {
			n++
		}
	}
	return n
}

// Several result sets: Next does not close the rows between them.
func twoResultSets(db *sql.DB) int {
	rows, err := db.Query("SELECT 1; SELECT 2")
	if err != nil {
		return 0
	}
	n := 0
	for {
		for rows.Next() {
			n++
		}
		if !rows.NextResultSet() {
			break
		}
	}
	return n
}

// Only Next and formatting run while the rows are open: nothing worth a warning.
func formattedThenClosed(db *sql.DB, table string) (string, error) {
	rows, err := db.Query("SELECT 1 FROM " + table)
	if err != nil {
		return "", err
	}
	found := rows.Next()
	query := fmt.Sprintf("SELECT %t", found)
	rows.Close()
	return query, nil
}

// Several queries in a row on one variable, each closed explicitly on its error path
// and before the next query: closing each one frees its connection for the next, a
// defer would hold them all until the return. No report, though scanOne may panic.
func twoCounts(db *sql.DB, table string) (int, int, error) {
	var first, second int
	rows, err := db.Query("SELECT count(*) FROM " + table)
	if err != nil {
		return 0, 0, err
	}
	if err := scanOne(rows, &first); err != nil {
		rows.Close()
		return 0, 0, err
	}
	rows.Close()
	rows, err = db.Query("SELECT count(*) FROM " + table + " WHERE ok")
	if err != nil {
		return 0, 0, err
	}
	if err := scanOne(rows, &second); err != nil {
		rows.Close()
		return 0, 0, err
	}
	rows.Close()
	return first, second, nil
}

func scanOne(rows *sql.Rows, dest any) error {
	if !rows.Next() {
		return errors.New("no row")
	}
	return rows.Scan(dest)
}

// The second query's rows are not closed when its scan fails: a path the code takes.
func twoCountsLeaky(db *sql.DB, table string) (int, int, error) {
	var first, second int
	rows, err := db.Query("SELECT count(*) FROM " + table)
	if err != nil {
		return 0, 0, err
	}
	if err := scanOne(rows, &first); err != nil {
		rows.Close()
		return 0, 0, err
	}
	rows.Close()
	rows, err = db.Query("SELECT count(*) FROM " + table + " WHERE ok") // want GL001 "^rows `rows` from db.Query are closed on the happy path but not when the function returns at line 277; defer rows.Close\(\) after the error check$"
	if err != nil {
		return 0, 0, err
	}
	if err := scanOne(rows, &second); err != nil {
		return 0, 0, err
	}
	rows.Close()
	return first, second, nil
}

// Two queries on two variables: the second one's Close after a call that may panic
// is reported as before.
func countThenNames(db *sql.DB, table string) (int, error) {
	var n int
	count, err := db.Query("SELECT count(*) FROM " + table)
	if err != nil {
		return 0, err
	}
	defer count.Close()
	if err := scanOne(count, &n); err != nil {
		return 0, err
	}
	rows, err := db.Query("SELECT name FROM " + table)
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			log.Fatal(err)
		}
		log.Print(normalized(name))
	}
	rows.Close() // want GL001 "^rows `rows` from db.Query at line 295 are closed here, but not if the loop at line 299 panics first; defer rows.Close\(\) after the error check$"
	return n, nil
}

// Only Scan in the loop, but Close's error is dropped: `defer rows.Close()` loses
// nothing, and a panicking Scanner would leave the rows open.
func namesScannedThenDropped(db *sql.DB) []string {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		log.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			log.Fatal(err)
		}
		names = append(names, name)
	}
	rows.Close() // want GL001 "^rows `rows` from db.Query at line 313 are closed here, but not if the loop at line 318 panics first; defer rows.Close\(\) after the error check$"
	return names
}
