package fixtures

import (
	"errors"
	"net"
	"net/http"
)

// stubListener accepts no connection: Serve returns at once with its error, after the
// server has handed its internals to the code (here through the connection hook).
type stubListener struct {
	got func(*http.Server)
}

func (*stubListener) Accept() (net.Conn, error) {
	return nil, errors.New("stub listener accepts nothing")
}
func (*stubListener) Close() error   { return nil }
func (*stubListener) Addr() net.Addr { return nil }

func serverInternals() *stubListener {
	h1 := &http.Server{}
	stub := &stubListener{}
	if err := h1.Serve(stub); err == nil {
		panic("unexpected")
	}
	return stub
}

// A listener that accepts real connections through a dialled peer: reported.
type peerListener struct {
	peer net.Conn
}

func (l *peerListener) Accept() (net.Conn, error) {
	if l.peer == nil {
		return nil, errors.New("done")
	}
	c := l.peer
	l.peer = nil
	return c, nil
}
func (*peerListener) Close() error   { return nil }
func (*peerListener) Addr() net.Addr { return nil }

func servePeer(c net.Conn, h http.Handler) {
	srv := &http.Server{Handler: h} // want GL006 "http.Server without ReadHeaderTimeout"
	pl := &peerListener{peer: c}
	srv.Serve(pl)
}
