package siblingrelay

import "sync"

type event struct{ config string }

// The manager sends each new config under its lock, to keep them in order, to a
// debouncer that another file of the package starts: an endless loop that stops only
// when the channel is closed and never takes the manager's lock. The send waits for
// at most one turn of that loop, never for good. Silent.
type manager struct {
	sync.Mutex
	reload chan event
	config string
}

func newManager() *manager {
	m := &manager{reload: make(chan event)}
	debounce(m.reload)
	return m
}

func (m *manager) Set(config string) {
	m.Lock()
	defer m.Unlock()
	m.config = config
	m.reload <- event{config: config}
}

// The applier's loop takes the same lock between values: a send under the lock waits
// for a receiver that waits for the lock. Reported.
type applier struct {
	mu      sync.Mutex
	changes chan event
	applied int
}

func newApplier() *applier {
	a := &applier{changes: make(chan event)}
	apply(a.changes, a)
	return a
}

func (a *applier) Change(config string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.changes <- event{config: config} // want GL004:low "stalls other lockers until a receive"
}
