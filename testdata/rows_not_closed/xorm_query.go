package fixtures

import (
	"database/sql"

	"xorm.io/xorm"
)

var engine *xorm.Engine

// xorm's Query reads every row into a slice and closes them itself: nothing to close.
func truncateAll(tables []string) error {
	for _, name := range tables {
		if _, err := engine.Query("DELETE FROM " + name); err != nil {
			return err
		}
	}
	return nil
}

func countWith(s *xorm.Session) (int, error) {
	results, err := s.Query("SELECT count(*) FROM t")
	return len(results), err
}

// database/sql's Query hands back open rows: discarded, they hold their connection.
func truncateAllSQL(db *sql.DB, tables []string) error {
	for _, name := range tables {
		if _, err := db.Query("DELETE FROM " + name); err != nil { // want GL001
			return err
		}
	}
	return nil
}
