package fixtures

import "sync"

// An embedded mutex: s.Lock() is the lock.
type subscribers struct {
	sync.Mutex
	chans map[string]chan string
}

func (s *subscribers) send(tag, msg string) {
	s.Lock()
	defer s.Unlock()
	if ch, ok := s.chans[tag]; ok {
		ch <- msg // want GL004:low "send on `ch` under `s` \((read-)?locked at line"
	}
}

// Unlock before each send, lock again after: silent.
func (s *subscribers) sendEach(msg string) {
	s.Lock()
	for _, ch := range s.chans {
		s.Unlock()
		ch <- msg
		s.Lock()
	}
	s.Unlock()
}

// A loop that unlocks and continues on one path: the send below is still locked.
func (s *subscribers) skipClosed(msgs []string, ch chan string) {
	for _, m := range msgs {
		s.Lock()
		if m == "" {
			s.Unlock()
			continue
		}
		ch <- m // want GL004:low "locked at line 33"
		s.Unlock()
	}
}

type metric struct{ v float64 }

type collector struct {
	mu      sync.RWMutex
	metrics []metric
	updates chan metric
}

// Prometheus' Collect contract: the registry drains ch while Collect runs.
func (c *collector) Collect(ch chan<- metric) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	for _, m := range c.metrics {
		ch <- m
	}
}

// Several sends on one channel in one locked region: one finding, at the first.
func (c *collector) publishAll(a, b metric) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.updates <- a // want GL004:low "send on `c.updates` under `c.mu` \((read-)?locked at line"
	c.updates <- b
}
