package fixtures

import (
	"database/sql"
	"testing"
)

// Close runs on the failing paths only, right before t.Fatal: "never closed" would be
// false, the success path is what leaks.
func TestTwoQueries(t *testing.T, db *sql.DB) {
	stmt, err := db.Prepare("SELECT 1") // want GL001 "statement `stmt` from db.Prepare is closed only before t.Fatal, not when the function ends at line 27; defer stmt.Close"
	if err != nil {
		t.Fatal(err)
	}
	first, err := stmt.Query()
	if err != nil {
		stmt.Close()
		t.Fatal(err)
	}
	defer first.Close()
	second, err := stmt.Query()
	if err != nil {
		stmt.Close()
		t.Fatal(err)
	}
	defer second.Close()
}
