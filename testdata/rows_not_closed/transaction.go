package fixtures

import (
	"database/sql"
	"strings"
)

// Rows of a transaction close when it commits or rolls back: the early return leaves
// them open only until the caller ends the transaction.
func namesInTx(tx *sql.Tx) ([]string, error) {
	rows, err := tx.Query("SELECT name FROM users") // want GL001 "^rows `rows` are closed only when Next\(\) returns false or the transaction ends, not when the loop returns at line 19; defer rows.Close\(\) after the error check$"
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
	rows, err := db.Query("SELECT name FROM users") // want GL001 "^rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not when the loop returns at line 36; defer rows.Close\(\) after the error check$"
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
