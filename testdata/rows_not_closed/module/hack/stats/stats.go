// Package stats is a developer's tool that reports on a test database.
package stats

import "database/sql"

// Tables lists the tables of the schema.
func Tables(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM tables") // want GL001:low
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, nil
}
