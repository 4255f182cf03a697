// Package resolver is a library's: its users, whom the module does not show, call its
// constructors.
package resolver

import (
	"sync"
	"time"
)

type Lister interface {
	Hosts() []string
}

// Register hands the constructor on as a value: how often it runs is its users' choice.
func Register(factories map[string]func(time.Duration) Lister) {
	factories["dns"] = NewLister
}

// A lister refreshed for as long as the process keeps it: its type has no method
// that could end it, so its author meant the refresher to live with the value, and a
// leak needs users who make many, which the code does not show. Low.
type lister struct {
	mu    *sync.RWMutex
	hosts []string
	ttl   time.Duration
}

func NewLister(ttl time.Duration) Lister {
	l := lister{mu: &sync.RWMutex{}, ttl: ttl}
	l.refresh()
	go func() { // want GL011:low "keeps waking"
		for {
			<-time.After(l.ttl)
			l.refresh()
		}
	}()
	return l
}

func (l lister) refresh() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.hosts = append(l.hosts[:0], "a")
}

func (l lister) Hosts() []string {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.hosts
}

// A pool whose Close does something but leaves the sweeper running: users who close
// one and make another leave a goroutine each. Reported.
type Pool struct {
	idle chan int
	done chan struct{}
}

func NewPool() *Pool {
	p := &Pool{idle: make(chan int), done: make(chan struct{})}
	go p.sweep() // want GL011 "blocks on `<-p.idle`"
	return p
}

func (p *Pool) sweep() {
	for {
		n := <-p.idle
		p.drop(n)
	}
}

func (p *Pool) drop(n int) { _ = n }

func (p *Pool) Close() error {
	close(p.done)
	return nil
}
