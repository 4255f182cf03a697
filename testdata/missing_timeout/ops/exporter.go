package ops

import (
	"expvar"
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// A metrics port whose handler is promhttp's own: low, its clients are the operators'
// scrapers.
func serveMetricsOnly(addr string) error {
	return http.ListenAndServe(addr, promhttp.Handler()) // want GL006:low "http.ListenAndServe runs an http.Server without timeouts"
}

// expvar's handler, served alone.
func serveVars(addr string) error {
	return http.ListenAndServe(addr, expvar.Handler()) // want GL006:low "http.ListenAndServe runs an http.Server without timeouts"
}

// Another handler on that port: reported.
func serveWrapped(addr string, api http.Handler) error {
	return http.ListenAndServe(addr, api) // want GL006 "http.ListenAndServe runs an http.Server without timeouts"
}
