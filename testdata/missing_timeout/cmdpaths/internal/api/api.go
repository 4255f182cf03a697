// Package api serves the pods' health to remote clients.
package api

import (
	"net/http"
	"time"

	"example.com/cmdpaths/internal/stats"
)

// Serve runs the API server.
func Serve(addr string) error {
	srv := &http.Server{Addr: addr, Handler: http.HandlerFunc(handle), ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}

func handle(w http.ResponseWriter, r *http.Request) {
	ok, err := stats.Healthy(r.URL.Query().Get("pod"))
	if err != nil || !ok {
		w.WriteHeader(http.StatusBadGateway)
	}
}
