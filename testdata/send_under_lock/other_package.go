package fixtures

import (
	"bufio"
	"sync"
)

type flushingStore struct {
	sm        sync.Mutex
	out       *bufio.Writer
	writeLock chan struct{}
}

// Flush takes the write token: it waits while a writer holds it.
func (s *flushingStore) Flush() error {
	s.writeLock <- struct{}{} // want GL004:low "send on `s.writeLock` runs under `s.sm` \(locked at line 31, then the call at line 33\)"
	defer func() { <-s.writeLock }()
	return nil
}

// The buffered writer's Flush is another package's method of the same name: the
// send above does not run under this lock.
func (s *flushingStore) Close() error {
	s.sm.Lock()
	defer s.sm.Unlock()
	return s.out.Flush()
}

// This one calls the store's own Flush under the lock.
func (s *flushingStore) Sync() error {
	s.sm.Lock()
	defer s.sm.Unlock()
	return s.Flush()
}
