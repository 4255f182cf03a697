package globalsd

type leaveReq struct {
	name string
}

// The bus's leave channel is buffered and its loop never stops.
type bus struct {
	leave chan *leaveReq
	rooms map[string]*room
}

func newBus() *bus {
	return &bus{leave: make(chan *leaveReq, 64), rooms: make(map[string]*room)}
}

func (b *bus) run() {
	for {
		select {
		case req := <-b.leave:
			delete(b.rooms, req.name)
		}
	}
}
