package fixtures

// The goroutine closes a `finished` of another type (runner's): session's own
// `finished` is closed by Close, not at the end of the goroutine that runs the
// callbacks, so the message names the first way out, `<-s.finished`.
type runner struct {
	finished chan struct{}
	run      func() error
}

func (r *runner) start() {
	go func() {
		defer close(r.finished)
		_ = r.run()
	}()
}

type session struct {
	params   chan []byte
	finished chan struct{}
	closing  chan struct{}
}

func (s *session) Close() {
	close(s.closing)
	close(s.finished)
}

func (s *session) onParams(data []byte) {
	s.params <- data // want GL003 "^send on `s.params` blocks forever if its receiver \(line 37\) stops through `<-s.finished` at line 39; select on a done channel or buffer it$"
}

func (s *session) handle() {
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
