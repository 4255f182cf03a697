package fixtures

import (
	"sync"
	"time"
)

// The receiver loop stops the heartbeat monitor, whose own embedded mutex is another
// than the subscription's: no lock cycle, and a receiver that never leaves and never
// takes the subscription's lock takes what the send offers.
type beat struct {
	sync.Mutex
	timer *time.Timer
}

func (b *beat) Stop() {
	b.Lock()
	b.timer.Stop()
	b.Unlock()
}

type pullSub struct {
	sync.Mutex
	next    chan int
	monitor *beat
}

func (s *pullSub) request(n int) {
	s.Lock()
	defer s.Unlock()
	s.next <- n
}

func (s *pullSub) fetch() {
	for n := range s.next {
		_ = n
		s.monitor.Stop()
	}
}

// Here the receiver takes the subscription's own mutex between receives: a cycle.
type lockedSub struct {
	sync.Mutex
	next  chan int
	count int
}

func (s *lockedSub) request(n int) {
	s.Lock()
	defer s.Unlock()
	s.next <- n // want GL004 "send on `s.next` under `s`"
}

func (s *lockedSub) fetch() {
	for n := range s.next {
		s.Lock()
		s.count += n
		s.Unlock()
	}
}
