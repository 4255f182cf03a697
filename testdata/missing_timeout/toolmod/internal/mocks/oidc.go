// Package mocks serves a fake identity provider that the tests point the code at: low.
package mocks

import "net/http"

// NewServer returns the fake provider's server.
func NewServer(addr string) *http.Server {
	srv := &http.Server{Addr: addr, Handler: http.NotFoundHandler()} // want GL006:low "http.Server without ReadHeaderTimeout"
	go srv.ListenAndServe()
	return srv
}
