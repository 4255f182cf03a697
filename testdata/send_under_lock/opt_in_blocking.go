package fixtures

import "sync"

// Observers choose how they are sent to: a blocking observer asked to wait for every
// observation, the others are sent to with a `default` that drops. The blocking send
// is the observer's own choice, made next to the non-blocking one.
type observation struct{ data int }

type observer struct {
	channel  chan observation
	blocking bool
	dropped  int
}

type hub struct {
	mu        sync.RWMutex
	observers map[int]*observer
	audit     chan observation
}

func (h *hub) Register(id int, o *observer) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.observers[id] = o
}

func (h *hub) observe(v int) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for _, o := range h.observers {
		ob := observation{data: v}
		if o.blocking {
			o.channel <- ob
		} else {
			select {
			case o.channel <- ob:
			default:
				o.dropped++
			}
		}
	}
}

// The other arm drops on another channel: the blocking send is nobody's choice.
func (h *hub) observeAudited(v int) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for _, o := range h.observers {
		ob := observation{data: v}
		if o.blocking {
			o.channel <- ob // want GL004:low "^send on `o.channel` under `h.mu` .*stalls writers until a receive; unlock first$"
		} else {
			select {
			case h.audit <- ob:
			default:
			}
		}
	}
}
