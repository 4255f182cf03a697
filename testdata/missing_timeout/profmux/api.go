package profmux

import "net/http"

// The API's server takes a mux of its own: still reported.
func newAPIServer() *http.Server {
	routes := http.NewServeMux()
	routes.HandleFunc("/v1/items", func(http.ResponseWriter, *http.Request) {})
	return &http.Server{Handler: routes} // want GL006 "^http.Server without ReadHeaderTimeout"
}
