package fixtures

import "sync"

type pollInterval int

type mount struct {
	mu     sync.Mutex
	poll   chan pollInterval
	notify func(chan pollInterval)
}

// The channel is made here and handed to the watcher, which receives the first
// interval from it: only the watcher has it. Silent.
func (m *mount) startPolling(interval pollInterval) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.poll = make(chan pollInterval)
	m.notify(m.poll)
	m.poll <- interval
}

// Sent before anyone is given the channel: the send waits with the lock held, and
// nothing can ever receive.
func (m *mount) startTooEarly(interval pollInterval) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.poll = make(chan pollInterval)
	m.poll <- interval // want GL004:low "send on `m.poll` under `m.mu`"
	m.notify(m.poll)
}
