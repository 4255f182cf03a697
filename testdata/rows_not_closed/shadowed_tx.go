package fixtures

import "database/sql"

// The Commit is each batch's own transaction, named like the one the rows come from:
// that one is not ended here, and the rows stay open when the function returns.
func countAndCommit(tx *sql.Tx, batches []*sql.Tx) (int, error) {
	rows, err := tx.Query("SELECT count(*) FROM users") // want GL001 "closed only when Next\(\) returns false or the transaction ends, not when the function returns at line 15 and 2 other exits"
	if err != nil {
		return 0, err
	}
	var n int
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	for _, tx := range batches {
		if err := tx.Commit(); err != nil {
			return n, err
		}
	}
	return n, nil
}
