package opsapi

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// A metrics server literal on the default mux, the file's only registration: reported
// (projects bound these).
func RunMetrics() *http.Server {
	srv := &http.Server{Addr: ":8080"} // want GL006 "http.Server without ReadHeaderTimeout"
	http.Handle("/metrics", promhttp.Handler())
	go srv.ListenAndServe()
	return srv
}
