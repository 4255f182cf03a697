package fixtures

import (
	"bufio"
	"sync"
)

// store's own Flush sends on its write lock. Close holds sm and calls Flush, but the
// Flush it calls is the writer's (a field of another package's type), not store's;
// so are Drain's (a parameter of another package's type) and Sync's (an interface).
type store struct {
	sm        sync.Mutex
	writeLock chan struct{}
	out       *bufio.Writer
	dirty     bool
}

func (s *store) Flush() error {
	s.writeLock <- struct{}{}
	s.dirty = false
	<-s.writeLock
	return nil
}

func (s *store) Close() error {
	s.sm.Lock()
	defer s.sm.Unlock()
	if err := s.out.Flush(); err != nil {
		return err
	}
	close(s.writeLock)
	return nil
}

func (s *store) Drain(w *bufio.Writer) {
	s.sm.Lock()
	defer s.sm.Unlock()
	w.Flush()
}

func (s *store) Sync(f interface{ Flush() error }) {
	s.sm.Lock()
	defer s.sm.Unlock()
	f.Flush()
}

// journal's Sync is called under its lock through its own receiver: reported.
type journal struct {
	mu    sync.Mutex
	gate  chan struct{}
	dirty bool
}

func (j *journal) Sync() error {
	j.gate <- struct{}{} // want GL004:low "send on `j.gate` runs under `j.mu` \(locked at line 62, then the call at line 64\) and stalls other lockers until a receive; unlock before the call"
	j.dirty = false
	<-j.gate
	return nil
}

func (j *journal) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.Sync()
}
