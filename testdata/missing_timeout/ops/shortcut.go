package ops

import (
	"net"
	"net/http"
)

// ServeBoth is a library's shortcut, as http.ListenAndServe is: it serves the
// caller's handler on a server it keeps to itself (a note; the caller who needs
// timeouts serves the handler on an http.Server of its own).
func ServeBoth(addr string, handler http.Handler) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	if handler == nil {
		handler = http.DefaultServeMux
	}
	srv := &http.Server{ // want GL006 "http.Server without ReadHeaderTimeout"
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Alt-Svc", "h3")
			handler.ServeHTTP(w, r)
		}),
	}
	errs := make(chan error, 1)
	go func() { errs <- srv.Serve(l) }()
	err = <-errs
	srv.Close()
	return err
}

// Server is the library's own server value: its users cannot reach its http.Server
// (a warning).
type Server struct{ srv *http.Server }

// NewServer keeps the server it makes, with the caller's handler, in a value of the
// library's: not a shortcut the caller can replace with its own server.
func NewServer(addr string, handler http.Handler) *Server {
	srv := &http.Server{Addr: addr, Handler: handler} // want GL006 "http.Server without ReadHeaderTimeout"
	return &Server{srv: srv}
}

// ServeAPI serves a handler of its own: the caller gives none.
func ServeAPI(addr string, routes map[string]http.HandlerFunc) error {
	mux := http.NewServeMux()
	for path, h := range routes {
		mux.HandleFunc(path, h)
	}
	srv := &http.Server{Addr: addr, Handler: mux} // want GL006 "http.Server without ReadHeaderTimeout"
	return srv.ListenAndServe()
}

// serveQuietly is the package's own: its callers are the package's servers.
func serveQuietly(addr string, handler http.Handler) error {
	srv := &http.Server{Addr: addr, Handler: handler} // want GL006 "http.Server without ReadHeaderTimeout"
	return srv.ListenAndServe()
}

// Run hands the caller's address and handler to http.ListenAndServe: the same
// shortcut (a note).
func Run(addr string, handler http.Handler) error {
	return http.ListenAndServe(addr, handler) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}

// RunAPI serves a handler the caller does not give (a warning).
func RunAPI(addr string) error {
	return http.ListenAndServe(addr, http.NotFoundHandler()) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}
