package fixtures

import "database/sql"

// A migration step on the runner's transaction, named by a local: its error returns
// leave the rows to the rollback the runner gives the transaction.
type migration struct {
	Tx *sql.Tx
}

func (m *migration) namesOfRunnersTx() ([]string, error) {
	tx := m.Tx
	rows, err := tx.Query("SELECT name FROM users")
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

// The same local, but a nil error hands the transaction back with the rows open.
func (m *migration) firstOfRunnersTx() (string, error) {
	tx := m.Tx
	rows, err := tx.Query("SELECT name FROM users") // want GL001 "not when the function returns at line \d+"
	if err != nil {
		return "", err
	}
	var name string
	if rows.Next() {
		return name, rows.Scan(&name)
	}
	return name, nil
}
