// Package streamnet hands a host's streams over as connections: its listener's Accept
// receives them from a channel the host's stream handler sends on.
package streamnet

import "net"

type Stream interface {
	net.Conn
}

type Host interface {
	SetStreamHandler(proto string, handler func(Stream))
}

type listener struct {
	streams chan Stream
	done    chan struct{}
}

func Listen(h Host, proto string) (net.Listener, error) {
	l := &listener{streams: make(chan Stream), done: make(chan struct{})}
	h.SetStreamHandler(proto, func(s Stream) {
		select {
		case l.streams <- s:
		case <-l.done:
		}
	})
	return l, nil
}

func (l *listener) Accept() (net.Conn, error) {
	select {
	case s := <-l.streams:
		return s, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *listener) Close() error   { close(l.done); return nil }
func (l *listener) Addr() net.Addr { return nil }
