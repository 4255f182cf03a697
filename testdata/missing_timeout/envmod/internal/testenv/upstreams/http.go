// Package upstreams starts the upstream servers of a test environment (below a folder
// named testenv, as Go's own internal/testenv): its servers end with the test.
package upstreams

import "net/http"

func Start(addr string, handler http.Handler) error {
	server := &http.Server{Addr: addr, Handler: handler}
	return server.ListenAndServe()
}
