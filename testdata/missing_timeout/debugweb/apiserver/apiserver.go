// Package apiserver builds the same kind of server, but the file also registers the
// program's API on it: strangers reach it.
package apiserver

import (
	"net/http"
	"net/http/pprof"
)

type Server struct {
	*http.Server
	*http.ServeMux
}

func New(addr string, api http.HandlerFunc) *Server {
	mux := http.NewServeMux()
	srv := &http.Server{ // want GL006 "http.Server without ReadHeaderTimeout"
		Addr:    addr,
		Handler: mux,
	}
	s := &Server{srv, mux}
	s.HandleFunc("/debug/pprof/", pprof.Index)
	s.HandleFunc("/api/", api)
	return s
}
