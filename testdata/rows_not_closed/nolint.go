package fixtures

// A //nolint naming a peer linter that reports the same problem (sqlclosecheck) is the
// author's decision about this finding too; another linter's decides nothing.

import "database/sql"

func reviewedRows(db *sql.DB) error {
	rows, err := db.Query("SELECT 1") //nolint:sqlclosecheck // reviewed
	if err != nil {
		return err
	}
	return rows.Err()
}

func otherLinterRows(db *sql.DB) error {
	rows, err := db.Query("SELECT 1") //nolint:errcheck // want GL001 "rows"
	if err != nil {
		return err
	}
	return rows.Err()
}
