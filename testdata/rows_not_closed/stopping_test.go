package fixtures

import (
	"database/sql"
	"testing"
)

// Close runs on the failing paths only, right before t.Fatal: "never closed" would be
// false, the success path is what leaks. A test helper's statement: one per call, which
// holds no connection.
func TestTwoQueries(t *testing.T, db *sql.DB) {
	stmt, err := db.Prepare("SELECT 1")
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
