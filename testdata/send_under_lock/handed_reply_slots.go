package fixtures

import (
	"context"
	"sync"
)

// Reply slots registered through a method that takes the channel: every caller hands in
// a fresh channel of one, and the answer takes the slot out of the map before its single
// send, so the buffer is empty at that send.
type proposals struct {
	mu      sync.Mutex
	waiting map[uint64]chan error
	nextID  uint64
}

func (p *proposals) register(ch chan error) uint64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.nextID++
	p.waiting[p.nextID] = ch
	return p.nextID
}

func (p *proposals) propose(ctx context.Context) error {
	ch := make(chan error, 1)
	p.register(ch)
	select {
	case err := <-ch:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (p *proposals) done(id uint64, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	ch, ok := p.waiting[id]
	if !ok {
		return
	}
	delete(p.waiting, id)
	ch <- err
}

// A caller hands in an unbuffered channel: the send waits for its receiver under the lock.
type unbufferedProposals struct {
	mu      sync.Mutex
	waiting map[uint64]chan error
	nextID  uint64
}

func (p *unbufferedProposals) register(ch chan error) uint64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.nextID++
	p.waiting[p.nextID] = ch
	return p.nextID
}

func (p *unbufferedProposals) propose(ctx context.Context) error {
	ch := make(chan error)
	p.register(ch)
	select {
	case err := <-ch:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (p *unbufferedProposals) done(id uint64, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	ch, ok := p.waiting[id]
	if !ok {
		return
	}
	delete(p.waiting, id)
	ch <- err // want GL004
}

// The slot stays registered and is answered again: a second answer finds the buffer full.
type repeatedProposals struct {
	mu      sync.Mutex
	waiting map[uint64]chan error
	nextID  uint64
}

func (p *repeatedProposals) register(ch chan error) uint64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.nextID++
	p.waiting[p.nextID] = ch
	return p.nextID
}

func (p *repeatedProposals) propose(ctx context.Context) error {
	ch := make(chan error, 1)
	p.register(ch)
	select {
	case err := <-ch:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (p *repeatedProposals) progress(id uint64, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if ch, ok := p.waiting[id]; ok {
		ch <- err // want GL004
	}
}
