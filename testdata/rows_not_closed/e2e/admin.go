package e2e

import "database/sql"

// The same in a file of the folder that is no test code: shown.
func resetSessions(db *sql.DB) error {
	_, err := db.Query("DELETE FROM sessions") // want GL001 "rows from db.Query are discarded with `_`"
	return err
}
