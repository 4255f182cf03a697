package report

import "database/sql"

type store struct {
	db *sql.DB
}
