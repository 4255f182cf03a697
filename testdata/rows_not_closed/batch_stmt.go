package fixtures

import "database/sql"

// A statement's Close leaves the rows it gave out open: the loop's return leaks them.
func stmtNames(db *sql.DB) ([]string, error) {
	stmt, err := db.Prepare("SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	rows, err := stmt.Query() // want GL001 "not when the loop returns at line 19"
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		if err := rows.Scan(new(string)); err != nil {
			return names, err
		}
	}
	rows.Close()
	return names, nil
}
