// Package flagdaemon declares flags too, but it serves: a daemon's package, whose
// stalled request nobody watches.
package flagdaemon

import (
	"flag"
	"net/http"
)

var upstream = flag.String("upstream", "https://upstream.example.com", "where to forward")

// Run serves and forwards each request upstream.
func Run(addr string) error {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		resp, err := http.Get(*upstream + r.URL.Path) // want GL006 "http.Get uses http.DefaultClient"
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		resp.Body.Close()
	})
	return http.ListenAndServe(addr, nil) // want GL006 "http.ListenAndServe"
}
