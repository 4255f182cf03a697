// A package whose module calls recover() nowhere: a panic in a goroutine it starts
// ends the process, so rows left open only by that panic do not outlive it.
package worker

import (
	"database/sql"
	"net/http"
	"time"
)

type queries struct {
	expire string // a field named like the method below
}

type Store struct {
	db      *sql.DB
	queries queries
	notify  func(string)
}

// Batcher runs Process in the goroutine that calls Run.
type Batcher struct {
	Process func() error
}

func (b *Batcher) Run() {
	for {
		if b.Process() != nil {
			return
		}
	}
}

func (s *Store) Start() {
	go s.expireLoop()
	go func() {
		b := &Batcher{Process: func() error { return s.process() }}
		b.Run()
	}()
	http.HandleFunc("/count", func(w http.ResponseWriter, r *http.Request) {
		s.count()
	})
}

func (s *Store) expireLoop() {
	for range time.Tick(time.Minute) {
		s.expire()
	}
}

// expire runs only in the goroutine Start starts.
func (s *Store) expire() {
	rows, err := s.db.Query(s.queries.expire)
	if err != nil {
		return
	}
	for rows.Next() {
		var channel string
		if rows.Scan(&channel) != nil {
			panic("unreadable channel")
		}
	}
	rows.Close() // want GL001:low "^rows `rows` from s.db.Query at line 53 are closed here, but not if the loop at line 57 panics first; defer rows.Close\(\) after the error check$"
}

// process runs in the Batcher's Run, in a goroutine Start starts.
func (s *Store) process() error {
	rows, err := s.db.Query("SELECT id FROM outbox")
	if err != nil {
		return err
	}
	for rows.Next() {
		var id string
		if rows.Scan(&id) != nil {
			panic("unreadable id")
		}
	}
	rows.Close() // want GL001:low "^rows `rows` from s.db.Query at line 68 are closed here, but not if the loop at line 72 panics first; defer rows.Close\(\) after the error check$"
	return nil
}

// count runs in a request handler, whose panic net/http recovers: the rows would stay open.
func (s *Store) count() {
	rows, err := s.db.Query("SELECT id FROM outbox")
	if err != nil {
		return
	}
	for rows.Next() {
		var id string
		if rows.Scan(&id) != nil {
			panic("unreadable id")
		}
	}
	rows.Close() // want GL001 "^rows `rows` from s.db.Query at line 84 are closed here, but not if the loop at line 88 panics first; defer rows.Close\(\) after the error check$"
}

// Lookup is exported: a caller in another package (a request handler) may recover.
func (s *Store) Lookup() {
	rows, err := s.db.Query("SELECT id FROM outbox")
	if err != nil {
		return
	}
	for rows.Next() {
		var id string
		if rows.Scan(&id) != nil {
			panic("unreadable id")
		}
	}
	rows.Close() // want GL001 "^rows `rows` from s.db.Query at line 99 are closed here, but not if the loop at line 103 panics first; defer rows.Close\(\) after the error check$"
}
