//go:build examples

// A folder of example programs, each run on its own (`go run -tags examples
// fetch.go`): this one does its requests and exits.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
)

func main() {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "hello")
	}))
	show(s.URL)
	status(s.URL)
	fmt.Println(version(s.URL))
}

// Each body read to EOF: the connection is free again, and the process ends soon.
func show(url string) {
	resp, err := http.Get(url)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	b, _ := io.ReadAll(resp.Body)
	fmt.Printf("%s", b)

	resp, err = http.Get(url)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	io.Copy(os.Stdout, resp.Body)
}

// Decoded in a loop and never closed: an iteration whose decoding fails part way keeps
// its connection busy until the program ends.
func status(url string) {
	for i := 0; i < 3; i++ {
		resp, err := http.Get(url) // want GL008 "`resp.Body` from http.Get is decoded or read but never closed, which net/http asks for: call resp.Body.Close\(\) before the iteration ends"
		if err != nil {
			return
		}
		var v map[string]string
		json.NewDecoder(resp.Body).Decode(&v)
	}
}

// Decoded once: at EOF once decoded whole, and the process ends soon.
func version(url string) string {
	resp, err := http.Get(url)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var v struct{ Version string }
	json.NewDecoder(resp.Body).Decode(&v)
	return v.Version
}
