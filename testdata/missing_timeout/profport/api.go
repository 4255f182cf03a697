package main

import (
	"log"
	"net/http"
)

func serve() {
	http.HandleFunc("/api", func(w http.ResponseWriter, r *http.Request) {})
	log.Fatal(http.ListenAndServe(":8080", nil)) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}

// Named for the profiler, but the file serves the API on the same mux.
func startProfiler() {
	go http.ListenAndServe(":6061", nil) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}

// A server literal named for the profiler, in the file that serves the API: reported.
func startProfilerServer() *http.Server {
	srv := &http.Server{Addr: ":6063"} // want GL006 "http.Server without ReadHeaderTimeout"
	go srv.ListenAndServe()
	return srv
}
