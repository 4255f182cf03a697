package fixtures

import (
	"crypto/tls"
	"net/http"

	"example.com/graceful"
	"example.com/quic-go/http09"
)

// An HTTP/0.9 server over QUIC takes only Addr and TLSConfig from the http.Server it
// keeps: it reads its requests from QUIC streams over UDP, never from a TCP connection.
func serveQUIC(conf *tls.Config) error {
	server := http09.Server{
		Server: &http.Server{Addr: ":443", TLSConfig: conf},
	}
	return server.ListenAndServe()
}

// A graceful-shutdown wrapper serves its http.Server over TCP: still reported.
func serveGraceful() error {
	server := &graceful.Server{
		Server: &http.Server{Addr: ":8080"}, // want GL006 "http.Server without ReadHeaderTimeout"
	}
	return server.ListenAndServe()
}
