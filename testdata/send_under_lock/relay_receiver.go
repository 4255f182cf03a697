package fixtures

import "sync"

// Each subscriber's channel is drained by the goroutine relay starts: it never takes
// the hub's lock and keeps `<-in` in its select until in is closed, so a send under
// the read lock waits one turn of that loop at most.
type feedHub struct {
	mu   sync.RWMutex
	subs map[string][]feedSub
}

type feedSub struct {
	in  chan int
	out <-chan int
}

func relay(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		var queue []int
		for in != nil || len(queue) > 0 {
			var send chan<- int
			var next int
			if len(queue) > 0 {
				send, next = out, queue[0]
			}
			select {
			case v, ok := <-in:
				if !ok {
					in = nil
					continue
				}
				queue = append(queue, v)
			case send <- next:
				queue = queue[1:]
			}
		}
	}()
	return out
}

func (h *feedHub) Subscribe(key string) <-chan int {
	h.mu.Lock()
	defer h.mu.Unlock()
	sub := feedSub{in: make(chan int)}
	sub.out = relay(sub.in)
	h.subs[key] = append(h.subs[key], sub)
	return sub.out
}

func (h *feedHub) Unsubscribe(key string, ch <-chan int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	subs := h.subs[key]
	for i, s := range subs {
		if s.out == ch {
			close(subs[i].in)
			h.subs[key] = append(subs[:i], subs[i+1:]...)
			return
		}
	}
}

func (h *feedHub) publish(key string, v int) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for _, sub := range h.subs[key] {
		sub.in <- v
	}
}

// This relay can leave on its own stop channel while the hub still sends: the
// send then waits for good with the read lock held.
type stoppingHub struct {
	mu   sync.RWMutex
	subs map[string][]stoppingSub
}

type stoppingSub struct {
	in   chan int
	stop chan struct{}
}

func forwardUntil(in <-chan int, stop <-chan struct{}, out chan<- int) {
	go func() {
		for {
			select {
			case v := <-in:
				out <- v
			case <-stop:
				return
			}
		}
	}()
}

func (h *stoppingHub) Subscribe(key string, out chan<- int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	sub := stoppingSub{in: make(chan int), stop: make(chan struct{})}
	forwardUntil(sub.in, sub.stop, out)
	h.subs[key] = append(h.subs[key], sub)
}

func (h *stoppingHub) publish(key string, v int) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for _, sub := range h.subs[key] {
		sub.in <- v // want GL004 "send on `sub.in` under `h.mu`"
	}
}
