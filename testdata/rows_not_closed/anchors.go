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
func argumentsBelow(db *sql.DB) (int, error) {
	rows, err := db.Query( // want GL001 "rows `rows` from db.Query are never closed"
		"SELECT 1")
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
	}
	return n, nil
}
