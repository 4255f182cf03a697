//go:build !wasm

package wasmbuild

import "net/http"

// The same input on every other platform: reported.
func serveInputNative(addr string, h http.Handler) error {
	server := &http.Server{Addr: addr, Handler: h} // want GL006 "http.Server without ReadHeaderTimeout"
	return server.ListenAndServe()
}
