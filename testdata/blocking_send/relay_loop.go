package fixtures

import "context"

func (r *relay) loop(ctx context.Context) {
	for {
		select {
		case s := <-r.out:
			_ = s
		case <-ctx.Done():
			return
		}
	}
}

func newHub() *hub {
	h := &hub{register: make(chan string), events: make(chan string, 64)}
	go h.run()
	return h
}

func (h *hub) run() {
	for s := range h.register {
		_ = s
	}
}

func (h *hub) watch(ctx context.Context) {
	for {
		select {
		case <-h.events:
		case <-ctx.Done():
			return
		}
	}
}

func newRelay() *relay { return &relay{out: make(chan string)} }
