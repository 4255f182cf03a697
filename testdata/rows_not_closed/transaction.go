package fixtures

import (
	"database/sql"
	"fmt"
	"strings"
)

// Rows of a transaction close when it commits or rolls back: the early return of an
// error leaves them open only until the caller, told of the error, rolls it back.
func namesInTx(tx *sql.Tx) ([]string, error) {
	rows, err := tx.Query("SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, strings.ToUpper(name))
	}
	return names, rows.Err()
}

// The same on the database: the connection goes back to the pool only if it is closed.
func namesInDB(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM users") // want GL001 "^rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not when the loop returns at line 37; defer rows.Close\(\) after the error check$"
	if err != nil {
		return nil, err
	}
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

// The function commits the transaction, which closes the rows, and runs nothing else
// on it before: nothing is left open.
func countInTx(db *sql.DB) (int, error) {
	tx, err := db.Begin()
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	rows, err := tx.Query("SELECT count(*) FROM users")
	if err != nil {
		return 0, err
	}
	var n int
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	return n, tx.Commit()
}

// Another statement runs on the transaction while the rows are still open.
func countThenUpdate(db *sql.DB) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	rows, err := tx.Query("SELECT count(*) FROM users") // want GL001 "^rows `rows` are closed only when Next\(\) returns false or the transaction ends, not when the function returns at line \d+; defer rows.Close\(\)$"
	if err != nil {
		return err
	}
	if rows.Next() {
		var n int
		_ = rows.Scan(&n)
	}
	if _, err := tx.Exec("UPDATE users SET seen = 1"); err != nil {
		tx.Rollback()
	}
	return tx.Commit()
}

// A return of no error hands the transaction back with the rows open: the caller's
// next query on it fails while they are unread (drivers: "busy buffer", "conn busy").
func firstNameInTx(tx *sql.Tx) (string, error) {
	rows, err := tx.Query("SELECT name FROM users") // want GL001 "^rows `rows` are closed only when Next\(\) returns false or the transaction ends, not when the function returns at line 95; defer rows.Close\(\)$"
	if err != nil {
		return "", err
	}
	if rows.Next() {
		var name string
		err := rows.Scan(&name)
		return name, err
	}
	return "", nil
}

// An error return, but the function runs another statement on the transaction while
// the rows may still be open.
func markFirstInTx(tx *sql.Tx) error {
	rows, err := tx.Query("SELECT id FROM users") // want GL001 "^rows `rows` are closed only when Next\(\) returns false or the transaction ends, not when the function returns at line 110 and 1 other exit; defer rows.Close\(\)$"
	if err != nil {
		return err
	}
	var id int
	if rows.Next() {
		if err := rows.Scan(&id); err != nil {
			return err
		}
	}
	if _, err := tx.Exec("UPDATE users SET first = 1 WHERE id = ?", id); err != nil {
		return err
	}
	return rows.Close()
}

// Each iteration leaves its rows open on the transaction it queries again.
func sumsInTx(tx *sql.Tx, ids []int) (int, error) {
	total := 0
	for _, id := range ids {
		rows, err := tx.Query("SELECT n FROM t WHERE id = ?", id) // want GL001 "^rows `rows` from tx.Query are never closed \(the transaction's end closes them then\); call rows.Close\(\) before the iteration ends$"
		if err != nil {
			return 0, err
		}
		var n int
		if rows.Next() && rows.Scan(&n) == nil {
			total += n
		}
	}
	return total, nil
}

// A transaction the function begins and rolls back by defer: the error returns close
// the rows; the statements after them run once they are closed.
func renameAllInTx(db *sql.DB) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rows, err := tx.Query("SELECT id, name FROM users")
	if err != nil {
		return err
	}
	renamed := map[int]string{}
	for rows.Next() {
		var id int
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		renamed[id] = strings.ToUpper(name)
	}
	rows.Close()
	for id, name := range renamed {
		if _, err := tx.Exec("UPDATE users SET name = ? WHERE id = ?", name, id); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// A transaction the function begins and never ends: it stays open with its rows.
func namesInOpenTx(db *sql.DB) ([]string, error) {
	tx, err := db.Begin()
	if err != nil {
		return nil, err
	}
	rows, err := tx.Query("SELECT name FROM users") // want GL001 "^rows `rows` are closed only when Next\(\) returns false or the transaction ends, not when the loop returns at line \d+; defer rows.Close\(\) after the error check$"
	if err != nil {
		return nil, err
	}
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

// Closed without a defer, with a callback in the loop that may panic: a panic that
// skips the caller's end of the transaction leaves its connection held whether or not
// the rows are closed, and one that runs it closes them. No report.
func rewriteInTx(tx *sql.Tx, change func(string) string) ([]string, error) {
	rows, err := tx.Query("SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			_ = rows.Close()
			return nil, err
		}
		names = append(names, change(name))
	}
	err = rows.Err()
	_ = rows.Close()
	return names, err
}

// A statement prepared on the transaction before the rows are read, and run while the
// loop reads them, is the code's design; only the error returns leave them open.
func copyNamesInTx(tx *sql.Tx) error {
	rows, err := tx.Query("SELECT id, name FROM users")
	if err != nil {
		return err
	}
	stmt, err := tx.Prepare("UPDATE users SET upper = ? WHERE id = ?")
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return fmt.Errorf("scan: %w", err)
		}
		if _, err := stmt.Exec(strings.ToUpper(name), id); err != nil {
			return err
		}
	}
	return rows.Err()
}
