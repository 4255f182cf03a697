package helper

import "github.com/jmoiron/sqlx"

func readOne(rows *sqlx.Rows) (account, error) {
	var a account
	if rows.Next() {
		return a, rows.StructScan(&a)
	}
	return a, rows.Err()
}

func readAll(rows *sqlx.Rows) ([]account, error) {
	defer rows.Close()
	var all []account
	for rows.Next() {
		var a account
		if err := rows.StructScan(&a); err != nil {
			return nil, err
		}
		all = append(all, a)
	}
	return all, rows.Err()
}
