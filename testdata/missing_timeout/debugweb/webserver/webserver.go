// Package webserver builds a debug web server: the file registers only profiles and
// counters on it, other files of the program may add their own handlers.
package webserver

import (
	"expvar"
	"net/http"
	"net/http/pprof"
)

type WebServer interface {
	HandleFunc(pattern string, handler func(http.ResponseWriter, *http.Request))
	Serve() error
}

type SimpleWebServer struct {
	*http.Server
	*http.ServeMux
}

func NewSimpleWebServer(addr string) *SimpleWebServer {
	mux := http.NewServeMux()
	srv := &http.Server{ // want GL006:low "http.Server without ReadHeaderTimeout"
		Addr:    addr,
		Handler: mux,
	}
	return &SimpleWebServer{srv, mux}
}

func (sw *SimpleWebServer) Serve() error {
	go func() {
		_ = sw.ListenAndServe()
	}()
	return nil
}

func EnablePprofEndpoints(ws WebServer) {
	ws.HandleFunc("/debug/pprof/", pprof.Index)
	ws.HandleFunc("/debug/pprof/profile", pprof.Profile)
}

func EnableExpVarEndpoints(ws WebServer) {
	ws.HandleFunc("/debug/vars", expvar.Handler().ServeHTTP)
}
