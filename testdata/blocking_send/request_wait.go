package fixtures

// A method that hands its caller's message to the handshake goroutine, then waits
// for what handling it produces until that goroutine asks for the next message: a
// per-call wait, entered again for every message, not a receiver that stops for good.

type handshake struct {
	messages  chan []byte
	params    chan []byte
	reading   chan struct{}
	closed    chan struct{}
	extension []byte
}

// Called by the TLS stack while it handles a message.
func (h *handshake) received(data []byte) {
	h.params <- data
}

func (h *handshake) handle(data []byte) bool {
	h.messages <- data
wait:
	for {
		select {
		case p := <-h.params:
			h.extension = p
		case <-h.reading:
			break wait
		case <-h.closed:
			break wait
		}
	}
	return h.extension != nil
}

type listener struct {
	ready  chan struct{}
	events chan string
	quit   chan struct{}
}

func (l *listener) notify(e string) {
	l.events <- e // want GL003 "send on `l.events` blocks forever if its receiver \(line \d+\) stops through `<-l.quit`"
}

// A ready signal before the loop names no input: a worker's own loop, not a wait
// for a request.
func (l *listener) run(name string) {
	l.ready <- struct{}{}
	for {
		select {
		case e := <-l.events:
			_ = name + e
		case <-l.quit:
			return
		}
	}
}
