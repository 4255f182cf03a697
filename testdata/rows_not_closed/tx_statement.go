package fixtures

import "database/sql"

// Rows of a statement prepared on a transaction belong to it: the transaction's end,
// which follows the error returns, closes them (as for tx.Query rows).
func labelsInTx(tx *sql.Tx, ids []int) ([]string, error) {
	stmt, err := tx.Prepare("SELECT label FROM labels WHERE id = ?")
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	var labels []string
	for _, id := range ids {
		r, err := stmt.Query(id)
		if err != nil {
			return nil, err
		}
		for r.Next() {
			var label string
			if err := r.Scan(&label); err != nil {
				return nil, err
			}
			labels = append(labels, label)
		}
	}
	return labels, nil
}

// A statement the function takes into its transaction with tx.Stmt, then commits:
// the commit closes its rows.
func countInTxStmt(db *sql.DB, prepared *sql.Stmt) (int, error) {
	tx, err := db.Begin()
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	stmt := tx.Stmt(prepared)
	rows, err := stmt.Query()
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	return n, tx.Commit()
}

// A statement prepared on the database: its rows hold a connection of the pool.
func labelsInDB(db *sql.DB, ids []int) ([]string, error) {
	stmt, err := db.Prepare("SELECT label FROM labels WHERE id = ?")
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	var labels []string
	for _, id := range ids {
		r, err := stmt.Query(id) // want GL001 "^rows `r` from stmt.Query are closed only when r.Next\(\) returns false, not when the loop returns at line 68"
		if err != nil {
			return nil, err
		}
		for r.Next() {
			var label string
			if err := r.Scan(&label); err != nil {
				return nil, err
			}
			labels = append(labels, label)
		}
	}
	return labels, nil
}
