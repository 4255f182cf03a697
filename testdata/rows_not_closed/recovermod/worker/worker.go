// A package whose module recovers panics: a goroutine that survives a panic leaves the
// rows open.
package worker

import (
	"database/sql"
	"log"
	"time"
)

type Store struct {
	db     *sql.DB
	notify func(string)
}

func (s *Store) Start() {
	go s.expireLoop()
}

func (s *Store) expireLoop() {
	defer func() {
		if r := recover(); r != nil {
			log.Print(r)
		}
	}()
	for range time.Tick(time.Minute) {
		s.expire()
	}
}

func (s *Store) expire() {
	rows, err := s.db.Query("SELECT channel FROM state")
	if err != nil {
		return
	}
	for rows.Next() {
		var channel string
		if rows.Scan(&channel) != nil {
			panic("unreadable channel")
		}
	}
	rows.Close() // want GL001 "^rows `rows` from s.db.Query at line 32 are closed here, but not if the loop at line 36 panics first; defer rows.Close\(\) after the error check$"
}
