package ops

import (
	"net/http"
	"sync/atomic"
)

var ready atomic.Bool

// A daemon's probe port: the file puts only the probes on http.DefaultServeMux, and the
// server literal serves that mux (no Handler) for the kubelet.
func RunProbes(address string) error {
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	})
	http.HandleFunc("/readyz", func(w http.ResponseWriter, r *http.Request) {
		if !ready.Load() {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
	server := &http.Server{Addr: address}
	return server.ListenAndServe()
}

// The handler is set after the literal: the API, not the probes' mux.
func RunAPI(address string, api http.Handler) error {
	server := &http.Server{Addr: address} // want GL006 "http.Server without ReadHeaderTimeout"
	server.Handler = api
	return server.ListenAndServe()
}
