// Package streams serves HTTP on listeners that other packages make: over a peer-to-peer
// host's streams (no socket of their own: a low finding that speaks of connections),
// and over sockets wrapped by another package (shown).
package streams

import (
	"net"
	"net/http"

	"example.com/p2p/host"
	"example.com/p2p/streamnet"
	"example.com/proxyproto"
)

func streamListen(h host.Host) (net.Listener, error) {
	return streamnet.Listen(h, "/http/1.1")
}

func serveStreams(h host.Host, handler http.Handler) error {
	listener, err := streamListen(h)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: handler} // want GL006:low "lets a slow client hold a goroutine and a connection as long as it likes"
	return srv.Serve(listener)
}

func serveStreamsShortcut(h host.Host, handler http.Handler) error {
	listener, err := streamnet.Listen(h, "/http/1.1")
	if err != nil {
		return err
	}
	return http.Serve(listener, handler) // want GL006:low "http.Serve runs an http.Server without timeouts"
}

func serveWrappedSocket(addr string, handler http.Handler) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	wrapped := proxyproto.NewListener(l)
	srv := &http.Server{Handler: handler} // want GL006 "lets a slow client hold a goroutine and a socket as long as it likes"
	return srv.Serve(wrapped)
}

func serveGiven(l net.Listener, handler http.Handler) error {
	srv := &http.Server{Handler: handler} // want GL006 "lets a slow client hold a goroutine and a socket as long as it likes"
	return srv.Serve(l)
}
