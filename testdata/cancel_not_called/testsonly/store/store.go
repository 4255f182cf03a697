// Package store is imported by the program: a function here that only the package's
// tests call is their helper, whose cost ends with the test binary.
package store

import (
	"context"
	"time"
)

type Store struct {
	items map[string]int
}

func Open() *Store {
	return &Store{items: map[string]int{}}
}

// Refresh is the program's: the cancel is skipped when skip is set (shown).
func (s *Store) Refresh(ctx context.Context, skip bool) {
	fetch, cancel := context.WithCancel(ctx) // want GL009 "but not when the function returns"
	if skip {
		return
	}
	s.load(fetch)
	cancel()
}

// fill is for testing: only store_test.go calls it (low).
func fill(ctx context.Context, s *Store, skip bool) {
	fetch, cancel := context.WithCancel(ctx) // want GL009:low "but not when the function returns"
	if skip {
		return
	}
	s.load(fetch)
	cancel()
}

func (s *Store) load(ctx context.Context) {
	select {
	case <-ctx.Done():
	case <-time.After(time.Millisecond):
		s.items["a"] = 1
	}
}

type filler struct{ s *Store }

// Fill is a method, which an interface may call (an io.Copy calls a ReadFrom): only
// the tests name it, yet that does not show only they run it (shown).
func (f filler) Fill(ctx context.Context, skip bool) {
	fetch, cancel := context.WithCancel(ctx) // want GL009 "but not when the function returns"
	if skip {
		return
	}
	f.s.load(fetch)
	cancel()
}
