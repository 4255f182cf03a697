// Package promserve serves a program's metrics on a listener of their own.
package promserve

import (
	"net"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
)

// Serve serves the metrics of registry, through the handler its caller builds from it
// (promhttp's), on the path it names: its clients are the operators' scrapers.
func Serve(registry *prometheus.Registry, listener net.Listener, path string, handler http.Handler,
	cs ...prometheus.Collector) error {
	registry.MustRegister(cs...)
	mux := http.NewServeMux()
	mux.Handle(path, handler)
	return http.Serve(listener, mux)
}

// ServeAPI is handed no registry: the handler it serves may be anything.
func ServeAPI(listener net.Listener, path string, handler http.Handler) error {
	mux := http.NewServeMux()
	mux.Handle(path, handler)
	return http.Serve(listener, mux) // want GL006 "http.Serve runs an http.Server without timeouts"
}

// ServeBoth is handed a registry, but serves a handler that is not its parameter too.
func ServeBoth(registry *prometheus.Registry, listener net.Listener, handler http.Handler, api http.Handler) error {
	mux := http.NewServeMux()
	mux.Handle("/metrics", handler)
	mux.Handle("/api/", api)
	return http.Serve(listener, mux) // want GL006 "http.Serve runs an http.Server without timeouts"
}
