// Package profiling imports net/http/pprof, which registers its handlers on
// http.DefaultServeMux: a server of that mux started by a function named for it is a
// debug endpoint for the developers, as http.ListenAndServe(addr, nil) is.
package profiling

import (
	"net/http"
	_ "net/http/pprof"
)

func serveProfiling(addr string) error {
	s := http.Server{Addr: addr, Handler: http.DefaultServeMux}
	go func() {
		_ = s.ListenAndServe()
	}()
	return nil
}

// Start serves the program's API, which it registers on the same mux: the import
// alone does not make it a debug endpoint.
func Start(addr string) error {
	s := &http.Server{Addr: addr, MaxHeaderBytes: 1 << 20} // want GL006 "http.Server without ReadHeaderTimeout"
	return s.ListenAndServe()
}

// serveAPI serves a handler of its caller's.
func serveAPI(addr string, h http.Handler) error {
	s := http.Server{Addr: addr, Handler: h} // want GL006 "http.Server without ReadHeaderTimeout"
	return s.ListenAndServe()
}
