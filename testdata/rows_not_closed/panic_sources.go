package fixtures

import (
	"database/sql"
	"log"
	"strings"
)

// A Close that the function runs by hand on several paths (explicit closing by design)
// and that only a panic skips is shown where the code that runs while the rows are
// open shows a cause for one; otherwise it is of low confidence.

// The loop runs the caller's callback, whose code may panic (a server recovers it).
func visitCounts(db *sql.DB, visit func(string, int)) error {
	rows, err := db.Query("SELECT state, n FROM counts")
	if err != nil {
		return err
	}
	for rows.Next() {
		var state string
		var n int
		if err := rows.Scan(&state, &n); err != nil {
			_ = rows.Close() // want GL001 "^rows `rows` from db.Query at line \d+ are closed here, but not if the loop at line \d+ panics first; defer rows.Close\(\) after the error check$"
			return err
		}
		visit(state, n)
	}
	_ = rows.Close()
	return rows.Err()
}

// Rows that the function never closes, left to Next, with nothing in the loop that shows
// a cause for a panic: of low confidence.
func upperNames(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM users") // want GL001:low "^rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not if the loop at line \d+ panics"
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			log.Fatal(err)
		}
		names = append(names, upper(name))
	}
	return names, rows.Err()
}

func upper(name string) string { return strings.ToUpper(name) }

// Closed by hand on every exit (the scan error and after the loop), which frees the
// connection before the function goes on: explicit closing by design, and nothing in
// the loop shows a panic.
func countByState(db *sql.DB) (map[string]int, error) {
	rows, err := db.Query("SELECT state, n FROM counts")
	if err != nil {
		return nil, err
	}
	counts := map[string]int{}
	for rows.Next() {
		var state string
		var n int
		if err := rows.Scan(&state, &n); err != nil {
			_ = rows.Close() // want GL001:low "^rows `rows` from db.Query at line \d+ are closed here, but not if the loop at line \d+ panics first"
			return nil, err
		}
		counts[upper(state)] += n
	}
	_ = rows.Close()
	log.Printf("%d states", len(counts))
	return counts, rows.Err()
}

// The same, with an explicit panic in the loop: shown.
func countByKnownState(db *sql.DB) (map[string]int, error) {
	rows, err := db.Query("SELECT state, n FROM counts")
	if err != nil {
		return nil, err
	}
	counts := map[string]int{}
	for rows.Next() {
		var state string
		var n int
		if err := rows.Scan(&state, &n); err != nil {
			_ = rows.Close() // want GL001 "^rows `rows` from db.Query at line \d+ are closed here, but not if the loop at line \d+ panics first"
			return nil, err
		}
		if state == "" {
			panic("empty state")
		}
		counts[state] += n
	}
	_ = rows.Close()
	return counts, rows.Err()
}

// The same, with a type assertion that panics on another type: shown.
func namesOfValues(db *sql.DB, lookup map[string]any) ([]string, error) {
	rows, err := db.Query("SELECT key FROM entries")
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var key string
		if err := rows.Scan(&key); err != nil {
			_ = rows.Close() // want GL001 "closed here, but not if the loop at line \d+ panics first"
			return nil, err
		}
		names = append(names, lookup[key].(string))
	}
	_ = rows.Close()
	return names, rows.Err()
}

// A checked type assertion cannot panic: of low confidence again.
func namesOfStrings(db *sql.DB, lookup map[string]any) ([]string, error) {
	rows, err := db.Query("SELECT key FROM entries")
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var key string
		if err := rows.Scan(&key); err != nil {
			_ = rows.Close() // want GL001:low "closed here, but not if the loop at line \d+ panics first"
			return nil, err
		}
		if name, ok := lookup[key].(string); ok {
			names = append(names, upper(name))
		}
	}
	_ = rows.Close()
	return names, rows.Err()
}

// A driver's own statement on one connection (its declared type is the package's, not
// database/sql's): no pool's connection to leave checked out on a panic.
type Stmt struct{ id uint32 }

type Conn struct{}

func (c *Conn) Prepare(query string) (*Stmt, error) { return &Stmt{}, nil }

func (s *Stmt) Execute(args ...any) (int, error) { return len(args), nil }

func (s *Stmt) Close() error { return nil }

func (c *Conn) Execute(query string, args ...any) (int, error) {
	s, err := c.Prepare(query)
	if err != nil {
		return 0, err
	}
	n, err := s.Execute(args...)
	s.Close() // want GL001:low "^statement `s` from c.Prepare at line \d+ is closed here, but not if a call at line \d+ panics first"
	return n, err
}

// Closed once, after the loop, before the function goes on to other work (a helper
// here): the explicit Close frees the connection for it, where a defer would hold it.
// Nothing in the loop shows a panic.
func namesThenNotify(db *sql.DB, notify func([]string) error) error {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		return err
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			log.Fatal(err)
		}
		names = append(names, upper(name))
	}
	rows.Close() // want GL001:low "^rows `rows` from db.Query at line \d+ are closed here, but not if the loop at line \d+ panics first"
	return notify(names)
}

// Rows left to Next while the loop runs the caller's callback: shown, the callback
// may panic.
func eachName(db *sql.DB, each func(string)) error {
	rows, err := db.Query("SELECT name FROM users") // want GL001 "^rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not if the loop at line \d+ panics"
	if err != nil {
		return err
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			log.Fatal(err)
		}
		each(name)
	}
	return rows.Err()
}

// The same with a type assertion that has no `, ok`: shown.
func eachLabel(db *sql.DB, labels map[string]any) ([]string, error) {
	rows, err := db.Query("SELECT name FROM users") // want GL001 "^rows `rows` from db.Query are closed only when rows.Next\(\) returns false, not if the loop at line \d+ panics"
	if err != nil {
		return nil, err
	}
	var found []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			log.Fatal(err)
		}
		found = append(found, labels[name].(string))
	}
	return found, rows.Err()
}
