package e2e

import (
	"database/sql"

	"github.com/onsi/gomega"
)

// An integration suite's step (the file imports a test framework: test code): rows
// discarded there hold a connection of the suite's pool until the suite closes it, a
// cost that ends with the tests (low).
func setVariable(db *sql.DB, stmt string) {
	_, err := db.Query(stmt) // want GL001:low "rows from db.Query are discarded with `_`"
	gomega.Expect(err).NotTo(gomega.HaveOccurred())
}
