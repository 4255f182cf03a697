package fixtures

import (
	"fmt"
	"net"
	"net/http"
	"os"
)

// A daemon that serves only unix sockets: the listeners are kept in fields and made by
// a helper given the socket's path.
type daemon struct {
	server    *http.Server
	listener  net.Listener
	auxiliary net.Listener
}

type credListener struct {
	net.Listener
}

func listenOn(path string) (net.Listener, error) {
	return net.Listen("unix", path)
}

func (d *daemon) init(runDir string) error {
	socketPath := fmt.Sprintf("%s/%d/agent.socket", runDir, os.Getuid())
	if l, err := listenOn(socketPath); err != nil {
		return err
	} else {
		d.listener = &credListener{Listener: l}
	}
	aux, err := net.Listen("unix", runDir+"/aux.sock")
	if err != nil {
		return err
	}
	d.auxiliary = aux
	return nil
}

func (d *daemon) start(h http.Handler) {
	d.server = &http.Server{Handler: h}
	go d.server.Serve(d.auxiliary)
	go d.server.Serve(d.listener)
}

// The same server type served on a TCP port as well: strangers reach it.
type exposed struct {
	srv    *http.Server
	local  net.Listener
	public net.Listener
}

func (e *exposed) init(socketPath, addr string) error {
	local, err := listenOn(socketPath)
	if err != nil {
		return err
	}
	e.local = local
	public, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	e.public = public
	return nil
}

func (e *exposed) start(h http.Handler) {
	e.srv = &http.Server{Handler: h} // want GL006 "http.Server without ReadHeaderTimeout"
	go e.srv.Serve(e.local)
	go e.srv.Serve(e.public)
}

// A listener from a helper whose argument names no socket is not known to be one.
func serveFrom(open func(string) (net.Listener, error), where string, h http.Handler) error {
	l, err := open(where)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h} // want GL006 "http.Server without ReadHeaderTimeout"
	return srv.Serve(l)
}
