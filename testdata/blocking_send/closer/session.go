package closer

import (
	"errors"
	"io"
)

// session's reference loop stops only in session.close, which the package calls only
// from Store.Close and from the failed open's deferred cleanup: the end of the
// session's life. A commit blocks only if the package commits after that teardown.
type session struct {
	abandon chan int
	closeC  chan struct{}
}

func newSession() *session {
	s := &session{abandon: make(chan int), closeC: make(chan struct{})}
	go s.refLoop()
	return s
}

func (s *session) refLoop() {
	for {
		select {
		case id := <-s.abandon:
			_ = id
		case <-s.closeC:
			return
		}
	}
}

func (s *session) commit(id int) (err error) {
	defer func() {
		if err != nil {
			s.abandon <- id // want GL003:low "blocks forever if called after session.close, which stops its receiver"
		}
	}()
	if id < 0 {
		return errors.New("bad id")
	}
	return nil
}

func (s *session) close() { close(s.closeC) }

type Store struct{ s *session }

func OpenStore(id int) (st *Store, err error) {
	s := newSession()
	defer func() {
		if err != nil {
			s.close()
		}
	}()
	if err = s.commit(id); err != nil {
		return nil, err
	}
	return &Store{s: s}, nil
}

func (st *Store) Put(id int) error { return st.s.commit(id) }

func (st *Store) Close() error {
	st.s.close()
	return nil
}

// peer's writer stops when its own read loop ends on a read error, through close:
// the remote end going away stops it, and a later send blocks. The warning stays.
type peer struct {
	r     io.Reader
	out   chan []byte
	stopC chan struct{}
}

func newPeer(r io.Reader) *peer {
	p := &peer{r: r, out: make(chan []byte), stopC: make(chan struct{})}
	go p.writeLoop()
	go p.readLoop()
	return p
}

func (p *peer) writeLoop() {
	for {
		select {
		case b := <-p.out:
			_ = b
		case <-p.stopC:
			return
		}
	}
}

func (p *peer) readLoop() {
	defer p.close()
	buf := make([]byte, 512)
	for {
		if _, err := p.r.Read(buf); err != nil {
			return
		}
	}
}

func (p *peer) send(b []byte) {
	p.out <- b // want GL003 "stops through `<-p.stopC`"
}

func (p *peer) close() { close(p.stopC) }

func (p *peer) Send(b []byte) { p.send(b) }

// conn's writer stops in close, which closeWithError calls when the read loop fails:
// not a teardown by an owner (the name is the end of life only in part). The warning
// stays.
type conn struct {
	r      io.Reader
	writes chan []byte
	done   chan struct{}
}

func newConn(r io.Reader) *conn {
	c := &conn{r: r, writes: make(chan []byte), done: make(chan struct{})}
	go c.writeLoop()
	go c.readLoop()
	return c
}

func (c *conn) writeLoop() {
	for {
		select {
		case b := <-c.writes:
			_ = b
		case <-c.done:
			return
		}
	}
}

func (c *conn) readLoop() {
	buf := make([]byte, 64)
	for {
		if _, err := c.r.Read(buf); err != nil {
			c.closeWithError(err)
			return
		}
	}
}

func (c *conn) closeWithError(err error) { c.close() }

func (c *conn) close() { close(c.done) }

func (c *conn) write(b []byte) {
	c.writes <- b // want GL003 "stops through `<-c.done`"
}

func (c *conn) Write(b []byte) { c.write(b) }

// link's serve loop tears its own receiver down in a deferred cleanup on an error:
// the peer that goes away stops the writer. The warning stays.
type link struct {
	r     io.Reader
	sends chan []byte
	quitC chan struct{}
}

func newLink(r io.Reader) *link {
	l := &link{r: r, sends: make(chan []byte), quitC: make(chan struct{})}
	go l.writeLoop()
	go l.serve()
	return l
}

func (l *link) writeLoop() {
	for {
		select {
		case b := <-l.sends:
			_ = b
		case <-l.quitC:
			return
		}
	}
}

func (l *link) serve() (err error) {
	defer func() {
		if err != nil {
			l.close()
		}
	}()
	buf := make([]byte, 64)
	for {
		if _, err = l.r.Read(buf); err != nil {
			return err
		}
	}
}

func (l *link) close() { close(l.quitC) }

func (l *link) Send(b []byte) {
	l.sends <- b // want GL003 "stops through `<-l.quitC`"
}
