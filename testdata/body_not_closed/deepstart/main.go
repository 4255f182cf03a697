// Command relay serves forever; at start-up it announces itself to a registry, four
// calls down from main: the response it drops is one of the process, not one per
// request. The same drop in a handler's path leaks per request.
package main

import (
	"net/http"
	"time"
)

func main() {
	setUp()
	http.HandleFunc("/ping", func(w http.ResponseWriter, r *http.Request) {
		forward(r.URL.Query().Get("to"))
	})
	server := &http.Server{Addr: ":8080", ReadHeaderTimeout: 10 * time.Second}
	_ = server.ListenAndServe()
}

func setUp() {
	register("https://registry.example.com")
}

func register(url string) {
	announce(url + "/announce")
}

func announce(url string) {
	_ = notify(url)
}

func notify(url string) error {
	req, err := http.NewRequest(http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	_, err = client.Do(req)
	return err
}

var client = &http.Client{Timeout: 10 * time.Second}

func forward(to string) {
	relay(to)
}

func relay(to string) {
	_ = push(to)
}

func push(url string) error {
	req, err := http.NewRequest(http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	_, err = client.Do(req) // want GL008 "response from client.Do discarded"
	return err
}
