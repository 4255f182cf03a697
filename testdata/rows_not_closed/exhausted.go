package fixtures

import (
	"database/sql"
	"log"
)

// Going on after `if rows.Next() { log.Fatal(...) }` means Next returned false, which
// closed the rows.
func expectNoRows(db *sql.DB) []string {
	rows, err := db.Query("SELECT name FROM users WHERE false")
	if err != nil {
		log.Fatal(err)
	}
	cols, err := rows.Columns()
	if err != nil {
		log.Fatal(err)
	}
	if rows.Next() {
		log.Fatal("unexpected row")
	}
	return cols
}

func expectNoRowsElse(db *sql.DB) error {
	rows, err := db.Query("SELECT 1 WHERE false")
	if err != nil {
		return err
	}
	if !rows.Next() {
		return rows.Err()
	}
	return rows.Close()
}

// One row read: the rest stay open.
func firstRowOnly(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT id FROM users") // want GL001 "^rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not when the function returns at line 47; defer rows.Close\(\) after the error check$"
	if err != nil {
		return 0, err
	}
	var id int
	if !rows.Next() {
		return 0, rows.Err()
	}
	err = rows.Scan(&id)
	return id, err
}

// A statement prepared on a transaction is closed when the transaction ends.
func preparedInTx(db *sql.DB, names []string) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.Prepare("INSERT INTO users(name) VALUES(?)")
	if err != nil {
		return err
	}
	for _, name := range names {
		if _, err := stmt.Exec(name); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func preparedOnNamedTx(txn *sql.Tx) error {
	stmt, err := txn.Prepare("DELETE FROM users")
	if err != nil {
		return err
	}
	_, err = stmt.Exec()
	return err
}

func preparedOnDB(db *sql.DB) error {
	stmt, err := db.Prepare("DELETE FROM users") // want GL001 "statement `stmt` from db.Prepare is never closed; defer stmt.Close\(\) after the error check"
	if err != nil {
		return err
	}
	_, err = stmt.Exec()
	return err
}

type preparer struct{ db *sql.DB }

func (p preparer) Prepare(query string) (*sql.Stmt, error) { return p.db.Prepare(query) }

// `ctx` ends in "tx" but is no transaction.
func preparedOnCtx(ctx preparer) error {
	stmt, err := ctx.Prepare("DELETE FROM users") // want GL001 "statement `stmt` from ctx.Prepare is never closed"
	if err != nil {
		return err
	}
	_, err = stmt.Exec()
	return err
}
