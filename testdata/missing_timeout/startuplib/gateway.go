// Package gateway loads its routes from a config service once, as the process starts
// (a stall shows as a start that does not finish: low confidence), and asks the
// service again on every request it serves.
package gateway

import (
	"io"
	"log"
	"net/http"
)

var routes string

func init() {
	routes = setUp("https://config.example.com/routes")
}

func setUp(url string) string {
	return loadRoutes(url)
}

func loadRoutes(url string) string {
	return fetchConfig(url)
}

func fetchConfig(url string) string {
	resp, err := http.Get(url) // want GL006:low "http.Get uses http.DefaultClient"
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return string(body)
}

// Handler serves the routes, asking the service for each path.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(lookup(r.URL.Path)))
	})
}

func lookup(path string) string {
	resp, err := http.Get(routes + path) // want GL006 "http.Get uses http.DefaultClient"
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return string(body)
}
