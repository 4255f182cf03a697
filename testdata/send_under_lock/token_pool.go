package fixtures

import "sync"

// A one-token channel filled when made: Release gives back the token its holder took,
// so the buffer has room whenever it sends.
type relayBaton struct {
	mu     sync.Mutex
	holder string
	token  chan struct{}
}

func newRelayBaton() *relayBaton {
	b := &relayBaton{token: make(chan struct{}, 1)}
	b.token <- struct{}{}
	return b
}

func (b *relayBaton) Release(by string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.holder != by {
		return
	}
	b.holder = ""
	b.token <- struct{}{}
}

// A pool of two slots filled with one token: a send may add a second value nobody took.
type halfPool struct {
	mu        sync.Mutex
	poolSlots chan struct{}
}

func newHalfPool() *halfPool {
	p := &halfPool{poolSlots: make(chan struct{}, 2)}
	p.poolSlots <- struct{}{}
	return p
}

func (p *halfPool) put() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.poolSlots <- struct{}{} // want GL004 "every call adds to it"
}

// The holders take the token, then the lock: a lock cycle.
func (b *relayBaton) hold(by string) {
	<-b.token
	b.mu.Lock()
	b.holder = by
	b.mu.Unlock()
}

func (p *halfPool) take() {
	<-p.poolSlots
	p.mu.Lock()
	p.mu.Unlock()
}
