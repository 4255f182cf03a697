package fixtures

import "sync"

type counterStore struct {
	mu     sync.Mutex
	count  int
	parent *counterStore
	events chan int
}

// The unlock inside the `if` is of the parent's mutex (the initializer's `s` shadows
// the receiver): the receiver's mutex is still held at the send.
func (s *counterStore) publish(v int) {
	s.mu.Lock()
	if s := s.parent; s != nil {
		s.mu.Lock()
		s.count++
		s.mu.Unlock()
	}
	s.events <- v // want GL004:low "send on `s.events` under `s.mu`"
	s.mu.Unlock()
}

// Here the receiver's own unlock comes first: silent.
func (s *counterStore) publishAfter(v int) {
	s.mu.Lock()
	s.count++
	if p := s.parent; p != nil {
		p.mu.Lock()
		p.count++
		p.mu.Unlock()
	}
	s.mu.Unlock()
	s.events <- v
}
