package fixtures

import (
	"container/list"
	"errors"
	"sync"
	"time"
)

type replySlot struct {
	id    uint64
	reply chan []byte
}

type replyRouter struct {
	mu      sync.Mutex
	pending *list.List
}

// Each request brings its own one-slot channel and waits for its one reply, or gives
// up and takes its slot off the list.
func (r *replyRouter) request(id uint64, wait time.Duration) ([]byte, error) {
	slot := &replySlot{id: id, reply: make(chan []byte, 1)}
	r.mu.Lock()
	e := r.pending.PushBack(slot)
	r.mu.Unlock()
	select {
	case msg := <-slot.reply:
		return msg, nil
	case <-time.After(wait):
		r.mu.Lock()
		r.pending.Remove(e)
		r.mu.Unlock()
		return nil, errors.New("timeout")
	}
}

func (r *replyRouter) find(id uint64) *list.Element {
	for e := r.pending.Front(); e != nil; e = e.Next() {
		if e.Value.(*replySlot).id == id {
			return e
		}
	}
	return nil
}

// The reply goes into the slot and the slot leaves the list in the same hold of the
// lock: no other reply finds it, so its buffer of 1 is empty at the send.
func (r *replyRouter) deliver(id uint64, msg []byte) {
	r.mu.Lock()
	e := r.find(id)
	if e != nil {
		e.Value.(*replySlot).reply <- msg
		r.pending.Remove(e)
	}
	r.mu.Unlock()
}

func (r *replyRouter) deliverDeferred(id uint64, msg []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if e := r.find(id); e != nil {
		e.Value.(*replySlot).reply <- msg
		r.pending.Remove(e)
	}
}

// Unlocked between the send and the Remove: another delivery can find the slot and
// send again while its buffer is full.
func (r *replyRouter) deliverLate(id uint64, msg []byte) {
	r.mu.Lock()
	e := r.find(id)
	if e != nil {
		e.Value.(*replySlot).reply <- msg // want GL004
	}
	r.mu.Unlock()
	r.mu.Lock()
	if e != nil {
		r.pending.Remove(e)
	}
	r.mu.Unlock()
}

// Left on the list: every delivery for the id sends to the same slot again.
func (r *replyRouter) deliverKept(id uint64, msg []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if e := r.find(id); e != nil {
		e.Value.(*replySlot).reply <- msg // want GL004
	}
}
