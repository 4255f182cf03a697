package fixtures

import (
	"context"
	"sync"
)

// Each proposal's reply channel is made with room for its one reply and kept through
// a helper; the reply retires it from the map before the one send, so the send never
// waits, whatever the proposer does.
type proposals struct {
	sync.Mutex
	pending map[uint64]chan error
	next    uint64
}

func (p *proposals) keepProposal(reply chan error) uint64 {
	p.Lock()
	defer p.Unlock()
	p.next++
	p.pending[p.next] = reply
	return p.next
}

func (p *proposals) Propose(ctx context.Context) error {
	reply := make(chan error, 1)
	id := p.keepProposal(reply)
	select {
	case err := <-reply:
		return err
	case <-ctx.Done():
		p.Lock()
		delete(p.pending, id)
		p.Unlock()
		return ctx.Err()
	}
}

func (p *proposals) Done(id uint64, err error) {
	p.Lock()
	defer p.Unlock()
	reply, ok := p.pending[id]
	if !ok {
		return
	}
	delete(p.pending, id)
	reply <- err
}

// The same with an unbuffered reply channel: once the proposer has given up, the
// reply waits under the lock for a receiver that is gone.
type votes struct {
	sync.Mutex
	ballots map[uint64]chan error
	next    uint64
}

func (v *votes) keepVote(reply chan error) uint64 {
	v.Lock()
	defer v.Unlock()
	v.next++
	v.ballots[v.next] = reply
	return v.next
}

func (v *votes) Propose(ctx context.Context) error {
	reply := make(chan error)
	v.keepVote(reply)
	select {
	case err := <-reply:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (v *votes) Done(id uint64, err error) {
	v.Lock()
	defer v.Unlock()
	reply, ok := v.ballots[id]
	if !ok {
		return
	}
	delete(v.ballots, id)
	reply <- err // want GL004 "send on `reply` under `v`"
}
