package helper

import "github.com/jmoiron/sqlx"

type account struct {
	ID   int    `db:"id"`
	Name string `db:"name"`
}

// The rows go to a helper of another file that reads one row and closes nothing.
func firstAccount(db *sqlx.DB) (account, error) {
	rows, err := db.Queryx("SELECT id, name FROM accounts") // want GL001 "^rows `rows` from db.Queryx are passed to readOne, which reads them but never calls Close; defer rows.Close\(\) after the error check$"
	if err != nil {
		return account{}, err
	}
	return readOne(rows)
}

// The helper of another file closes them.
func allAccounts(db *sqlx.DB) ([]account, error) {
	rows, err := db.Queryx("SELECT id, name FROM accounts")
	if err != nil {
		return nil, err
	}
	return readAll(rows)
}
