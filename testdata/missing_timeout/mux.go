package fixtures

import (
	"bufio"
	"errors"
	"net"
	"net/http"
)

// connListener hands over connections that the service's own accept loop read the
// first request of (to tell HTTP from its line protocol): the slow read happens there,
// before the server sees the connection.
type connListener struct {
	ch   chan net.Conn
	addr net.Addr
}

func (ln *connListener) Accept() (net.Conn, error) {
	conn, ok := <-ln.ch
	if !ok {
		return nil, errors.New("closed")
	}
	return conn, nil
}

func (ln *connListener) Close() error   { return nil }
func (ln *connListener) Addr() net.Addr { return ln.addr }

type lineService struct {
	ln     net.Listener
	httpln *connListener
}

func (s *lineService) handle(conn net.Conn) {
	if _, err := http.ReadRequest(bufio.NewReader(conn)); err == nil {
		s.httpln.ch <- conn
	}
}

func (s *lineService) serveHTTP(h http.Handler) {
	srv := &http.Server{Handler: h}
	srv.Serve(s.httpln)
}

// A listener that wraps a network one: the server reads the requests itself.
type countingListener struct {
	net.Listener
	n int
}

func (l *countingListener) Accept() (net.Conn, error) {
	l.n++
	return l.Listener.Accept()
}

func serveCounted(inner net.Listener, h http.Handler) {
	counted := &countingListener{Listener: inner}
	srv := &http.Server{Handler: h} // want GL006 "http.Server without ReadHeaderTimeout"
	srv.Serve(counted)
}
