package fixtures

// A handshake whose callbacks run inside the goroutine that closes `finished` when it
// returns: the per-message loop leaves on `finished` only once no callback can run, so
// the message names the way out that can strand a callback's send: `<-s.closing`.
type handshake struct {
	params   chan []byte
	finished chan struct{}
	closing  chan struct{}
	run      func() error
}

func (s *handshake) start() {
	go func() {
		defer close(s.finished)
		_ = s.run()
	}()
}

func (s *handshake) Close() {
	close(s.closing)
	<-s.finished
}

func (s *handshake) onExtensions(data []byte) {
	s.params <- data // want GL003 "^send on `s.params` blocks forever if its receiver \(line 33\) stops through `<-s.closing` at line 37; select on a done channel or buffer it$"
}

func (s *handshake) handleMessage() {
loop:
	for {
		select {
		case data := <-s.params:
			_ = data
		case <-s.finished:
			break loop
		case <-s.closing:
			break loop
		}
	}
}
