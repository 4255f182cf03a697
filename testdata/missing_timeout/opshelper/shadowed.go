package proxy

import (
	"context"
	"net"
	"net/http"
)

func runStatus(ctx context.Context, host string, metrics http.Handler, api http.Handler) {
	status := http.NewServeMux()
	status.Handle("/metrics", metrics)
	go startMaybePublic(ctx, net.JoinHostPort(host, "9091"), status, api)
}

// The server's `mux` is the branch's own, not the parameter of that name that the
// caller hands an operations mux: it serves the API.
func startMaybePublic(ctx context.Context, addr string, mux *http.ServeMux, api http.Handler) {
	if api != nil {
		mux := http.NewServeMux()
		mux.Handle("/api/", api)
		server := &http.Server{Addr: addr, Handler: mux} // want GL006 "http.Server without ReadHeaderTimeout"
		go server.ListenAndServe()
		<-ctx.Done()
		server.Close()
	}
}
