//go:build probes

// Each file of this folder is a program of its own (`go run probe.go`): this one
// makes its requests, to a test server of its own, and exits.
package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
)

func main() {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	}))
	defer s.Close()
	resp, err := http.Get(s.URL)
	if err != nil {
		os.Exit(1)
	}
	defer resp.Body.Close()
	io.Copy(os.Stdout, resp.Body)
}
