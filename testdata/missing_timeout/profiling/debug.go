package profiling

import (
	"net/http"
	_ "net/http/pprof"
)

// A file named for debugging that imports pprof: its server of http.DefaultServeMux is
// the debug endpoint.
func init() {
	srv := &http.Server{Addr: "0.0.0.0:6060", Handler: nil}
	go srv.ListenAndServe()
}
