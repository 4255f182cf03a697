// Package opswrapped serves operations endpoints through middleware, and a health-check
// library's handler.
package opswrapped

import (
	"fmt"
	"net/http"

	"example.com/cors"
	"example.com/telemetry"
	"github.com/example/healthcheck"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

func healthz(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
}

// Probes and metrics under two wrappers: still the operators' port.
func ServeOps(port int) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", healthz)
	mux.Handle("/metrics", promhttp.Handler())
	counted := telemetry.Middleware(mux)
	handler := cors.AllowAll().Handler(counted)
	return http.ListenAndServe(fmt.Sprintf(":%d", port), handler)
}

// Wrapped inline by a function of the file that only logs.
func ServeLogged(addr string) error {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	return http.ListenAndServe(addr, logged(mux))
}

func logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
	})
}

// The wrapper of the file adds an API route: strangers reach it.
func ServeWithAPI(addr string, api http.Handler) error {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	return http.ListenAndServe(addr, withAPI(mux, api)) // want GL006 "http.ListenAndServe runs an http.Server"
}

func withAPI(mux *http.ServeMux, api http.Handler) http.Handler {
	mux.Handle("/api/", api)
	return mux
}

func ServeExtended(addr string, api http.Handler) error {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	return http.ListenAndServe(addr, extend(mux)) // want GL006 "http.ListenAndServe runs an http.Server"
}

func extend(mux *http.ServeMux) http.Handler {
	mux.HandleFunc("/users", func(w http.ResponseWriter, r *http.Request) {})
	return mux
}

// Wrapped, but the mux serves the API too.
func ServeAll(addr string, api http.Handler) error {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	mux.Handle("/api/", api)
	return http.ListenAndServe(addr, cors.AllowAll().Handler(mux)) // want GL006 "http.ListenAndServe runs an http.Server"
}

// A health-check library's handler, kept in a field.
type Checker struct {
	Address string
	Handler healthcheck.Handler
}

func NewChecker(addr string) *Checker {
	return &Checker{Address: addr, Handler: healthcheck.NewHandler()}
}

func (c *Checker) Start() {
	go http.ListenAndServe(c.Address, c.Handler)
}

func ServeHealth(addr string) error {
	return http.ListenAndServe(addr, healthcheck.NewHandler())
}

// An API handler of the program kept the same way is reported.
type API struct {
	Address string
	Handler http.Handler
}

func (a *API) Start() {
	go http.ListenAndServe(a.Address, a.Handler) // want GL006 "http.ListenAndServe runs an http.Server"
}
