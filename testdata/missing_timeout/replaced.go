package fixtures

import (
	"crypto/tls"
	"net/http"
	"time"
)

// A zero placeholder that each branch replaces with a configured server before it
// serves: the one served has a header timeout.
func serveReplaced(addr string, h http.Handler, cert *tls.Certificate) error {
	srv := http.Server{}
	if cert != nil {
		srv = http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 10 * time.Second,
			TLSConfig: &tls.Config{Certificates: []tls.Certificate{*cert}}}
	} else {
		srv = http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 10 * time.Second}
	}
	return srv.ListenAndServe()
}

// Replaced by a server that has no timeout either: that one is reported.
func serveReplacedBare(addr string, h http.Handler) error {
	var srv = &http.Server{}
	srv = &http.Server{Addr: addr, Handler: h} // want GL006 "http.Server without ReadHeaderTimeout"
	return srv.ListenAndServe()
}

// Replaced on one path only: the other serves the empty server.
func serveSometimesReplaced(addr string, h http.Handler, bound bool) error {
	srv := &http.Server{} // want GL006 "http.Server without ReadHeaderTimeout"
	if bound {
		srv = &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: time.Second}
	}
	srv.Addr, srv.Handler = addr, h
	return srv.ListenAndServe()
}

// Used before it is replaced.
func serveBeforeReplaced(addr string, h http.Handler) {
	srv := &http.Server{Addr: addr, Handler: h} // want GL006 "http.Server without ReadHeaderTimeout"
	go srv.ListenAndServe()
	other := &http.Server{} // want GL006 "http.Server without ReadHeaderTimeout"
	other.Handler = h
	go other.ListenAndServe()
	other = &http.Server{Addr: addr, Handler: h, ReadTimeout: time.Minute}
	go other.ListenAndServe()
}
