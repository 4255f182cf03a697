package fixtures

import (
	"context"
	"database/sql"
	"log"
)

// Closing the DB closes its connections and the statements prepared on them.
func prepareOnClosedDB(dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	stmt, err := db.Prepare("SELECT 1")
	if err != nil {
		return err
	}
	_, err = stmt.Exec()
	return err
}

func prepareThenCloseDB(db *sql.DB) {
	stmt, err := db.Prepare("SELECT 1")
	if err != nil {
		log.Fatal(err)
	}
	if _, err := stmt.Exec(); err != nil {
		log.Print(err)
	}
	db.Close()
}

// A *sql.Conn goes back to the pool when closed: its statement stays prepared.
func prepareOnConn(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	stmt, err := conn.PrepareContext(ctx, "SELECT 1") // want GL001 "statement `stmt` from conn.PrepareContext is never closed"
	if err != nil {
		return err
	}
	_, err = stmt.ExecContext(ctx)
	return err
}

// The DB stays open: the statement must be closed.
func prepareOnOpenDB(db *sql.DB) error {
	stmt, err := db.Prepare("SELECT 1") // want GL001 "statement `stmt` from db.Prepare is never closed"
	if err != nil {
		return err
	}
	_, err = stmt.Exec()
	return err
}
