// Package ops serves a service's operations endpoints and its API.
package ops

import (
	"expvar"
	"net/http"
	"net/http/pprof"

	"example.com/ops/httputil"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics only, on a listener of its own: its clients are the operators' scrapers.
func ServeMetrics(addr string) error {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	return http.ListenAndServe(addr, mux)
}

// Health checks and profiles, registered here and by a registrar of the program.
func ServeDebug(addr string, ready func() bool) {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		if !ready() {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.Handle("/vars", expvar.Handler())
	HandleMetricsHealth(mux)
	go func() {
		_ = http.ListenAndServe(addr, mux)
	}()
}

func HandleMetricsHealth(mux *http.ServeMux) {
	mux.Handle("/metrics", promhttp.Handler())
}

// The API shares the mux: strangers reach it.
func ServeAll(addr string, api http.Handler) error {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	mux.Handle("/api/", api)
	return http.ListenAndServe(addr, mux) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}

// Handed to a function that may register anything.
func ServeWith(addr string, register func(*http.ServeMux)) error {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	register(mux)
	return http.ListenAndServe(addr, mux) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}

// Profiles only, registered by a registrar of another package named for them: its mux
// holds nothing else.
func StartPprof(addr string) {
	mux := http.NewServeMux()
	httputil.RoutePprof(mux)
	go func() {
		_ = http.ListenAndServe(addr, mux)
	}()
}

// A registrar whose name says nothing of what it registers may add the API.
func StartRoutes(addr string) {
	mux := http.NewServeMux()
	httputil.RouteAll(mux)
	go func() {
		_ = http.ListenAndServe(addr, mux) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
	}()
}
