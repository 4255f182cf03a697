package main

import (
	"flag"
	"log"
	"net/http"
)

var enablePprof = flag.Bool("pprof", false, "serve the profiler on :6060")

// The profiler's port: the file adds no handler to http.DefaultServeMux, and the
// function that serves it is named for the profiler.
func pprof() {
	go func() {
		log.Println("pprof", http.ListenAndServe(":6060", nil))
	}()
}

func main() {
	flag.Parse()
	if *enablePprof {
		pprof()
		defer startProfiling().Close()
		defer startProfilerServer().Close()
	}
	serve()
}

// The same as a server literal, shut down with the program.
func startProfiling() *http.Server {
	srv := &http.Server{Addr: ":6062"}
	go srv.ListenAndServe()
	return srv
}
