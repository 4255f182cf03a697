package fixtures

import "sync"

type retiringServer struct {
	mu           sync.Mutex
	retired      bool
	poked        int
	standbyStop  chan struct{}
	retireNudges chan struct{}
}

// The send happens once: later calls find the flag set under the same lock and return.
func (s *retiringServer) Retire() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.retired {
		return
	}
	s.retired = true
	s.standbyStop <- struct{}{}
}

// Every call sends into the same buffer of 1: the second waits for a receive.
func (s *retiringServer) Poke() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.retireNudges <- struct{}{} // want GL004 "every call adds to it"
}

// The standby loop takes the lock for every value: a lock cycle.
func (s *retiringServer) standby() {
	for {
		select {
		case <-s.standbyStop:
			s.mu.Lock()
			s.poked = -1
			s.mu.Unlock()
			return
		case <-s.retireNudges:
			s.mu.Lock()
			s.poked++
			s.mu.Unlock()
		}
	}
}
