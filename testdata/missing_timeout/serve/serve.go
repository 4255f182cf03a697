package serve

import (
	"log"
	"net"
	"net/http"
	"time"
)

func serveListener(l net.Listener, h http.Handler) {
	log.Fatal(http.Serve(l, h)) // want GL006 "http.Serve runs an http.Server without timeouts"
}

func serveTLSListener(l net.Listener, h http.Handler) error {
	return http.ServeTLS(l, h, "cert.pem", "key.pem") // want GL006 "http.ServeTLS"
}

// A server made with new and configured field by field, with no read timeout.
func newServer(h http.Handler) *http.Server {
	srv := new(http.Server) // want GL006 "http.Server without ReadHeaderTimeout or ReadTimeout"
	srv.Addr = ":8080"
	srv.Handler = h
	return srv
}

// The same, with the timeout set afterwards: bounded.
func newBoundedServer(h http.Handler) *http.Server {
	srv := new(http.Server)
	srv.Handler = h
	srv.ReadHeaderTimeout = 5 * time.Second
	return srv
}

// An empty literal configured field by field, with no read timeout.
func emptyLiteral(h http.Handler) error {
	srv := &http.Server{} // want GL006 "http.Server without ReadHeaderTimeout"
	srv.Addr = ":8443"
	srv.Handler = h
	return srv.ListenAndServe()
}

// A transport from new(), configured field by field without ResponseHeaderTimeout.
func newTransportClient() *http.Client {
	tr := new(http.Transport)
	tr.MaxIdleConns = 10
	return &http.Client{Transport: tr} // want GL006 "http.Client without Timeout"
}

// The same transport with the header timeout set afterwards bounds the wait.
func newBoundedTransportClient() *http.Client {
	tr := new(http.Transport)
	tr.ResponseHeaderTimeout = 10 * time.Second
	return &http.Client{Transport: tr}
}

// A client made with new and never given a timeout.
func newClient() *http.Client {
	c := new(http.Client) // want GL006 "http.Client without Timeout"
	c.CheckRedirect = nil
	return c
}

// Loopback listeners are local debug endpoints.
func debug() {
	go http.ListenAndServe("localhost:6060", nil)
}

// A default returned at once: the caller sets its fields.
func baseConfig(configured *http.Server) *http.Server {
	if configured != nil {
		return configured
	}
	return new(http.Server)
}
