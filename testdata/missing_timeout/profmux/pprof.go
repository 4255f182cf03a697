package profmux

import (
	"net/http"
	_ "net/http/pprof"
)

// The handlers importing pprof registered, moved to a server of their own.
func newProfilingServer() *http.Server {
	profiles := http.DefaultServeMux
	http.DefaultServeMux = http.NewServeMux()
	return &http.Server{Handler: profiles}
}
