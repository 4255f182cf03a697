package ops

import (
	"net/http"
	"net/http/pprof"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

type node struct {
	profileServer *http.Server
	metricsServer *http.Server
}

// A mux of its own with pprof's handlers only, on the operator's profiling address:
// whoever reaches it can already take CPU profiles, which cost more than slow headers.
func (n *node) startProfiling(addr string) {
	profileMux := http.NewServeMux()
	profileMux.HandleFunc("/debug/pprof/", pprof.Index)
	profileMux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	profileMux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	n.profileServer = &http.Server{Addr: addr, Handler: profileMux}
	go n.profileServer.ListenAndServe()
}

// pprof beside the API on one mux: a service for strangers.
func (n *node) startAPI(addr string, api http.Handler) {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.Handle("/api/", api)
	n.profileServer = &http.Server{Addr: addr, Handler: mux} // want GL006 "http.Server without ReadHeaderTimeout or ReadTimeout lets a slow client hold a goroutine and a socket"
	go n.profileServer.ListenAndServe()
}

// A metrics endpoint on a server literal stays reported: scrapers are not the only
// ones who can reach its address.
func (n *node) startMetrics(addr string) {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	n.metricsServer = &http.Server{Addr: addr, Handler: mux} // want GL006 "http.Server without ReadHeaderTimeout"
	go n.metricsServer.ListenAndServe()
}
