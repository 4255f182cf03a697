// Package upstreams serves the product's upstreams: strangers reach it.
package upstreams

import "net/http"

func Start(addr string, handler http.Handler) error {
	server := &http.Server{Addr: addr, Handler: handler} // want GL006 "^http.Server without ReadHeaderTimeout"
	return server.ListenAndServe()
}
