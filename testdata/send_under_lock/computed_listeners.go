package fixtures

import "sync"

type snapshotListener struct {
	events chan string
	done   chan struct{}
}

type snapshotStore struct {
	mu        sync.Mutex
	items     []string
	listeners map[int]snapshotListener
	next      int
	work      chan string
}

// Each listener's buffer is sized for the snapshot it starts with, not for the
// broadcasts that follow.
func (s *snapshotStore) Subscribe() (<-chan string, chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	events := make(chan string, len(s.items)+16)
	done := make(chan struct{})
	for _, item := range s.items {
		events <- item
	}
	s.listeners[s.next] = snapshotListener{events: events, done: done}
	s.next++
	return events, done
}

// Every later Put goes to every listener: a slow one fills its buffer and then
// holds the lock until it receives.
func (s *snapshotStore) Put(item string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, item)
	for _, l := range s.listeners {
		select {
		case l.events <- item: // want GL004:low "send on `l.events` under `s.mu`"
		case <-l.done:
		}
	}
}

// A queue of the store itself sized from the work: taken as sized never to fill.
func newSnapshotStore(workers int) *snapshotStore {
	return &snapshotStore{listeners: map[int]snapshotListener{}, work: make(chan string, workers)}
}

func (s *snapshotStore) queue(item string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.work <- item
}
