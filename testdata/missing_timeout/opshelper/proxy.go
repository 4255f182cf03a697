// Package proxy serves its metrics and probes, and an admin mux on localhost, through
// one helper: their clients are the operators' scrapers and probes. A helper that
// serves the API too is reported.
package proxy

import (
	"context"
	"net"
	"net/http"
	"net/http/pprof"
)

func run(ctx context.Context, host, port, adminPort string, metrics http.Handler, api http.Handler) {
	mux := http.NewServeMux()
	mux.Handle("/metrics", metrics)
	mux.HandleFunc("/liveness", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/readiness", func(w http.ResponseWriter, r *http.Request) {})
	go startHTTPServer(ctx, net.JoinHostPort(host, port), mux)

	admin := http.NewServeMux()
	admin.HandleFunc("/quitquitquit", func(w http.ResponseWriter, r *http.Request) {})
	admin.HandleFunc("/debug/pprof/", pprof.Index)
	go startHTTPServer(ctx, net.JoinHostPort("localhost", adminPort), admin)

	public := http.NewServeMux()
	public.Handle("/api/", api)
	public.Handle("/metrics", metrics)
	go startServer(ctx, net.JoinHostPort(host, "8080"), public)
	status := http.NewServeMux()
	status.Handle("/metrics", metrics)
	go startServer(ctx, net.JoinHostPort(host, "9090"), status)
}

func startHTTPServer(ctx context.Context, addr string, mux *http.ServeMux) {
	server := &http.Server{Addr: addr, Handler: mux}
	go server.ListenAndServe()
	<-ctx.Done()
	server.Close()
}

func startServer(ctx context.Context, addr string, mux *http.ServeMux) {
	server := &http.Server{Addr: addr, Handler: mux} // want GL006 "http.Server without ReadHeaderTimeout"
	go server.ListenAndServe()
	<-ctx.Done()
	server.Close()
}
