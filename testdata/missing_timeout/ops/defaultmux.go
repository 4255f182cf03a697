package ops

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// The default mux serves the API beside the metrics: strangers reach it.
func ServeDefault(addr string, api http.Handler) error {
	http.Handle("/metrics", promhttp.Handler())
	http.Handle("/api/", api)
	return http.ListenAndServe(addr, nil) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}

func ServeDefaultFunc(addr string, upload http.HandlerFunc) error {
	http.HandleFunc("/upload", upload)
	return http.ListenAndServe(addr, nil) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}
