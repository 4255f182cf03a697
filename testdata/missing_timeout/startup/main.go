// Command gateway loads its routes from a config service at start, then serves: a
// daemon, whose start-up nobody watches, keeps the start-up request's finding.
package main

import (
	"io"
	"log"
	"net/http"
	"time"
)

func main() {
	routes := setUp("https://config.example.com/routes")
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(lookup(routes, r.URL.Path)))
	})
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}

func setUp(url string) string {
	return loadRoutes(url)
}

func loadRoutes(url string) string {
	return fetchConfig(url)
}

func fetchConfig(url string) string {
	resp, err := http.Get(url) // want GL006 "http.Get uses http.DefaultClient"
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return string(body)
}

func lookup(routes, path string) string {
	resp, err := http.Get(routes + path) // want GL006 "http.Get uses http.DefaultClient"
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return string(body)
}
