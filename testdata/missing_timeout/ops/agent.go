package ops

import (
	"fmt"
	"log"
	"net/http"
	"sync"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

var agentOnce sync.Once

// A metrics agent: the file registers only the scrape handler on http.DefaultServeMux
// and serves that mux on a port of its own, for the operators' scrapers.
func StartAgent(host string, port int, path string) {
	agentOnce.Do(func() {
		go func() {
			http.Handle(path, promhttp.Handler())
			if err := http.ListenAndServe(fmt.Sprintf("%s:%d", host, port), nil); err != nil {
				log.Print(err)
			}
		}()
	})
}

func StartHealth(addr string) error {
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {})
	return http.ListenAndServe(addr, nil)
}
