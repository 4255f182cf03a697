package fixtures

import (
	"context"
	"sync"
)

type waiter struct {
	id    int
	reply chan bool
}

// Each waiter registers its reply channel under the lock, lets the lock go and waits on
// it at once with nothing else to do; the answer is sent once and the entry deleted:
// every send under the lock finds its waiter there.
type ackBoard struct {
	mu      sync.Mutex
	pending map[int]*waiter
	seen    []int
}

func (b *ackBoard) wait(id int) bool {
	reply := make(chan bool)
	b.mu.Lock()
	b.pending[id] = &waiter{id, reply}
	b.seen = append(b.seen, id)
	b.mu.Unlock()
	ok := <-reply
	return ok
}

func (b *ackBoard) answer(ids []int, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, id := range ids {
		if w := b.pending[id]; w != nil {
			w.reply <- ok
			close(w.reply)
			delete(b.pending, id)
		}
	}
}

// Here the waiter can give up on its context first: a later answer waits under the
// lock for a receiver that is gone.
type ackQueue struct {
	mu      sync.Mutex
	pending map[int]*waiter
}

func (q *ackQueue) wait(ctx context.Context, id int) bool {
	reply := make(chan bool)
	q.mu.Lock()
	q.pending[id] = &waiter{id: id, reply: reply}
	q.mu.Unlock()
	select {
	case ok := <-reply:
		return ok
	case <-ctx.Done():
		return false
	}
}

func (q *ackQueue) answer(id int, ok bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if w := q.pending[id]; w != nil {
		w.reply <- ok // want GL004:low "send on `w.reply` under `q.mu`"
		delete(q.pending, id)
	}
}
