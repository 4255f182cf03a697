package fixtures

import (
	"database/sql"
	"fmt"
	"net/http"
)

// In a request handler a panic is recovered by the server, which goes on: the rows
// skipped by the panic keep their connection (shown).
func namesHandler(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rows, err := db.Query("SELECT name FROM users")
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				break
			}
			fmt.Fprintln(w, name)
		}
		rows.Close() // want GL001 "closed here, but not if the loop at line \d+ panics first"
	}
}
