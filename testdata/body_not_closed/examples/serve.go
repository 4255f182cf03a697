//go:build examples

// Another program of the folder (it declares its own main): a server, which keeps
// running. What it keeps open stays reported.
package main

import (
	"io"
	"net/http"
)

func main() {
	http.HandleFunc("/", proxy)
	http.ListenAndServe("127.0.0.1:8080", nil)
}

func proxy(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://127.0.0.1:9090" + r.URL.Path) // want GL008 "read until EOF or an error but never closed, which net/http asks for"
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	io.Copy(w, resp.Body)
}
