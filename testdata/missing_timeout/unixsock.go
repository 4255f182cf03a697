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

// One variable takes the server of each branch, and a helper of the file serves it on
// the listener handed beside it: the unix branch's server reaches only local
// processes, the TCP branch's strangers.
func startEither(socket, addr string, h http.Handler) error {
	var server *http.Server
	if socket != "" {
		var listener net.Listener
		var err error
		if listener, err = net.Listen("unix", socket); err != nil {
			return err
		}
		server = &http.Server{Addr: socket, Handler: h}
		go serveOn(server, listener)
	} else {
		listener, err := net.Listen("tcp", addr)
		if err != nil {
			return err
		}
		server = &http.Server{Addr: addr, Handler: h} // want GL006 "http.Server without ReadHeaderTimeout"
		go serveOn(server, listener)
	}
	return nil
}

func serveOn(s *http.Server, l net.Listener) {
	_ = s.Serve(l)
}

// A fake made by one function and served on a loopback port by another: only local
// processes (the tests that start it) reach it.
type fakeAPI struct {
	api  *http.Server
	loop net.Listener
}

func newFakeAPI(h http.Handler) *fakeAPI {
	f := &fakeAPI{}
	f.api = &http.Server{Handler: h}
	return f
}

func (f *fakeAPI) Start() error {
	var err error
	f.loop, err = net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	return f.api.Serve(f.loop)
}

// The same shape on every interface: strangers reach it.
type openAPI struct {
	web  *http.Server
	port net.Listener
}

func newOpenAPI(h http.Handler) *openAPI {
	o := &openAPI{}
	o.web = &http.Server{Handler: h} // want GL006 "http.Server without ReadHeaderTimeout"
	return o
}

func (o *openAPI) Start() error {
	var err error
	o.port, err = net.Listen("tcp", ":8080")
	if err != nil {
		return err
	}
	return o.web.Serve(o.port)
}

// A logger's server, made in its constructor through a local variable and kept in a
// field, that another method serves on a listener made for a socket path.
type socketLogger struct {
	logServer *http.Server
}

func newSocketLogger(h http.Handler) *socketLogger {
	l := &socketLogger{}
	logServer := &http.Server{Handler: h}
	l.logServer = logServer
	return l
}

func (l *socketLogger) start(sockPath string) error {
	ln, err := listenOn(sockPath)
	if err != nil {
		return err
	}
	go l.logServer.Serve(ln)
	return nil
}

// A server kept as a keyed value of its owner's literal, served on a unix socket.
type pluginServer struct {
	pluginHTTP *http.Server
	socketPath string
}

func newPluginServer(socketPath string, h http.Handler) *pluginServer {
	return &pluginServer{
		pluginHTTP: &http.Server{Handler: h},
		socketPath: socketPath,
	}
}

func (p *pluginServer) start() error {
	ln, err := net.Listen("unix", p.socketPath)
	if err != nil {
		return err
	}
	go p.pluginHTTP.Serve(ln)
	return nil
}

// The same shape on a TCP address: strangers reach it.
type apiServer struct {
	apiHTTP *http.Server
	addr    string
}

func newAPIServer(addr string, h http.Handler) *apiServer {
	return &apiServer{
		apiHTTP: &http.Server{Handler: h}, // want GL006 "http.Server without ReadHeaderTimeout"
		addr:    addr,
	}
}

func (a *apiServer) start() error {
	ln, err := net.Listen("tcp", a.addr)
	if err != nil {
		return err
	}
	go a.apiHTTP.Serve(ln)
	return nil
}

// A per-user proxy on a socket file the command creates and restricts itself.
func serveUserSocket(path string, handler http.Handler) error {
	addr, err := net.ResolveUnixAddr("unix", path)
	if err != nil {
		return err
	}
	listener, err := net.ListenUnix("unix", addr)
	if err != nil {
		return err
	}
	if err := os.Chmod(path, 0o600); err != nil {
		return err
	}
	return http.Serve(listener, handler)
}

// The same proxy on a TCP port: anyone who reaches it can hold its connections.
func serveUserPort(address string, handler http.Handler) error {
	listener, err := net.Listen("tcp", address)
	if err != nil {
		return err
	}
	return http.Serve(listener, handler) // want GL006 "http.Serve runs an http.Server without timeouts"
}
