package fixtures

import "errors"

// Each registration carries its own reply channel with a buffer of one, and the
// dispatcher answers it once: the buffer holds the answer even if nobody reads it.
type epochRegistration struct {
	id      int
	replied chan error
}

type cancelRegistration struct {
	id int
}

type dispatcher struct {
	registry chan interface{}
	clients  map[int]*epochRegistration
	quit     chan struct{}
}

func (d *dispatcher) Register(id int) *epochRegistration {
	reg := &epochRegistration{id: id, replied: make(chan error, 1)}
	select {
	case d.registry <- reg:
	case <-d.quit:
	}
	return reg
}

func (d *dispatcher) run() {
	for {
		select {
		case r := <-d.registry:
			switch msg := r.(type) {
			case *epochRegistration:
				if msg.id < 0 {
					msg.replied <- errors.New("bad id")
					continue
				}
				d.clients[msg.id] = msg
				msg.replied <- nil
			case *cancelRegistration:
				delete(d.clients, msg.id)
			}
		case <-d.quit:
			return
		}
	}
}

// A request answered twice in one turn: the second answer finds the buffer full.
type pingRequest struct {
	acked chan int
}

func newPing() *pingRequest { return &pingRequest{acked: make(chan int, 1)} }

func (d *dispatcher) pings(requests chan *pingRequest) {
	for {
		req := <-requests
		req.acked <- 1 // want GL003 "^send on `req.acked` blocks forever once its buffer fills: nothing in the package receives from `.acked`; receive from it or drop the send$"
		req.acked <- 2 // want GL003 "^send on `req.acked` blocks forever once its buffer fills"
	}
}

// A client looked up again and again: the same channel gets one send per turn.
type watcher struct {
	notified chan int
}

func newWatcher() *watcher { return &watcher{notified: make(chan int, 1)} }

func (d *dispatcher) notifyAll(ids chan int, watchers map[int]*watcher) {
	for {
		id := <-ids
		w := watchers[id]
		w.notified <- id // want GL003 "^send on `w.notified` blocks forever once its buffer fills"
	}
}

// A request received in the turn but answered from an inner loop: once per element.
type batchRequest struct {
	items   []int
	emptied chan int
}

func newBatch() *batchRequest { return &batchRequest{emptied: make(chan int, 1)} }

func (d *dispatcher) batches(requests chan *batchRequest) {
	for {
		req := <-requests
		for _, item := range req.items {
			req.emptied <- item // want GL003 "^send on `req.emptied` blocks forever once its buffer fills"
		}
	}
}
