package metrics

import (
	"expvar"
	"net/http"
	"net/http/pprof"

	"example.com/api"
	"example.com/pages"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics, counters and a library's debug pages mounted under /debug: an operations
// port of its own, for scrapers and developers.
func ServeMetrics(addr string) error {
	mux := http.NewServeMux()
	pages.Handle(mux, "/debug")
	mux.Handle("/metrics", promhttp.Handler())
	mux.Handle("/debug/vars", expvar.Handler())
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	return http.ListenAndServe(addr, mux)
}

// The same mux with an API mounted beside the metrics: a service's port.
func ServeAPI(addr string) error {
	mux := http.NewServeMux()
	api.Handle(mux, "/v1")
	mux.Handle("/metrics", promhttp.Handler())
	return http.ListenAndServe(addr, mux) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}
