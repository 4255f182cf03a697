// Command check asks a server once, after a short pause: a pause outside any loop is no
// poll, and the program ends after its check (as the oneshot command does).
package main

import (
	"log"
	"net/http"
	"os"
	"time"
)

func main() {
	time.Sleep(100 * time.Millisecond)
	if !Capabilities(os.Args[1]) {
		os.Exit(1)
	}
}

func Capabilities(url string) bool {
	resp, err := http.Get(url)
	if err != nil {
		log.Fatal(err)
	}
	return resp.StatusCode == http.StatusOK
}
