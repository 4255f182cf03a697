package fixtures

import "database/sql"

type plugs struct{}

func (plugs) BeforePreparePlug(name string) error { return nil }

// A method whose name holds `Prepare` past its start prepares no statement: the
// file is read for the calls below only.
func notAStatement(p plugs) error {
	err := p.BeforePreparePlug("x")
	return err
}

// A comment between the method and its arguments still calls it.
func commentBeforeArguments(db *sql.DB) error {
	stmt, err := db.Prepare /* the statement */ ("SELECT 1") // want GL001 "statement `stmt` from db.Prepare is never closed"
	if err != nil {
		return err
	}
	_, err = stmt.Exec()
	return err
}

// Arguments on the lines below the call.
func argumentsBelow(db *sql.DB) ([]string, error) {
	rows, err := db.Query( // want GL001 "rows `rows` are closed only when rows.Next\(\) returns false"
		"SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	var names []string
	if rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, nil
}
