// Package loopfield keeps its servers in fields and binds their listeners in other ways
// than net.Listen.
package loopfield

import (
	"context"
	"net"
	"net/http"
)

// A test git server on a loopback listener of a net.ListenConfig: only local processes
// reach it.
type gitServer struct {
	ln  net.Listener
	srv *http.Server
}

func (s *gitServer) start(ctx context.Context) (string, error) {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	s.ln = ln
	s.srv = &http.Server{Handler: http.NotFoundHandler()}
	go func() { _ = s.srv.Serve(ln) }()
	return "http://" + ln.Addr().String(), nil
}

// The same on every interface: reported.
type publicServer struct {
	ln  net.Listener
	web *http.Server
}

func (s *publicServer) start(ctx context.Context) (string, error) {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", ":8080")
	if err != nil {
		return "", err
	}
	s.ln = ln
	s.web = &http.Server{Handler: http.NotFoundHandler()} // want GL006 "http.Server without ReadHeaderTimeout"
	go func() { _ = s.web.Serve(ln) }()
	return "http://" + ln.Addr().String(), nil
}
