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
			s.abandon <- id // want GL003 "blocks forever if called after session.close, which stops its receiver"
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
