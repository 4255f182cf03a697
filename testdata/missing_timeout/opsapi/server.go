package opsapi

import "net/http"

// The default mux serves an upload handler beside the probe: strangers reach it.
func Run(address string, upload http.HandlerFunc) error {
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {})
	http.HandleFunc("/upload", upload)
	server := &http.Server{Addr: address} // want GL006 "http.Server without ReadHeaderTimeout"
	return server.ListenAndServe()
}

// The mux is handed over in the literal: the same.
func RunDefault(address string) error {
	server := &http.Server{Addr: address, Handler: http.DefaultServeMux} // want GL006 "http.Server without ReadHeaderTimeout"
	return server.ListenAndServe()
}
