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
