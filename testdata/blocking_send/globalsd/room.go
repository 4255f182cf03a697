package globalsd

type note struct {
	text string
}

// A room's own leave channel, of another type than the bus's: its loop stops on exit.
type room struct {
	name  string
	leave chan *note
	exit  chan struct{}
}

func newRoom(name string) *room {
	return &room{name: name, leave: make(chan *note), exit: make(chan struct{})}
}

func (r *room) run(out func(string)) {
	for {
		select {
		case n := <-r.leave:
			out(n.text)
		case <-r.exit:
			return
		}
	}
}

// The bus's leave is another channel than the room's (a field of another type): the
// bus's loop takes it.
func (r *room) unregister() {
	state.bus.leave <- &leaveReq{name: r.name}
}

func (r *room) expel(text string) {
	r.leave <- &note{text: text} // want GL003 "send on `r.leave` blocks forever if its receiver"
}

// Each peer's loop stops on gone; a stop sent to it fits its buffer, made in pool.go.
func servePeer(p *peer, out func(any)) {
	for {
		select {
		case msg := <-p.quit:
			if msg == nil {
				return
			}
			out(msg)
		case m := <-p.hello:
			out(m)
		case <-p.gone:
			return
		}
	}
}

func dropPeers(ids []string) {
	for _, id := range ids {
		if p := state.pool.Get(id); p != nil {
			p.quit <- nil
		}
	}
}

func greetPeers(ids []string) {
	for _, id := range ids {
		if p := state.pool.Get(id); p != nil {
			p.hello <- nil // want GL003 "send on `p.hello` blocks forever if its receiver"
		}
	}
}

func (r *room) close() { close(r.exit) }
