package profiling

import "net/http"

type Options struct {
	DebugAddr string
	APIAddr   string
}

// A server of http.DefaultServeMux on an address named for debugging.
func serveDebug(opts Options) error {
	s := &http.Server{Addr: opts.DebugAddr}
	return s.ListenAndServe()
}

// The same mux on the API's address: the file does not import pprof or expvar.
func serveDefaultMux(opts Options) error {
	s := &http.Server{Addr: opts.APIAddr} // want GL006 "http.Server without ReadHeaderTimeout"
	return s.ListenAndServe()
}
