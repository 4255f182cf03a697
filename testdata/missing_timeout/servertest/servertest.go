// Package servertest starts servers for tests; its timeouts are the test's.
package servertest

import (
	"net"
	"net/http"
)

func Start(l net.Listener, h http.Handler) *http.Server {
	srv := &http.Server{Handler: h}
	go srv.Serve(l)
	return srv
}
