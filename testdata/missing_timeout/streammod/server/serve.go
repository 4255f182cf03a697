// Package server serves HTTP over a host's streams (no socket of their own: a low
// finding that speaks of connections) and over sockets (shown).
package server

import (
	"net"
	"net/http"

	"example.com/other/tunnel"
	"example.com/streammod/sockets"
	"example.com/streammod/streamnet"
)

func streamListen(h streamnet.Host) (net.Listener, error) {
	return streamnet.Listen(h, "/http/1.1")
}

func serveStreams(h streamnet.Host, handler http.Handler) error {
	listener, err := streamListen(h)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: handler} // want GL006:low "^http.Server without ReadHeaderTimeout or ReadTimeout lets a slow client hold a goroutine and a connection as long as it likes"
	return srv.Serve(listener)
}

func serveStreamsShortcut(h streamnet.Host, handler http.Handler) error {
	listener, err := streamnet.Listen(h, "/http/1.1")
	if err != nil {
		return err
	}
	return http.Serve(listener, handler) // want GL006:low "http.Serve runs an http.Server without timeouts"
}

// A listener of another package of the module that opens a socket.
func serveModuleSocket(addr string, handler http.Handler) error {
	l, err := sockets.Open(addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: handler} // want GL006 "lets a slow client hold a goroutine and a socket as long as it likes"
	return srv.Serve(l)
}

// Another module's listener: its source is not at hand.
func serveTunnel(handler http.Handler) error {
	l, err := tunnel.Listen()
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: handler} // want GL006 "lets a slow client hold a goroutine and a socket as long as it likes"
	return srv.Serve(l)
}

func serveSocket(addr string, handler http.Handler) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: handler} // want GL006 "lets a slow client hold a goroutine and a socket as long as it likes"
	return srv.Serve(l)
}
