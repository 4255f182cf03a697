//go:build wasm

// Package wasmbuild serves an input under WebAssembly, where no remote client reaches
// a listener.
package wasmbuild

import "net/http"

func serveInput(addr string, h http.Handler) error {
	server := &http.Server{Addr: addr, Handler: h}
	return server.ListenAndServe()
}
