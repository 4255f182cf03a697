package fixtures

import (
	"database/sql"
	"errors"
)

var errNoStore = errors.New("no store")

// `err == sql.ErrNoRows` holds only when Query failed, and a failed Query returns nil
// rows: nothing is open where the loop breaks.
func purgeIDs(stmt *sql.Stmt, limit int) error {
	for {
		rows, err := stmt.Query(limit)
		if err == sql.ErrNoRows {
			break
		}
		if err != nil {
			return err
		}
		count := 0
		for rows.Next() {
			count++
		}
		rows.Close()
		if count < limit {
			break
		}
	}
	return nil
}

// errors.Is with a non-nil target, and a package sentinel: both say err != nil.
func firstName(db *sql.DB) (string, error) {
	rows, err := db.Query("SELECT name FROM users")
	if errors.Is(err, sql.ErrConnDone) || err == errNoStore {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var name string
	for rows.Next() {
		if err := rows.Scan(&name); err != nil {
			return "", err
		}
	}
	return name, rows.Err()
}

// `err != sql.ErrNoRows` holds for a nil err too: the rows are open when it returns.
func anyName(db *sql.DB) (bool, error) {
	rows, err := db.Query("SELECT name FROM users") // want GL001 "never closed"
	if err != sql.ErrNoRows {
		return err == nil, err
	}
	return false, nil
}

// A local error may be nil: the comparison does not say Query failed.
func sameFailure(db *sql.DB, last error) error {
	rows, err := db.Query("SELECT name FROM users") // want GL001
	if err == last {
		return nil
	}
	if err != nil {
		return err
	}
	defer rows.Close()
	return nil
}
