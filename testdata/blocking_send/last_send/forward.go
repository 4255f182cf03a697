package lastsend

import "net"

// The channel of another value, a listener that an accept loop of a server keeps
// calling: its own loop takes the error.
type forwarder struct {
	conns   chan net.Conn
	acceptc chan error
	done    chan struct{}
}

func (f *forwarder) Accept() (net.Conn, error) {
	select {
	case c := <-f.conns:
		return c, nil
	case err := <-f.acceptc:
		return nil, err
	}
}

func (f *forwarder) Close() error {
	close(f.done)
	return nil
}

func (f *forwarder) Addr() net.Addr { return nil }

type entry struct {
	ln  net.Listener
	fwd *forwarder
}

func startEntry(ln net.Listener) *entry {
	e := &entry{ln: ln, fwd: &forwarder{conns: make(chan net.Conn), acceptc: make(chan error), done: make(chan struct{})}}
	go e.run()
	return e
}

func (e *entry) run() {
	for {
		c, err := e.ln.Accept()
		if err != nil {
			e.fwd.acceptc <- err
			return
		}
		e.fwd.conns <- c
	}
}
