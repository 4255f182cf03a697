package globalsd

import "sync"

type peer struct {
	id    string
	quit  chan any
	hello chan any
	gone  chan string
}

type pool struct {
	mu    sync.Mutex
	peers map[string]*peer
}

func newPool() *pool {
	return &pool{peers: make(map[string]*peer)}
}

func (p *pool) Get(id string) *peer {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.peers[id]
}

func (p *pool) Add(id string) *peer {
	s := &peer{id: id}
	s.quit = make(chan any, 1) // one pending stop fits: its sender never waits
	s.hello = make(chan any)
	s.gone = make(chan string, 8)
	p.mu.Lock()
	p.peers[id] = s
	p.mu.Unlock()
	return s
}
