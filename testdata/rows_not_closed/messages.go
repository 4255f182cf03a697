package fixtures

import (
	"context"
	"database/sql"
	"errors"
)

// Many leaking exits: the message names the first one and counts the others, so that
// it stays one short sentence.
func findCustomerAccount(ctx context.Context, db *sql.DB, want string) (bool, error) {
	customerAccountRows, err := db.QueryContext(ctx, "SELECT name, kind FROM accounts") // want GL001 "^rows `customerAccountRows` are closed on the happy path but not when the loop returns at line 19 and 3 other exits; defer customerAccountRows.Close\(\)$"
	if err != nil {
		return false, err
	}
	for customerAccountRows.Next() {
		var name, kind string
		if err := customerAccountRows.Scan(&name, &kind); err != nil {
			return false, err
		}
		if kind == "closed" {
			return false, errors.New("closed account")
		}
		if kind == "frozen" {
			return false, errors.New("frozen account")
		}
		if name == want {
			return true, nil
		}
	}
	customerAccountRows.Close()
	return false, nil
}

// A statement discarded with `_`: nothing can close it.
func discardedStatement(db *sql.DB) error {
	_, err := db.Prepare("SELECT 1") // want GL001 "^statement from db.Prepare is discarded with `_` and can never be closed; bind it and defer its Close\(\)$"
	return err
}

// Rows bound with `_` for the error: the advice has no error check to follow.
func errorIgnored(db *sql.DB) int {
	rows, _ := db.Query("SELECT 1") // want GL001 "^rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not when the function returns at line 48; defer rows.Close\(\)$"
	n := 0
	if rows.Next() {
		n++
	}
	return n
}

// The same with a short name: the call stays in the message.
func findAccount(ctx context.Context, db *sql.DB, want string) (bool, error) {
	rows, err := db.QueryContext(ctx, "SELECT name, kind FROM accounts") // want GL001 "^rows `rows` from db.QueryContext are closed on the happy path but not when the loop returns at line 60 or 63 or 66 ...; defer rows.Close\(\) after the error check$"
	if err != nil {
		return false, err
	}
	for rows.Next() {
		var name, kind string
		if err := rows.Scan(&name, &kind); err != nil {
			return false, err
		}
		if kind == "closed" {
			return false, errors.New("closed account")
		}
		if kind == "frozen" {
			return false, errors.New("frozen account")
		}
		if name == want {
			return true, nil
		}
	}
	rows.Close()
	return false, nil
}
